package render

import "math"

// arc is a relation's path on screen: a quadratic Bézier from (ax, ay) to
// (bx, by) with control point (cx, cy); straight when the control point is
// the midpoint.
type arc struct {
	ax, ay, cx, cy, bx, by float64
	straight               bool
}

// edgeGeometry places the idx-th of count relations joining the same two
// entities on its own arc. slot 0 of an odd count is straight; the others
// bow out alternately, their midpoints sep pixels apart. reversed says the
// relation runs against the pair's canonical direction, so that a→b and
// b→a relations bow to opposite sides.
func edgeGeometry(ax, ay, bx, by float64, idx, count int, sc float64, reversed bool) arc {
	g := arc{ax: ax, ay: ay, bx: bx, by: by, cx: (ax + bx) / 2, cy: (ay + by) / 2, straight: true}
	if count <= 1 {
		return g
	}
	slot := float64(idx) - float64(count-1)/2
	if slot == 0 {
		return g
	}
	dx, dy := bx-ax, by-ay
	l := math.Hypot(dx, dy)
	if l < 1 {
		return g
	}
	if reversed {
		slot = -slot
	}
	sep := math.Min(math.Max(0.14*l, 26*sc), 0.5*l/math.Max(1, float64(count-1)))
	// the Bézier's midpoint lies halfway to the control point
	off := 2 * slot * sep
	nx, ny := -dy/l, dx/l
	g.cx += nx * off
	g.cy += ny * off
	g.straight = false
	return g
}

// at returns the point at parameter t.
func (g *arc) at(t float64) (float64, float64) {
	u := 1 - t
	return u*u*g.ax + 2*u*t*g.cx + t*t*g.bx, u*u*g.ay + 2*u*t*g.cy + t*t*g.by
}

// tangent returns the (unnormalised) direction at t.
func (g *arc) tangent(t float64) (float64, float64) {
	return 2*(1-t)*(g.cx-g.ax) + 2*t*(g.bx-g.cx), 2*(1-t)*(g.cy-g.ay) + 2*t*(g.by-g.cy)
}

// length approximates the arc length.
func (g *arc) length() float64 {
	if g.straight {
		return math.Hypot(g.bx-g.ax, g.by-g.ay)
	}
	l := 0.0
	px, py := g.ax, g.ay
	for k := 1; k <= 8; k++ {
		x, y := g.at(float64(k) / 8)
		l += math.Hypot(x-px, y-py)
		px, py = x, y
	}
	return l
}

// exitT returns the parameter where the arc leaves the circle of radius r
// around its end (end true) or its start.
func (g *arc) exitT(r float64, end bool) float64 {
	if g.straight {
		l := math.Hypot(g.bx-g.ax, g.by-g.ay)
		if l == 0 {
			return 0
		}
		t := math.Min(r/l, 0.5)
		if end {
			return 1 - t
		}
		return t
	}
	ex, ey := g.ax, g.ay
	if end {
		ex, ey = g.bx, g.by
	}
	inside := func(t float64) bool {
		x, y := g.at(t)
		return math.Hypot(x-ex, y-ey) < r
	}
	lo, hi := 0.0, 0.5 // lo inside, hi outside (for the start)
	if end {
		lo, hi = 1.0, 0.5
	}
	if !inside(lo) {
		return lo
	}
	if inside(hi) {
		return hi
	}
	for k := 0; k < 20; k++ {
		mid := (lo + hi) / 2
		if inside(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// flatten returns points along the arc from t0 to t1.
func (g *arc) flatten(t0, t1 float64, out []Point) []Point {
	n := 1
	if !g.straight {
		n = int(math.Min(32, math.Max(6, g.length()/6)))
	}
	for k := 0; k <= n; k++ {
		x, y := g.at(t0 + (t1-t0)*float64(k)/float64(n))
		out = append(out, Point{x, y})
	}
	return out
}

// distance is the distance from (px, py) to the arc.
func (g *arc) distance(px, py float64) float64 {
	pts := g.flatten(0, 1, nil)
	best := math.Inf(1)
	for i := 1; i < len(pts); i++ {
		best = math.Min(best, segDist(px, py, pts[i-1], pts[i]))
	}
	return best
}

func segDist(px, py float64, a, b Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	u := 0.0
	if l2 > 0 {
		u = clamp01(((px-a.X)*dx + (py-a.Y)*dy) / l2)
	}
	return math.Hypot(px-(a.X+u*dx), py-(a.Y+u*dy))
}
