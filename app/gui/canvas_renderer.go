package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/linkscope/linkscope/app/render"
)

// canvasRenderer shows the last frame, scaled and moved to match the
// current viewport, over a background of the render theme's colour, and
// the hover tooltip.
type canvasRenderer struct {
	c    *graphCanvas
	bg   *canvas.Rectangle
	img  *canvas.Image
	tip  *tooltip
	objs []fyne.CanvasObject
}

func newCanvasRenderer(c *graphCanvas) *canvasRenderer {
	r := &canvasRenderer{c: c}
	r.bg = canvas.NewRectangle(backgroundOf(c.options().Theme))
	r.img = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleFastest}
	r.img.Hide()
	r.tip = newTooltip()
	r.objs = []fyne.CanvasObject{r.bg, r.img, c.bandRect(), r.tip.box}
	if c.stats != nil {
		r.objs = append(r.objs, c.stats.probe)
	}
	if c.frame.img != nil {
		r.setFrame()
	}
	return r
}

// backgroundOf is the render theme's background, so that the area a pan
// uncovers matches the frame.
func backgroundOf(t render.Theme) color.Color {
	if t == render.Dark {
		return color.NRGBA{22, 24, 29, 255}
	}
	return color.White
}

// Layout is part of fyne.WidgetRenderer.
func (r *canvasRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.c.resized(size)
	r.placeFrame()
}

// MinSize is part of fyne.WidgetRenderer.
func (r *canvasRenderer) MinSize() fyne.Size { return r.c.MinSize() }

// Refresh is part of fyne.WidgetRenderer.
func (r *canvasRenderer) Refresh() {
	r.bg.FillColor = backgroundOf(r.c.options().Theme)
	r.bg.Refresh()
	r.tip.applyTheme()
	r.c.requestRender()
}

// Objects is part of fyne.WidgetRenderer.
func (r *canvasRenderer) Objects() []fyne.CanvasObject { return r.objs }

// Destroy is part of fyne.WidgetRenderer.
func (r *canvasRenderer) Destroy() {}

// setFrame shows the canvas's new frame.
func (r *canvasRenderer) setFrame() {
	f := r.c.frame
	if f.img == nil {
		return
	}
	r.img.Image = f.img
	r.img.Show()
	r.placeFrame()
	r.img.Refresh()
}

// placeFrame moves and scales the frame image so that it shows the
// current viewport: a pan or zoom is visible at once, before the next
// frame is drawn.
func (r *canvasRenderer) placeFrame() {
	f := r.c.frame
	if f.img == nil {
		return
	}
	x, y, w, h := framePlacement(f.view, r.c.view)
	r.img.Move(fyne.NewPos(x, y))
	r.img.Resize(fyne.NewSize(w, h)) // a new size is scaled on the GPU
	// a move alone does not ask for a repaint: refresh the (textureless)
	// background, which does, without re-uploading the frame
	canvas.Refresh(r.bg)
}

// framePlacement returns where (logical pixels, relative to the widget)
// and at what size a frame drawn with viewport drawn must be shown so
// that it matches viewport cur.
func framePlacement(drawn, cur render.Viewport) (x, y, w, h float32) {
	sc := cur.Scale
	if sc <= 0 {
		sc = 1
	}
	dsc := drawn.Scale
	if dsc <= 0 {
		dsc = 1
	}
	s := 1.0
	if drawn.Zoom > 0 && cur.Zoom > 0 {
		s = cur.Zoom / drawn.Zoom
	}
	wf, hf := float64(drawn.Width)/dsc, float64(drawn.Height)/dsc
	wc, hc := float64(cur.Width)/sc, float64(cur.Height)/sc
	x0 := wc/2 - s*wf/2 + (drawn.CenterX-cur.CenterX)*cur.Zoom
	y0 := hc/2 - s*hf/2 + (drawn.CenterY-cur.CenterY)*cur.Zoom
	return float32(x0), float32(y0), float32(s * wf), float32(s * hf)
}

// tooltip is a small box of text drawn over the canvas.
type tooltip struct {
	box   *fyne.Container
	bg    *canvas.Rectangle
	lines [2]*canvas.Text
}

func newTooltip() *tooltip {
	t := &tooltip{bg: canvas.NewRectangle(color.Black)}
	t.bg.CornerRadius = 4
	t.bg.StrokeWidth = 1
	for i := range t.lines {
		t.lines[i] = canvas.NewText("", color.Black)
		t.lines[i].TextSize = theme.TextSize()
	}
	t.lines[0].TextStyle = fyne.TextStyle{Bold: true}
	t.box = &fyne.Container{Objects: []fyne.CanvasObject{t.bg, t.lines[0], t.lines[1]}}
	t.box.Hide()
	t.applyTheme()
	return t
}

func (t *tooltip) applyTheme() {
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	for _, l := range t.lines {
		l.Color = theme.Color(theme.ColorNameForeground)
	}
	t.bg.Refresh()
}

// show puts the tooltip near p, inside bounds.
func (t *tooltip) show(title, detail string, p fyne.Position, bounds fyne.Size) {
	t.lines[0].Text, t.lines[1].Text = title, detail
	pad := float32(6)
	w0, w1 := t.lines[0].MinSize(), t.lines[1].MinSize()
	w := max(w0.Width, w1.Width) + 2*pad
	h := w0.Height + w1.Height + 2*pad
	x, y := p.X+14, p.Y+18
	if x+w > bounds.Width {
		x = p.X - w - 6
	}
	if y+h > bounds.Height {
		y = p.Y - h - 6
	}
	x, y = max(x, 0), max(y, 0)
	t.box.Move(fyne.NewPos(x, y))
	t.box.Resize(fyne.NewSize(w, h))
	t.bg.Resize(fyne.NewSize(w, h))
	t.lines[0].Move(fyne.NewPos(pad, pad))
	t.lines[1].Move(fyne.NewPos(pad, pad+w0.Height))
	t.lines[0].Refresh()
	t.lines[1].Refresh()
	t.box.Show()
	t.box.Refresh()
}

// updateTooltip describes the hovered entity (type, label, degree).
func (c *graphCanvas) updateTooltip() {
	if c.r == nil {
		return
	}
	i := c.ex.hovered
	if i < 0 || !c.hovering {
		c.r.tip.box.Hide()
		return
	}
	n := c.ex.g.Node(i)
	c.r.tip.show(n.Label, tooltipDetail(typeLabel(c.ex.g, n.Type), c.ex.g.Degree(i)), c.mouse, c.Size())
}

// tooltipDetail is the tooltip's second line: "regulator · 12 relations".
func tooltipDetail(typ string, degree int) string {
	rel := lang.L("relations")
	if degree == 1 {
		rel = lang.L("relation")
	}
	return typ + " · " + itoa(degree) + " " + rel

}

func (c *graphCanvas) hideTooltip() {
	if c.r != nil {
		c.r.tip.box.Hide()
	}
}
