package dataset

import (
	"bytes"
	"image/color"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// richGraph exercises everything the model holds: accents and XML
// specials, aliases, nested properties, citations with quotes, dates of
// every precision, money, parallel relations and a self-loop.
func richGraph(t testing.TB) *graph.Graph {
	t.Helper()
	g := graph.New(4, 6)
	g.Title = `Clearview AI & the "CNIL" <test>`
	g.Description = "Amendes et mises en demeure\nsur deux lignes"
	d, _ := graph.ParseDate("2022-10-20")
	g.Sources = []graph.Source{{ID: "lemonde", Title: "La CNIL inflige 20 millions d’euros", Publisher: "Le Monde", Published: d, Language: "fr", URL: "https://example.org/a?b=1&c=2"}}
	add := func(n graph.Node) {
		if _, err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	add(graph.Node{ID: "cnil", Type: "regulator", Label: "CNIL", Aliases: []string{"Commission nationale de l'informatique et des libertés"},
		Props:   graph.PropsOf(map[string]any{"country": "FR", "founded": 1978.0, "independent": true, "staff": []any{"a", 2.0}, "meta": map[string]any{"k": "v"}}),
		Sources: []graph.Citation{{Source: "lemonde", Quote: "« la CNIL a prononcé »", Gloss: "the CNIL imposed"}}})
	add(graph.Node{ID: "clearview-ai", Type: "company", Label: "Clearview AI", Props: graph.PropsOf(map[string]any{"country": "US", "founded": 2017.0})})
	add(graph.Node{ID: "min<int>", Type: "government", Label: "Ministère de l’Intérieur & co"})
	add(graph.Node{ID: "x y", Type: "person", Label: "Person X"})
	edge := func(from, to int32, typ, date string, props map[string]any, cites ...graph.Citation) {
		dt, _ := graph.ParseDate(date)
		if _, err := g.AddEdge(graph.Edge{From: from, To: to, Type: typ, Date: dt, Props: graph.PropsOf(props), Sources: cites}); err != nil {
			t.Fatal(err)
		}
	}
	edge(0, 1, "fined", "2022-10-17", map[string]any{"amount": 2e7, "currency": "EUR"}, graph.Citation{Source: "lemonde"})
	edge(0, 1, "fined", "2023-04", map[string]any{"amount": 5.2e6, "currency": "EUR"})
	edge(0, 1, "ordered_to_delete", "2021", nil)
	edge(2, 0, "consulted", "", map[string]any{"note": "avis \"favorable\""})
	edge(3, 3, "self", "", nil)
	edge(1, 2, "used-by", "2020-02-29", nil)
	return g
}

// sameGraph reports the first difference between two graphs, comparing
// everything the model holds (dataset sources only when withSources).
func sameGraph(a, b *graph.Graph, withSources bool) string {
	if a.Title != b.Title || a.Description != b.Description {
		return "title or description: " + b.Title + " / " + b.Description
	}
	if withSources && !reflect.DeepEqual(a.Sources, b.Sources) {
		return "dataset sources differ"
	}
	if a.NodeCount() != b.NodeCount() || a.EdgeCount() != b.EdgeCount() {
		return "counts differ"
	}
	norm := func(m map[string]any) map[string]any {
		if len(m) == 0 {
			return nil
		}
		return m
	}
	for i := int32(0); int(i) < a.NodeCount(); i++ {
		x, y := a.Node(i), b.Node(i)
		if x.ID != y.ID || x.Type != y.Type || x.Label != y.Label || len(x.Aliases) != len(y.Aliases) ||
			(len(x.Aliases) > 0 && !reflect.DeepEqual(x.Aliases, y.Aliases)) ||
			!reflect.DeepEqual(norm(x.Props.Map()), norm(y.Props.Map())) || len(x.Sources) != len(y.Sources) ||
			(len(x.Sources) > 0 && !reflect.DeepEqual(x.Sources, y.Sources)) {
			return "entity " + x.ID + " differs"
		}
	}
	for i := int32(0); int(i) < a.EdgeCount(); i++ {
		x, y := a.Edge(i), b.Edge(i)
		if x.ID != y.ID || a.Node(x.From).ID != b.Node(y.From).ID || a.Node(x.To).ID != b.Node(y.To).ID ||
			x.Type != y.Type || x.Date != y.Date || !reflect.DeepEqual(norm(x.Props.Map()), norm(y.Props.Map())) ||
			len(x.Sources) != len(y.Sources) || (len(x.Sources) > 0 && !reflect.DeepEqual(x.Sources, y.Sources)) {
			return "relation " + x.ID + " differs"
		}
	}
	return ""
}

func visualFor(g *graph.Graph) *Visual {
	v := &Visual{}
	for i := 0; i < g.NodeCount(); i++ {
		v.X = append(v.X, float64(10*i))
		v.Y = append(v.Y, float64(5*i))
		v.Size = append(v.Size, 3+float64(i))
		v.Color = append(v.Color, color.NRGBA{uint8(40 * i), 100, 200, 255})
	}
	return v
}

func TestExportThenImportGivesTheSameGraph(t *testing.T) {
	g := richGraph(t)
	dir := t.TempDir()
	for _, c := range []struct {
		file        string
		withSources bool
	}{
		{"g.json", true}, {"g.graphml", true}, {"g.gexf", false}, {"g.csv", false},
	} {
		path := filepath.Join(dir, c.file)
		files, err := WriteFile(path, g, visualFor(g))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if c.file == "g.csv" && (len(files) != 2 || !strings.HasSuffix(files[0], "g-nodes.csv") || !strings.HasSuffix(files[1], "g-edges.csv")) {
			t.Errorf("CSV wrote %v", files)
		}
		back, err := LoadAny(files[0], Options{})
		if err != nil {
			t.Fatalf("%s: reading back: %v", c.file, err)
		}
		if c.file == "g.gexf" || c.file == "g.csv" {
			// these formats have no place for the dataset's description
			back.Title, back.Description = g.Title, g.Description
		}
		if d := sameGraph(g, back, c.withSources); d != "" {
			t.Errorf("%s: %s", c.file, d)
		}
	}
}

func TestDOTHasEveryEntityAndRelation(t *testing.T) {
	g := richGraph(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g, visualFor(g)); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if n := strings.Count(s, " -> "); n != g.EdgeCount() {
		t.Errorf("%d edges in DOT, want %d", n, g.EdgeCount())
	}
	if n := strings.Count(s, "pos=\""); n != g.NodeCount() {
		t.Errorf("%d positions, want %d", n, g.NodeCount())
	}
	for _, want := range []string{`"min<int>"`, `label="Ministère de l’Intérieur & co"`, `pos="10,-5!"`, `amount="20000000", currency="EUR"`} {
		if !strings.Contains(s, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}

func TestImportForeignFiles(t *testing.T) {
	// yEd: the label is in the node graphics, types are absent
	yed := `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
<key id="d0" for="node" yfiles.type="nodegraphics"/><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<key id="c" for="node" attr.name="country" attr.type="string"><default>FR</default></key>
<graph edgedefault="directed"><node id="n0"><data key="d0"><y:ShapeNode><y:NodeLabel>CNIL</y:NodeLabel></y:ShapeNode></data></node>
<node id="n1"><data key="c">US</data></node><edge source="n0" target="n1"><data key="w">2.5</data></edge><edge source="n0" target="n1"/></graph></graphml>`
	g, err := ReadGraphML("yed.graphml", strings.NewReader(yed))
	if err != nil {
		t.Fatal(err)
	}
	if g.NodeCount() != 2 || g.EdgeCount() != 2 || g.Node(0).Label != "CNIL" || g.Node(0).Type != "entity" ||
		g.Node(0).Props.Value("country") != "FR" || g.Node(1).Props.Value("country") != "US" || g.Edge(0).Props.Value("weight") != 2.5 || g.Edge(1).Type != "" {
		t.Errorf("yEd import: %+v %+v %+v", *g.Node(0), *g.Node(1), *g.Edge(0))
	}
	// Gephi: GEXF 1.2 with attribute ids that are numbers
	gephi := `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="type" type="string"/><attribute id="1" title="degree" type="integer"/></attributes>
<nodes><node id="a" label="Alpha"><attvalues><attvalue for="0" value="ngo"/><attvalue for="1" value="3"/></attvalues></node><node id="b" label="Beta"/></nodes>
<edges><edge id="0" source="a" target="b" label="complained to" weight="2.0"/></edges></graph></gexf>`
	g, err = ReadGEXF("gephi.gexf", strings.NewReader(gephi))
	if err != nil {
		t.Fatal(err)
	}
	if g.Node(0).Type != "ngo" || g.Node(0).Props.Value("degree") != int64(3) || g.Edge(0).Type != "complained to" || g.Edge(0).Props.Value("weight") != 2.0 {
		t.Errorf("Gephi import: %+v %+v", *g.Node(0), *g.Edge(0))
	}
	// Gephi's spreadsheet CSV: Type is the direction, Label the relation
	g, err = ReadCSV("n.csv", strings.NewReader("Id,Label,category\n1,One,x\n2,Two,y\n"), "e.csv",
		strings.NewReader("Source,Target,Type,Label,Weight\n1,2,Directed,owns,1.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if g.Node(0).Label != "One" || g.Node(0).Props.Value("category") != "x" || g.Edge(0).Type != "owns" || g.Edge(0).Props.Value("Weight") != 1.5 {
		t.Errorf("CSV import: %+v %+v", *g.Node(0), *g.Edge(0))
	}
}

func TestImportRejectsBrokenFilesWithoutPanicking(t *testing.T) {
	g := richGraph(t)
	var gml, gexf, nodes, edges bytes.Buffer
	WriteGraphML(&gml, g, nil)
	WriteGEXF(&gexf, g, nil)
	WriteCSVNodes(&nodes, g, nil)
	WriteCSVEdges(&edges, g)
	for cut := 0; cut < gml.Len(); cut += 97 {
		ReadGraphML("cut.graphml", bytes.NewReader(gml.Bytes()[:cut]))
	}
	for cut := 0; cut < gexf.Len(); cut += 97 {
		ReadGEXF("cut.gexf", bytes.NewReader(gexf.Bytes()[:cut]))
	}
	for cut := 0; cut < nodes.Len(); cut += 13 {
		ReadCSV("n.csv", bytes.NewReader(nodes.Bytes()[:cut]), "e.csv", bytes.NewReader(edges.Bytes()))
	}
	bad := map[string]func() error{
		// GraphML and GEXF create an undeclared end (issue 10); JSON refuses it
		"edge to a missing node": func() error {
			_, err := Decode("x", []byte(`{"nodes": [{"id": "a", "type": "t"}], "edges": [{"source": "a", "target": "zz", "type": "r"}]}`), Options{})
			return err
		},
		"duplicate node": func() error {
			_, err := ReadGEXF("x", strings.NewReader(`<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>`))
			return err
		},
		"not XML":          func() error { _, err := ReadGraphML("x", strings.NewReader("{}")); return err },
		"no Id column":     func() error { _, err := ReadCSV("n", strings.NewReader("Name\nx\n"), "e", nil); return err },
		"bad props JSON":   func() error { _, err := ReadCSV("n", strings.NewReader("Id,props\na,{oops\n"), "e", nil); return err },
		"no graph element": func() error { _, err := ReadGraphML("x", strings.NewReader("<graphml/>")); return err },
	}
	for name, f := range bad {
		if f() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCSVPaths(t *testing.T) {
	for in, want := range map[string][2]string{
		"out/case.csv":       {"out/case-nodes.csv", "out/case-edges.csv"},
		"out/case-nodes.csv": {"out/case-nodes.csv", "out/case-edges.csv"},
		"out/case-edges.csv": {"out/case-nodes.csv", "out/case-edges.csv"},
		"nodes.csv":          {"nodes.csv", "edges.csv"},
	} {
		n, e := CSVPaths(in)
		if n != want[0] || e != want[1] {
			t.Errorf("CSVPaths(%q) = %q, %q", in, n, e)
		}
	}
}

func TestWriteFileRefusesUnknownFormats(t *testing.T) {
	if _, err := WriteFile(filepath.Join(t.TempDir(), "g.xlsx"), richGraph(t), nil); err == nil {
		t.Error("no error for .xlsx")
	}
	if _, err := WriteFile(filepath.Join(t.TempDir(), "no-such-dir", "g.json"), richGraph(t), nil); err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestEmbeddedCaseSurvivesEveryFormat(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatalf("embedded dataset does not load: %v", err)
	}
	dir := t.TempDir()
	for _, name := range []string{"c.json", "c.graphml", "c.gexf", "c.csv"} {
		files, err := WriteFile(filepath.Join(dir, name), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err := LoadAny(files[0], Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "c.gexf" || name == "c.csv" {
			back.Title, back.Description = g.Title, g.Description
		}
		if d := sameGraph(g, back, name == "c.json" || name == "c.graphml"); d != "" {
			t.Errorf("%s: %s", name, d)
		}
	}
}
