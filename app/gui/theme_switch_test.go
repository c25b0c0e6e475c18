package gui

import (
	"testing"
)

// A theme switch with an entity selected does not lay out the whole
// details panel in the switch's UI turn: the panel comes back, rebuilt in
// the new theme, over the next turns.
func TestThemeSwitchRebuildsTheDetailsOverSeveralTurns(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	old := feedBudget
	feedBudget = 0 // one object a turn
	t.Cleanup(func() { feedBudget = old })
	u.selectNode(node(t, u.ex.g, "cnil"), false)
	q.run()
	full, want := len(u.details.box.Objects), texts(u.details.box)
	if full < 5 {
		t.Fatalf("CNIL's details hold %d objects", full)
	}
	u.setDark(true)
	if n := len(u.details.box.Objects); n >= full {
		t.Fatalf("the switch laid out all %d objects of the details in one turn", n)
	}
	q.run()
	if n := len(u.details.box.Objects); n != full {
		t.Fatalf("after the switch the details hold %d objects, want %d", n, full)
	}
	if got := texts(u.details.box); got != want {
		t.Fatalf("the details changed with the theme:\n%s\nwant\n%s", got, want)
	}
	if u.details.scr.Content != u.details.box {
		t.Fatal("the details panel is not back in its scroll")
	}
}

// A new selection while the details come back wins: the panel shows the
// new entity only.
func TestSelectionDuringThemeSwitchWins(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	old := feedBudget
	feedBudget = 0
	t.Cleanup(func() { feedBudget = old })
	u.selectNode(node(t, u.ex.g, "cnil"), false)
	q.run()
	u.setDark(true)
	u.selectNode(node(t, u.ex.g, "noyb"), false)
	want := texts(u.details.box)
	q.run()
	if got := texts(u.details.box); got != want {
		t.Fatalf("the rebuilt CNIL details leaked into noyb's:\n%s", got)
	}
}
