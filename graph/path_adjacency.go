package graph

// arc is one step out of a node: the relation taken and the node reached.
type arc struct{ node, rel int32 }

// adjacency is a compact, read-only copy of a graph's structure for the
// path searches: compressed sparse rows of arcs (self-loops left out, as no
// simple path uses them), interned type ids and date keys per relation.
// It is built once per [Searcher] family and shared by clones.
type adjacency struct {
	g           *Graph
	n, m        int
	outOff      []int32 // out arcs of v are outArcs[outOff[v]:outOff[v+1]]
	outArcs     []arc
	inOff       []int32
	inArcs      []arc
	relType     []int32 // relation -> relation type id
	nodeType    []int32 // node -> entity type id
	relTypeID   map[string]int32
	nodeTypeID  map[string]int32
	first, last []int32 // relation date keys (0 when undated)
	anyDated    bool
}

func newAdjacency(g *Graph) *adjacency {
	n, m := len(g.nodes), len(g.edges)
	a := &adjacency{
		g: g, n: n, m: m,
		outOff:     make([]int32, n+1),
		inOff:      make([]int32, n+1),
		relType:    make([]int32, m),
		nodeType:   make([]int32, n),
		relTypeID:  map[string]int32{},
		nodeTypeID: map[string]int32{},
		first:      make([]int32, m),
		last:       make([]int32, m),
	}
	loops := 0
	for r := range g.edges {
		e := &g.edges[r]
		id, ok := a.relTypeID[e.Type]
		if !ok {
			id = int32(len(a.relTypeID))
			a.relTypeID[e.Type] = id
		}
		a.relType[r] = id
		if !e.Date.IsZero() {
			a.first[r], a.last[r] = e.Date.First(), e.Date.Last()
			a.anyDated = true
		}
		if e.From == e.To {
			loops++
			continue
		}
		a.outOff[e.From+1]++
		a.inOff[e.To+1]++
	}
	for v := range g.nodes {
		id, ok := a.nodeTypeID[g.nodes[v].Type]
		if !ok {
			id = int32(len(a.nodeTypeID))
			a.nodeTypeID[g.nodes[v].Type] = id
		}
		a.nodeType[v] = id
		a.outOff[v+1] += a.outOff[v]
		a.inOff[v+1] += a.inOff[v]
	}
	a.outArcs = make([]arc, m-loops)
	a.inArcs = make([]arc, m-loops)
	// Fill in relation order, so arcs of a node keep insertion order.
	outPos := append([]int32(nil), a.outOff[:n]...)
	inPos := append([]int32(nil), a.inOff[:n]...)
	for r := range g.edges {
		e := &g.edges[r]
		if e.From == e.To {
			continue
		}
		a.outArcs[outPos[e.From]] = arc{e.To, int32(r)}
		outPos[e.From]++
		a.inArcs[inPos[e.To]] = arc{e.From, int32(r)}
		inPos[e.To]++
	}
	return a
}

// stale reports whether the graph has grown since the copy was made.
func (a *adjacency) stale() bool { return a.n != len(a.g.nodes) || a.m != len(a.g.edges) }

func (a *adjacency) out(v int32) []arc { return a.outArcs[a.outOff[v]:a.outOff[v+1]] }
func (a *adjacency) in(v int32) []arc  { return a.inArcs[a.inOff[v]:a.inOff[v+1]] }
