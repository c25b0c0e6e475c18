package gui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// prepareAll prepares every graph loaded, for the rest of the test.
func prepareAll(t *testing.T) {
	old := prepareAbove
	prepareAbove = 0
	t.Cleanup(func() {
		prepareAbove = old
		prepared.mu.Lock()
		forgetPrepared()
		prepared.mu.Unlock()
	})
}

// A file opened in the window is shown with the scene and the layout
// runner its loading job built, and they are those the UI goroutine would
// have made.
func TestOpeningUsesTheViewPreparedByTheLoadingJob(t *testing.T) {
	serialUI(t)
	prepareAll(t)
	// not still: the window starts from the positions a file opens with
	a := test.NewTempApp(t)
	var u *ui
	postUI(func() { u = newUIWith(a, "", false) })
	t.Cleanup(func() { postUI(u.win.Close) })
	t.Cleanup(func() { postUI(func() { u.layout.Cancel() }) })
	path := filepath.Join(t.TempDir(), "small.json")
	data := `{"title": "Prepared", "nodes": [{"id": "a", "type": "ngo", "label": "A"}, {"id": "b", "type": "company", "label": "B"}, {"id": "c", "type": "company", "label": "C"}],
		"edges": [{"source": "a", "target": "b", "type": "x"}, {"source": "b", "target": "a", "type": "y"}, {"source": "b", "target": "c", "type": "x"}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var scene *render.Scene
	var runner *layoutRunner
	prepared.made = func(s *render.Scene, r *layoutRunner) { scene, runner = s, r }
	t.Cleanup(func() { prepared.made = nil })
	postUI(func() { u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)}) })
	u.loading.t.Wait()
	postUI(func() {
		if u.ex.g.Title != "Prepared" {
			t.Fatalf("window shows %q", u.ex.g.Title)
		}
		if scene == nil || runner == nil {
			t.Fatal("the loading job prepared nothing")
		}
		if u.ex.scene != scene || u.runner != runner {
			t.Fatal("the window made its own scene or layout runner")
		}
		if prepared.g != nil || prepared.scene != nil || prepared.runner != nil {
			t.Fatal("something stayed prepared after the graph was shown")
		}
	})
}

// prepareView's scene and runner are taken only for the graph, unchanged,
// and the start positions they were made for; otherwise the window makes
// its own.
func TestPreparedViewIsTakenOnlyForWhatItWasMadeFor(t *testing.T) {
	prepareAll(t)
	g := bigGraph(t, 50)
	prepareView(g)
	want, wantR := prepared.scene, prepared.runner
	if want == nil || wantR == nil {
		t.Fatal("nothing prepared")
	}
	if s := sceneFor(g); s != want {
		t.Fatal("the prepared scene was not taken")
	}
	start := initialPositions(g, view.DefaultSeed)
	if r, err := runnerFor(g, want, start); err != nil || r != wantR {
		t.Fatalf("the prepared runner was not taken (%v)", err)
	}
	// taken once only
	if r, _ := runnerFor(g, want, start); r == wantR {
		t.Fatal("the prepared runner was taken twice")
	}

	// other start positions: a runner of their own
	prepareView(g)
	s, r0 := sceneFor(g), prepared.runner
	other := slices.Clone(start)
	other[3].X += 10
	if r, _ := runnerFor(g, s, other); r == r0 {
		t.Fatal("a runner made for other start positions was taken")
	}

	// the graph changed since: a scene of its own, with the new relation
	prepareView(g)
	old := prepared.scene
	if err := g.Apply(graph.AddRelation{Source: "n0", Target: "n9", Type: "owns"}); err != nil {
		t.Fatal(err)
	}
	if s := sceneFor(g); s == old || s.EdgeCount() != g.EdgeCount() {
		t.Fatalf("scene of the graph before its change was taken (%d relations, graph %d)", s.EdgeCount(), g.EdgeCount())
	}
	if prepared.runner != nil {
		t.Fatal("the runner of the graph before its change stays prepared")
	}

	// another graph: nothing of the first, which stays prepared
	prepareView(g)
	first := prepared.scene
	h := bigGraph(t, 50)
	if s := sceneFor(h); s == first {
		t.Fatal("another graph's scene was taken")
	}
	if r, _ := runnerFor(h, first, start); r == prepared.runner {
		t.Fatal("another graph's runner was taken")
	}
	if sceneFor(g) != first {
		t.Fatal("showing another graph dropped what was prepared")
	}
}
