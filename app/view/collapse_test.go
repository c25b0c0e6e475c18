package view

import (
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

func TestCollapsedGroupSummarisesItsRelations(t *testing.T) {
	g := graph.New(0, 0)
	for _, c := range []graph.Command{
		graph.AddEntity{ID: "cnil", Type: "regulator", Label: "CNIL"},
		graph.AddEntity{ID: "garante", Type: "regulator", Label: "Garante"},
		graph.AddEntity{ID: "cv", Type: "company", Label: "Clearview AI"},
		graph.AddEntity{ID: "noyb", Type: "ngo", Label: "noyb"},
		graph.AddRelation{ID: "f1", Source: "cnil", Target: "cv", Type: "fined", Date: "2022-10-20", Props: map[string]any{"amount": 20e6, "currency": "EUR"}},
		graph.AddRelation{ID: "f2", Source: "garante", Target: "cv", Type: "fined", Date: "2022-02-09", Props: map[string]any{"amount": 5.2e6, "currency": "EUR"}},
		graph.AddRelation{ID: "o1", Source: "cnil", Target: "cv", Type: "ordered", Date: "2021-12-16"},
		graph.AddRelation{ID: "c1", Source: "noyb", Target: "cnil", Type: "complained-against"},
		graph.AddRelation{ID: "in", Source: "cnil", Target: "garante", Type: "cooperated"},
		graph.GroupEntities{ID: "g1", IDs: []string{"cnil", "garante"}, Label: "EU regulators"},
	} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	if c, err := CollapseGroups(g, Visible(g, Filter{})); err != nil || c != nil {
		t.Fatalf("nothing collapsed: %v %v", c, err)
	}
	if err := g.Apply(graph.Collapse{ID: "g1"}); err != nil {
		t.Fatal(err)
	}
	c, err := CollapseGroups(g, Visible(g, Filter{}))
	if err != nil || c == nil {
		t.Fatal(err)
	}
	if c.G.NodeCount() != 5 || c.N != 4 {
		t.Fatalf("%d drawn entities", c.G.NodeCount())
	}
	grp := c.G.Node(4)
	if grp.Type != GroupType || grp.Label != "EU regulators (2)" {
		t.Fatalf("group node %+v", grp)
	}
	for i := int32(0); i < 4; i++ {
		if c.G.Node(i).ID != g.Node(i).ID {
			t.Fatal("the model's entities must keep their indices")
		}
	}
	cnil, garante := int32(0), int32(1)
	if c.Vis.Nodes[cnil] || c.Vis.Nodes[garante] || !c.Vis.Nodes[4] || !c.Vis.Nodes[2] {
		t.Fatalf("visibility %v", c.Vis.Nodes)
	}
	for e := 0; e < c.M; e++ {
		if c.Vis.Edges[e] {
			t.Fatalf("relation %s of a member still shows", g.Edge(int32(e)).ID)
		}
	}
	// fined ×2 (summed), ordered, complained-against; the inner one dropped
	got := map[string]*graph.Edge{}
	for e := c.M; e < c.G.EdgeCount(); e++ {
		r := c.G.Edge(int32(e))
		got[r.Type] = r
		if !c.Vis.Edges[e] {
			t.Fatalf("summary %s hidden", r.Type)
		}
	}
	if len(got) != 3 {
		t.Fatalf("summaries %v", got)
	}
	f := got["fined"] // the type stays the relations' (the legend counts it as one); the label says ×2
	if f == nil || f.From != 4 || f.To != 2 || f.Props.Value("amount") != 25.2e6 || f.Props.Value("count") != 2.0 || f.Date.String() != "2022-02-09" {
		t.Fatalf("fined summary %+v", f)
	}
	if l := render.EdgeLabel(f); l != "fined ×2 · €25.2M · 9 Feb 2022" {
		t.Fatalf("drawn as %q", l)
	}
	if r := got["complained-against"]; r == nil || r.From != 3 || r.To != 4 || r.Props.Value("count") != 1.0 {
		t.Fatalf("incoming summary %+v", r)
	}
	// the timeline counts only what shows
	v := Visible(g, Filter{AsOf: 20220301})
	c2, _ := CollapseGroups(g, v)
	for e := c2.M; e < c2.G.EdgeCount(); e++ {
		if r := c2.G.Edge(int32(e)); r.Type == "fined" && r.Props.Value("amount") != 5.2e6 {
			t.Fatalf("as of March 2022 only the Garante's fine counts: %+v", r)
		}
	}
	pos := c.Positions([]render.Point{{X: 0, Y: 0}, {X: 10, Y: 4}, {X: 50, Y: 50}, {X: -5, Y: 0}})
	if pos[4] != (render.Point{X: 5, Y: 2}) || pos[2] != (render.Point{X: 50, Y: 50}) {
		t.Fatalf("positions %v", pos)
	}
	if _, m, ok := c.GroupAt(4); !ok || len(m) != 2 {
		t.Fatal("GroupAt(4)")
	}
	if _, _, ok := c.GroupAt(2); ok {
		t.Fatal("an entity is not a group")
	}
}
