package gui

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// The Filters tab's histogram: relations over time, one bar a month,
// stacked by relation type in the type table's colours; relations placed
// by the date they were first reported (view.TimeReported) are drawn
// lighter and hatched above the dated ones. Two handles over it are the
// range brush (from and to, in days since 1970 like the slider): dragging
// one previews the range, letting go records it.

// histSeg is one relation type's part of a month's bar.
type histSeg struct {
	col      color.NRGBA
	n        int
	reported bool
}

// relTimes returns every relation's time on the timeline, computed once
// per graph version.
func (ex *explorer) relTimes() []view.RelTime {
	if ex.times == nil || ex.timesVer != ex.g.DataVersion() || len(ex.times) != ex.g.EdgeCount() {
		ex.times, ex.timesVer = view.RelationTimes(ex.g), ex.g.DataVersion()
	}
	return ex.times
}

// timeRange returns the first and last day (YYYYMMDD) of the relations
// with a time (dated or reported); ok is false when none has one.
func (ex *explorer) timeRange() (first, last int32, ok bool) {
	for _, rt := range ex.relTimes() {
		if rt.Kind == view.TimeUndated {
			continue
		}
		if !ok || rt.First < first {
			first = rt.First
		}
		if !ok || rt.Last > last {
			last = rt.Last
		}
		ok = true
	}
	return
}

// histogram bins the relations of g by the month of their time's first
// day, from month m0 (year*12+month-1) for n months: per month, the dated
// segments by type, then the reported ones.
func histogram(g *graph.Graph, times []view.RelTime, m0, n int) [][]histSeg {
	out := make([][]histSeg, n)
	t := g.Topology()
	for e, rt := range times {
		if rt.Kind == view.TimeUndated {
			continue
		}
		k := monthIndex(rt.First) - m0
		if k < 0 || k >= n {
			continue
		}
		typ := g.Edge(int32(e)).Type
		col := t.Types.RelStyle(typ).Color
		rep := rt.Kind == view.TimeReported
		found := false
		for i := range out[k] {
			if out[k][i].col == col && out[k][i].reported == rep {
				out[k][i].n++
				found = true
				break
			}
		}
		if !found {
			out[k] = append(out[k], histSeg{col: col, n: 1, reported: rep})
		}
	}
	// dated first (bottom), reported above
	for _, b := range out {
		for i := 1; i < len(b); i++ {
			for j := i; j > 0 && !b[j].reported && b[j-1].reported; j-- {
				b[j], b[j-1] = b[j-1], b[j]
			}
		}
	}
	return out
}

// monthIndex is year*12+month-1 of a YYYYMMDD key.
func monthIndex(key int32) int { return int(key/10000)*12 + int(key/100%100) - 1 }

// timeHist is the histogram and range brush widget.
type timeHist struct {
	widget.BaseWidget
	ex *explorer
	// lo and hi are the brush's ends in days since 1970: lo means no
	// lower limit, hi no upper one.
	lo, hi float64
	// from and to are the handles.
	from, to float64
	// m0 and bins are the months drawn, for graph version ver.
	m0   int
	bins [][]histSeg
	ver  uint64
	// drag is the handle being dragged: 0 none, 1 from, 2 to.
	drag int
	// onPreview is called while a handle moves, onCommit when it is let
	// go (or the bar tapped).
	onPreview, onCommit func(from, to float64)
	raster              *canvas.Raster
}

func newTimeHist(ex *explorer, lo, hi float64) *timeHist {
	h := &timeHist{ex: ex, lo: lo, hi: hi, from: lo, to: hi}
	h.raster = canvas.NewRaster(h.draw)
	h.rebin()
	h.ExtendBaseWidget(h)
	return h
}

// rebin recomputes the bars (after the graph changed).
func (h *timeHist) rebin() {
	a, b := dayKeyOf(h.lo+1), dayKeyOf(h.hi)
	h.m0 = monthIndex(a)
	h.bins = histogram(h.ex.g, h.ex.relTimes(), h.m0, monthIndex(b)-h.m0+1)
	h.ver = h.ex.g.DataVersion()
}

// setRange moves the handles (from the chart; not while dragging).
func (h *timeHist) setRange(from, to float64) {
	if h.drag != 0 {
		return
	}
	h.from, h.to = from, to
	if h.ver != h.ex.g.DataVersion() {
		h.rebin() // an edit changed the relations
	}
	h.raster.Refresh()
}

func (h *timeHist) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.raster)
}

func (h *timeHist) MinSize() fyne.Size { return fyne.NewSize(120, 80) }

// dayAt converts a logical x in the widget to a day.
func (h *timeHist) dayAt(x float32) float64 {
	w := float64(h.Size().Width)
	if w <= 0 {
		return h.lo
	}
	d := h.lo + float64(x)/w*(h.hi-h.lo)
	return math.Round(math.Max(h.lo, math.Min(h.hi, d)))
}

// nearest is the handle closest to day d (1 from, 2 to).
func (h *timeHist) nearest(d float64) int {
	if math.Abs(d-h.from) < math.Abs(d-h.to) || (d < h.from && h.from == h.to) {
		return 1
	}
	return 2
}

func (h *timeHist) move(which int, d float64) {
	if which == 1 {
		h.from = math.Min(d, h.to)
	} else {
		h.to = math.Max(d, h.from)
	}
	h.raster.Refresh()
}

// Dragged moves the handle nearest to where the drag began.
func (h *timeHist) Dragged(ev *fyne.DragEvent) {
	d := h.dayAt(ev.Position.X)
	if h.drag == 0 {
		h.drag = h.nearest(h.dayAt(ev.Position.X - ev.Dragged.DX))
	}
	h.move(h.drag, d)
	if h.onPreview != nil {
		h.onPreview(h.from, h.to)
	}
}

// DragEnd records the range.
func (h *timeHist) DragEnd() {
	if h.drag == 0 {
		return
	}
	h.drag = 0
	if h.onCommit != nil {
		h.onCommit(h.from, h.to)
	}
}

// Tapped moves the nearest handle there and records the range.
func (h *timeHist) Tapped(ev *fyne.PointEvent) {
	d := h.dayAt(ev.Position.X)
	h.move(h.nearest(d), d)
	if h.onCommit != nil {
		h.onCommit(h.from, h.to)
	}
}

// draw paints the bars, the shade outside the range and the handles.
func (h *timeHist) draw(w, ht int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, ht))
	if w <= 0 || ht <= 0 || h.hi <= h.lo {
		return img
	}
	dark := isDarkTheme()
	bg := color.NRGBA{245, 246, 248, 255}
	axis := color.NRGBA{150, 154, 162, 255}
	if dark {
		bg, axis = color.NRGBA{34, 37, 44, 255}, color.NRGBA{110, 114, 124, 255}
	}
	fillRect(img, 0, 0, w, ht, bg)
	top, bottom := 6, ht-4
	maxN := 1
	for _, b := range h.bins {
		n := 0
		for _, s := range b {
			n += s.n
		}
		maxN = max(maxN, n)
	}
	xOf := func(day float64) int { return int(math.Round((day - h.lo) / (h.hi - h.lo) * float64(w))) }
	unit := float64(bottom-top) / float64(maxN)
	for k, b := range h.bins {
		m := h.m0 + k
		d0 := float64(dayNumber(int32(m/12*10000 + (m%12+1)*100 + 1)))
		m1 := m + 1
		d1 := float64(dayNumber(int32(m1/12*10000 + (m1%12+1)*100 + 1)))
		x0, x1 := xOf(d0-0.5), xOf(d1-0.5)-1
		if x1 <= x0 {
			x1 = x0 + 1
		}
		y := float64(bottom)
		for _, s := range b {
			y1 := y - float64(s.n)*unit
			col := s.col
			if s.reported {
				light := mixColor(col, bg, 0.55)
				for yy := int(math.Round(y1)); yy < int(math.Round(y)); yy++ {
					for xx := x0; xx < x1; xx++ {
						c := light
						if (xx+yy)%4 == 0 {
							c = col
						}
						img.SetNRGBA(xx, yy, c)
					}
				}
			} else {
				fillRect(img, x0, int(math.Round(y1)), x1, int(math.Round(y)), col)
			}
			y = y1
		}
	}
	// year ticks
	for yr := h.m0/12 + 1; yr*12 <= h.m0+len(h.bins); yr++ {
		x := xOf(float64(dayNumber(int32(yr*10000+101))) - 0.5)
		fillRect(img, x, bottom-4, x+1, ht, axis)
	}
	fillRect(img, 0, bottom, w, bottom+1, axis)
	// the brush: shade outside [from, to], handles at both ends
	shade := color.NRGBA{0, 0, 0, 60}
	if dark {
		shade = color.NRGBA{0, 0, 0, 120}
	}
	xf, xt := xOf(h.from), xOf(h.to)
	blendRect(img, 0, 0, xf, ht, shade)
	blendRect(img, xt, 0, w, ht, shade)
	hc := color.NRGBA{232, 121, 0, 255}
	for _, x := range []int{xf, xt} {
		x = max(1, min(w-2, x))
		fillRect(img, x-1, 0, x+1, ht, hc)
		fillRect(img, x-4, 0, x+4, 8, hc)
	}
	return img
}

func fillRect(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

func blendRect(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	a := float64(c.A) / 255
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, mixColor(c, img.NRGBAAt(x, y), 1-a))
		}
	}
}

// mixColor is a*(1-t) + b*t, opaque.
func mixColor(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// dayKeyOf is the YYYYMMDD key of day d (days since 1970).
func dayKeyOf(d float64) int32 {
	t := dateOfDay(d)
	return int32(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// isDarkTheme reports whether the window's theme is dark (its background
// is).
func isDarkTheme() bool {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	return r+g+b < 3*0x8000
}
