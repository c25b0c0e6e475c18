package graph

import "sort"

// TypeCount is a type name and how many entities or relations have it.
type TypeCount struct {
	Type  string
	Count int
}

// NodeTypes counts entities by type, most frequent first, then by name.
func (g *Graph) NodeTypes() []TypeCount {
	m := map[string]int{}
	for i := range g.nodes {
		m[g.nodes[i].Type]++
	}
	return sortCounts(m)
}

// EdgeTypes counts relations by type, most frequent first, then by name.
func (g *Graph) EdgeTypes() []TypeCount {
	m := map[string]int{}
	for i := range g.edges {
		m[g.edges[i].Type]++
	}
	return sortCounts(m)
}

func sortCounts(m map[string]int) []TypeCount {
	out := make([]TypeCount, 0, len(m))
	for t, c := range m {
		out = append(out, TypeCount{t, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Type < out[j].Type
	})
	return out
}
