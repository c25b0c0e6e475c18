package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pressEsc sends Esc where the window would: to the focused widget, or to
// the window's handler when nothing has the keyboard.
func pressEsc(u *ui) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	u.win.Canvas().OnTypedKey()(ev)
}

// showFirstPath lists one path result from noyb to Walmart and chooses it,
// as a search does.
func showFirstPath(t *testing.T, u *ui) {
	t.Helper()
	g := u.ex.g
	res, _, err := searchPaths(t.Context(), u.ex.searcher().Clone(), node(t, g, "noyb"), node(t, g, "walmart"), modeShortest, 1, u.paths.options())
	if err != nil || len(res) == 0 {
		t.Fatalf("no path: %v", err)
	}
	u.paths.setResults(res, "")
	if u.ex.pathNodes == nil || len(u.paths.steps.Objects) == 0 {
		t.Fatal("the path is not highlighted")
	}
}

// Esc takes back one thing a press, the most specific first: the path
// (and the Paths panel's choice), then the selection, then the focus.
func TestEscapeClearsPathThenSelectionThenFocus(t *testing.T) {
	u := newTestUI(t)
	noyb := node(t, u.ex.g, "noyb")
	u.doubleTapped(noyb)
	showFirstPath(t, u)
	pressEsc(u)
	if u.ex.pathNodes != nil || u.ex.pathEdges != nil {
		t.Fatal("Esc left the path highlighted")
	}
	if len(u.paths.steps.Objects) != 0 || len(u.paths.results) == 0 {
		t.Fatalf("the Paths panel still shows %d steps (results %d)", len(u.paths.steps.Objects), len(u.paths.results))
	}
	if u.ex.selected != noyb || !u.ex.focused() {
		t.Fatal("the first Esc cleared more than the path")
	}
	pressEsc(u)
	if u.ex.selected != -1 || !u.ex.focused() {
		t.Fatalf("second Esc: selected %d, focused %v", u.ex.selected, u.ex.focused())
	}
	pressEsc(u)
	if u.ex.focused() {
		t.Fatal("third Esc left the neighbourhood focus")
	}
	// choosing the same result again highlights it again
	u.paths.list.Select(0)
	if u.ex.pathNodes == nil {
		t.Fatal("the result cannot be chosen again")
	}
}

// A result list keeps the keyboard once a row is clicked: Esc there
// still clears the path it shows.
func TestEscapeInTheResultsListClearsThePath(t *testing.T) {
	u := newTestUI(t)
	showFirstPath(t, u)
	u.tabs.SelectIndex(2)
	u.win.Canvas().Focus(u.paths.list) // as a click on a row does
	if u.win.Canvas().Focused() != u.paths.list {
		t.Fatal("the list did not take the keyboard")
	}
	pressEsc(u)
	if u.ex.pathNodes != nil {
		t.Fatal("Esc in the results list left the path highlighted")
	}
	if u.win.Canvas().Focused() != nil {
		t.Fatal("Esc left the keyboard in the list")
	}
}

// Clicking the canvas gives it the keyboard, taking it from the list
// that had it, so that Esc then reaches the chart.
func TestClickingTheCanvasTakesTheKeyboard(t *testing.T) {
	u := newTestUI(t)
	showFirstPath(t, u)
	u.tabs.SelectIndex(2)
	u.win.Canvas().Focus(u.paths.list)
	test.Tap(u.canvas) // the background: clears the selection only
	if u.win.Canvas().Focused() != u.canvas {
		t.Fatalf("after a click the keyboard is with %T", u.win.Canvas().Focused())
	}
	pressEsc(u)
	if u.ex.pathNodes != nil {
		t.Fatal("Esc on the canvas left the path highlighted")
	}
}
