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

// hubGraph is a random graph of planted groups of 50 with a few hubs
// linked to a tenth of all entities, so that local moving's batches meet
// rows long enough to have their weights corrected instead of re-read.
func hubGraph(r *rand.Rand, n int) *graph.Graph {
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	link := func(a, b int) { g.AddEdge(graph.Edge{From: int32(a), To: int32(b), Type: "r"}) }
	for v := 0; v < n; v++ {
		for k := 0; k < 3; k++ {
			if r.IntN(5) == 0 {
				link(v, r.IntN(n))
			} else {
				link(v, v/50*50+r.IntN(50))
			}
		}
	}
	for h := 0; h < 5; h++ {
		for k := 0; k < n/10; k++ {
			link(h, r.IntN(n))
		}
	}
	return g
}

// TestMoveNodesFastBatchesOnAnyCores: local moving decides its batches
// over the cores; the partition it reaches, hubs included, is the same on
// one core as on four, and raises modularity from singletons.
func TestMoveNodesFastBatchesOnAnyCores(t *testing.T) {
	net, err := NewNet(context.Background(), hubGraph(rand.New(rand.NewPCG(4, 4)), 20000).Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if net.OutOff[1]-net.OutOff[0] <= patchRow {
		t.Fatalf("hub row of %d: no correction to test", net.OutOff[1]-net.OutOff[0])
	}
	g := weightedFromNet(net)
	run := func(procs int) []int32 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		part := make([]int32, g.n)
		for i := range part {
			part[i] = int32(i)
		}
		moveNodesFast(g, part, 1, rand.New(rand.NewPCG(2, 2)), false, nil)
		return part
	}
	one, four := run(1), run(4)
	if !slices.Equal(one, four) {
		t.Fatal("local moving differs between one core and four")
	}
	single := make([]int32, g.n)
	for i := range single {
		single[i] = int32(i)
	}
	if q0, q := modularity(g, single, 1), modularity(g, one, 1); q < q0+0.2 {
		t.Fatalf("modularity %.4f after local moving, %.4f before", q, q0)
	}
}

// TestModularityOverCoresExact: modularity sums over the cores in chunks
// of nodes; on a graph of several chunks it is the one-loop sum, to the
// last bit, on one core and on four.
func TestModularityOverCoresExact(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	net, err := NewNet(context.Background(), randomGraph(r, 80000, 160000).Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := weightedFromNet(net)
	of := make([]int32, g.n)
	for v := range of {
		of[v] = int32(v / 40)
	}
	// the one loop
	nc := g.n/40 + 1
	in, kc := make([]float64, nc), make([]float64, nc)
	for v := int32(0); v < int32(g.n); v++ {
		c := of[v]
		kc[c] += float64(g.k[v])
		for _, u := range net.OutOf(v) {
			if of[u] == c && u > v {
				in[c]++
			}
		}
	}
	want := 0.0
	for c := range in {
		want += in[c]/(g.m2/2) - (kc[c]/g.m2)*(kc[c]/g.m2)
	}
	for _, procs := range []int{1, 4} {
		func() {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			if got := modularity(g, of, 1); got != want {
				t.Errorf("%d cores: modularity %v, the one loop's %v", procs, got, want)
			}
		}()
	}
}
