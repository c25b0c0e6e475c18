package render

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"
	"strings"
)

// WriteSVG writes the picture Image would draw as SVG: real circles, paths
// and text (set in Noto Sans, falling back to the viewer's sans-serif), at
// Width×Height logical pixels. o.Scale is ignored: SVG scales by itself.
func WriteSVG(w io.Writer, s *Scene, o ImageOptions) error {
	if o.Width <= 0 || o.Height <= 0 {
		return errorf("image size %d×%d is not positive", o.Width, o.Height)
	}
	o.Scale = 1
	v := ExportViewport(s, o)
	f := newFrame(s, v, o.Options)
	bw := bufio.NewWriter(w)
	sw := &svgWriter{w: bw, f: f}
	sw.write()
	if sw.err != nil {
		return sw.err
	}
	return bw.Flush()
}

type svgWriter struct {
	w   *bufio.Writer
	f   *frame
	err error
}

func (sw *svgWriter) p(format string, args ...any) {
	if sw.err == nil {
		_, sw.err = fmt.Fprintf(sw.w, format, args...)
	}
}

// num formats a coordinate with two decimals, trimmed.
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

func hexColor(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// paint returns fill or stroke attributes for c ("none" when transparent).
func paint(attr string, c color.NRGBA) string {
	if c.A == 0 {
		return attr + `="none"`
	}
	if c.A == 255 {
		return fmt.Sprintf(`%s="%s"`, attr, hexColor(c))
	}
	return fmt.Sprintf(`%s="%s" %s-opacity="%s"`, attr, hexColor(c), attr, num(float64(c.A)/255))
}

func (sw *svgWriter) write() {
	f, s := sw.f, sw.f.s
	sw.p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	sw.p(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`+"\n", f.w, f.h, f.w, f.h)
	if f.o.Title != "" {
		sw.p("<title>%s</title>\n", xmlEscape(f.o.Title))
	}
	sw.icons()
	if !f.o.Transparent {
		sw.p(`<rect width="100%%" height="100%%" %s/>`+"\n", paint("fill", f.pal.bg))
	}
	// relations
	sw.p(`<g id="relations" fill="none" stroke-linecap="round">` + "\n")
	for _, e := range f.edges {
		sw.edge(e)
	}
	over := s.hl.Dim // highlighted relations over the dimmed entities
	if !over {
		for _, e := range f.top {
			sw.edge(e)
		}
	}
	sw.p("</g>\n")
	// entities
	sw.p(`<g id="entities">` + "\n")
	var hl []int32
	for k := len(s.priority) - 1; k >= 0; k-- {
		i := s.priority[k]
		if !f.onScr[i] {
			continue
		}
		if s.nodeFlag(i)&(flagSelected|flagHovered|flagPath) != 0 {
			hl = append(hl, i)
			continue
		}
		sw.node(i)
	}
	if over {
		sw.p(`<g id="highlighted-relations" fill="none" stroke-linecap="round">` + "\n")
		for _, e := range f.top {
			sw.edge(e)
		}
		sw.p("</g>\n")
	}
	for _, i := range hl {
		sw.node(i)
	}
	sw.p("</g>\n")
	// labels
	sw.p(`<g id="labels">` + "\n")
	for _, l := range f.labels {
		sw.text(l.text, l.weight, l.size, l.bx, l.by, l.color, l.halo, 2.2)
	}
	sw.p("</g>\n")
	sw.overlays()
	sw.p("</svg>\n")
}

// icons defines one symbol per icon in use.
func (sw *svgWriter) icons() {
	names := map[string]bool{}
	for _, t := range sw.f.s.types {
		names[t.Style.Icon] = true
	}
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	sw.p("<defs>\n")
	for _, n := range list {
		inner := strings.ReplaceAll(icon(n).svg, `"#000"`, `"currentColor"`)
		sw.p(`<symbol id="icon-%s" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">%s</symbol>`+"\n", n, inner)
	}
	sw.p("</defs>\n")
}

func (sw *svgWriter) edge(e int32) {
	f, s := sw.f, sw.f.s
	col, w, ok := f.edgeStyle(e)
	if !ok || col.A == 0 {
		return
	}
	if a, b := s.src[e], s.dst[e]; a == b {
		x, y, r := selfLoop(float64(f.sx[a]), float64(f.sy[a]), float64(f.sr[a]), int(s.parIndex[e]))
		sw.p(`<circle cx="%s" cy="%s" r="%s" fill="none" %s stroke-width="%s"/>`+"\n", num(x), num(y), num(r), paint("stroke", col), num(w))
		return
	}
	g := f.arcOf(e)
	if f.far && s.edgeFlag(e)&(flagPath|flagNeighbor) == 0 {
		sw.p(`<path d="M%s %sL%s %s" %s stroke-width="1"/>`+"\n", num(g.ax), num(g.ay), num(g.bx), num(g.by), paint("stroke", col))
		return
	}
	t0, t1, tip, arrow := f.edgeEnds(e, &g, w)
	if t1 <= t0 {
		return
	}
	x0, y0 := g.at(t0)
	x1, y1 := g.at(t1)
	if g.straight {
		sw.p(`<path d="M%s %sL%s %s" %s stroke-width="%s"/>`, num(x0), num(y0), num(x1), num(y1), paint("stroke", col), num(w))
	} else {
		// the sub-curve from t0 to t1 of a quadratic Bézier is a quadratic
		// Bézier whose control point is where the tangents meet
		cx, cy := subControl(&g, t0, t1)
		sw.p(`<path d="M%s %sQ%s %s %s %s" %s stroke-width="%s"/>`, num(x0), num(y0), num(cx), num(cy), num(x1), num(y1), paint("stroke", col), num(w))
	}
	if arrow {
		x, y := g.at(tip)
		dx, dy := g.tangent(tip)
		l := math.Hypot(dx, dy)
		if l > 0 {
			dx, dy = dx/l, dy/l
			al, hw := f.arrowSize(w)
			bx, by := x-dx*al, y-dy*al
			nx, ny := -dy*hw, dx*hw
			sw.p(`<path d="M%s %sL%s %sL%s %sL%s %sZ" %s/>`, num(x), num(y), num(bx+nx), num(by+ny),
				num(x-dx*al*0.72), num(y-dy*al*0.72), num(bx-nx), num(by-ny), paint("fill", col))
		}
	}
	sw.p("\n")
}

// subControl returns the control point of the part of g between t0 and t1.
func subControl(g *arc, t0, t1 float64) (float64, float64) {
	// de Casteljau: control of the sub-curve = B0(t0,t1) blend
	u0, u1 := 1-t0, 1-t1
	x := u0*u1*g.ax + (u0*t1+t0*u1)*g.cx + t0*t1*g.bx
	y := u0*u1*g.ay + (u0*t1+t0*u1)*g.cy + t0*t1*g.by
	return x, y
}

func (sw *svgWriter) node(i int32) {
	f := sw.f
	x, y, r := float64(f.sx[i]), float64(f.sy[i]), float64(f.sr[i])
	fl := f.s.nodeFlag(i)
	if r >= 3*f.sc && !f.far {
		sw.p(`<circle cx="%s" cy="%s" r="%s" %s/>`, num(x), num(y), num(r+math.Min(1.5, r*0.15)), paint("fill", f.pal.nodeBorder))
	}
	sw.p(`<circle cx="%s" cy="%s" r="%s" %s><title>%s</title></circle>`, num(x), num(y), num(r), paint("fill", f.nodeColor(i)), xmlEscape(f.s.labels[i]))
	if r >= iconRadius*f.sc && fl&flagDim == 0 {
		sw.iconUse(f.s.types[f.s.nodeType[i]].Style.Icon, x, y, r)
	}
	switch {
	case fl&flagSelected != 0:
		sw.p(`<circle cx="%s" cy="%s" r="%s" fill="none" %s stroke-width="3"/>`, num(x), num(y), num(r+3.5), paint("stroke", f.pal.accent))
	case fl&flagPath != 0:
		sw.p(`<circle cx="%s" cy="%s" r="%s" fill="none" %s stroke-width="2.2"/>`, num(x), num(y), num(r+3), paint("stroke", f.pal.accent))
	}
	if fl&flagHovered != 0 {
		sw.p(`<circle cx="%s" cy="%s" r="%s" fill="none" %s stroke-width="2"/>`, num(x), num(y), num(r+3.5), paint("stroke", f.pal.hover))
	}
	sw.p("\n")
}

func (sw *svgWriter) iconUse(name string, cx, cy, r float64) {
	size := math.Round(r * 1.22)
	sw.p(`<use href="#icon-%s" xlink:href="#icon-%s" x="%s" y="%s" width="%s" height="%s" color="%s"/>`,
		name, name, num(math.Round(cx-size/2)), num(math.Round(cy-size/2)), num(size), num(size), hexColor(sw.f.pal.icon))
}

func (sw *svgWriter) text(s string, weight int, size, x, y float64, col, halo color.NRGBA, haloW float64) {
	fw := ""
	if weight == bold {
		fw = ` font-weight="bold"`
	}
	h := ""
	if haloW > 0 && halo.A > 0 {
		h = fmt.Sprintf(` %s stroke-width="%s" stroke-linejoin="round" paint-order="stroke"`, paint("stroke", halo), num(2*haloW))
	}
	// textLength holds the text to the width it was placed with, even
	// where the viewer substitutes another font
	adv, _, _ := sw.f.s.text.measure(s, weight, size)
	sw.p(`<text x="%s" y="%s" font-size="%s"%s %s%s textLength="%s" lengthAdjust="spacingAndGlyphs" xml:space="preserve">%s</text>`+"\n",
		num(x), num(y), num(size), fw, paint("fill", col), h, num(adv), xmlEscape(s))
}

func (sw *svgWriter) overlays() {
	f := sw.f
	sw.notes()
	if x, y, size, _, ok := f.titleLayout(); ok {
		sw.text(f.o.Title, bold, size, math.Round(x), math.Round(y), f.pal.text, f.pal.halo, 3)
	}
	if x, y, size, _, ok := f.sourceLayout(); ok {
		sw.text(f.o.Source, regular, size, math.Round(x), math.Round(y), f.pal.edgeLabel, f.pal.halo, 2)
	}
	if x, y, size, b, ok := f.timeLabelLayout(); ok {
		sw.p(`<g id="time"><rect x="%d" y="%d" width="%d" height="%d" rx="4" %s %s stroke-width="1"/>`+"\n",
			b.Min.X, b.Min.Y, b.Dx(), b.Dy(), paint("fill", f.pal.panel), paint("stroke", f.pal.panelBorder))
		sw.text(f.o.TimeLabel, bold, size, math.Round(x), math.Round(y), f.pal.text, color.NRGBA{}, 0)
		sw.p("</g>\n")
	}
	L := f.legend()
	if L == nil {
		return
	}
	b := L.box
	sw.p(`<g id="legend"><rect x="%d" y="%d" width="%d" height="%d" rx="6" %s %s stroke-width="1"/>`+"\n",
		b.Min.X, b.Min.Y, b.Dx(), b.Dy(), paint("fill", f.pal.panel), paint("stroke", f.pal.panelBorder))
	for _, h := range L.headers {
		sw.text(h.text, bold, L.headSize, h.tx, h.ty, f.pal.text, color.NRGBA{}, 0)
	}
	for _, it := range L.items {
		switch {
		case it.more:
		case it.rel:
			sw.p(`<path d="M%s %sL%s %s" %s stroke-width="%s" stroke-linecap="round"/>`, num(it.sx-L.swatchR), num(it.sy), num(it.sx+L.swatchR), num(it.sy), paint("stroke", it.style.Color), num(3*f.sc))
		case it.scale > 0:
			sw.p(`<circle cx="%s" cy="%s" r="%s" %s/>`, num(it.sx), num(it.sy), num(L.swatchR*it.scale), paint("fill", it.style.Color))
		default:
			sw.p(`<circle cx="%s" cy="%s" r="%s" %s/>`, num(it.sx), num(it.sy), num(L.swatchR), paint("fill", it.style.Color))
			sw.iconUse(it.style.Icon, it.sx, it.sy, L.swatchR)
		}
		sw.p("\n")
		sw.text(it.text, regular, L.fontSize, it.tx, math.Round(it.ty), f.pal.text, color.NRGBA{}, 0)
	}
	sw.p("</g>\n")
}

// notes writes the note markers and boxes.
func (sw *svgWriter) notes() {
	f, s := sw.f, sw.f.s
	if f.far {
		return
	}
	sw.p(`<g id="notes">` + "\n")
	marker := func(x, y, r float64) {
		sw.p(`<rect x="%s" y="%s" width="%s" height="%s" rx="1.5" %s %s stroke-width="1"/>`+"\n", num(x-r), num(y-r), num(2*r), num(2*r),
			paint("fill", f.pal.note), paint("stroke", f.pal.noteBorder))
	}
	for i := int32(0); s.nodeNote != nil && int(i) < s.n; i++ {
		if s.nodeNote[i] != "" && f.onScr[i] {
			marker(f.nodeMarker(i))
		}
	}
	for e := int32(0); s.edgeNote != nil && int(e) < s.m; e++ {
		if s.edgeNote[e] != "" && s.EdgeVisible(e) && (f.onScr[s.src[e]] || f.onScr[s.dst[e]]) {
			marker(f.edgeMarker(e))
		}
	}
	box := func(n *placedNote) {
		b := n.box
		if n.lead {
			bx := math.Max(float64(b.Min.X), math.Min(n.ax, float64(b.Max.X)))
			by := math.Max(float64(b.Min.Y), math.Min(n.ay, float64(b.Max.Y)))
			sw.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" %s stroke-width="1"/>`+"\n", n.ax, n.ay, bx, by, paint("stroke", f.pal.noteBorder))
		}
		sw.p(`<rect x="%d" y="%d" width="%d" height="%d" rx="4" %s %s stroke-width="1"/>`+"\n", b.Min.X, b.Min.Y, b.Dx(), b.Dy(),
			paint("fill", f.pal.note), paint("stroke", f.pal.noteBorder))
		for k, l := range n.lines {
			sw.text(l, regular, n.size, n.tx, n.ty+float64(k)*n.step, f.pal.text, color.NRGBA{}, 0)
		}
	}
	for k := range f.notes {
		box(&f.notes[k])
	}
	if n := f.chartNote(); n != nil {
		box(n)
	}
	sw.p("</g>\n")
}
