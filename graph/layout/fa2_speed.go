package layout

import "math"

// maxForce caps a node's force under graphology's per-node speed with
// AdjustSizes (graphology iterate.js MAX_FORCE).
const maxForce = 10

// applyForces moves every unpinned node by its force scaled by the adaptive
// speed (paper §"Adaptive speed"). The swinging of a node is
// swg(n) = (deg+1) |F_t(n) - F_{t-1}(n)|, its effective traction
// tra(n) = (deg+1) |F_t(n) + F_{t-1}(n)| / 2.
func (f *FA2) applyForces() {
	if f.s.Speed == SpeedPerNode {
		f.applyPerNode()
		return
	}
	f.applyGlobal()
}

// applyGlobal is the paper's and Gephi's (ForceAtlas2.java, goAlgo) global
// speed: the totals of swinging and traction set a target speed
// tau*eff*Tra/Swg, with an empirical jitter tolerance tau that grows with
// sqrt(N) and a speed efficiency eff lowered when the layout swings; the
// speed may rise by at most 50% per step. Each node then moves by
// F * speed/(1+sqrt(speed*swg(n))) (with AdjustSizes: 0.1 of that and at
// most 10 units), divided by SlowDown.
func (f *FA2) applyGlobal() {
	n := f.g.N
	var totalSwinging, totalTraction float64
	for i := 0; i < n; i++ { // serial: a fixed summation order
		if f.pinned[i] {
			continue
		}
		o, c := f.oldForce[i], f.force[i]
		m := f.mass[i]
		totalSwinging += m * math.Hypot(o.X-c.X, o.Y-c.Y)
		totalTraction += m * 0.5 * math.Hypot(o.X+c.X, o.Y+c.Y)
	}
	if !(totalSwinging > 0) || !(totalTraction > 0) {
		return // nothing moves (all pinned, or no force at all)
	}
	nn := float64(n)
	estimatedOptimalJT := 0.05 * math.Sqrt(nn)
	minJT := math.Sqrt(estimatedOptimalJT)
	const maxJT = 10
	jt := f.s.JitterTolerance * math.Max(minJT, math.Min(maxJT, estimatedOptimalJT*totalTraction/(nn*nn)))
	const minSpeedEfficiency = 0.05
	if totalSwinging/totalTraction > 2.0 {
		if f.speedEfficiency > minSpeedEfficiency {
			f.speedEfficiency *= 0.5
		}
		jt = math.Max(jt, f.s.JitterTolerance)
	}
	targetSpeed := jt * f.speedEfficiency * totalTraction / totalSwinging
	if totalSwinging > jt*totalTraction {
		if f.speedEfficiency > minSpeedEfficiency {
			f.speedEfficiency *= 0.7
		}
	} else if f.speed < 1000 {
		f.speedEfficiency *= 1.3
	}
	const maxRise = 0.5
	f.speed += math.Min(targetSpeed-f.speed, maxRise*f.speed)

	speed := f.speed
	slow := f.s.SlowDown
	adjust := f.s.AdjustSizes
	parallelFor(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if f.pinned[i] {
				continue
			}
			o, c := f.oldForce[i], f.force[i]
			swinging := f.mass[i] * math.Hypot(o.X-c.X, o.Y-c.Y)
			factor := speed / (1 + math.Sqrt(speed*swinging))
			if adjust {
				factor *= 0.1
				if df := math.Hypot(c.X, c.Y); df > 0 {
					factor = math.Min(factor*df, 10) / df
				}
			}
			factor /= slow
			f.pos[i].X += c.X * factor
			f.pos[i].Y += c.Y * factor
		}
	})
}

// applyPerNode is graphology-layout-forceatlas2 0.10.1's update (iterate.js,
// "Apply Forces"): node speed = conv(n) ln(1+tra(n)) / (1+sqrt(swg(n))) with
// traction not weighted by mass, and conv(n) updated to
// min(1, sqrt(speed |F|² / (1+sqrt(swg)))). With AdjustSizes forces are
// capped at 10 and speed is 0.1 ln(1+tra)/(1+sqrt(swg)).
func (f *FA2) applyPerNode() {
	slow := f.s.SlowDown
	adjust := f.s.AdjustSizes
	parallelFor(f.g.N, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if f.pinned[i] {
				continue
			}
			o, c := f.oldForce[i], f.force[i]
			if adjust {
				if fm := math.Hypot(c.X, c.Y); fm > maxForce {
					c.X, c.Y = c.X*maxForce/fm, c.Y*maxForce/fm
					f.force[i] = c
				}
			}
			swinging := f.mass[i] * math.Hypot(o.X-c.X, o.Y-c.Y)
			traction := math.Hypot(o.X+c.X, o.Y+c.Y) / 2
			var nodeSpeed float64
			if adjust {
				nodeSpeed = 0.1 * math.Log(1+traction) / (1 + math.Sqrt(swinging))
			} else {
				nodeSpeed = f.conv[i] * math.Log(1+traction) / (1 + math.Sqrt(swinging))
				f.conv[i] = math.Min(1, math.Sqrt(nodeSpeed*(c.X*c.X+c.Y*c.Y)/(1+math.Sqrt(swinging))))
			}
			f.pos[i].X += c.X * nodeSpeed / slow
			f.pos[i].Y += c.Y * nodeSpeed / slow
		}
	})
}
