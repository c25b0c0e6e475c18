package gui

import (
	"math/rand"
	"slices"
	"sort"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/graph"
)

// mostConnected is the first limit entities of a stable sort by degree.
func TestMostConnectedIsTheStableSortsPrefix(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for range 300 {
		n, limit := rng.Intn(120), rng.Intn(70)
		deg := make([]int32, n)
		for i := range deg {
			deg[i] = int32(rng.Intn(10))
		}
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		sort.SliceStable(want, func(a, b int) bool { return deg[want[a]] > deg[want[b]] })
		want = want[:min(limit, n)]
		if got := mostConnected(deg, limit); !slices.Equal(got, want) {
			t.Fatalf("degrees %v, limit %d: got %v, want %v", deg, limit, got, want)
		}
	}
}

// The empty search box lists the most connected entities, and lists them
// again after a relation changes who they are.
func TestSearchPanelMostConnectedFollowsNewRelations(t *testing.T) {
	test.NewTempApp(t)
	g := bigGraph(t, 100) // a chain: n0 and n99 have one relation, the rest two
	ex := newExplorer(g, "")
	p := newSearchPanel(ex, nil)
	test.NewTempWindow(t, p.content)
	if len(p.results) != searchLimit || p.results[0].Node != 1 {
		t.Fatalf("%d results, first %v; want %d, entity 1 first", len(p.results), p.results, searchLimit)
	}
	for _, to := range []string{"n10", "n20", "n30"} {
		if err := g.Apply(graph.AddRelation{Source: "n99", Target: to, Type: "owns"}); err != nil {
			t.Fatal(err)
		}
	}
	p.update()
	if p.results[0].Node != 99 || p.results[0].Matched != "Entity 99" {
		t.Fatalf("first %+v after 3 new relations of n99, want entity 99", p.results[0])
	}
}
