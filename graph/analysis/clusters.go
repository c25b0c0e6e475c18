package analysis

import (
	"context"
	"fmt"
	"sort"
)

// Cluster is a set of entities bound together with a given strength: every
// two of them are joined by Strength relation-disjoint paths (cutting
// fewer than Strength links cannot separate them), and no entity outside
// is bound to them as strongly.
type Cluster struct {
	Strength int
	Members  []int32
}

// MaxClusterEntities bounds the graphs Clusters takes: it runs one
// maximum flow per entity.
const MaxClusterEntities = 20000

// Clusters finds the groups of entities ranked by how many links must be
// cut to separate them (edge connectivity), as i2 Analyst's Notebook's
// Find Clusters does: for each strength k from the highest down to
// minStrength, the classes of entities pairwise k-edge-connected in the
// undirected simple graph (networkx's k_edge_components), of at least
// minSize members. A class at strength k is listed only when it differs
// from the classes at k+1 (it gained members), so each group appears once
// at its highest strength.
//
// It builds a Gomory–Hu tree by Gusfield's algorithm (n-1 maximum flows,
// Dinic's algorithm on unit capacities): the pairwise edge connectivity of
// two entities is the smallest weight on their tree path, so the classes
// at strength k are the tree's components once edges lighter than k are
// removed.
func Clusters(ctx context.Context, net *Net, minStrength, minSize int, progress Progress) ([]Cluster, error) {
	n := net.N
	if net.Directed {
		return nil, fmt.Errorf("clusters: the net must be undirected")
	}
	if n > MaxClusterEntities {
		return nil, fmt.Errorf("clusters: %d entities is more than the %d this finder takes (one maximum flow per entity); filter the graph first", n, MaxClusterEntities)
	}
	if minStrength < 1 {
		minStrength = 1
	}
	if minSize < 2 {
		minSize = 2
	}
	parent := make([]int32, n)
	weight := make([]int, n)
	fl := newFlow(net)
	for s := 1; s < n; s++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := parent[s]
		f, side := fl.maxFlow(int32(s), t)
		weight[s] = f
		for v := s + 1; v < n; v++ {
			if side[v] && parent[v] == t {
				parent[v] = int32(s)
			}
		}
		if pt := parent[t]; pt != t && side[pt] {
			parent[s], parent[t] = pt, int32(s)
			weight[s], weight[t] = weight[t], f
		}
		progress.report(float64(s) / float64(n))
	}
	// tree edges (v, parent[v], weight[v]) for v >= 1, heaviest first:
	// union them in order, emitting the classes at each strength
	type te struct {
		v, p int32
		w    int
	}
	edges := make([]te, 0, n)
	for v := 1; v < n; v++ {
		if weight[v] >= minStrength {
			edges = append(edges, te{int32(v), parent[v], weight[v]})
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].w != edges[b].w {
			return edges[a].w > edges[b].w
		}
		return edges[a].v < edges[b].v
	})
	uf := make([]int32, n)
	size := make([]int, n)
	for i := range uf {
		uf[i], size[i] = int32(i), 1
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for uf[x] != x {
			uf[x] = uf[uf[x]]
			x = uf[x]
		}
		return x
	}
	var out []Cluster
	for i := 0; i < len(edges); {
		w := edges[i].w
		changed := map[int32]bool{}
		for ; i < len(edges) && edges[i].w == w; i++ {
			a, b := find(edges[i].v), find(edges[i].p)
			if a == b {
				continue
			}
			if size[a] < size[b] {
				a, b = b, a
			}
			uf[b] = a
			size[a] += size[b]
			changed[a] = true
		}
		// the roots that grew at this strength are its new classes
		roots := make([]int32, 0, len(changed))
		for r := range changed {
			if find(r) == r && size[r] >= minSize {
				roots = append(roots, r)
			}
		}
		members := map[int32][]int32{}
		if len(roots) > 0 {
			for v := int32(0); v < int32(n); v++ {
				r := find(v)
				if changed[r] {
					members[r] = append(members[r], v)
				}
			}
		}
		sort.Slice(roots, func(a, b int) bool {
			ma, mb := members[roots[a]], members[roots[b]]
			if len(ma) != len(mb) {
				return len(ma) > len(mb)
			}
			return ma[0] < mb[0]
		})
		for _, r := range roots {
			out = append(out, Cluster{Strength: w, Members: members[r]})
		}
	}
	return out, nil
}

// flow is Dinic's maximum flow on the undirected simple net with unit
// capacities (each link an arc each way of capacity 1).
type flow struct {
	net   *Net
	rev   []int32 // index of the reverse arc
	cap   []int8  // residual capacity of each arc
	level []int32
	iter  []int32
	queue []int32
}

func newFlow(net *Net) *flow {
	f := &flow{net: net, rev: make([]int32, len(net.Out)), cap: make([]int8, len(net.Out)),
		level: make([]int32, net.N), iter: make([]int32, net.N), queue: make([]int32, 0, net.N)}
	// the reverse of arc v->w is w->v in w's sorted row
	for v := int32(0); v < int32(net.N); v++ {
		for k := net.OutOff[v]; k < net.OutOff[v+1]; k++ {
			w := net.Out[k]
			row := net.Out[net.OutOff[w]:net.OutOff[w+1]]
			j := sort.Search(len(row), func(i int) bool { return row[i] >= v })
			f.rev[k] = net.OutOff[w] + int32(j)
		}
	}
	return f
}

// maxFlow returns the maximum flow from s to t and the source side of a
// minimum cut.
func (f *flow) maxFlow(s, t int32) (int, []bool) {
	for k := range f.cap {
		f.cap[k] = 1
	}
	total := 0
	for f.bfs(s, t) {
		copy(f.iter, f.net.OutOff[:f.net.N])
		for {
			p := f.dfs(s, t)
			if p == 0 {
				break
			}
			total += p
		}
	}
	side := make([]bool, f.net.N)
	for i := range f.level {
		side[i] = f.level[i] >= 0
	}
	return total, side
}

func (f *flow) bfs(s, t int32) bool {
	for i := range f.level {
		f.level[i] = -1
	}
	q := append(f.queue[:0], s)
	f.level[s] = 0
	for h := 0; h < len(q); h++ {
		v := q[h]
		for k := f.net.OutOff[v]; k < f.net.OutOff[v+1]; k++ {
			w := f.net.Out[k]
			if f.cap[k] > 0 && f.level[w] < 0 {
				f.level[w] = f.level[v] + 1
				q = append(q, w)
			}
		}
	}
	f.queue = q
	return f.level[t] >= 0
}

// dfs pushes one unit along a shortest augmenting path (iteratively, with
// the current-arc pointers), returning 1 or 0.
func (f *flow) dfs(s, t int32) int {
	type frame struct{ v, arc int32 }
	stack := []frame{{s, -1}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		v := top.v
		if v == t {
			for _, fr := range stack[1:] {
				f.cap[fr.arc]--
				f.cap[f.rev[fr.arc]]++
			}
			return 1
		}
		advanced := false
		for ; f.iter[v] < f.net.OutOff[v+1]; f.iter[v]++ {
			k := f.iter[v]
			w := f.net.Out[k]
			if f.cap[k] > 0 && f.level[w] == f.level[v]+1 {
				stack = append(stack, frame{w, k})
				advanced = true
				break
			}
		}
		if !advanced {
			f.level[v] = -1 // dead end
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				f.iter[stack[len(stack)-1].v]++
			}
		}
	}
	return 0
}
