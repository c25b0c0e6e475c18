package dataset

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	json "github.com/goccy/go-json"
)

// carefulDoc decodes data as the careful path does before building, or
// returns ok false where that path reports a problem.
func carefulDoc(data []byte) (*document, bool) {
	in := newInput("x.json", data)
	if _, _, ok := checkBytes(in.data); !ok {
		return nil, false
	}
	var doc document
	if json.Unmarshal(in.data, &doc) != nil {
		return nil, false
	}
	if _, _, ok := checkTopLevel(in.data, ""); !ok || len(duplicateKeys(in.data)) > 0 {
		return nil, false
	}
	return &doc, true
}

// normalize makes a document from the fast scanner comparable with one of
// go-json: the ends it kept as offsets are copied, and absent lists are
// empty ones (the careful path presizes them).
func normalize(doc *document, data []byte) *document {
	d := *doc
	d.Edges = append([]fileEdge{}, doc.Edges...)
	for i := range d.Edges {
		e := &d.Edges[i]
		if e.sourceAt.lo != 0 {
			e.Source = string(data[e.sourceAt.lo:e.sourceAt.hi])
		}
		if e.targetAt.lo != 0 {
			e.Target = string(data[e.targetAt.lo:e.targetAt.hi])
		}
		e.sourceAt, e.targetAt = span{}, span{}
	}
	d.fast, d.parallel = false, false
	if d.Nodes == nil {
		d.Nodes = []fileNode{}
	}
	return &d
}

// checkFast asserts that the fast scanner accepts only what the careful
// path accepts, and decodes it to the same document. It returns whether
// the scanner accepted data.
func checkFast(t *testing.T, data []byte) bool {
	t.Helper()
	in := newInput("x.json", data)
	fast, ok := fastDecode(in.data)
	want, wantOK := carefulDoc(data)
	if !ok {
		return false
	}
	if !wantOK {
		t.Fatalf("the fast scanner accepted what the careful path refuses:\n%.300q", data)
	}
	got := normalize(fast, in.data)
	want = normalize(want, in.data)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the fast scanner decoded\n%.300q\ndifferently:\n got %+v\nwant %+v", data, got, want)
	}
	return true
}

// fastAccepts are documents the fast scanner must decode itself.
var fastAccepts = []string{
	`{"nodes": [], "edges": []}`,
	`{}`,
	" \t\r\n{\"nodes\":[{\"id\":\"a\",\"type\":\"t\"}]}\n ",
	`{"format": "linkscope/1", "title": "Enquête", "description": "d", "nodes": [{"id": "a", "type": "t", "label": "Société Générale", "aliases": ["SG", "Soc. Gén."], "props": {"n": 1, "f": -2.5e-3, "z": -0, "big": 123456789012345678901234567890, "e": 1E+2, "s": "x", "b": true, "c": false, "nil": null, "arr": [1, "a", [], {}], "obj": {"k": {"deep": [null]}}}}], "edges": []}`,
	`{"nodes": [{"id": "a\"b\\c\/d\b\f\n\r\t", "type": "\u0074", "label": "\u00e9\ud83d\ude00 \u0000"}]}`,
	`{"sources": [{"id": "s1", "title": "T", "publisher": "P", "published": "2020-01", "language": "fr", "url": "u", "file": "f", "note": "n"}], "nodes": [{"id": "a", "type": "t", "sources": ["s1", {"source": "s1", "quote": "« q »", "gloss": "g"}]}, {"id": "b", "type": "t"}], "edges": [{"id": "e1", "source": "a", "target": "b", "type": "r", "date": "2020-02-03", "props": {"amount": 5, "currency": "EUR"}, "sources": [{"source": "s1"}], "undirected": true}, {"source": "b", "target": "a", "untyped": true, "undirected": false}]}`,
	`{"x-extra": {"a": [1, 2, {"b": null}]}, "nodes": [{"id": "a", "type": "t", "x": 1, "y": 2, "color": "#fff", "extra": [true]}], "edges": [{"source": "a", "target": "\u0061", "type": "r", "weight": 2.5}], "more": null}`,
	`{"edges": [{"source": "a", "target": "a", "type": "r"}], "nodes": [{"id": "a", "type": "t"}]}`,
	`{"nodes": [{"id": "a", "type": "t", "aliases": [], "props": {}, "sources": []}]}`,
	`{"nodes": [{"id": "a", "type": "t", "props": {"k\u00e9": 1, "edges": [1]}}], "edges": []}`,
}

// fastRefuses are documents the fast scanner must leave to the careful
// path (which reports them or decodes them its way).
var fastRefuses = []string{
	``, ` `, `[]`, `null`, `{"nodes": []} x`, `{"nodes": [],}`, `{"nodes": [,]}`, `{"nodes": [{"id": "a",}]}`,
	`{"nodes": [{"id": "a", "id": "b"}]}`, // a repeated name
	`{"nodes": [{"id": "a", "type": "t", "props": {"k": 1, "k": 2}}]}`,
	`{"nodes": [{"ID": "a", "type": "t"}]}`, // a miscased name
	`{"Nodes": []}`,
	`{"edges": [{"source": "a", "Undirected": true}]}`,
	`{"nodes": [{"i\u0064": "a", "type": "t"}]}`, // an escaped name
	`{"nodes": [{"id": null, "type": "t"}]}`,     // null where a string belongs
	`{"nodes": null}`, `{"nodes": [null]}`, `{"nodes": [{"id": "a", "props": null}]}`,
	`{"nodes": [{"id": 5, "type": "t"}]}`, // a value of another type
	`{"nodes": [{"id": "a", "aliases": "x"}]}`, `{"nodes": [{"id": "a", "aliases": [1]}]}`,
	`{"nodes": [{"id": "a", "props": []}]}`, `{"edges": [{"undirected": 1}]}`, `{"edges": [{"undirected": null}]}`,
	`{"nodes": [{"id": "a", "sources": [1]}]}`, `{"nodes": [{"id": "a", "sources": [null]}]}`,
	`{"nodes": [{"id": "a", "sources": [{"source": 1}]}]}`, `{"nodes": [{"id": "a", "sources": [{"Source": "s"}]}]}`,
	`{"nodes": [{"id": "\ud800"}]}`, `{"nodes": [{"id": "\udc00\ud800"}]}`, `{"nodes": [{"id": "\ud800\u0041"}]}`, // lone surrogates
	`{"nodes": [{"id": "\x"}]}`, `{"nodes": [{"id": "\u12G4"}]}`, "{\"nodes\": [{\"id\": \"a\tb\"}]}", "{\"nodes\": [{\"id\": \"\xff\"}]}",
	`{"nodes": [{"id": "a", "props": {"v": 1e999}}]}`, `{"nodes": [{"id": "a", "props": {"v": 01}}]}`,
	`{"nodes": [{"id": "a", "props": {"v": 1.}}]}`, `{"nodes": [{"id": "a", "props": {"v": -}}]}`, `{"nodes": [{"id": "a", "props": {"v": .5}}]}`,
	`{"nodes": [{"id": "a", "props": {"v": NaN}}]}`, `{"nodes": [{"id": "a", "props": {"v": tru}}]}`, `{"nodes": [{"id": "a", "props": {"v": nul}}]}`,
	`{"nodes": [{"id": "a", "props": {"v": [1 2]}}]}`, `{"nodes": [{"id": "a" "type": "t"}]}`, `{"nodes": [{"id" "a"}]}`,
	`{"nodes": [{"id": "a", "props": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}]}`, // too deep
	`{"nodes": [{"id": "a"}]`, `{"nodes": [{"id": "a`,
	`{"nodes": [{"id": "a", "type": "t"` + strings.Repeat(`, "x": 1`, 2) + `}]}`,
}

// TestFastScannerManyUnknownMembers: a record with many members the
// format does not define goes to the careful path (whose repeat check
// keeps a map), so that it costs linear time.
func TestFastScannerManyUnknownMembers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"nodes": [{"id": "a", "type": "t"`)
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, `, "x%d": %d`, i, i)
	}
	b.WriteString(`}]}`)
	if _, ok := fastDecode([]byte(b.String())); ok {
		t.Error("the fast scanner took a record of 100 unknown members")
	}
	if _, err := Decode("x.json", []byte(b.String()), Options{}); err != nil {
		t.Error(err)
	}
	if _, ok := fastDecode([]byte(`{"nodes": [{"id": "a", "type": "t", "x1": 1, "x2": 2}]}`)); !ok {
		t.Error("the fast scanner gave up on two unknown members")
	}
}

func TestFastScannerAccepts(t *testing.T) {
	for _, doc := range fastAccepts {
		if !checkFast(t, []byte(doc)) {
			t.Errorf("the fast scanner gave up on\n%s", doc)
		}
	}
}

func TestFastScannerRefuses(t *testing.T) {
	for _, doc := range fastRefuses {
		if _, ok := fastDecode([]byte(doc)); ok {
			t.Errorf("the fast scanner accepted\n%q", doc)
		}
		checkFast(t, []byte(doc))
	}
}

// TestFastScannerOnTestdata: on every file of testdata (good and bad),
// whatever the scanner accepts, it decodes as go-json does; and the good
// files are all its own.
func TestFastScannerOnTestdata(t *testing.T) {
	for _, dir := range []string{"testdata/good", "testdata/bad", "testdata/field"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if ok := checkFast(t, data); !ok && dir == "testdata/good" {
				if _, careful := carefulDoc(data); careful {
					t.Errorf("%s: the fast scanner gave up on a good file", p)
				}
			}
		}
	}
	if !checkFast(t, DefaultJSON()) {
		t.Error("the fast scanner gave up on the embedded dataset")
	}
}

// bigDoc is a document of n entities and as many relations, with before
// written before the "nodes" member, after after the "edges" array.
func bigDoc(n int, before, after string, edgesFirst bool) []byte {
	var nodes, edges bytes.Buffer
	nodes.WriteString(`"nodes": [`)
	edges.WriteString(`"edges": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			nodes.WriteString(",\n")
			edges.WriteString(",\n")
		}
		fmt.Fprintf(&nodes, `{"id": "n%d", "type": "t", "label": "Entité n° %d", "props": {"edges": [%d]}}`, i, i, i)
		fmt.Fprintf(&edges, `{"id": "e%d", "source": "n%d", "target": "n%d", "type": "r"}`, i, i, (i*7)%n)
	}
	nodes.WriteString("]")
	edges.WriteString("]")
	first, second := nodes.String(), edges.String()
	if edgesFirst {
		first, second = second, first
	}
	return []byte("{" + before + first + ",\n" + second + after + "}")
}

// manyEdges is a document of 10 entities and n relations, records apart
// by sep.
func manyEdges(n int, sep string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"nodes":[`)
	for i := 0; i < 10; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"n%d","type":"t"}`, i)
	}
	b.WriteString(`],"edges":[` + sep)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString("," + sep)
		}
		fmt.Fprintf(&b, `{"id":"e%d","source":"n%d","target":"n%d","type":"r","props":{"k":[{"a":%d}]}}`, i, i%10, (i*3)%10, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// TestFastScannerSpeculation: the "edges" array decoded on another core
// is used only when the document's scanner finds it where the search of
// the bytes did; a wrong guess changes nothing.
func TestFastScannerSpeculation(t *testing.T) {
	defer func(v int) { fastMinParallel = v }(fastMinParallel)
	fastMinParallel = 0
	for name, data := range map[string][]byte{
		"usual":           bigDoc(3000, "", "", false),
		"edges first":     bigDoc(3000, "", "", true),
		"decoy in a prop": bigDoc(3000, `"x": {"edges": [1, 2]}, `, "", false),
		"decoy before":    bigDoc(3000, `"x": [{"edges": [{"source": 5}]}], `, "", false),
		"split mid-array": manyEdges(5000, "\n"),
		"compact":         manyEdges(5000, ""),
		"only the decoy":  []byte(`{"nodes": [{"id": "a", "type": "t", "props": {"edges": ["x"]}}]}`),
	} {
		t.Run(name, func(t *testing.T) {
			if !checkFast(t, data) {
				t.Errorf("the fast scanner gave up")
			}
			if doc, _ := fastDecode(data); !doc.parallel && name != "only the decoy" && name != "edges first" {
				t.Errorf("the relations were all decoded on one core")
			}
			g, err := Decode("x.json", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if want := bytes.Count(data, []byte(`"source": "`)) + bytes.Count(data, []byte(`"source":"`)); g.EdgeCount() != want {
				t.Errorf("%d relations, want %d", g.EdgeCount(), want)
			}
		})
	}
	// a refusal of the real edges array sends the file to the careful path
	data := bigDoc(3000, "", "", false)
	data = bytes.Replace(data, []byte(`"type": "r"}`), []byte(`"type": "r",}`), 1)
	if _, ok := fastDecode(data); ok {
		t.Error("accepted a trailing comma in the edges")
	}
	checkFast(t, data)
}

// FuzzFastScanner: whatever the fast scanner accepts, the careful path
// accepts too and decodes to the same document.
func FuzzFastScanner(f *testing.F) {
	for _, doc := range fastAccepts {
		f.Add([]byte(doc))
	}
	for _, doc := range fastRefuses {
		f.Add([]byte(doc))
	}
	f.Add(bigDoc(20, "", "", false))
	f.Add(bigDoc(20, `"x": {"edges": [1]}, `, "", true))
	defer func(v int) { fastMinParallel = v }(fastMinParallel)
	fastMinParallel = 0
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
	})
}

// TestFastAndCarefulPathsReportAlike: documents that decode but do not
// validate (each problem found by the builder) get the same errors, at
// the same places, whichever path decoded them.
func TestFastAndCarefulPathsReportAlike(t *testing.T) {
	defer func(v, w, x int) { fastMinParallel, parallelIndexAbove, parallelCheckAbove = v, w, x }(fastMinParallel, parallelIndexAbove, parallelCheckAbove)
	fastMinParallel, parallelIndexAbove, parallelCheckAbove = 0, 0, 0
	big := string(bigDoc(2000, `"sources": [{"id": "s1"}], `, "", false))
	for name, doc := range map[string]string{
		"duplicate relation id": strings.Replace(big, `"id": "e5", `, `"id": "e4", `, 1),
		"duplicate entity id":   strings.Replace(big, `"id": "n5", `, `"id": "n4", `, 1),
		"unknown ends":          strings.Replace(strings.Replace(big, `"target": "n7"`, `"target": "nope"`, 1), `"source": "n9"`, `"source": ""`, 1),
		"escaped ends":          strings.Replace(big, `"source": "n1", `, `"source": "\u006e1", `, 1) + "",
		"no ids":                strings.ReplaceAll(big, `{"id": "e`, `{"x": "e`),
		"problems everywhere": strings.NewReplacer(`"type": "r"}`, `"type": "", "date": "2020-13", "props": {"amount": "5", "currency": "eur"}, "sources": ["s2", {"quote": "q"}]}`,
			`"type": "t"`, `"type": ""`).Replace(big),
		"untyped with a type": strings.Replace(big, `"type": "r"}`, `"type": "r", "untyped": true}`, 3),
	} {
		t.Run(name, func(t *testing.T) {
			if _, ok := fastDecode([]byte(doc)); !ok {
				t.Fatal("the fast scanner gave up")
			}
			fastG, fastErr := Decode("x.json", []byte(doc), Options{})
			carefulOnly = true
			slowG, slowErr := Decode("x.json", []byte(doc), Options{})
			carefulOnly = false
			if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) {
				t.Errorf("fast path:\n%v\ncareful path:\n%v", fastErr, slowErr)
			}
			if (fastG == nil) != (slowG == nil) || fastG != nil && (fastG.EdgeCount() != slowG.EdgeCount() || fastG.NodeCount() != slowG.NodeCount()) {
				t.Errorf("graphs differ")
			}
			if fastG != nil {
				for i := int32(0); i < int32(fastG.EdgeCount()); i++ {
					a, b := fastG.Edge(i), slowG.Edge(i)
					if a.ID != b.ID || a.From != b.From || a.To != b.To || a.Type != b.Type {
						t.Fatalf("relation %d: %+v, careful %+v", i, a, b)
					}
					if j, _ := fastG.EdgeIndex(a.ID); j != i {
						t.Fatalf("relation %s indexed at %d, not %d", a.ID, j, i)
					}
				}
			}
		})
	}
}
