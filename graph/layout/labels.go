package layout

import "math"

// Size is the width and height of a label box.
type Size struct{ W, H float64 }

// LabelSide says where a node's label box sits relative to the node.
// Coordinates follow the screen convention: Y grows downwards.
type LabelSide int

const (
	// LabelRight puts the box right of the node, vertically centred.
	LabelRight LabelSide = iota
	// LabelBelow puts the box under the node, horizontally centred.
	LabelBelow
	// LabelAbove puts the box over the node, horizontally centred.
	LabelAbove
	// LabelLeft puts the box left of the node, vertically centred.
	LabelLeft
	// LabelCenter centres the box on the node (it then overlaps its own
	// node, which is never counted).
	LabelCenter
)

// LabelPlacement positions label boxes: Side, and Gap between the node's
// disc and the box. Sides, when not nil (len N), gives each node its own
// side instead of Side.
type LabelPlacement struct {
	Side  LabelSide
	Gap   float64
	Sides []LabelSide
}

// boxOf returns the label box of node i at p with radius r.
func (lp LabelPlacement) boxOf(i int, p Point, r float64, s Size) bbox {
	if i < len(lp.Sides) {
		lp.Side = lp.Sides[i]
	}
	return lp.labelBox(p, r, s)
}

// labelBox returns the label box of a node at p with radius r.
func (lp LabelPlacement) labelBox(p Point, r float64, s Size) bbox {
	switch lp.Side {
	case LabelBelow:
		y := p.Y + r + lp.Gap
		return bbox{p.X - s.W/2, y, p.X + s.W/2, y + s.H}
	case LabelAbove:
		y := p.Y - r - lp.Gap
		return bbox{p.X - s.W/2, y - s.H, p.X + s.W/2, y}
	case LabelLeft:
		x := p.X - r - lp.Gap
		return bbox{x - s.W, p.Y - s.H/2, x, p.Y + s.H/2}
	case LabelCenter:
		return bbox{p.X - s.W/2, p.Y - s.H/2, p.X + s.W/2, p.Y + s.H/2}
	default:
		x := p.X + r + lp.Gap
		return bbox{x, p.Y - s.H/2, x + s.W, p.Y + s.H/2}
	}
}

// LabelBox returns the label rectangle (min corner, max corner) of a node
// at p with radius r and label size s.
func (lp LabelPlacement) LabelBox(p Point, r float64, s Size) (lo, hi Point) {
	b := lp.labelBox(p, r, s)
	return Point{b.minX, b.minY}, Point{b.maxX, b.maxY}
}

// hasArea reports whether the box is non-degenerate (a label of zero width
// or height cannot overlap anything).
func (a bbox) hasArea() bool { return a.maxX > a.minX && a.maxY > a.minY }

// overlaps reports whether two boxes intersect with positive area.
func (a bbox) overlaps(b bbox) bool {
	return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
}

// discsOverlap reports whether two discs intersect with positive area.
func discsOverlap(p, q Point, rp, rq float64) bool {
	if rp <= 0 || rq <= 0 {
		return false
	}
	dx, dy := p.X-q.X, p.Y-q.Y
	s := rp + rq
	return dx*dx+dy*dy < s*s
}

// boxDiscOverlap reports whether box b and the disc (c, r) intersect with
// positive area.
func boxDiscOverlap(b bbox, c Point, r float64) bool {
	if r <= 0 || !b.hasArea() {
		return false
	}
	qx := math.Max(b.minX, math.Min(c.X, b.maxX))
	qy := math.Max(b.minY, math.Min(c.Y, b.maxY))
	dx, dy := c.X-qx, c.Y-qy
	return dx*dx+dy*dy < r*r
}
