package gui

import (
	"strconv"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// bigGraph has n entities "Entity 0" … "Entity n-1" in a chain.
func bigGraph(t testing.TB, n int) *graph.Graph {
	g := graph.New(n, n)
	for i := 0; i < n; i++ {
		if _, err := g.AddNode(graph.Node{ID: "n" + strconv.Itoa(i), Type: "company", Label: "Entity " + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			if _, err := g.AddEdge(graph.Edge{From: int32(i - 1), To: int32(i), Type: "owns"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return g
}

func TestSearchRunnerDeliversOnlyTheLatestQueryOnLargeGraphs(t *testing.T) {
	g := bigGraph(t, asyncSearchAbove+1)
	posted := make(chan func(), 4)
	r := &searchRunner{post: func(f func()) { posted <- f }}
	var shown [][]graph.Match
	show := func(m []graph.Match) { shown = append(shown, m) }

	r.run(g, "Entity 17", 3, show)
	r.run(g, "Entity 20000", 3, show)
	if len(shown) != 0 || !r.pending() {
		t.Fatal("a large graph was searched on the calling goroutine")
	}
	// both searches come back; only the second is shown
	(<-posted)()
	(<-posted)()
	if len(shown) != 1 || r.pending() {
		t.Fatalf("shown %d result lists, pending %v; want only the latest", len(shown), r.pending())
	}
	if got := g.Node(shown[0][0].Node).Label; got != "Entity 20000" {
		t.Fatalf("best match %q, want the latest query's", got)
	}

	r.run(g, "Entity 5", 3, show)
	r.cancel()
	(<-posted)()
	if len(shown) != 1 {
		t.Fatal("a cancelled search was shown")
	}
}

func TestSearchRunnerIsImmediateOnSmallGraphs(t *testing.T) {
	g := bigGraph(t, 100)
	r := &searchRunner{post: func(func()) { t.Fatal("posted a small graph's search") }}
	var got []graph.Match
	r.run(g, "Entity 42", 1, func(m []graph.Match) { got = m })
	if len(got) != 1 || g.Node(got[0].Node).Label != "Entity 42" || r.pending() {
		t.Fatalf("got %v, pending %v", got, r.pending())
	}
}
