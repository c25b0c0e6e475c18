package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// messyGraph is a random multigraph with repeated relations, self-loops,
// undirected relations, three relation types and isolated entities; its entities are numbered
// in a random order, so that links do not run from low ids to high.
func messyGraph(r *rand.Rand, n, m int) *graph.Graph {
	g := graph.New(n, m)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	// a quarter of the entities stay isolated
	live := r.Perm(n)[:max(1, 3*n/4)]
	for k := 0; k < m; k++ {
		a, b := live[r.IntN(len(live))], live[r.IntN(len(live))]
		switch r.IntN(10) {
		case 0:
			b = a // self-loop
		case 1:
			if k > 0 { // the previous relation again
				e := g.Edge(int32(k - 1))
				a, b = int(e.From), int(e.To)
			}
		}
		g.AddEdge(graph.Edge{From: int32(a), To: int32(b), Type: fmt.Sprint("r", r.IntN(3)), Undirected: r.IntN(4) == 0})
	}
	return g
}

// TestConnectedUFAgainstBFS checks the union-find against the
// breadth-first search on random multigraphs, on one core and spread
// over four (parallelUnionEdges lowered so that small graphs take the
// parallel path too): the same numbered partition, exactly.
func TestConnectedUFAgainstBFS(t *testing.T) {
	ctx := context.Background()
	defer func(p int) { parallelUnionEdges = p }(parallelUnionEdges)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for seed := uint64(1); seed <= 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 1 + r.IntN(300)
		if seed%20 == 0 {
			n = 1 + r.IntN(20000)
		}
		g := messyGraph(r, n, r.IntN(3*n))
		topo := g.Topology()
		want, err := connectedBFS(ctx, topo)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []int{1 << 30, 1} {
			parallelUnionEdges = p
			got, err := connectedUF(ctx, topo)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Of, want.Of) || !slices.Equal(got.Sizes, want.Sizes) {
				t.Fatalf("seed %d n %d (parallelUnionEdges %d): union-find %v %v, BFS %v %v", seed, n, p, got.Sizes, got.Of, want.Sizes, want.Of)
			}
		}
	}
}

// TestConnectedUFEdgeCases: no entities, no relations, only self-loops,
// one chain linked from its far end.
func TestConnectedUFEdgeCases(t *testing.T) {
	ctx := context.Background()
	build := func(n int, pairs ...[2]int32) *graph.Topology {
		g := graph.New(n, len(pairs))
		for i := 0; i < n; i++ {
			g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
		}
		for _, p := range pairs {
			g.AddEdge(graph.Edge{From: p[0], To: p[1], Type: "r"})
		}
		return g.Topology()
	}
	for _, c := range []struct {
		name  string
		topo  *graph.Topology
		of    []int32
		sizes []int
	}{
		{"empty", build(0), []int32{}, []int{}},
		{"isolated", build(3), []int32{0, 1, 2}, []int{1, 1, 1}},
		{"self-loops", build(2, [2]int32{1, 1}, [2]int32{0, 0}), []int32{0, 1}, []int{1, 1}},
		{"chain", build(5, [2]int32{4, 3}, [2]int32{3, 2}, [2]int32{1, 0}, [2]int32{2, 1}), []int32{0, 0, 0, 0, 0}, []int{5}},
		{"ties", build(5, [2]int32{4, 2}, [2]int32{3, 1}), []int32{2, 0, 1, 0, 1}, []int{2, 2, 1}},
	} {
		got, err := connectedUF(ctx, c.topo)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Of, c.of) || !slices.Equal(got.Sizes, c.sizes) {
			t.Errorf("%s: %v %v, want %v %v", c.name, got.Of, got.Sizes, c.of, c.sizes)
		}
	}
}

func TestConnectedUFCancelled(t *testing.T) {
	defer func(p int) { parallelUnionEdges = p }(parallelUnionEdges)
	g := randomGraph(rand.New(rand.NewPCG(1, 1)), 20000, 200000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, p := range []int{1 << 30, 1} {
		parallelUnionEdges = p
		if _, err := connectedUF(ctx, g.Topology()); err != context.Canceled {
			t.Errorf("parallelUnionEdges %d: %v", p, err)
		}
	}
}

// The components of `analyze --measure components` on the peers' graphs
// and Debian's: the union-find against the breadth-first search it
// replaced.
func benchComponents(b *testing.B, name string, f func(context.Context, *graph.Topology) (Components, error)) {
	t := peerTopo(b, name)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		if _, err := f(context.Background(), t); err != nil {
			b.Fatal(err)
		}
	}
	c.stop()
}

func BenchmarkComponentsUF100k(b *testing.B) {
	benchComponents(b, "synth-N100000-d4-s42.json", connectedUF)
}
func BenchmarkComponentsBFS100k(b *testing.B) {
	benchComponents(b, "synth-N100000-d4-s42.json", connectedBFS)
}
func BenchmarkComponentsUF120k(b *testing.B) {
	benchComponents(b, "synth-N120000-d6-s42.json", connectedUF)
}
func BenchmarkComponentsBFS120k(b *testing.B) {
	benchComponents(b, "synth-N120000-d6-s42.json", connectedBFS)
}
func BenchmarkComponentsUFDebian(b *testing.B) {
	benchComponents(b, "debian-bookworm.json", connectedUF)
}
func BenchmarkComponentsBFSDebian(b *testing.B) {
	benchComponents(b, "debian-bookworm.json", connectedBFS)
}
