package gui

import (
	"context"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
)

// realCanvas is the canvas's size in logical pixels in a real 1280×800
// window (Xvfb, the default theme), as LINKSCOPE_DEBUG=1 logs it ("first
// view: ..."). The test driver draws no menu bar: a test window the
// height of the real one less the menu bar's has the same canvas.
var realCanvas = fyne.NewSize(714.3, 680.8)

// menuBarHeight is the height of the menu bar the GLFW driver draws at
// the top of a window: a menu's title and the theme's inner padding.
func menuBarHeight() float32 {
	return canvas.NewText("File", theme.Color(theme.ColorNameForeground)).MinSize().Height + theme.InnerPadding()
}

// newFirstViewUI opens the window on the Clearview case as a user does
// (no still placement), in a 1280×800 window (less the menu bar the test
// driver leaves out), and plays the UI goroutine until the first view is
// laid out and fitted to the canvas's real size.
func newFirstViewUI(t *testing.T, legend bool) *ui {
	t.Helper()
	q := queueUI(t)
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefLegend, legend)
	u := newUIWith(a, "", false)
	t.Cleanup(func() {
		u.layout.Cancel()
		u.win.Close()
	})
	u.win.Resize(fyne.NewSize(1280, 800-menuBarHeight()))
	for u.first != nil && (u.first.raw == nil || u.layout.Running()) {
		q.wait()
		q.run()
	}
	q.run()
	if u.first == nil {
		t.Fatal("the first view was not computed")
	}
	return u
}

// TestFirstViewIsTheExportsPipeline checks that the window's first view
// of the Clearview case is `linkscope export`'s drawing: the registry's
// ForceAtlas2 with the window's seed, fitted by view.FitPicture to the
// canvas's real size (with its legend), and that at that fitted zoom the
// label of every entity is drawn, none over another.
func TestFirstViewIsTheExportsPipeline(t *testing.T) {
	u := newFirstViewUI(t, true)
	sz := u.canvas.Size()
	if math.Abs(float64(sz.Width-realCanvas.Width)) > 1 || math.Abs(float64(sz.Height-realCanvas.Height)) > 1 {
		t.Fatalf("canvas %v in a 1280×800 window, %v in the real one", sz, realCanvas)
	}
	g := u.ex.g
	scene := render.NewScene(g)
	raw, err := view.Layout(context.Background(), g, scene, windowRequest(layoutFA2, view.NoFocus), nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := view.FitPicture(raw, scene, u.fitOptions(float64(sz.Width), float64(sz.Height)))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range want {
		if u.ex.pos[i] != p {
			t.Fatalf("%s at %v in the window, %v in the export's pipeline for a %v canvas", g.Node(int32(i)).ID, u.ex.pos[i], p, sz)
		}
	}
	// ForceAtlas2 refines from there when asked
	if got := u.runner.fa.Positions()[0]; got.X != want[0].X || got.Y != want[0].Y {
		t.Errorf("ForceAtlas2 would start from %v, not the first view's %v", got, want[0])
	}
	v := u.canvas.currentView()
	rep := render.LabelStats(u.ex.scene, v, u.renderOptions())
	t.Logf("%v canvas: %d labels placed, %d hidden", sz, rep.Placed, rep.Hidden)
	if n := g.NodeCount(); rep.Placed != n || rep.Hidden != 0 {
		t.Errorf("only %d of %d entities labelled at the fitted zoom", rep.Placed, n)
	}
	labels := render.Labels(u.ex.scene, v, u.renderOptions())
	for i, l := range labels {
		for _, m := range labels[i+1:] {
			if l.Rect.Overlaps(m.Rect) {
				t.Fatalf("labels %q and %q overlap", l.Text, m.Text)
			}
		}
	}
}

// TestFirstViewWithoutLegendLabelsEveryEntity: with the legend off, every
// entity of the Clearview case is labelled in the first view of a
// 1280×800 window.
func TestFirstViewWithoutLegendLabelsEveryEntity(t *testing.T) {
	u := newFirstViewUI(t, false)
	rep := render.LabelStats(u.ex.scene, u.canvas.currentView(), u.renderOptions())
	if rep.Hidden != 0 || rep.Placed != u.ex.g.NodeCount() {
		t.Errorf("%d labels placed, %d hidden", rep.Placed, rep.Hidden)
	}
}

// TestFitWithTheLegend checks that Fit with the legend on fills the area
// the legend leaves free at the scale a legend-free fit of that area
// has (not a quarter of the canvas), that no entity lies under the
// legend, and that a window opened with the legend remembered on fits the
// same way.
func TestFitWithTheLegend(t *testing.T) {
	u := newTestUI(t)
	u.setLegend(false)
	u.canvas.Fit()
	off := u.canvas.currentView()
	u.setLegend(true)
	u.canvas.Fit()
	on := u.canvas.currentView()
	sc := on.Scale
	opts := render.ImageOptions{Width: int(float64(on.Width)/sc + 0.5), Height: int(float64(on.Height)/sc + 0.5), Scale: sc,
		Margin: canvasMargin, Options: u.renderOptions()}
	x0, y0, x1, y1 := render.FreeArea(u.ex.scene, opts)
	if x1-x0 >= float64(opts.Width) && y1-y0 >= float64(opts.Height) {
		t.Fatal("the legend leaves the whole canvas free")
	}
	// the legend-free fit of a canvas the size of the free area
	free := render.ExportViewport(u.ex.scene, render.ImageOptions{Width: int(x1 - x0), Height: int(y1 - y0), Scale: sc, Margin: canvasMargin,
		Options: render.Options{Theme: u.renderTheme()}})
	if r := on.Zoom / free.Zoom; math.Abs(r-1) > 0.03 {
		t.Errorf("with the legend the zoom is %.3g, a fit of the free %g×%g area %.3g", on.Zoom, x1-x0, y1-y0, free.Zoom)
	}
	if on.Zoom < 0.5*off.Zoom {
		t.Errorf("the legend shrinks the graph from zoom %.3g to %.3g", off.Zoom, on.Zoom)
	}
	for i, p := range u.ex.pos {
		x, y := on.ToScreen(p)
		x, y = x/sc, y/sc
		if x < x0 || x > x1 || y < y0 || y > y1 {
			t.Errorf("%s at (%.0f, %.0f), outside the free area", u.ex.g.Node(int32(i)).ID, x, y)
		}
	}
	// a later launch with the legend remembered opens at the same scale
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefLegend, true)
	u2 := newUIWith(a, "", true)
	t.Cleanup(u2.win.Close)
	u2.win.Resize(fyne.NewSize(1280, 800))
	if v := u2.canvas.currentView(); math.Abs(v.Zoom/on.Zoom-1) > 0.03 {
		t.Errorf("a launch with the legend remembered opens at zoom %.3g, Fit gives %.3g", v.Zoom, on.Zoom)
	}
}

// TestSnapshotExtras checks the snapshot option: the picture gets the
// chart's title, its legend and a source line, the graph refitted around
// them, and the plain snapshot stays what is on screen.
func TestSnapshotExtras(t *testing.T) {
	u := newTestUI(t)
	if o := u.snapshotOptions(); o.Title != "" || o.Source != "" || o.Viewport == nil {
		t.Fatalf("the plain snapshot is not the view on screen: %+v", o)
	}
	u.setSnapshotExtras(true)
	o := u.snapshotOptions()
	if o.Title != u.ex.g.Title || o.Source == "" || !o.Legend || o.Viewport != nil {
		t.Fatalf("with the extras: title %q, source %q, legend %v, viewport %v", o.Title, o.Source, o.Legend, o.Viewport)
	}
	x0, y0, x1, y1 := render.FreeArea(u.ex.scene, o)
	v := render.ExportViewport(u.ex.scene, o)
	for _, p := range u.ex.pos {
		x, y := v.ToScreen(p)
		if x < x0 || x > x1 || y < y0 || y > y1 {
			t.Fatalf("an entity at (%.0f, %.0f) lies under the title, source line or legend (free %g,%g–%g,%g)", x, y, x0, y0, x1, y1)
		}
	}
	if !u.prefs.p.Bool(prefSnapshotExtras) {
		t.Error("the option is not remembered")
	}
}
