package gui

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// These tests drive the one rule for running work (app/task: the latest
// request wins) through each of the window's tasks. The UI goroutine is
// the test's: work reports through a uiQueue that the test runs, and
// work functions wait on channels the test closes, so that every
// interleaving is chosen, not timed.

// stopLayout pauses the window's layout and waits for its goroutine.
func stopLayout(t *testing.T, u *ui, q *uiQueue) {
	t.Helper()
	u.layout.Pause()
	u.layout.Wait()
	q.run()
}

// pathPanelFor is a Paths panel over ex whose results highlight on ex,
// as the window's do.
func pathPanelFor(t *testing.T, ex *explorer) *pathPanel {
	p := newPathPanel(ex, func(r *pathResult) {
		if r == nil {
			ex.setPath(nil, nil)
		} else {
			ex.setPath(r.nodes, r.edges)
		}
	}, nil)
	test.NewTempWindow(t, p.content)
	return p
}

// A path search that finishes just as a newer one starts: its result is
// already on its way to the UI when the newer search starts. It must not
// be shown, and the newer search's Cancel must still work.
func TestNewerPathSearchWinsAndKeepsItsCancel(t *testing.T) {
	q := queueUI(t)
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := pathPanelFor(t, ex)
	release := make(chan struct{})
	p.start("Searching the first…", func(context.Context) ([]pathResult, string, error) {
		<-release // an engine call that does not watch its context
		return []pathResult{{text: "old result"}}, "1 path.", nil
	})
	close(release)
	q.wait() // the first search's result is posted, not yet shown
	started := make(chan struct{})
	seen := make(chan error, 1)
	p.start("Searching the second…", func(ctx context.Context) ([]pathResult, string, error) {
		close(started)
		<-ctx.Done()
		seen <- ctx.Err()
		return []pathResult{{text: "new result"}}, "1 path.", nil
	})
	q.run() // the first result arrives after the second search started
	if len(p.results) != 0 || p.status.Text != "Searching the second…" {
		t.Fatalf("listed %d results, status %q: the older search was shown", len(p.results), p.status.Text)
	}
	if !p.cancelBtn.Visible() {
		t.Fatal("the running search lost its Cancel button")
	}
	<-started
	test.Tap(p.cancelBtn)
	if err := <-seen; !errors.Is(err, context.Canceled) {
		t.Fatalf("Cancel did not reach the running search (its context: %v)", err)
	}
	p.task.Wait()
	q.run()
	if len(p.results) != 0 || p.status.Text != "Search cancelled." || p.cancelBtn.Visible() {
		t.Fatalf("after Cancel: %d results, status %q, Cancel visible %v", len(p.results), p.status.Text, p.cancelBtn.Visible())
	}
}

// A pattern run while a path search is still working replaces it.
func TestPatternReplacesARunningPathSearch(t *testing.T) {
	q := queueUI(t)
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := pathPanelFor(t, ex)
	release := make(chan struct{})
	p.start("Searching…", func(context.Context) ([]pathResult, string, error) {
		<-release
		return []pathResult{{text: "old result"}}, "1 path.", nil
	})
	p.pattern.SetText("(:ngo)-[:complained-against]->(c:company)")
	p.runPattern()
	close(release)
	p.task.Wait()
	q.run()
	if len(p.results) == 0 {
		t.Fatalf("no pattern matches listed (status %q)", p.status.Text)
	}
	for _, r := range p.results {
		if !strings.Contains(r.text, "complained-against") {
			t.Fatalf("listed %q, not a match of the pattern", r.text)
		}
	}
	if p.cancelBtn.Visible() {
		t.Fatal("Cancel still shown after the pattern finished")
	}
}

// A faulty pattern clears the previous matches and their highlight, and
// a pattern still running when the fault is typed never shows.
func TestPatternErrorClearsOldMatchesAndHighlight(t *testing.T) {
	q := queueUI(t)
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := pathPanelFor(t, ex)
	p.pattern.SetText("(:ngo)-[:complained-against]->(c:company)")
	p.runPattern()
	p.task.Wait()
	q.run()
	if len(p.results) == 0 || !ex.scene.Highlight().Dim {
		t.Fatalf("%d matches, highlight %+v: the valid pattern shows nothing", len(p.results), ex.scene.Highlight())
	}
	p.pattern.SetText("(:ngo)-[:complained-against->(c)")
	p.runPattern()
	if len(p.results) != 0 || p.list.Length() != 0 {
		t.Fatalf("%d old matches still listed after a pattern error", len(p.results))
	}
	if h := ex.scene.Highlight(); h.Dim || len(h.PathNodes) != 0 || ex.pathNodes != nil {
		t.Fatalf("old matches still highlighted: %+v", h)
	}
	if !p.patErr.Visible() {
		t.Fatal("the error is not shown")
	}
	// a valid pattern, then at once a faulty one: the first never lands
	p.pattern.SetText("(:ngo)-[:complained-against]->(c:company)")
	p.runPattern()
	p.pattern.SetText("(:nosuchtype)-->(x)")
	p.runPattern()
	p.task.Wait()
	q.run()
	if len(p.results) != 0 || ex.scene.Highlight().Dim {
		t.Fatalf("the pattern typed before the faulty one showed %d matches", len(p.results))
	}
}

// On a large graph the search box searches as a task: a result for an
// older query is never shown after a newer one was typed.
func TestSearchBoxNeverShowsAnOlderQuery(t *testing.T) {
	q := queueUI(t)
	test.NewTempApp(t)
	ex := newExplorer(bigGraph(t, asyncSearchAbove+1), "")
	p := newSearchPanel(ex, nil)
	p.runner.warm(ex.snapshot()) // as the window's warmSearch does at this size
	test.NewTempWindow(t, p.content)
	p.entry.SetText("Entity 17")
	if !p.runner.pending() {
		t.Fatal("a large graph was searched on the UI goroutine")
	}
	q.wait() // the first query's results are on their way
	p.entry.SetText("Entity 20000")
	q.run()
	if p.info.Text != "Most connected entities" || !p.runner.pending() {
		t.Fatalf("info %q, best %q: the older query's results were shown after the newer query",
			p.info.Text, ex.g.Node(p.results[0].Node).Label)
	}
	p.runner.t.Wait()
	q.run()
	if len(p.results) == 0 || ex.g.Node(p.results[0].Node).Label != "Entity 20000" || p.runner.pending() {
		t.Fatalf("results %v, pending %v; want the latest query's", p.results, p.runner.pending())
	}
}

// Pause shows paused on the button and the status line, and stays so
// when the layout's last reports arrive afterwards.
func TestPauseShowsPaused(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	keepRunning(u.runner)
	u.runFA2()
	if u.toolbar.pause.Icon.Name() != theme.MediaPauseIcon().Name() || !strings.HasPrefix(u.toolbar.layoutState, "laying out") {
		t.Fatalf("running: icon %s, state %q", u.toolbar.pause.Icon.Name(), u.toolbar.layoutState)
	}
	q.wait() // a report of the running layout is on its way
	u.toggleLayout()
	paused := func(when string) {
		t.Helper()
		if u.layout.Running() || u.toolbar.pause.Icon.Name() != theme.MediaPlayIcon().Name() ||
			u.toolbar.layoutState != "layout paused" || !strings.Contains(u.status.Text, "layout paused") {
			t.Fatalf("%s: running %v, icon %s, state %q, status %q", when, u.layout.Running(),
				u.toolbar.pause.Icon.Name(), u.toolbar.layoutState, u.status.Text)
		}
	}
	paused("after Pause")
	u.layout.Wait()
	q.run()
	paused("after the layout's last reports")
	// and ▶ continues
	u.toggleLayout()
	if !u.layout.Running() || u.toolbar.pause.Icon.Name() != theme.MediaPauseIcon().Name() {
		t.Fatal("▶ did not continue the layout")
	}
	stopLayout(t, u, q)
}

// A newer layout request wins over an older one, whichever kind.
func TestNewerLayoutRequestWins(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	keepRunning(u.runner)
	u.runFA2()
	q.wait() // ForceAtlas2 has a report on its way
	u.setLayout(layoutCircular)
	circular, err := staticLayout(context.Background(), u.ex.g, u.ex.scene, layoutCircular, view.NoFocus)
	if err != nil {
		t.Fatal(err)
	}
	u.layout.Wait()
	q.run()
	if !slices.Equal(u.ex.pos, circular) || u.toolbar.layoutState != "Circular layout" {
		t.Fatalf("state %q: ForceAtlas2's positions were shown after the Circular layout", u.toolbar.layoutState)
	}
	// a one-shot layout replaced by ForceAtlas2 never lands
	layered, err := staticLayout(context.Background(), u.ex.g, u.ex.scene, layoutLayered, view.NoFocus)
	if err != nil {
		t.Fatal(err)
	}
	u.setLayout(layoutLayered)
	u.toggleLayout() // pauses the Layered layout
	u.toggleLayout() // ▶: ForceAtlas2
	for !strings.Contains(u.toolbar.layoutState, "step") {
		q.wait()
		q.run()
	}
	stopLayout(t, u, q)
	if slices.Equal(u.ex.pos, layered) || u.layoutName != layoutFA2 || u.toolbar.layoutState != "layout paused" {
		t.Fatalf("layout %s, state %q: the replaced Layered layout landed", u.layoutName, u.toolbar.layoutState)
	}
}

// grow adds an entity joined to Walmart (one command, as an expansion
// would) and returns its index.
func grow(t *testing.T, u *ui) int32 {
	t.Helper()
	err := u.apply(graph.Batch{Cmds: []graph.Command{
		graph.AddEntity{ID: "zyxcorp", Type: "company", Label: "Zyxcorp"},
		graph.AddRelation{Source: "zyxcorp", Target: "walmart", Type: "owns"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return node(t, u.ex.g, "zyxcorp")
}

// meanEdgeLength is the mean length of g's relations at pos.
func meanEdgeLength(g *graph.Graph, pos []render.Point) float64 {
	sum, n := 0.0, 0
	for e := 0; e < g.EdgeCount(); e++ {
		r := g.Edge(int32(e))
		if int(r.From) < len(pos) && int(r.To) < len(pos) && r.From != r.To {
			a, b := pos[r.From], pos[r.To]
			sum += math.Hypot(a.X-b.X, a.Y-b.Y)
			n++
		}
	}
	return sum / float64(n)
}

// Growing the graph under a paused layout keeps every position, places
// the new entity by its neighbour, keeps the same ForceAtlas2 paused; a
// search or path asked afterwards reads the grown graph.
func TestGrowthKeepsPositionsAndSearchesTheGrownGraph(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	fa, n := u.runner.fa, u.ex.g.NodeCount()
	old := slices.Clone(u.ex.pos)
	mean := meanEdgeLength(u.ex.g, old)
	z := grow(t, u)
	if u.runner.fa != fa || u.runner.fa.N() != n+1 || len(u.ex.pos) != n+1 {
		t.Fatal("the layout started again instead of growing")
	}
	for i := range old {
		if u.ex.pos[i] != old[i] {
			t.Fatalf("%s moved from %v to %v", u.ex.g.Node(int32(i)).ID, old[i], u.ex.pos[i])
		}
	}
	wm := u.ex.pos[node(t, u.ex.g, "walmart")]
	if d := math.Hypot(u.ex.pos[z].X-wm.X, u.ex.pos[z].Y-wm.Y); !(d < mean) {
		t.Fatalf("the new entity is %.1f from Walmart, its only neighbour (mean relation %.1f)", d, mean)
	}
	if u.layout.Running() {
		t.Fatal("growing started a paused layout")
	}
	if u.ex.scene.NodeCount() != n+1 || !u.ex.nodeVisible(z) {
		t.Fatal("the new entity is not drawn")
	}
	// a search typed now finds it
	u.search.entry.SetText("Zyxcorp")
	if len(u.search.results) == 0 || u.search.results[0].Node != z {
		t.Fatalf("searching the grown graph found %v", u.search.results)
	}
	// a path asked now reaches it
	u.paths.from.set(node(t, u.ex.g, "privacy-international"))
	u.paths.to.set(z)
	u.paths.findPaths()
	u.paths.task.Wait()
	q.run()
	if len(u.paths.results) == 0 {
		t.Fatalf("no path to the new entity: %q", u.paths.status.Text)
	}
	ps := u.paths.results[0].path
	checkPath(t, u.ex.g, ps, node(t, u.ex.g, "privacy-international"), z)
}

// Growing the graph under a running ForceAtlas2 continues it (FA2.Grow):
// the same layout, its steps not reset, the positions on screen kept, and
// its next reports include the new entity.
func TestGrowthContinuesTheRunningLayout(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	keepRunning(u.runner)
	u.runFA2()
	for !strings.Contains(u.toolbar.layoutState, "step") {
		q.wait()
		q.run()
	}
	fa, n := u.runner.fa, u.ex.g.NodeCount()
	shown := slices.Clone(u.ex.pos)
	before := u.runner.Iterations()
	var reports []layoutProgress
	onProgress := u.layout.OnProgress
	u.layout.OnProgress = func(p layoutProgress) {
		reports = append(reports, p)
		onProgress(p)
	}
	z := grow(t, u)
	if u.runner.fa != fa || u.runner.Iterations() < before {
		t.Fatal("the layout started again instead of continuing")
	}
	for i := range shown {
		if u.ex.pos[i] != shown[i] {
			t.Fatalf("%s jumped from %v to %v when the graph grew", u.ex.g.Node(int32(i)).ID, shown[i], u.ex.pos[i])
		}
	}
	if !u.layout.Running() || !strings.HasPrefix(u.toolbar.layoutState, "laying out") {
		t.Fatalf("running %v, state %q after growth", u.layout.Running(), u.toolbar.layoutState)
	}
	for len(reports) == 0 {
		q.wait()
		q.run()
	}
	if r := reports[0]; len(r.pos) != n+1 || r.iter <= before {
		t.Fatalf("first report after growth: %d positions at step %d (growth at step %d)", len(r.pos), r.iter, before)
	}
	if u.ex.pos[z] == (render.Point{}) {
		t.Fatal("the new entity was not placed")
	}
	stopLayout(t, u, q)
}

// A change that renumbers entities (a deletion) starts the window again
// on the changed graph, every entity where it was.
func TestDeletionKeepsEveryEntityWhereItWas(t *testing.T) {
	queueUI(t)
	u := newTestUI(t)
	at := map[string]render.Point{}
	for i, p := range u.ex.pos {
		at[u.ex.g.Node(int32(i)).ID] = p
	}
	n := u.ex.g.NodeCount()
	if err := u.apply(graph.Delete{ID: "walmart"}); err != nil {
		t.Fatal(err)
	}
	if u.ex.g.NodeCount() != n-1 || len(u.ex.pos) != n-1 || u.ex.scene.NodeCount() != n-1 || u.runner.fa.N() != n-1 {
		t.Fatal("the window does not show the graph without Walmart")
	}
	for i, p := range u.ex.pos {
		if id := u.ex.g.Node(int32(i)).ID; at[id] != p {
			t.Fatalf("%s moved from %v to %v", id, at[id], p)
		}
	}
}
