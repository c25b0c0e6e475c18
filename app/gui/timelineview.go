package gui

import (
	"fmt"
	"image"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
)

// The timeline view: a second view of the same workspace in the canvas's
// place (View › Timeline, the toolbar's clock), i2-style: one theme line
// per chosen entity and the relations among them with a time as events
// (render.RenderTimeline, which `linkscope export --timeline` draws too).
// It shows what the filters show; selecting in it selects in the graph
// and the other way round. The wheel zooms the time axis around the
// pointer, dragging pans it.

// timelineDefaultLines is how many lines the view starts with.
const timelineDefaultLines = 5

type timelineView struct {
	u *ui
	// entities are the lines (nil until first shown: the default).
	entities []int32
	chart    *timelineChart
	content  fyne.CanvasObject
	// info describes the event or line under the pointer.
	info *widget.Label
	// shown is set while the view is in the canvas's place.
	shown bool
}

// timelineChart draws the chart and takes the pointer.
type timelineChart struct {
	widget.BaseWidget
	tv     *timelineView
	raster *canvas.Raster
	scene  *render.TimelineScene
	geom   *render.TimelineGeom
	// start and end are the days shown (both 0: the whole span, span0 to
	// span1).
	start, end   float64
	span0, span1 float64
}

func newTimelineView(u *ui) *timelineView {
	tv := &timelineView{u: u}
	c := &timelineChart{tv: tv}
	c.raster = canvas.NewRaster(c.draw)
	c.ExtendBaseWidget(c)
	tv.chart = c
	add := widget.NewButtonWithIcon(lang.L("Add Selection"), theme.ContentAddIcon(), tv.addSelection)
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), tv.removeSelected)
	reset := widget.NewButtonWithIcon(lang.L("Most Connected"), theme.ViewRefreshIcon(), func() {
		tv.entities = tv.defaultEntities()
		tv.update()
	})
	zin := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { c.zoom(0.5, 0.7) })
	zout := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { c.zoom(0.5, 1/0.7) })
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), func() { c.start, c.end = 0, 0; c.raster.Refresh() })
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), tv.exportDialog)
	back := widget.NewButtonWithIcon(lang.L("Graph"), theme.NavigateBackIcon(), func() { u.showTimeline(false) })
	for _, b := range []*widget.Button{add, remove, reset, zin, zout, fit, export, back} {
		b.Importance = widget.LowImportance
	}
	bar := container.NewHBox(back, widget.NewSeparator(), add, remove, reset, widget.NewSeparator(), zin, zout, fit, widget.NewSeparator(), export)
	tv.info = widget.NewLabel(lang.L("Click an event or a line to select it in the graph; the wheel zooms the time axis, dragging pans it."))
	tv.info.Importance = widget.LowImportance
	tv.info.Truncation = fyne.TextTruncateEllipsis
	tv.content = container.NewBorder(container.NewHScroll(bar), tv.info, nil, nil, c)
	return tv
}

// defaultEntities: the multi-selection when it has two entities or more,
// else the most connected few among what the filters show.
func (tv *timelineView) defaultEntities() []int32 {
	ex := tv.u.ex
	if l := ex.chosenList(); len(l) >= 2 {
		return l
	}
	vis := ex.visibility()
	return view.TimelineEntities(ex.g, &vis, timelineDefaultLines)
}

// addSelection adds the chosen entities as lines.
func (tv *timelineView) addSelection() {
	for _, i := range tv.u.ex.chosenList() {
		if !slices.Contains(tv.entities, i) {
			tv.entities = append(tv.entities, i)
		}
	}
	tv.update()
}

// removeSelected takes the selected entity's line out.
func (tv *timelineView) removeSelected() {
	sel := tv.u.ex.selected
	tv.entities = slices.DeleteFunc(tv.entities, func(i int32) bool { return i == sel })
	tv.update()
}

// spec is what the chart shows now.
func (tv *timelineView) spec() view.TimelineSpec {
	ex := tv.u.ex
	sel := int32(-1)
	if len(ex.pathEdges) == 1 {
		sel = ex.pathEdges[0]
	}
	vis := ex.visibility()
	return view.TimelineSpec{Entities: tv.entities, Vis: &vis, Selected: ex.selected, SelectedEdge: sel,
		ReportedFmt: lang.L("reported %s")}
}

// update rebuilds the chart from the explorer (when shown).
func (tv *timelineView) update() {
	if !tv.shown || tv.u.ex == nil {
		return
	}
	ex := tv.u.ex
	n := int32(ex.g.NodeCount())
	tv.entities = slices.DeleteFunc(tv.entities, func(i int32) bool { return i >= n })
	if tv.entities == nil {
		tv.entities = tv.defaultEntities()
	}
	sp := tv.spec()
	c := tv.chart
	c.scene = view.Timeline(ex.g, sp)
	// the axis spans every event of the lines, shown or not, so that
	// sliding the date does not move it
	all := sp
	all.Vis = nil
	c.span0, c.span1, _ = view.Timeline(ex.g, all).TimeSpan()
	c.raster.Refresh()
}

// options are the picture's options for a size in logical pixels.
func (c *timelineChart) options(w, h int, scale float64) render.TimelineOptions {
	o := render.TimelineOptions{Theme: c.tv.u.renderTheme(), Width: w, Height: h, Scale: scale, Start: c.span0, End: c.span1}
	if c.end > c.start {
		o.Start, o.End = c.start, c.end
	}
	return o
}

func (c *timelineChart) draw(pw, ph int) image.Image {
	sz := c.Size()
	if c.scene == nil || sz.Width <= 0 || pw <= 0 {
		return image.NewRGBA(image.Rect(0, 0, max(1, pw), max(1, ph)))
	}
	scale := float64(pw) / float64(sz.Width)
	img, g := render.RenderTimeline(c.scene, c.options(int(sz.Width), int(sz.Height), scale))
	c.geom = g
	return img
}

func (c *timelineChart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.raster)
}

func (c *timelineChart) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

// window returns the days shown.
func (c *timelineChart) window() (float64, float64) {
	if c.end > c.start {
		return c.start, c.end
	}
	return c.span0, c.span1
}

// zoom scales the days shown by k around the fraction at of the axis.
func (c *timelineChart) zoom(at, k float64) {
	a, b := c.window()
	pivot := a + at*(b-a)
	na, nb := pivot-(pivot-a)*k, pivot+(b-pivot)*k
	if nb-na < 14 {
		return
	}
	c.start, c.end = na, nb
	c.raster.Refresh()
}

// Scrolled zooms around the pointer.
func (c *timelineChart) Scrolled(ev *fyne.ScrollEvent) {
	at := 0.5
	if g := c.geom; g != nil && g.Right > g.Left {
		at = math.Max(0, math.Min(1, (float64(ev.Position.X)-g.Left)/(g.Right-g.Left)))
	}
	k := 0.8
	if ev.Scrolled.DY < 0 {
		k = 1 / 0.8
	}
	c.zoom(at, k)
}

// Dragged pans the time axis.
func (c *timelineChart) Dragged(ev *fyne.DragEvent) {
	g := c.geom
	if g == nil || g.Right <= g.Left {
		return
	}
	a, b := c.window()
	d := -float64(ev.Dragged.DX) / (g.Right - g.Left) * (b - a)
	c.start, c.end = a+d, b+d
	c.raster.Refresh()
}

func (c *timelineChart) DragEnd() {}

// MouseIn, MouseMoved and MouseOut describe what is under the pointer.
func (c *timelineChart) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

func (c *timelineChart) MouseMoved(ev *desktop.MouseEvent) {
	if c.geom == nil || c.scene == nil {
		return
	}
	x, y := float64(ev.Position.X), float64(ev.Position.Y)
	if k := c.geom.HitEvent(c.scene, x, y); k >= 0 {
		c.tv.info.SetText(c.tv.describe(c.scene.Events[k].Edge))
		return
	}
	if l := c.geom.HitLine(x, y); l >= 0 {
		c.tv.info.SetText(c.scene.Lines[l].Label)
	}
}

func (c *timelineChart) MouseOut() {}

// describe is a relation in words: "CNIL fined Clearview AI · 2022-10-17
// · 20 M€", or with "reported 2022-10" for one known from its report.
func (tv *timelineView) describe(e int32) string {
	ex := tv.u.ex
	r := ex.g.Edge(e)
	parts := []string{ex.g.Node(r.From).Label + " " + r.Type + " " + ex.g.Node(r.To).Label}
	if !r.Date.IsZero() {
		parts = append(parts, r.Date.String())
	} else if rep := ex.reportedText(e); rep != "" {
		parts = append(parts, rep)
	}
	if amt, cur, ok := r.Amount(); ok {
		parts = append(parts, render.FormatAmount(amt, cur))
	}
	return strings.Join(parts, " · ")
}

// Tapped selects the event's relation (its subject selected, the
// relation highlighted in the graph) or the line's entity.
func (c *timelineChart) Tapped(ev *fyne.PointEvent) {
	if c.geom == nil || c.scene == nil {
		return
	}
	x, y := float64(ev.Position.X), float64(ev.Position.Y)
	u := c.tv.u
	if k := c.geom.HitEvent(c.scene, x, y); k >= 0 {
		e := c.scene.Events[k].Edge
		r := u.ex.g.Edge(e)
		u.selectNode(r.From, false)
		u.ex.setPath([]int32{r.From, r.To}, []int32{e})
		c.tv.update()
		return
	}
	if l := c.geom.HitLine(x, y); l >= 0 {
		u.ex.setPath(nil, nil)
		u.selectNode(c.scene.Lines[l].Entity, false)
		c.tv.update()
	}
}

// showTimeline puts the timeline view in the canvas's place, or the
// graph back.
func (u *ui) showTimeline(on bool) {
	if u.timeline == nil || u.canvasArea == nil {
		return
	}
	u.timeline.shown = on
	if on {
		u.canvas.Hide()
		u.timeline.content.Show()
		u.timeline.update()
	} else {
		u.timeline.content.Hide()
		u.canvas.Show()
	}
	u.canvasArea.Refresh()
}

// newCanvasArea is the canvas and, in its place when asked, the timeline
// view (a new one for each graph; the lines chosen are kept while the
// entities stay).
func (u *ui) newCanvasArea() fyne.CanvasObject {
	shown := u.timeline != nil && u.timeline.shown
	var keep []int32
	if u.timeline != nil {
		keep = u.timeline.entities
	}
	u.timeline = newTimelineView(u)
	u.timeline.entities = keep
	u.timeline.content.Hide()
	ex := u.ex
	refresh := func() { u.timeline.update() }
	ex.onSelect = append(ex.onSelect, refresh)
	ex.onFilter = append(ex.onFilter, refresh)
	ex.onHighlight = append(ex.onHighlight, refresh)
	u.canvasArea = container.NewStack(u.canvas, u.timeline.content)
	if shown {
		u.showTimeline(true)
	}
	return u.canvasArea
}

// exportDialog saves the timeline as PNG or SVG, as drawn.
func (tv *timelineView) exportDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := tv.writeTo(path); err != nil {
			tv.u.showError(err)
			return
		}
		tv.u.notify(fmt.Sprintf(lang.L("Timeline written to %s"), filepath.Base(path)))
	}, tv.u.win)
	d.SetFileName("timeline.png")
	d.Show()
}

// writeTo writes the chart as shown to path (.png or .svg, by the
// extension; PNG at twice the size on screen).
func (tv *timelineView) writeTo(path string) error {
	c := tv.chart
	if c.scene == nil {
		tv.update()
	}
	if c.scene == nil {
		return fmt.Errorf("%s", lang.L("the timeline has nothing to draw"))
	}
	sz := c.Size()
	w, h := max(600, int(sz.Width)), max(300, int(sz.Height))
	o := c.options(w, h, 2)
	svg := strings.EqualFold(filepath.Ext(path), ".svg")
	return dataset.WriteAtomic(path, func(wr io.Writer) error {
		if svg {
			return render.WriteTimelineSVG(wr, c.scene, o)
		}
		return render.WriteTimelinePNG(wr, c.scene, o)
	})
}
