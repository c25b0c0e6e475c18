package render

import (
	"fmt"
	"image"
	"math"
	"sort"
)

// legendRow is one line of the legend.
type legendRow struct {
	style TypeStyle
	text  string
	more  bool // the "+ N more types" line: no swatch
}

// legendLayout is where the legend panel and its rows go.
type legendLayout struct {
	box        image.Rectangle
	header     string
	headerX    float64
	headerY    float64 // baseline
	rows       []legendRow
	rowX       float64 // swatch centre x
	rowY       []float64
	textX      float64
	swatchR    float64
	fontSize   float64
	headSize   float64
	textAscent float64
}

// maxLegendRows is the most entity types the legend lists.
const maxLegendRows = 14

func (f *frame) legend() *legendLayout {
	if !f.o.Legend || len(f.s.types) == 0 {
		return nil
	}
	counts := make([]int, len(f.s.types))
	for i := 0; i < f.s.n; i++ {
		if f.s.nodeVisible == nil || f.s.nodeVisible[i] {
			counts[f.s.nodeType[i]]++
		}
	}
	idx := make([]int, 0, len(counts))
	for t, c := range counts {
		if c > 0 {
			idx = append(idx, t)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return counts[idx[a]] > counts[idx[b]] })
	sc := f.sc
	L := &legendLayout{header: "Entities", fontSize: 12.5 * sc, headSize: 12.5 * sc, swatchR: 8.5 * sc}
	for k, t := range idx {
		if k == maxLegendRows-1 && len(idx) > maxLegendRows {
			L.rows = append(L.rows, legendRow{text: fmt.Sprintf("+ %d more types", len(idx)-k), more: true})
			break
		}
		L.rows = append(L.rows, legendRow{style: f.s.types[t].Style, text: fmt.Sprintf("%s  %d", f.s.types[t].Name, counts[t])})
	}
	te := f.s.text
	pad, rowH := 10*sc, 22*sc
	hw, hasc, hdesc := te.measure(L.header, bold, L.headSize)
	maxW := hw
	for _, r := range L.rows {
		w, _, _ := te.measure(r.text, regular, L.fontSize)
		maxW = math.Max(maxW, w+2*L.swatchR+8*sc)
	}
	_, asc, desc := te.measure("Ag", regular, L.fontSize)
	L.textAscent = asc
	bw := maxW + 2*pad
	bh := pad + hasc + hdesc + 4*sc + rowH*float64(len(L.rows)) + pad*0.6
	margin := 14 * sc
	x0, y1 := margin, float64(f.h)-margin
	L.box = image.Rect(int(x0), int(y1-bh), int(math.Ceil(x0+bw)), int(y1))
	L.headerX = x0 + pad
	L.headerY = float64(L.box.Min.Y) + pad + hasc
	L.rowX = x0 + pad + L.swatchR
	L.textX = x0 + pad + 2*L.swatchR + 8*sc
	y := L.headerY + hdesc + 4*sc
	for range L.rows {
		L.rowY = append(L.rowY, y+rowH/2) // row centre
		y += rowH
	}
	_ = desc
	return L
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

// overlayRects are the areas labels must leave free.
func (f *frame) overlayRects() []image.Rectangle {
	var rs []image.Rectangle
	if _, _, _, box, ok := f.titleLayout(); ok {
		rs = append(rs, box)
	}
	if L := f.legend(); L != nil {
		rs = append(rs, L.box)
	}
	return rs
}

// drawOverlays draws the title and legend over the whole image.
func (f *frame) drawOverlays(cv *canvas, sc *scratch) {
	te := f.s.text
	if x, y, size, _, ok := f.titleLayout(); ok {
		ti := te.get(f.o.Title, bold, size, 3*f.sc)
		bx, by := int(math.Round(x)), int(math.Round(y))
		cv.mask(ti.halo, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.halo))
		cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.text))
	}
	L := f.legend()
	if L == nil {
		return
	}
	b := L.box
	cv.fillPolys(sc, [][]Point{roundRect(b, 6*f.sc)}, premul(f.pal.panelBorder))
	cv.fillPolys(sc, [][]Point{roundRect(b.Inset(max(1, int(f.sc))), 6*f.sc-1)}, premul(f.pal.panel))
	text := func(s string, weight int, size, x, y float64) {
		ti := te.get(s, weight, size, 0)
		bx, by := int(math.Round(x)), int(math.Round(y))
		cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(f.pal.text))
	}
	text(L.header, bold, L.headSize, L.headerX, L.headerY)
	for k, r := range L.rows {
		cy := L.rowY[k]
		if !r.more {
			cv.disc(L.rowX, cy, L.swatchR, premul(r.style.Color))
			f.drawIcon(cv, r.style.Icon, L.rowX, cy, L.swatchR)
		}
		text(r.text, regular, L.fontSize, L.textX, cy+L.textAscent*0.36)
	}
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
