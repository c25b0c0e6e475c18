package path

import (
	"context"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

func netRandomGraph(r *rand.Rand, n, m int) *graph.Graph {
	g := graph.New(n, m)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for k := 0; k < m; k++ {
		g.AddEdge(graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: []string{"a", "b"}[r.IntN(2)]})
	}
	return g
}

// optimum is the fewest relations joining the seeds, by trying every set
// of entities that contains them (a tree on s entities has s-1
// relations); -1 when none joins them.
func optimum(t *graph.Topology, seeds []int32, banned map[int32]bool) int {
	best := -1
	var need uint32
	for _, s := range seeds {
		need |= 1 << s
	}
	for set := uint32(0); set < 1<<t.N; set++ {
		if set&need != need {
			continue
		}
		ok := true
		for v := range banned {
			if set&(1<<v) != 0 && need&(1<<v) == 0 {
				ok = false
			}
		}
		if !ok || !connectedWithin(t, set, seeds[0]) {
			continue
		}
		if c := bits.OnesCount32(set) - 1; best < 0 || c < best {
			best = c
		}
	}
	return best
}

func connectedWithin(t *graph.Topology, set uint32, from int32) bool {
	seen := uint32(1) << from
	queue := []int32{from}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, list := range [2][]graph.Arc{t.OutArcs(v), t.InArcs(v)} {
			for _, a := range list {
				if b := uint32(1) << a.Node; set&b != 0 && seen&b == 0 {
					seen |= b
					queue = append(queue, a.Node)
				}
			}
		}
	}
	return seen == set
}

// checkTree checks that the network is a tree over its nodes that contains
// every seed of its first group, with leaves that are seeds.
func checkTree(t *testing.T, topo *graph.Topology, net Network, seeds []int32) {
	t.Helper()
	in := map[int32]bool{}
	for _, v := range net.Nodes {
		in[v] = true
	}
	deg := map[int32]int{}
	for _, r := range net.Edges {
		a, b := topo.Src[r], topo.Dst[r]
		if !in[a] || !in[b] {
			t.Fatalf("relation %d leaves the network", r)
		}
		deg[a]++
		deg[b]++
	}
	for _, s := range seeds {
		if !in[s] {
			t.Fatalf("seed %d missing from %v", s, net.Nodes)
		}
	}
	isSeed := map[int32]bool{}
	for _, s := range seeds {
		isSeed[s] = true
	}
	for _, v := range net.Nodes {
		if !isSeed[v] && deg[v] <= 1 {
			t.Fatalf("entity %d is a leaf that is not a seed", v)
		}
	}
	groups := 1
	if len(net.Apart) > 0 {
		groups = len(net.Apart)
	}
	if len(net.Edges) != len(net.Nodes)-groups {
		t.Fatalf("%d relations on %d entities in %d groups: not a forest", len(net.Edges), len(net.Nodes), groups)
	}
}

func TestConnectingNetworkAgainstOptimum(t *testing.T) {
	ctx := context.Background()
	tried := 0
	for seed := uint64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewPCG(seed, 2))
		n := 3 + r.IntN(9)
		g := netRandomGraph(r, n, n+r.IntN(2*n))
		topo := g.Topology()
		k := 2 + r.IntN(min(3, n-1))
		perm := r.Perm(n)
		seeds := make([]int32, k)
		for i := range seeds {
			seeds[i] = int32(perm[i])
		}
		var exclude []int32
		banned := map[int32]bool{}
		if n > k && r.IntN(3) == 0 {
			exclude = []int32{int32(perm[k])}
			banned[int32(perm[k])] = true
		}
		net, err := ConnectingNetwork(ctx, topo, seeds, NetworkOptions{Exclude: exclude})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range net.Nodes {
			if banned[v] {
				t.Fatalf("seed %d: the network passes through excluded %d", seed, v)
			}
		}
		opt := optimum(topo, seeds, banned)
		if opt < 0 {
			if len(net.Apart) < 2 {
				t.Fatalf("seed %d: no network joins %v, but none is reported apart", seed, seeds)
			}
			continue
		}
		if len(net.Apart) != 0 {
			t.Fatalf("seed %d: seeds reported apart %v but a network of %d joins them", seed, net.Apart, opt)
		}
		checkTree(t, topo, net, seeds)
		if got := float64(len(net.Edges)); got > ApproximationFactor(k)*float64(opt)+1e-9 {
			t.Fatalf("seed %d: %d relations, optimum %d, bound %.2f", seed, len(net.Edges), opt, ApproximationFactor(k))
		}
		tried++
	}
	if tried < 100 {
		t.Fatalf("only %d connected cases", tried)
	}
}

func TestConnectingNetworkApart(t *testing.T) {
	g := graph.New(0, 0)
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		g.AddNode(graph.Node{ID: id, Type: "t"})
	}
	g.AddEdge(graph.Edge{From: 0, To: 1})
	g.AddEdge(graph.Edge{From: 1, To: 2})
	g.AddEdge(graph.Edge{From: 3, To: 4})
	net, err := ConnectingNetwork(context.Background(), g.Topology(), []int32{0, 2, 3}, NetworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(net.Apart) != 2 || !slices.Equal(net.Apart[0], []int32{0, 2}) || !slices.Equal(net.Apart[1], []int32{3}) {
		t.Fatalf("apart %v", net.Apart)
	}
	if !slices.Equal(net.Nodes, []int32{0, 1, 2, 3}) || len(net.Edges) != 2 {
		t.Fatalf("network %v %v", net.Nodes, net.Edges)
	}
}

func TestConnectingNetworkCancelled(t *testing.T) {
	g := netRandomGraph(rand.New(rand.NewPCG(1, 1)), 50000, 100000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ConnectingNetwork(ctx, g.Topology(), []int32{1, 2}, NetworkOptions{}); err != context.Canceled {
		t.Fatalf("err %v", err)
	}
}
