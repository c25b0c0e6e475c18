package gui

import (
	"context"
	"fmt"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/render/arrange"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// Layout algorithm names, as the View menu and the toolbar show them.
const (
	layoutFA2      = "ForceAtlas2"
	layoutCircular = "Circular"
	layoutRadial   = "Radial"
	layoutLayered  = "Layered"
)

// layoutNames lists the algorithms offered.
var layoutNames = []string{layoutFA2, layoutCircular, layoutRadial, layoutLayered}

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
	r, err := newLayoutRunner(g, u.ex.scene, u.ex.pos)
	if err != nil {
		u.showError(err)
		return
	}
	u.runner = r
	u.layoutName = layoutFA2
	u.toolbar.setLayoutName(layoutFA2)
	if u.still {
		u.toolbar.setRunning(false, -1)
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
	u.layoutName = layoutFA2
	u.toolbar.setLayoutName(layoutFA2)
	u.layoutDlg.hide()
	u.layout.Start(r.run, u.layoutFinished)
}

// layoutProgressed takes positions from the running ForceAtlas2.
func (u *ui) layoutProgressed(p layoutProgress) {
	if u.showLayoutPositions(p.pos) {
		u.toolbar.setRunning(true, p.iter)
	}
}

// showLayoutPositions puts a layout's positions on the canvas (a node
// being dragged stays under the pointer); false when they are not for the
// graph on screen.
func (u *ui) showLayoutPositions(pos []render.Point) bool {
	if u.runner == nil || u.ex == nil || len(pos) != u.ex.g.NodeCount() {
		return false
	}
	if c := u.canvas; c.drag == dragNode && c.dragNode >= 0 {
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
	u.layoutIter = res.iter
	if res.name == layoutFA2 {
		u.showLayoutPositions(res.pos)
		return
	}
	if u.runner == nil || len(res.pos) != u.ex.g.NodeCount() {
		return
	}
	u.ex.setPositions(res.pos)
	u.runner.SetPositions(res.pos)
	u.canvas.Fit()
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
			u.toolbar.setState(true, "computing the "+u.layoutName+" layout…")
		}
	case task.Done:
		if fa2 {
			u.toolbar.setRunning(false, u.layoutIter)
		} else {
			u.toolbar.setState(false, u.layoutName+" layout")
		}
	case task.Failed:
		u.toolbar.setState(false, "layout failed")
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

// runStatic computes a one-shot layout as the layout task's latest run,
// with a progress dialog that can cancel it.
func (u *ui) runStatic(name string) {
	u.layoutName = name
	ex := u.ex
	g, radii, focus := ex.snapshot(), ex.scene.Radii(), int(ex.selected)
	u.layout.Start(func(ctx context.Context, _ func(layoutProgress)) (layoutResult, error) {
		pos, err := runStaticLayout(ctx, g, radii, name, focus)
		return layoutResult{pos: pos, name: name}, err
	}, u.layoutFinished)
	u.layoutDlg.arm(u.layout, "Computing the "+name+" layout…")
}

// staticLayout computes a one-shot layout: Circular (grouped by entity
// type, hubs first), Radial (around focus, or the most connected entity)
// or Layered (Sugiyama, top to bottom).
func staticLayout(g *graph.Graph, radii []float64, name string, focus int) ([]render.Point, error) {
	lg := arrange.Input(g)
	lg.Size = radii
	var pos []layout.Point
	switch name {
	case layoutCircular:
		pos = layout.Circular(lg, layout.CircularOptions{ByDegree: true})
	case layoutRadial:
		res, err := layout.Radial(lg, layout.RadialOptions{Focus: focus})
		if err != nil {
			return nil, err
		}
		pos = res.Pos
	case layoutLayered:
		res, err := layout.Layered(lg, layout.LayeredOptions{})
		if err != nil {
			return nil, err
		}
		pos = res.Pos
	default:
		return nil, fmt.Errorf("unknown layout %q", name)
	}
	out := make([]render.Point, len(pos))
	for i, p := range pos {
		out[i] = render.Point(p)
	}
	return out, nil
}
