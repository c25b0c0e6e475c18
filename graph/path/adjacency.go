package path

import "github.com/linkscope/linkscope/graph"

// adjacency is the path searches' view of one version of the graph: its
// [graph.Topology] (arcs without self-loops, as no simple path uses them,
// type ids, date keys), read in place. The fields beside topo are its
// slice headers and counts, held here so that the search loops reach them
// without a second indirection; they copy no data.
type adjacency struct {
	g           *graph.Graph
	topo        *graph.Topology
	n, m        int
	relType     []int32 // relation -> relation type id
	nodeType    []int32 // node -> entity type id
	types       *graph.TypeTable
	first, last []int32 // relation date keys (0 when undated)
	anyDated    bool
}

func newAdjacency(g *graph.Graph) *adjacency {
	t := g.Topology()
	return &adjacency{
		g: g, topo: t, n: t.N, m: t.M,
		relType: t.RelType, nodeType: t.NodeType, types: t.Types,
		first: t.First, last: t.Last, anyDated: t.AnyDated,
	}
}

// stale reports whether the graph's structure changed since the view was
// made.
func (a *adjacency) stale() bool { return a.g.Topology() != a.topo }

func (a *adjacency) out(v int32) []graph.Arc { return a.topo.OutArcs(v) }
func (a *adjacency) in(v int32) []graph.Arc  { return a.topo.InArcs(v) }
