package render

import (
	"bufio"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// An i2-style timeline: one horizontal theme line per chosen entity,
// top to bottom, and the dated relations among them as events: a mark on
// each end's line at the relation's time, joined by a vertical connector
// (arrowhead at the object), labelled with its type and amount. A
// relation placed by the date it was first reported has hollow marks and
// a dashed connector. The same display list is rasterised (PNG, the
// window) and written as SVG.

// ThemeLine is one entity's line.
type ThemeLine struct {
	// Entity is the entity's index in the graph (for linking).
	Entity   int32
	Label    string
	Color    color.NRGBA
	Selected bool
	// First and Last are the entity's own time (YYYYMMDD keys, from its
	// date, start or end; 0 when it has none): the line is drawn solid
	// over it and faint outside.
	First, Last int32
}

// TimelineEvent is one relation on the chart.
type TimelineEvent struct {
	// Edge is the relation's index in the graph (for linking).
	Edge int32
	// From and To are the lines of the subject and the object.
	From, To int
	// First and Last are the relation's time (YYYYMMDD keys): a partial
	// date is the interval it denotes, drawn at its middle.
	First, Last int32
	// Label is what is written beside the connector ("fined · €20M").
	Label string
	Color color.NRGBA
	// Reported is set when the time is the date the relation was first
	// reported, not the event's own.
	Reported bool
	Selected bool
}

// TimelineScene is what a timeline draws.
type TimelineScene struct {
	Title  string
	Lines  []ThemeLine
	Events []TimelineEvent
}

// TimelineOptions size and frame the picture.
type TimelineOptions struct {
	Theme Theme
	// Width and Height are in logical pixels; Scale device pixels per
	// logical pixel (PNG; SVG ignores it).
	Width, Height int
	Scale         float64
	// Start and End are the time shown, in days since 1970-01-01 (both 0:
	// the events' span with a margin). The window zooms and pans by
	// changing them.
	Start, End float64
}

// TimelineDays converts a YYYYMMDD key to days since 1970-01-01.
func TimelineDays(key int32) float64 {
	t := time.Date(int(key/10000), time.Month(key/100%100), int(key%100), 0, 0, 0, 0, time.UTC)
	return float64(t.Unix() / 86400)
}

// EventDay is where an event is drawn: the middle of its interval.
func (e TimelineEvent) EventDay() float64 {
	return (TimelineDays(e.First) + TimelineDays(e.Last)) / 2
}

// TimeSpan is the days the events cover, with a margin of a twentieth on
// each side (at least 30 days); ok is false without events.
func (s *TimelineScene) TimeSpan() (start, end float64, ok bool) {
	for i, e := range s.Events {
		a, b := TimelineDays(e.First), TimelineDays(e.Last)
		if i == 0 || a < start {
			start = a
		}
		if i == 0 || b > end {
			end = b
		}
		ok = true
	}
	if !ok {
		return 0, 0, false
	}
	pad := math.Max(30, (end-start)/20)
	return start - pad, end + pad, true
}

// TimelineGeom is where things are on the picture, in logical pixels:
// what the window hit-tests against.
type TimelineGeom struct {
	// Left and Right bound the time axis; Start and End are its days.
	Left, Right, Start, End float64
	// LineY is each line's height; LabelRight where its label ends.
	LineY      []float64
	LabelRight float64
	// EventX is each event's x; EventLabel its label's box (empty when
	// the label found no room).
	EventX     []float64
	EventLabel []image.Rectangle
	AxisY      float64
}

// X converts a day to x.
func (g *TimelineGeom) X(day float64) float64 {
	if g.End <= g.Start {
		return g.Left
	}
	return g.Left + (day-g.Start)/(g.End-g.Start)*(g.Right-g.Left)
}

// Day converts x to a day.
func (g *TimelineGeom) Day(x float64) float64 {
	if g.Right <= g.Left {
		return g.Start
	}
	return g.Start + (x-g.Left)/(g.Right-g.Left)*(g.End-g.Start)
}

// HitEvent returns the event whose mark, connector or label is at (x, y),
// or -1.
func (g *TimelineGeom) HitEvent(s *TimelineScene, x, y float64) int {
	best, bestD := -1, 7.0
	for i, e := range s.Events {
		ex := g.EventX[i]
		y0, y1 := g.LineY[e.From], g.LineY[e.To]
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		if d := math.Abs(x - ex); d < bestD && y >= y0-7 && y <= y1+7 {
			best, bestD = i, d
		}
		if r := g.EventLabel[i]; !r.Empty() && image.Pt(int(x), int(y)).In(r) && best < 0 {
			best = i
		}
	}
	return best
}

// HitLine returns the line at (x, y) (its label or the line itself), or
// -1.
func (g *TimelineGeom) HitLine(x, y float64) int {
	for i, ly := range g.LineY {
		if math.Abs(y-ly) <= 9 && x >= 0 && x <= g.Right {
			return i
		}
	}
	return -1
}

const (
	tlLabelSize = 13.0
	tlEventSize = 11.0
	tlAxisSize  = 11.0
)

var (
	tlTextOnce sync.Once
	tlText     *textEngine
)

func timelineText() *textEngine {
	tlTextOnce.Do(func() { tlText = newTextEngine() })
	return tlText
}

// Layout places the lines, the events and their labels for o.
func (s *TimelineScene) Layout(o TimelineOptions) *TimelineGeom {
	te := timelineText()
	w, h := float64(o.Width), float64(o.Height)
	g := &TimelineGeom{}
	labelW := 0.0
	for _, l := range s.Lines {
		adv, _, _ := te.measure(l.Label, bold, tlLabelSize)
		labelW = math.Max(labelW, adv)
	}
	labelW = math.Min(labelW, math.Max(80, w/4))
	g.LabelRight = 16 + labelW
	g.Left, g.Right = g.LabelRight+24, w-24
	g.Start, g.End = o.Start, o.End
	if g.End <= g.Start {
		if a, b, ok := s.TimeSpan(); ok {
			g.Start, g.End = a, b
		} else {
			g.Start, g.End = 0, 365
		}
	}
	top := 16.0
	if s.Title != "" {
		top += 28
	}
	g.AxisY = top + 18
	first := g.AxisY + 40
	n := len(s.Lines)
	step := 90.0
	if n > 1 {
		step = math.Min(140, math.Max(36, (h-24-first)/float64(n-1)))
	}
	g.LineY = make([]float64, n)
	for i := range g.LineY {
		g.LineY[i] = first + float64(i)*step
	}
	// events left to right; labels placed greedily beside their
	// connector, lower when the place is taken, left out when no place is
	// free
	g.EventX = make([]float64, len(s.Events))
	g.EventLabel = make([]image.Rectangle, len(s.Events))
	order := make([]int, len(s.Events))
	for i, e := range s.Events {
		g.EventX[i] = g.X(e.EventDay())
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return g.EventX[order[a]] < g.EventX[order[b]] })
	// events on the same day side by side, a few pixels apart
	for k := 1; k < len(order); k++ {
		if prev := g.EventX[order[k-1]]; g.EventX[order[k]]-prev < 7 {
			g.EventX[order[k]] = prev + 7
		}
	}
	// labels keep off the lines
	var taken []image.Rectangle
	for _, y := range g.LineY {
		taken = append(taken, image.Rect(0, int(y-7), int(w), int(y+7)))
	}
	for _, i := range order {
		e := s.Events[i]
		x := g.EventX[i]
		if x < g.Left-1 || x > g.Right+1 || e.Label == "" {
			continue
		}
		adv, asc, desc := te.measure(e.Label, regular, tlEventSize)
		lh := asc + desc + 2
		y0, y1 := g.LineY[e.From], g.LineY[e.To]
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		if y1-y0 < lh+8 {
			// both ends on one line (or adjacent): above the line
			y0, y1 = y0-lh-10, y0-4
		}
		for y := (y0+y1)/2 - lh/2; y+lh <= y1+0.5 && y >= y0-lh-12; y += lh + 1 {
			r := image.Rect(int(x+5), int(y), int(math.Ceil(x+5+adv+2)), int(math.Ceil(y+lh)))
			if r.Max.X > int(w) {
				r = r.Sub(image.Pt(int(adv)+12, 0))
			}
			free := true
			for _, t := range taken {
				if t.Overlaps(r) {
					free = false
					break
				}
			}
			if free {
				g.EventLabel[i] = r
				taken = append(taken, r)
				break
			}
		}
	}
	return g
}

// fitText cuts s at a word (or a character) with an ellipsis so that it
// is at most width wide.
func fitText(s string, weight int, size, width float64) string {
	te := timelineText()
	s = ShortLabel(s)
	if adv, _, _ := te.measure(s, weight, size); adv <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 1; n-- {
		t := strings.TrimRight(string(r[:n]), " ,;:-") + "…"
		if adv, _, _ := te.measure(t, weight, size); adv <= width {
			return t
		}
	}
	return string(r[:1]) + "…"
}

// tlItem is one primitive of the display list, in logical pixels.
type tlItem struct {
	kind           byte // 'r' rect, 'l' line, 'd' disc, 'o' ring, 't' text, 'p' polygon
	x0, y0, x1, y1 float64
	w              float64
	col            color.NRGBA
	text           string
	weight         int
	size           float64
	dash           bool
	pts            []Point
	halo           bool
}

// display builds the display list of the chart.
func (s *TimelineScene) display(o TimelineOptions, g *TimelineGeom) []tlItem {
	pal := paletteOf(o.Theme)
	w, h := float64(o.Width), float64(o.Height)
	var out []tlItem
	add := func(it tlItem) { out = append(out, it) }
	add(tlItem{kind: 'r', x0: 0, y0: 0, x1: w, y1: h, col: pal.bg})
	if s.Title != "" {
		add(tlItem{kind: 't', text: s.Title, weight: bold, size: 18, x0: 16, y0: 32, col: pal.text})
	}
	// the axis: years labelled, months ticked (labelled when there is
	// room)
	grid := withAlpha(pal.panelBorder, 0.7)
	add(tlItem{kind: 'l', x0: g.Left, y0: g.AxisY, x1: g.Right, y1: g.AxisY, w: 1, col: pal.edge})
	monthPx := (g.Right - g.Left) / (g.End - g.Start) * 30.4
	t0 := time.Unix(int64(g.Start)*86400, 0).UTC()
	m := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	if nextJan := float64(time.Date(t0.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400); g.X(nextJan)-g.Left > 40 {
		// the first, partial year is named at the axis's start
		add(tlItem{kind: 't', text: strconv.Itoa(t0.Year()), weight: bold, size: tlAxisSize, x0: g.Left + 3, y0: g.AxisY - 6, col: pal.text})
	}
	for ; ; m = m.AddDate(0, 1, 0) {
		day := float64(m.Unix() / 86400)
		if day > g.End {
			break
		}
		x := g.X(day)
		if x < g.Left {
			continue
		}
		if m.Month() == time.January {
			add(tlItem{kind: 'l', x0: x, y0: g.AxisY - 6, x1: x, y1: h - 12, w: 1, col: grid})
			add(tlItem{kind: 't', text: strconv.Itoa(m.Year()), weight: bold, size: tlAxisSize, x0: x + 3, y0: g.AxisY - 6, col: pal.text})
			continue
		}
		if monthPx >= 6 {
			add(tlItem{kind: 'l', x0: x, y0: g.AxisY, x1: x, y1: g.AxisY + 4, w: 1, col: pal.edge})
		}
		if monthPx >= 22 {
			// months as numbers: the same in every language
			lab := m.Format("01")
			add(tlItem{kind: 't', text: lab, weight: regular, size: tlAxisSize - 1, x0: x + 2, y0: g.AxisY + 15, col: pal.edgeLabel})
		}
	}
	// the theme lines
	for i, l := range s.Lines {
		y := g.LineY[i]
		lw, col := 2.0, l.Color
		if l.Selected {
			lw = 4
			add(tlItem{kind: 'l', x0: g.Left - 8, y0: y, x1: g.Right, y1: y, w: 8, col: withAlpha(pal.accent, 0.35)})
		}
		if l.First > 0 {
			// the entity's own span solid, the rest faint
			add(tlItem{kind: 'l', x0: g.Left - 8, y0: y, x1: g.Right, y1: y, w: lw, col: withAlpha(col, 0.3)})
			a := math.Max(g.Left-8, g.X(TimelineDays(l.First)))
			b := g.Right
			if l.Last < 99990000 {
				b = math.Min(g.Right, g.X(TimelineDays(l.Last)+1))
			}
			if b > a {
				add(tlItem{kind: 'l', x0: a, y0: y, x1: b, y1: y, w: lw + 1, col: col})
			}
		} else {
			add(tlItem{kind: 'l', x0: g.Left - 8, y0: y, x1: g.Right, y1: y, w: lw, col: col})
		}
		add(tlItem{kind: 'd', x0: g.Left - 8, y0: y, w: 5, col: col})
		add(tlItem{kind: 't', text: fitText(l.Label, bold, tlLabelSize, g.LabelRight-16), weight: bold, size: tlLabelSize, x0: 16, y0: y + 4.5, col: pal.text})
	}
	// the events: interval bars, connectors, marks; their labels last,
	// over every connector
	var labels []tlItem
	for i, e := range s.Events {
		x := g.EventX[i]
		if x < g.Left-1 || x > g.Right+1 {
			continue
		}
		ya, yb := g.LineY[e.From], g.LineY[e.To]
		if a, b := g.X(TimelineDays(e.First)), g.X(TimelineDays(e.Last)+1); b-a > 3 {
			for _, y := range []float64{ya, yb} {
				add(tlItem{kind: 'l', x0: math.Max(a, g.Left), y0: y, x1: math.Min(b, g.Right), y1: y, w: 6, col: withAlpha(e.Color, 0.3)})
			}
		}
		if e.Selected {
			add(tlItem{kind: 'l', x0: x, y0: ya, x1: x, y1: yb, w: 7, col: withAlpha(pal.accent, 0.45)})
		}
		if ya != yb {
			// a gap in the lines it crosses, then the connector
			add(tlItem{kind: 'l', x0: x, y0: ya, x1: x, y1: yb, w: 6, col: pal.bg})
			add(tlItem{kind: 'l', x0: x, y0: ya, x1: x, y1: yb, w: 2, col: e.Color, dash: e.Reported})
			// arrowhead at the object's line
			dir := 1.0
			if yb < ya {
				dir = -1
			}
			tip := yb - dir*5
			add(tlItem{kind: 'p', col: e.Color, pts: []Point{{x, tip}, {x - 4.5, tip - dir*9}, {x + 4.5, tip - dir*9}}})
		}
		for _, y := range []float64{ya, yb} {
			if e.Reported {
				add(tlItem{kind: 'd', x0: x, y0: y, w: 5, col: pal.bg})
				add(tlItem{kind: 'o', x0: x, y0: y, w: 5, x1: 2, col: e.Color})
			} else {
				add(tlItem{kind: 'd', x0: x, y0: y, w: 5, col: e.Color})
			}
			if ya == yb {
				break
			}
		}
		if r := g.EventLabel[i]; !r.Empty() {
			col := pal.edgeLabel
			if e.Selected {
				col = pal.text
			}
			_, asc, _ := timelineText().measure(e.Label, regular, tlEventSize)
			labels = append(labels, tlItem{kind: 't', text: e.Label, weight: regular, size: tlEventSize, x0: float64(r.Min.X) + 1, y0: float64(r.Min.Y) + 1 + asc, col: col, halo: true})
		}
	}
	return append(out, labels...)
}

// RenderTimeline draws the chart into a new image of o.Width×o.Height
// logical pixels at o.Scale; it returns the geometry it drew with.
func RenderTimeline(s *TimelineScene, o TimelineOptions) (*image.RGBA, *TimelineGeom) {
	sc := o.Scale
	if sc <= 0 {
		sc = 1
	}
	W, H := max(1, int(float64(o.Width)*sc+0.5)), max(1, int(float64(o.Height)*sc+0.5))
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	g := s.Layout(o)
	cv := &canvas{img: img, clip: img.Bounds()}
	scr := &scratch{}
	te := timelineText()
	pal := paletteOf(o.Theme)
	for _, it := range s.display(o, g) {
		c := premul(it.col)
		switch it.kind {
		case 'r':
			cv.fillPolys(scr, [][]Point{{{it.x0 * sc, it.y0 * sc}, {it.x1 * sc, it.y0 * sc}, {it.x1 * sc, it.y1 * sc}, {it.x0 * sc, it.y1 * sc}}}, c)
		case 'l':
			if it.dash {
				dashLine(cv, it.x0*sc, it.y0*sc, it.x1*sc, it.y1*sc, it.w*sc, 5*sc, c)
			} else {
				cv.line(it.x0*sc, it.y0*sc, it.x1*sc, it.y1*sc, it.w*sc, c)
			}
		case 'd':
			cv.disc(it.x0*sc, it.y0*sc, it.w*sc, c)
		case 'o':
			cv.ring(it.x0*sc, it.y0*sc, it.w*sc, it.x1*sc, c)
		case 'p':
			pts := make([]Point, len(it.pts))
			for k, p := range it.pts {
				pts[k] = Point{p.X * sc, p.Y * sc}
			}
			cv.fillPolys(scr, [][]Point{pts}, c)
		case 't':
			halo := 0.0
			if it.halo {
				halo = 2 * sc
			}
			ti := te.get(it.text, it.weight, it.size*sc, halo)
			bx, by := int(math.Round(it.x0*sc)), int(math.Round(it.y0*sc))
			if it.halo {
				cv.mask(ti.halo, ti.w, ti.h, bx-ti.pad, by-ti.baseline, premul(pal.halo))
			}
			cv.mask(ti.glyphs, ti.w, ti.h, bx-ti.pad, by-ti.baseline, c)
		}
	}
	return img, g
}

// dashLine draws a dashed line of dashes d long.
func dashLine(cv *canvas, x0, y0, x1, y1, w, d float64, c pcolor) {
	L := math.Hypot(x1-x0, y1-y0)
	if L == 0 {
		return
	}
	ux, uy := (x1-x0)/L, (y1-y0)/L
	for t := 0.0; t < L; t += 2 * d {
		e := math.Min(L, t+d)
		cv.line(x0+ux*t, y0+uy*t, x0+ux*e, y0+uy*e, w, c)
	}
}

// WriteTimelinePNG writes the chart as PNG.
func WriteTimelinePNG(w io.Writer, s *TimelineScene, o TimelineOptions) error {
	if o.Width <= 0 || o.Height <= 0 {
		return errorf("image size %d×%d is not positive", o.Width, o.Height)
	}
	img, _ := RenderTimeline(s, o)
	return png.Encode(w, img)
}

// WriteTimelineSVG writes the chart as SVG from the same display list.
func WriteTimelineSVG(w io.Writer, s *TimelineScene, o TimelineOptions) error {
	if o.Width <= 0 || o.Height <= 0 {
		return errorf("image size %d×%d is not positive", o.Width, o.Height)
	}
	o.Scale = 1
	g := s.Layout(o)
	bw := bufio.NewWriter(w)
	sw := &svgWriter{w: bw}
	sw.p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans', sans-serif">`+"\n", o.Width, o.Height, o.Width, o.Height)
	te := timelineText()
	pal := paletteOf(o.Theme)
	for _, it := range s.display(o, g) {
		switch it.kind {
		case 'r':
			sw.p(`<rect x="%s" y="%s" width="%s" height="%s" %s/>`+"\n", num(it.x0), num(it.y0), num(it.x1-it.x0), num(it.y1-it.y0), paint("fill", it.col))
		case 'l':
			dash := ""
			if it.dash {
				dash = ` stroke-dasharray="5 5"`
			}
			sw.p(`<path d="M%s %sL%s %s" %s stroke-width="%s" stroke-linecap="round"%s/>`+"\n", num(it.x0), num(it.y0), num(it.x1), num(it.y1), paint("stroke", it.col), num(it.w), dash)
		case 'd':
			sw.p(`<circle cx="%s" cy="%s" r="%s" %s/>`+"\n", num(it.x0), num(it.y0), num(it.w), paint("fill", it.col))
		case 'o':
			sw.p(`<circle cx="%s" cy="%s" r="%s" fill="none" %s stroke-width="%s"/>`+"\n", num(it.x0), num(it.y0), num(it.w-it.x1/2), paint("stroke", it.col), num(it.x1))
		case 'p':
			sw.p(`<path d="M%s %sL%s %sL%s %sZ" %s/>`+"\n", num(it.pts[0].X), num(it.pts[0].Y), num(it.pts[1].X), num(it.pts[1].Y), num(it.pts[2].X), num(it.pts[2].Y), paint("fill", it.col))
		case 't':
			fw := ""
			if it.weight == bold {
				fw = ` font-weight="bold"`
			}
			h := ""
			if it.halo {
				h = ` ` + paint("stroke", pal.halo) + ` stroke-width="4" stroke-linejoin="round" paint-order="stroke"`
			}
			adv, _, _ := te.measure(it.text, it.weight, it.size)
			sw.p(`<text x="%s" y="%s" font-size="%s"%s %s%s textLength="%s" lengthAdjust="spacingAndGlyphs" xml:space="preserve">%s</text>`+"\n",
				num(it.x0), num(it.y0), num(it.size), fw, paint("fill", it.col), h, num(adv), xmlEscape(ShortLabel(it.text)))
		}
	}
	sw.p("</svg>\n")
	if sw.err != nil {
		return sw.err
	}
	return bw.Flush()
}
