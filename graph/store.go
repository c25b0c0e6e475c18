package graph

import (
	"errors"

	dg "github.com/dominikbraun/graph"
)

// ErrAppendOnly is returned by the dominikbraun/graph view for removals and
// updates: Linkscope graphs only grow.
var ErrAppendOnly = errors.New("graph: the dominikbraun/graph view is read-only; change the model with Apply")

// store implements dominikbraun/graph's Store over a Graph's own slices, so
// the library and the model share one copy of the structure. The library
// keeps one edge per ordered pair; here that edge's Data is the []int32 of
// relation indices joining the pair.
type store struct{ g *Graph }

var _ dg.Store[int32, int32] = (*store)(nil)

func (s *store) has(i int32) bool { return i >= 0 && int(i) < len(s.g.nodes) }

// AddVertex accepts vertices that already exist in the model (the model adds
// entities through [Graph.AddNode], which carries their data).
func (s *store) AddVertex(hash int32, _ int32, _ dg.VertexProperties) error {
	if s.has(hash) {
		return dg.ErrVertexAlreadyExists
	}
	return ErrAppendOnly
}

func (s *store) Vertex(hash int32) (int32, dg.VertexProperties, error) {
	if !s.has(hash) {
		return 0, dg.VertexProperties{}, dg.ErrVertexNotFound
	}
	return hash, dg.VertexProperties{Attributes: map[string]string{}}, nil
}

func (s *store) RemoveVertex(int32) error { return ErrAppendOnly }

func (s *store) ListVertices() ([]int32, error) {
	vs := make([]int32, len(s.g.nodes))
	for i := range vs {
		vs[i] = int32(i)
	}
	return vs, nil
}

func (s *store) VertexCount() (int, error) { return len(s.g.nodes), nil }

// AddEdge adds one relation for a pair the library has not seen, typed by
// the edge's "type" attribute and identified by its "id" attribute.
func (s *store) AddEdge(src, dst int32, e dg.Edge[int32]) error {
	if !s.has(src) || !s.has(dst) {
		return dg.ErrVertexNotFound
	}
	_, err := s.g.AddEdge(Edge{From: src, To: dst, Type: e.Properties.Attributes["type"], ID: e.Properties.Attributes["id"]})
	return err
}

func (s *store) UpdateEdge(int32, int32, dg.Edge[int32]) error { return ErrAppendOnly }

func (s *store) RemoveEdge(int32, int32) error { return ErrAppendOnly }

func (s *store) Edge(src, dst int32) (dg.Edge[int32], error) {
	if !s.has(src) || !s.has(dst) {
		return dg.Edge[int32]{}, dg.ErrEdgeNotFound
	}
	rs := s.g.Between(src, dst, false)
	if len(rs) == 0 {
		return dg.Edge[int32]{}, dg.ErrEdgeNotFound
	}
	return s.pairEdge(src, dst, rs), nil
}

func (s *store) ListEdges() ([]dg.Edge[int32], error) {
	var es []dg.Edge[int32]
	seen := map[int32][]int32{}
	topo := s.g.Topology()
	for src := 0; src < topo.N; src++ {
		clear(seen)
		var order []int32
		for _, r := range s.g.Relations(int32(src)) {
			if s.g.edges[r].From != int32(src) {
				continue
			}
			t := s.g.edges[r].To
			if _, ok := seen[t]; !ok {
				order = append(order, t)
			}
			seen[t] = append(seen[t], r)
		}
		for _, t := range order {
			es = append(es, s.pairEdge(int32(src), t, seen[t]))
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

// Lib returns the dominikbraun/graph view of this graph. Vertices are node
// indices; each library edge stands for all the relations from its source
// to its target, listed in its Properties.Data as a []int32 (see
// [PairRelations]). The view reads this graph's storage; it is read-only.
func (g *Graph) Lib() dg.Graph[int32, int32] {
	return dg.NewWithStore(func(i int32) int32 { return i }, &store{g}, dg.Directed())
}
