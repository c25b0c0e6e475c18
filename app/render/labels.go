package render

import (
	"image"
	"image/color"
	"math"
)

// occupancy records the rectangles already taken by labels and nodes, in
// buckets of a coarse grid, so that no two labels overlap.
type occupancy struct {
	cell       int
	cols, rows int
	buckets    [][]image.Rectangle
}

func newOccupancy(w, h, cell int) *occupancy {
	o := &occupancy{cell: cell, cols: w/cell + 1, rows: h/cell + 1}
	o.buckets = make([][]image.Rectangle, o.cols*o.rows)
	return o
}

func (o *occupancy) span(r image.Rectangle) (c0, r0, c1, r1 int) {
	c0 = max(0, min(o.cols-1, r.Min.X/o.cell))
	c1 = max(0, min(o.cols-1, (r.Max.X-1)/o.cell))
	r0 = max(0, min(o.rows-1, r.Min.Y/o.cell))
	r1 = max(0, min(o.rows-1, (r.Max.Y-1)/o.cell))
	return
}

func (o *occupancy) free(r image.Rectangle) bool {
	c0, r0, c1, r1 := o.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			for _, q := range o.buckets[y*o.cols+x] {
				if q.Overlaps(r) {
					return false
				}
			}
		}
	}
	return true
}

func (o *occupancy) add(r image.Rectangle) {
	c0, r0, c1, r1 := o.span(r)
	for y := r0; y <= r1; y++ {
		for x := c0; x <= c1; x++ {
			o.buckets[y*o.cols+x] = append(o.buckets[y*o.cols+x], r)
		}
	}
}

// nodeFontSize is the label size of node i in device pixels.
func (f *frame) nodeFontSize(i int32) float64 {
	t := 0.0
	if f.s.maxDegree > 0 {
		t = math.Sqrt(float64(f.s.degree[i]) / float64(f.s.maxDegree))
	}
	return (12.5 + 3.5*t) * f.sc
}

// edgeFontSize is the relation label size in device pixels.
func (f *frame) edgeFontSize() float64 { return 11 * f.sc }

// MinLabelRadius is the node radius (logical pixels) below which a node
// gets no label unless highlighted: far out, labels would be noise.
const MinLabelRadius = 2.5

// placeLabels chooses the labels to draw, most important first, skipping
// any that would overlap one already placed, a node, or the image edge.
func (f *frame) placeLabels() {
	s := f.s
	occ := newOccupancy(f.w, f.h, int(64*f.sc))
	bounds := image.Rect(0, 0, f.w, f.h)
	// reserve the title and legend areas
	for _, r := range f.overlayRects() {
		occ.add(r)
	}
	// nodes are obstacles: labels must not hide them
	budget := 20000
	for i := int32(0); int(i) < s.n && budget > 0; i++ {
		if !f.onScr[i] || f.sr[i] < 2*float32(f.sc) {
			continue
		}
		budget--
		x, y, r := float64(f.sx[i]), float64(f.sy[i]), float64(f.sr[i])*0.92
		occ.add(image.Rect(int(x-r), int(y-r), int(math.Ceil(x+r)), int(math.Ceil(y+r))))
	}
	halo := 2.2 * f.sc
	attempts := max(300, f.w*f.h/1500)
	// placeNode labels node i at the first free spot; a highlighted node
	// (force) that finds none is labelled over the discs of other nodes
	// rather than not at all, as long as no label is hidden.
	placeNode := func(i int32, force bool) {
		attempts--
		fl := s.nodeFlag(i)
		weight := regular
		if fl&(flagSelected|flagPath|flagHovered) != 0 {
			weight = bold
		}
		size := f.nodeFontSize(i)
		text := s.labelOf(i, force)
		ti := s.text.get(text, weight, size, halo)
		x, y, r := float64(f.sx[i]), float64(f.sy[i]), float64(f.sr[i])
		gap := 3 * f.sc
		tw, th := ti.advance, ti.ascent+ti.descnt
		// candidate text boxes: right, left, below, above; left first
		// when the entity's relations lead to the right (labelside.go)
		cands := [][2]float64{
			{x + r + gap, y - th/2},
			{x - r - gap - tw, y - th/2},
			{x - tw/2, y + r + gap*0.5},
			{x - tw/2, y - r - gap*0.5 - th},
		}
		if s.labelLeft(s.pos, i) {
			cands[0], cands[1] = cands[1], cands[0]
		}
		col, haloC := f.pal.text, f.pal.halo
		if fl&flagDim != 0 {
			col = withAlpha(col, 0.35)
		}
		for _, c := range cands {
			if f.tryLabel(occ, bounds, ti, text, weight, size, c[0], c[1], col, haloC) {
				f.labels[len(f.labels)-1].node = i
				return
			}
		}
		if !force {
			return
		}
		// further spots: beside the node, a line or two up or down
		for _, dy := range []float64{-1.2, 1.2, -2.4, 2.4} {
			cands = append(cands, [2]float64{x + r + gap, y - th/2 + dy*th}, [2]float64{x - r - gap - tw, y - th/2 + dy*th})
		}
	cand:
		for _, c := range cands {
			box := f.labelBox(ti, c[0], c[1])
			if !box.In(bounds) {
				continue
			}
			for k := range f.labels {
				l := &f.labels[k]
				if box.Overlaps(image.Rect(l.x, l.y, l.x+l.ti.w, l.y+l.ti.h)) {
					continue cand
				}
			}
			f.commitLabel(occ, box, ti, text, weight, size, c[0], c[1], col, haloC)
			f.labels[len(f.labels)-1].node = i
			return
		}
	}
	if !f.o.NoLabels {
		// the selected entity first, then the highlighted path, the
		// hovered entity, the notes, then by importance (degree)
		h := s.hl
		if i := h.Selected; i >= 0 && int(i) < s.n && f.onScr[i] {
			placeNode(i, true)
		}
		for _, i := range h.PathNodes {
			if i >= 0 && int(i) < s.n && f.onScr[i] && i != h.Selected {
				placeNode(i, true)
			}
		}
		if i := h.Hovered; i >= 0 && int(i) < s.n && f.onScr[i] && i != h.Selected && s.nodeFlag(i)&flagPath == 0 {
			placeNode(i, true)
		}
		f.placeNotes(occ, bounds)
		if !f.far {
			for _, i := range s.priority {
				if attempts <= 0 {
					break
				}
				if !f.onScr[i] || f.sr[i] < MinLabelRadius*float32(f.sc) || i == h.Selected || i == h.Hovered || s.nodeFlag(i)&flagPath != 0 {
					continue
				}
				placeNode(i, false)
			}
		}
	}
	if f.o.NoLabels {
		f.placeNotes(occ, bounds)
	}
	if !f.o.NoEdgeLabels && !f.far {
		f.placeEdgeLabels(occ, bounds, halo, attempts)
	}
}

// tryLabel places the label with its text box's top-left at (x, y) if the
// box is free and inside the image.
func (f *frame) tryLabel(occ *occupancy, bounds image.Rectangle, ti *textImage, text string, weight int, size, x, y float64, col, halo color.NRGBA) bool {
	box := f.labelBox(ti, x, y)
	if !box.In(bounds) || !occ.free(box) {
		return false
	}
	f.commitLabel(occ, box, ti, text, weight, size, x, y, col, halo)
	return true
}

// labelBox is the box a label drawn with its top-left at (x, y) covers.
func (f *frame) labelBox(ti *textImage, x, y float64) image.Rectangle {
	bx := math.Round(x)
	by := math.Round(y + ti.ascent) // baseline
	pad := int(math.Ceil(1.5 * f.sc))
	return image.Rect(int(bx)-pad, int(by-ti.ascent)-pad, int(math.Ceil(bx+ti.advance))+pad, int(math.Ceil(by+ti.descnt))+pad)
}

// commitLabel records a label at (x, y) as drawn and its box as taken.
func (f *frame) commitLabel(occ *occupancy, box image.Rectangle, ti *textImage, text string, weight int, size, x, y float64, col, halo color.NRGBA) {
	bx := math.Round(x)
	by := math.Round(y + ti.ascent)
	occ.add(box)
	pl := placedLabel{text: text, weight: weight, size: size, bx: bx, by: by, ti: ti, node: -1, edge: -1,
		x: int(bx) - ti.pad, y: int(by) - ti.baseline}
	pl.color, pl.halo = col, halo
	f.labels = append(f.labels, pl)
}

// edgeLabelSpots are the arc parameters tried for a relation's label,
// from the middle outwards.
var edgeLabelSpots = []float64{0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8}

// placeEdgeLabels labels relations long enough on screen to carry their
// label, the highlighted ones first.
func (f *frame) placeEdgeLabels(occ *occupancy, bounds image.Rectangle, halo float64, attempts int) {
	s := f.s
	size := f.edgeFontSize()
	try := func(e int32) {
		if s.edgeLabel[e] == "" {
			return
		}
		a, b := s.src[e], s.dst[e]
		if !f.onScr[a] && !f.onScr[b] {
			return
		}
		// far out, where entities get no labels, neither do relations
		small := float32(MinLabelRadius * f.sc)
		if s.edgeFlag(e)&flagPath == 0 && (f.sr[a] < small || f.sr[b] < small) {
			return
		}
		if _, _, ok := f.edgeStyle(e); !ok {
			return
		}
		g := f.arcOf(e)
		avail := g.length() - float64(f.sr[a]) - float64(f.sr[b])
		attempts--
		ti := s.text.get(s.edgeLabel[e], regular, size, halo)
		if avail < ti.advance*0.8 {
			return
		}
		col := f.pal.edgeLabel
		fl := s.edgeFlag(e)
		if fl&flagDim != 0 {
			col = withAlpha(col, 0.35)
		}
		if fl&flagPath != 0 {
			col = f.pal.text
		}
		th := ti.ascent + ti.descnt
		for _, t := range edgeLabelSpots {
			x, y := g.at(t)
			if f.tryLabel(occ, bounds, ti, s.edgeLabel[e], regular, size, x-ti.advance/2, y-th/2, col, f.pal.halo) {
				f.labels[len(f.labels)-1].edge = e
				return
			}
		}
	}
	for _, e := range s.hl.PathEdges {
		if e >= 0 && int(e) < s.m {
			try(e)
		}
	}
	// then sums of money (fines), then dated relations, then the rest,
	// each by the importance of the relation's subject
	for pass := 0; pass < 3; pass++ {
		for _, i := range s.priority {
			if attempts <= 0 {
				return
			}
			if !f.onScr[i] {
				continue
			}
			for _, a := range s.topo.OutArcs(i) {
				if e := a.Rel; s.edgeFlag(e)&flagPath == 0 && int(s.edgeRank[e]) == pass {
					try(e)
				}
			}
			for _, e := range s.topo.Loops(i) {
				if s.edgeFlag(e)&flagPath == 0 && int(s.edgeRank[e]) == pass {
					try(e)
				}
			}
		}
	}
}

// LabelSize returns the size in logical pixels of node i's label box as
// Render sets it (at scale 1), for label-aware layouts.
func (s *Scene) LabelSize(i int32) (w, h float64) {
	f := &frame{s: s, sc: 1}
	adv, asc, desc := s.text.measure(s.labelOf(i, false), regular, f.nodeFontSize(i))
	return adv + 3, asc + desc + 3
}

// LabelGap is the space in logical pixels Render leaves between a node's
// disc and its label.
const LabelGap = 3

// EdgeLabelSize returns the size in logical pixels of relation e's label
// as Render sets it (at scale 1).
func (s *Scene) EdgeLabelSize(e int32) (w, h float64) {
	f := &frame{s: s, sc: 1}
	adv, asc, desc := s.text.measure(s.edgeLabel[e], regular, f.edgeFontSize())
	return adv, asc + desc
}

// Parallel returns how many relations join relation e's two entities
// (either way), e included: they are drawn as that many arcs.
func (s *Scene) Parallel(e int32) int { return int(s.parCount[e]) }

// Ends returns relation e's subject and object.
func (s *Scene) Ends(e int32) (from, to int32) { return s.src[e], s.dst[e] }

// LabelBox is a label Render draws.
type LabelBox struct {
	// Text is the label.
	Text string
	// Rect is its text box in device pixels.
	Rect image.Rectangle
	// Node is the entity labelled, or -1; Edge the relation, or -1.
	Node, Edge int32
}

// Labels returns the labels Render would draw for s through v: those that
// survived culling, most important first. A window can use them to make
// labels clickable; tests, to check that nothing is left out.
func Labels(s *Scene, v Viewport, o Options) []LabelBox {
	if s == nil || v.Width <= 0 || v.Height <= 0 {
		return nil
	}
	f := newFrame(s, v, o)
	out := make([]LabelBox, len(f.labels))
	for i, l := range f.labels {
		out[i] = LabelBox{Text: l.text, Node: l.node, Edge: l.edge,
			Rect: image.Rect(int(l.bx), int(l.by-l.ti.ascent), int(math.Ceil(l.bx+l.ti.advance)), int(math.Ceil(l.by+l.ti.descnt)))}
	}
	return out
}

// LabelReport counts the entity labels of a frame.
type LabelReport struct {
	// Placed is the number of entities on screen whose label is drawn;
	// Hidden the number whose label was left out for lack of room (or,
	// far out, because their discs are too small to carry one).
	Placed, Hidden int
}

// LabelStats reports how many entity labels Render draws for s through v
// and how many it hides.
func LabelStats(s *Scene, v Viewport, o Options) LabelReport {
	if s == nil || v.Width <= 0 || v.Height <= 0 {
		return LabelReport{}
	}
	f := newFrame(s, v, o)
	var r LabelReport
	placed := make(map[int32]bool)
	for _, l := range f.labels {
		if l.node >= 0 {
			placed[l.node] = true
		}
	}
	for i := int32(0); int(i) < s.n; i++ {
		if !f.onScr[i] || s.labels[i] == "" {
			continue
		}
		if placed[i] {
			r.Placed++
		} else {
			r.Hidden++
		}
	}
	return r
}
