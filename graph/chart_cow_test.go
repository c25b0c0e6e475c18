package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// A chart-only command after a snapshot copies neither the entities nor
// the relations (a filter toggle copied the whole graph), leaves the
// snapshot's chart as it was, and keeps DataVersion; undo gives the chart
// back; the next entity edit still copies before writing.
func TestChartCommandSharesStorage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := editGraph(r, 20, 40)
	snap := g.Snapshot()
	want := dump(snap)
	dv, v := g.DataVersion(), g.Version()
	cmds := []Command{
		HideType{Type: "company"},
		SetChart{Key: "as-of", Value: "2021-05-01"},
		Note{Text: "chart note"},
		GroupEntities{ID: "grp", IDs: []string{"n1", "n2"}},
		Collapse{ID: "grp"},
		SetMeasure{Name: "m", IDs: []string{"n1"}, Values: []float64{2}},
	}
	for _, c := range cmds {
		if err := g.Apply(c); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
	if &g.nodes[0] != &snap.nodes[0] || &g.edges[0] != &snap.edges[0] {
		t.Fatal("a chart command copied the node or edge array")
	}
	if g.DataVersion() != dv || g.Version() != v+uint64(len(cmds)) {
		t.Fatalf("versions: data %d (was %d), all %d (was %d)", g.DataVersion(), dv, g.Version(), v)
	}
	if !g.TypeHidden("company") || snap.TypeHidden("company") {
		t.Fatal("hidden type: model or snapshot wrong")
	}
	sameState(t, "snapshot after chart commands", dump(snap), want)
	for range cmds {
		if _, err := g.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	sameState(t, "model after undoing them", dump(g), want)
	if g.DataVersion() != dv {
		t.Fatal("undoing chart commands changed DataVersion")
	}
	if err := g.Apply(Note{ID: "n0", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if &g.nodes[0] == &snap.nodes[0] || snap.nodes[0].Note == "x" || g.DataVersion() == dv {
		t.Fatal("an entity edit after the snapshot wrote into the shared array or kept DataVersion")
	}
	sameState(t, "snapshot after an entity edit", dump(snap), want)
}

// An edit of entities after a snapshot copies the entities' array only
// (a finished layout's Place copied the relations and both id maps too,
// and the workspace's snapshot of the opened file kept both copies
// alive); an edit of a relation copies only the relations; a new type
// name copies the interned strings before adding to them. The snapshot
// stays as it was and undo gives the model back exactly.
func TestEntityEditCopiesOnlyWhatItWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	g := editGraph(r, 20, 40)
	snap := g.Snapshot()
	want := dump(snap)
	sameMap := func(a, b map[string]int32) bool {
		return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
	}
	steps := []struct {
		cmd                  Command
		nodes, edges, idMaps bool // still shared with snap after the step
	}{
		{Place{IDs: []string{"n1", "n2"}, X: []float64{1, 2}, Y: []float64{3, 4}}, false, true, true},
		{Move{ID: "n3", X: 5, Y: 6}, false, true, true},
		{Set{ID: "n4", Field: "type", Value: "brand-new-type"}, false, true, true},
		{Set{ID: g.Edge(0).ID, Field: "type", Value: "another-new-type"}, false, false, true},
		{Delete{IDs: []string{"n5"}}, false, false, false},
	}
	for _, st := range steps {
		if err := g.Apply(st.cmd); err != nil {
			t.Fatalf("%T: %v", st.cmd, err)
		}
		if got := &g.nodes[0] == &snap.nodes[0]; got != st.nodes {
			t.Errorf("after %T: nodes shared %v, want %v", st.cmd, got, st.nodes)
		}
		if got := &g.edges[0] == &snap.edges[0]; got != st.edges {
			t.Errorf("after %T: edges shared %v, want %v", st.cmd, got, st.edges)
		}
		if got := sameMap(g.nodeIDs, snap.nodeIDs) && sameMap(g.edgeIDs, snap.edgeIDs); got != st.idMaps {
			t.Errorf("after %T: id maps shared %v, want %v", st.cmd, got, st.idMaps)
		}
		sameState(t, fmt.Sprintf("snapshot after %T", st.cmd), dump(snap), want)
	}
	if _, ok := snap.strs["brand-new-type"]; ok {
		t.Fatal("a new type name was interned into the snapshot's strings")
	}
	if g.Node(4).Type != "brand-new-type" || g.Edge(0).Type != "another-new-type" {
		t.Fatal("the edits did not land")
	}
	for range steps {
		if _, err := g.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	sameState(t, "model after undoing every step", dump(g), want)
	// a second snapshot shares everything again; the next edit copies
	snap2 := g.Snapshot()
	if err := g.Apply(Move{ID: "n0", X: 9, Y: 9}); err != nil {
		t.Fatal(err)
	}
	if &g.nodes[0] == &snap2.nodes[0] || snap2.nodes[0].X == 9 || &g.edges[0] != &snap2.edges[0] {
		t.Fatal("a move after a second snapshot wrote into it or copied the relations")
	}
}
