package render

import (
	"image/color"
	"math"
	"sync"
)

// frame is what one picture needs, computed once and shared by the bands
// of the PNG renderer and by the SVG writer.
type frame struct {
	s      *Scene
	v      Viewport
	o      Options
	pal    *palette
	sc     float64 // device pixels per logical pixel
	k      float64 // device pixels per world unit
	w, h   int
	sx, sy []float32 // node centres, device pixels
	sr     []float32 // node radii, device pixels
	onScr  []bool    // visible and within the image (with a margin)
	far    bool      // zoomed far out: hairlines, no arrows, icons or labels
	arrows bool      // few enough relations on screen for arrowheads
	edgeW  float64   // normal relation width, device pixels
	edgeC  color.NRGBA
	labels []placedLabel
	// edges are the relations that may show: visible, with an end on
	// screen or crossing it; top are the highlighted ones among them,
	// drawn last
	edges, top []int32
	// inkEdges: thin plain relations are accumulated, not blended
	inkEdges bool
	// edgeStride > 1: the window's level of detail draws only the plain
	// relations whose index is a multiple of it (density.go)
	edgeStride int
	// preStride > 1: f.edges hold only the relations whose index is a
	// multiple of it (indexedOnScreen read them from the cells' lists)
	preStride int
	// hlNodes are the highlighted nodes on screen, drawn after the others
	hlNodes []int32

	// legendCache is the legend's layout, computed once (legend)
	legendCache *legendLayout
	// notes are the note boxes placed (notes.go)
	notes          []placedNote
	chartNoteCache *placedNote

	inkOnce sync.Once
	inkLUT  []uint8
}

// placedLabel is a label that survived culling.
type placedLabel struct {
	text   string
	weight int
	size   float64 // device pixels
	x, y   int     // top-left of the text image
	bx, by float64 // baseline origin, device pixels (for SVG)
	ti     *textImage
	color  color.NRGBA
	halo   color.NRGBA
	node   int32 // the entity labelled, or -1
	edge   int32 // the relation labelled, or -1
}

// maxArrowEdges is the number of relations on screen above which only
// highlighted ones get arrowheads.
const maxArrowEdges = 8000

// farEdges is the number of relations on screen above which they are
// drawn as hairlines.
const farEdges = 40000

func newFrame(s *Scene, v Viewport, o Options) *frame {
	f := &frame{s: s, v: v, o: o, pal: paletteOf(o.Theme), sc: v.scale(), k: v.pxPerUnit(), w: v.Width, h: v.Height}
	f.sx, f.sy, f.sr, f.onScr = frameArrays(s.n)
	ns := nodeStyleFor(s, v)
	if o.LOD && s.n >= lodIndexed && s.grid != nil {
		f.indexedOnScreen(ns)
	} else {
		f.allOnScreen(ns)
	}
	on := len(f.edges) + len(f.top)
	if o.LOD && s.n >= DensityMinEntities {
		f.edgeStride = f.sampleEdges()
	}
	f.far = on > farEdges
	f.arrows = on <= maxArrowEdges
	f.edgeW = 1.3 * f.sc
	f.edgeC = withAlpha(f.pal.edge, f.pal.edgeAlpha)
	if f.far {
		f.edgeC = withAlpha(f.pal.edge, 0.3)
	} else if on > 3000 {
		f.edgeW = 1.0 * f.sc
		f.edgeC = withAlpha(f.pal.edge, 0.4)
	}
	f.inkEdges = f.far || f.edgeW <= 1.05
	if !o.NoLabels || !o.NoEdgeLabels {
		f.placeLabels()
	}
	return f
}

// allOnScreen places every entity on screen and lists the relations that
// may show: visible, with an end on screen or crossing it.
func (f *frame) allOnScreen(ns nodeStyle) {
	s, v, o := f.s, f.v, f.o
	n := s.n
	cx, cy := float64(v.Width)/2, float64(v.Height)/2
	parallelFor(n, o.workers(), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			p := s.pos[i]
			x := (p.X-v.CenterX)*f.k + cx
			y := (p.Y-v.CenterY)*f.k + cy
			r := ns.screenRadius(s.radius[i], f.k, f.sc)
			f.sx[i], f.sy[i], f.sr[i] = float32(x), float32(y), float32(r)
			vis := s.nodeVisible == nil || s.nodeVisible[i]
			f.onScr[i] = vis && x+r >= 0 && y+r >= 0 && x-r <= float64(v.Width) && y-r <= float64(v.Height)
		}
	})
	// relations that may show; their number chooses the level of detail
	for e := int32(0); int(e) < s.m; e++ {
		a, b := s.src[e], s.dst[e]
		if !f.onScr[a] && !f.onScr[b] && !f.crosses(a, b) {
			continue
		}
		if !s.EdgeVisible(e) {
			continue
		}
		if s.edgeFlag(e)&(flagPath|flagNeighbor) != 0 {
			f.top = append(f.top, e)
		} else {
			f.edges = append(f.edges, e)
		}
	}
}

// parallelFor splits 0..n into chunks run on up to w goroutines.
func parallelFor(n, w int, fn func(lo, hi int)) {
	if n < 20000 || w <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// arcOf returns relation e's arc on screen, from centre to centre.
func (f *frame) arcOf(e int32) arc {
	a, b := f.s.src[e], f.s.dst[e]
	return edgeGeometry(float64(f.sx[a]), float64(f.sy[a]), float64(f.sx[b]), float64(f.sy[b]),
		int(f.s.parIndex[e]), int(f.s.parCount[e]), f.sc, a > b)
}

// edgeStyle returns relation e's colour and width, and whether to draw it.
func (f *frame) edgeStyle(e int32) (color.NRGBA, float64, bool) {
	if !f.s.EdgeVisible(e) {
		return color.NRGBA{}, 0, false
	}
	fl := f.s.edgeFlag(e)
	switch {
	case fl&flagPath != 0:
		return f.pal.accent, 2.6 * f.sc, true
	}
	// the relation type's colour (graph.TypeTable), at the frame's alpha
	c := f.edgeC
	if t := f.s.topo.RelType[e]; int(t) < len(f.s.topo.Types.Rels) {
		if tc := f.s.topo.Types.Rels[t].Style.Color; tc.A != 0 {
			c = color.NRGBA{tc.R, tc.G, tc.B, f.edgeC.A}
		}
	}
	switch {
	case fl&flagNeighbor != 0:
		return withAlpha(c, 0.95*255/float64(max(c.A, 1))), 1.8 * f.sc, true
	case fl&flagDim != 0:
		return withAlpha(c, f.pal.dimAlpha), f.edgeW, true
	}
	return c, f.edgeW, true
}

// nodeColor returns node i's fill.
func (f *frame) nodeColor(i int32) color.NRGBA {
	c := f.s.types[f.s.nodeType[i]].Style.Color
	if f.s.fill != nil && f.s.fill[i].A != 0 {
		c = f.s.fill[i] // the file's own colour
	}
	if f.s.nodeFlag(i)&flagDim != 0 {
		c = mix(c, f.pal.bg, 0.78)
	}
	return c
}

// arrowSize returns the arrowhead length and half-width for a relation of
// width w.
func (f *frame) arrowSize(w float64) (float64, float64) {
	l := math.Max(8*f.sc, 4.2*w)
	return l, l * 0.42
}

// edgeEnds returns the parameters where relation e's line starts and
// ends (outside the discs, before the arrowhead) and the arrow tip's
// parameter; arrow is false when no arrowhead fits.
func (f *frame) edgeEnds(e int32, g *arc, w float64) (t0, t1, tip float64, arrow bool) {
	a, b := f.s.src[e], f.s.dst[e]
	ra, rb := float64(f.sr[a]), float64(f.sr[b])
	gap := 1.0 * f.sc
	if a == b {
		return 0, 1, 1, false
	}
	l := g.length()
	if l <= ra+rb+2*gap {
		return 0, 0, 0, false
	}
	t0 = g.exitT(ra+gap, false)
	tip = g.exitT(rb+gap, true)
	al, _ := f.arrowSize(w)
	if f.s.isUndirected(e) || f.far || (!f.arrows && f.s.edgeFlag(e)&(flagPath|flagNeighbor) == 0) || l-ra-rb < 2.5*al {
		return t0, tip, tip, false
	}
	t1 = g.exitT(rb+gap+al*0.8, true)
	return t0, t1, tip, true
}
