package path

import "github.com/linkscope/linkscope/graph"

// arc is one step out of a node: the relation taken and the node reached.
type arc struct{ node, rel int32 }

// adjacency is the path searches' view of the graph's [Topology]: its
// arcs (self-loops left out, as no simple path uses them), type ids and
// date keys.
type adjacency struct {
	g           *graph.Graph
	topo        *graph.Topology
	n, m        int
	outOff      []int32 // out arcs of v are outArcs[outOff[v]:outOff[v+1]]
	outArcs     []arc
	inOff       []int32
	inArcs      []arc
	relType     []int32 // relation -> relation type id
	nodeType    []int32 // node -> entity type id
	types       *graph.TypeTable
	first, last []int32 // relation date keys (0 when undated)
	anyDated    bool
}

func newAdjacency(g *graph.Graph) *adjacency {
	t := g.Topology()
	conv := func(as []graph.Arc) []arc {
		out := make([]arc, len(as))
		for i, a := range as {
			out[i] = arc{a.Node, a.Rel}
		}
		return out
	}
	return &adjacency{
		g: g, topo: t, n: t.N, m: t.M,
		outOff: t.OutOff, outArcs: conv(t.Out),
		inOff: t.InOff, inArcs: conv(t.In),
		relType: t.RelType, nodeType: t.NodeType, types: t.Types,
		first: t.First, last: t.Last, anyDated: t.AnyDated,
	}
}

// stale reports whether the graph's structure changed since the view was
// made.
func (a *adjacency) stale() bool { return a.g.Topology() != a.topo }

func (a *adjacency) out(v int32) []arc { return a.outArcs[a.outOff[v]:a.outOff[v+1]] }
func (a *adjacency) in(v int32) []arc  { return a.inArcs[a.inOff[v]:a.inOff[v+1]] }
