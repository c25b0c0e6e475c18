package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// Collapsed groups: when a group of the chart is collapsed, the canvas
// draws view.CollapseGroups's chart (the model's entities at their own
// indices, the members hidden, then one node per collapsed group at its
// members' centroid with its relations summarised). The explorer keeps
// its scene of the model for the layout and the panels; drawn is the
// scene the canvas shows. Expanding only shows the members again, where
// they were.

// view is the scene the canvas draws.
func (ex *explorer) view() *render.Scene {
	if ex.drawn != nil {
		return ex.drawn
	}
	return ex.scene
}

// updateCollapsed rebuilds the drawn chart after a change of the filters
// or of the groups.
func (ex *explorer) updateCollapsed() {
	c, err := view.CollapseGroups(ex.g, ex.visibility())
	if err != nil || c == nil {
		ex.coll, ex.drawn = nil, nil
		return
	}
	ex.coll = c
	ex.drawn = render.NewScene(c.G)
	ex.drawn.SetNodeVisible(c.Vis.Nodes)
	ex.drawn.SetEdgeVisible(c.Vis.Edges)
	ex.drawnPositions()
}

// drawnPositions places the drawn chart's entities (the groups at their
// members' centroids).
func (ex *explorer) drawnPositions() {
	if ex.drawn != nil && ex.coll != nil && len(ex.pos) == ex.coll.N {
		ex.drawn.SetPositions(ex.coll.Positions(ex.pos))
	}
}

// groupAt returns the collapsed group drawn as entity i, if it is one.
func (ex *explorer) groupAt(i int32) (graph.Group, []int32, bool) { return ex.coll.GroupAt(i) }

// wireGroups lets the canvas's gestures reach collapsed groups: a click
// selects the members, a double-click expands the group, a drag moves
// its members.
func (u *ui) wireGroups() {
	c := u.canvas
	tapped, double := c.onNodeTapped, c.onDoubleTap
	c.onNodeTapped = func(i int32) {
		if _, members, ok := u.ex.groupAt(i); ok {
			u.ex.setChosen(members)
			return
		}
		if tapped != nil {
			tapped(i)
		}
	}
	c.onDoubleTap = func(i int32) {
		if gr, _, ok := u.ex.groupAt(i); ok {
			u.do(graph.Collapse{ID: gr.ID, Expand: true})
			return
		}
		if double != nil {
			double(i)
		}
	}
}

// groupMenu is the context menu of a collapsed group's node.
func (u *ui) groupMenu(gr graph.Group, members []int32) *fyne.Menu {
	return fyne.NewMenu("",
		fyne.NewMenuItem(fmt.Sprintf(lang.L("Expand %s"), groupName(gr)), func() { u.do(graph.Collapse{ID: gr.ID, Expand: true}) }),
		fyne.NewMenuItem(lang.L("Select Members"), func() { u.ex.setChosen(members) }),
		fyne.NewMenuItem(fmt.Sprintf(lang.L("Ungroup %s"), groupName(gr)),
			func() { u.do(graph.Ungroup{ID: gr.ID}) }))
}
