package layout

import (
	"math"
	"slices"
)

// pusher holds the state of RemoveOverlaps: positions being moved and the
// padded shapes (radius + h, label boxes grown by h on each side, h =
// Padding/2), so that padded shapes that do not overlap leave at least
// Padding between the real ones.
type pusher struct {
	pos    []Point
	real   []float64 // radii as given
	radii  []float64 // padded disc radii (0: no disc)
	labels []Size
	lp     LabelPlacement
	h      float64
	eps    float64 // overshoot that turns "touching" into "apart"
	boxes  []bbox
	bp     boxPairs
}

// newPusher prepares padded shapes for opt.
func newPusher(pos []Point, opt OverlapOptions) *pusher {
	n := len(pos)
	sizes := make([]float64, 0, n)
	for i := range pos {
		s := 2 * opt.Radii[i]
		if opt.Labels != nil {
			s = math.Max(s, math.Max(opt.Labels[i].W, opt.Labels[i].H))
		}
		if s > 0 {
			sizes = append(sizes, s)
		}
	}
	med := 1.0
	if len(sizes) > 0 {
		slices.Sort(sizes)
		med = sizes[len(sizes)/2]
	}
	pad := opt.Padding
	if !(pad > 0) {
		pad = 1e-6 * med
	}
	ps := &pusher{pos: pos, real: opt.Radii, labels: opt.Labels, lp: opt.Placement, h: pad / 2, eps: 1e-3 * pad}
	ps.radii = make([]float64, n)
	for i, r := range opt.Radii {
		if r > 0 {
			ps.radii[i] = r + ps.h
		}
	}
	ps.boxes = make([]bbox, n)
	return ps
}

// label returns node i's padded label box at its current position, and
// whether it has one.
func (ps *pusher) label(i int32) (bbox, bool) {
	if ps.labels == nil {
		return bbox{}, false
	}
	s := ps.labels[i]
	if !(s.W > 0 && s.H > 0) {
		return bbox{}, false
	}
	b := ps.lp.boxOf(int(i), ps.pos[i], ps.real[i], s)
	return bbox{b.minX - ps.h, b.minY - ps.h, b.maxX + ps.h, b.maxY + ps.h}, true
}

// bounds returns the bounding box of node i's padded shapes.
func (ps *pusher) bounds(i int32) bbox {
	p, r := ps.pos[i], ps.radii[i]
	b := bbox{p.X, p.Y, p.X, p.Y}
	if r > 0 {
		b = bbox{p.X - r, p.Y - r, p.X + r, p.Y + r}
	}
	if lb, ok := ps.label(i); ok {
		if r > 0 {
			b = b.union(lb)
		} else {
			b = lb
		}
	}
	return b
}

// sweep runs push sweep number it and reports whether anything moved.
// Pairs are visited forwards on even sweeps and backwards on odd ones, and
// from sweep overshootFrom on each push overshoots by a growing fraction
// (up to 100%), which breaks the period-2 oscillations a jammed cluster
// can fall into by letting it expand.
func (ps *pusher) sweep(it int) bool {
	for i := range ps.pos {
		ps.boxes[i] = ps.bounds(int32(i))
	}
	f := 0.5
	if it > overshootFrom {
		f *= 1 + math.Min(1, float64(it-overshootFrom)/200)
	}
	pairs := ps.bp.find(ps.boxes)
	moved := false
	for k := range pairs {
		if it%2 == 1 {
			k = len(pairs) - 1 - k
		}
		i, j := pairs[k][0], pairs[k][1]
		v, depth := ps.mtv(i, j)
		if depth <= 0 {
			continue
		}
		ps.pos[i].X -= v.X * f
		ps.pos[i].Y -= v.Y * f
		ps.pos[j].X += v.X * f
		ps.pos[j].Y += v.Y * f
		moved = true
	}
	return moved
}

// overshootFrom is the sweep after which pushes start to overshoot.
const overshootFrom = 50

// mtv returns the translation of j relative to i that separates their
// deepest overlapping pair of padded shapes, and that overlap's depth
// (<= 0 when they do not overlap).
func (ps *pusher) mtv(i, j int32) (Point, float64) {
	var best Point
	bestDepth := 0.0
	consider := func(v Point, d float64) {
		if d > bestDepth {
			best, bestDepth = v, d
		}
	}
	pi, pj := ps.pos[i], ps.pos[j]
	ri, rj := ps.radii[i], ps.radii[j]
	if ri > 0 && rj > 0 {
		dx, dy := pj.X-pi.X, pj.Y-pi.Y
		dist := math.Hypot(dx, dy)
		if d := ri + rj - dist; d > 0 {
			ux, uy := dx/dist, dy/dist
			if dist == 0 {
				ux, uy = tieDirection(i, j)
			}
			d += ps.eps
			consider(Point{ux * d, uy * d}, d)
		}
	}
	li, hasI := ps.label(i)
	lj, hasJ := ps.label(j)
	if hasI && hasJ && li.overlaps(lj) {
		consider(boxBoxMTV(li, lj, i, j, ps.eps))
	}
	if hasI && rj > 0 {
		// push disc j out of label i
		consider(boxDiscMTV(li, pj, rj, i, j, ps.eps))
	}
	if hasJ && ri > 0 {
		// push disc i out of label j, i.e. j moves the opposite way
		v, d := boxDiscMTV(lj, pi, ri, j, i, ps.eps)
		consider(Point{-v.X, -v.Y}, d)
	}
	return best, bestDepth
}

// tieDirection returns a deterministic unit direction for separating two
// coincident items i < j.
func tieDirection(i, j int32) (float64, float64) {
	a := float64(uint32(i)*2654435761^uint32(j)*40503) / (1 << 32) * 2 * math.Pi
	return math.Cos(a), math.Sin(a)
}

// boxBoxMTV returns the translation of box b (item j) away from box a (item
// i) along the axis of least penetration, and the depth.
func boxBoxMTV(a, b bbox, i, j int32, eps float64) (Point, float64) {
	ox := math.Min(a.maxX, b.maxX) - math.Max(a.minX, b.minX)
	oy := math.Min(a.maxY, b.maxY) - math.Max(a.minY, b.minY)
	if ox <= 0 || oy <= 0 {
		return Point{}, 0
	}
	ca := Point{(a.minX + a.maxX) / 2, (a.minY + a.maxY) / 2}
	cb := Point{(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2}
	if ox <= oy {
		d := ox + eps
		s := sign(cb.X-ca.X, i, j, 0)
		return Point{s * d, 0}, d
	}
	d := oy + eps
	s := sign(cb.Y-ca.Y, i, j, 1)
	return Point{0, s * d}, d
}

// sign returns the sign of v, or a deterministic tie-break for v == 0.
func sign(v float64, i, j int32, axis int) float64 {
	if v > 0 {
		return 1
	}
	if v < 0 {
		return -1
	}
	ux, uy := tieDirection(i, j)
	u := ux
	if axis == 1 {
		u = uy
	}
	if u >= 0 {
		return 1
	}
	return -1
}

// boxDiscMTV returns the translation of the disc (c, r) (item j) out of box
// b (item i), and the depth.
func boxDiscMTV(b bbox, c Point, r float64, i, j int32, eps float64) (Point, float64) {
	qx := math.Max(b.minX, math.Min(c.X, b.maxX))
	qy := math.Max(b.minY, math.Min(c.Y, b.maxY))
	dx, dy := c.X-qx, c.Y-qy
	if dx != 0 || dy != 0 { // centre outside the box
		dist := math.Hypot(dx, dy)
		d := r - dist
		if d <= 0 {
			return Point{}, 0
		}
		d += eps
		return Point{dx / dist * d, dy / dist * d}, d
	}
	// Centre inside (or on) the box: leave through the nearest side.
	left, right := c.X-b.minX, b.maxX-c.X
	top, bottom := c.Y-b.minY, b.maxY-c.Y
	m := math.Min(math.Min(left, right), math.Min(top, bottom))
	d := m + r + eps
	switch m {
	case left:
		return Point{-d, 0}, d
	case right:
		return Point{d, 0}, d
	case top:
		return Point{0, -d}, d
	default:
		return Point{0, d}, d
	}
}
