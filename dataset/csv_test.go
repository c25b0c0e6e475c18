package dataset

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

func loadCSVTest(t *testing.T, files ...string) *graph.Graph {
	t.Helper()
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join("testdata", "csv", f))
	}
	var g *graph.Graph
	var err error
	if len(paths) == 1 {
		g, err = LoadAny(paths[0], Options{})
	} else {
		g, err = LoadCSV(context.Background(), paths, Options{})
	}
	if err != nil {
		t.Fatalf("%v: %v", files, err)
	}
	return g
}

// ends lists each relation as "from>to:type".
func ends(g *graph.Graph) []string {
	var out []string
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		out = append(out, g.Node(e.From).ID+">"+g.Node(e.To).ID+":"+e.Type)
	}
	return out
}

func nodeIDs(g *graph.Graph) []string {
	var out []string
	for i := 0; i < g.NodeCount(); i++ {
		out = append(out, g.Node(int32(i)).ID)
	}
	return out
}

func TestCSVGephiEdgeTableAlone(t *testing.T) {
	g := loadCSVTest(t, "gephi-edges.csv")
	if got, want := nodeIDs(g), []string{"CNIL", "Clearview AI", "noyb", "Walmart"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities %v, want %v", got, want)
	}
	if n := g.Node(1); n.Label != "Clearview AI" {
		t.Errorf("implied entity's label %q, want its id", n.Label)
	}
	if got := ends(g); got[0] != "CNIL>Clearview AI:fined" || len(got) != 3 {
		t.Errorf("relations %v", got)
	}
	e0, e1 := g.Edge(0), g.Edge(1)
	if e0.ID != "0" || e0.Props.Value("Weight") != 2.5 || e0.Undirected {
		t.Errorf("relation 0: %+v", *e0)
	}
	if !e1.Undirected || e1.Props.Value("Weight") != 1.0 {
		t.Errorf("relation 1 (Type Undirected): %+v", *e1)
	}
}

func TestCSVEdgeTableHeaders(t *testing.T) {
	g := loadCSVTest(t, "lower.csv")
	if g.NodeCount() != 3 || g.EdgeCount() != 2 || g.Edge(1).Props.Value("weight") != 2.0 || g.Edge(0).Props.Value("kind") != "x" {
		t.Errorf("source,target: %v %v %+v", nodeIDs(g), ends(g), *g.Edge(0))
	}
	g = loadCSVTest(t, "fromto.csv")
	if got := ends(g); !reflect.DeepEqual(got, []string{"a>b:knows", "a>c:knows"}) || g.NodeCount() != 3 {
		t.Errorf("FROM,TO: %v", got)
	}
	// Through ReadCSV, one table alone.
	g, err := ReadCSV("e.csv", strings.NewReader("Source,Target\nx,y\ny,x\n"), "", nil)
	if err != nil || g.NodeCount() != 2 || g.EdgeCount() != 2 {
		t.Fatalf("ReadCSV of an edge table alone: %v", err)
	}
	// A table with Id and Source but no Target is a node table.
	g, err = ReadCSV("n.csv", strings.NewReader("Id,Source\nx,press\n"), "", nil)
	if err != nil || g.NodeCount() != 1 || g.Node(0).Props.Value("Source") != "press" {
		t.Fatalf("node table with a Source column: %v", err)
	}
}

func TestCSVNeo4jAdminImport(t *testing.T) {
	g := loadCSVTest(t, "neo4j-nodes.csv", "neo4j-rels.csv")
	if got := nodeIDs(g); !reflect.DeepEqual(got, []string{"Person:1", "Person:2"}) {
		t.Fatalf("entities %v", got)
	}
	a, b := g.Node(0), g.Node(1)
	if a.Type != "Person" || a.Label != "Alice" || a.Props.Value("personId") != "1" {
		t.Errorf("Alice: %+v", *a)
	}
	if !reflect.DeepEqual(a.Props.Value("labels"), []any{"Person", "Employee"}) {
		t.Errorf("labels %#v", a.Props.Value("labels"))
	}
	if a.Props.Value("age") != 42.0 || a.Props.Value("born") != "9007199254740993" || a.Props.Value("score") != 0.5 || a.Props.Value("active") != true {
		t.Errorf("typed columns: %#v", a.Props)
	}
	if !reflect.DeepEqual(a.Props.Value("tags"), []any{"a", "b", "c"}) {
		t.Errorf("tags %#v", a.Props.Value("tags"))
	}
	if _, has := b.Props.Get("age"); has || b.Props.Value("active") != false || b.Props.Value("born") != 1970.0 || b.Props.Value("labels") != nil {
		t.Errorf("Bob: %#v", b.Props)
	}
	if got := ends(g); !reflect.DeepEqual(got, []string{"Person:1>Person:2:KNOWS", "Person:2>Person:1:WORKS_WITH"}) {
		t.Errorf("relations %v", got)
	}
	if e := g.Edge(0); e.Props.Value("since") != 2010.0 || e.Props.Value("weight") != 0.5 {
		t.Errorf("relation props %#v", e.Props)
	}
	if e := g.Edge(1); e.Props.Len() != 0 {
		t.Errorf("empty typed values set props: %#v", e.Props)
	}
	// A relationship file alone implies its entities, in their ID space.
	g = loadCSVTest(t, "neo4j-rels.csv")
	if got := nodeIDs(g); !reflect.DeepEqual(got, []string{"Person:1", "Person:2"}) || g.EdgeCount() != 2 {
		t.Errorf("relationship file alone: %v %v", got, ends(g))
	}
	// Typed values that do not fit are positioned errors.
	_, err := ReadCSV("n.csv", strings.NewReader(":ID,age:int,ok:boolean\na,x,true\nb,1,maybe\n"), "", nil)
	want := []string{
		`n.csv:2:3: entity "a": column "age:int" is declared int, so its value must be an integer, not "x"`,
		`n.csv:3:5: entity "b": column "ok:boolean" is declared boolean, so its value must be true or false, not "maybe"`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("typed errors:\n%v\nwant\n%s", err, strings.Join(want, "\n"))
	}
	// A colon that is not a Neo4j type belongs to the name.
	g, err = ReadCSV("n.csv", strings.NewReader("Id,foaf:name\na,Alice\n"), "", nil)
	if err != nil || g.Node(0).Props.Value("foaf:name") != "Alice" {
		t.Errorf("foaf:name: %v %+v", err, g)
	}
}

func TestCSVDelimiterAndBOM(t *testing.T) {
	g := loadCSVTest(t, "semicolon.csv")
	if g.NodeCount() != 2 || g.Node(0).Label != "CNIL; Paris" || g.Node(0).Type != "regulator" || g.Node(0).Props.Value("city") != "Paris, France" {
		t.Errorf("semicolons: %+v", *g.Node(0))
	}
	g = loadCSVTest(t, "tab.csv")
	if got := ends(g); g.NodeCount() != 3 || got[1] != "b>c, d:"+g.Edge(1).Type || g.Edge(1).Props.Value("Weight") != 2.0 {
		t.Errorf("tabs: %v %v", nodeIDs(g), got)
	}
	if sniffDelimiter([]byte("a|b|c\n1,2|3|4\n")) != '|' || sniffDelimiter([]byte(`"a,b";c`)) != ';' || sniffDelimiter([]byte("Id\nx,y")) != ',' {
		t.Error("sniffDelimiter")
	}
	g = loadCSVTest(t, "bom.csv")
	if got := nodeIDs(g); !reflect.DeepEqual(got, []string{"x", "y"}) {
		t.Errorf("BOM: %v", got)
	}
}

func TestCSVBigIntegersStayExact(t *testing.T) {
	g := loadCSVTest(t, "bigint.csv")
	p := g.Node(0).Props
	want := map[string]any{"n": "9007199254740993", "m": "-92233720368547758080", "zip": "007", "small": 42.0, "neg": -12.0, "typed": "9223372036854775807"}
	if !reflect.DeepEqual(p.Map(), want) {
		t.Fatalf("props %#v, want %#v", p, want)
	}
	// Every writer keeps the digits.
	dir := t.TempDir()
	for _, name := range []string{"b.json", "b.graphml", "b.gexf", "b.csv"} {
		files, err := WriteFile(filepath.Join(dir, name), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err := LoadAny(files[0], Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range []string{"n", "m", "typed"} {
			if v := back.Node(0).Props.Value(k); v != want[k] {
				t.Errorf("%s: %s is %#v, want %q", name, k, v, want[k])
			}
		}
	}
}

func TestCSVRowLengths(t *testing.T) {
	_, err := LoadAny("testdata/csv/long-rows.csv", Options{})
	var list *ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not an *ErrorList", err)
	}
	want := "testdata/csv/long-rows.csv:3:5: row has 4 fields, but the header has 2 columns: this field has no column\n" +
		"testdata/csv/long-rows.csv:4:1: row has 1 field, but the header has 2 columns (Id,Label)"
	if err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	// In an edge table alone and in a pair too, never a panic.
	for _, c := range [][2]string{
		{"Source,Target\na,b,c,d,e\n", ""},
		{"Id\na,b,c\n", "Source,Target\na,a,x\n\"q\",\"r\",s,t\n"},
		{"Id;Label\n\"a\";b;c;\"d\"\n", "Source\tTarget\na\n"},
	} {
		var g *graph.Graph
		var err error
		if c[1] == "" {
			g, err = ReadCSV("n.csv", strings.NewReader(c[0]), "", nil)
		} else {
			g, err = ReadCSV("n.csv", strings.NewReader(c[0]), "e.csv", strings.NewReader(c[1]))
		}
		checkImport(t, g, err, input{"n.csv", []byte(c[0])}, input{"e.csv", []byte(c[1])})
		if err == nil || !strings.Contains(err.Error(), "row has") {
			t.Errorf("%q: %v", c, err)
		}
	}
}

func TestCSVQuotedCRLFSurvives(t *testing.T) {
	g := loadCSVTest(t, "crlf.csv")
	if g.NodeCount() != 2 || g.Node(0).Props.Value("note") != "line one\r\nline two" || g.Node(1).Props.Value("note") != "plain" || g.Node(1).Label != "B" {
		t.Fatalf("CRLF: %#v %#v", g.Node(0).Props, *g.Node(1))
	}
	g.Node(0).Label = "two\r\nlines"
	var n, e bytes.Buffer
	if err := WriteCSVNodes(&n, g, nil); err != nil {
		t.Fatal(err)
	}
	WriteCSVEdges(&e, g)
	back, err := ReadCSV("n.csv", &n, "e.csv", &e)
	if err != nil {
		t.Fatal(err)
	}
	if back.Node(0).Label != "two\r\nlines" || back.Node(0).Props.Value("note") != "line one\r\nline two" {
		t.Errorf("written and read back: %q %#v", back.Node(0).Label, back.Node(0).Props)
	}
}

func TestCSVMalformed(t *testing.T) {
	for in, want := range map[string]string{
		"Id\n\"abc":            `n.csv:2:1: malformed CSV: unterminated quoted field: the " that opens it is never closed`,
		"Id,Label\na,\"b\"c\n": `n.csv:2:6: malformed CSV: extraneous or missing " in quoted-field (a field that holds a quote must be quoted, with the quote doubled: "say ""hi""")`,
	} {
		_, err := ReadCSV("n.csv", strings.NewReader(in), "", nil)
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", in, err, want)
		}
	}
}

func TestCSVFormulaNeutralised(t *testing.T) {
	g := graph.New(0, 0)
	for _, n := range []graph.Node{
		{ID: "=cmd|'/C calc'!A0", Type: "+x", Label: "@SUM(1+1)"},
		{ID: "-2", Type: "t", Label: "\tTab"},
		{ID: "'=already", Type: "t", Label: "'tis"},
		{ID: "plain", Type: "t", Label: "\rCR"},
	} {
		if _, err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.AddEdge(graph.Edge{ID: "=e", From: 0, To: 1, Type: "-rel", Props: graph.PropsOf(map[string]any{"amount": -5.0, "currency": "EUR"})}); err != nil {
		t.Fatal(err)
	}
	var n, e bytes.Buffer
	WriteCSVNodes(&n, g, &Visual{X: []float64{-1, 2, 3, 4}, Y: []float64{-1, 2, 3, 4}})
	WriteCSVEdges(&e, g)
	for _, line := range strings.Split(n.String()+e.String(), "\n") {
		for _, cell := range strings.Split(line, ",") {
			cell = strings.TrimPrefix(cell, `"`)
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("cell %q of %q can run as a formula", cell, line)
			}
		}
	}
	for _, frag := range []string{`'=cmd|'/C calc'!A0,'@SUM(1+1),'+x`, "'-2,'\tTab,", `''=already,'tis`, `'=e,'=cmd|'/C calc'!A0,'-2,Directed,'-rel`, `,-1,-1,`, `,-5,EUR,`} {
		if !strings.Contains(n.String()+e.String(), frag) {
			t.Errorf("output lacks %q:\n%s%s", frag, n.String(), e.String())
		}
	}
	// Linkscope reads its own tables back exactly.
	back, err := ReadCSV("n.csv", bytes.NewReader(n.Bytes()), "e.csv", bytes.NewReader(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < g.NodeCount(); i++ {
		a, b := g.Node(int32(i)), back.Node(int32(i))
		if a.ID != b.ID || a.Label != b.Label || a.Type != b.Type {
			t.Errorf("entity %d: %q %q %q, want %q %q %q", i, b.ID, b.Label, b.Type, a.ID, a.Label, a.Type)
		}
	}
	if be := back.Edge(0); be.ID != "=e" || be.Type != "-rel" || back.Node(be.From).ID != g.Node(0).ID {
		t.Errorf("relation back: %+v", *be)
	}
	// Other tables keep their quotes.
	other, err := ReadCSV("n.csv", strings.NewReader("Id,Label\na,'=x\n"), "", nil)
	if err != nil || other.Node(0).Label != "'=x" {
		t.Errorf("a third-party cell lost its quote: %v", err)
	}
}

func TestCSVPairReplacedTogether(t *testing.T) {
	dir := t.TempDir()
	g := richGraph(t)
	path := filepath.Join(dir, "g.csv")
	np, ep := CSVPaths(path)
	os.WriteFile(np, []byte("old nodes\n"), 0o600)
	os.WriteFile(ep, []byte("old edges\n"), 0o644)
	// The second rename fails: both files stay as they were.
	calls := 0
	csvRename = func(from, to string) error {
		if calls++; calls == 2 {
			return errors.New("simulated failure")
		}
		return os.Rename(from, to)
	}
	_, err := WriteCSVFiles(path, g, nil)
	csvRename = os.Rename
	if err == nil || !strings.Contains(err.Error(), "simulated failure") || !strings.Contains(err.Error(), ep) {
		t.Fatalf("error %v", err)
	}
	checkFile(t, np, "old nodes\n")
	checkFile(t, ep, "old edges\n")
	if st, _ := os.Stat(np); st.Mode().Perm() != 0o600 {
		t.Errorf("restored mode %v", st.Mode())
	}
	checkNoTemp(t, dir, 2)
	// The edge table is a directory: its rename fails for real.
	os.Remove(ep)
	os.Mkdir(ep, 0o755)
	os.WriteFile(filepath.Join(ep, "keep"), nil, 0o644)
	if _, err := WriteCSVFiles(path, g, nil); err == nil {
		t.Fatal("no error for an edge table that is a directory")
	}
	checkFile(t, np, "old nodes\n")
	checkNoTemp(t, dir, 2)
	// A node table that did not exist is removed again.
	os.Remove(np)
	if _, err := WriteCSVFiles(path, g, nil); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(np); !os.IsNotExist(err) {
		t.Errorf("node table left behind: %v", err)
	}
	checkNoTemp(t, dir, 1)
	// And when all goes well both are replaced and read back.
	os.RemoveAll(ep)
	files, err := WriteCSVFiles(path, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadAny(files[1], Options{})
	if err != nil || back.NodeCount() != g.NodeCount() || back.EdgeCount() != g.EdgeCount() {
		t.Fatalf("read back: %v", err)
	}
	if st, _ := os.Stat(np); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", st.Mode())
	}
	checkNoTemp(t, dir, 2)
}

func checkFile(t *testing.T, path, want string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || string(b) != want {
		t.Errorf("%s: %q, %v; want %q", path, b, err, want)
	}
}

// checkNoTemp checks that dir holds n entries: no temporary file or
// backup was left.
func checkNoTemp(t *testing.T, dir string, n int) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	if len(es) != n {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %v, want %d entries", dir, names, n)
	}
}

func TestCSVPairPath(t *testing.T) {
	dir := t.TempDir()
	n, e := filepath.Join(dir, "n.csv"), filepath.Join(dir, "e.csv")
	os.WriteFile(n, []byte("Id\na\nb\n"), 0o644)
	os.WriteFile(e, []byte("Source,Target\na,b\n"), 0o644)
	gn, ge, ok := SplitCSVPair(CSVPairPath(n, e))
	if !ok || gn != n || ge != e {
		t.Fatalf("SplitCSVPair = %q %q %v", gn, ge, ok)
	}
	if _, _, ok := SplitCSVPair(n); ok {
		t.Error("a file on its own split")
	}
	g, err := LoadCSV(context.Background(), []string{gn, ge}, Options{})
	if err != nil || g.NodeCount() != 2 || g.EdgeCount() != 1 {
		t.Fatalf("pair: %v", err)
	}
	if _, err := LoadCSV(context.Background(), []string{n, e, n}, Options{}); err == nil {
		t.Error("three files loaded")
	}
	if _, err := LoadCSV(context.Background(), []string{n, filepath.Join(dir, "none.csv")}, Options{}); err == nil {
		t.Error("a missing edge table loaded")
	}
}
