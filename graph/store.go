package graph

import (
	"errors"

	dg "github.com/dominikbraun/graph"
)

// ErrReadOnly is returned by the dominikbraun/graph view for every change:
// the model changes only through [Graph.Apply], so that every change is
// recorded and can be undone.
var ErrReadOnly = errors.New("graph: the dominikbraun/graph view is read-only; change the model with Apply")

// store implements dominikbraun/graph's Store over a Graph's own storage
// and topology, so the library and the model share one copy of the
// structure. The library keeps one edge per ordered pair; here that edge's
// Data is the []int32 of relation indices joining the pair.
//
// Vertex hashes are node index + 1 ([LibVertex]): the library takes the
// zero hash for "no vertex" in places (its StronglyConnectedComponents
// drops vertex 0 otherwise).
type store struct {
	g    *Graph
	topo *Topology
}

var _ dg.Store[int32, int32] = (*store)(nil)

// LibVertex is the vertex hash of node i in the dominikbraun/graph view.
func LibVertex(i int32) int32 { return i + 1 }

// LibNode is the node index of a vertex hash of the view.
func LibNode(h int32) int32 { return h - 1 }

func (s *store) has(h int32) bool { return h >= 1 && int(h) <= s.topo.N }

func (s *store) AddVertex(hash int32, _ int32, _ dg.VertexProperties) error {
	if s.has(hash) {
		return dg.ErrVertexAlreadyExists
	}
	return ErrReadOnly
}

func (s *store) Vertex(hash int32) (int32, dg.VertexProperties, error) {
	if !s.has(hash) {
		return 0, dg.VertexProperties{}, dg.ErrVertexNotFound
	}
	return hash, dg.VertexProperties{Attributes: map[string]string{}}, nil
}

func (s *store) RemoveVertex(int32) error { return ErrReadOnly }

func (s *store) ListVertices() ([]int32, error) {
	vs := make([]int32, s.topo.N)
	for i := range vs {
		vs[i] = LibVertex(int32(i))
	}
	return vs, nil
}

func (s *store) VertexCount() (int, error) { return s.topo.N, nil }

func (s *store) AddEdge(src, dst int32, _ dg.Edge[int32]) error {
	if !s.has(src) || !s.has(dst) {
		return dg.ErrVertexNotFound
	}
	if len(s.g.Between(LibNode(src), LibNode(dst), false)) > 0 {
		return dg.ErrEdgeAlreadyExists
	}
	return ErrReadOnly
}

func (s *store) UpdateEdge(int32, int32, dg.Edge[int32]) error { return ErrReadOnly }

func (s *store) RemoveEdge(int32, int32) error { return ErrReadOnly }

func (s *store) Edge(src, dst int32) (dg.Edge[int32], error) {
	if !s.has(src) || !s.has(dst) {
		return dg.Edge[int32]{}, dg.ErrEdgeNotFound
	}
	rs := s.g.Between(LibNode(src), LibNode(dst), false)
	if len(rs) == 0 {
		return dg.Edge[int32]{}, dg.ErrEdgeNotFound
	}
	return s.pairEdge(src, dst, rs), nil
}

func (s *store) ListEdges() ([]dg.Edge[int32], error) {
	var es []dg.Edge[int32]
	t := s.topo
	seen := map[int32][]int32{}
	for v := int32(0); v < int32(t.N); v++ {
		clear(seen)
		var order []int32
		add := func(to, r int32) {
			if _, ok := seen[to]; !ok {
				order = append(order, to)
			}
			seen[to] = append(seen[to], r)
		}
		for _, a := range t.OutArcs(v) {
			add(a.Node, a.Rel)
		}
		for _, r := range t.Loops(v) {
			add(v, r)
		}
		for _, to := range order {
			es = append(es, s.pairEdge(LibVertex(v), LibVertex(to), append([]int32(nil), seen[to]...)))
		}
	}
	return es, nil
}

func (s *store) pairEdge(src, dst int32, rs []int32) dg.Edge[int32] {
	return dg.Edge[int32]{
		Source: src,
		Target: dst,
		Properties: dg.EdgeProperties{
			Attributes: map[string]string{"type": s.g.edges[rs[0]].Type},
			Weight:     len(rs),
			Data:       rs,
		},
	}
}

// PairRelations returns the relation indices carried by an edge of the
// dominikbraun/graph view (nil for an edge that did not come from it).
func PairRelations(e dg.Edge[int32]) []int32 {
	rs, _ := e.Properties.Data.([]int32)
	return rs
}

// Lib returns a read-only dominikbraun/graph view of this version of the
// graph, for that library's algorithms. Vertex hashes are node index + 1
// ([LibVertex], [LibNode]); each library edge stands for all the relations
// from its source to its target, listed in its Properties.Data as a
// []int32 (see [PairRelations]). The view reads the graph's storage and
// topology; it copies nothing.
func (g *Graph) Lib() dg.Graph[int32, int32] {
	return dg.NewWithStore(func(i int32) int32 { return i }, &store{g, g.Topology()}, dg.Directed())
}
