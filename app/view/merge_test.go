package view

import (
	"context"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// twoFiles is a small graph where two files named the same regulator
// differently: "CNIL" and "Cnil", and "Clearview AI" with an alias that
// is another entity's label.
func twoFiles(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New(0, 0)
	for _, c := range []graph.Command{
		graph.AddEntity{ID: "cnil", Type: "regulator", Label: "CNIL", Props: map[string]any{"country": "FR", "founded": 1978.0}},
		graph.AddEntity{ID: "cnil2", Type: "agency", Label: "Cnil", Aliases: []string{"Commission nationale"}, Props: map[string]any{"country": "France"}},
		graph.AddEntity{ID: "cv", Type: "company", Label: "Clearview AI", Aliases: []string{"Clearview"}},
		graph.AddEntity{ID: "cv2", Type: "company", Label: "clearview"},
		graph.AddEntity{ID: "noyb", Type: "ngo", Label: "noyb"},
		graph.AddRelation{ID: "f1", Source: "cnil", Target: "cv", Type: "fined", Date: "2022-10-20"},
		graph.AddRelation{ID: "f2", Source: "cnil2", Target: "cv", Type: "ordered", Date: "2021-12-16"},
	} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestDuplicatesFindsFoldedNamesAndAliases(t *testing.T) {
	g := twoFiles(t)
	pairs, err := Duplicates(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pairs {
		got = append(got, g.Node(p.A).ID+"+"+g.Node(p.B).ID+":"+p.Reason)
	}
	want := []string{"cnil+cnil2:same name", "cv+cv2:alias"}
	if !slices.Equal(got, want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Duplicates(ctx, g); err == nil {
		t.Fatal("a cancelled search should say so")
	}
}

func TestMergeConflictsAndChoices(t *testing.T) {
	g := twoFiles(t)
	cs, err := MergeConflicts(g, []string{"cnil", "cnil2"})
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, c := range cs {
		fields = append(fields, c.Field)
	}
	// founded is only CNIL's: not a conflict
	if !slices.Equal(fields, []string{"type", "label", "props.country"}) {
		t.Fatalf("conflicts %v", fields)
	}
	if cs[2].Values[1] != "France" || cs[2].From[1] != "Cnil" {
		t.Fatalf("country conflict %+v", cs[2])
	}
	// keep cnil2, but CNIL's label and country, and cnil2's type
	cmd, err := MergeCommand(g, []string{"cnil", "cnil2"}, "cnil2", map[string]any{"type": "agency", "label": "CNIL", "props.country": "FR"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(cmd); err != nil {
		t.Fatal(err)
	}
	if _, ok := g.NodeIndex("cnil"); ok {
		t.Fatal("cnil is still there")
	}
	nd := g.Node(idx(t, g, "cnil2"))
	if nd.Label != "CNIL" || nd.Type != "agency" || nd.Props.Value("country") != "FR" || nd.Props.Value("founded") != 1978.0 {
		t.Fatalf("merged %+v", nd)
	}
	// the label it had is an alias now, once
	if !slices.Contains(nd.Aliases, "Commission nationale") || slices.Contains(nd.Aliases, "CNIL") {
		t.Fatalf("aliases %v", nd.Aliases)
	}
	if g.Degree(idx(t, g, "cnil2")) != 2 {
		t.Fatalf("the merged entity has %d relations, want both", g.Degree(idx(t, g, "cnil2")))
	}
	if name, _ := g.UndoName(); name != "merge CNIL into Cnil" {
		t.Fatalf("undo name %q", name)
	}
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	a, b := g.Node(idx(t, g, "cnil")), g.Node(idx(t, g, "cnil2"))
	if a.Label != "CNIL" || b.Label != "Cnil" || b.Type != "agency" || a.Props.Value("country") != "FR" || b.Props.Value("country") != "France" {
		t.Fatalf("one undo should restore both: %+v %+v", a, b)
	}
	if _, err := MergeCommand(g, []string{"cnil"}, "cnil", nil); err == nil {
		t.Fatal("merging one entity should fail")
	}
}

func TestHiddenEntities(t *testing.T) {
	g := twoFiles(t)
	if err := g.Apply(graph.SetChart{Key: ChartHidden, Value: "cv\ngone"}); err != nil {
		t.Fatal(err)
	}
	v := Visible(g, Filter{})
	if v.Nodes[idx(t, g, "cv")] || !v.Nodes[idx(t, g, "cnil")] {
		t.Fatal("cv should be hidden, cnil shown")
	}
	if v.Edges[0] {
		t.Fatal("a relation of a hidden entity shows")
	}
}
