package gui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

func init() {
	// no timers in tests: they call autosaveNow themselves
	autosaveDelay = 0
}

// modelOf is what a model holds, for comparisons.
type modelOf struct {
	Nodes      []graph.Node
	Edges      []graph.Edge
	Chart      graph.Chart
	Undo, Redo string
}

func model(g *graph.Graph) modelOf {
	var m modelOf
	for i := 0; i < g.NodeCount(); i++ {
		m.Nodes = append(m.Nodes, *g.Node(int32(i)))
	}
	for i := 0; i < g.EdgeCount(); i++ {
		m.Edges = append(m.Edges, *g.Edge(int32(i)))
	}
	m.Chart = g.Chart()
	m.Undo, _ = g.UndoName()
	m.Redo, _ = g.RedoName()
	return m
}

// investigateInWindow edits the case and changes the view.
func investigateInWindow(t *testing.T, u *ui) {
	t.Helper()
	for _, c := range []graph.Command{
		graph.AddEntity{ID: "x", Type: "person", Label: "X"},
		graph.AddRelation{ID: "rx", Source: "x", Target: "cnil", Type: "complained-to", Date: "2022-01"},
		graph.Move{ID: "cnil", X: 5, Y: 7},
		graph.Pin{ID: "cnil"},
		graph.Note{ID: "cnil", Text: "a note"},
		graph.GroupEntities{ID: "g", IDs: []string{"ico", "x"}, Label: "G"},
		graph.Collapse{ID: "g"},
		graph.Delete{ID: "walmart"},
	} {
		if err := u.apply(c); err != nil {
			t.Fatalf("%s: %v", c.Op(), err)
		}
	}
	g := u.ex.g
	// the filters are commands too (before the undo, which they would
	// otherwise leave nothing to redo)
	u.filters.nodeTypes["media"].SetChecked(false)
	u.filters.isolated.SetChecked(true)
	u.filters.setAsOfDate(20221231)
	if err := u.apply(graph.Set{ID: "noyb", Field: "label", Value: "NOYB"}); err != nil {
		t.Fatal(err)
	}
	if _, err := u.ex.g.Undo(); err != nil { // the label, to have something to redo
		t.Fatal(err)
	}
	u.graphChanged(u.ex.snapshot())
	u.selectNode(node(t, g, "cnil"), false)
	u.ex.setPath([]int32{node(t, g, "cnil"), node(t, g, "clearview-ai")}, nil)
	u.canvas.view.CenterX += 13
	u.canvas.view.Zoom *= 1.25
	u.canvas.autoFit = false
	u.updateTitle()
}

func TestWorkspaceSaveOpenRestoresTheWindow(t *testing.T) {
	serialUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "case.linkscope")
	u := newTestUI(t)
	var before modelOf
	var view1 dataset.View
	var shot1 []byte
	postUI(func() {
		if strings.Contains(u.win.Title(), "•") {
			t.Errorf("a fresh case is marked unsaved: %q", u.win.Title())
		}
		investigateInWindow(t, u)
		if !strings.HasPrefix(u.win.Title(), "• ") {
			t.Errorf("no unsaved mark after edits: %q", u.win.Title())
		}
		u.saveTo(path, nil)
	})
	u.exports.t.Wait()
	postUI(func() {
		if u.win.Title() != "case.linkscope — Linkscope" {
			t.Errorf("title after saving %q", u.win.Title())
		}
		before, view1 = model(u.ex.g), u.currentView()
		shot1 = snapshotPNG(t, u)
	})

	u2 := newTestUI(t)
	postUI(func() { u2.open(path, false) })
	u2.loading.t.Wait()
	postUI(func() {
		if got := model(u2.ex.g); !reflect.DeepEqual(got, before) {
			for i := range got.Nodes {
				if i < len(before.Nodes) && !reflect.DeepEqual(got.Nodes[i], before.Nodes[i]) {
					t.Errorf("entity %d: %+v\nwant %+v", i, got.Nodes[i], before.Nodes[i])
				}
			}
			t.Fatalf("reopened model differs: undo %q/%q redo %q/%q, %d/%d entities, %d/%d relations\n%+v\nwant\n%+v",
				got.Undo, before.Undo, got.Redo, before.Redo, len(got.Nodes), len(before.Nodes), len(got.Edges), len(before.Edges), got.Chart, before.Chart)
		}
		if v2 := u2.currentView(); !reflect.DeepEqual(v2, view1) {
			t.Fatalf("reopened view differs:\n%+v\nwant\n%+v", v2, view1)
		}
		if u2.win.Title() != "case.linkscope — Linkscope" {
			t.Errorf("reopened title %q", u2.win.Title())
		}
		if !bytes.Equal(snapshotPNG(t, u2), shot1) {
			t.Error("the reopened window draws differently")
		}
		// undo after reopening
		if _, err := u2.ex.g.Redo(); err != nil {
			t.Fatal(err)
		}
		if i := node(t, u2.ex.g, "noyb"); u2.ex.g.Node(i).Label != "NOYB" {
			t.Error("redo after reopening did not redo")
		}
	})

	// export -w draws what the window shows
	ws, g, err := dataset.OpenWorkspace(context.Background(), path, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	scene, opts, ok := view.FromWorkspace(g, ws.View, 100, 100)
	if !ok {
		t.Fatal("the saved view has no positions")
	}
	var b bytes.Buffer
	if err := render.WritePNG(&b, scene, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), shot1) {
		os.WriteFile(filepath.Join(os.TempDir(), "ws-export.png"), b.Bytes(), 0o644)
		os.WriteFile(filepath.Join(os.TempDir(), "ws-window.png"), shot1, 0o644)
		t.Error("the workspace's export differs from the window's snapshot (both written to the temporary folder)")
	}
}

func snapshotPNG(t *testing.T, u *ui) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := render.WritePNG(&b, u.ex.view().Snapshot(), u.snapshotOptions()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// button finds a button of the top overlay (a dialog) by its text.
func button(t *testing.T, u *ui, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}

// closableUI is newTestUI for a test that closes the window itself.
func closableUI(t *testing.T) *ui {
	u := newUIWith(test.NewTempApp(t), "", true)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u
}

func TestCloseWithUnsavedChangesAsks(t *testing.T) {
	serialUI(t)
	path := filepath.Join(t.TempDir(), "c.linkscope")
	u := closableUI(t)
	closed := false
	keepClosed(u, &closed)
	postUI(func() {
		u.closeRequested()
		if !closed {
			t.Fatal("a window without changes did not close at once")
		}
	})

	u = closableUI(t)
	closed = false
	keepClosed(u, &closed)
	postUI(func() {
		u.apply(graph.Pin{ID: "cnil"})
		u.closeRequested()
		if closed || u.closeDlg == nil {
			t.Fatal("closed with unsaved changes without asking")
		}
		test.Tap(button(t, u, "Cancel"))
		if closed {
			t.Fatal("Cancel closed the window")
		}
		// saved first, then closed
		u.ws.path = path
		u.closeRequested()
		test.Tap(button(t, u, "Save"))
	})
	u.exports.t.Wait()
	postUI(func() {
		if !closed {
			t.Fatal("Save did not close the window")
		}
	})
	if _, g, err := dataset.OpenWorkspace(context.Background(), path, dataset.Options{}); err != nil || !g.Node(node(t, g, "cnil")).Pinned {
		t.Fatalf("Save before closing: %v", err)
	}

	u = closableUI(t)
	closed = false
	keepClosed(u, &closed)
	postUI(func() {
		u.apply(graph.Pin{ID: "cnil"})
		u.closeRequested()
		test.Tap(button(t, u, "Don't Save"))
		if !closed {
			t.Fatal("Don't Save did not close")
		}
	})
}

func TestAutosaveIsOfferedAndRestores(t *testing.T) {
	serialUI(t)
	goAutosave = func(f func()) { f() }
	t.Cleanup(func() { goAutosave = func(f func()) { go f() } })
	path := filepath.Join(t.TempDir(), "a.linkscope")
	u := newTestUI(t)
	postUI(func() { u.saveTo(path, nil) })
	u.exports.t.Wait()
	var want modelOf
	postUI(func() {
		u.apply(graph.Move{ID: "ico", X: 1, Y: 2})
		u.apply(graph.Note{ID: "ico", Text: "autosaved"})
		want = model(u.ex.g)
	})
	u.autosaveNow(u.ws)
	if _, _, ok := dataset.FindAutosave(path); !ok {
		t.Fatal("no autosave beside the workspace")
	}
	b, _ := os.ReadFile(path)
	if bytes.Contains(b, []byte("autosaved")) {
		t.Fatal("the autosave wrote the workspace itself")
	}

	// the second window is built on the UI goroutine too: the first
	// window's timers (its status line) post to it meanwhile
	var u2 *ui
	postUI(func() { u2 = newTestUI(t) })
	postUI(func() { u2.open(path, false) })
	u2.loading.t.Wait()
	postUI(func() {
		if u2.ex.g.Node(node(t, u2.ex.g, "ico")).Note != "" {
			t.Fatal("the workspace holds the unsaved note")
		}
		test.Tap(button(t, u2, "Restore"))
	})
	u2.loading.t.Wait()
	postUI(func() {
		if got := model(u2.ex.g); !reflect.DeepEqual(got, want) {
			t.Fatal("the restored autosave differs from the window that wrote it")
		}
		if !strings.HasPrefix(u2.win.Title(), "• a.linkscope") {
			t.Fatalf("restored changes are not marked unsaved: %q", u2.win.Title())
		}
		if u2.ws.path != path {
			t.Fatalf("the restored session saves to %q", u2.ws.path)
		}
		u2.save(nil)
	})
	u2.exports.t.Wait()
	if _, _, ok := dataset.FindAutosave(path); ok {
		t.Fatal("the autosave stays after saving")
	}
}

// Move an entity, save, reopen: undo puts it back where it was drawn.
func TestUndoAMoveAfterReopening(t *testing.T) {
	serialUI(t)
	path := filepath.Join(t.TempDir(), "moved.linkscope")
	u := newTestUI(t)
	var start, moved render.Point
	postUI(func() {
		cnil := node(t, u.ex.g, "cnil")
		start = u.ex.pos[cnil]
		dragEntity(u, cnil, 40, 30, false)
		moved = u.ex.pos[cnil]
		u.saveTo(path, nil)
	})
	u.exports.t.Wait()
	u2 := newTestUI(t)
	postUI(func() { u2.open(path, false) })
	u2.loading.t.Wait()
	postUI(func() {
		cnil := node(t, u2.ex.g, "cnil")
		if got := u2.ex.pos[cnil]; got != moved {
			t.Fatalf("reopened with CNIL at %v, saved at %v", got, moved)
		}
		if it := menuItem(t, u2, "Edit", "Undo"); it.Label != "Undo move CNIL" {
			t.Fatalf("reopened: %q", it.Label)
		}
		typeShortcut(u2, shortcutUndo)
		if got := u2.ex.pos[cnil]; got != start {
			t.Fatalf("undo after reopening left CNIL at %v, want %v", got, start)
		}
	})
}

// keepClosed sets *closed when u's window closes, after the window's own
// hook (u.closed, which stops its status timer: a timer left running
// would post into the next test).
func keepClosed(u *ui, closed *bool) {
	u.win.SetOnClosed(func() { u.closed(); *closed = true })
}
