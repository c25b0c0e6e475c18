package cli

import (
	"sort"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// layoutInput converts the model into the index-based input of package
// layout: node i is g.Node(i), relation e is the edge From -> To, and Group
// is the entity type (types numbered in sorted order, so the grouping is
// stable across runs).
func layoutInput(g *graph.Graph) *layout.Graph {
	n, m := g.NodeCount(), g.EdgeCount()
	lg := &layout.Graph{N: n, Src: make([]int32, m), Dst: make([]int32, m), Group: make([]int32, n)}
	for e := 0; e < m; e++ {
		r := g.Edge(int32(e))
		lg.Src[e], lg.Dst[e] = r.From, r.To
	}
	types := make([]string, 0, 16)
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		t := g.Node(int32(i)).Type
		if !seen[t] {
			seen[t] = true
			types = append(types, t)
		}
	}
	sort.Strings(types)
	num := make(map[string]int32, len(types))
	for k, t := range types {
		num[t] = int32(k)
	}
	for i := 0; i < n; i++ {
		lg.Group[i] = num[g.Node(int32(i)).Type]
	}
	return lg
}

// labelSizes estimates each node's label box from its label (or id) with a
// fixed advance of 0.6 em per character and a height of 1.2 em.
func labelSizes(g *graph.Graph, em float64) []layout.Size {
	s := make([]layout.Size, g.NodeCount())
	for i := range s {
		nd := g.Node(int32(i))
		text := nd.Label
		if text == "" {
			text = nd.ID
		}
		runes := 0
		for range text {
			runes++
		}
		s[i] = layout.Size{W: 0.6 * em * float64(runes), H: 1.2 * em}
	}
	return s
}
