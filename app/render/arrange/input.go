package arrange

import (
	"sort"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// Input converts the model into the index-based input of package layout:
// node i is g.Node(i), relation e is the edge From -> To, and Group is the
// entity type (types numbered in sorted order, so the grouping is stable
// across runs). The window, the layout command and exports all lay out
// this same input.
func Input(g *graph.Graph) *layout.Graph {
	n, m := g.NodeCount(), g.EdgeCount()
	lg := &layout.Graph{N: n, Src: make([]int32, m), Dst: make([]int32, m), Group: make([]int32, n)}
	for e := 0; e < m; e++ {
		r := g.Edge(int32(e))
		lg.Src[e], lg.Dst[e] = r.From, r.To
	}
	types := make([]string, 0, 16)
	for _, tc := range g.NodeTypes() {
		types = append(types, tc.Type)
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
