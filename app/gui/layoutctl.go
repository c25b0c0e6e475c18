package gui

import (
	"context"

	"github.com/linkscope/linkscope/app/render"
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

// layoutNames lists the algorithms offered, in the registry's order.
var layoutNames = view.DisplayNames()

// startLayout starts ForceAtlas2 from the explorer's positions.
func (u *ui) startLayout() {
	g := u.ex.g
	if g.NodeCount() == 0 {
		return
	}
	r, err := newLayoutRunner(g, u.ex.scene, u.ex.pos, u.layoutUpdated)
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
	r.Start()
	u.toolbar.setRunning(true, 0)
}

// layoutUpdated takes positions from the running layout.
func (u *ui) layoutUpdated(up layoutUpdate) {
	if u.runner == nil || u.ex == nil || len(up.pos) != u.ex.g.NodeCount() {
		return
	}
	if c := u.canvas; c.drag == dragNode && c.dragNode >= 0 {
		up.pos[c.dragNode] = u.ex.pos[c.dragNode]
	}
	u.ex.setPositions(up.pos)
	if sz := u.canvas.Size(); sz.Width > 0 {
		u.runner.SetViewSize(float64(sz.Width), float64(sz.Height))
	}
	if u.canvas.autoFit {
		u.canvas.refit()
	} else {
		u.canvas.requestRender()
	}
	u.toolbar.setRunning(up.running, up.iter)
}

// toggleLayout pauses or resumes ForceAtlas2.
func (u *ui) toggleLayout() {
	if u.runner == nil {
		return
	}
	if u.runner.Running() {
		u.runner.Stop()
		u.toolbar.setRunning(false, -1)
		return
	}
	if u.layoutName != layoutFA2 {
		u.layoutName = layoutFA2
		u.toolbar.setLayoutName(layoutFA2)
	}
	u.runner.Start()
	u.toolbar.setRunning(true, -1)
}

// setLayout switches the layout algorithm. ForceAtlas2 animates from the
// current positions; the others are computed in the background and
// replace them.
func (u *ui) setLayout(name string) {
	if u.ex == nil || u.ex.g.NodeCount() == 0 || u.runner == nil {
		return
	}
	u.toolbar.setLayoutName(name)
	if name == u.layoutName && name != layoutFA2 {
		return
	}
	u.layoutName = name
	if name == layoutFA2 {
		u.runner.Start()
		u.toolbar.setRunning(true, -1)
		return
	}
	u.runner.Stop()
	u.toolbar.setRunning(false, -1)
	g, ex := u.ex.g, u.ex
	focus := ex.selected
	scene := ex.scene
	runJob(u.win, "Computing the "+name+" layout…", func(ctx context.Context) ([]render.Point, error) {
		return staticLayout(ctx, g, scene, name, focus)
	}, func(pos []render.Point, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if u.ex != ex {
			return // another graph was opened meanwhile
		}
		ex.setPositions(pos)
		u.runner.SetPositions(pos)
		u.canvas.Fit()
		u.toolbar.layoutState = name + " layout"
		u.toolbar.state.SetText(u.toolbar.layoutState)
		u.updateStatus()
	})
}

// staticLayout computes a one-shot layout from the registry, as
// `linkscope layout` and `linkscope export` do: Circular (grouped by
// entity type, hubs first), Radial (around focus, or the most connected
// entity when focus is -1) or Layered (Sugiyama, top to bottom); the
// window's seed makes ForceAtlas2 the same as theirs too. Only the
// scene's fixed part (sizes, bundles) is read, so it may run in the
// background.
func staticLayout(ctx context.Context, g *graph.Graph, s *render.Scene, name string, focus int32) ([]render.Point, error) {
	return view.Layout(ctx, g, s, windowRequest(name, focus), nil)
}

// windowRequest is the layout request the window makes.
func windowRequest(name string, focus int32) view.LayoutRequest {
	return view.LayoutRequest{Algo: name, Seed: view.DefaultSeed, Focus: focus}
}
