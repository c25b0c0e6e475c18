package dataset

import (
	stdjson "encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// Field files (issue 10): small files as yEd, yFiles for HTML, Gephi,
// networkx write them, in testdata/field.

func loadField(t *testing.T, name string) (*graph.Graph, []*Error) {
	t.Helper()
	var warns []*Error
	g, err := LoadAny(filepath.Join("testdata", "field", name), Options{Warnings: &warns})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g, warns
}

func node(t *testing.T, g *graph.Graph, id string) *graph.Node {
	t.Helper()
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return g.Node(i)
}

func warnText(ws []*Error) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Error() + "\n")
	}
	return b.String()
}

func TestFieldYEdGroups(t *testing.T) {
	g, warns := loadField(t, "yed-groups.graphml")
	if len(warns) != 0 {
		t.Errorf("warnings: %s", warnText(warns))
	}
	// 4 entities at two levels; 2 relations and 2 part-of
	if g.NodeCount() != 4 || g.EdgeCount() != 4 {
		t.Fatalf("%d entities, %d relations, want 4 and 4", g.NodeCount(), g.EdgeCount())
	}
	grp, cnil := node(t, g, "n0"), node(t, g, "n0::n0")
	if grp.Label != "Regulators" || cnil.Label != "CNIL" || node(t, g, "n1").Label != "Clearview AI" {
		t.Errorf("labels %q %q", grp.Label, cnil.Label)
	}
	if !cnil.Placed || cnil.X != 50 || cnil.Y != 55 || cnil.Color != "#ffcc00" || grp.Color != "#f5f5f5" {
		t.Errorf("CNIL chart: %+v", *cnil)
	}
	if cnil.Props.Value("url") != "https://www.cnil.fr" || grp.Props.Len() != 0 {
		t.Errorf("props %v %v", cnil.Props, grp.Props)
	}
	types := map[string]int{}
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		types[e.Type]++
		if e.Undirected {
			t.Errorf("relation %s undirected", e.ID)
		}
		if e.Type == PartOf && g.Node(e.To).ID != "n0" {
			t.Errorf("part-of %s -> %s", g.Node(e.From).ID, g.Node(e.To).ID)
		}
	}
	// the yEd edge label is the type; the unlabelled edge stays untyped
	if types["fined"] != 1 || types[""] != 1 || types[PartOf] != 2 {
		t.Errorf("types %v", types)
	}
}

func TestFieldYFilesHTML(t *testing.T) {
	g, _ := loadField(t, "yfiles-html.graphml")
	a, b := node(t, g, "n0"), node(t, g, "n1")
	if a.Label != "noyb" || b.Label != "Clearview AI" || !a.Placed || a.X != 0 || a.Y != 0 || b.X != 100 || b.Y != 50 {
		t.Errorf("%+v %+v", *a, *b)
	}
	if a.Props.Len() != 0 {
		t.Errorf("yFiles markup became props: %v", a.Props)
	}
	if e := g.Edge(0); !e.Undirected || e.Type != "" {
		t.Errorf("edge %+v", *e)
	}
}

func TestFieldNetworkxHandWritten(t *testing.T) {
	g, warns := loadField(t, "networkx.graphml")
	// Marseille and Nice are created, each with a warning naming the line
	if g.NodeCount() != 4 || g.EdgeCount() != 3 || len(warns) != 2 {
		t.Fatalf("%d entities, %d relations, warnings:\n%s", g.NodeCount(), g.EdgeCount(), warnText(warns))
	}
	if w := warns[0]; !strings.HasSuffix(w.File, "networkx.graphml") || w.Line != 21 || w.Col != 33 || !strings.Contains(w.Msg, `"Marseille"`) {
		t.Errorf("warning %v", w)
	}
	if m := node(t, g, "Marseille"); m.Label != "Marseille" || m.Type != DefaultNodeType {
		t.Errorf("created %+v", *m)
	}
	p, l := node(t, g, "Paris"), node(t, g, "Lyon")
	if p.Props.Value("population") != int64(9007199254740993) || p.Props.Value("capital") != true || l.Props.Value("capital") != false || l.Props.Value("color") != nil {
		t.Errorf("props %v %v", p.Props, l.Props)
	}
	// key declared inside <graph>; undeclared key "color" is a drawing
	// attribute, skipped
	e0, e1, e2 := g.Edge(0), g.Edge(1), g.Edge(2)
	if !e0.Undirected || e1.Undirected || !e2.Undirected || e0.Props.Value("weight") != 1.5 || e0.Props.Value("km") != int64(465) {
		t.Errorf("edges %+v %+v %+v", *e0, *e1, *e2)
	}
}

func TestFieldUndeclaredKeyKeptUnderItsID(t *testing.T) {
	g, err := ReadGraphML("x.graphml", strings.NewReader(`<graphml><graph><node id="a"><data key="d7">x</data><data key="d8">y</data></node></graph></graphml>`))
	if err != nil {
		t.Fatal(err)
	}
	if p := g.Node(0).Props; p.Value("d7") != "x" || p.Value("d8") != "y" || p.Len() != 2 {
		t.Errorf("props %v", p)
	}
}

func TestFieldBigIntegerExact(t *testing.T) {
	g, err := ReadGraphML("x.graphml", strings.NewReader(`<graphml><key id="n" for="node" attr.name="n" attr.type="long"/><graph><node id="a"><data key="n">123456789012345678901234567890</data></node></graph></graphml>`))
	if err != nil {
		t.Fatal(err)
	}
	if v := g.Node(0).Props.Value("n"); v != stdjson.Number("123456789012345678901234567890") {
		t.Errorf("%T %v", v, v)
	}
}

func TestFieldNotAGraph(t *testing.T) {
	_, err := LoadAny(filepath.Join("testdata", "field", "page.graphml"), Options{})
	var list *ErrorList
	if !errors.As(err, &list) || len(list.Errors) != 1 || list.Errors[0].Line != 2 || list.Errors[0].Col != 1 ||
		list.Errors[0].Msg != "not GraphML: the root element is <html>, not <graphml>" {
		t.Errorf("got %v", err)
	}
	_, err = ReadGEXF("x.gexf", strings.NewReader("<html><graph/></html>"))
	if err == nil || !strings.Contains(err.Error(), "x.gexf:1:1: not GEXF: the root element is <html>") {
		t.Errorf("got %v", err)
	}
}

func TestFieldGEXFInGraphMLFile(t *testing.T) {
	g, warns := loadField(t, "gexf-in-graphml.graphml")
	if g.NodeCount() != 3 || g.EdgeCount() != 3 || !strings.Contains(warnText(warns), "holds GEXF, not GraphML") {
		t.Errorf("%d %d %s", g.NodeCount(), g.EdgeCount(), warnText(warns))
	}
}

func TestFieldSkippedGraphsAndHyperedges(t *testing.T) {
	g, warns := loadField(t, "two-graphs.graphml")
	if g.NodeCount() != 3 || g.EdgeCount() != 1 || len(warns) != 2 {
		t.Fatalf("%d %d\n%s", g.NodeCount(), g.EdgeCount(), warnText(warns))
	}
	w := warnText(warns)
	if !strings.Contains(w, "two-graphs.graphml:8:5: 2 <hyperedge> elements skipped") {
		t.Errorf("hyperedges: %s", w)
	}
	if !strings.Contains(w, "two-graphs.graphml:11:3: the file holds 2 more <graph> elements") {
		t.Errorf("graphs: %s", w)
	}
}

func TestFieldGephi(t *testing.T) {
	g, warns := loadField(t, "gephi.gexf")
	if g.NodeCount() != 3 || g.EdgeCount() != 3 || len(warns) != 1 || !strings.Contains(warns[0].Msg, `"ghost"`) || warns[0].Line != 42 {
		t.Fatalf("%d %d %s", g.NodeCount(), g.EdgeCount(), warnText(warns))
	}
	cnil, cv := node(t, g, "cnil"), node(t, g, "clearview")
	if !cnil.Placed || cnil.X != -120.5 || cnil.Y != -40.25 || cnil.Size != 12.5 || cnil.Color != "#ff6600" || cv.Color != "#336699" {
		t.Errorf("viz %+v", *cnil)
	}
	if cnil.Props.Value("Modularity Class") != int64(0) || cnil.Props.Value("staff") != int64(270) || cnil.Props.Value("start") != "1978-01-06" {
		t.Errorf("cnil props %v", cnil.Props)
	}
	if cv.Props.Value("start") != "2017-01-01" || cv.Props.Value("end") != "2020-12-31" {
		t.Errorf("spells %v", cv.Props)
	}
	e0, e1, e2 := g.Edge(0), g.Edge(1), g.Edge(2)
	if e0.Date.String() != "2022-10-17" || e0.Props.Value("end") != "2023-05-01" || e0.Props.Value("amount") != 2e7 || !e0.Undirected || e0.Type != "" {
		t.Errorf("edge 0 %+v", *e0)
	}
	if e1.Undirected || e1.Type != "appealed" || !e2.Undirected {
		t.Errorf("edges %+v %+v", *e1, *e2)
	}
}

func TestFieldGEXFNested(t *testing.T) {
	g, warns := loadField(t, "nested.gexf")
	if g.NodeCount() != 6 || g.EdgeCount() != 6 || len(warns) != 0 {
		t.Fatalf("%d %d %s", g.NodeCount(), g.EdgeCount(), warnText(warns))
	}
	part := map[string]string{}
	for i := 1; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		if e.Type != PartOf {
			t.Errorf("relation %d type %q", i, e.Type)
		}
		part[g.Node(e.From).ID] = g.Node(e.To).ID
	}
	want := map[string]string{"fr": "eu", "cnil": "fr", "it": "eu", "garante": "it", "edpb": "eu"}
	for k, v := range want {
		if part[k] != v {
			t.Errorf("%s part of %q, want %q", k, part[k], v)
		}
	}
}

func TestFieldGEXF10(t *testing.T) {
	g, _ := loadField(t, "gexf10.gexf")
	if p := g.Node(0).Props; p.Value("country") != "FR" || p.Value("undeclared") != "x" || g.Node(1).Props.Value("country") != "UK" {
		t.Errorf("%v", p)
	}
}

// TestFieldNetworkx: the files gen_networkx.py wrote with networkx load
// with the counts networkx reads.
func TestFieldNetworkx(t *testing.T) {
	for _, c := range []struct {
		file         string
		nodes, edges int
		undirected   bool
	}{{"networkx-karate.graphml", 34, 78, true}, {"networkx-karate.gexf", 34, 78, true}, {"networkx-multi.graphml", 3, 3, false}} {
		g, warns := loadField(t, c.file)
		if g.NodeCount() != c.nodes || g.EdgeCount() != c.edges || len(warns) != 0 {
			t.Errorf("%s: %d entities, %d relations, want %d and %d; %s", c.file, g.NodeCount(), g.EdgeCount(), c.nodes, c.edges, warnText(warns))
			continue
		}
		for i := 0; i < g.EdgeCount(); i++ {
			if g.Edge(int32(i)).Undirected != c.undirected {
				t.Errorf("%s: relation %d undirected %v", c.file, i, !c.undirected)
				break
			}
		}
	}
	g, _ := loadField(t, "networkx-multi.graphml")
	if e := g.Edge(0); e.Type != "fined" || e.Props.Value("amount") != 2e7 || node(t, g, "cnil").Props.Value("founded") != int64(1978) || g.Edge(2).Type != "" {
		t.Errorf("%+v", *e)
	}
}
