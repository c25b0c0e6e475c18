package dataset

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
)

// shadowKeys are property names that are also fields of some format or
// keys the writers use themselves.
var shadowKeys = []string{"type", "label", "date", "id", "source", "target", "name", "relation", "weight", "kind",
	"directed", "x", "size", "color", gmlProps, gmlAliases, gmlSources, gmlDataset, "prop.type", "Type"}

// trickyGraph has directed and undirected relations, untyped ones,
// parallel ones, dates, amounts, aliases, sources, unicode and properties
// named like the formats' own fields.
func trickyGraph(t testing.TB) *graph.Graph {
	t.Helper()
	g := graph.New(4, 6)
	g.Title = "Réseau — 東京 & <co>"
	g.Description = "deux\nlignes"
	pub, _ := graph.ParseDate("2021-03")
	g.Sources = []graph.Source{{ID: "s1", Title: "Über « quotes »", Publisher: "Zeitung", Published: pub, Language: "de"}}
	props := func(tag string) map[string]any {
		m := map[string]any{"note": tag + " ✓", "n": 3.5, "flag": true, "nested": map[string]any{"type": "inner"}}
		for i, k := range shadowKeys {
			m[k] = fmt.Sprintf("%s-%s-%d", tag, k, i)
		}
		return m
	}
	for _, n := range []graph.Node{
		{ID: "société", Type: "company", Label: "Société Générale — 東京 ✓", Aliases: []string{"SocGen", "ソシエテ"}, Props: graph.PropsOf(props("n1")),
			Sources: []graph.Citation{{Source: "s1", Quote: "« zitat »", Gloss: "quote"}}},
		{ID: "b\"q", Type: "person", Label: "B \"Q\" <b>", Props: graph.PropsOf(map[string]any{"type": 7.0, "label": false, "date": "not a date"})},
		{ID: "c", Type: "ngo", Label: "C"},
		{ID: "d", Type: "ngo", Label: "D"},
	} {
		if _, err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	edge := func(e graph.Edge, date string) {
		if date != "" {
			e.Date, _ = graph.ParseDate(date)
		}
		if _, err := g.AddEdge(e); err != nil {
			t.Fatal(err)
		}
	}
	money := func(tag string, amt float64) map[string]any {
		m := props(tag)
		m["amount"], m["currency"] = amt, "EUR"
		return m
	}
	edge(graph.Edge{ID: "e1", From: 0, To: 1, Type: "fined", Props: graph.PropsOf(money("e1", 2e7)), Sources: []graph.Citation{{Source: "s1", Quote: "q", Gloss: "g"}}}, "2022-10-17")
	edge(graph.Edge{ID: "e2", From: 0, To: 1, Type: "fined", Props: graph.PropsOf(money("e2", 5.2e6))}, "2023")
	edge(graph.Edge{ID: "e3", From: 0, To: 2, Type: "knows", Undirected: true, Props: graph.PropsOf(map[string]any{"type": "shadow", "source": "x", "target": "y"})}, "2020-02-29")
	edge(graph.Edge{ID: "e4", From: 1, To: 2}, "")                                                                                          // untyped, directed
	edge(graph.Edge{ID: "e5", From: 2, To: 3, Undirected: true, Props: graph.PropsOf(map[string]any{"label": "not the label"})}, "1999-12") // untyped, undirected
	edge(graph.Edge{ID: "e6", From: 3, To: 0, Type: "funds", Props: graph.PropsOf(map[string]any{"amount": 1500.0, "currency": "USD", "date": "x"})}, "")
	return g
}

// untypedOK reports whether got is what a format's reader may give a
// relation written without a type: every format keeps it untyped ("").
func untypedOK(ext, got string) bool {
	return got == ""
}

// writtenFormats lists every format of the format table Linkscope writes.
func writtenFormats() []fileFormat {
	var out []fileFormat
	for _, f := range formats {
		if f.write != nil || f.files != nil {
			out = append(out, f)
		}
	}
	return out
}

func TestEveryWritableFormatReadsBack(t *testing.T) {
	g := trickyGraph(t)
	dir := t.TempDir()
	for _, f := range writtenFormats() {
		ext := f.exts[0]
		path := filepath.Join(dir, "g"+ext)
		files, err := WriteFile(path, g, visualFor(g))
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		raw, _ := os.ReadFile(files[0])
		if len(files) > 1 {
			more, _ := os.ReadFile(files[1])
			raw = append(raw, more...)
		}
		if bytes.Contains(raw, []byte("related")) {
			t.Errorf("%s: the export invents the type \"related\"", ext)
		}
		if f.read == nil {
			if ext != ".dot" {
				t.Errorf("%s: written but not read, and not checked", ext)
			}
			continue // DOT: see TestDOTIsAlwaysValid
		}
		back, err := LoadAny(files[0], Options{})
		if err != nil {
			t.Fatalf("%s: reading back: %v", ext, err)
		}
		if ext == ".gexf" || ext == ".csv" {
			back.Title, back.Description = g.Title, g.Description // no place for them
		}
		if d := sameRoundTrip(ext, g, back, ext == ".json" || ext == ".graphml"); d != "" {
			t.Errorf("%s: %s", ext, d)
		}
		for i := 0; i < g.EdgeCount(); i++ {
			if a, b := g.Edge(int32(i)), back.Edge(int32(i)); a.Undirected != b.Undirected {
				t.Errorf("%s: relation %s: undirected %v, read back %v", ext, a.ID, a.Undirected, b.Undirected)
			}
		}
	}
}

// TestAllUndirectedGraphsAreWrittenAsSuch: a graph whose relations are all
// undirected is an undirected graph in GraphML, GEXF and DOT, and reads
// back undirected wherever the reader reads these marks (GraphML and GEXF
// readers learn edgedefault and defaultedgetype in issue 10, h-xml).
func TestAllUndirectedGraphsAreWrittenAsSuch(t *testing.T) {
	g := graph.New(3, 3)
	for _, id := range []string{"a", "b", "c"} {
		g.AddNode(graph.Node{ID: id, Type: "t", Label: id})
	}
	g.AddEdge(graph.Edge{ID: "e1", From: 0, To: 1, Type: "knows", Undirected: true})
	g.AddEdge(graph.Edge{ID: "e2", From: 1, To: 2, Undirected: true})
	g.AddEdge(graph.Edge{ID: "e3", From: 1, To: 2, Type: "knows", Undirected: true})
	marks := map[string]string{".graphml": `edgedefault="undirected"`, ".gexf": `defaultedgetype="undirected"`, ".dot": "graph \"linkscope\" {", ".json": `"undirected": true`, ".csv": ",Undirected,"}
	dir := t.TempDir()
	for _, f := range writtenFormats() {
		ext := f.exts[0]
		files, err := WriteFile(filepath.Join(dir, "u"+ext), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(files[len(files)-1])
		if !bytes.Contains(raw, []byte(marks[ext])) || bytes.Contains(raw, []byte(gmlUndirected)) {
			t.Errorf("%s: the file lacks %s:\n%s", ext, marks[ext], raw)
		}
		if f.read == nil {
			continue
		}
		back, err := LoadAny(files[0], Options{})
		if err != nil {
			t.Fatal(err)
		}
		if back.EdgeCount() != 3 {
			t.Errorf("%s: %d relations read back", ext, back.EdgeCount())
			continue
		}
		for i := 0; i < 3; i++ {
			if !back.Edge(int32(i)).Undirected {
				t.Errorf("%s: relation %d read back directed", ext, i+1)
			}
		}
	}
}

// sameRoundTrip is sameGraph, with untyped relations allowed the reader's
// type for them (see untypedOK) and directions compared by the caller.
func sameRoundTrip(ext string, a, b *graph.Graph, withSources bool) string {
	if a.EdgeCount() != b.EdgeCount() {
		return "counts differ"
	}
	c := graph.New(b.NodeCount(), b.EdgeCount())
	c.Title, c.Description, c.Sources = b.Title, b.Description, b.Sources
	for i := 0; i < b.NodeCount(); i++ {
		c.AddNode(*b.Node(int32(i)))
	}
	for i := 0; i < b.EdgeCount(); i++ {
		e := *b.Edge(int32(i))
		if a.Edge(int32(i)).Type == "" {
			if !untypedOK(ext, e.Type) {
				return fmt.Sprintf("untyped relation %s read back with the type %q", e.ID, e.Type)
			}
			e.Type = ""
		}
		c.AddEdge(e)
	}
	if ext == ".json" {
		for i := 0; i < a.EdgeCount(); i++ {
			if a.Edge(int32(i)).Undirected != b.Edge(int32(i)).Undirected {
				return "relation " + a.Edge(int32(i)).ID + ": direction differs"
			}
		}
	}
	return sameGraph(a, c, withSources)
}

// TestReadableColumnsNeverShadowTheFields: with the exact properties
// (ls_props) taken out, as a third-party tool that edits the file may do,
// the readable property columns still do not become the type, label or
// date, and are kept under their prop. names.
func TestReadableColumnsNeverShadowTheFields(t *testing.T) {
	g := trickyGraph(t)
	lsProps := regexp.MustCompile(`\s*<(data key="e?ls_props"|attvalue for="ls_props")[^\n]*`)
	for _, ext := range []string{".graphml", ".gexf"} {
		var b bytes.Buffer
		if err := Writers[ext](&b, g, nil); err != nil {
			t.Fatal(err)
		}
		stripped := lsProps.ReplaceAll(b.Bytes(), nil)
		if bytes.Contains(stripped, []byte(`key="ls_props">`)) || bytes.Contains(stripped, []byte(`key="els_props">`)) || bytes.Contains(stripped, []byte(`for="ls_props"`)) {
			t.Fatalf("%s: ls_props not removed", ext)
		}
		path := filepath.Join(t.TempDir(), "s"+ext)
		if err := os.WriteFile(path, stripped, 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := LoadAny(path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		for i := 0; i < g.NodeCount(); i++ {
			a, z := g.Node(int32(i)), back.Node(int32(i))
			if a.Type != z.Type || a.Label != z.Label {
				t.Errorf("%s: entity %s read back as type %q label %q", ext, a.ID, z.Type, z.Label)
			}
			// (a column whose values are of mixed kinds is text)
			if v, ok := a.Props.Get("type"); ok && fmt.Sprint(z.Props.Value("prop.type")) != formatScalar(v) {
				t.Errorf("%s: entity %s: prop.type = %v, want %v", ext, a.ID, z.Props.Value("prop.type"), v)
			}
		}
		for i := 0; i < g.EdgeCount(); i++ {
			a, z := g.Edge(int32(i)), back.Edge(int32(i))
			if (a.Type != z.Type && !untypedOK(ext, z.Type)) || a.Date != z.Date || a.ID != z.ID ||
				back.Node(z.From).ID != g.Node(a.From).ID || back.Node(z.To).ID != g.Node(a.To).ID {
				t.Errorf("%s: relation %s read back as %s %q %v", ext, a.ID, z.ID, z.Type, z.Date)
			}
			if v, ok := a.Props.Get("label"); ok && z.Props.Value("prop.label") != v {
				t.Errorf("%s: relation %s: prop.label = %v, want %v", ext, a.ID, z.Props.Value("prop.label"), v)
			}
		}
	}
}

func infGraph(t testing.TB, v float64, inNode bool) *graph.Graph {
	g := graph.New(2, 1)
	g.AddNode(graph.Node{ID: "a", Type: "t", Label: "A"})
	g.AddNode(graph.Node{ID: "b", Type: "t", Label: "B"})
	props := map[string]any{"amount": v, "currency": "EUR"}
	if inNode {
		g.Node(0).Props = graph.PropsOf(map[string]any{"list": []any{1.0, map[string]any{"deep": v}}})
		props = nil
	}
	if _, err := g.AddEdge(graph.Edge{ID: "e1", From: 0, To: 1, Type: "fined", Props: graph.PropsOf(props)}); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestNonFiniteNumbersAreNeverWritten: NaN and ±Inf in an amount or deep
// in a property make every export fail with an error naming the file and
// the value, leaving the previous file as it was (the JSON export used to
// write one byte over it and report success).
func TestNonFiniteNumbersAreNeverWritten(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		for _, inNode := range []bool{false, true} {
			g := infGraph(t, v, inNode)
			for _, f := range writtenFormats() {
				path := filepath.Join(dir, "old"+f.exts[0])
				olds := []string{path}
				if f.files != nil {
					np, ep := CSVPaths(path)
					olds = []string{np, ep}
				}
				for _, o := range olds {
					os.WriteFile(o, []byte("the previous export"), 0o644)
				}
				_, err := WriteFile(path, g, nil)
				if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "cannot be written as a number") {
					t.Errorf("%s with %v (in entity: %v): err = %v", f.exts[0], v, inNode, err)
				}
				for _, o := range olds {
					if b, _ := os.ReadFile(o); string(b) != "the previous export" {
						t.Errorf("%s with %v: the previous file now holds %q", o, v, b)
					}
				}
			}
			var b bytes.Buffer
			if err := WriteJSON(&b, g, nil); err == nil || b.Len() != 0 {
				t.Errorf("WriteJSON with %v: err %v, wrote %d bytes", v, err, b.Len())
			}
		}
	}
	// a non-finite position is left out, never written as a fake number
	g := infGraph(t, 1, false)
	vis := &Visual{X: []float64{math.NaN(), 1}, Y: []float64{0, math.Inf(1)}, Size: []float64{math.Inf(1), 2}}
	for _, ext := range []string{".graphml", ".gexf", ".dot"} {
		var b bytes.Buffer
		if err := Writers[ext](&b, g, vis); err != nil {
			t.Fatal(err)
		}
		if s := b.String(); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") || strings.Count(s, "pos=") > 0 {
			t.Errorf("%s writes a non-finite position:\n%s", ext, s)
		}
	}
}

// TestNonFiniteNumbersAreRefusedOnImport: every reader rejects NaN, ±Inf
// and numbers too large for a float64 with a positioned error, or keeps
// the text as text; none makes up a number.
func TestNonFiniteNumbersAreRefusedOnImport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct{ file, content, want string }{
		{"a.json", `{"nodes":[{"id":"a","type":"t","props":{"x":1e999}}]}`, "a.json:1:45: nodes.props: the number 1e999 is out of range"},
		{"b.json", `{"nodes":[{"id":"a","type":"t"},{"id":"b","type":"t"}],"edges":[{"source":"a","target":"b","type":"f","props":{"amount":-1e400}}]}`, "b.json:1:121: edges.props: the number -1e400 is out of range"},
		{"c.graphml", `<graphml><key id="w" for="node" attr.name="w" attr.type="double"/><graph><node id="a"><data key="w">INF</data></node></graph></graphml>`, `c.graphml:1:101: entity "a": attribute "w" is declared double, so its value must be a finite number, not "INF"`},
		{"d.graphml", `<graphml><key id="p" for="node" attr.name="ls_props"/><graph><node id="a"><data key="p">{"amount": 1e999}</data></node></graph></graphml>`, `d.graphml:1:89: entity "a": ls_props must be JSON`},
		{"e.gexf", `<gexf version="1.3"><graph><attributes class="node"><attribute id="0" title="w" type="double"/></attributes><nodes><node id="a"><attvalues><attvalue for="0" value="NaN"/></attvalues></node></nodes></graph></gexf>`, `must be a finite number, not "NaN"`},
		{"f.gexf", `<gexf version="1.3"><graph><nodes><node id="a"/></nodes><edges><edge source="a" target="a" weight="Infinity"/></edges></graph></gexf>`, `weight must be a finite number, not "Infinity"`},
	}
	for _, c := range cases {
		_, err := LoadAny(write(c.file, c.content), Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.file, err, c.want)
		}
	}
	// CSV: a bare column keeps such text as text; money must be a number
	write("g-nodes.csv", "Id,Label,w,v\na,A,NaN,1e999\nb,B,Inf,-Infinity\n")
	write("g-edges.csv", "Source,Target,amount,currency\na,b,Inf,EUR\n")
	if _, err := LoadAny(filepath.Join(dir, "g.csv"), Options{}); err == nil || !strings.Contains(err.Error(), `g-edges.csv:2:5: relation 1: props.amount must be a number, not "Inf"`) {
		t.Errorf("CSV Inf amount: err = %v", err)
	}
	write("h-nodes.csv", "Id,Label,w,v\na,A,NaN,1e999\n")
	g, err := LoadAny(filepath.Join(dir, "h.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := g.Node(0).Props; p.Value("w") != "NaN" || p.Value("v") != "1e999" {
		t.Errorf("CSV non-finite text became %#v", p)
	}
}

// TestDOTIsAlwaysValid checks, without Graphviz, what dot needs: no NUL
// or raw control character, every string closed with its escapes
// balanced, long labels cut with a note, undirected relations without
// arrows, untyped relations without a label.
func TestDOTIsAlwaysValid(t *testing.T) {
	g := trickyGraph(t)
	long := strings.Repeat("é", MaxDOTLabel+500)
	label := "a\\\"b\\\r\nc\\" + long
	g.AddNode(graph.Node{ID: "ctl\x00\x01\x1b\x7f\u0085\xff", Type: "t\t", Label: label})
	var b bytes.Buffer
	if err := WriteDOT(&b, g, visualFor(g)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !utf8.ValidString(out) {
		t.Error("DOT output is not UTF-8")
	}
	for i, r := range out {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			t.Fatalf("raw control character %U at byte %d", r, i)
		}
	}
	// every line's strings are closed: outside strings only DOT syntax
	for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		in, esc := false, false
		for _, r := range line {
			switch {
			case esc:
				esc = false
			case in && r == '\\':
				esc = true
			case r == '"':
				in = !in
			}
		}
		if in || esc {
			t.Fatalf("line %d leaves a string open: %.120s", n+1, line)
		}
	}
	if !strings.Contains(out, fmt.Sprintf("label cut from %d to %d characters", utf8.RuneCountInString(label), MaxDOTLabel)) || strings.Contains(out, long) || !strings.Contains(out, "…\"") {
		t.Error("long label not cut with a note")
	}
	if !strings.Contains(out, `"ctl␀␁␛␡��"`) {
		t.Errorf("control characters not shown as symbols: %s", out[strings.Index(out, `"ctl`):][:40])
	}
	// digraph with dir=none on the undirected relations; untyped ones
	// have no label
	if !strings.HasPrefix(out, "digraph ") || strings.Count(out, "dir=none") != 2 {
		t.Error("undirected relations of a mixed graph lack dir=none")
	}
	for _, line := range strings.Split(out, "\n") {
		if (strings.Contains(line, `id="e4"`) || strings.Contains(line, `id="e5"`)) && strings.Contains(line, "label=") {
			t.Errorf("untyped relation has a label: %s", line)
		}
	}
	// a graph whose relations are all undirected is a graph with --
	u := graph.New(2, 1)
	u.AddNode(graph.Node{ID: "a", Type: "t"})
	u.AddNode(graph.Node{ID: "b", Type: "t"})
	u.AddEdge(graph.Edge{ID: "e", From: 0, To: 1, Type: "x", Undirected: true})
	b.Reset()
	WriteDOT(&b, u, nil)
	if s := b.String(); !strings.HasPrefix(s, "graph ") || !strings.Contains(s, `"a" -- "b"`) || strings.Contains(s, "->") {
		t.Errorf("all-undirected graph:\n%s", s)
	}
}

// TestJSONUndirectedAndUntyped: "undirected" and "untyped" read back, the
// schema accepts what WriteJSON writes, and misuse is a positioned error.
func TestJSONUndirectedAndUntyped(t *testing.T) {
	g := trickyGraph(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, g, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"undirected": true`) || !strings.Contains(b.String(), `"untyped": true`) {
		t.Fatal("WriteJSON does not mark undirected and untyped relations")
	}
	if err := validate(loadSchema(t), b.Bytes()); err != nil {
		t.Errorf("schema refuses WriteJSON's output: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"nodes": [{"id": "a", "type": "t"}],
 "edges": [{"source": "a", "target": "a", "type": "x", "untyped": true},
  {"source": "a", "target": "a", "type": "x", "undirected": "yes"},
  {"source": "a", "target": "a", "untyped": false}]}`), 0o644)
	_, err := Load(bad, Options{})
	want := bad + `:3:61: relation 2: "undirected" must be true or false, not the string "yes"`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	os.WriteFile(bad, []byte(`{"nodes": [{"id": "a", "type": "t"}],
 "edges": [{"source": "a", "target": "a", "type": "x", "untyped": true},
  {"source": "a", "target": "a", "untyped": false}]}`), 0o644)
	_, err = Load(bad, Options{})
	want = bad + `:2:51: relation 1 is marked "untyped" but has the type "x"` + "\n" + bad + `:3:3: relation 2 has an empty or missing type`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	for _, doc := range []string{
		`{"nodes": [], "edges": [{"source": "a", "target": "b", "type": "x", "untyped": true}]}`,
		`{"nodes": [], "edges": [{"source": "a", "target": "b", "untyped": false}]}`,
	} {
		if err := validate(loadSchema(t), []byte(doc)); err == nil {
			t.Errorf("schema accepts %s", doc)
		}
	}
}
