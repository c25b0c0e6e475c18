package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// Layout algorithm names, as the View menu and the toolbar show them (the
// registry's display names, view.Algorithms).
const (
	layoutFA2      = "ForceAtlas2"
	layoutCircular = "Circular"
	layoutRadial   = "Radial"
	layoutLayered  = "Layered"
)

// layoutLabel is an algorithm's name in the interface's language.
func layoutLabel(name string) string {
	switch name {
	case layoutCircular:
		return lang.L("Circular")
	case layoutRadial:
		return lang.L("Radial")
	case layoutLayered:
		return lang.L("Layered")
	}
	return name
}

// layoutNames lists the algorithms offered, in the registry's order.
var layoutNames = view.DisplayNames()

// The layout runs as one task (u.layout): ForceAtlas2 and the one-shot
// layouts share it, so a newer layout request always wins over an older
// one, and Pause, a finished run or a replaced graph report their state
// through the task, in order (layoutState).

// newLayoutTask makes the window's layout task.
func (u *ui) newLayoutTask() {
	u.layout = newTask[layoutResult, layoutProgress]()
	u.layout.OnProgress = u.layoutProgressed
	u.layout.OnState = u.layoutState
	u.layoutDlg.win = u.win
}

// startLayout prepares ForceAtlas2 from the explorer's positions and
// starts it (tests: only prepares it).
func (u *ui) startLayout() {
	g := u.ex.g
	if g.NodeCount() == 0 {
		return
	}
	r, err := runnerFor(g, u.ex.scene, u.ex.pos)
	if err != nil {
		u.showError(err)
		return
	}
	u.runner = r
	u.applyLayoutBudget()
	// the overlap removal at the end of a run is sized for the canvas
	r.SetViewSize(u.canvasViewSize())
	u.layoutName = layoutFA2
	u.toolbar.setLayoutName(layoutFA2)
	u.pinFromGraph()
	if u.holdLayout {
		u.toolbar.setRunning(false, -1)
		return
	}
	if u.asDrawn {
		u.toolbar.setState(false, lang.L("as drawn in the file (▶ lays it out)"))
		return
	}
	if u.still {
		u.toolbar.setRunning(false, -1)
		return
	}
	if u.startFirstView() {
		return
	}
	if g.NodeCount() > deferLayoutLimit && u.canvas != nil && !u.canvas.synchronous && u.canvas.frame.img == nil {
		// show the start positions first, then lay out progressively
		u.toolbar.setRunning(true, -1)
		c := u.canvas
		u.afterFirstFrame(func() {
			if u.canvas == c && u.runner == r && !u.layout.Running() {
				u.runFA2()
			}
		})
		return
	}
	u.runFA2()
}

// runFA2 starts (or continues) ForceAtlas2 with a fresh time budget; it
// replaces any layout run in flight.
func (u *ui) runFA2() {
	r := u.runner
	if r == nil {
		return
	}
	u.leaveFirstView()
	u.layoutName = layoutFA2
	u.toolbar.setLayoutName(layoutFA2)
	u.layoutDlg.hide()
	u.noteLayoutStart()
	u.layout.Start(r.run, u.layoutFinished)
}

// layoutProgressed takes positions from the running ForceAtlas2, or a
// one-shot layout's progress for its dialog.
func (u *ui) layoutProgressed(p layoutProgress) {
	if p.pos == nil {
		if p.total > 0 {
			u.layoutDlg.setText(fmt.Sprintf(lang.L("Computing the %s layout… %d%%"), layoutLabel(u.layoutName), 100*p.done/p.total))
		}
		return
	}
	t := time.Now()
	if u.showLayoutPositions(p.pos) {
		u.toolbar.setRunning(true, p.iter)
		u.runner.noteFrameCost(u.canvas.frame.took)
		trace("layout", "publish", "iter", p.iter, "ms", time.Since(t), "frame", u.canvas.frame.took)
	}
}

// showLayoutPositions puts a layout's positions on the canvas (a node
// being dragged stays under the pointer); false when they are not for the
// graph on screen.
func (u *ui) showLayoutPositions(pos []render.Point) bool {
	if u.runner == nil || u.ex == nil || len(pos) != u.ex.g.NodeCount() {
		return false
	}
	if c := u.canvas; c.drag == dragNode && c.dragNode >= 0 && int(c.dragNode) < len(pos) {
		pos[c.dragNode] = u.ex.pos[c.dragNode]
	}
	u.ex.setPositions(pos)
	if sz := u.canvas.Size(); sz.Width > 0 {
		u.runner.SetViewSize(float64(sz.Width), float64(sz.Height))
	}
	if u.canvas.autoFit {
		u.canvas.refit()
	} else {
		u.canvas.requestRender()
	}
	return true
}

// layoutFinished takes the result of a layout run that ended by itself
// (ForceAtlas2 settled or out of time; a one-shot layout computed).
func (u *ui) layoutFinished(res layoutResult, err error) {
	if err != nil {
		u.showError(err)
		return
	}
	u.layoutIter, u.layoutEnd = res.iter, res.end
	if res.name == layoutFA2 {
		if u.showLayoutPositions(res.pos) {
			u.commitLayout(res.name)
		}
		return
	}
	if u.runner == nil || len(res.pos) != u.ex.g.NodeCount() {
		return
	}
	u.ex.setPositions(res.pos)
	u.runner.SetPositions(res.pos)
	u.canvas.Fit()
	u.commitLayout(res.name)
}

// layoutState shows the layout task's state on the toolbar and the status
// line: the one place that decides them, so that they always tell the
// latest run's state.
func (u *ui) layoutState(s task.State) {
	if s != task.Running {
		u.layoutDlg.hide()
	}
	if u.toolbar == nil {
		return
	}
	fa2 := u.layoutName == layoutFA2
	switch s {
	case task.Running:
		if fa2 {
			u.toolbar.setRunning(true, -1)
		} else {
			u.toolbar.setState(true, fmt.Sprintf(lang.L("computing the %s layout…"), layoutLabel(u.layoutName)))
		}
	case task.Done:
		if fa2 {
			u.toolbar.setState(false, u.layoutDoneText())
		} else {
			u.toolbar.setState(false, fmt.Sprintf(lang.L("%s layout"), layoutLabel(u.layoutName)))
		}
	case task.Failed:
		u.toolbar.setState(false, lang.L("layout failed"))
	default: // Paused, Cancelled
		u.toolbar.setRunning(false, -1)
	}
}

// toggleLayout pauses the layout run in flight, or continues
// ForceAtlas2.
func (u *ui) toggleLayout() {
	if u.runner == nil {
		return
	}
	if u.layout.Running() {
		u.layout.Pause()
		return
	}
	u.runFA2()
}

// setLayout switches the layout algorithm. ForceAtlas2 animates from the
// current positions; the others are computed in the background (on a
// snapshot of the graph) and replace them.
func (u *ui) setLayout(name string) {
	if u.ex == nil || u.ex.g.NodeCount() == 0 || u.runner == nil {
		return
	}
	u.toolbar.setLayoutName(name)
	if name == u.layoutName && name != layoutFA2 {
		return
	}
	if name == layoutFA2 {
		u.runFA2()
		return
	}
	u.runStatic(name)
}

// runStatic computes a one-shot layout as the layout task's latest run
// (on a snapshot of the graph and the scene), with a progress dialog that
// can cancel it.
func (u *ui) runStatic(name string) {
	u.leaveFirstView()
	u.layoutName = name
	u.noteLayoutStart()
	ex := u.ex
	g, scene, focus := ex.snapshot(), ex.scene.Snapshot(), ex.selected
	u.layout.Start(func(ctx context.Context, progress func(layoutProgress)) (layoutResult, error) {
		pos, err := staticLayoutProgress(ctx, g, scene, name, focus, func(done, total int) {
			progress(layoutProgress{done: done, total: total})
		})
		return layoutResult{pos: pos, name: name}, err
	}, u.layoutFinished)
	u.layoutDlg.arm(u.layout, fmt.Sprintf(lang.L("Computing the %s layout…"), layoutLabel(name)))
}

// staticLayout computes a one-shot layout from the registry, as
// `linkscope layout` and `linkscope export` do: Circular (grouped by
// entity type, hubs first), Radial (around focus, or the most connected
// entity when focus is -1) or Layered (Sugiyama, top to bottom); the
// window's seed makes ForceAtlas2 the same as theirs too. Only the
// scene's fixed part (sizes, bundles) is read, so it may run in the
// background.
func staticLayout(ctx context.Context, g *graph.Graph, s *render.Scene, name string, focus int32) ([]render.Point, error) {
	return staticLayoutProgress(ctx, g, s, name, focus, nil)
}

// staticLayoutProgress is staticLayout reporting its progress.
func staticLayoutProgress(ctx context.Context, g *graph.Graph, s *render.Scene, name string, focus int32, progress func(done, total int)) ([]render.Point, error) {
	return view.Layout(ctx, g, s, windowRequest(name, focus), progress)
}

// windowRequest is the layout request the window makes.
func windowRequest(name string, focus int32) view.LayoutRequest {
	return view.LayoutRequest{Algo: name, Seed: view.DefaultSeed, Focus: focus}
}

// tabsShare is the share of the window's width the Search, Filters and
// Paths tabs get at first, canvasShare the canvas's share of the rest
// (the details panel has the remainder).
const (
	tabsShare   = 0.23
	canvasShare = 0.74
)

// canvasViewSize is the canvas's size in logical pixels, or the size it
// will have in a window of the default size when it is not laid out yet.
func (u *ui) canvasViewSize() (float64, float64) {
	if u.canvas != nil {
		if sz := u.canvas.Size(); sz.Width > 50 && sz.Height > 50 {
			return float64(sz.Width), float64(sz.Height)
		}
	}
	if u.win != nil {
		if sz := u.win.Canvas().Size(); sz.Width > 700 && sz.Height > 200 {
			// the side panels take their shares (and the dividers
			// 8 px), the bars 118 px
			return float64(sz.Width)*(1-tabsShare)*canvasShare - 8, float64(sz.Height) - 118
		}
	}
	return 640, 680
}
