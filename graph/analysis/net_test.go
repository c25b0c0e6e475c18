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

// TestNewNetAgainstBruteForce: on random multigraphs (self-loops, parallel
// and undirected relations, two relation types), every row of the net is
// the sorted set of neighbours a pair-by-pair count gives, with its
// multiplicities, directed or not, with and without a type filter.
func TestNewNetAgainstBruteForce(t *testing.T) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 3))
		n := 1 + r.IntN(30)
		m := r.IntN(4 * n)
		g := graph.New(n, m)
		for i := 0; i < n; i++ {
			g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
		}
		for k := 0; k < m; k++ {
			g.AddEdge(graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: []string{"a", "b"}[r.IntN(2)], Undirected: r.IntN(3) == 0})
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
				// count[a][b]: relations standing for the link a -> b
				count := make([][]int32, n)
				for a := range count {
					count[a] = make([]int32, n)
				}
				for e := 0; e < m; e++ {
					ed := g.Edge(int32(e))
					if ed.From == ed.To || (filter && ed.Type != "a") {
						continue
					}
					count[ed.From][ed.To]++
					if !directed || ed.Undirected {
						count[ed.To][ed.From]++
					}
				}
				what := fmt.Sprintf("seed %d directed %v filter %v", seed, directed, filter)
				for v := int32(0); v < int32(n); v++ {
					var want, wantIn, wantMult []int32
					for w := int32(0); w < int32(n); w++ {
						if c := count[v][w]; c > 0 {
							want = append(want, w)
							wantMult = append(wantMult, c)
						}
						if count[w][v] > 0 {
							wantIn = append(wantIn, w)
						}
					}
					got, gotMult := net.OutOf(v), net.Mult[net.OutOff[v]:net.OutOff[v+1]]
					if !slices.Equal(got, want) {
						t.Fatalf("%s: out of %d = %v, want %v", what, v, got, want)
					}
					if !slices.Equal(gotMult, wantMult) {
						t.Fatalf("%s: multiplicities of %d = %v, want %v", what, v, gotMult, wantMult)
					}
					if got := net.InOf(v); !slices.Equal(got, wantIn) {
						t.Fatalf("%s: in of %d = %v, want %v", what, v, got, wantIn)
					}
				}
			}
		}
	}
}

// TestSplitDisconnected: a community in two pieces becomes two
// communities; connected ones keep their number.
func TestSplitDisconnected(t *testing.T) {
	// path 0-1-2-3-4-5; community 0 = {0,1,4,5} (two pieces), 1 = {2,3}
	g := graph.New(6, 5)
	for i := 0; i < 6; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for i := int32(0); i < 5; i++ {
		g.AddEdge(graph.Edge{From: i, To: i + 1, Type: "r"})
	}
	net, err := NewNet(context.Background(), g.Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	part := []int32{0, 0, 1, 1, 0, 0}
	splitDisconnected(weightedFromNet(net), part)
	if want := []int32{0, 0, 1, 1, 2, 2}; !slices.Equal(part, want) {
		t.Fatalf("split %v, want %v", part, want)
	}
}

// TestLeidenSameOnAnyNumberOfCores: the refinement and aggregation run
// over the cores, community by community; the partition for a seed is the
// same on one core as on four, on a graph big enough to be split into
// many chunks of work.
func TestLeidenSameOnAnyNumberOfCores(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	g := randomGraph(r, 20000, 50000)
	net, err := NewNet(context.Background(), g.Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(procs int) Communities {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c, err := Leiden(context.Background(), net, CommunityOptions{Seed: 3, Passes: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	one, four := run(1), run(4)
	if !slices.Equal(one.Of, four.Of) || one.Modularity != four.Modularity {
		t.Fatalf("one core: %d communities, modularity %v; four: %d, %v", len(one.Sizes), one.Modularity, len(four.Sizes), four.Modularity)
	}
	if len(one.Sizes) < 50 || one.Modularity < 0.3 {
		t.Fatalf("%d communities, modularity %v: not a real partition to compare", len(one.Sizes), one.Modularity)
	}
	checkConnectedCommunities(t, net, one)
}

// TestNewNetTwoHalvesAsOne: on a graph big enough for NewNet to write
// two halves at once, the net is the one a single pass writes.
func TestNewNetTwoHalvesAsOne(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	topo := randomGraph(r, 30000, 90000).Topology()
	for _, o := range []NetOptions{{}, {Directed: true}} {
		build := func(procs int) *Net {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			net, err := NewNet(context.Background(), topo, o)
			if err != nil {
				t.Fatal(err)
			}
			return net
		}
		one, two := build(1), build(2)
		if !slices.Equal(one.OutOff, two.OutOff) || !slices.Equal(one.Out, two.Out) || !slices.Equal(one.Mult, two.Mult) ||
			!slices.Equal(one.InOff, two.InOff) || !slices.Equal(one.In, two.In) {
			t.Fatalf("directed %v: the nets differ", o.Directed)
		}
		if len(one.Out) < 1<<16 {
			t.Fatalf("only %d links: too few for two halves", len(one.Out))
		}
	}
}

// TestRadixSortRow: long rows, numbers of up to 31 bits, sorted as
// slices.Sort sorts them.
func TestRadixSortRow(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	var scratch []int32
	for _, top := range []int32{1, 700, 1 << 11, 1<<22 + 5, 1<<31 - 1} {
		for _, n := range []int{512, 513, 3000} {
			row := make([]int32, n)
			for i := range row {
				row[i] = r.Int32N(top)
			}
			want := slices.Clone(row)
			slices.Sort(want)
			scratch = radixSortRow(row, scratch)
			if !slices.Equal(row, want) {
				t.Fatalf("top %d, %d numbers: not sorted", top, n)
			}
		}
	}
}
