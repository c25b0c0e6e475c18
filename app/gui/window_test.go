package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newTestUI opens the window on the embedded case without animation.
func newTestUI(t *testing.T) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	u := newUIWith(a, "", true)
	t.Cleanup(u.win.Close)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u
}

func TestWindowShowsTheCase(t *testing.T) {
	u := newTestUI(t)
	if !strings.Contains(u.win.Title(), u.ex.g.Title) || !strings.Contains(u.win.Title(), "Linkscope") {
		t.Fatalf("title %q", u.win.Title())
	}
	if u.canvas.frame.img == nil {
		t.Fatal("the canvas drew nothing")
	}
	if m := u.win.MainMenu(); m == nil || len(m.Items) < 3 || m.Items[0].Label != "File" {
		t.Fatal("no File menu")
	}
}

func TestFindNoybSelectsAndCentresIt(t *testing.T) {
	u := newTestUI(t)
	u.find()
	test.Type(u.search.entry, "noyb")
	u.search.entry.OnSubmitted(u.search.entry.Text)
	noyb := node(t, u.ex.g, "noyb")
	if u.ex.selected != noyb {
		t.Fatalf("selected %d, want noyb", u.ex.selected)
	}
	p := u.ex.pos[noyb]
	if u.canvas.view.CenterX != p.X || u.canvas.view.CenterY != p.Y {
		t.Fatal("noyb was not centred")
	}
	if !strings.Contains(texts(u.details.box), "noyb") {
		t.Fatal("the details do not show noyb")
	}
}

func TestThemeSwitchIsRemembered(t *testing.T) {
	u := newTestUI(t)
	u.setDark(true)
	if !u.prefs.dark() || u.renderOptions().Theme != 1 {
		t.Fatal("dark theme not applied or not remembered")
	}
	u.setDark(false)
	if u.prefs.dark() {
		t.Fatal("light theme not remembered")
	}
}

func TestStaticLayoutsPlaceEveryEntity(t *testing.T) {
	ex := placedExplorer(t)
	for _, name := range []string{layoutCircular, layoutRadial, layoutLayered} {
		p, err := staticLayout(context.Background(), ex.g, ex.scene, name, -1)
		if err != nil || len(p) != ex.g.NodeCount() {
			t.Fatalf("%s: %d positions, %v", name, len(p), err)
		}
		seen := map[[2]float64]bool{}
		for _, q := range p {
			seen[[2]float64{q.X, q.Y}] = true
		}
		if len(seen) < ex.g.NodeCount()*9/10 {
			t.Fatalf("%s puts entities on top of each other (%d places)", name, len(seen))
		}
	}
}

func TestEscapeInTheSearchBoxClearsTheSelection(t *testing.T) {
	u := newTestUI(t)
	u.find()
	test.Type(u.search.entry, "noyb")
	u.search.entry.OnSubmitted(u.search.entry.Text)
	if u.ex.selected < 0 {
		t.Fatal("nothing selected")
	}
	u.win.Canvas().Focus(u.search.entry)
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.ex.selected >= 0 {
		t.Fatal("Esc in the search box left the selection")
	}
	if u.win.Canvas().Focused() != nil {
		t.Fatal("Esc left the keyboard in the search box")
	}
	if u.search.entry.Text != "noyb" {
		t.Fatalf("Esc changed the query to %q", u.search.entry.Text)
	}
}

// A file with a drawing opens at its positions, scaled to the chart, says
// so on the toolbar, and runs no layout until asked.
func TestAFileWithADrawingOpensAsDrawn(t *testing.T) {
	u := newTestUI(t)
	g, err := loadFile(context.Background(), "../../dataset/testdata/field/yed-groups.graphml", func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	u.setGraph(g, "yed-groups.graphml")
	if !u.asDrawn || u.layout.Running() {
		t.Fatalf("asDrawn %v, layout running %v", u.asDrawn, u.layout.Running())
	}
	if !strings.Contains(u.toolbar.layoutState, "as drawn") {
		t.Errorf("toolbar says %q", u.toolbar.layoutState)
	}
	cnil, gar := node(t, g, "n0::n0"), node(t, g, "n0::n1")
	if u.ex.pos[cnil].Y != u.ex.pos[gar].Y || u.ex.pos[cnil].X >= u.ex.pos[gar].X {
		t.Errorf("CNIL %v and Garante %v are not side by side as in the file", u.ex.pos[cnil], u.ex.pos[gar])
	}
}
