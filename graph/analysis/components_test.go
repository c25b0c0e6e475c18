package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	dg "github.com/dominikbraun/graph"

	"github.com/linkscope/linkscope/graph"
)

func randomGraph(r *rand.Rand, n, m int) *graph.Graph {
	g := graph.New(n, m)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for k := 0; k < m; k++ {
		g.AddEdge(graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: "r", Undirected: r.IntN(4) == 0})
	}
	return g
}

// reach is brute-force reachability along relations (directed) or either
// way.
func reach(g *graph.Graph, directed bool) [][]bool {
	n := g.NodeCount()
	r := make([][]bool, n)
	for s := range r {
		r[s] = make([]bool, n)
		r[s][s] = true
		queue := []int32{int32(s)}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for e := 0; e < g.EdgeCount(); e++ {
				ed := g.Edge(int32(e))
				for _, step := range [][2]int32{{ed.From, ed.To}, {ed.To, ed.From}} {
					if step[0] == v && !r[s][step[1]] {
						r[s][step[1]] = true
						queue = append(queue, step[1])
					}
					if directed && !ed.Undirected {
						break
					}
				}
			}
		}
	}
	return r
}

func checkPartition(t *testing.T, what string, c Components, same func(a, b int) bool) {
	t.Helper()
	n := len(c.Of)
	total := 0
	for _, s := range c.Sizes {
		total += s
	}
	if total != n {
		t.Fatalf("%s: sizes add up to %d of %d", what, total, n)
	}
	if !slices.IsSortedFunc(c.Sizes, func(a, b int) int { return b - a }) {
		t.Fatalf("%s: sizes not largest first: %v", what, c.Sizes)
	}
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			if (c.Of[a] == c.Of[b]) != same(a, b) {
				t.Fatalf("%s: %d and %d: same component %v, want %v", what, a, b, c.Of[a] == c.Of[b], same(a, b))
			}
		}
	}
}

func TestComponentsAgainstBruteForce(t *testing.T) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 1))
		n := 1 + r.IntN(30)
		g := randomGraph(r, n, r.IntN(2*n))
		dir, und := reach(g, true), reach(g, false)
		cc, err := Connected(ctx, g.Topology())
		if err != nil {
			t.Fatal(err)
		}
		checkPartition(t, "connected", cc, func(a, b int) bool { return und[a][b] })
		scc, err := StronglyConnected(ctx, g.Topology())
		if err != nil {
			t.Fatal(err)
		}
		checkPartition(t, "strongly connected", scc, func(a, b int) bool { return dir[a][b] && dir[b][a] })
		if hasUndirected(g) {
			continue // the library's view knows only directed pairs
		}
		lib, err := libSCC(g)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(lib.Of, scc.Of) {
			t.Fatalf("seed %d: ours %v, dominikbraun/graph's %v", seed, scc.Of, lib.Of)
		}
	}
}

func TestCancelled(t *testing.T) {
	g := randomGraph(rand.New(rand.NewPCG(1, 1)), 20000, 40000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Connected(ctx, g.Topology()); err != context.Canceled {
		t.Errorf("Connected: %v", err)
	}
	if _, err := StronglyConnected(ctx, g.Topology()); err != context.Canceled {
		t.Errorf("StronglyConnected: %v", err)
	}
}

func benchGraph(b *testing.B, n, m int) *graph.Graph {
	g := randomGraph(rand.New(rand.NewPCG(42, 1)), n, m)
	g.Topology()
	b.ResetTimer()
	return g
}

// libSCC is dominikbraun/graph's StronglyConnectedComponents over the
// model's read-only view: the cross-check and the measured alternative.
func libSCC(g *graph.Graph) (Components, error) {
	sccs, err := dg.StronglyConnectedComponents(g.Lib())
	if err != nil {
		return Components{}, err
	}
	of := make([]int32, g.NodeCount())
	sizes := make([]int, len(sccs))
	for c, members := range sccs {
		for _, v := range members {
			of[graph.LibNode(v)] = int32(c)
		}
		sizes[c] = len(members)
	}
	return renumber(of, sizes), nil
}

func BenchmarkSCCDominikbraun100k(b *testing.B) {
	g := benchGraph(b, 100000, 200000)
	for i := 0; i < b.N; i++ {
		libSCC(g)
	}
}

func BenchmarkSCCOwnTarjan100k(b *testing.B) {
	g := benchGraph(b, 100000, 200000)
	for i := 0; i < b.N; i++ {
		tarjan(context.Background(), g.Topology())
	}
}

func BenchmarkSCCDominikbraun2k(b *testing.B) {
	g := benchGraph(b, 2000, 4000)
	for i := 0; i < b.N; i++ {
		libSCC(g)
	}
}

func BenchmarkSCCOwnTarjan2k(b *testing.B) {
	g := benchGraph(b, 2000, 4000)
	for i := 0; i < b.N; i++ {
		tarjan(context.Background(), g.Topology())
	}
}

func hasUndirected(g *graph.Graph) bool {
	for e := 0; e < g.EdgeCount(); e++ {
		if g.Edge(int32(e)).Undirected {
			return true
		}
	}
	return false
}
