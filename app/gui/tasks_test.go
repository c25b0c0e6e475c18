package gui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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
	u.runner.budget = time.Hour
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
	u.runner.budget = time.Hour
	u.runFA2()
	q.wait() // ForceAtlas2 has a report on its way
	u.setLayout(layoutCircular)
	circular, err := staticLayout(u.ex.g, u.ex.scene.Radii(), layoutCircular, -1)
	if err != nil {
		t.Fatal(err)
	}
	u.layout.Wait()
	q.run()
	if !slices.Equal(u.ex.pos, circular) || u.toolbar.layoutState != "Circular layout" {
		t.Fatalf("state %q: ForceAtlas2's positions were shown after the Circular layout", u.toolbar.layoutState)
	}
	// a one-shot layout replaced by ForceAtlas2 never lands
	layered, err := staticLayout(u.ex.g, u.ex.scene.Radii(), layoutLayered, -1)
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
