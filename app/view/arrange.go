package view

import (
	"math"
	"sort"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph/layout"
)

// MaxLabelAdjust is the largest graph whose label boxes are taken into
// account when removing overlaps.
const MaxLabelAdjust = 3000

// FitPicture arranges laid-out positions for the picture o describes,
// as exports and the window's first view draw it: it removes node
// overlaps and, for graphs of at most MaxLabelAdjust entities, first
// stretches the drawing towards the aspect ratio of the area the legend
// and title leave free (render.FreeArea), lengthens bundles of parallel
// relations until their labels fit and keeps every label clear of the
// others at the zoom that fits that area. s must be the scene of the
// graph laid out. Without a size (o.Width or o.Height <= 0) only node
// discs are kept apart.
func FitPicture(pos []render.Point, s *render.Scene, o render.ImageOptions) ([]render.Point, error) {
	w, h := 0.0, 0.0
	if o.Width > 0 && o.Height > 0 {
		x0, y0, x1, y1 := render.FreeArea(s, o)
		margin := o.Margin
		if margin <= 0 {
			margin = 32
		}
		w, h = x1-x0-2*margin, y1-y0-2*margin
	}
	// each candidate arrangement is scored by the labels Render draws
	// in the picture
	var placed func([]layout.Point) int
	if o.Width > 0 && o.Height > 0 && len(pos) <= MaxLabelAdjust {
		c := s.Snapshot()
		c.SetHighlight(render.NoHighlight)
		o.Viewport = nil
		placed = func(p []layout.Point) int {
			c.SetPositions(ToRender(p))
			return render.LabelStats(c, render.ExportViewport(c, o), o.Options).Placed
		}
	}
	p, err := fitPicture(toLayout(pos), s, w, h, placed)
	if err != nil {
		return nil, err
	}
	return ToRender(p), nil
}

// fitRoom is the share of the free area that overlap removal sizes the
// labels for: a little room for the labels' halves that stick out above
// and below the discs at the top and bottom.
const fitRoom = 0.97

func fitPicture(pos []layout.Point, s *render.Scene, width, height float64, placed func([]layout.Point) int) ([]layout.Point, error) {
	if len(pos) == 0 {
		return pos, nil
	}
	if width <= 1 || height <= 1 || len(pos) > MaxLabelAdjust {
		p, _, err := layout.RemoveOverlaps(pos, layout.OverlapOptions{Radii: s.Radii()})
		return p, err
	}
	w, h := width*fitRoom, height*fitRoom
	pos = fitAspect(pos, w/h)
	return separateIn(pos, s, w, h, true, placed)
}

// Separate moves entities apart so that, drawn by s with the drawing
// fitted into w×h logical pixels, no two discs, no two labels and no
// label and disc overlap; then it pulls the drawing together for as long
// as that enlarges it, since force layouts leave much empty room. The
// window uses it after ForceAtlas2, as exports do. Meant for graphs of at
// most MaxLabelAdjust entities.
func Separate(pos []layout.Point, s *render.Scene, w, h float64) ([]layout.Point, error) {
	if len(pos) == 0 {
		return pos, nil
	}
	return separateIn(pos, s, w, h, false, nil)
}

// separateIn is Separate, optionally lengthening bundles of parallel
// relations (for exports, where every relation label is drawn). With
// placed (the number of labels Render draws for positions), of the
// arrangements tried it keeps the one with the most labels drawn.
func separateIn(pos []layout.Point, s *render.Scene, w, h float64, bundles bool, placed func([]layout.Point) int) ([]layout.Point, error) {
	n := len(pos)
	radii := s.Radii()
	// label sizes are in pixels, positions in world units: the zoom that
	// fits the picture converts them; overlap removal spreads the graph,
	// which lowers the zoom, so repeat until it settles
	full := make([]layout.Size, n)
	for i := range full {
		full[i].W, full[i].H = s.LabelSize(int32(i))
	}
	// the zoom Render fits the picture at: discs and labels
	zoomOf := func(p []layout.Point) float64 { return pictureZoom(p, s, radii, full, w, h) }
	// the zoom with discs alone kept apart: when keeping every label
	// clear costs the picture more than half of it (there is no room for
	// them all), the labels of the least connected entities are left
	// out of the separation, as Render hides them at that zoom
	discs, _, err := layout.RemoveOverlaps(pos, layout.OverlapOptions{Radii: radii})
	if err != nil {
		return nil, err
	}
	z0 := zoomOf(discs)
	order := byImportance(radii)
	keep := keepLabelsThatFit(full, order, w, h)
	// good enough when the picture keeps a quarter of its scale and
	// leaves stay large enough to carry a label; otherwise look for the
	// most labels that are (bisection on their number, a few attempts)
	good := func(p []layout.Point) bool {
		z := zoomOf(p)
		return z >= 0.25*z0 && z >= labelZoom
	}
	var best []layout.Point
	bestPlaced, bestZ := -1, 0.0
	lo, hi := 0, keep // lo labels known to fit (0: discs alone), hi not yet known
	for attempt := 0; attempt < 6 && hi > lo; attempt++ {
		p, err := separateLabels(pos, s, radii, full, order[:keep], zoomOf, bundles)
		if err != nil {
			return nil, err
		}
		if good(p) {
			lo = keep
			if placed == nil {
				best = p
			} else if k, z := placed(p), zoomOf(p); k > bestPlaced || k == bestPlaced && z > bestZ {
				best, bestPlaced, bestZ = p, k, z
			}
		} else {
			hi = keep - 1
		}
		if attempt == 0 && lo == 0 {
			keep = hi * 2 / 3
		} else {
			keep = (lo + hi + 1) / 2
		}
	}
	if best == nil {
		return separateLabels(pos, s, radii, full, order[:lo], zoomOf, bundles)
	}
	return best, nil
}

// separateLabels is separateIn keeping clear the labels of the entities
// in kept (the others count as their discs alone).
func separateLabels(pos []layout.Point, s *render.Scene, radii []float64, full []layout.Size, kept []int, zoomOf func([]layout.Point) float64, bundles bool) ([]layout.Point, error) {
	n := len(pos)
	lw := make([]float64, n)
	lh := make([]float64, n)
	for _, i := range kept {
		lw[i], lh[i] = full[i].W, full[i].H
	}
	stretch := func(p []layout.Point) []layout.Point {
		if !bundles {
			return p
		}
		return stretchBundles(p, s, radii, zoomOf(p))
	}
	adjust := func(pos []layout.Point) ([]layout.Point, error) {
		for round := 0; round < 4; round++ {
			z := zoomOf(pos)
			p, rep, err := removeLabelOverlaps(pos, s, radii, lw, lh, z)
			if err != nil {
				return nil, err
			}
			pos = p
			if zoomOf(pos) >= z*0.97 && rep.After.Total() == 0 {
				break
			}
		}
		return pos, nil
	}
	pos, err := adjust(stretch(pos))
	if err != nil {
		return nil, err
	}
	// force layouts leave much room: pull the drawing together and let
	// overlap removal push apart only what collides, while that enlarges
	// the picture's scale
	best, bestZ := pos, zoomOf(pos)
	// but not so far that a leaf's disc grows past leafRadius pixels
	zCap := leafRadius / render.NodeRadius(1)
	for round := 0; round < 6 && bestZ < zCap; round++ {
		p, err := adjust(stretch(shrink(best, 0.8)))
		if err != nil {
			return nil, err
		}
		z := zoomOf(p)
		if z <= bestZ*1.02 || z > zCap*1.15 {
			break
		}
		best, bestZ = p, z
	}
	return best, nil
}

// labelZoom is the zoom below which a leaf's disc is too small for
// Render to label it (render.MinLabelRadius): the picture is drawn a
// little larger than fitZoom (fitRoom).
var labelZoom = 0.9 * render.MinLabelRadius / render.NodeRadius(1)

// leafRadius is the largest on-screen radius, in logical pixels, that
// pulling the drawing together may give an entity with one relation.
const leafRadius = 11

// fitAspect stretches the drawing along one axis (by at most 1.6) so that
// its bounding box comes closer to the picture's aspect ratio: force
// layouts come out round, pictures are wide, and the room gained goes to
// labels.
func fitAspect(pos []layout.Point, aspect float64) []layout.Point {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	w, h := maxX-minX, maxY-minY
	if !(w > 0) || !(h > 0) {
		return pos
	}
	fx, fy := 1.0, 1.0
	if r := aspect / (w / h); r > 1 {
		fx = math.Min(r, 1.6)
	} else {
		fy = math.Min(1/r, 1.6)
	}
	out := make([]layout.Point, len(pos))
	for i, p := range pos {
		out[i] = layout.Point{X: p.X * fx, Y: p.Y * fy}
	}
	return out
}

// shrink scales positions by f about their centroid.
func shrink(pos []layout.Point, f float64) []layout.Point {
	var cx, cy float64
	for _, p := range pos {
		cx += p.X
		cy += p.Y
	}
	cx /= float64(len(pos))
	cy /= float64(len(pos))
	out := make([]layout.Point, len(pos))
	for i, p := range pos {
		out[i] = layout.Point{X: cx + (p.X-cx)*f, Y: cy + (p.Y-cy)*f}
	}
	return out
}

// removeLabelOverlaps separates discs and label boxes sized for zoom z,
// each label on the side Render draws it (render.Scene.LabelsLeft). The
// sides follow the positions, so it repeats while moving entities turns
// some labels round; the report counts the overlaps with the sides of
// the positions returned.
func removeLabelOverlaps(pos []layout.Point, s *render.Scene, radii, lw, lh []float64, z float64) ([]layout.Point, layout.OverlapReport, error) {
	n := len(pos)
	labels := make([]layout.Size, n)
	r := make([]float64, n)
	for i := range labels {
		labels[i] = layout.Size{W: lw[i] / z, H: lh[i] / z}
		// tiny nodes are drawn at a minimum size
		r[i] = math.Max(radii[i], 1.6/z)
	}
	var rep layout.OverlapReport
	for round := 0; round < 3; round++ {
		lp := labelPlacement(s, pos, z)
		p, rp, err := layout.RemoveOverlaps(pos, layout.OverlapOptions{Radii: r, Labels: labels, Padding: 2 / z, Placement: lp})
		if err != nil {
			return nil, rep, err
		}
		pos, rep = p, rp
		rep.After = layout.CountOverlaps(pos, r, labels, labelPlacement(s, pos, z))
		if rep.After.Total() == 0 {
			break
		}
	}
	return pos, rep, nil
}

// labelPlacement is where Render draws the labels of entities at pos.
func labelPlacement(s *render.Scene, pos []layout.Point, z float64) layout.LabelPlacement {
	left := s.LabelsLeft(ToRender(pos))
	sides := make([]layout.LabelSide, len(pos))
	for i, l := range left {
		if l {
			sides[i] = layout.LabelLeft
		}
	}
	return layout.LabelPlacement{Side: layout.LabelRight, Gap: render.LabelGap / z, Sides: sides}
}

// pictureZoom is the zoom at which Render fits the entities at pos,
// with their labels full beside them (render.FitSpans), into w×h.
func pictureZoom(pos []layout.Point, s *render.Scene, radii []float64, full []layout.Size, w, h float64) float64 {
	z := fitZoom(pos, radii, w, h)
	if len(pos) > render.LabelFitLimit {
		return z
	}
	left := s.LabelsLeft(ToRender(pos))
	spans := make([]render.Span, len(pos))
	for i, p := range pos {
		sp := render.Span{Lo: p.X - radii[i], Hi: p.X + radii[i]}
		if lw := full[i].W + render.LabelGap + 2; lw < w {
			if left[i] {
				sp.Left = lw
			} else {
				sp.Right = lw
			}
		}
		spans[i] = sp
	}
	zx, _ := render.FitSpans(spans, w, z)
	return zx
}

// fitZoom is the zoom that fits the discs into w×h.
func fitZoom(pos []layout.Point, radii []float64, w, h float64) float64 {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i, p := range pos {
		minX, maxX = math.Min(minX, p.X-radii[i]), math.Max(maxX, p.X+radii[i])
		minY, maxY = math.Min(minY, p.Y-radii[i]), math.Max(maxY, p.Y+radii[i])
	}
	z := math.Min(w/math.Max(maxX-minX, 1e-9), h/math.Max(maxY-minY, 1e-9))
	if !(z > 0) || math.IsInf(z, 0) {
		return 1
	}
	return z
}

// labelShare is the largest share of the picture that the label boxes
// kept apart may cover: beyond it, keeping every label clear has no
// solution (the drawing only grows, and ends as a column of labels).
const labelShare = 0.8

// byImportance lists the entities by decreasing disc size (their
// number of relations), the order Render places labels in.
func byImportance(radii []float64) []int {
	order := make([]int, len(radii))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return radii[order[a]] > radii[order[b]] })
	return order
}

// keepLabelsThatFit is how many labels of the most important entities
// (order) cover together at most labelShare of a w×h picture.
func keepLabelsThatFit(labels []layout.Size, order []int, w, h float64) int {
	budget := labelShare * w * h
	used := 0.0
	for k, i := range order {
		used += (labels[i].W + render.LabelGap + 4) * (labels[i].H + 2)
		if used > budget {
			return k
		}
	}
	return len(order)
}
