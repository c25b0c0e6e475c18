package gui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// captureTrace logs the kinds asked to the returned lines for the rest of
// the test.
func captureTrace(t *testing.T, kinds string) *[]string {
	old := tracer
	var got []string
	tracer = newTraceConfig(kinds)
	tracer.out = func(s string) { got = append(got, s) }
	t.Cleanup(func() { tracer = old })
	return &got
}

// On a large graph (up to warmAfterFrameAbove) the window builds the
// name index as a task as soon as the search panel is made, before any
// frame: the first query finds it built. warmSearch is the one place that
// decides when (TestBigGraphBuildsTheSearchIndexAfterTheFirstFrame: the
// biggest graphs wait for the first frame).
func TestSearchPanelBuildsTheIndexBeforeTheFirstQuery(t *testing.T) {
	q := queueUI(t)
	lines := captureTrace(t, "search")
	test.NewTempApp(t)
	ex := newExplorer(bigGraph(t, asyncSearchAbove+1), "")
	if ex.snapshot().IndexBuilt() || ex.g.NodeCount() > warmAfterFrameAbove {
		t.Fatal("index built before the panel, or the graph too big to be warmed at once")
	}
	u := &ui{ex: ex}
	u.canvas = newGraphCanvas(ex, lightOptions)
	p := newSearchPanel(ex, nil)
	u.search = p
	test.NewTempWindow(t, p.content)
	if p.runner.pending() {
		t.Fatal("the panel started the build itself")
	}
	u.warmSearch()
	if !p.runner.pending() {
		t.Fatal("no index build under way")
	}
	q.wait()
	q.run()
	if !ex.snapshot().IndexBuilt() || len(*lines) != 1 || !strings.Contains((*lines)[0], fmt.Sprintf(" index-built entities=%d ms=", asyncSearchAbove+1)) {
		t.Fatalf("built %v, trace %q", ex.snapshot().IndexBuilt(), *lines)
	}
}

// Each search logs its query, its time from the keystroke to the results
// listed, and their number.
func TestSearchTracesEachQuery(t *testing.T) {
	lines := captureTrace(t, "search")
	test.NewTempApp(t)
	ex := newExplorer(clearview(t), "")
	p := newSearchPanel(ex, nil)
	test.NewTempWindow(t, p.content)
	p.entry.SetText("cnil")
	p.entry.SetText("cnil x")
	if len(*lines) != 2 {
		t.Fatalf("trace %q, want a line per query", *lines)
	}
	for i, want := range []string{`q="cnil"`, `q="cnil x"`} {
		if !strings.Contains((*lines)[i], " query "+want+" ms=") {
			t.Errorf("line %q, want the query %s", (*lines)[i], want)
		}
	}
	if want := fmt.Sprintf(" results=%d search_ms=", len(p.results)); !strings.Contains((*lines)[1], want) {
		t.Errorf("line %q, want %s", (*lines)[1], want)
	}
}
