package graph

import "testing"

// TestAddNodesIndexed: the entities and their id map given in one step
// are the graph's; a graph with entities, or a map of another size,
// or an empty id, is refused.
func TestAddNodesIndexed(t *testing.T) {
	g := New(0, 0)
	ns := []Node{{ID: "a", Type: string([]byte("t"))}, {ID: "b", Type: string([]byte("t"))}}
	if err := g.AddNodesIndexed(ns, map[string]int32{"a": 0, "b": 1}); err != nil {
		t.Fatal(err)
	}
	if g.NodeCount() != 2 || g.Node(1).ID != "b" {
		t.Fatalf("%d entities", g.NodeCount())
	}
	if i, ok := g.NodeIndex("b"); !ok || i != 1 {
		t.Errorf("b at %d %v", i, ok)
	}
	if _, err := g.AddEdge(Edge{ID: "e", From: 0, To: 1, Type: "r"}); err != nil {
		t.Errorf("a relation between them: %v", err)
	}
	if err := g.AddNodesIndexed([]Node{{ID: "c", Type: "t"}}, map[string]int32{"c": 0}); err == nil {
		t.Error("added entities to a graph that has some")
	}
	if err := New(0, 0).AddNodesIndexed(ns[:1], map[string]int32{}); err == nil {
		t.Error("accepted a map of another size")
	}
	if err := New(0, 0).AddNodesIndexed([]Node{{Type: "t"}}, map[string]int32{"": 0}); err == nil {
		t.Error("accepted an empty id")
	}
}
