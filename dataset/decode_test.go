package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

func mustLoad(t *testing.T, path string) *graph.Graph {
	t.Helper()
	g, err := Load(path, Options{})
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return g
}

func nodeIdx(t *testing.T, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return i
}

// TestGoodMinimal: nodes with id, type and label, relations with source,
// target and type only; ids are generated and parallel relations kept.
func TestGoodMinimal(t *testing.T) {
	g := mustLoad(t, "testdata/good/minimal.json")
	if g.NodeCount() != 3 || g.EdgeCount() != 3 {
		t.Fatalf("%d entities, %d relations, want 3 and 3", g.NodeCount(), g.EdgeCount())
	}
	var ids []string
	for i := int32(0); i < 3; i++ {
		ids = append(ids, g.Edge(i).ID)
	}
	if !reflect.DeepEqual(ids, []string{"e1", "e2", "e3"}) {
		t.Errorf("generated ids %v, want e1 e2 e3", ids)
	}
	cnil, cv := nodeIdx(t, g, "cnil"), nodeIdx(t, g, "clearview-ai")
	fines := g.Between(cnil, cv, false)
	if len(fines) != 2 || g.Edge(fines[0]).Type != "fined" || g.Edge(fines[1]).Type != "fined" {
		t.Errorf("Between(cnil, clearview-ai) = %v, want two fines", fines)
	}
	if g.Node(cv).Label != "Clearview AI" || g.Node(cv).Type != "company" {
		t.Errorf("clearview-ai = %+v", *g.Node(cv))
	}
	if len(g.Sources) != 0 || g.Title != "" {
		t.Errorf("unexpected sources %v or title %q", g.Sources, g.Title)
	}
}

// TestGoodRich: sources, both citation forms, dates of every precision,
// money, aliases, props, a multigraph pair and ids generated around
// explicit ones.
func TestGoodRich(t *testing.T) {
	g := mustLoad(t, "testdata/good/rich.json")
	if g.Title != "Clearview AI before European regulators" || !strings.HasPrefix(g.Description, "Two CNIL fines") {
		t.Errorf("title %q, description %q", g.Title, g.Description)
	}
	if len(g.Sources) != 2 {
		t.Fatalf("%d sources", len(g.Sources))
	}
	lm, ok := g.Source("lemonde-2022")
	if !ok || lm.Publisher != "Le Monde" || lm.Published.String() != "2022-10-20" || lm.Language != "fr" || lm.URL == "" {
		t.Errorf("source lemonde-2022 = %+v", lm)
	}
	if c, _ := g.Source("cnil-2023"); c.Published.String() != "2023-05" || c.File != "sources/cnil-2023.txt" {
		t.Errorf("source cnil-2023 = %+v", c)
	}

	cnil, cv := nodeIdx(t, g, "cnil"), nodeIdx(t, g, "clearview-ai")
	n := g.Node(cnil)
	if !reflect.DeepEqual(n.Aliases, []string{"Commission nationale de l'informatique et des libertés"}) {
		t.Errorf("aliases %v", n.Aliases)
	}
	if n.Props.Value("country") != "FR" || n.Props.Value("founded") != 1978.0 {
		t.Errorf("props %v", n.Props)
	}
	if !reflect.DeepEqual(n.Sources, []graph.Citation{{Source: "lemonde-2022"}}) {
		t.Errorf("short citation decoded as %+v", n.Sources)
	}

	// Ids: "e2" is explicit, so the generated ones are e1 and e3.
	var ids []string
	for i := int32(0); i < int32(g.EdgeCount()); i++ {
		ids = append(ids, g.Edge(i).ID)
	}
	if !reflect.DeepEqual(ids, []string{"e2", "e1", "e3", "order"}) {
		t.Errorf("relation ids %v, want e2 e1 e3 order", ids)
	}

	rel := g.Between(cnil, cv, false)
	if len(rel) != 3 {
		t.Fatalf("Between(cnil, clearview-ai) = %v, want two fines and an order", rel)
	}
	f1, f2 := g.Edge(rel[0]), g.Edge(rel[1])
	if f1.Type != "fined" || f2.Type != "fined" || g.Edge(rel[2]).Type != "ordered" {
		t.Errorf("types %s %s %s", f1.Type, f2.Type, g.Edge(rel[2]).Type)
	}
	if a, c, ok := f1.Amount(); !ok || a != 20000000 || c != "EUR" {
		t.Errorf("first fine %v %s %v", a, c, ok)
	}
	if a, _, ok := f2.Amount(); !ok || a != 5200000 || f2.Props.Value("kind") != "overdue penalty" {
		t.Errorf("second fine %v %v %v", a, ok, f2.Props)
	}
	if f1.Date.String() != "2022-10-17" || f2.Date.String() != "2023-05" || f2.Date.Last() != 20230531 {
		t.Errorf("dates %s %s", f1.Date, f2.Date)
	}
	want := []graph.Citation{{Source: "lemonde-2022", Quote: "une amende de 20 millions d’euros", Gloss: "a fine of 20 million euros"}}
	if !reflect.DeepEqual(f1.Sources, want) {
		t.Errorf("long citation decoded as %+v", f1.Sources)
	}
	if !reflect.DeepEqual(f2.Sources, []graph.Citation{{Source: "cnil-2023"}}) {
		t.Errorf("short citation decoded as %+v", f2.Sources)
	}
	founded := g.Edge(0)
	if founded.Date.String() != "2017" || g.Node(founded.From).ID != "hoan-ton-that" {
		t.Errorf("first relation %+v", *founded)
	}
	if ms := g.Index().Search("commission nationale de l’informatique", 1); len(ms) != 1 || ms[0].Node != cnil {
		t.Errorf("name index: %v", ms)
	}
}

func TestGoodBOM(t *testing.T) {
	g := mustLoad(t, "testdata/good/bom.json")
	if g.NodeCount() != 1 || g.Node(0).ID != "cnil" || g.Node(0).Type != "régulateur" {
		t.Errorf("BOM file decoded as %d entities, first %+v", g.NodeCount(), *g.Node(0))
	}
}

func TestGoodOnlyNodes(t *testing.T) {
	g := mustLoad(t, "testdata/good/only-nodes.json")
	if g.NodeCount() != 1 || g.EdgeCount() != 0 {
		t.Errorf("%d entities, %d relations", g.NodeCount(), g.EdgeCount())
	}
}

// TestDefault: the embedded dataset loads cleanly and is consistent.
func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatalf("embedded dataset: %v", err)
	}
	if g.NodeCount() == 0 || g.EdgeCount() == 0 {
		t.Fatalf("embedded dataset has %d entities and %d relations", g.NodeCount(), g.EdgeCount())
	}
	checkGraph(t, g.NodeCount(), g.EdgeCount(), func(i int32) (string, int32, int32) {
		e := g.Edge(i)
		return e.ID, e.From, e.To
	})
	for _, q := range []string{"cnil", "CNIL", "Commission nationale de l'informatique et des libertés"} {
		ms := g.Index().Search(q, 1)
		if len(ms) == 0 || g.Node(ms[0].Node).ID != "cnil" {
			t.Errorf("Search(%q) on the embedded dataset = %v, want cnil", q, ms)
		}
	}
}

func TestSizeLimit(t *testing.T) {
	data := []byte(`{"nodes": [{"id": "a", "type": "t", "label": "A"}]}`)
	if _, err := Decode("x.json", data, Options{MaxBytes: int64(len(data))}); err != nil {
		t.Errorf("file at the limit refused: %v", err)
	}
	_, err := Decode("x.json", data, Options{MaxBytes: int64(len(data) - 1)})
	var list *ErrorList
	if err == nil || errors.As(err, &list) || !strings.HasPrefix(err.Error(), "x.json: ") || !strings.Contains(err.Error(), "--max-bytes") {
		t.Errorf("over the limit: %v, want a plain error naming the file and the flag", err)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, Options{MaxBytes: 10}); err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), "--max-bytes") {
		t.Errorf("Load over the limit: %v", err)
	}
	if _, err := Load(path, Options{}); err != nil {
		t.Errorf("Load with the default limit: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.json")
	if _, err := Load(missing, Options{}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadAny("graph.xlsx", Options{}); err == nil || !strings.Contains(err.Error(), "graph.xlsx") {
		t.Errorf("unsupported type: %v", err)
	}
	up := filepath.Join(t.TempDir(), "UPPER.JSON")
	data, _ := os.ReadFile("testdata/good/minimal.json")
	if err := os.WriteFile(up, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if g, err := LoadAny(up, Options{}); err != nil || g.NodeCount() != 3 {
		t.Errorf("LoadAny(.JSON): %v", err)
	}
}

func TestErrorListFormat(t *testing.T) {
	_, err := Decode("d.json", []byte("{\"nodes\": [\n  {\"id\": \"a\", \"type\": \"\"},\n  {\"id\": \"a\", \"type\": \"t\"}\n]}"), Options{})
	want := "d.json:2:23: entity \"a\" has an empty or missing type\n" +
		"d.json:3:10: duplicate entity id \"a\" (first used at 2:10)"
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Col != 23 || e.File != "d.json" {
		t.Errorf("errors.As found %+v", e)
	}
}

// TestPosition counts lines and characters (not bytes), 1-based.
func TestPosition(t *testing.T) {
	data := []byte("ab\né€x\n\ny")
	cases := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {8, 2, 3}, {9, 2, 4}, {10, 3, 1}, {11, 4, 1}, {12, 4, 2}, {99, 4, 2}, {-5, 1, 1},
	}
	var c lineCounter
	for _, k := range cases {
		if l, col := position(data, k.off); l != k.line || col != k.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", k.off, l, col, k.line, k.col)
		}
		// The incremental counter agrees, including when offsets go back.
		if l, col := c.position(data, k.off); l != k.line || col != k.col {
			t.Errorf("lineCounter(%d) = %d:%d, want %d:%d", k.off, l, col, k.line, k.col)
		}
	}
}

func TestCitationForms(t *testing.T) {
	for in, want := range map[string]citation{
		`"s1"`:                                   {Source: "s1"},
		` "s\u00e9" `:                            {Source: "sé"},
		`{"source":"s"}`:                         {Source: "s"},
		`{"source":"s","quote":"q","gloss":"g"}`: {Source: "s", Quote: "q", Gloss: "g"},
	} {
		var c citation
		if err := c.UnmarshalJSON([]byte(in)); err != nil || c != want {
			t.Errorf("%s decoded as %+v, %v", in, c, err)
		}
	}
	for _, in := range []string{`5`, `null`, `["s"]`, `true`} {
		var c citation
		if err := c.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("%s accepted as a citation", in)
		}
	}
	short, _ := citation{Source: "s"}.MarshalJSON()
	long, _ := citation{Source: "s", Quote: "q"}.MarshalJSON()
	if string(short) != `"s"` || !strings.Contains(string(long), `"quote":"q"`) {
		t.Errorf("MarshalJSON: %s, %s", short, long)
	}
}
