package view

import (
	"slices"

	"github.com/linkscope/linkscope/graph"
)

// Subgraph copies the given entities and relations of g, and the
// relations' ends, into a new graph with g's title, description and
// sources, keeping ids and every property. Entities come in the order
// first given (a relation's ends after the entities given), relations in
// the order given; repeats are dropped. orig[k] is the index in g of the
// new graph's entity k.
func Subgraph(g *graph.Graph, nodes, edges []int32) (sub *graph.Graph, orig []int32, err error) {
	idx := make(map[int32]int32, len(nodes))
	keep := func(v int32) {
		if _, ok := idx[v]; !ok {
			idx[v] = int32(len(orig))
			orig = append(orig, v)
		}
	}
	for _, v := range nodes {
		keep(v)
	}
	seen := make(map[int32]bool, len(edges))
	var rels []int32
	for _, e := range edges {
		if !seen[e] {
			seen[e] = true
			rels = append(rels, e)
			keep(g.Edge(e).From)
			keep(g.Edge(e).To)
		}
	}
	sub = graph.New(len(orig), len(rels))
	sub.Title, sub.Description, sub.TypeLabels = g.Title, g.Description, g.TypeLabels
	sub.Sources = slices.Clone(g.Sources)
	for _, v := range orig {
		if _, err := sub.AddNode(*g.Node(v)); err != nil {
			return nil, nil, err
		}
	}
	for _, e := range rels {
		r := *g.Edge(e)
		r.From, r.To = idx[r.From], idx[r.To]
		if _, err := sub.AddEdge(r); err != nil {
			return nil, nil, err
		}
	}
	return sub, orig, nil
}

// VisibleSubgraph copies what v shows of g (Subgraph of its visible
// entities and relations, in index order).
func VisibleSubgraph(g *graph.Graph, v Visibility) (*graph.Graph, []int32, error) {
	return Subgraph(g, v.NodeList(), v.EdgeList())
}
