package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// TestKCoreOfMatchesNet: on random multigraphs with hubs (self-loops,
// parallel and undirected relations, two relation types), the core
// numbers read from the topology are those of the simple net, with and
// without a type filter, directed or not.
func TestKCoreOfMatchesNet(t *testing.T) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 40; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 1 + r.IntN(60)
		m := r.IntN(6 * n)
		g := graph.New(n, m)
		for i := 0; i < n; i++ {
			g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
		}
		for k := 0; k < m; k++ {
			from := int32(r.IntN(n))
			if r.IntN(4) == 0 {
				from = 0 // a hub, with many repeated pairs
			}
			g.AddEdge(graph.Edge{From: from, To: int32(r.IntN(n)), Type: []string{"a", "b"}[r.IntN(2)], Undirected: r.IntN(3) == 0})
		}
		topo := g.Topology()
		for _, directed := range []bool{false, true} {
			for _, filter := range []bool{false, true} {
				o := NetOptions{Directed: directed}
				if filter {
					o.RelTypes = make([]bool, len(topo.Types.Rels))
					for i, rt := range topo.Types.Rels {
						o.RelTypes[i] = rt.Name == "a"
					}
				}
				net, err := NewNet(ctx, topo, o)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := KCore(ctx, net)
				got, err := KCoreOf(ctx, topo, o)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("seed %d directed %v filter %v: %v, from the net %v", seed, directed, filter, got, want)
				}
			}
		}
	}
}
