package gui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The timeline view and the graph select together: tapping an event
// selects its relation (subject selected, relation highlighted), tapping
// a line its entity, and a selection made in the graph shows on the
// timeline.
func TestTimelineViewLinksSelection(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	cnil, ico, cv := node(t, g, "cnil"), node(t, g, "ico"), node(t, g, "clearview-ai")
	u.timeline.entities = []int32{cnil, ico, cv}
	u.showTimeline(true)
	if u.canvas.Visible() || !u.timeline.content.Visible() {
		t.Fatal("the timeline view is not in the canvas's place")
	}
	c := u.timeline.chart
	c.Resize(fyne.NewSize(900, 500))
	c.draw(900, 500)
	if c.geom == nil || len(c.scene.Lines) != 3 {
		t.Fatal("the chart was not drawn")
	}
	fine := -1
	for k, e := range c.scene.Events {
		if g.Edge(e.Edge).ID == "cnil-fined-clearview-2022" {
			fine = k
		}
	}
	if fine < 0 {
		t.Fatal("the 2022 fine is not on the timeline")
	}
	e := c.scene.Events[fine]
	y := (c.geom.LineY[e.From] + c.geom.LineY[e.To]) / 2
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(c.geom.EventX[fine]), float32(y))}})
	if got := u.timeline.info.Text; got != "CNIL fined Clearview AI · 2022-10-17 · €20M" {
		t.Errorf("hovering the fine: %q", got)
	}
	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(c.geom.EventX[fine]), float32(y))})
	if u.ex.selected != cnil || len(u.ex.pathEdges) != 1 || u.ex.pathEdges[0] != e.Edge {
		t.Fatalf("tapping the fine: selected %d, highlighted %v", u.ex.selected, u.ex.pathEdges)
	}
	for _, ev := range c.scene.Events {
		if ev.Selected != (ev.Edge == e.Edge) {
			t.Fatalf("event %d selected %v after tapping the fine", ev.Edge, ev.Selected)
		}
	}
	// a line: its entity
	c.draw(900, 500)
	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(c.geom.Right-5), float32(c.geom.LineY[1]))})
	if u.ex.selected != ico {
		t.Fatalf("tapping ICO's line selected %d", u.ex.selected)
	}
	// the graph selects, the timeline follows
	u.selectNode(cv, false)
	if !c.scene.Lines[2].Selected || c.scene.Lines[1].Selected {
		t.Fatal("the timeline does not show the graph's selection")
	}
	// as of 2021-12-31 the fine is gone from the timeline too
	u.filters.setAsOfDate(20211231)
	for _, ev := range c.scene.Events {
		if g.Edge(ev.Edge).Type == "fined" {
			t.Fatal("a fine on the timeline as of 2021-12-31")
		}
	}
	// zoom and pan change the days shown
	a0, b0 := c.window()
	c.zoom(0.5, 0.5)
	if a, b := c.window(); b-a >= b0-a0 {
		t.Fatalf("zoom in: %v..%v was %v..%v", a, b, a0, b0)
	}
	a1, _ := c.window()
	c.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-50, 0)})
	if a, _ := c.window(); a <= a1 {
		t.Fatal("dragging left did not move later")
	}
	// exported by the same renderer
	dir := t.TempDir()
	for _, name := range []string{"t.png", "t.svg"} {
		p := filepath.Join(dir, name)
		if err := u.timeline.writeTo(p); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(p); err != nil || st.Size() < 500 {
			t.Fatalf("%s: %v", name, err)
		}
	}
	u.showTimeline(false)
	if !u.canvas.Visible() {
		t.Fatal("the graph did not come back")
	}
}
