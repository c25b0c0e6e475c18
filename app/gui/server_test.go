package gui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/source"
)

// topFile is the file source with the most-connected listing a database
// source has.
type topFile struct{ *source.File }

func (f topFile) Top(ctx context.Context, n int) ([]source.Hit, error) {
	g := f.Graph()
	var hits []source.Hit
	for _, m := range topByDegree(g, n) {
		nd := g.Node(m.Node)
		hits = append(hits, source.Hit{ID: nd.ID, Type: nd.Type, Label: nd.Label, Degree: g.Degree(m.Node)})
	}
	return hits, nil
}

// newServerTestUI opens the server window on the Clearview case held by a
// source, with the UI queue the test runs.
func newServerTestUI(t *testing.T) (*ui, *uiQueue) {
	t.Helper()
	q := queueUI(t)
	src := topFile{source.FromGraph(clearview(t))}
	u := newServerUI(test.NewTempApp(t), src, "the case server", true)
	t.Cleanup(u.win.Close)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u, q
}

// until runs what the background work posts until cond holds.
func until(q *uiQueue, cond func() bool) {
	q.run()
	for !cond() {
		q.wait()
		q.run()
	}
}

func TestServerWindowGrowsByExpansion(t *testing.T) {
	u, q := newServerTestUI(t)
	full := clearview(t)
	g := u.ex.g
	until(q, func() bool { return g.NodeCount() > 0 })
	if g.NodeCount() != serverStart {
		t.Fatalf("the window opened with %d entities, want the %d most connected", g.NodeCount(), serverStart)
	}
	if u.tabs.Selected().Text != "Server" {
		t.Errorf("the %q tab is shown first", u.tabs.Selected().Text)
	}
	if !strings.Contains(u.srv.info.Text, "49 entities") {
		t.Errorf("server info %q", u.srv.info.Text)
	}

	// searching the server and choosing a hit brings the entity in
	test.Type(u.srv.entry, "Hoan Ton")
	until(q, func() bool { return len(u.srv.hits) > 0 && u.srv.hits[0].ID == "hoan-ton-that" })
	u.srv.choose(0)
	until(q, func() bool { _, ok := g.NodeIndex("hoan-ton-that"); return ok })

	// double-click expands by one hop with the cap
	u.srv.capEntry.SetText("3")
	cnil := node(t, g, "cnil")
	u.doubleTapped(cnil)
	n0 := g.NodeCount()
	until(q, func() bool { return strings.HasPrefix(u.srv.status.Text, "expand CNIL") })
	// (its 3 most connected neighbours may be on screen already)
	if added := g.NodeCount() - n0; added > 3 || !strings.Contains(u.srv.status.Text, "cap (3)") {
		t.Errorf("expand CNIL with cap 3 added %d entities: %q", added, u.srv.status.Text)
	}
	if n := len(u.srv.expansions["cnil"]); n != 1 {
		t.Errorf("%d expansions of CNIL remembered", n)
	}
	// a full expansion brings every neighbour of Clearview AI
	u.srv.capEntry.SetText("")
	cv := node(t, g, "clearview-ai")
	u.doubleTapped(cv)
	until(q, func() bool { return strings.HasPrefix(u.srv.status.Text, "expand Clearview") })
	fcv := node(t, full, "clearview-ai")
	nb, err := path.NewSearcher(full).Neighborhood(context.Background(), []int32{fcv}, 1, path.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range nb.Nodes {
		if _, ok := g.NodeIndex(full.Node(v).ID); !ok {
			t.Errorf("after expanding Clearview AI, its neighbour %s is missing", full.Node(v).ID)
		}
	}
	// the working set is the induced subgraph: every relation among its entities
	for r := int32(0); r < int32(full.EdgeCount()); r++ {
		e := full.Edge(r)
		_, ok1 := g.NodeIndex(full.Node(e.From).ID)
		_, ok2 := g.NodeIndex(full.Node(e.To).ID)
		if _, in := g.EdgeIndex(e.ID); ok1 && ok2 && !in {
			t.Errorf("relation %s joins two entities on screen but is missing", e.ID)
		}
	}
	// the window shows the grown graph
	if u.ex.scene == nil || len(u.ex.pos) != g.NodeCount() {
		t.Errorf("%d positions for %d entities", len(u.ex.pos), g.NodeCount())
	}

	// collapse takes back what Clearview's expansion brought, as one step
	before := g.NodeCount()
	u.srv.collapse(node(t, g, "clearview-ai"))
	g = u.ex.g
	if !strings.HasPrefix(u.srv.status.Text, "collapse Clearview") || g.NodeCount() >= before {
		t.Fatalf("collapse: %q, %d entities (were %d)", u.srv.status.Text, g.NodeCount(), before)
	}
	if _, ok := g.NodeIndex("clearview-ai"); !ok {
		t.Error("collapse removed the entity it collapsed")
	}
	if name, _ := g.UndoName(); name != "collapse Clearview AI" {
		t.Errorf("undo would %q", name)
	}
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	if g.NodeCount() != before {
		t.Errorf("undoing the collapse gives %d entities, want %d", g.NodeCount(), before)
	}
	ids := make([]string, 0, g.NodeCount())
	for i := int32(0); i < int32(g.NodeCount()); i++ {
		ids = append(ids, g.Node(i).ID)
	}
	if slices.Contains(ids, "") {
		t.Error("an entity without id")
	}
}

func TestOpeningAFileEndsTheServerSession(t *testing.T) {
	u, q := newServerTestUI(t)
	until(q, func() bool { return u.ex.g.NodeCount() > 0 })
	u.setGraph(clearview(t), "")
	if u.srv != nil {
		t.Fatal("the server session survived another graph")
	}
	for _, it := range u.tabs.Items {
		if it.Text == "Server" {
			t.Error("the Server tab is still shown")
		}
	}
	cnil := node(t, u.ex.g, "cnil")
	u.doubleTapped(cnil) // the file's behaviour: the neighbourhood focus
	if !u.ex.focused() {
		t.Error("double-click on a file's graph does not focus the neighbourhood")
	}
}

// A workspace saved from a server window remembers what was expanded:
// reopened with the server (linkscope --db URL CASE.linkscope), the graph,
// the session and its expansions come back, and Collapse still works.
func TestServerWorkspaceRemembersExpansions(t *testing.T) {
	u, q := newServerTestUI(t)
	g := u.ex.g
	until(q, func() bool { return g.NodeCount() > 0 })
	cnil := node(t, g, "cnil")
	u.doubleTapped(cnil)
	until(q, func() bool { return strings.HasPrefix(u.srv.status.Text, "expand CNIL") })
	brought := u.srv.expansions["cnil"]
	if len(brought) != 1 || len(brought[0].Entities) == 0 {
		t.Fatalf("expansions %+v", brought)
	}
	n := g.NodeCount()
	path := filepath.Join(t.TempDir(), "server.linkscope")
	u.saveTo(path, nil)
	until(q, func() bool { return !u.exports.t.Running() })

	src := topFile{source.FromGraph(clearview(t))}
	u2 := newServerUIWith(test.NewTempApp(t), src, "the case server", true, path)
	t.Cleanup(u2.win.Close)
	until(q, func() bool { return u2.ex.g.NodeCount() == n && u2.srv != nil && len(u2.srv.expansions["cnil"]) == 1 })
	if u2.srv.g != u2.ex.g {
		t.Fatal("the reopened graph is not the server session's")
	}
	if u2.tabs.Selected().Text != "Server" {
		t.Errorf("the %q tab is shown first", u2.tabs.Selected().Text)
	}
	u2.srv.collapse(node(t, u2.ex.g, "cnil"))
	if got := u2.ex.g.NodeCount(); got >= n {
		t.Errorf("collapse after reopening left %d entities of %d", got, n)
	}
}
