package dataset

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
)

// FuzzDecode feeds arbitrary bytes to Decode. It must never panic (Decode
// recovers, so a recovered panic is reported as an "internal error" and
// fails here), must refuse what is not JSON, and must position every
// problem inside the file. Seeds: testdata/good, testdata/bad, the embedded
// dataset, and the committed corpus in testdata/fuzz/FuzzDecode (which
// keeps every crasher found so far).
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{"testdata/good", "testdata/bad"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add(DefaultJSON())
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecode(t, "fuzz.json", data)
	})
}

// checkDecode asserts what must hold for any input.
func checkDecode(t *testing.T, name string, data []byte) {
	t.Helper()
	g, err := Decode(name, data, Options{})
	if err == nil {
		if g == nil {
			t.Fatal("no error and no graph")
		}
		if !stdjson.Valid(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		checkGraph(t, g.NodeCount(), g.EdgeCount(), func(i int32) (string, int32, int32) {
			e := g.Edge(i)
			return e.ID, e.From, e.To
		})
		return
	}
	if g != nil {
		t.Fatal("an error and a graph")
	}
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("Decode panicked on %q: %v", data, err)
	}
	var list *ErrorList
	if !errors.As(err, &list) {
		if !strings.HasPrefix(err.Error(), name+": ") {
			t.Fatalf("plain error %q does not name the file", err)
		}
		return
	}
	if len(list.Errors) == 0 || len(list.Errors) > MaxErrors {
		t.Fatalf("%d errors listed", len(list.Errors))
	}
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, e := range list.Errors {
		if e.File != name || e.Line < 1 || e.Col < 1 || e.Line > lines || e.Msg == "" {
			t.Fatalf("bad error entry %+v for a file of %d lines", *e, lines)
		}
	}
}

// checkGraph checks that relation ids are unique and non-empty and that
// relations join existing entities.
func checkGraph(t *testing.T, nodes, edges int, edge func(int32) (string, int32, int32)) {
	t.Helper()
	ids := make(map[string]bool, edges)
	for i := int32(0); i < int32(edges); i++ {
		id, from, to := edge(i)
		if id == "" || ids[id] {
			t.Fatalf("relation %d has id %q, empty or repeated", i, id)
		}
		ids[id] = true
		if from < 0 || int(from) >= nodes || to < 0 || int(to) >= nodes {
			t.Fatalf("relation %q joins %d and %d, outside the %d entities", id, from, to, nodes)
		}
	}
}

// importSeeds returns files to start the import fuzzers from: the
// malformed files of testdata/bad-import with the given extension, and
// what the writer makes of the test graph (small: the embedded dataset,
// 190 kB as GraphML, made the fuzzer spend its time minimising).
func importSeeds(f *testing.F, ext string, write func(w *bytes.Buffer, g *graph.Graph)) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob("testdata/bad-import/*" + ext)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	var b bytes.Buffer
	write(&b, richGraph(f))
	return append(seeds, b.Bytes())
}

// FuzzGraphML feeds arbitrary bytes to the GraphML reader (see checkImport).
func FuzzGraphML(f *testing.F) {
	for _, s := range importSeeds(f, ".graphml", func(w *bytes.Buffer, g *graph.Graph) { WriteGraphML(w, g, visualFor(g)) }) {
		f.Add(s)
	}
	f.Add([]byte(`<graphml><key id="d0" for="node" yfiles.type="nodegraphics"/><key id="w" for="edge" attr.name="weight" attr.type="double"><default>1</default></key>` +
		`<graph><node id="n0"><data key="d0"><y:ShapeNode><y:NodeLabel>CNIL</y:NodeLabel></y:ShapeNode></data></node><edge source="n0" target="n0"><data key="w">2.5</data></edge></graph></graphml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadGraphML("fuzz.graphml", bytes.NewReader(data))
		checkImport(t, g, err, input{"fuzz.graphml", data})
	})
}

// FuzzGEXF feeds arbitrary bytes to the GEXF reader (see checkImport).
func FuzzGEXF(f *testing.F) {
	for _, s := range importSeeds(f, ".gexf", func(w *bytes.Buffer, g *graph.Graph) { WriteGEXF(w, g, visualFor(g)) }) {
		f.Add(s)
	}
	f.Add([]byte(`<gexf version="1.2"><graph><attributes class="node"><attribute id="0" title="type" type="string"/><attribute id="1" title="n" type="integer"><default>3</default></attribute></attributes>` +
		`<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="ngo"/></attvalues></node><node id="b"/></nodes><edges><edge id="0" source="a" target="b" label="x" weight="2.0"/></edges></graph></gexf>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadGEXF("fuzz.gexf", bytes.NewReader(data))
		checkImport(t, g, err, input{"fuzz.gexf", data})
	})
}

// FuzzCSV feeds arbitrary node and edge tables to the CSV reader (see
// checkImport).
func FuzzCSV(f *testing.F) {
	pairs := map[string][2][]byte{}
	files, _ := filepath.Glob("testdata/bad-import/*.csv")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		stem, side := p, 0
		if s, ok := strings.CutSuffix(p, "-edges.csv"); ok {
			stem, side = s, 1
		} else if s, ok := strings.CutSuffix(p, "-nodes.csv"); ok {
			stem = s
		}
		pair := pairs[stem]
		pair[side] = data
		pairs[stem] = pair
	}
	for _, pair := range pairs {
		f.Add(pair[0], pair[1])
	}
	g := richGraph(f)
	var n, e bytes.Buffer
	WriteCSVNodes(&n, g, visualFor(g))
	WriteCSVEdges(&e, g)
	f.Add(n.Bytes(), e.Bytes())
	f.Add([]byte("Id,Label,category\n1,One,x\n2,Two,y\n"), []byte("Source,Target,Type,Label,Weight\n1,2,Directed,owns,1.5\n"))
	f.Fuzz(func(t *testing.T, nodes, edges []byte) {
		g, err := ReadCSV("fuzz-nodes.csv", bytes.NewReader(nodes), "fuzz-edges.csv", bytes.NewReader(edges))
		checkImport(t, g, err, input{"fuzz-nodes.csv", nodes}, input{"fuzz-edges.csv", edges})
	})
}

// checkImport asserts what must hold for any input of an importer: no
// panic (a recovered one is an "internal error"), either a graph or an
// error; every problem positioned inside the file it names, at most
// MaxErrors of them; and a graph that is consistent and that Linkscope's
// own format can hold: written as JSON, it loads again, the same size.
func checkImport(t *testing.T, g *graph.Graph, err error, files ...input) {
	t.Helper()
	if err == nil {
		if g == nil {
			t.Fatal("no error and no graph")
		}
		checkGraph(t, g.NodeCount(), g.EdgeCount(), func(i int32) (string, int32, int32) {
			e := g.Edge(i)
			return e.ID, e.From, e.To
		})
		var b bytes.Buffer
		if werr := WriteJSON(&b, g, nil); werr != nil {
			t.Fatalf("imported graph cannot be written as JSON: %v", werr)
		}
		back, derr := Decode("back.json", b.Bytes(), Options{})
		if derr != nil {
			t.Fatalf("imported graph, written as JSON, does not load: %v\n%s", derr, b.Bytes())
		}
		if back.NodeCount() != g.NodeCount() || back.EdgeCount() != g.EdgeCount() {
			t.Fatalf("JSON copy has %d entities and %d relations, want %d and %d", back.NodeCount(), back.EdgeCount(), g.NodeCount(), g.EdgeCount())
		}
		return
	}
	if g != nil {
		t.Fatal("an error and a graph")
	}
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("the importer panicked: %v", err)
	}
	var list *ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %q is not an *ErrorList", err)
	}
	if len(list.Errors) == 0 || len(list.Errors) > MaxErrors {
		t.Fatalf("%d errors listed", len(list.Errors))
	}
	for _, e := range list.Errors {
		var data []byte
		found := false
		for _, in := range files {
			if in.name == e.File {
				data, found = in.data, true
			}
		}
		lines := strings.Split(string(data), "\n")
		if !found || e.Msg == "" || e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 {
			t.Fatalf("bad error entry %+v", *e)
		}
	}
}

// roundTripReaders reads back, from memory, what each writable format of
// the format table writes (files: the bytes of each file WriteFile would
// write, in its order). A writable format missing here fails
// FuzzRoundTrip, so that a new format is fuzzed too; nil marks a format
// Linkscope only writes, whose output is only checked to be written.
var roundTripReaders = map[string]func(files [][]byte) (*graph.Graph, error){
	"Linkscope JSON (linkscope/1)": func(f [][]byte) (*graph.Graph, error) { return Decode("rt.json", f[0], Options{}) },
	"GraphML":                      func(f [][]byte) (*graph.Graph, error) { return ReadGraphML("rt.graphml", bytes.NewReader(f[0])) },
	"GEXF":                         func(f [][]byte) (*graph.Graph, error) { return ReadGEXF("rt.gexf", bytes.NewReader(f[0])) },
	"CSV (PATH-nodes.csv and PATH-edges.csv)": func(f [][]byte) (*graph.Graph, error) {
		return ReadCSV("rt-nodes.csv", bytes.NewReader(f[0]), "rt-edges.csv", bytes.NewReader(f[1]))
	},
	"Graphviz DOT": nil,
}

// writeInMemory writes g in format f, as WriteFile would, into buffers.
func writeInMemory(f *fileFormat, g *graph.Graph, vis *Visual) ([][]byte, error) {
	if f.write != nil {
		var b bytes.Buffer
		err := f.write(&b, g, vis)
		return [][]byte{b.Bytes()}, err
	}
	// The one format written as several files: CSV.
	var n, e bytes.Buffer
	if err := WriteCSVNodes(&n, g, vis); err != nil {
		return nil, err
	}
	err := WriteCSVEdges(&e, g)
	return [][]byte{n.Bytes(), e.Bytes()}, err
}

// FuzzRoundTrip decodes any input that Linkscope accepts (as JSON, else as
// GraphML, else as GEXF), writes the graph in every writable format of the
// format table, reads each back and compares entities and relations: the
// same counts, ids, types, labels and ends.
func FuzzRoundTrip(f *testing.F) {
	for _, dir := range []string{"testdata/good"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	g := richGraph(f)
	for _, w := range []Writer{WriteJSON, WriteGraphML, WriteGEXF} {
		var b bytes.Buffer
		if err := w(&b, g, visualFor(g)); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	for i := range formats {
		if fm := &formats[i]; fm.write != nil || fm.files != nil {
			if _, ok := roundTripReaders[fm.name]; !ok {
				f.Fatalf("format %q is writable but FuzzRoundTrip cannot read it back", fm.name)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Decode("in.json", data, Options{})
		if err != nil {
			if g, err = ReadGraphML("in.graphml", bytes.NewReader(data)); err != nil {
				if g, err = ReadGEXF("in.gexf", bytes.NewReader(data)); err != nil {
					return
				}
			}
		}
		for i := range formats {
			fm := &formats[i]
			if fm.write == nil && fm.files == nil {
				continue
			}
			files, err := writeInMemory(fm, g, nil)
			if err != nil {
				t.Fatalf("%s: writing an accepted graph: %v", fm.name, err)
			}
			read := roundTripReaders[fm.name]
			if read == nil {
				if len(files[0]) == 0 {
					t.Fatalf("%s: wrote nothing", fm.name)
				}
				continue
			}
			back, err := read(files)
			if err != nil {
				t.Fatalf("%s: reading back what was written: %v\n%s", fm.name, err, bytes.Join(files, []byte("\n----\n")))
			}
			if d := sameShape(g, back); d != "" {
				t.Fatalf("%s: %s\n%s", fm.name, d, bytes.Join(files, []byte("\n----\n")))
			}
		}
	})
}

// sameShape reports the first difference in counts, ids, types, labels
// and ends of entities and relations between a and b.
func sameShape(a, b *graph.Graph) string {
	if a.NodeCount() != b.NodeCount() || a.EdgeCount() != b.EdgeCount() {
		return fmt.Sprintf("%d entities and %d relations read back as %d and %d", a.NodeCount(), a.EdgeCount(), b.NodeCount(), b.EdgeCount())
	}
	for i := int32(0); int(i) < a.NodeCount(); i++ {
		x, y := a.Node(i), b.Node(i)
		if x.ID != y.ID || x.Type != y.Type || x.Label != y.Label {
			return fmt.Sprintf("entity %d: %q %q %q read back as %q %q %q", i, x.ID, x.Type, x.Label, y.ID, y.Type, y.Label)
		}
	}
	for i := int32(0); int(i) < a.EdgeCount(); i++ {
		x, y := a.Edge(i), b.Edge(i)
		if x.ID != y.ID || x.Type != y.Type || a.Node(x.From).ID != b.Node(y.From).ID || a.Node(x.To).ID != b.Node(y.To).ID || x.Undirected != y.Undirected {
			return fmt.Sprintf("relation %d: %q %q %d->%d (undirected %v) read back as %q %q %d->%d (undirected %v)", i, x.ID, x.Type, x.From, x.To, x.Undirected, y.ID, y.Type, y.From, y.To, y.Undirected)
		}
	}
	return ""
}
