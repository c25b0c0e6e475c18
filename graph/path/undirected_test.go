package path

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// TestUndirectedRelationsAreFollowedBothWays: on a graph where some
// relations are undirected, searches that follow direction give the same
// answers as on the graph where each undirected relation is two directed
// ones, one each way.
func TestUndirectedRelationsAreFollowedBothWays(t *testing.T) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewPCG(seed, 9))
		n := 5 + r.IntN(30)
		mixed, doubled := graph.New(n, 0), graph.New(n, 0)
		for i := 0; i < n; i++ {
			nd := graph.Node{ID: fmt.Sprint(i), Type: "t"}
			mixed.AddNode(nd)
			doubled.AddNode(nd)
		}
		for k := 0; k < 2*n; k++ {
			a, b := int32(r.IntN(n)), int32(r.IntN(n))
			und := r.IntN(2) == 0
			mixed.AddEdge(graph.Edge{From: a, To: b, Type: "r", Undirected: und})
			doubled.AddEdge(graph.Edge{From: a, To: b, Type: "r"})
			if und {
				doubled.AddEdge(graph.Edge{From: b, To: a, Type: "r"})
			}
		}
		sm, sd := NewSearcher(mixed), NewSearcher(doubled)
		for q := 0; q < 50; q++ {
			a, b := int32(r.IntN(n)), int32(r.IntN(n))
			opt := Options{Directed: true}
			pm, okm, _ := sm.Shortest(ctx, a, b, opt)
			pd, okd, _ := sd.Shortest(ctx, a, b, opt)
			if okm != okd || pm.Len() != pd.Len() {
				t.Fatalf("seed %d %d→%d: %v %d, want %v %d", seed, a, b, okm, pm.Len(), okd, pd.Len())
			}
			setM, _ := sm.AllPaths(ctx, a, b, Options{Directed: true, MaxHops: 4}, 100000)
			setD, _ := sd.AllPaths(ctx, a, b, Options{Directed: true, MaxHops: 4}, 100000)
			if a != b && len(setM.Paths) > len(setD.Paths) {
				t.Fatalf("seed %d %d→%d: %d simple paths, more than the doubled graph's %d", seed, a, b, len(setM.Paths), len(setD.Paths))
			}
			if (len(setM.Paths) == 0) != (len(setD.Paths) == 0) {
				t.Fatalf("seed %d %d→%d: all paths %d vs %d", seed, a, b, len(setM.Paths), len(setD.Paths))
			}
		}
	}
}
