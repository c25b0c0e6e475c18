package analysis

import (
	"context"
	"slices"

	"github.com/linkscope/linkscope/graph"
)

// Net is the simple graph the measures run on, built once from a
// topology: one link per ordered pair of distinct entities (parallel
// relations are one link, self-loops are left out), in compressed sparse
// rows. It is how networkx reads a multigraph after nx.DiGraph(G) or
// nx.Graph(G), the reference the tests compare with.
//
// Undirected (Directed false): Out holds each entity's neighbours and In
// is the same slice. Directed: Out follows relations in their direction
// (an undirected relation both ways), In against it.
type Net struct {
	N        int
	Directed bool
	OutOff   []int32
	Out      []int32
	InOff    []int32
	In       []int32
	// Mult is the number of relations each Out link stands for (the
	// weight for weighted degree and PageRank over a multigraph).
	Mult []int32
}

// NetOptions choose what the measures see.
type NetOptions struct {
	// Directed follows relation directions; otherwise every relation
	// links both ways.
	Directed bool
	// RelTypes, when non-nil, keeps only relations of these type ids
	// (indices into Topology.Types.Rels).
	RelTypes []bool
}

// OutOf returns v's out-neighbours (all neighbours when undirected).
func (n *Net) OutOf(v int32) []int32 { return n.Out[n.OutOff[v]:n.OutOff[v+1]] }

// InOf returns v's in-neighbours (all neighbours when undirected).
func (n *Net) InOf(v int32) []int32 { return n.In[n.InOff[v]:n.InOff[v+1]] }

// Links counts the links (each undirected link once).
func (n *Net) Links() int {
	if n.Directed {
		return len(n.Out)
	}
	return len(n.Out) / 2
}

// NewNet builds the simple graph of t under o.
func NewNet(ctx context.Context, t *graph.Topology, o NetOptions) (*Net, error) {
	nn := t.N
	keep := func(r int32) bool { return o.RelTypes == nil || o.RelTypes[t.RelType[r]] }
	// Count arcs per source (with duplicates), fill, then sort and dedupe
	// each row.
	off := make([]int32, nn+1)
	var undir []bool
	if o.Directed && t.AnyUndirected {
		undir = undirectedRels(t)
	}
	undirected := func(r int32) bool { return !o.Directed || (undir != nil && undir[r]) }
	for r := 0; r < t.M; r++ {
		a, b := t.Src[r], t.Dst[r]
		if a == b || !keep(int32(r)) {
			continue
		}
		off[a+1]++
		if undirected(int32(r)) {
			off[b+1]++
		}
	}
	for v := 0; v < nn; v++ {
		off[v+1] += off[v]
	}
	adj := make([]int32, off[nn])
	fill := slices.Clone(off[:nn])
	for r := 0; r < t.M; r++ {
		a, b := t.Src[r], t.Dst[r]
		if a == b || !keep(int32(r)) {
			continue
		}
		adj[fill[a]] = b
		fill[a]++
		if undirected(int32(r)) {
			adj[fill[b]] = a
			fill[b]++
		}
		if r&0xffff == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	out, outOff, mult := dedupe(adj, off, nn)
	net := &Net{N: nn, Directed: o.Directed, OutOff: outOff, Out: out, Mult: mult}
	if !o.Directed {
		net.InOff, net.In = outOff, out
		return net, ctx.Err()
	}
	// Transpose.
	inOff := make([]int32, nn+1)
	for _, w := range out {
		inOff[w+1]++
	}
	for v := 0; v < nn; v++ {
		inOff[v+1] += inOff[v]
	}
	in := make([]int32, len(out))
	pos := slices.Clone(inOff[:nn])
	for v := int32(0); v < int32(nn); v++ {
		for _, w := range net.OutOf(v) {
			in[pos[w]] = v
			pos[w]++
		}
	}
	net.InOff, net.In = inOff, in
	return net, ctx.Err()
}

// undirectedRels marks the undirected relations: those with a reverse arc.
func undirectedRels(t *graph.Topology) []bool {
	u := make([]bool, t.M)
	for _, a := range t.RevOut {
		u[a.Rel] = true
	}
	return u
}

// dedupe sorts each row and removes repeats, counting them.
func dedupe(adj, off []int32, n int) (out, outOff, mult []int32) {
	outOff = make([]int32, n+1)
	out = adj[:0:len(adj)]
	mult = make([]int32, 0, len(adj))
	k := int32(0)
	for v := 0; v < n; v++ {
		row := adj[off[v]:off[v+1]]
		slices.Sort(row)
		start := k
		for _, w := range row {
			if k > start && out[k-1] == w {
				mult[len(mult)-1]++
				continue
			}
			// writes never overtake reads: k <= off[v]+i
			out = out[:k+1]
			out[k] = w
			mult = append(mult, 1)
			k++
		}
		outOff[v+1] = k
	}
	return out[:k], outOff, mult
}

// bfsOrdered returns a copy of net with its entities renumbered in
// breadth-first order (component by component), and perm, where perm[new]
// is the old number. Neighbours then sit nearer each other in memory,
// which helps the all-sources searches on graphs whose ids come in no
// useful order (BENCHMARKS.md has the measured gain).
func bfsOrdered(net *Net) (*Net, []int32) {
	n := net.N
	perm := make([]int32, 0, n)
	newID := make([]int32, n)
	for i := range newID {
		newID[i] = -1
	}
	for s := int32(0); s < int32(n); s++ {
		if newID[s] >= 0 {
			continue
		}
		newID[s] = int32(len(perm))
		perm = append(perm, s)
		for h := len(perm) - 1; h < len(perm); h++ {
			v := perm[h]
			for _, list := range [2][]int32{net.OutOf(v), net.InOf(v)} {
				for _, w := range list {
					if newID[w] < 0 {
						newID[w] = int32(len(perm))
						perm = append(perm, w)
					}
				}
				if !net.Directed {
					break
				}
			}
		}
	}
	relabel := func(off, adj []int32) ([]int32, []int32) {
		no := make([]int32, n+1)
		na := make([]int32, len(adj))
		for k, old := range perm {
			row := adj[off[old]:off[old+1]]
			no[k+1] = no[k] + int32(len(row))
			dst := na[no[k]:no[k+1]]
			for i, w := range row {
				dst[i] = newID[w]
			}
		}
		return no, na
	}
	out := &Net{N: n, Directed: net.Directed}
	out.OutOff, out.Out = relabel(net.OutOff, net.Out)
	if net.Directed {
		out.InOff, out.In = relabel(net.InOff, net.In)
	} else {
		out.InOff, out.In = out.OutOff, out.Out
	}
	return out, perm
}
