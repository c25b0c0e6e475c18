package graph

import (
	"image/color"
	"reflect"
	"testing"
	"unsafe"
)

// caseGraph: CNIL fined Clearview twice and ordered it once; noyb
// complained to CNIL; Clearview scraped itself (a self-loop).
func caseGraph(t testing.TB) (g *Graph, cnil, cv, noyb int32, fine1, fine2, order int32) {
	t.Helper()
	g = New(3, 5)
	mustNode := func(id, typ string) int32 {
		i, err := g.AddNode(Node{ID: id, Type: typ, Label: id})
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	cnil, cv, noyb = mustNode("cnil", "regulator"), mustNode("clearview-ai", "company"), mustNode("noyb", "ngo")
	mustEdge := func(e Edge) int32 {
		i, err := g.AddEdge(e)
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	d1, _ := ParseDate("2022-10-17")
	d2, _ := ParseDate("2023-04")
	fine1 = mustEdge(Edge{ID: "fine-2022", From: cnil, To: cv, Type: "fined", Date: d1, Props: PropsOf(map[string]any{"amount": 2e7, "currency": "EUR"})})
	fine2 = mustEdge(Edge{ID: "fine-2023", From: cnil, To: cv, Type: "fined", Date: d2, Props: PropsOf(map[string]any{"amount": 5.2e6, "currency": "EUR"})})
	mustEdge(Edge{ID: "complaint", From: noyb, To: cnil, Type: "complained_to"})
	order = mustEdge(Edge{ID: "order", From: cnil, To: cv, Type: "ordered"})
	mustEdge(Edge{ID: "loop", From: cv, To: cv, Type: "scraped"})
	return
}

func TestMultigraphKeepsParallelRelations(t *testing.T) {
	g, cnil, cv, noyb, fine1, fine2, order := caseGraph(t)
	if g.NodeCount() != 3 || g.EdgeCount() != 5 {
		t.Fatalf("counts %d, %d", g.NodeCount(), g.EdgeCount())
	}
	if got := g.Between(cnil, cv, false); !reflect.DeepEqual(got, []int32{fine1, fine2, order}) {
		t.Errorf("Between(cnil, cv) = %v, want both fines and the order", got)
	}
	if got := g.Between(cv, cnil, false); len(got) != 0 {
		t.Errorf("Between(cv, cnil) directed = %v, want none", got)
	}
	if got := g.Between(cv, cnil, true); !reflect.DeepEqual(got, []int32{fine1, fine2, order}) {
		t.Errorf("Between(cv, cnil) undirected = %v", got)
	}
	complaint, _ := g.EdgeIndex("complaint")
	if got := g.Between(cnil, noyb, true); !reflect.DeepEqual(got, []int32{complaint}) {
		t.Errorf("Between(cnil, noyb) undirected = %v", got)
	}
	loop, _ := g.EdgeIndex("loop")
	if got := g.Between(cv, cv, true); !reflect.DeepEqual(got, []int32{loop}) {
		t.Errorf("self-loop listed %v, want once", got)
	}
	// Both fines are queryable with their own date and amount.
	a1, c1, ok1 := g.Edge(fine1).Amount()
	a2, _, ok2 := g.Edge(fine2).Amount()
	if !ok1 || !ok2 || a1 != 2e7 || a2 != 5.2e6 || c1 != "EUR" {
		t.Errorf("amounts %v %v %v %v %q", a1, ok1, a2, ok2, c1)
	}
	if g.Edge(fine1).Date.String() != "2022-10-17" || g.Edge(fine2).Date.String() != "2023-04" {
		t.Errorf("dates %s, %s", g.Edge(fine1).Date, g.Edge(fine2).Date)
	}
	if _, _, ok := g.Edge(order).Amount(); ok {
		t.Error("the order has no amount")
	}
}

func TestOutInDegree(t *testing.T) {
	g, cnil, cv, noyb, fine1, fine2, order := caseGraph(t)
	complaint, _ := g.EdgeIndex("complaint")
	loop, _ := g.EdgeIndex("loop")
	if got := g.Out(cnil); !reflect.DeepEqual(got, []int32{fine1, fine2, order}) {
		t.Errorf("Out(cnil) = %v", got)
	}
	if got := g.In(cnil); !reflect.DeepEqual(got, []int32{complaint}) {
		t.Errorf("In(cnil) = %v", got)
	}
	if got := g.In(cv); !reflect.DeepEqual(got, []int32{fine1, fine2, order, loop}) {
		t.Errorf("In(cv) = %v", got)
	}
	if got := g.Out(noyb); !reflect.DeepEqual(got, []int32{complaint}) {
		t.Errorf("Out(noyb) = %v", got)
	}
	if g.Degree(cnil) != 4 || g.Degree(cv) != 5 || g.Degree(noyb) != 1 {
		t.Errorf("degrees %d %d %d, want 4 5 1 (a self-loop counts twice)", g.Degree(cnil), g.Degree(cv), g.Degree(noyb))
	}
}

func TestAddErrors(t *testing.T) {
	g, cnil, cv, _, _, _, _ := caseGraph(t)
	if _, err := g.AddNode(Node{ID: "", Type: "x"}); err == nil {
		t.Error("empty node id accepted")
	}
	if _, err := g.AddNode(Node{ID: "cnil", Type: "x"}); err == nil {
		t.Error("duplicate node id accepted")
	}
	if _, err := g.AddEdge(Edge{ID: "fine-2022", From: cnil, To: cv, Type: "fined"}); err == nil {
		t.Error("duplicate relation id accepted")
	}
	for _, e := range []Edge{{From: -1, To: cv}, {From: cnil, To: 3}, {From: 99, To: 0}} {
		if _, err := g.AddEdge(e); err == nil {
			t.Errorf("relation %d -> %d to a missing node accepted", e.From, e.To)
		}
	}
	if g.NodeCount() != 3 || g.EdgeCount() != 5 {
		t.Errorf("failed adds changed the graph: %d, %d", g.NodeCount(), g.EdgeCount())
	}
}

// TestGeneratedEdgeIDs: relations without an id get fresh "eN" ids that
// never collide with explicit ones.
func TestGeneratedEdgeIDs(t *testing.T) {
	g := New(0, 0)
	a, _ := g.AddNode(Node{ID: "a", Type: "t"})
	b, _ := g.AddNode(Node{ID: "b", Type: "t"})
	explicit := []string{"e2", "e3"}
	for _, id := range explicit {
		if _, err := g.AddEdge(Edge{ID: id, From: a, To: b, Type: "r"}); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{"e2": true, "e3": true}
	for k := 0; k < 4; k++ {
		i, err := g.AddEdge(Edge{From: a, To: b, Type: "r"})
		if err != nil {
			t.Fatal(err)
		}
		id := g.Edge(i).ID
		if id == "" || seen[id] {
			t.Errorf("generated id %q is empty or already used", id)
		}
		seen[id] = true
		if j, ok := g.EdgeIndex(id); !ok || j != i {
			t.Errorf("EdgeIndex(%q) = %d, %v, want %d", id, j, ok, i)
		}
	}
	if len(g.Between(a, b, false)) != 6 {
		t.Errorf("want 6 parallel relations, got %v", g.Between(a, b, false))
	}
}

func TestTypesAndLookups(t *testing.T) {
	g, cnil, _, _, _, _, _ := caseGraph(t)
	if got := g.EdgeTypes(); !reflect.DeepEqual(got, []TypeCount{{"fined", 2}, {"complained_to", 1}, {"ordered", 1}, {"scraped", 1}}) {
		t.Errorf("EdgeTypes = %v", got)
	}
	if got := g.NodeTypes(); !reflect.DeepEqual(got, []TypeCount{{"company", 1}, {"ngo", 1}, {"regulator", 1}}) {
		t.Errorf("NodeTypes = %v", got)
	}
	if i, ok := g.NodeIndex("cnil"); !ok || i != cnil {
		t.Errorf("NodeIndex(cnil) = %d, %v", i, ok)
	}
	if _, ok := g.NodeIndex("CNIL"); ok {
		t.Error("NodeIndex is exact: CNIL is not an id")
	}
	if _, ok := g.EdgeIndex("nope"); ok {
		t.Error("EdgeIndex(nope) found something")
	}
	g.Sources = []Source{{ID: "lemonde", Title: "t"}}
	if s, ok := g.Source("lemonde"); !ok || s.Title != "t" {
		t.Errorf("Source(lemonde) = %v, %v", s, ok)
	}
	if _, ok := g.Source("x"); ok {
		t.Error("Source(x) found something")
	}
}

// Every relation type of a graph gets its own colour, even when several
// belong to one family (complaints, sanctions): the legend tells them
// apart.
func TestRelationTypesGetDistinctColours(t *testing.T) {
	g := New(2, 12)
	g.AddNode(Node{ID: "a", Type: "t"})
	g.AddNode(Node{ID: "b", Type: "t"})
	types := []string{"complained-to", "complained-against", "reported", "investigated", "ordered", "fined", "sued", "used-by", "owns", "cooperated-with", "violated", "proposed"}
	for k, typ := range types {
		for j := 0; j <= k%3; j++ {
			g.AddEdge(Edge{From: 0, To: 1, Type: typ})
		}
	}
	seen := map[color.NRGBA]string{}
	for _, ti := range g.Topology().Types.Rels {
		if other, ok := seen[ti.Style.Color]; ok {
			t.Errorf("%s and %s share %v", ti.Name, other, ti.Style.Color)
		}
		seen[ti.Style.Color] = ti.Name
	}
	// the family keeps its hue: a complaint stays orange-ish (red above blue)
	c := g.Topology().Types.RelStyle("complained-against").Color
	if !(c.R > c.B) {
		t.Errorf("complained-against drawn %v", c)
	}
}

func TestAddEdgesIndexed(t *testing.T) {
	g := New(3, 0)
	for _, id := range []string{"a", "b", "c"} {
		if _, err := g.AddNode(Node{ID: id, Type: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	es := []Edge{{ID: "r1", From: 0, To: 1, Type: string([]byte("x"))}, {ID: "r2", From: 2, To: 2, Type: string([]byte("x"))}}
	if err := g.AddEdgesIndexed(es, map[string]int32{"r1": 0}); err == nil {
		t.Error("accepted a map without every relation")
	}
	if err := g.AddEdgesIndexed([]Edge{{ID: "r", From: 0, To: 3}}, map[string]int32{"r": 0}); err == nil {
		t.Error("accepted a relation to a missing node")
	}
	v := g.Version()
	if err := g.AddEdgesIndexed(es, map[string]int32{"r1": 0, "r2": 1}); err != nil {
		t.Fatal(err)
	}
	if g.EdgeCount() != 2 || g.Version() == v || g.Degree(2) != 2 {
		t.Errorf("%d relations, version %d, degree %d", g.EdgeCount(), g.Version(), g.Degree(2))
	}
	if i, ok := g.EdgeIndex("r2"); !ok || i != 1 || g.Edge(1).To != 2 {
		t.Errorf("r2 at %d %v", i, ok)
	}
	if unsafe.StringData(g.Edge(0).Type) != unsafe.StringData(g.Edge(1).Type) {
		t.Error("relation types are not interned")
	}
	if err := g.AddEdgesIndexed([]Edge{{ID: "r3"}}, map[string]int32{"r3": 0}); err == nil {
		t.Error("added relations in bulk to a graph that has some")
	}
	if _, err := g.AddEdge(Edge{ID: "r1", From: 0, To: 1}); err == nil {
		t.Error("a duplicate of a bulk-added id was accepted")
	}
}
