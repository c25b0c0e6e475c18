package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph"
)

// legendRow is one line of the legend.
type legendRow struct {
	style TypeStyle
	text  string
	rel   bool    // a relation type: a line swatch, not a disc
	more  bool    // the "+ N more types" line: no swatch
	scale float64 // the disc's size relative to the swatch (0: 1)
}

// legendSection is one block of the legend: a header over columns of rows.
type legendSection struct {
	header string
	rows   []legendRow
	// band is the line of sections it goes in: 0 the types, 1 the
	// sections a caller added (SetLegend), under them
	band int
}

// legendItem is a row of the legend as placed: its swatch centre and the
// text's baseline origin.
type legendItem struct {
	legendRow
	sx, sy, tx, ty float64
}

// legendLayout is where the legend panel, its headers and rows go.
type legendLayout struct {
	box      image.Rectangle
	headers  []legendItem // text and baseline origin only
	items    []legendItem
	swatchR  float64
	fontSize float64
	headSize float64
	// free is the part of the image the legend leaves for the graph
	// (device pixels): right of the panel or above it, whichever is
	// larger.
	free image.Rectangle
}

// maxLegendRows is the most types one section of the legend lists.
const maxLegendRows = 16

// legendSections lists the visible entity and relation types with their
// counts, most frequent first.
func (f *frame) legendSections() []legendSection {
	s := f.s
	var out []legendSection
	nodeCounts, relCounts := s.typeCounts()
	rels := s.topo.Types.Rels
	section := func(header string, counts []int, info func(t int) (TypeStyle, string), rel bool) {
		idx := make([]int, 0, len(counts))
		for t, c := range counts {
			if c > 0 {
				idx = append(idx, t)
			}
		}
		if len(idx) == 0 {
			return
		}
		sort.SliceStable(idx, func(a, b int) bool { return counts[idx[a]] > counts[idx[b]] })
		sec := legendSection{header: header}
		for k, t := range idx {
			if k == maxLegendRows-1 && len(idx) > maxLegendRows {
				sec.rows = append(sec.rows, legendRow{text: fmt.Sprintf(lang.L("+ %d more types"), len(idx)-k), more: true})
				break
			}
			st, name := info(t)
			sec.rows = append(sec.rows, legendRow{style: st, text: fmt.Sprintf("%s  %d", name, counts[t]), rel: rel})
		}
		out = append(out, sec)
	}
	loc := i18n.Current().Lang
	section(lang.L("Entities"), nodeCounts, func(t int) (TypeStyle, string) {
		st := s.types[t].Style
		if s.fillSet {
			// the entities are coloured by a measure (its own section
			// below): the type keeps its icon, on a neutral disc
			st.Color = color.NRGBA{150, 154, 162, 255}
		}
		return st, s.typeLabel(s.types[t].Name, loc)
	}, false)
	section(lang.L("Relations"), relCounts, func(t int) (TypeStyle, string) {
		st := rels[t].Style
		if st.Color.A == 0 {
			st.Color = f.pal.edge
		}
		name := s.typeLabel(rels[t].Name, loc)
		if name == "" {
			name = lang.L("(untyped)")
		}
		return st, name
	}, true)
	for _, x := range s.extraLegend {
		sec := legendSection{header: x.Header, band: 1}
		for _, r := range x.Rows {
			sec.rows = append(sec.rows, legendRow{style: TypeStyle{Color: r.Color}, text: r.Text, scale: r.Scale})
		}
		if len(sec.rows) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// legend lays the legend out in the bottom-left corner, its sections side
// by side, each in as many columns as leaves the graph the largest free
// rectangle (right of the panel or above it). nil when o.Legend is off or
// there is nothing to list.
func (f *frame) legend() *legendLayout {
	if !f.o.Legend || len(f.s.types) == 0 {
		return nil
	}
	if f.legendCache != nil {
		return f.legendCache
	}
	secs := f.legendSections()
	if len(secs) == 0 {
		return nil
	}
	sc := f.sc
	te := f.s.text
	fontSize, headSize := 12*sc, 12.5*sc
	swatchR := 7.5 * sc
	pad, rowH, colGap, secGap := 10*sc, 19*sc, 14*sc, 22*sc
	if float64(f.h)/sc < 900 {
		// a window-sized picture: a tighter legend leaves the graph more
		fontSize, headSize, swatchR = 11*sc, 11.5*sc, 6*sc
		pad, rowH, colGap, secGap = 8*sc, 15.5*sc, 10*sc, 16*sc
	}
	swatchW := 2*swatchR + 7*sc
	margin := 14 * sc
	// widths of every row's text, and of the headers
	textW := make([][]float64, len(secs))
	headW := make([]float64, len(secs))
	longest := 0
	for k, sec := range secs {
		headW[k], _, _ = te.measure(sec.header, bold, headSize)
		for _, r := range sec.rows {
			w, _, _ := te.measure(r.text, regular, fontSize)
			textW[k] = append(textW[k], w)
		}
		longest = max(longest, len(sec.rows))
	}
	_, hasc, hdesc := te.measure("Ag", bold, headSize)
	_, asc, _ := te.measure("Ag", regular, fontSize)
	bands := 1
	for _, sec := range secs {
		bands = max(bands, sec.band+1)
	}
	// width of section s laid out with at most k rows per column
	secWidth := func(s, k int) float64 {
		sec := secs[s]
		cols := (len(sec.rows) + k - 1) / k
		sw := 0.0
		for c := 0; c < cols; c++ {
			cw := 0.0
			for r := c * k; r < min(len(sec.rows), (c+1)*k); r++ {
				cw = math.Max(cw, textW[s][r]+swatchW)
			}
			sw += cw
			if c > 0 {
				sw += colGap
			}
		}
		return math.Max(sw, headW[s])
	}
	// rows of band b with at most k rows per column
	bandRows := func(b, k int) int {
		n := 0
		for _, sec := range secs {
			if sec.band == b {
				n = max(n, min(k, len(sec.rows)))
			}
		}
		return n
	}
	bandH := func(b, k int) float64 {
		return hasc + hdesc + 5*sc + rowH*float64(bandRows(b, k))
	}
	// size of the panel with at most k rows per column: the bands one
	// under the other
	size := func(k int) (w, h float64) {
		for b := 0; b < bands; b++ {
			bw, first := 0.0, true
			for s, sec := range secs {
				if sec.band != b {
					continue
				}
				if !first {
					bw += secGap
				}
				bw += secWidth(s, k)
				first = false
			}
			w = math.Max(w, bw)
			if b > 0 {
				h += pad * 0.5
			}
			h += bandH(b, k)
		}
		return w + 2*pad, h + pad + pad*0.5
	}
	W, H := float64(f.w), float64(f.h)
	top := float64(f.topReserved())
	bestK, bestScore := -1, -1.0
	var bestFree image.Rectangle
	for k := longest; k >= 1; k-- {
		bw, bh := size(k)
		if bw > W-2*margin || bh > H-top-2*margin {
			continue
		}
		// free rectangles: right of the panel, or above it
		right := image.Rect(int(math.Ceil(margin+bw)), int(top), int(W), int(H))
		above := image.Rect(0, int(top), int(W), int(H-margin-bh))
		for _, r := range []image.Rectangle{right, above} {
			if score := freeScore(r); score > bestScore {
				bestK, bestScore, bestFree = k, score, r
			}
		}
	}
	if bestK < 0 {
		// nothing fits: the smallest panel, over the graph
		bestK = longest
		bestFree = image.Rect(0, int(top), f.w, f.h)
	}
	bw, bh := size(bestK)
	L := &legendLayout{fontSize: fontSize, headSize: headSize, swatchR: swatchR, free: bestFree}
	x0, y1 := margin, H-margin
	L.box = image.Rect(int(x0), int(y1-bh), int(math.Ceil(x0+bw)), int(y1))
	top0 := float64(L.box.Min.Y) + pad
	for b := 0; b < bands; b++ {
		x := x0 + pad
		headY := top0 + hasc
		for s, sec := range secs {
			if sec.band != b {
				continue
			}
			L.headers = append(L.headers, legendItem{legendRow: legendRow{text: sec.header}, tx: x, ty: headY})
			cols := (len(sec.rows) + bestK - 1) / bestK
			sx := x
			for c := 0; c < cols; c++ {
				cw := 0.0
				y := headY + hdesc + 5*sc
				for r := c * bestK; r < min(len(sec.rows), (c+1)*bestK); r++ {
					cy := y + rowH/2
					L.items = append(L.items, legendItem{legendRow: sec.rows[r], sx: sx + swatchR, sy: cy,
						tx: sx + swatchW, ty: cy + asc*0.36})
					cw = math.Max(cw, textW[s][r]+swatchW)
					y += rowH
				}
				sx += cw + colGap
			}
			x += math.Max(sx-colGap-x, headW[s]) + secGap
		}
		top0 += bandH(b, bestK) + pad*0.5
	}
	f.legendCache = L
	return L
}

// freeScore rates a free rectangle for the graph: its area, counting
// a rectangle taller than wide as if it were square (labels run
// horizontally: a narrow strip wastes its height).
func freeScore(r image.Rectangle) float64 {
	w, h := float64(r.Dx()), float64(r.Dy())
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * math.Min(h, w)
}

// titleLayout returns the title's baseline origin and size.
func (f *frame) titleLayout() (x, y, size float64, box image.Rectangle, ok bool) {
	if f.o.Title == "" {
		return 0, 0, 0, image.Rectangle{}, false
	}
	size = 21 * f.sc
	w, asc, desc := f.s.text.measure(f.o.Title, bold, size)
	x, y = 16*f.sc, 14*f.sc+asc
	box = image.Rect(int(x)-2, int(y-asc)-2, int(math.Ceil(x+w))+2, int(math.Ceil(y+desc))+2)
	return x, y, size, box, true
}

// sourceLayout returns the source line's baseline origin and size: under
// the title, or at the top left without one.
func (f *frame) sourceLayout() (x, y, size float64, box image.Rectangle, ok bool) {
	if f.o.Source == "" {
		return 0, 0, 0, image.Rectangle{}, false
	}
	size = 11.5 * f.sc
	w, asc, desc := f.s.text.measure(f.o.Source, regular, size)
	x, y = 16*f.sc, 12*f.sc+asc
	if _, _, _, tb, ok := f.titleLayout(); ok {
		y = float64(tb.Max.Y) + 3*f.sc + asc
	}
	box = image.Rect(int(x)-2, int(y-asc)-2, int(math.Ceil(x+w))+2, int(math.Ceil(y+desc))+2)
	return x, y, size, box, true
}

// timeLabelLayout returns the time label's baseline origin, size and box
// (the top-right corner; the chart's note goes under it).
func (f *frame) timeLabelLayout() (x, y, size float64, box image.Rectangle, ok bool) {
	if f.o.TimeLabel == "" {
		return 0, 0, 0, image.Rectangle{}, false
	}
	size = 12 * f.sc
	w, asc, desc := f.s.text.measure(f.o.TimeLabel, bold, size)
	pad := 6 * f.sc
	x = float64(f.w) - 12*f.sc - pad - w
	y = 12*f.sc + pad + asc
	box = image.Rect(int(x-pad), int(y-asc-pad), int(math.Ceil(x+w+pad)), int(math.Ceil(y+desc+pad)))
	return x, y, size, box, true
}

// topReserved is the height in device pixels the title and source line
// take at the top of the image (0 without them).
func (f *frame) topReserved() int {
	top := 0
	if _, _, _, box, ok := f.titleLayout(); ok {
		top = box.Max.Y + int(4*f.sc)
	}
	if _, _, _, box, ok := f.sourceLayout(); ok {
		top = box.Max.Y + int(4*f.sc)
	}
	return top
}

// freeArea is the part of the image, in device pixels, that the title,
// the source line and the legend leave for the graph.
func (f *frame) freeArea() image.Rectangle {
	if L := f.legend(); L != nil {
		return L.free
	}
	return image.Rect(0, f.topReserved(), f.w, f.h)
}

// overlayRects are the areas labels must leave free.
func (f *frame) overlayRects() []image.Rectangle {
	var rs []image.Rectangle
	if _, _, _, box, ok := f.titleLayout(); ok {
		rs = append(rs, box)
	}
	if _, _, _, box, ok := f.sourceLayout(); ok {
		rs = append(rs, box)
	}
	if L := f.legend(); L != nil {
		rs = append(rs, L.box)
	}
	if n := f.chartNote(); n != nil {
		rs = append(rs, n.box)
	}
	if _, _, _, box, ok := f.timeLabelLayout(); ok {
		rs = append(rs, box)
	}
	return rs
}

// drawOverlays draws the notes, the title, the source line and the legend
// over the whole image.
func (f *frame) drawOverlays(cv *canvas, sc *scratch) {
	f.drawNotes(cv, sc)
	te := f.s.text
	if x, y, size, _, ok := f.titleLayout(); ok {
		ti := te.get(f.o.Title, bold, size, 3*f.sc)
		bx, by := int(math.Round(x)), int(math.Round(y))
		cv.mask(ti.halo, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.halo))
		cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.text))
	}
	if x, y, size, _, ok := f.sourceLayout(); ok {
		ti := te.get(f.o.Source, regular, size, 2*f.sc)
		bx, by := int(math.Round(x)), int(math.Round(y))
		cv.mask(ti.halo, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.halo))
		cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.edgeLabel))
	}
	if x, y, size, box, ok := f.timeLabelLayout(); ok {
		cv.fillPolys(sc, [][]Point{roundRect(box, 4*f.sc)}, premul(f.pal.panelBorder))
		cv.fillPolys(sc, [][]Point{roundRect(box.Inset(max(1, int(f.sc))), 4*f.sc-1)}, premul(f.pal.panel))
		f.drawText(cv, f.o.TimeLabel, bold, size, x, y, f.pal.text)
	}
	L := f.legend()
	if L == nil {
		return
	}
	b := L.box
	cv.fillPolys(sc, [][]Point{roundRect(b, 6*f.sc)}, premul(f.pal.panelBorder))
	cv.fillPolys(sc, [][]Point{roundRect(b.Inset(max(1, int(f.sc))), 6*f.sc-1)}, premul(f.pal.panel))
	for _, h := range L.headers {
		f.drawText(cv, h.text, bold, L.headSize, h.tx, h.ty, f.pal.text)
	}
	for _, it := range L.items {
		switch {
		case it.more:
		case it.rel:
			hw := L.swatchR
			cv.line(it.sx-hw, it.sy, it.sx+hw, it.sy, 3*f.sc, premul(it.style.Color))
		case it.scale > 0:
			cv.disc(it.sx, it.sy, L.swatchR*it.scale, premul(it.style.Color))
		default:
			cv.disc(it.sx, it.sy, L.swatchR, premul(it.style.Color))
			f.drawIcon(cv, it.style.Icon, it.sx, it.sy, L.swatchR)
		}
		f.drawText(cv, it.text, regular, L.fontSize, it.tx, it.ty, f.pal.text)
	}
}

// drawText draws s without a halo with its baseline origin at (x, y).
func (f *frame) drawText(cv *canvas, s string, weight int, size, x, y float64, col color.NRGBA) {
	ti := f.s.text.get(s, weight, size, 0)
	bx, by := int(math.Round(x)), int(math.Round(y))
	cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(col))
}

// roundRect returns a rounded rectangle polygon.
func roundRect(r image.Rectangle, rad float64) []Point {
	x0, y0, x1, y1 := float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)
	rad = math.Min(rad, math.Min(x1-x0, y1-y0)/2)
	var pts []Point
	corner := func(cx, cy, a0 float64) {
		for k := 0; k <= 6; k++ {
			a := a0 + float64(k)/6*math.Pi/2
			pts = append(pts, Point{cx + rad*math.Cos(a), cy + rad*math.Sin(a)})
		}
	}
	corner(x1-rad, y1-rad, 0)
	corner(x0+rad, y1-rad, math.Pi/2)
	corner(x0+rad, y0+rad, math.Pi)
	corner(x1-rad, y0+rad, 3*math.Pi/2)
	return pts
}

// drawIcon draws the named icon centred on a disc of radius r.
func (f *frame) drawIcon(cv *canvas, name string, cx, cy, r float64) {
	size := int(math.Round(r * 1.22))
	if size < 6 {
		return
	}
	m := f.s.text.icons.get(name, size)
	x := int(math.Round(cx - float64(size)/2))
	y := int(math.Round(cy - float64(size)/2))
	cv.mask(m, size, size, x, y, premul(f.pal.icon))
}

// SourceLine is the source line of a picture of g: how many documents
// its facts come from, the years they span and the publishers most cited
// among them ("Sources: 5 documents (2021–2023), including L'Usine
// Digitale and CNBC"); "" when g lists no sources.
func SourceLine(g *graph.Graph) string {
	if len(g.Sources) == 0 {
		return ""
	}
	count := map[string]int{}
	var order []string
	first, last := 0, 0
	for _, src := range g.Sources {
		if y := int(src.Published.Year); y != 0 {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
		p := strings.TrimSpace(src.Publisher)
		if p == "" || strings.HasPrefix(strings.ToLower(p), "unknown") {
			continue
		}
		if count[p] == 0 {
			order = append(order, p)
		}
		count[p]++
	}
	s := "Sources: 1 document"
	if n := len(g.Sources); n > 1 {
		s = fmt.Sprintf("Sources: %d documents", n)
	}
	switch {
	case first != 0 && first != last:
		s += fmt.Sprintf(" (%d–%d)", first, last)
	case first != 0:
		s += fmt.Sprintf(" (%d)", first)
	}
	if len(order) == 0 {
		return s
	}
	sort.SliceStable(order, func(a, b int) bool { return count[order[a]] > count[order[b]] })
	const most = 4
	if len(order) > most {
		order = append(order[:most], fmt.Sprintf("%d more", len(order)-most))
	}
	list := order[0]
	if len(order) > 1 {
		list = strings.Join(order[:len(order)-1], ", ") + " and " + order[len(order)-1]
	}
	return s + ", including " + list
}
