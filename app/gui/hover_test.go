package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/linkscope/linkscope/app/render"
)

// tip returns the tooltip's title, "" when it is hidden.
func tip(c *graphCanvas) string {
	if c.r == nil || !c.r.tip.box.Visible() {
		return ""
	}
	return c.r.tip.lines[0].Text
}

// hoverOn moves the pointer over entity i.
func hoverOn(t *testing.T, c *graphCanvas, i int32) {
	t.Helper()
	c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: screenPos(c, i)}})
	if c.ex.hovered != i || tip(c) != c.ex.g.Node(i).Label {
		t.Fatalf("hovering %d shows %q (hovered %d)", i, tip(c), c.ex.hovered)
	}
}

// checkTip fails unless the tooltip names what is under the pointer now
// (nothing: no tooltip).
func checkTip(t *testing.T, c *graphCanvas, when string) {
	t.Helper()
	want := ""
	if i, ok := c.nodeAt(c.mouse); ok && c.hovering {
		want = c.ex.g.Node(i).Label
	}
	if got := tip(c); got != want {
		t.Fatalf("%s: the tooltip says %q, under the pointer is %q", when, got, want)
	}
}

func TestTooltipNeverOutlivesTheEntityUnderIt(t *testing.T) {
	u := newTestUI(t)
	c := u.canvas
	cnil := node(t, u.ex.g, "cnil")

	hoverOn(t, c, cnil)
	u.ex.setNodeType("regulator", false)
	checkTip(t, c, "its type switched off")
	if u.ex.hovered == cnil {
		t.Fatal("a hidden entity stays hovered")
	}
	u.ex.setNodeType("regulator", true)

	hoverOn(t, c, cnil)
	u.ex.expandFocus(node(t, u.ex.g, "walmart"))
	checkTip(t, c, "outside the neighbourhood shown")
	u.ex.clearFocus()

	hoverOn(t, c, cnil)
	c.pan(300, 200)
	checkTip(t, c, "after a pan")

	c.Fit()
	hoverOn(t, c, cnil)
	c.zoomBy(8, 10, 10)
	checkTip(t, c, "after a zoom")

	c.Fit()
	hoverOn(t, c, cnil)
	p := u.ex.pos[cnil]
	u.ex.moveNode(cnil, render.Point{X: p.X + 1e4, Y: p.Y + 1e4}) // a layout step moves it away
	checkTip(t, c, "the entity moved")

	c.Fit()
	hoverOn(t, c, cnil)
	c.MouseOut()
	checkTip(t, c, "the pointer left")
}

// Opening another graph leaves no tooltip of the old one.
func TestTooltipGoesWithTheGraph(t *testing.T) {
	u := newTestUI(t)
	hoverOn(t, u.canvas, node(t, u.ex.g, "cnil"))
	old := u.canvas
	u.showDefault()
	if tip(u.canvas) != "" || u.ex.hovered != -1 {
		t.Fatalf("the new graph shows the tooltip %q", tip(u.canvas))
	}
	if old == u.canvas {
		t.Fatal("the canvas was not replaced")
	}
}
