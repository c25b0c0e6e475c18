package graph

import (
	"errors"
	"reflect"
	"testing"

	dg "github.com/dominikbraun/graph"
)

func TestLibEdgeCarriesEveryRelation(t *testing.T) {
	g, cnil, cv, noyb, fine1, fine2, order := caseGraph(t)
	cnil, cv, noyb = LibVertex(cnil), LibVertex(cv), LibVertex(noyb)
	lib := g.Lib()
	e, err := lib.Edge(cnil, cv)
	if err != nil {
		t.Fatal(err)
	}
	if got := PairRelations(e); !reflect.DeepEqual(got, []int32{fine1, fine2, order}) {
		t.Errorf("PairRelations(cnil->cv) = %v, want both fines and the order", got)
	}
	if e.Source != cnil || e.Target != cv || e.Properties.Weight != 3 || e.Properties.Attributes["type"] != "fined" {
		t.Errorf("library edge %+v", e)
	}
	if _, err := lib.Edge(cv, cnil); !errors.Is(err, dg.ErrEdgeNotFound) {
		t.Errorf("Edge(cv, cnil) err = %v, want ErrEdgeNotFound (the view is directed)", err)
	}
	if _, err := lib.Edge(cnil, 42); !errors.Is(err, dg.ErrEdgeNotFound) {
		t.Errorf("Edge to a missing vertex: err = %v", err)
	}
	if v, err := lib.Vertex(noyb); err != nil || v != noyb {
		t.Errorf("Vertex(noyb) = %v, %v", v, err)
	}
	if _, err := lib.Vertex(42); !errors.Is(err, dg.ErrVertexNotFound) {
		t.Errorf("Vertex(42) err = %v", err)
	}
	if n, _ := lib.Order(); n != 3 {
		t.Errorf("Order = %d", n)
	}
	if PairRelations(dg.Edge[int32]{}) != nil {
		t.Error("PairRelations of a foreign edge is not nil")
	}
}

func TestLibAdjacencyMap(t *testing.T) {
	g, cnil, cv, noyb, fine1, fine2, order := caseGraph(t)
	cnil, cv, noyb = LibVertex(cnil), LibVertex(cv), LibVertex(noyb)
	adj, err := g.Lib().AdjacencyMap()
	if err != nil {
		t.Fatal(err)
	}
	if len(adj) != 3 {
		t.Fatalf("AdjacencyMap has %d vertices", len(adj))
	}
	if got := PairRelations(adj[cnil][cv]); !reflect.DeepEqual(got, []int32{fine1, fine2, order}) {
		t.Errorf("adj[cnil][cv] = %v", got)
	}
	complaint, _ := g.EdgeIndex("complaint")
	if got := PairRelations(adj[noyb][cnil]); !reflect.DeepEqual(got, []int32{complaint}) {
		t.Errorf("adj[noyb][cnil] = %v", got)
	}
	if _, ok := adj[cv][cnil]; ok {
		t.Error("adj[cv][cnil] exists in a directed view")
	}
	loop, _ := g.EdgeIndex("loop")
	if got := PairRelations(adj[cv][cv]); !reflect.DeepEqual(got, []int32{loop}) {
		t.Errorf("adj[cv][cv] = %v", got)
	}
	edges, _ := g.Lib().Edges()
	if len(edges) != 3 { // cnil->cv, noyb->cnil, cv->cv
		t.Errorf("Edges() lists %d pairs, want 3", len(edges))
	}
	if size, _ := g.Lib().Size(); size != 3 {
		t.Errorf("Size = %d pairs, want 3", size)
	}
	// The library's algorithms run on the view.
	path, err := dg.ShortestPath(g.Lib(), noyb, cv)
	if err != nil || !reflect.DeepEqual(path, []int32{noyb, cnil, cv}) {
		t.Errorf("ShortestPath(noyb, cv) = %v, %v", path, err)
	}
}

func TestLibIsReadOnly(t *testing.T) {
	g, cnil, cv, noyb, _, _, _ := caseGraph(t)
	cnil, cv, noyb = LibVertex(cnil), LibVertex(cv), LibVertex(noyb)
	lib := g.Lib()
	if err := lib.RemoveEdge(cnil, cv); !errors.Is(err, ErrReadOnly) {
		t.Errorf("RemoveEdge err = %v, want ErrReadOnly", err)
	}
	if err := lib.RemoveVertex(noyb); !errors.Is(err, ErrReadOnly) {
		t.Errorf("RemoveVertex err = %v", err)
	}
	if err := lib.UpdateEdge(cnil, cv, dg.EdgeWeight(7)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("UpdateEdge err = %v, want ErrReadOnly", err)
	}
	if err := lib.AddVertex(cnil); !errors.Is(err, dg.ErrVertexAlreadyExists) {
		t.Errorf("AddVertex(existing) err = %v", err)
	}
	if err := lib.AddVertex(99); !errors.Is(err, ErrReadOnly) {
		t.Errorf("AddVertex(new) err = %v, want ErrReadOnly", err)
	}
	if g.NodeCount() != 3 || g.EdgeCount() != 5 || len(g.Between(LibNode(cnil), LibNode(cv), false)) != 3 {
		t.Errorf("refused changes altered the graph")
	}
	// Every change goes through Apply, so that it is recorded: the view
	// refuses to add a relation for a new pair too.
	if err := lib.AddEdge(cv, noyb, dg.EdgeAttribute("type", "sued")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("AddEdge for a new pair err = %v, want ErrReadOnly", err)
	}
	if g.EdgeCount() != 5 {
		t.Errorf("the view added a relation")
	}
	if err := lib.AddEdge(cnil, cv); !errors.Is(err, dg.ErrEdgeAlreadyExists) {
		t.Errorf("AddEdge on an existing pair err = %v", err)
	}
}
