// Package path holds Linkscope's finders: the questions "how are these
// connected?" that an analyst asks of a chart. Each reads the model's
// [graph.Topology], the one derived structure, and takes a context that it
// checks every few thousand steps.
package path

import (
	"context"
	"slices"
	"sort"

	dg "github.com/dominikbraun/graph"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// NetworkOptions restrict a connecting network.
type NetworkOptions struct {
	// Exclude are entities the network must not pass through (seeds are
	// never excluded).
	Exclude []int32
	// RelTypes, when set, are the only relation types followed.
	RelTypes []string
	// MaxHops, when positive, bounds the length of each path joining two
	// seeds.
	MaxHops int
}

// Network is the smallest set of relations found that joins a set of seed
// entities (relations are followed either way).
type Network struct {
	// Seeds are the seeds the network joins.
	Seeds []int32
	// Nodes and Edges are the network's entities and relations, sorted.
	Nodes, Edges []int32
	// Apart lists groups of seeds that no path (within the options) joins
	// to the others; each group is joined within itself by the network.
	// Empty when one network joins every seed.
	Apart [][]int32
}

// ApproximationFactor is the bound on a connecting network's size: at most
// 2(1 − 1/k) times the fewest relations that could join k seeds
// (Kou, Markowsky and Berman, Acta Informatica 15, 1981).
func ApproximationFactor(k int) float64 {
	if k < 2 {
		return 1
	}
	return 2 * (1 - 1/float64(k))
}

// ConnectingNetwork finds a small subgraph joining the seeds: a Steiner
// tree approximation (Kou–Markowsky–Berman). It measures the hop distance
// between every two seeds by breadth-first search, takes a minimum
// spanning tree of that distance graph, replaces each of its edges by a
// shortest path, takes a minimum spanning tree of the union and prunes
// the leaves that are not seeds. The two spanning trees are computed by
// dominikbraun/graph on graphs of seeds and of the union, which are
// small. Seeds that no path joins are reported in Network.Apart.
func ConnectingNetwork(ctx context.Context, t *graph.Topology, seeds []int32, opt NetworkOptions) (Network, error) {
	seeds = slices.Clone(seeds)
	slices.Sort(seeds)
	seeds = slices.Compact(seeds)
	for _, s := range seeds {
		if s < 0 || int(s) >= t.N {
			return Network{}, msg.Errorf("no entity %d", s)
		}
	}
	net := Network{Seeds: seeds}
	if len(seeds) == 0 {
		return net, nil
	}
	f := newNetFilter(t, opt)
	for _, s := range seeds {
		f.banned[s] = false
	}
	// one breadth-first search from each seed
	trees := make([]bfsTree, len(seeds))
	for k, s := range seeds {
		tr, err := f.bfs(ctx, s, opt.MaxHops)
		if err != nil {
			return Network{}, err
		}
		trees[k] = tr
	}
	// the seeds' distance graph, and its minimum spanning forest
	// (vertex hashes start at 1: the library takes the zero hash for
	// "none" in places)
	closure := dg.New(func(k int) int { return k + 1 }, dg.Weighted())
	for k := range seeds {
		_ = closure.AddVertex(k)
	}
	for a := range seeds {
		for b := a + 1; b < len(seeds); b++ {
			if d := trees[a].dist[seeds[b]]; d >= 0 {
				_ = closure.AddEdge(a+1, b+1, dg.EdgeWeight(int(d)))
			}
		}
	}
	mst, err := dg.MinimumSpanningTree(closure)
	if err != nil {
		return Network{}, err
	}
	closureEdges, err := mst.Edges()
	if err != nil {
		return Network{}, err
	}
	// expand each spanning-tree edge into its shortest path
	union := map[int32]bool{}
	unionNodes := map[int32]bool{}
	for _, s := range seeds {
		unionNodes[s] = true
	}
	for _, e := range closureEdges {
		a, b := e.Source-1, e.Target-1
		for v := seeds[b]; v != seeds[a]; {
			arc := trees[a].pred[v]
			union[arc.Rel] = true
			unionNodes[arc.Node] = true
			v = arc.Node
		}
	}
	nodes, edges, err := spanAndPrune(t, seeds, unionNodes, union)
	if err != nil {
		return Network{}, err
	}
	net.Nodes, net.Edges = nodes, edges
	// the seeds' groups: components of the distance graph
	groupOf := make([]int, len(seeds))
	for k := range groupOf {
		groupOf[k] = -1
	}
	var groups [][]int32
	for k := range seeds {
		if groupOf[k] >= 0 {
			continue
		}
		g := len(groups)
		var members []int32
		for j := range seeds {
			if j == k || trees[k].dist[seeds[j]] >= 0 {
				groupOf[j] = g
				members = append(members, seeds[j])
			}
		}
		groups = append(groups, members)
	}
	if len(groups) > 1 {
		sort.SliceStable(groups, func(a, b int) bool { return len(groups[a]) > len(groups[b]) })
		net.Apart = groups
	}
	return net, nil
}

// spanAndPrune takes a minimum spanning forest of the union of paths (one
// relation per pair of entities: the library keeps one edge per pair) and
// prunes, again and again, the leaves that are not seeds.
func spanAndPrune(t *graph.Topology, seeds []int32, nodes, rels map[int32]bool) ([]int32, []int32, error) {
	u := dg.New(func(v int32) int32 { return v + 1 }, dg.Weighted())
	for v := range nodes {
		_ = u.AddVertex(v)
	}
	pairRel := map[[2]int32]int32{}
	relList := make([]int32, 0, len(rels))
	for r := range rels {
		relList = append(relList, r)
	}
	slices.Sort(relList)
	for _, r := range relList {
		a, b := t.Src[r], t.Dst[r]
		if a > b {
			a, b = b, a
		}
		if _, ok := pairRel[[2]int32{a, b}]; ok {
			continue
		}
		pairRel[[2]int32{a, b}] = r
		if err := u.AddEdge(a+1, b+1, dg.EdgeWeight(1)); err != nil {
			return nil, nil, err
		}
	}
	tree, err := dg.MinimumSpanningTree(u)
	if err != nil {
		return nil, nil, err
	}
	tedges, err := tree.Edges()
	if err != nil {
		return nil, nil, err
	}
	isSeed := map[int32]bool{}
	for _, s := range seeds {
		isSeed[s] = true
	}
	adj := map[int32]map[int32]bool{}
	for v := range nodes {
		adj[v] = map[int32]bool{}
	}
	for _, e := range tedges {
		a, b := e.Source-1, e.Target-1
		adj[a][b] = true
		adj[b][a] = true
	}
	for changed := true; changed; {
		changed = false
		for v, nb := range adj {
			if !isSeed[v] && len(nb) <= 1 {
				for w := range nb {
					delete(adj[w], v)
				}
				delete(adj, v)
				changed = true
			}
		}
	}
	var outN, outE []int32
	for v, nb := range adj {
		outN = append(outN, v)
		for w := range nb {
			if v < w {
				outE = append(outE, pairRel[[2]int32{v, w}])
			}
		}
	}
	slices.Sort(outN)
	slices.Sort(outE)
	return outN, outE, nil
}

// netFilter is NetworkOptions compiled against the topology.
type netFilter struct {
	t      *graph.Topology
	relOK  []bool // by relation type id; nil allows all
	banned []bool
}

func newNetFilter(t *graph.Topology, opt NetworkOptions) *netFilter {
	f := &netFilter{t: t, banned: make([]bool, t.N)}
	for _, v := range opt.Exclude {
		if v >= 0 && int(v) < t.N {
			f.banned[v] = true
		}
	}
	if len(opt.RelTypes) > 0 {
		f.relOK = make([]bool, len(t.Types.Rels))
		for _, name := range opt.RelTypes {
			if id, ok := t.Types.RelTypeID(name); ok {
				f.relOK[id] = true
			}
		}
	}
	return f
}

// bfsTree is a breadth-first search tree: hop distance from the root (-1
// when not reached) and, for each reached node, the arc back towards it.
type bfsTree struct {
	dist []int32
	pred []graph.Arc
}

func (f *netFilter) bfs(ctx context.Context, root int32, maxHops int) (bfsTree, error) {
	t := f.t
	tr := bfsTree{dist: make([]int32, t.N), pred: make([]graph.Arc, t.N)}
	for i := range tr.dist {
		tr.dist[i] = -1
	}
	tr.dist[root] = 0
	queue := []int32{root}
	steps := 0
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if maxHops > 0 && int(tr.dist[v]) >= maxHops {
			continue
		}
		for _, list := range [2][]graph.Arc{t.OutArcs(v), t.InArcs(v)} {
			for _, a := range list {
				if tr.dist[a.Node] >= 0 || f.banned[a.Node] || (f.relOK != nil && !f.relOK[t.RelType[a.Rel]]) {
					continue
				}
				tr.dist[a.Node] = tr.dist[v] + 1
				tr.pred[a.Node] = graph.Arc{Node: v, Rel: a.Rel}
				queue = append(queue, a.Node)
			}
			if steps++; steps&0xfff == 0 && ctx.Err() != nil {
				return bfsTree{}, ctx.Err()
			}
		}
	}
	return tr, ctx.Err()
}
