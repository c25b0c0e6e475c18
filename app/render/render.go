package render

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
	"image"
	"image/color"
	"math"
	"sync"
)

// Render draws the scene as seen through v into dst: pixel (x, y) of the
// viewport is dst pixel dst.Rect.Min+(x, y); whatever falls outside dst is
// clipped. Render only reads s and may run on any goroutine; it uses
// o.Workers goroutines (GOMAXPROCS by default), each drawing a horizontal
// band of the image.
func Render(dst *image.RGBA, s *Scene, v Viewport, o Options) {
	if dst == nil || s == nil || v.Width <= 0 || v.Height <= 0 {
		return
	}
	img := dst
	if dst.Rect.Min != (image.Point{}) {
		// re-base so that the viewport's pixel (0,0) is dst.Rect.Min
		img = &image.RGBA{Pix: dst.Pix, Stride: dst.Stride, Rect: dst.Rect.Sub(dst.Rect.Min)}
	}
	area := img.Rect.Intersect(image.Rect(0, 0, v.Width, v.Height))
	if area.Empty() {
		return
	}
	if o.LOD && LODFor(s, v) == LODDensity {
		renderDensity(img, s, v, o)
		return
	}
	f := newFrame(s, v, o)
	defer f.release()
	workers := o.workers()
	bands := 1
	if workers > 1 {
		bands = min(4*workers, max(1, area.Dy()/32))
	}
	bh := (area.Dy() + bands - 1) / bands
	var rects []image.Rectangle
	for y := area.Min.Y; y < area.Max.Y; y += bh {
		rects = append(rects, image.Rect(area.Min.X, y, area.Max.X, min(y+bh, area.Max.Y)))
	}
	bins := f.binByBand(rects)
	next := make(chan int, len(rects))
	for k := range rects {
		next <- k
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(rects)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &scratch{}
			for k := range next {
				f.drawBand(&canvas{img: img, clip: rects[k]}, sc, bins.edges(k), bins.nodes(k))
			}
		}()
	}
	wg.Wait()
	f.drawOverlays(&canvas{img: img, clip: area}, &scratch{})
	if f.edgeStride > 1 {
		f.drawLODNote(&canvas{img: img, clip: area}, fmt.Sprintf(lang.L("1 relation in %d drawn: zoom in to see them all"), f.edgeStride))
	}
}

// drawBand draws everything that touches the canvas's clip: the plain
// relations and nodes binned to it, then the highlighted ones and labels.
func (f *frame) drawBand(cv *canvas, sc *scratch, edges, nodes []int32) {
	if f.o.Transparent {
		cv.fill(color.NRGBA{})
	} else {
		cv.fill(f.pal.bg)
	}
	// relations: plain ones first, highlighted ones on top
	if f.inkEdges {
		sc.ink.reset(cv.clip)
	}
	for _, e := range edges {
		f.drawEdgeParts(cv, sc, e, true, !f.inkEdges)
	}
	if f.inkEdges {
		f.compositeInk(cv, sc)
		if f.arrows && !f.far {
			for _, e := range edges {
				f.drawEdgeParts(cv, sc, e, false, true)
			}
		}
	}
	// highlighted relations go over the plain ones and, when the rest is
	// dimmed, over the dimmed entities too
	over := f.s.hl.Dim
	if !over {
		for _, e := range f.top {
			f.drawEdge(cv, sc, e)
		}
	}
	// nodes, least important first so hubs stay on top; highlighted last
	for _, i := range nodes {
		f.drawNode(cv, i)
	}
	if over {
		for _, e := range f.top {
			f.drawEdge(cv, sc, e)
		}
	}
	for _, i := range f.hlNodes {
		f.drawNode(cv, i)
	}
	for k := range f.labels {
		l := &f.labels[k]
		if l.y > cv.clip.Max.Y || l.y+l.ti.h < cv.clip.Min.Y {
			continue
		}
		cv.mask(l.ti.halo, l.ti.w, l.ti.h, l.x, l.y, premul(l.halo))
		cv.mask(l.ti.glyphs, l.ti.w, l.ti.h, l.x, l.y, premul(l.color))
	}
}

// drawEdge draws relation e (and its arrowhead) where it meets the clip.
func (f *frame) drawEdge(cv *canvas, sc *scratch, e int32) {
	f.drawEdgeParts(cv, sc, e, true, true)
}

// drawEdgeParts draws relation e's line and/or its arrowhead: with
// accumulated hairlines, arrowheads wait until the lines are composited.
func (f *frame) drawEdgeParts(cv *canvas, sc *scratch, e int32, line, head bool) {
	s := f.s
	a, b := s.src[e], s.dst[e]
	ax, ay, bx, by := f.sx[a], f.sy[a], f.sx[b], f.sy[b]
	if lo, hi := f.edgeYRange(e); lo > float32(cv.clip.Max.Y) || hi < float32(cv.clip.Min.Y) {
		return
	}
	col, w, ok := f.edgeStyle(e)
	if !ok || col.A == 0 {
		return
	}
	pc := premul(col)
	plain := s.edgeFlag(e) == 0
	if f.far && s.edgeFlag(e)&(flagPath|flagNeighbor) == 0 {
		if !line {
			return
		}
		if plain {
			sc.ink.hairline(float64(ax), float64(ay), float64(bx), float64(by))
		} else {
			cv.hairline(float64(ax), float64(ay), float64(bx), float64(by), pc)
		}
		return
	}
	if a == b {
		if line {
			x, y, r := selfLoop(float64(ax), float64(ay), float64(f.sr[a]), int(s.parIndex[e]))
			cv.ring(x, y, r, w, pc)
		}
		return
	}
	g := f.arcOf(e)
	t0, t1, tip, arrow := f.edgeEnds(e, &g, w)
	if t1 <= t0 {
		return
	}
	if line && g.straight {
		x0, y0 := g.at(t0)
		x1, y1 := g.at(t1)
		if w <= 1.05 && plain && f.inkEdges {
			sc.ink.hairline(x0, y0, x1, y1)
		} else if w <= 1.05 {
			cv.hairline(x0, y0, x1, y1, pc)
		} else {
			cv.line(x0, y0, x1, y1, w, pc)
		}
	} else if line {
		cv.polyline(g.flatten(t0, t1, nil), w, pc)
	}
	if arrow && head {
		f.drawArrow(cv, sc, &g, tip, w, pc)
	}
}

// edgeYRange bounds the rows relation e may touch (arcs bow out by at
// most about half their length; self-loops sit above their entity).
func (f *frame) edgeYRange(e int32) (lo, hi float32) {
	s := f.s
	a, b := s.src[e], s.dst[e]
	ax, ay, bx, by := f.sx[a], f.sy[a], f.sx[b], f.sy[b]
	slack := float32(4 * f.sc)
	if s.parCount[e] > 1 {
		slack += float32(math.Abs(float64(bx-ax))+math.Abs(float64(by-ay))) * 0.6
	}
	if a == b {
		slack += 3*f.sr[a] + float32(12*f.sc)*float32(1+s.parIndex[e])
	}
	return min(ay, by) - slack, max(ay, by) + slack
}

// bins holds, for each band, the plain relations and nodes that touch
// it, in drawing order (CSR layout).
type bins struct {
	eStart, nStart []int32
	eList, nList   []int32
}

func (b *bins) edges(k int) []int32 { return b.eList[b.eStart[k]:b.eStart[k+1]] }
func (b *bins) nodes(k int) []int32 { return b.nList[b.nStart[k]:b.nStart[k+1]] }

// binByBand sorts the plain relations and nodes into the bands they
// touch, so that each band's goroutine looks only at its own.
func (f *frame) binByBand(rects []image.Rectangle) *bins {
	nb := len(rects)
	top := rects[0].Min.Y
	h := rects[0].Dy()
	band := func(y float32) int {
		k := int(math.Floor(float64(y-float32(top)) / float64(h)))
		return max(0, min(nb-1, k))
	}
	visible := func(lo, hi float32) bool {
		return hi >= float32(top) && lo <= float32(rects[nb-1].Max.Y)
	}
	if nb == 1 {
		order := f.drawOrder()
		return &bins{eStart: []int32{0, int32(len(f.edges))}, nStart: []int32{0, int32(len(order))}, eList: f.edges, nList: order}
	}
	b := &bins{eStart: make([]int32, nb+1), nStart: make([]int32, nb+1)}
	// two passes each: count, then fill
	var eRange, nRange [][2]int32
	eRange = make([][2]int32, len(f.edges))
	for j, e := range f.edges {
		lo, hi := f.edgeYRange(e)
		if !visible(lo, hi) {
			eRange[j] = [2]int32{0, -1}
			continue
		}
		k0, k1 := band(lo), band(hi)
		eRange[j] = [2]int32{int32(k0), int32(k1)}
		for k := k0; k <= k1; k++ {
			b.eStart[k+1]++
		}
	}
	order := f.drawOrder()
	nRange = make([][2]int32, len(order))
	ring := float32(4 * f.sc)
	for j, i := range order {
		lo, hi := f.sy[i]-f.sr[i]-ring, f.sy[i]+f.sr[i]+ring
		k0, k1 := band(lo), band(hi)
		nRange[j] = [2]int32{int32(k0), int32(k1)}
		for k := k0; k <= k1; k++ {
			b.nStart[k+1]++
		}
	}
	for k := 1; k <= nb; k++ {
		b.eStart[k] += b.eStart[k-1]
		b.nStart[k] += b.nStart[k-1]
	}
	b.eList = make([]int32, b.eStart[nb])
	b.nList = make([]int32, b.nStart[nb])
	fill := append([]int32(nil), b.eStart[:nb]...)
	for j, e := range f.edges {
		for k := eRange[j][0]; k <= eRange[j][1]; k++ {
			b.eList[fill[k]] = e
			fill[k]++
		}
	}
	fill = append(fill[:0], b.nStart[:nb]...)
	for j, i := range order {
		for k := nRange[j][0]; k <= nRange[j][1]; k++ {
			b.nList[fill[k]] = i
			fill[k]++
		}
	}
	return b
}

// drawOrder lists the plain nodes on screen, least important first, and
// records the highlighted ones (drawn last) in f.hlNodes.
func (f *frame) drawOrder() []int32 {
	s := f.s
	var out []int32
	f.hlNodes = f.hlNodes[:0]
	for k := len(s.priority) - 1; k >= 0; k-- {
		i := s.priority[k]
		if !f.onScr[i] {
			continue
		}
		if s.nodeFlag(i)&(flagSelected|flagHovered|flagPath) != 0 {
			f.hlNodes = append(f.hlNodes, i)
			continue
		}
		out = append(out, i)
	}
	return out
}

// compositeInk turns the band's accumulated hairlines into colour.
func (f *frame) compositeInk(cv *canvas, sc *scratch) {
	f.inkOnce.Do(func() { f.inkLUT = inkLUT(float64(f.edgeC.A) / 255) })
	c := f.edgeC
	c.A = 255
	sc.ink.composite(cv, premul(c), f.inkLUT)
}

// selfLoop returns the circle drawn for the k-th relation of an entity
// with itself: a loop above and to the right of its disc, further out for
// each next one.
func selfLoop(x, y, r float64, k int) (cx, cy, rr float64) {
	rr = math.Max(r*0.55, 4) * (1 + 0.35*float64(k))
	d := r + rr*0.45
	return x + d*0.7071, y - d*0.7071, rr
}

// crosses reports whether the segment between two off-screen nodes passes
// through the image (a cheap box test).
func (f *frame) crosses(a, b int32) bool {
	x0, x1 := min(f.sx[a], f.sx[b]), max(f.sx[a], f.sx[b])
	y0, y1 := min(f.sy[a], f.sy[b]), max(f.sy[a], f.sy[b])
	return x1 >= 0 && y1 >= 0 && x0 <= float32(f.w) && y0 <= float32(f.h)
}

// drawArrow draws an arrowhead with its tip at parameter tip.
func (f *frame) drawArrow(cv *canvas, sc *scratch, g *arc, tip, w float64, c pcolor) {
	x, y := g.at(tip)
	dx, dy := g.tangent(tip)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	al, hw := f.arrowSize(w)
	bx, by := x-dx*al, y-dy*al
	nx, ny := -dy*hw, dx*hw
	tri := []Point{{x, y}, {bx + nx, by + ny}, {x - dx*al*0.72, y - dy*al*0.72}, {bx - nx, by - ny}}
	cv.fillPolys(sc, [][]Point{tri}, c)
}

// drawNode draws node i's disc, border, icon and highlight ring.
func (f *frame) drawNode(cv *canvas, i int32) {
	x, y, r := float64(f.sx[i]), float64(f.sy[i]), float64(f.sr[i])
	ring := 4 * f.sc
	if y-r-ring > float64(cv.clip.Max.Y) || y+r+ring < float64(cv.clip.Min.Y) {
		return
	}
	fl := f.s.nodeFlag(i)
	col := f.nodeColor(i)
	if r >= 3*f.sc && !f.far {
		bw := math.Min(1.5*f.sc, r*0.15)
		cv.disc(x, y, r+bw, premul(f.pal.nodeBorder))
	}
	cv.disc(x, y, r, premul(col))
	if r >= iconRadius*f.sc && fl&flagDim == 0 {
		f.drawIcon(cv, f.s.types[f.s.nodeType[i]].Style.Icon, x, y, r)
	}
	switch {
	case fl&flagSelected != 0:
		cv.ring(x, y, r+3.5*f.sc, 3*f.sc, premul(f.pal.accent))
	case fl&flagPath != 0:
		cv.ring(x, y, r+3*f.sc, 2.2*f.sc, premul(f.pal.accent))
	}
	if fl&flagHovered != 0 {
		cv.ring(x, y, r+3.5*f.sc, 2*f.sc, premul(f.pal.hover))
	}
}

// iconRadius is the smallest disc radius, in logical pixels, that carries
// its type's icon.
const iconRadius = 5.5
