package layout

import "math"

// computeForces fills f.force with the total force on every node. Work is
// split over nodes (never over pairs), so each node's force is summed by one
// goroutine in a fixed order.
func (f *FA2) computeForces() {
	s := &f.s
	adjust := s.AdjustSizes
	kr := s.ScalingRatio
	if s.BarnesHut {
		f.tree.build(f.pos, f.mass, f.g.Size)
		theta2 := s.Theta * s.Theta
		t := &f.tree
		parallelFor(f.g.N, func(lo, hi int) {
			for k := int32(lo); k < int32(hi); k++ {
				i := t.id[k]
				rx, ry := t.bhRepulse(k, theta2, adjust)
				c := kr * f.mass[i]
				ax, ay := f.nodeAttractionGravity(int(i))
				f.force[i] = Point{rx*c + ax, ry*c + ay}
			}
		})
		return
	}
	parallelFor(f.g.N, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			rx, ry := exactRepulse(i, f.pos, f.mass, f.g.Size, adjust)
			c := kr * f.mass[i]
			ax, ay := f.nodeAttractionGravity(i)
			f.force[i] = Point{rx*c + ax, ry*c + ay}
		}
	})
}

// nodeAttractionGravity returns the gravity and edge attraction on node i.
//
// Gravity (paper §"Gravity"): F_g = kg (deg+1) towards the origin, or
// kg (deg+1) d with strong gravity.
//
// Attraction (paper §"Attraction by edges"), for an edge of weight w between
// n1 (source) and n2, ew = w^delta:
//
//	linear:          F_a = ew * d
//	LinLog:          F_a = ew * log(1+d)
//	dissuade hubs:   divided by (deg(n1)+1), times the mean mass
//	                 (Gephi's outboundAttCompensation)
//	adjust sizes:    d measured between borders, no attraction when d <= 0
func (f *FA2) nodeAttractionGravity(i int) (fx, fy float64) {
	s := &f.s
	p := f.pos[i]
	// Gravity.
	if d2 := p.X*p.X + p.Y*p.Y; d2 > 0 {
		g := s.Gravity * f.mass[i]
		if !s.StrongGravity {
			g /= math.Sqrt(d2)
		}
		fx -= p.X * g
		fy -= p.Y * g
	}
	// Attraction over incident edges in CSR order.
	coef := 1.0
	if s.DissuadeHubs {
		coef = f.outboundCompensation
	}
	ri := DefaultNodeSize
	if f.g.Size != nil {
		ri = f.g.Size[i]
	}
	nbr, edges := f.adj.neighbors(i), f.adj.edges(i)
	simple := !s.LinLog && !s.AdjustSizes && !s.DissuadeHubs
	for k, j := range nbr {
		if int(j) == i {
			continue // self-loop: no attraction
		}
		e := edges[k]
		dx, dy := p.X-f.pos[j].X, p.Y-f.pos[j].Y
		if simple {
			w := f.ew[e]
			fx -= dx * w
			fy -= dy * w
			continue
		}
		factor := -coef * f.ew[e]
		if s.DissuadeHubs {
			factor /= f.mass[f.g.Src[e]]
		}
		if s.LinLog || s.AdjustSizes {
			d := math.Sqrt(dx*dx + dy*dy)
			if s.AdjustSizes {
				rj := DefaultNodeSize
				if f.g.Size != nil {
					rj = f.g.Size[j]
				}
				d -= ri + rj
			}
			if !(d > 0) {
				continue
			}
			if s.LinLog {
				factor *= math.Log(1+d) / d
			}
		}
		fx += dx * factor
		fy += dy * factor
	}
	return fx, fy
}
