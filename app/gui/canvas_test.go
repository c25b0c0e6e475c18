package gui

import (
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/app/render"
)

// newTestCanvas shows a synchronous canvas over the Clearview case in a
// 600×400 test window.
func newTestCanvas(t *testing.T) (*graphCanvas, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ex := placedExplorer(t)
	c := newGraphCanvas(ex, lightOptions)
	c.synchronous = true
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(600, 400))
	if !c.viewSet || c.frame.img == nil {
		t.Fatal("the canvas did not fit and draw the graph")
	}
	return c, w
}

// backgroundPoint finds a point of the canvas with no entity under it.
func backgroundPoint(t *testing.T, c *graphCanvas) fyne.Position {
	t.Helper()
	for _, p := range []fyne.Position{{X: 8, Y: 8}, {X: 590, Y: 8}, {X: 8, Y: 390}, {X: 590, Y: 390}, {X: 300, Y: 200}} {
		if _, hit := c.nodeAt(p); !hit {
			return p
		}
	}
	t.Fatal("no empty point on the canvas")
	return fyne.Position{}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestDragBackgroundPans(t *testing.T) {
	c, w := newTestCanvas(t)
	before := c.view
	p := backgroundPoint(t, c)
	test.Drag(w.Canvas(), p, 40, -25)
	wantX := before.CenterX - 40/before.Zoom
	wantY := before.CenterY + 25/before.Zoom
	if !near(c.view.CenterX, wantX, 1e-9) || !near(c.view.CenterY, wantY, 1e-9) || c.view.Zoom != before.Zoom {
		t.Fatalf("after a (40,-25) drag the centre is (%g,%g) zoom %g, want (%g,%g) zoom %g",
			c.view.CenterX, c.view.CenterY, c.view.Zoom, wantX, wantY, before.Zoom)
	}
	if c.autoFit {
		t.Fatal("panning should stop auto-fitting")
	}
	// the entity positions did not move
	for i, q := range c.ex.pos {
		if q != c.ex.scene.Positions()[i] {
			t.Fatal("positions changed by a pan")
		}
	}
}

func TestWheelZoomKeepsPointUnderCursor(t *testing.T) {
	c, w := newTestCanvas(t)
	at := fyne.NewPos(150, 120)
	before := c.worldAt(at)
	z0 := c.view.Zoom
	c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 30)})
	if want := z0 * math.Exp(30*wheelZoom); !near(c.view.Zoom, want, want*1e-9) {
		t.Fatalf("zoom %g, want %g", c.view.Zoom, want)
	}
	after := c.worldAt(at)
	if !near(before.X, after.X, 1e-9) || !near(before.Y, after.Y, 1e-9) {
		t.Fatalf("the world point under the cursor moved from %v to %v", before, after)
	}
	// test.Scroll goes through the canvas too (at the event's position 0,0)
	z1 := c.view.Zoom
	corner := c.worldAt(fyne.NewPos(0, 0))
	test.Scroll(w.Canvas(), fyne.NewPos(300, 200), 0, -30)
	if !near(c.view.Zoom, z1*math.Exp(-30*wheelZoom), 1e-9) {
		t.Fatalf("zoom out by the wheel: %g from %g", c.view.Zoom, z1)
	}
	if q := c.worldAt(fyne.NewPos(0, 0)); !near(q.X, corner.X, 1e-9) || !near(q.Y, corner.Y, 1e-9) {
		t.Fatalf("the point under the event moved: %v to %v", corner, q)
	}
}

func TestKeysZoomAndEscape(t *testing.T) {
	c, _ := newTestCanvas(t)
	z0 := c.view.Zoom
	cx, cy := c.view.CenterX, c.view.CenterY
	c.TypedRune('+')
	if !near(c.view.Zoom, z0*zoomStep, 1e-9) || !near(c.view.CenterX, cx, 1e-6) || !near(c.view.CenterY, cy, 1e-6) {
		t.Fatalf("+ gave zoom %g centre (%g,%g); want %g about the same centre", c.view.Zoom, c.view.CenterX, c.view.CenterY, z0*zoomStep)
	}
	c.TypedRune('-')
	if !near(c.view.Zoom, z0, 1e-9) {
		t.Fatalf("- did not undo +: %g vs %g", c.view.Zoom, z0)
	}
	c.ex.selectNode(0)
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.ex.selected != -1 {
		t.Fatal("Esc did not clear the selection")
	}
}

func TestTapSelectsEntityAndBackgroundClears(t *testing.T) {
	c, w := newTestCanvas(t)
	cnil := node(t, c.ex.g, "cnil")
	test.TapCanvas(w.Canvas(), screenPos(c, cnil))
	if c.ex.selected != cnil {
		t.Fatalf("tapping CNIL selected %d", c.ex.selected)
	}
	if h := c.ex.scene.Highlight(); h.Selected != cnil {
		t.Fatalf("scene highlight %+v", h)
	}
	c.lastTap = time.Time{} // not a double-click
	test.TapCanvas(w.Canvas(), backgroundPoint(t, c))
	if c.ex.selected != -1 {
		t.Fatal("tapping the background did not clear the selection")
	}
}

func TestDoubleTapOpensNeighbourhood(t *testing.T) {
	c, w := newTestCanvas(t)
	var got int32 = -2
	c.onDoubleTap = func(i int32) { got = i }
	c.doubleTap = time.Minute // a slow machine must not split the double-click
	noyb := node(t, c.ex.g, "noyb")
	p := screenPos(c, noyb)
	test.TapCanvas(w.Canvas(), p)
	test.TapCanvas(w.Canvas(), p)
	if got != noyb {
		t.Fatalf("double-click reported %d, want noyb %d", got, noyb)
	}
}

func TestDragEntityMovesAndPinsIt(t *testing.T) {
	c, w := newTestCanvas(t)
	ico := node(t, c.ex.g, "ico")
	start := screenPos(c, ico)
	var pinned int32 = -1
	var at render.Point
	c.onNodeMoved = func(i int32, p render.Point) { pinned, at = i, p }
	view := c.view
	old := c.ex.pos[ico]
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	test.Drag(w.Canvas(), start, 30, 20)
	if c.view != view {
		t.Fatal("dragging an entity moved the view")
	}
	want := render.Point{X: old.X + 30/view.Zoom, Y: old.Y + 20/view.Zoom}
	got := c.ex.pos[ico]
	if !near(got.X, want.X, 1e-9) || !near(got.Y, want.Y, 1e-9) {
		t.Fatalf("ICO is at %v, want %v (under the pointer)", got, want)
	}
	if pinned != ico || at != got {
		t.Fatalf("layout pin: node %d at %v", pinned, at)
	}
	if c.ex.scene.Positions()[ico] != got {
		t.Fatal("the scene did not get the new position")
	}
}

func TestHoverShowsTooltip(t *testing.T) {
	c, w := newTestCanvas(t)
	cnil := node(t, c.ex.g, "cnil")
	test.MoveMouse(w.Canvas(), screenPos(c, cnil))
	if c.ex.hovered != cnil {
		t.Fatalf("hovered %d, want CNIL", c.ex.hovered)
	}
	if !c.r.tip.box.Visible() || c.r.tip.lines[0].Text != "CNIL" {
		t.Fatalf("tooltip %v %q", c.r.tip.box.Visible(), c.r.tip.lines[0].Text)
	}
	if want := tooltipDetail("regulator", c.ex.g.Degree(cnil)); c.r.tip.lines[1].Text != want {
		t.Fatalf("tooltip detail %q, want %q", c.r.tip.lines[1].Text, want)
	}
	test.MoveMouse(w.Canvas(), backgroundPoint(t, c))
	if c.ex.hovered != -1 || c.r.tip.box.Visible() {
		t.Fatal("moving off the entity kept the hover")
	}
}

func TestFramePlacementMapsWorldPoints(t *testing.T) {
	drawn := render.Viewport{CenterX: 10, CenterY: -5, Zoom: 2, Width: 800, Height: 600, Scale: 2}
	cur := drawn
	cur.CenterX, cur.CenterY, cur.Zoom = 3, 7, 3.5
	x0, y0, w, h := framePlacement(drawn, cur)
	for _, p := range []render.Point{{X: 0, Y: 0}, {X: 40, Y: -20}, {X: -13, Y: 9}} {
		// where the frame drew p (logical pixels of the frame)
		fx, fy := drawn.ToScreen(p)
		fx, fy = fx/drawn.Scale, fy/drawn.Scale
		// where the placed image shows it
		sx := float64(x0) + fx*float64(w)/(float64(drawn.Width)/drawn.Scale)
		sy := float64(y0) + fy*float64(h)/(float64(drawn.Height)/drawn.Scale)
		// where the current view wants it
		cx, cy := cur.ToScreen(p)
		if !near(sx, cx/cur.Scale, 1e-3) || !near(sy, cy/cur.Scale, 1e-3) {
			t.Fatalf("%v shown at (%g,%g), belongs at (%g,%g)", p, sx, sy, cx/cur.Scale, cy/cur.Scale)
		}
	}
}

func TestPanMovesTheCachedFrameAtOnce(t *testing.T) {
	c, _ := newTestCanvas(t)
	c.synchronous = false
	c.queue.post = func(func()) {} // frames never arrive: only the cached one shows
	before := c.r.img.Position()
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: backgroundPoint(t, c)}, Dragged: fyne.NewDelta(25, 15)})
	c.DragEnd()
	if got := c.r.img.Position(); !near(float64(got.X-before.X), 25, 1e-3) || !near(float64(got.Y-before.Y), 15, 1e-3) {
		t.Fatalf("the cached frame moved from %v to %v, want +(25,15)", before, got)
	}
}
