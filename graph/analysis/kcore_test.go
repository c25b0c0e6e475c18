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

// TestKCoreUndirectedAgainstNet checks KCoreUndirected against KCore on
// the simple net, on random multigraphs (repeats, self-loops, isolated
// entities, hubs whose rows take the marking path), with every relation
// and with a random subset of the relation types (the entities left
// without a kept relation: core 0), on one core and on two (the rows in
// two halves), by peel and by peelShared with levels on one core and
// shared out.
func TestKCoreUndirectedAgainstNet(t *testing.T) {
	ctx := context.Background()
	defer func(l, f int, c int32) { parallelPeelLinks, parallelLevel, peelChunk = l, f, c }(parallelPeelLinks, parallelLevel, peelChunk)
	for seed := uint64(1); seed <= 120; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 1 + r.IntN(200)
		m := r.IntN(4 * n)
		if seed%10 == 0 {
			n = 1000 + r.IntN(30000)
			m = 3 * n
		}
		g := messyGraph(r, n, m)
		if seed%3 == 0 && n > 10 {
			// a hub: one entity on a long row with repeats
			for k := 0; k < 3*shortRow; k++ {
				g.AddEdge(graph.Edge{From: 0, To: int32(r.IntN(n)), Type: "r0"})
			}
		}
		topo := g.Topology()
		var keep []bool
		if seed%2 == 0 {
			keep = make([]bool, len(topo.Types.Rels))
			for i := range keep {
				keep[i] = r.IntN(2) == 0
			}
		}
		net, err := NewNet(ctx, topo, NetOptions{RelTypes: keep})
		if err != nil {
			t.Fatal(err)
		}
		want, err := KCore(ctx, net)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			procs, links, level int
			chunk               int32
		}{
			{1, 1 << 30, 1 << 30, 1024}, // one core: peel
			{2, 1 << 30, 1 << 30, 1024}, // rows in two halves, peel
			{2, 1, 1 << 30, 1024},       // peelShared, every level on one core
			{2, 1, 1, 1024},             // peelShared, every level shared out
			{2, 1, 1, 1},                // … in chunks of one link
			{2, 1, 8, 5},
		} {
			old := runtime.GOMAXPROCS(c.procs)
			parallelPeelLinks, parallelLevel, peelChunk = c.links, c.level, c.chunk
			got, err := KCoreUndirected(ctx, topo, keep)
			runtime.GOMAXPROCS(old)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d n %d keep %v, %+v: %v, want %v", seed, n, keep, c, got, want)
			}
		}
	}
}

// TestKCoreUndirectedAgainstNetworkx: networkx's core numbers on the
// oracle's undirected cases.
func TestKCoreUndirectedAgainstNetworkx(t *testing.T) {
	ctx := context.Background()
	for _, c := range oracleCases(t) {
		if c.Directed || c.KCore == nil {
			continue
		}
		got, err := KCoreUndirected(ctx, c.build().Topology(), nil)
		if err != nil {
			t.Fatal(err)
		}
		near(t, fmt.Sprintf("seed %d kcore", c.Seed), got, c.KCore, 0)
	}
}

func TestKCoreUndirectedCancelled(t *testing.T) {
	g := randomGraph(rand.New(rand.NewPCG(1, 1)), 20000, 40000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := KCoreUndirected(ctx, g.Topology(), nil); err != context.Canceled {
		t.Errorf("KCoreUndirected: %v", err)
	}
}

// What `analyze --measure kcore` times, against KCore on the net
// (BenchmarkKCoreWithNet120k, …Debian).
func BenchmarkKCoreUndirected100k(b *testing.B)   { benchKCore(b, "synth-N100000-d4-s42.json") }
func BenchmarkKCoreUndirected120k(b *testing.B)   { benchKCore(b, "synth-N120000-d6-s42.json") }
func BenchmarkKCoreUndirectedDebian(b *testing.B) { benchKCore(b, "debian-bookworm.json") }

func BenchmarkKCoreWithNet100k(b *testing.B) {
	t := peerTopo(b, "synth-N100000-d4-s42.json")
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		net, _ := NewNet(context.Background(), t, NetOptions{})
		KCore(context.Background(), net)
	}
	c.stop()
}

func benchKCore(b *testing.B, name string) {
	t := peerTopo(b, name)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		if _, err := KCoreUndirected(context.Background(), t, nil); err != nil {
			b.Fatal(err)
		}
	}
	c.stop()
}

// The same with the peeling on one core (peel, not peelShared).
func BenchmarkKCoreUndirectedPeel120k(b *testing.B) {
	defer func(l int) { parallelPeelLinks = l }(parallelPeelLinks)
	parallelPeelLinks = 1 << 30
	benchKCore(b, "synth-N120000-d6-s42.json")
}

func BenchmarkKCoreUndirectedPeelDebian(b *testing.B) {
	defer func(l int) { parallelPeelLinks = l }(parallelPeelLinks)
	parallelPeelLinks = 1 << 30
	benchKCore(b, "debian-bookworm.json")
}

// The peeling alone, on rows made once: peel against peelShared.
func benchPeel(b *testing.B, name string, f func(context.Context, []int32, []int32, []int32) error) {
	t := peerTopo(b, name)
	off, adj := coreRows(context.Background(), t, nil)
	deg0 := make([]int32, t.N)
	for v := range deg0 {
		deg0[v] = off[v+1] - off[v]
	}
	deg := make([]int32, t.N)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		copy(deg, deg0)
		if err := f(context.Background(), off, adj, deg); err != nil {
			b.Fatal(err)
		}
	}
	c.stop()
}

func BenchmarkPeel120k(b *testing.B)         { benchPeel(b, "synth-N120000-d6-s42.json", peel) }
func BenchmarkPeelShared120k(b *testing.B)   { benchPeel(b, "synth-N120000-d6-s42.json", peelShared) }
func BenchmarkPeelDebian(b *testing.B)       { benchPeel(b, "debian-bookworm.json", peel) }
func BenchmarkPeelSharedDebian(b *testing.B) { benchPeel(b, "debian-bookworm.json", peelShared) }
func BenchmarkCoreRows120k(b *testing.B)     { benchRows(b, "synth-N120000-d6-s42.json") }
func BenchmarkCoreRowsDebian(b *testing.B)   { benchRows(b, "debian-bookworm.json") }

func benchRows(b *testing.B, name string) {
	t := peerTopo(b, name)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		coreRows(context.Background(), t, nil)
	}
	c.stop()
}
