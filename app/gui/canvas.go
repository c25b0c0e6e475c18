package gui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
)

// Interface checks: the canvas is dragged, scrolled, tapped, hovered and
// focused (for Esc and +/-).
var (
	_ fyne.Widget        = (*graphCanvas)(nil)
	_ fyne.Draggable     = (*graphCanvas)(nil)
	_ fyne.Scrollable    = (*graphCanvas)(nil)
	_ fyne.Tappable      = (*graphCanvas)(nil)
	_ fyne.Focusable     = (*graphCanvas)(nil)
	_ desktop.Hoverable  = (*graphCanvas)(nil)
	_ desktop.Cursorable = (*graphCanvas)(nil)
	_ desktop.Mouseable  = (*graphCanvas)(nil)
	// right-click opens the context menu (select.go)
	_ fyne.SecondaryTappable = (*graphCanvas)(nil)
)

// doubleTapDelay is the longest gap between the two clicks of a
// double-click; doubleTapSlop how far apart (logical pixels) they may be.
const (
	doubleTapDelay = 400 * time.Millisecond
	doubleTapSlop  = 6
)

// settleDelay and interactInterval pace the frames drawn during a pan or
// zoom (see graphCanvas.settleDelay).
const (
	settleDelay      = 90 * time.Millisecond
	interactInterval = 300 * time.Millisecond
)

// zoomStep is the factor of one +/- key press; wheelZoom the zoom per
// logical pixel of wheel scroll (a wheel notch is about 10).
const (
	zoomStep  = 1.25
	wheelZoom = 0.012
	// minZoom and maxZoom bound the zoom (logical pixels per world unit).
	minZoom = 1e-4
	maxZoom = 1e3
)

// canvasMargin is the free border Fit leaves around the graph, logical
// pixels.
const canvasMargin = view.CanvasMargin

// dragMode is what a drag does.
type dragMode int

const (
	dragNone dragMode = iota
	dragPan
	dragNode
	// dragBand draws a rubber band (Shift+drag on the background)
	dragBand
)

// graphCanvas is the graph view: a cached frame drawn by app/render, moved
// and scaled on the GPU while the pointer moves, and redrawn off the UI
// goroutine.
type graphCanvas struct {
	widget.BaseWidget
	// onFirstFrame, when set, is called once when the first frame is shown
	onFirstFrame func()

	ex *explorer
	// view is the current viewport (Width, Height and Scale in device
	// pixels); viewSet is false until the first fit.
	view    render.Viewport
	viewSet bool
	// autoFit keeps fitting the view while the layout runs, until the user
	// pans or zooms.
	autoFit bool

	// options returns the render options (theme) of the next frame.
	options func() render.Options

	// drag state; press is where the primary button went down (pressed
	// until it comes up)
	drag     dragMode
	dragNode int32
	press    fyne.Position
	pressed  bool
	// edit state (select.go): shift is whether Shift was held when the
	// button went down; dragSet the entities a drag moves, from where.
	edit canvasEdit
	// pointer position (logical) for hover and the tooltip; hovering is
	// false when the pointer is outside.
	mouse    fyne.Position
	hovering bool

	lastTap    time.Time
	lastTapPos fyne.Position
	lastTapHit int32
	// doubleTap is the double-click delay (doubleTapDelay).
	doubleTap time.Duration

	// the frame on screen
	frame renderedFrame
	queue *renderQueue
	// synchronous renders on the calling goroutine (tests).
	synchronous bool
	// While the user pans or zooms, the cached frame moves at once and a
	// new one is drawn when the view has been still for settleDelay, or
	// every interactInterval during a long gesture; settle is that timer
	// and lastRequest the time of the last frame request.
	settleDelay time.Duration
	settle      *time.Timer
	lastRequest time.Time
	// dirty is set when a render was requested before the widget had a
	// size.
	stats *frameStats
	// why is the reason of the next frame request, for its trace
	// (frametrace.go): pan, zoom, layout, hover ("" for none); settleWhy
	// that of the frame the settle timer will ask for
	why, settleWhy string
	// the frame requests of the current UI turn and the last frame
	// submitted (rendercoalesce.go)
	turn renderTurn

	// callbacks to the window
	onNodeMoved  func(i int32, p render.Point)
	onNodeTapped func(i int32)
	onDoubleTap  func(i int32)
	onEscape     func()
	onViewMoved  func()
	// onResized is called when the canvas gets a new size
	onResized func()
	// editing (select.go)
	onDragEnd  func(nodes []int32, from []render.Point)
	onShiftTap func(i int32)
	onBand     func(nodes []int32)
	onContext  func(i int32, at fyne.Position)
	onKey      func(ev *fyne.KeyEvent) bool

	r *canvasRenderer
}

// newGraphCanvas returns a canvas over ex.
func newGraphCanvas(ex *explorer, options func() render.Options) *graphCanvas {
	c := &graphCanvas{ex: ex, options: options, autoFit: true, dragNode: -1, lastTapHit: -1, doubleTap: doubleTapDelay,
		settleDelay: settleDelay}
	c.queue = newRenderQueue(c.showFrame)
	// hover and selection changes come in bursts: pace their frames too
	ex.onHighlight = append(ex.onHighlight, c.scheduleRender)
	// what is under the pointer changes with the filters and positions
	ex.onFilter = append(ex.onFilter, c.syncHover)
	ex.onPositions = append(ex.onPositions, c.syncHover)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is part of fyne.Widget.
func (c *graphCanvas) CreateRenderer() fyne.WidgetRenderer {
	c.r = newCanvasRenderer(c)
	return c.r
}

// MinSize keeps the canvas usable in a small window.
func (c *graphCanvas) MinSize() fyne.Size { return fyne.NewSize(160, 120) }

// scale is the device pixels per logical pixel of the canvas's window.
func (c *graphCanvas) scale() float32 {
	if app := fyne.CurrentApp(); app != nil {
		if cv := app.Driver().CanvasForObject(c); cv != nil && cv.Scale() > 0 {
			return cv.Scale()
		}
	}
	return 1
}

// resized adapts the viewport to a new widget size, keeping the centre
// and zoom, and fits the view the first time.
func (c *graphCanvas) resized(size fyne.Size) {
	sc := float64(c.scale())
	w, h := int(math.Round(float64(size.Width)*sc)), int(math.Round(float64(size.Height)*sc))
	if w <= 0 || h <= 0 {
		return
	}
	if c.view.Width == w && c.view.Height == h && c.view.Scale == sc && c.viewSet {
		return
	}
	c.view.Width, c.view.Height, c.view.Scale = w, h, sc
	if !c.viewSet || c.autoFit {
		c.fitView()
	} else {
		c.requestRender()
	}
	if c.onResized != nil {
		c.onResized()
	}
}

// fitView shows every visible entity.
func (c *graphCanvas) fitView() {
	if c.view.Width <= 0 || c.view.Height <= 0 {
		return
	}
	// fit as an export does, into the area the legend leaves free
	sc := c.view.Scale
	if sc <= 0 {
		sc = 1
	}
	v := render.ExportViewport(c.ex.view(), render.ImageOptions{
		Options: c.options(), Width: int(float64(c.view.Width)/sc + 0.5), Height: int(float64(c.view.Height)/sc + 0.5),
		Scale: sc, Margin: canvasMargin,
	})
	v.Width, v.Height = c.view.Width, c.view.Height
	v.Zoom = clampZoom(v.Zoom)
	c.view = v
	c.viewSet = true
	c.syncHover()
	c.requestRender()
}

// refit follows a running layout: the view fits the new positions, and
// the frame on screen stays where it is (it shows the old positions, so
// scaling it to the new view would only make it jump) until the next
// frame replaces it.
func (c *graphCanvas) refit() {
	c.why = "layout"
	c.fitView()
	if c.frame.img != nil {
		c.frame.view = c.view
		if c.r != nil {
			c.r.placeFrame()
		}
	}
}

// Fit fits the view and resumes auto-fitting while the layout runs.
func (c *graphCanvas) Fit() {
	c.autoFit = true
	c.fitView()
}

// centerOn moves the view so that node i is in the middle, zooming in if
// the graph is shown too small to read it.
func (c *graphCanvas) centerOn(i int32) {
	if i < 0 || int(i) >= len(c.ex.pos) || c.view.Width == 0 {
		return
	}
	p := c.ex.pos[i]
	c.view.CenterX, c.view.CenterY = p.X, p.Y
	// make the entity's disc at least ~8 logical pixels
	if r := c.ex.scene.Radius(i) * c.view.Zoom; r < 8 {
		c.view.Zoom = clampZoom(8 / c.ex.scene.Radius(i))
	}
	c.autoFit = false
	c.syncHover()
	c.requestRender()
}

// zoomBy zooms by f about logical point (x, y).
func (c *graphCanvas) zoomBy(f float64, x, y float32) {
	sc := c.view.Scale
	nz := clampZoom(c.view.Zoom * f)
	if nz == c.view.Zoom {
		return
	}
	c.view = c.view.ZoomAt(float64(x)*sc, float64(y)*sc, nz/c.view.Zoom)
	c.why = "zoom"
	c.userMovedView()
}

// ZoomIn and ZoomOut zoom about the centre of the canvas.
func (c *graphCanvas) ZoomIn()  { c.zoomBy(zoomStep, c.Size().Width/2, c.Size().Height/2) }
func (c *graphCanvas) ZoomOut() { c.zoomBy(1/zoomStep, c.Size().Width/2, c.Size().Height/2) }

func clampZoom(z float64) float64 {
	if !(z > minZoom) {
		return minZoom
	}
	return math.Min(z, maxZoom)
}

// pan moves the view by a logical pixel offset (the content follows the
// pointer).
func (c *graphCanvas) pan(dx, dy float32) {
	c.view.CenterX -= float64(dx) / c.view.Zoom
	c.view.CenterY -= float64(dy) / c.view.Zoom
	c.why = "pan"
	c.userMovedView()
}

// userMovedView places the cached frame for the new view at once and asks
// for a fresh one.
func (c *graphCanvas) userMovedView() {
	c.autoFit = false
	if c.r != nil {
		c.r.placeFrame()
	}
	if c.stats != nil {
		c.stats.viewMoved()
	}
	c.syncHover()
	c.scheduleRender()
	if c.onViewMoved != nil {
		c.onViewMoved()
	}
}

// scheduleRender asks for a frame once the view is still, and now and
// then during a long gesture, so that painting the moving cached frame
// keeps the CPU while the pointer moves.
func (c *graphCanvas) scheduleRender() {
	if c.synchronous || c.settleDelay <= 0 {
		c.requestRender()
		return
	}
	if c.why != "" {
		c.settleWhy = c.why
	}
	if time.Since(c.lastRequest) > interactInterval {
		c.requestRender()
	}
	if c.settle == nil {
		post := postUI
		c.settle = time.AfterFunc(c.settleDelay, func() { post(c.settled) })
	} else {
		c.settle.Reset(c.settleDelay)
	}
}

// nodeAt returns the visible entity under logical point p.
func (c *graphCanvas) nodeAt(p fyne.Position) (int32, bool) {
	if !c.viewSet {
		return -1, false
	}
	sc := c.view.Scale
	return render.NodeAt(c.ex.view(), c.view, float64(p.X)*sc, float64(p.Y)*sc)
}

// worldAt returns the world point under logical point p.
func (c *graphCanvas) worldAt(p fyne.Position) render.Point {
	sc := c.view.Scale
	return c.view.ToWorld(float64(p.X)*sc, float64(p.Y)*sc)
}

// Tapped selects the entity under the pointer (or clears the selection on
// the background); a second tap soon after at the same place is a
// double-click, which opens the entity's neighbourhood.
func (c *graphCanvas) Tapped(ev *fyne.PointEvent) {
	c.takeKeyboard()
	i, hit := c.nodeAt(ev.Position)
	if !hit {
		i = -1
	}
	now := time.Now()
	d := ev.Position.Subtract(c.lastTapPos)
	double := now.Sub(c.lastTap) < c.doubleTap && math.Hypot(float64(d.X), float64(d.Y)) < doubleTapSlop && i == c.lastTapHit
	c.lastTap, c.lastTapPos, c.lastTapHit = now, ev.Position, i
	if c.edit.shift && c.onShiftTap != nil {
		c.edit.shift = false
		c.onShiftTap(i)
		return
	}
	if double {
		c.lastTap = time.Time{}
		if c.onDoubleTap != nil {
			c.onDoubleTap(i)
		}
		return
	}
	if c.onNodeTapped != nil {
		c.onNodeTapped(i)
	} else {
		c.ex.selectNode(i)
	}
}

// Dragged pans the view, or moves the entity the drag started on.
func (c *graphCanvas) Dragged(ev *fyne.DragEvent) {
	if c.drag == dragNone {
		start := ev.Position.Subtract(ev.Dragged)
		if c.pressed {
			start = c.press
		}
		if i, ok := c.nodeAt(start); ok {
			c.drag, c.dragNode = dragNode, i
			c.beginNodeDrag(i)
		} else if c.edit.shift {
			c.drag = dragBand
			c.beginBand(start)
		} else {
			c.drag = dragPan
		}
		c.hideTooltip()
	}
	switch c.drag {
	case dragPan:
		c.pan(ev.Dragged.DX, ev.Dragged.DY)
	case dragNode:
		t0 := time.Now()
		c.moveDragged(float64(ev.Dragged.DX)/c.view.Zoom, float64(ev.Dragged.DY)/c.view.Zoom)
		if tracing("frames") {
			trace("frames", "drag-move", "ms", time.Since(t0), "entities", len(c.edit.dragSet))
		}
		c.why = "drag"
		c.requestRender()
	case dragBand:
		c.extendBand(ev.Position)
	}
}

// DragEnd ends a pan, an entity move or a rubber band.
func (c *graphCanvas) DragEnd() {
	switch c.drag {
	case dragNode:
		c.endNodeDrag()
	case dragBand:
		c.endBand()
	}
	c.drag, c.dragNode, c.pressed = dragNone, -1, false
	c.requestRender()
}

// MouseDown records where a drag starts.
func (c *graphCanvas) MouseDown(ev *desktop.MouseEvent) {
	c.takeKeyboard()
	if ev.Button == desktop.MouseButtonPrimary {
		c.press, c.pressed = ev.Position, true
		c.edit.shift = ev.Modifier&fyne.KeyModifierShift != 0
	}
}

// MouseUp is part of desktop.Mouseable.
func (c *graphCanvas) MouseUp(*desktop.MouseEvent) { c.pressed = false }

// Scrolled zooms towards the pointer.
func (c *graphCanvas) Scrolled(ev *fyne.ScrollEvent) {
	dy := float64(ev.Scrolled.DY)
	if dy == 0 {
		return
	}
	c.zoomBy(math.Exp(dy*wheelZoom), ev.Position.X, ev.Position.Y)
}

// MouseIn is part of desktop.Hoverable.
func (c *graphCanvas) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved highlights the entity under the pointer with its neighbours
// and shows a tooltip.
func (c *graphCanvas) MouseMoved(ev *desktop.MouseEvent) {
	c.mouse, c.hovering = ev.Position, true
	if c.drag != dragNone {
		return
	}
	i, ok := c.nodeAt(ev.Position)
	if !ok {
		i = -1
	}
	if c.why == "" {
		c.why = "hover"
	}
	c.ex.hover(i) // the explorer's highlight listener asks for a frame
	if c.why == "hover" {
		c.why = ""
	}
	c.updateTooltip()
}

// MouseOut clears the hover.
func (c *graphCanvas) MouseOut() {
	c.hovering = false
	c.ex.hover(-1)
	c.hideTooltip()
}

// Cursor shows a hand over entities.
func (c *graphCanvas) Cursor() desktop.Cursor {
	if c.drag == dragPan {
		return desktop.DefaultCursor
	}
	if c.ex.hovered >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// FocusGained is part of fyne.Focusable.
func (c *graphCanvas) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (c *graphCanvas) FocusLost() {}

// TypedRune zooms with + and -.
func (c *graphCanvas) TypedRune(r rune) {
	switch r {
	case '+', '=':
		c.ZoomIn()
	case '-', '_':
		c.ZoomOut()
	}
}

// TypedKey clears the selection and highlight on Esc, and pans with the
// arrow keys.
func (c *graphCanvas) TypedKey(ev *fyne.KeyEvent) {
	const step = 60
	if c.onKey != nil && c.onKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if c.onEscape != nil {
			c.onEscape()
		} else {
			c.ex.clearHighlight()
		}
	case fyne.KeyLeft:
		c.pan(step, 0)
	case fyne.KeyRight:
		c.pan(-step, 0)
	case fyne.KeyUp:
		c.pan(0, step)
	case fyne.KeyDown:
		c.pan(0, -step)
	}
}

// requestRender asks for a new frame of the current scene and view; the
// requests of one UI turn make one frame unless the picture changed after
// the first (rendercoalesce.go).
func (c *graphCanvas) requestRender() {
	if c.view.Width <= 0 || c.view.Height <= 0 {
		return
	}
	c.lastRequest = time.Now()
	if c.synchronous {
		c.submitFrame()
		return
	}
	c.coalesce()
}

// submitFrame hands a frame of the current scene and view to the render
// queue (drawn at once when synchronous).
func (c *graphCanvas) submitFrame() {
	if c.view.Width <= 0 || c.view.Height <= 0 {
		return
	}
	t0 := time.Now()
	job := &renderJob{scene: c.ex.view().Snapshot(), view: c.view, opts: c.options()}
	c.traceRequest(job, t0)
	c.turn.last = job
	c.turn.submitted++
	if c.stats != nil {
		c.stats.requested()
	}
	if c.synchronous {
		c.showFrame(drawFrame(job))
		return
	}
	c.queue.submit(job)
}

// showFrame puts a finished frame on screen (UI goroutine).
func (c *graphCanvas) showFrame(f renderedFrame) {
	shown := time.Now()
	defer traceFrame(f, shown)
	c.frame = f
	if fn := c.onFirstFrame; fn != nil {
		c.onFirstFrame = nil
		fn()
	}
	if c.stats != nil {
		c.stats.rendered(f.took)
	}
	if c.r != nil {
		c.r.setFrame()
	}
}

// currentView returns the viewport in use (for exports).
func (c *graphCanvas) currentView() render.Viewport { return c.view }

// showNodes brings entities into view: nothing moves when they are all on
// screen already; otherwise the view fits them (zooming out only as far
// as needed).
func (c *graphCanvas) showNodes(nodes []int32) {
	if len(nodes) == 0 || c.view.Width == 0 {
		c.requestRender()
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	inside := true
	margin := 30 * c.view.Scale
	for _, i := range nodes {
		if i < 0 || int(i) >= len(c.ex.pos) {
			continue
		}
		p := c.ex.pos[i]
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		x, y := c.view.ToScreen(p)
		if x < margin || y < margin || x > float64(c.view.Width)-margin || y > float64(c.view.Height)-margin {
			inside = false
		}
	}
	if inside || math.IsInf(minX, 0) {
		c.requestRender()
		return
	}
	c.view.CenterX, c.view.CenterY = (minX+maxX)/2, (minY+maxY)/2
	w := float64(c.view.Width)/c.view.Scale - 120
	h := float64(c.view.Height)/c.view.Scale - 120
	z := c.view.Zoom
	if dx := maxX - minX; dx > 0 && w > 0 {
		z = math.Min(z, w/dx)
	}
	if dy := maxY - minY; dy > 0 && h > 0 {
		z = math.Min(z, h/dy)
	}
	c.view.Zoom = clampZoom(z)
	c.userMovedView()
}
