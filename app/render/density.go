package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	mathbits "math/bits"
	"slices"
	"sync"

	"fyne.io/fyne/v2/lang"
)

// Level of detail (the window only; exports draw every entity).
//
// Far out on a big graph, discs are smaller than a pixel and overlap by
// the thousand: drawing them one by one costs a pass over every relation
// and shows a smear. The window then draws a density view instead: a 2D
// histogram of the visible entities per screen tile, each tile in the
// colour of its most frequent type and as opaque as it is full (on a
// logarithmic scale), the relations summed into strokes between coarser
// cells, the best connected entities on screen labelled, and the
// selection, hover and highlighted path drawn over it as discs. Zooming
// in switches to the usual drawing once few enough entities are on
// screen; the usual drawing shows labels as discs grow.

// LOD is a level of detail.
type LOD int

const (
	// LODEntities draws every entity and relation (labels where they fit).
	LODEntities LOD = iota
	// LODDensity draws density tiles.
	LODDensity
)

// DensityMinEntities is the number of entities on screen below which the
// window always draws them one by one; DensityPerPixel the entities per
// logical pixel² above which (with at least DensityMinEntities) it draws
// density tiles: discs at 1.3 logical pixels then cover the canvas several
// times over.
const (
	DensityMinEntities = 20000
	DensityPerPixel    = 1.0 / 16
)

// ChooseLOD returns the level of detail for onScreen visible entities in
// a canvas of area logical pixels².
func ChooseLOD(onScreen int, area float64) LOD {
	if onScreen >= DensityMinEntities && float64(onScreen) > DensityPerPixel*area {
		return LODDensity
	}
	return LODEntities
}

// LODFor returns the level of detail the window uses for s seen through
// v: it counts the visible entities on screen with the scene's grid,
// touching only the cells the viewport covers (a cell partly on screen
// counts its entities one by one).
func LODFor(s *Scene, v Viewport) LOD {
	if s == nil || s.n < DensityMinEntities || v.Width <= 0 || v.Height <= 0 {
		return LODEntities
	}
	sc := v.scale()
	area := float64(v.Width) * float64(v.Height) / (sc * sc)
	return ChooseLOD(s.CountOnScreen(v, max(DensityMinEntities, int(DensityPerPixel*area)+1)), area)
}

// CountOnScreen counts the visible entities whose centre is within v,
// stopping once it reaches limit (limit <= 0: no limit).
func (s *Scene) CountOnScreen(v Viewport, limit int) int {
	g := s.grid
	if g == nil || s.n == 0 {
		return 0
	}
	a := v.ToWorld(0, 0)
	b := v.ToWorld(float64(v.Width), float64(v.Height))
	c0, c1 := g.col(a.X), g.col(b.X)
	r0, r1 := g.row(a.Y), g.row(b.Y)
	count := 0
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			k := r*g.cols + c
			items := g.items[g.start[k]:g.start[k+1]]
			inner := c > c0 && c < c1 && r > r0 && r < r1
			for _, i := range items {
				if s.nodeVisible != nil && !s.nodeVisible[i] {
					continue
				}
				if !inner {
					p := s.pos[i]
					if p.X < a.X || p.X > b.X || p.Y < a.Y || p.Y > b.Y {
						continue
					}
				}
				count++
			}
			if limit > 0 && count >= limit {
				return count
			}
		}
	}
	return count
}

// Density is the histogram of one density frame.
type Density struct {
	// Tile is the side of a tile in device pixels; Cols×Rows tiles cover
	// the image, the first one's top-left corner at (OffX, OffY), in
	// (-Tile, 0] (0 for tiles of the screen; tiles fixed to the world are
	// shifted, density_cache.go).
	Tile, Cols, Rows int
	OffX, OffY       int
	// Count is the number of visible entities per tile (row-major) and
	// Type the most frequent colour class in it (the entity types, or the
	// colours drawn when entities have their own: density_class.go; -1
	// for an empty tile).
	Count []int32
	Type  []int32
	// Max is the largest count; Entities the visible entities on screen.
	Max, Entities int
	// Stride is the sampling of relations: Links are the ends on screen
	// (x0, y0, x1, y1, device pixels) of one visible relation in Stride
	// with an end on screen.
	Stride int
	Links  [][4]float32
}

// densityTile is the side of a density tile in logical pixels.
const densityTile = 3

// ComputeDensity bins the visible entities of s seen through v into
// tiles, and the visible relations with both ends on screen into links
// between cells: one pass over the entities and one over the relations,
// each split over the workers.
func ComputeDensity(s *Scene, v Viewport, workers int) *Density {
	sc := v.scale()
	tile := max(1, int(math.Round(densityTile*sc)))
	d := &Density{Tile: tile, Cols: (v.Width + tile - 1) / tile, Rows: (v.Height + tile - 1) / tile}
	class, nt := s.densityClasses()
	tiles := d.Cols * d.Rows
	k := v.pxPerUnit()
	hx, hy := float64(v.Width)/2, float64(v.Height)/2
	workers = max(1, workers)
	if s.n < 50000 {
		workers = 1
	}
	// the entities looked at: zoomed in on a big scene, those of the grid
	// cells on screen (one run of the grid's items per row of cells),
	// else all of them
	runs, items := densityRuns(s, v)
	total := 0
	for _, r := range runs {
		total += int(r[1] - r[0])
	}
	type part struct {
		counts []uint32 // tiles × types
		n      int
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	chunk := (total + workers - 1) / workers
	for w := 0; w < workers; w++ {
		// this worker's share: entries lo..hi of the runs end to end
		lo, hi := w*chunk, min((w+1)*chunk, total)
		wg.Add(1)
		go func(p *part) {
			defer wg.Done()
			p.counts = make([]uint32, tiles*nt)
			at := 0
			for _, r := range runs {
				n := int(r[1] - r[0])
				a, b := max(lo, at)-at, min(hi, at+n)-at
				at += n
				for j := a; j < b; j++ {
					i := r[0] + int32(j)
					if items != nil {
						i = items[i]
					}
					if s.nodeVisible != nil && !s.nodeVisible[i] {
						continue
					}
					q := s.pos[i]
					x := (q.X-v.CenterX)*k + hx
					y := (q.Y-v.CenterY)*k + hy
					if !(x >= 0 && y >= 0 && x < float64(v.Width) && y < float64(v.Height)) {
						continue
					}
					tx, ty := int(x)/tile, int(y)/tile
					p.counts[(ty*d.Cols+tx)*nt+int(class[i])]++
					p.n++
				}
			}
		}(&parts[w])
	}
	wg.Wait()
	counts := make([][]uint32, len(parts))
	for w, p := range parts {
		counts[w] = p.counts
		d.Entities += p.n
	}
	d.Count, d.Type = tileTotals(counts, tiles, nt)
	for _, c := range d.Count {
		d.Max = max(d.Max, int(c))
	}
	sampleLinks(s, v, d)
	return d
}

// tileTotals adds up the workers' histograms (tiles × nt classes each, the
// first one added into) and returns each tile's count and commonest class
// (-1 for an empty tile).
func tileTotals(parts [][]uint32, tiles, nt int) (count, class []int32) {
	counts := parts[0]
	for _, p := range parts[1:] {
		for j, c := range p {
			counts[j] += c
		}
	}
	count, class = make([]int32, tiles), make([]int32, tiles)
	for t := range count {
		best, bt, sum := uint32(0), int32(-1), uint32(0)
		for ty, c := range counts[t*nt : (t+1)*nt] {
			sum += c
			if c > best {
				best, bt = c, int32(ty)
			}
		}
		count[t], class[t] = int32(sum), bt
	}
	return count, class
}

// densityRuns is what ComputeDensity looks at: runs (lo, hi) of the
// grid's items, one per row of the cells on screen, when s is big and
// fewer than half its entities are in those cells; else the one run of
// every entity index, and items nil.
func densityRuns(s *Scene, v Viewport) (runs [][2]int32, items []int32) {
	if g := s.grid; g != nil && s.n >= cellsFrom {
		r := g.cellsOn(v.ToWorld(0, 0), v.ToWorld(float64(v.Width), float64(v.Height)), 0)
		in := 0
		for w := r.r0; w <= r.r1; w++ {
			lo, hi := g.start[w*g.cols+r.c0], g.start[w*g.cols+r.c1+1]
			runs = append(runs, [2]int32{lo, hi})
			in += int(hi - lo)
		}
		if in <= s.n/2 {
			return runs, g.items
		}
	}
	return [][2]int32{{0, int32(s.n)}}, nil
}

// lodEdges is the most plain relations an entity frame of the window
// draws, and lodInk the most pixel steps of their lines: beyond, one in
// edgeStride (sampleEdges).
const (
	lodEdges = 60000
	lodInk   = 3000000
)

// steps is the number of pixels a line from (x0, y0) to (x1, y1) covers in
// a w×h image, about (its longer side, at most the image's).
func steps(x0, y0, x1, y1 float32, w, h int) float64 {
	dx, dy := math.Abs(float64(x1-x0)), math.Abs(float64(y1-y0))
	return math.Min(math.Max(dx, dy), float64(max(w, h)))
}

// strideFor is the least power of two that brings n items of ink pixel
// steps in all to at most most items and lodInk steps.
func strideFor(n int, ink float64, most int) int { return strideWithin(n, ink, most, lodInk) }

// strideWithin is strideFor with maxInk pixel steps instead of lodInk.
func strideWithin(n int, ink float64, most int, maxInk float64) int {
	stride := 1
	for n/stride > most || ink/float64(stride) > maxInk {
		stride *= 2
	}
	return stride
}

// sampleEdges keeps the relations of f.edges (in index order) whose index
// is a multiple of a power of two chosen to keep at most about lodEdges
// of them and lodInk pixels of line; the power of two makes the samples
// of nearby views nest, so that a pan does not make the drawn relations
// flicker. It returns the stride.
func (f *frame) sampleEdges() int {
	ink := 0.0
	for _, e := range f.edges {
		a, b := f.s.src[e], f.s.dst[e]
		ink += steps(f.sx[a], f.sy[a], f.sx[b], f.sy[b], f.w, f.h)
	}
	stride := strideFor(len(f.edges), ink, lodEdges)
	if p := f.preStride; p > 1 {
		// f.edges are one in p of the relations on screen already
		stride = max(p, strideFor(len(f.edges)*p, ink*float64(p), lodEdges))
	}
	if stride == 1 {
		return 1
	}
	kept := make([]int32, 0, len(f.edges)/stride+1)
	for _, e := range f.edges {
		if int(e)&(stride-1) == 0 {
			kept = append(kept, e)
		}
	}
	f.edges = kept
	return stride
}

// densitySample is about the most relations a density frame draws:
// one in Stride of them (every Stride-th index, so that a pan keeps the
// same ones), as hairlines.
const densitySample = 16000

// densityInk is the most pixel steps of the density view's hairlines: on
// a million entities at their start positions (a uniform square, so most
// sampled relations cross the screen) lodInk of them cost 130 ms of a
// 140 ms frame; the lines are faint context over the tiles.
const densityInk = 500000

// sampleLinks picks the visible relations with an end on screen whose
// index is a multiple of d.Stride, a power of two keeping about
// densitySample of them and at most densityInk pixels of line.
func sampleLinks(s *Scene, v Viewport, d *Density) {
	if s.m == 0 {
		return
	}
	// the share of the graph on screen estimates the relations there
	share := float64(d.Entities) / float64(max(1, s.visibleCount()))
	d.Stride = 1
	for float64(s.m)*share/float64(d.Stride) > densitySample {
		d.Stride *= 2
	}
	w, h := float64(v.Width), float64(v.Height)
	var idx []int32
	ink := 0.0
	// the candidates: every Stride-th relation, or, zoomed in, those of
	// the grid cells on screen (cellrels.go) when fewer
	cand := func(yield func(e int32)) {
		for e := 0; e < s.m; e += d.Stride {
			yield(int32(e))
		}
	}
	if g := s.grid; g != nil && s.m >= cellRelsFrom && s.n >= cellsFrom {
		r := g.cellsOn(v.ToWorld(0, 0), v.ToWorld(w, h), 0)
		cells := (r.c1 - r.c0 + 1) * (r.r1 - r.r0 + 1)
		if cells < s.m/d.Stride/4 {
			cr := s.cellRelations()
			if cells+cr.entries(g, r)/d.Stride < s.m/d.Stride/2 {
				var es []int32
				cr.each(s, g, r, d.Stride, func(e int32) { es = append(es, e) })
				slices.Sort(es)
				cand = func(yield func(e int32)) {
					for _, e := range es {
						yield(e)
					}
				}
			}
		}
	}
	cand(func(e32 int32) {
		e := int(e32)
		if !s.EdgeVisible(int32(e)) {
			return
		}
		x0, y0 := v.ToScreen(s.pos[s.src[e]])
		x1, y1 := v.ToScreen(s.pos[s.dst[e]])
		in0 := x0 >= 0 && y0 >= 0 && x0 < w && y0 < h
		in1 := x1 >= 0 && y1 >= 0 && x1 < w && y1 < h
		if in0 || in1 {
			l := [4]float32{float32(x0), float32(y0), float32(x1), float32(y1)}
			d.Links = append(d.Links, l)
			idx = append(idx, int32(e))
			ink += steps(l[0], l[1], l[2], l[3], v.Width, v.Height)
		}
	})
	// long lines (far-reaching relations) cost more: thin them further
	if more := strideWithin(len(d.Links), ink, len(d.Links), densityInk); more > 1 {
		d.Stride *= more
		kept := d.Links[:0]
		for j, l := range d.Links {
			if int(idx[j])&(d.Stride-1) == 0 {
				kept = append(kept, l)
			}
		}
		d.Links = kept
	}
}

// visibleCount is the number of visible entities.
func (s *Scene) visibleCount() int {
	if s.nodeVisible == nil {
		return s.n
	}
	n := 0
	for _, on := range s.nodeVisible {
		if on {
			n++
		}
	}
	return n
}

// TileColor is the colour of a tile holding count entities, most of them
// of a type coloured c, when the fullest tile holds max: from a faint
// tint to the type's full colour, on a logarithmic scale, over bg.
func TileColor(c, bg color.NRGBA, count, max int) color.NRGBA {
	if count <= 0 {
		return bg
	}
	t := 1.0
	if max > 1 {
		t = math.Log1p(float64(count)) / math.Log1p(float64(max))
	}
	t = 0.28 + 0.72*t
	return mix(bg, c, t)
}

// renderDensity draws the density view of s through v into img.
func renderDensity(img *image.RGBA, s *Scene, v Viewport, o Options) {
	area := img.Rect.Intersect(image.Rect(0, 0, v.Width, v.Height))
	f := &frame{s: s, v: v, o: o, pal: paletteOf(o.Theme), sc: v.scale(), k: v.pxPerUnit(), w: v.Width, h: v.Height, far: true}
	d := densityFor(s, v, o.workers())
	// the sampled relations and the tiles in horizontal bands, one per
	// worker
	bands := max(1, min(o.workers(), area.Dy()/64))
	bh := (area.Dy() + bands - 1) / bands
	var wg sync.WaitGroup
	for y := area.Min.Y; y < area.Max.Y; y += bh {
		band := &canvas{img: img, clip: image.Rect(area.Min.X, y, area.Max.X, min(y+bh, area.Max.Y))}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if o.Transparent {
				band.fill(color.NRGBA{})
			} else {
				band.fill(f.pal.bg)
			}
			f.drawDensityLinks(band, d)
			f.drawDensityTiles(band, d)
		}()
	}
	wg.Wait()
	cv := &canvas{img: img, clip: area}
	f.drawDensityHighlight(cv)
	f.drawDensityLabels(cv, d)
	f.drawDensityNote(cv, d)
	f.drawOverlays(cv, &scratch{})
}

// drawDensityLinks draws the sampled relations as hairlines, fainter the
// more relations each stands for would crowd them.
func (f *frame) drawDensityLinks(cv *canvas, d *Density) {
	c := premul(withAlpha(f.pal.edge, 0.16))
	for _, l := range d.Links {
		cv.hairline(float64(l[0]), float64(l[1]), float64(l[2]), float64(l[3]), c)
	}
}

// drawDensityTiles fills each tile with entities in its colour.
func (f *frame) drawDensityTiles(cv *canvas, d *Density) {
	bg := f.pal.bg
	for ty := max(0, (cv.clip.Min.Y-d.OffY)/d.Tile); ty < min(d.Rows, (cv.clip.Max.Y-d.OffY+d.Tile-1)/d.Tile); ty++ {
		for tx := 0; tx < d.Cols; tx++ {
			t := ty*d.Cols + tx
			n := int(d.Count[t])
			if n == 0 {
				continue
			}
			tc := f.s.densityColour(d.Type[t])
			c := TileColor(tc, bg, n, d.Max)
			// a few entities are a dot, a full tile a square
			pc := premul(c)
			x0, y0 := d.OffX+tx*d.Tile, d.OffY+ty*d.Tile
			r := image.Rect(x0, y0, x0+d.Tile, y0+d.Tile).Intersect(cv.clip)
			if n == 1 && d.Tile >= 3 {
				r = r.Inset(d.Tile / 3)
			}
			if pc.a == 255 {
				// opaque (tiles mix the type's colour into the opaque
				// background): what the blend would give, stored
				px := [4]uint8{uint8(pc.r), uint8(pc.g), uint8(pc.b), 255}
				for y := r.Min.Y; y < r.Max.Y; y++ {
					row := y*cv.img.Stride + r.Min.X*4
					for x := r.Min.X; x < r.Max.X; x++ {
						copy(cv.img.Pix[row:row+4], px[:])
						row += 4
					}
				}
				continue
			}
			for y := r.Min.Y; y < r.Max.Y; y++ {
				row := y*cv.img.Stride + r.Min.X*4
				for x := r.Min.X; x < r.Max.X; x++ {
					cv.blend(row, pc, 255)
					row += 4
				}
			}
		}
	}
}

// drawDensityHighlight draws the selection, the hovered entity and a
// highlighted path as discs over the tiles, with the path's relations.
func (f *frame) drawDensityHighlight(cv *canvas) {
	h := f.s.hl
	var nodes []int32
	if h.Selected >= 0 && int(h.Selected) < f.s.n {
		nodes = append(nodes, h.Selected)
	}
	if h.Hovered >= 0 && int(h.Hovered) < f.s.n {
		nodes = append(nodes, h.Hovered)
	}
	const most = 20000
	for _, i := range h.PathNodes {
		if len(nodes) >= most {
			break
		}
		if i >= 0 && int(i) < f.s.n {
			nodes = append(nodes, i)
		}
	}
	if len(nodes) == 0 {
		return
	}
	for k, e := range h.PathEdges {
		if k >= most {
			break
		}
		if !f.s.EdgeVisible(e) {
			continue
		}
		x0, y0 := f.v.ToScreen(f.s.pos[f.s.src[e]])
		x1, y1 := f.v.ToScreen(f.s.pos[f.s.dst[e]])
		cv.line(x0, y0, x1, y1, 1.6*f.sc, premul(f.pal.accent))
	}
	for _, i := range nodes {
		if !f.s.NodeVisible(i) {
			continue
		}
		x, y := f.v.ToScreen(f.s.pos[i])
		r := 3.5 * f.sc
		cv.disc(x, y, r+1.2*f.sc, premul(f.pal.nodeBorder))
		cv.disc(x, y, r, premul(f.nodeColor(i)))
		fl := f.s.nodeFlag(i)
		switch {
		case fl&flagSelected != 0:
			cv.ring(x, y, r+3*f.sc, 2.5*f.sc, premul(f.pal.accent))
		case fl&flagHovered != 0:
			cv.ring(x, y, r+3*f.sc, 2*f.sc, premul(f.pal.hover))
		}
	}
}

// densityLabels is the most entities labelled in a density frame, and
// densityScan the most entities looked at to find them.
const (
	densityLabels = 40
	densityScan   = 60000
)

// drawDensityLabels labels the selected and hovered entities, then the
// best connected visible entities on screen, where their labels do not
// overlap one another or the overlays.
func (f *frame) drawDensityLabels(cv *canvas, d *Density) {
	if f.o.NoLabels {
		return
	}
	s := f.s
	occ := newOccupancy(f.w, f.h, int(64*f.sc))
	for _, r := range f.overlayRects() {
		occ.add(r)
	}
	_, _, _, note := f.densityNote(d)
	occ.add(note)
	bounds := image.Rect(0, 0, f.w, f.h)
	halo := 2.2 * f.sc
	placed, tries := 0, 4*densityLabels
	label := func(i int32, weight int, size float64) {
		x, y := f.v.ToScreen(s.pos[i])
		if x < 0 || y < 0 || x >= float64(f.w) || y >= float64(f.h) {
			return
		}
		gap := 6 * f.sc
		if weight != bold {
			// a label costs its rasterising: try only where a short one
			// would fit, and only so many times
			if tries <= 0 {
				return
			}
			hh := size * 0.7
			right := image.Rect(int(x+gap), int(y-hh), int(x+gap+3*size), int(y+hh))
			left := image.Rect(int(x-gap-3*size), int(y-hh), int(x-gap), int(y+hh))
			if !(right.In(bounds) && occ.free(right)) && !(left.In(bounds) && occ.free(left)) {
				return
			}
			tries--
		}
		text := s.labelOf(i, weight == bold)
		ti := s.text.get(text, weight, size, halo)
		th := ti.ascent + ti.descnt
		for _, c := range [][2]float64{{x + gap, y - th/2}, {x - gap - ti.advance, y - th/2}} {
			box := f.labelBox(ti, c[0], c[1])
			if !box.In(bounds) || !occ.free(box) {
				continue
			}
			occ.add(box)
			lx, ly := int(math.Round(c[0]))-ti.pad, int(math.Round(c[1]+ti.ascent))-ti.baseline
			if weight != bold {
				// a small dot says which spot the label names
				cv.disc(x, y, 2*f.sc, premul(f.pal.text))
			}
			cv.mask(ti.halo, ti.w, ti.h, lx, ly, premul(f.pal.halo))
			cv.mask(ti.glyphs, ti.w, ti.h, lx, ly, premul(f.pal.text))
			placed++
			return
		}
	}
	for _, i := range []int32{s.hl.Selected, s.hl.Hovered} {
		if i >= 0 && int(i) < s.n && s.NodeVisible(i) {
			label(i, bold, 13*f.sc)
		}
	}
	scanned := 0
	for _, i := range s.priority {
		if placed >= densityLabels || scanned >= densityScan {
			break
		}
		scanned++
		if !s.NodeVisible(i) || i == s.hl.Selected || i == s.hl.Hovered {
			continue
		}
		label(i, regular, f.nodeFontSize(i))
	}
}

// densityNote lays out the note that says the view is a density and
// how to see the entities: in the bottom-right corner, above the legend
// when that reaches the corner. box is its panel.
func (f *frame) densityNote(d *Density) (ti *textImage, x, y float64, box image.Rectangle) {
	text := fmt.Sprintf(lang.L("Density of %s entities on screen: zoom in to see them one by one"), groupDigits(d.Entities))
	if d.Stride > 1 {
		text = fmt.Sprintf(lang.L("Density of %s entities on screen, 1 relation in %d drawn: zoom in to see them one by one"), groupDigits(d.Entities), d.Stride)
	}
	return f.lodNote(text)
}

// lodNote lays out a level-of-detail note (see densityNote).
func (f *frame) lodNote(text string) (ti *textImage, x, y float64, box image.Rectangle) {
	ti = f.s.text.get(text, regular, 11*f.sc, 0)
	pad := 5 * f.sc
	place := func() {
		box = image.Rect(int(x-pad), int(y-ti.ascent-pad), int(math.Ceil(x+ti.advance+pad)), int(math.Ceil(y+ti.descnt+pad)))
	}
	x = float64(f.w) - ti.advance - 10*f.sc
	y = float64(f.h) - 10*f.sc - ti.descnt - pad
	place()
	for _, r := range f.overlayRects() {
		if r.Overlaps(box) {
			y = math.Min(y, float64(r.Min.Y)-8*f.sc-ti.descnt-pad)
		}
	}
	place()
	return
}

// drawDensityNote draws the note of densityNote in a small panel.
func (f *frame) drawDensityNote(cv *canvas, d *Density) {
	ti, x, y, box := f.densityNote(d)
	f.drawNoteBox(cv, ti, x, y, box)
}

// drawLODNote draws a level-of-detail note in a small panel.
func (f *frame) drawLODNote(cv *canvas, text string) {
	ti, x, y, box := f.lodNote(text)
	f.drawNoteBox(cv, ti, x, y, box)
}

func (f *frame) drawNoteBox(cv *canvas, ti *textImage, x, y float64, box image.Rectangle) {
	sc := &scratch{}
	cv.fillPolys(sc, [][]Point{roundRect(box, 4*f.sc)}, premul(f.pal.panelBorder))
	cv.fillPolys(sc, [][]Point{roundRect(box.Inset(max(1, int(f.sc))), 4*f.sc-1)}, premul(f.pal.panel))
	bx, by := int(math.Round(x)), int(math.Round(y))
	cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.edgeLabel))
}

// groupDigits writes n with thin spaces between thousands: 1 000 000.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	return s
}

// lodIndexed is the number of entities from which the window's entity
// frames look only at the grid cells on screen and the relations of the
// entities found there (indexedOnScreen), instead of at every entity and
// relation.
const lodIndexed = 200000

// cellRelsFrom is the number of relations from which the window's frames
// take the relations on screen from the grid cells' lists (cellrels.go),
// and cellsFrom the number of entities from which a zoomed density
// frame reads only the grid cells on screen (variables for the tests).
var (
	cellRelsFrom = 4 * lodEdges
	cellsFrom    = lodIndexed
)

// indexedOnScreen is allOnScreen for big scenes, touching only what is on
// screen: the entities of the grid cells the viewport covers (widened by
// the largest disc), and the relations with an end among them, or
// highlighted. A relation crossing the screen with both ends off it is
// not drawn, unless highlighted.
func (f *frame) indexedOnScreen(ns nodeStyle) {
	s, v := f.s, f.v
	g := s.grid
	cx, cy := float64(v.Width)/2, float64(v.Height)/2
	place := func(i int32) {
		p := s.pos[i]
		f.sx[i] = float32((p.X-v.CenterX)*f.k + cx)
		f.sy[i] = float32((p.Y-v.CenterY)*f.k + cy)
		f.sr[i] = float32(ns.screenRadius(s.radius[i], f.k, f.sc))
	}
	pad := ns.maxR * f.sc / f.k
	a := v.ToWorld(0, 0)
	b := v.ToWorld(float64(v.Width), float64(v.Height))
	c0, c1 := g.col(a.X-pad), g.col(b.X+pad)
	r0, r1 := g.row(a.Y-pad), g.row(b.Y+pad)
	var on []int32
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			k := r*g.cols + c
			for _, i := range g.items[g.start[k]:g.start[k+1]] {
				if s.nodeVisible != nil && !s.nodeVisible[i] {
					continue
				}
				place(i)
				x, y, rad := f.sx[i], f.sy[i], f.sr[i]
				if x+rad >= 0 && y+rad >= 0 && x-rad <= float32(v.Width) && y-rad <= float32(v.Height) {
					f.onScr[i] = true
					on = append(on, i)
				}
			}
		}
	}
	t := s.topo
	var edges []int32
	// many relations on screen: only those a stride keeps, from the
	// cells' lists (cellrels.go), instead of every arc of every entity
	pre := 1
	if s.m >= cellRelsFrom {
		cr := s.cellRelations()
		rect := cellRect{c0, c1, r0, r1}
		// each relation there has one or two entries: pre keeps at
		// least lodEdges of them, so that sampleEdges still chooses
		for n := cr.entries(g, rect) / 2; n/(2*pre) >= lodEdges; {
			pre *= 2
		}
		if pre > 1 {
			cr.each(s, g, rect, pre, func(e int32) {
				if a := s.src[e]; !f.onScr[a] {
					place(a)
				}
				if b := s.dst[e]; !f.onScr[b] {
					place(b)
				}
				edges = append(edges, e)
			})
			on = nil
		}
	}
	f.preStride = pre
	for _, i := range on {
		for _, arc := range t.OutArcs(i) {
			if !f.onScr[arc.Node] {
				place(arc.Node)
			}
			edges = append(edges, arc.Rel)
		}
		for _, arc := range t.InArcs(i) {
			if !f.onScr[arc.Node] {
				place(arc.Node)
				edges = append(edges, arc.Rel)
			}
		}
		edges = append(edges, t.Loops(i)...)
	}
	// highlighted relations show wherever their ends are
	hl := s.hl
	extra := append([]int32(nil), hl.PathEdges...)
	for _, i := range []int32{hl.Selected, hl.Hovered} {
		if i < 0 || int(i) >= s.n {
			continue
		}
		for _, arc := range t.OutArcs(i) {
			extra = append(extra, arc.Rel)
		}
		for _, arc := range t.InArcs(i) {
			extra = append(extra, arc.Rel)
		}
	}
	for _, e := range extra {
		if e < 0 || int(e) >= s.m {
			continue
		}
		a, b := s.src[e], s.dst[e]
		if pre == 1 && (f.onScr[a] || f.onScr[b]) {
			continue // found above
		}
		place(a)
		place(b)
		if f.crosses(a, b) {
			edges = append(edges, e)
		}
	}
	edges = sortedUnique(edges, s.m)
	for _, e := range edges {
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

// sortedUnique sorts relation indices (below m) and drops repeats: many
// of them through a bitmap of m bits (a pass over m/64 words instead of
// a comparison sort of 100 000 relations at 1M entities, 12 ms a frame).
func sortedUnique(edges []int32, m int) []int32 {
	if len(edges) < 4096 || len(edges) < m/512 {
		slices.Sort(edges)
		return slices.Compact(edges)
	}
	bits := make([]uint64, (m+63)/64)
	for _, e := range edges {
		bits[e>>6] |= 1 << (e & 63)
	}
	out := edges[:0]
	for w, b := range bits {
		for b != 0 {
			out = append(out, int32(w<<6|mathbits.TrailingZeros64(b)))
			b &= b - 1
		}
	}
	return out
}
