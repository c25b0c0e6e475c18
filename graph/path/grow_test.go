package path

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// TestSearchOnAGrowingGraph runs the shortest-path search on a graph
// revealed one relation at a time (entities and relations added by
// commands, as an expansion does) and checks it against a fresh search of
// the same graph after every step, as gonum's path tests run one algorithm
// on a complete and an incrementally revealed graph.
func TestSearchOnAGrowingGraph(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 5))
	full := netRandomGraph(r, 40, 90)
	g := graph.New(0, 0)
	live := NewSearcher(g)             // follows the live graph
	snapS := NewSearcher(g.Snapshot()) // moved to each new snapshot with Use
	have := map[int32]bool{}
	add := func(v int32) {
		if !have[v] {
			have[v] = true
			n := full.Node(v)
			if err := g.Apply(graph.AddEntity{ID: n.ID, Type: n.Type}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for e := 0; e < full.EdgeCount(); e++ {
		ed := full.Edge(int32(e))
		add(ed.From)
		add(ed.To)
		if err := g.Apply(graph.AddRelation{ID: ed.ID, Source: full.Node(ed.From).ID, Target: full.Node(ed.To).ID, Type: ed.Type}); err != nil {
			t.Fatal(err)
		}
		snap := g.Snapshot()
		snapS.Use(snap)
		fresh := NewSearcher(snap)
		for q := 0; q < 5; q++ {
			a, b := int32(r.IntN(g.NodeCount())), int32(r.IntN(g.NodeCount()))
			for _, directed := range []bool{false, true} {
				opt := Options{Directed: directed}
				want, okW, _ := fresh.Shortest(ctx, a, b, opt)
				for name, s := range map[string]*Searcher{"live": live, "snapshot": snapS} {
					got, ok, err := s.Shortest(ctx, a, b, opt)
					if err != nil || ok != okW || got.Len() != want.Len() {
						t.Fatalf("after %d relations, %s %d→%d directed=%v: %v %v len %d, want %v len %d",
							e+1, name, a, b, directed, ok, err, got.Len(), okW, want.Len())
					}
				}
			}
		}
	}
	if g.NodeCount() == 0 {
		t.Fatal("nothing revealed")
	}
}
