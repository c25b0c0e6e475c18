// Package arrange computes node positions for pictures and exports: it
// runs a layout from graph/layout and then removes overlaps between nodes
// and their labels at the size the picture will have, so that every label
// of a small graph can be shown.
package arrange

import (
	"context"
	"fmt"
	"math"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// Options choose the layout.
type Options struct {
	// Layout is "fa2" (the default), "circular", "radial" or "layered".
	Layout string
	// Focus is the centre of a radial layout (-1, or 0 in a zero Options
	// with another layout: the most connected entity).
	Focus int32
	// Iterations of ForceAtlas2 (0: chosen by graph size).
	Iterations int
	// Seed seeds the random start.
	Seed uint64
	// Width and Height are the picture size in logical pixels; when set,
	// labels are made to fit without overlapping (graphs up to
	// MaxLabelAdjust entities).
	Width, Height float64
}

// MaxLabelAdjust is the largest graph whose label boxes are taken into
// account when removing overlaps.
const MaxLabelAdjust = 3000

// Layouts lists the layout names Positions accepts.
var Layouts = []string{"fa2", "circular", "radial", "layered"}

// Positions lays g out. s must be the scene of g (it gives node sizes and
// label sizes). When ctx ends first, a static layout fails with ctx's
// error, while ForceAtlas2 stops where it is: Positions then returns the
// positions reached (overlaps removed) together with ctx's error.
func Positions(ctx context.Context, g *graph.Graph, s *render.Scene, o Options) ([]render.Point, error) {
	n := g.NodeCount()
	lg := Input(g)
	lg.Size = s.Radii()
	// a bundle of parallel relations pulls like one relation
	lg.Weight = make([]float64, len(lg.Src))
	for e := range lg.Weight {
		lg.Weight[e] = 1 / float64(s.Parallel(int32(e)))
	}
	var pos []layout.Point
	var err error
	switch o.Layout {
	case "", "fa2", "forceatlas2":
		pos, err = fa2(ctx, lg, o)
	default:
		pos, err = otherLayout(ctx, lg, o)
	}
	if pos == nil && err != nil {
		return nil, err
	}
	stopped := err // the context ended ForceAtlas2
	pos = packComponents(lg, pos, s.Radii())
	pos, err = separate(pos, s, o)
	if err != nil {
		return nil, err
	}
	out := make([]render.Point, n)
	for i, p := range pos {
		out[i] = render.Point{X: p.X, Y: p.Y}
	}
	return out, stopped
}

// fa2 runs ForceAtlas2; when ctx ends it returns the positions reached
// with ctx's error.
func fa2(ctx context.Context, lg *layout.Graph, o Options) ([]layout.Point, error) {
	n := lg.N
	if n == 0 {
		return nil, nil
	}
	st := layout.InferFA2Settings(n)
	st.AdjustSizes = n <= MaxLabelAdjust
	iters := o.Iterations
	if iters <= 0 {
		switch {
		case n <= 1000:
			iters = 1500
		case n <= 20000:
			iters = 300
		default:
			iters = 120
		}
	}
	// settle without size adjustment first (it slows convergence), then
	// let the nodes push apart
	st0 := st
	st0.AdjustSizes = false
	f, err := layout.NewFA2(lg, layout.FA2Options{Settings: &st0, Seed: o.Seed + 1})
	if err != nil {
		return nil, err
	}
	if _, err := f.Run(ctx, iters*4/5); err != nil {
		return f.Positions(), err
	}
	if err := f.SetSettings(st); err != nil {
		return nil, err
	}
	_, err = f.Run(ctx, iters-iters*4/5)
	return f.Positions(), err
}

// separate removes node (and, for small graphs with a picture size, label)
// overlaps. For a picture it first stretches the drawing towards the
// picture's aspect ratio, and lengthens bundles of parallel relations
// until their labels fit.
func separate(pos []layout.Point, s *render.Scene, o Options) ([]layout.Point, error) {
	if len(pos) == 0 {
		return pos, nil
	}
	if o.Width <= 0 || o.Height <= 0 || len(pos) > MaxLabelAdjust {
		p, _, err := layout.RemoveOverlaps(pos, layout.OverlapOptions{Radii: s.Radii()})
		return p, err
	}
	// the room left by the legend and margins
	w, h := o.Width*0.8*0.85, o.Height*0.82
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

func otherLayout(ctx context.Context, lg *layout.Graph, o Options) ([]layout.Point, error) {
	switch o.Layout {
	case "circular":
		return layout.Circular(ctx, lg, layout.CircularOptions{ByDegree: true})
	case "radial":
		r, err := layout.Radial(ctx, lg, layout.RadialOptions{Focus: int(o.Focus)})
		if err != nil {
			return nil, err
		}
		return r.Pos, nil
	case "layered":
		r, err := layout.Layered(ctx, lg, layout.LayeredOptions{})
		if err != nil {
			return nil, err
		}
		return r.Pos, nil
	}
	return nil, fmt.Errorf("unknown layout %q (fa2, circular, radial, layered)", o.Layout)
}
