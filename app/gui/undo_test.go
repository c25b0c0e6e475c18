package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// menuItem finds the item of the window's menu whose label starts with
// prefix.
func menuItem(t *testing.T, u *ui, menu, prefix string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, prefix) {
				return it
			}
		}
	}
	t.Fatalf("no %q item in the %s menu", prefix, menu)
	return nil
}

// dragEntity drags entity i by (dx, dy) logical pixels on the canvas.
func dragEntity(u *ui, i int32, dx, dy float32, shift bool) {
	c := u.canvas
	at := screenPos(c, i)
	var mod fyne.KeyModifier
	if shift {
		mod = fyne.KeyModifierShift
	}
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary, Modifier: mod})
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.Add(fyne.NewPos(dx, dy))}, Dragged: fyne.NewDelta(dx, dy)})
	c.DragEnd()
	c.MouseUp(&desktop.MouseEvent{})
}

func TestUndoAfterDragMovesTheEntityBack(t *testing.T) {
	u := newTestUI(t)
	cnil := node(t, u.ex.g, "cnil")
	if it := menuItem(t, u, "Edit", "Undo"); !it.Disabled || it.Label != "Undo" {
		t.Fatalf("before any change: %q disabled=%v", it.Label, it.Disabled)
	}
	start := u.ex.pos[cnil]
	dragEntity(u, cnil, 40, 30, false)
	moved := u.ex.pos[cnil]
	if moved == start {
		t.Fatal("the drag did not move CNIL")
	}
	if nd := u.ex.g.Node(cnil); !nd.Placed || nd.X != moved.X || nd.Y != moved.Y {
		t.Fatalf("the graph has CNIL at (%g,%g) placed=%v, the canvas at %v", nd.X, nd.Y, nd.Placed, moved)
	}
	it := menuItem(t, u, "Edit", "Undo")
	if it.Disabled || it.Label != "Undo move CNIL" {
		t.Fatalf("after the drag: %q disabled=%v", it.Label, it.Disabled)
	}
	// Ctrl+Z through the window's shortcut
	typeShortcut(u, shortcutUndo)
	if got := u.ex.pos[cnil]; got != start {
		t.Fatalf("after Ctrl+Z CNIL is at %v, want %v", got, start)
	}
	if u.ex.scene.Positions()[cnil] != start {
		t.Fatal("the scene still draws CNIL moved")
	}
	// the first drag recorded where the entities were shown (one Place
	// before the Move), so the model holds CNIL where it was drawn
	if nd := u.ex.g.Node(cnil); !nd.Placed || nd.X != start.X || nd.Y != start.Y {
		t.Fatalf("after undo the graph has CNIL at (%g,%g) placed=%v, want %v", nd.X, nd.Y, nd.Placed, start)
	}
	if it := menuItem(t, u, "Edit", "Undo"); it.Disabled || !strings.HasSuffix(it.Label, " layout") {
		t.Fatalf("before the move: %q disabled=%v", it.Label, it.Disabled)
	}
	if it := menuItem(t, u, "Edit", "Redo"); it.Disabled || it.Label != "Redo move CNIL" {
		t.Fatalf("redo item %q disabled=%v", it.Label, it.Disabled)
	}
	typeShortcut(u, shortcutRedoY)
	if got := u.ex.pos[cnil]; got != moved {
		t.Fatalf("after Ctrl+Y CNIL is at %v, want %v", got, moved)
	}
	typeShortcut(u, shortcutUndo)
	typeShortcut(u, shortcutRedo)
	if got := u.ex.pos[cnil]; got != moved {
		t.Fatalf("after Ctrl+Shift+Z CNIL is at %v, want %v", got, moved)
	}
}

// typeShortcut sends a shortcut to the window as the driver would.
func typeShortcut(u *ui, s fyne.Shortcut) {
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(s)
}

func TestDragOfMultiSelectionIsOneStep(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	a, b := node(t, g, "cnil"), node(t, g, "noyb")
	u.ex.selectNode(a)
	u.ex.toggleChosen(b)
	pa, pb := u.ex.pos[a], u.ex.pos[b]
	dragEntity(u, a, 25, -15, false)
	if u.ex.pos[a] == pa || u.ex.pos[b] == pb {
		t.Fatal("both chosen entities should move")
	}
	dxA, dxB := u.ex.pos[a].X-pa.X, u.ex.pos[b].X-pb.X
	if !near(dxA, dxB, 1e-9) {
		t.Fatalf("moved by %g and %g", dxA, dxB)
	}
	if name, _ := g.UndoName(); name != "move 2 entities" {
		t.Fatalf("undo name %q", name)
	}
	u.undo()
	if u.ex.pos[a] != pa || u.ex.pos[b] != pb {
		t.Fatal("one undo should put both back")
	}
	// the selection survives
	if !u.ex.chosen[a] || !u.ex.chosen[b] {
		t.Fatal("undo lost the selection")
	}
}

func TestFilterChangesAreUndoable(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	n0, m0 := u.ex.visibleCount()
	test.Tap(u.filters.nodeTypes["regulator"])
	if !g.TypeHidden("regulator") {
		t.Fatal("unticking regulator did not hide the type in the chart")
	}
	n1, _ := u.ex.visibleCount()
	if n1 >= n0 {
		t.Fatal("regulators still shown")
	}
	if name, _ := g.UndoName(); name != "hide regulator" {
		t.Fatalf("undo name %q", name)
	}
	u.filters.setAsOfDate(20211231)
	if g.Chart().Settings[chartAsOf] != "2021-12-31" || u.ex.filter.asOf != 20211231 {
		t.Fatalf("timeline: chart %q, filter %d", g.Chart().Settings[chartAsOf], u.ex.filter.asOf)
	}
	test.Tap(u.filters.isolated)
	if g.Chart().Settings[chartHideIsolated] != "true" || !u.ex.filter.hideIsolated {
		t.Fatal("hide isolated is not in the chart")
	}
	u.undo()
	if u.ex.filter.hideIsolated || u.filters.isolated.Checked {
		t.Fatal("undo left hide isolated on")
	}
	u.undo()
	if u.ex.filter.asOf != 0 || u.filters.dateLabel.Text != "All dates" || u.filters.slider.Value != u.filters.last {
		t.Fatalf("undo left the timeline at %d (%q)", u.ex.filter.asOf, u.filters.dateLabel.Text)
	}
	u.undo()
	if g.TypeHidden("regulator") || !u.filters.nodeTypes["regulator"].Checked {
		t.Fatal("undo did not show regulators again, or their box stayed clear")
	}
	if n, m := u.ex.visibleCount(); n != n0 || m != m0 {
		t.Fatalf("after undoing every filter %d/%d shown, want %d/%d", n, m, n0, m0)
	}
}

func TestPinIsACommand(t *testing.T) {
	u := newTestUI(t)
	cnil := node(t, u.ex.g, "cnil")
	u.ex.selectNode(cnil)
	u.pinChosen(true)
	if !u.ex.g.Node(cnil).Pinned {
		t.Fatal("not pinned")
	}
	u.undo()
	if u.ex.g.Node(cnil).Pinned {
		t.Fatal("undo left it pinned")
	}
}
