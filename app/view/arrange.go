package view

import (
	"math"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph/layout"
)

// MaxLabelAdjust is the largest graph whose label boxes are taken into
// account when removing overlaps.
const MaxLabelAdjust = 3000

// FitPicture arranges laid-out positions for a picture of width×height
// logical pixels, as exports draw it: it removes node overlaps and, for
// graphs of at most MaxLabelAdjust entities, first stretches the drawing
// towards the picture's aspect ratio, lengthens bundles of parallel
// relations until their labels fit and keeps every label clear of the
// others. s must be the scene of the graph laid out. Without a size
// (width or height <= 0) only node discs are kept apart.
func FitPicture(pos []render.Point, s *render.Scene, width, height float64) ([]render.Point, error) {
	p, err := fitPicture(toLayout(pos), s, width, height)
	if err != nil {
		return nil, err
	}
	return ToRender(p), nil
}

func fitPicture(pos []layout.Point, s *render.Scene, width, height float64) ([]layout.Point, error) {
	if len(pos) == 0 {
		return pos, nil
	}
	if width <= 0 || height <= 0 || len(pos) > MaxLabelAdjust {
		p, _, err := layout.RemoveOverlaps(pos, layout.OverlapOptions{Radii: s.Radii()})
		return p, err
	}
	// the room left by the legend and margins
	w, h := width*0.8*0.85, height*0.82
	pos = fitAspect(pos, w/h)
	return separateIn(pos, s, w, h, true)
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
	return separateIn(pos, s, w, h, false)
}

// separateIn is Separate, optionally lengthening bundles of parallel
// relations (for exports, where every relation label is drawn).
func separateIn(pos []layout.Point, s *render.Scene, w, h float64, bundles bool) ([]layout.Point, error) {
	n := len(pos)
	radii := s.Radii()
	// label sizes are in pixels, positions in world units: the zoom that
	// fits the picture converts them; overlap removal spreads the graph,
	// which lowers the zoom, so repeat until it settles
	lw := make([]float64, n)
	lh := make([]float64, n)
	for i := range lw {
		lw[i], lh[i] = s.LabelSize(int32(i))
	}
	stretch := func(p []layout.Point) []layout.Point {
		if !bundles {
			return p
		}
		return stretchBundles(p, s, radii, fitZoom(p, radii, w, h))
	}
	adjust := func(pos []layout.Point) ([]layout.Point, error) {
		for round := 0; round < 4; round++ {
			z := fitZoom(pos, radii, w, h)
			p, rep, err := removeLabelOverlaps(pos, radii, lw, lh, z)
			if err != nil {
				return nil, err
			}
			pos = p
			if fitZoom(pos, radii, w, h) >= z*0.97 && rep.After.Total() == 0 {
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
	best, bestZ := pos, fitZoom(pos, radii, w, h)
	// but not so far that a leaf's disc grows past leafRadius pixels
	zCap := leafRadius / render.NodeRadius(1)
	for round := 0; round < 6 && bestZ < zCap; round++ {
		p, err := adjust(stretch(shrink(best, 0.8)))
		if err != nil {
			return nil, err
		}
		z := fitZoom(p, radii, w, h)
		if z <= bestZ*1.02 || z > zCap*1.15 {
			break
		}
		best, bestZ = p, z
	}
	return best, nil
}

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

// removeLabelOverlaps separates discs and label boxes sized for zoom z.
func removeLabelOverlaps(pos []layout.Point, radii, lw, lh []float64, z float64) ([]layout.Point, layout.OverlapReport, error) {
	n := len(pos)
	{
		labels := make([]layout.Size, n)
		r := make([]float64, n)
		for i := range labels {
			labels[i] = layout.Size{W: lw[i] / z, H: lh[i] / z}
			// tiny nodes are drawn at a minimum size
			r[i] = math.Max(radii[i], 1.6/z)
		}
		return layout.RemoveOverlaps(pos, layout.OverlapOptions{
			Radii: r, Labels: labels, Padding: 2 / z,
			Placement: layout.LabelPlacement{Side: layout.LabelRight, Gap: render.LabelGap / z},
		})
	}
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
