package gui

import (
	"context"
	"fmt"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/render/arrange"
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
	focus := int(ex.selected)
	radii := ex.scene.Radii()
	runJob(u.win, "Computing the "+name+" layout…", func(ctx context.Context) ([]render.Point, error) {
		return staticLayout(ctx, g, radii, name, focus)
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

// staticLayout computes a one-shot layout: Circular (grouped by entity
// type, hubs first), Radial (around focus, or the most connected entity)
// or Layered (Sugiyama, top to bottom).
func staticLayout(ctx context.Context, g *graph.Graph, radii []float64, name string, focus int) ([]render.Point, error) {
	lg := arrange.Input(g)
	lg.Size = radii
	var pos []layout.Point
	switch name {
	case layoutCircular:
		var err error
		if pos, err = layout.Circular(ctx, lg, layout.CircularOptions{ByDegree: true}); err != nil {
			return nil, err
		}
	case layoutRadial:
		res, err := layout.Radial(ctx, lg, layout.RadialOptions{Focus: focus})
		if err != nil {
			return nil, err
		}
		pos = res.Pos
	case layoutLayered:
		res, err := layout.Layered(ctx, lg, layout.LayeredOptions{})
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
