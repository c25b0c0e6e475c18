package gui

import (
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// apply changes the graph on screen through the model's one entry point
// (graph.Apply, with undo) and brings the window up to date.
func (u *ui) apply(cmd graph.Command) error {
	sel := u.selection()
	if err := u.change(func() error { return u.ex.g.Apply(cmd) }); err != nil {
		return err
	}
	u.pushSelection(&u.undoSel, sel)
	u.redoSel = nil
	return nil
}

// change runs do, which changes the graph on screen through its history
// (Apply, Undo or Redo), and brings the window up to date.
func (u *ui) change(do func() error) error {
	t0 := time.Now()
	before := u.ex.snapshot()
	pos := u.ex.pos
	if err := do(); err != nil {
		return err
	}
	t1 := time.Now()
	u.recordUnplaced(before, pos)
	u.graphChanged(before)
	u.updateEditMenu()
	if tracing("filter") {
		// the UI goroutine's part of a change: the command, then the
		// window brought up to date (the frame follows, off it)
		trace("filter", "change", "ms", time.Since(t0), "apply_ms", t1.Sub(t0))
	}
	return nil
}

// graphChanged brings the window up to date after the graph on screen
// changed from before (a snapshot taken before the change).
//
// Entities whose position the change set (a move, a layout, their undo)
// go there. When only the chart or the entities' fields changed, the
// layout is left as it is. When the graph grew (entities and relations
// added, the ones before keeping their indices), nothing starts again:
// every entity keeps its place, a running or settled ForceAtlas2
// continues around the new ones (FA2.Grow), a paused one only places
// them, a one-shot layout being computed is computed again for the grown
// graph, and searches made from now on read the grown graph. Otherwise
// (entities removed or renumbered) the window starts again on the changed
// graph with each entity where it was, the same view and selection, and
// the layout paused.
func (u *ui) graphChanged(before *graph.Graph) {
	ex, g := u.ex, u.ex.g
	ex.readChart()
	if !keepsEntities(before, g) {
		u.rebuild(before)
		return
	}
	pos := make([]render.Point, g.NodeCount())
	copy(pos, ex.pos)
	moved := u.placementChanges(before, g, pos)
	inPlace := before.NodeCount() == g.NodeCount() && before.EdgeCount() == g.EdgeCount() && keepsRelations(before, g)
	chartOnly := inPlace && !sceneStale(before, g)
	switch {
	case chartOnly:
		// only the chart or positions changed: the scene stays (and its
		// grid, when nothing moved: rebuilding it took 10 ms of a type
		// toggle at 100k entities)
		if len(moved) > 0 {
			ex.setPositions(pos)
		}
		ex.applyFilters()
		if len(moved) == 0 {
			// a note, a pin, the chart: the details may say it
			ex.selectionChanged()
		}
		if u.runner != nil {
			u.runner.place(moved)
			u.syncPins(before)
		}
	case inPlace:
		ex.grown(pos)
		if u.runner != nil {
			u.runner.place(moved)
			u.syncPins(before)
		}
	default:
		if !keepsRelations(before, g) && u.paths != nil {
			u.paths.clearResults("")
		}
		shown := pos[:before.NodeCount()]
		ex.grown(pos)
		if u.runner == nil {
			// the graph was empty: lay it out from scratch
			ex.setPositions(initialPositions(g, view.DefaultSeed))
			u.startLayout()
		} else if p, err := u.runner.grow(g, ex.scene, shown); err != nil {
			u.showError(err)
		} else {
			for i, q := range moved {
				p[i] = q
			}
			u.runner.place(moved)
			ex.setPositions(p)
			switch state := u.layout.State(); {
			case u.layoutName == layoutFA2 && (state == task.Running || state == task.Done):
				u.runFA2()
			case u.layoutName != layoutFA2 && state == task.Running:
				u.runStatic(u.layoutName)
			}
		}
	}
	if u.filters != nil {
		u.filters.sync()
	}
	if u.canvas.autoFit && !inPlace {
		u.canvas.refit()
	} else {
		u.canvas.requestRender()
	}
	// a chart-only change (a filter) changes neither the matches nor the
	// most connected entities: at 100k entities listing those again took
	// a third of a type toggle
	if u.search != nil && !chartOnly {
		u.search.update()
	}
	u.updateStatus()
}

// keepsEntities reports whether g's first entities are before's, at the
// same indices.
func keepsEntities(before, g *graph.Graph) bool {
	n := before.NodeCount()
	if g.NodeCount() < n {
		return false
	}
	for i := int32(0); i < int32(n); i++ {
		if g.Node(i).ID != before.Node(i).ID {
			return false
		}
	}
	return true
}

// keepsRelations reports whether g's first relations are before's, at
// the same indices and with the same ends.
func keepsRelations(before, g *graph.Graph) bool {
	m := before.EdgeCount()
	if g.EdgeCount() < m {
		return false
	}
	for e := int32(0); e < int32(m); e++ {
		a, b := before.Edge(e), g.Edge(e)
		if a.ID != b.ID || a.From != b.From || a.To != b.To {
			return false
		}
	}
	return true
}

// positionsByID places g's entities where the entities of before with the
// same ids were (pos), new ones at the origin.
func positionsByID(before *graph.Graph, pos []render.Point, g *graph.Graph) []render.Point {
	out := make([]render.Point, g.NodeCount())
	for i := range out {
		if j, ok := before.NodeIndex(g.Node(int32(i)).ID); ok && int(j) < len(pos) {
			out[i] = pos[j]
		}
	}
	return out
}
