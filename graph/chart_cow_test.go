package graph

import (
	"math/rand/v2"
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
