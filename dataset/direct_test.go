package dataset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// checkDirect asserts that Decode gives the same graph or the same errors
// whether the direct path is on, off (fastOnly) or the careful path alone
// decodes data.
func checkDirect(t *testing.T, data []byte) {
	t.Helper()
	defer func(c, f bool) { carefulOnly, fastOnly = c, f }(carefulOnly, fastOnly)
	direct, derr := Decode("x.json", data, Options{})
	fastOnly = true
	fast, ferr := Decode("x.json", data, Options{})
	carefulOnly = true
	careful, cerr := Decode("x.json", data, Options{})
	for _, c := range []struct {
		name string
		g    *graph.Graph
		err  error
	}{{"fast", fast, ferr}, {"careful", careful, cerr}} {
		if fmt.Sprint(derr) != fmt.Sprint(c.err) {
			t.Fatalf("direct path:\n%v\n%s path:\n%v", derr, c.name, c.err)
		}
		if (direct == nil) != (c.g == nil) {
			t.Fatalf("direct path graph %v, %s path %v", direct != nil, c.name, c.g != nil)
		}
		if direct == nil {
			continue
		}
		if d := sameGraph(direct, c.g, true); d != "" {
			t.Fatalf("direct and %s paths: %s", c.name, d)
		}
		for i := int32(0); int(i) < direct.EdgeCount(); i++ {
			a, b := direct.Edge(i), c.g.Edge(i)
			if a.Undirected != b.Undirected || a.Note != b.Note || (a.Sources == nil) != (b.Sources == nil) {
				t.Fatalf("relation %d: %+v, %s path %+v", i, a, c.name, b)
			}
			if j, _ := direct.EdgeIndex(a.ID); j != i {
				t.Fatalf("relation %s indexed at %d, not %d", a.ID, j, i)
			}
		}
	}
}

// takesDirect reports whether the direct path builds data's graph.
func takesDirect(t *testing.T, data []byte) bool {
	t.Helper()
	doc, ok := fastDecodeDirect(data)
	if !ok {
		return false
	}
	in := newInput("x.json", data)
	_, ok, err := newJSONBuilder(in).buildDirect(doc)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// richDoc is bigDoc's shape with what realistic files have: sources and
// citations, dates, money, aliases, undirected relations.
func richDoc(n int) string {
	var b strings.Builder
	b.WriteString(`{"format": "linkscope/1", "title": "T", "sources": [{"id": "s1", "title": "Le Monde"}, {"id": "s2"}], "nodes": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "n%d", "type": "t%d", "label": "Société n° %d « x »", "aliases": ["A%d", "B"], "props": {"k": %d, "s": "v"}, "sources": ["s1"]}`, i, i%3, i, i, i)
	}
	b.WriteString("],\n\"edges\": [\n")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "e%d", "source": "n%d", "target": "n%d", "type": "r%d"`, i, i, (i*7)%n, i%4)
		if i%3 == 0 {
			fmt.Fprintf(&b, `, "date": "20%02d-0%d"`, i%25, 1+i%9)
		}
		if i%5 == 0 {
			fmt.Fprintf(&b, `, "props": {"amount": %d.5, "currency": "EUR"}`, i)
		}
		if i%4 == 0 {
			b.WriteString(`, "sources": [{"source": "s2", "quote": "« q »", "gloss": "g"}, "s1"]`)
		}
		if i%7 == 0 {
			b.WriteString(`, "undirected": true`)
			if i%4 != 0 {
				b.WriteString(`, "sources": []`)
			}
		}
		b.WriteString("}")
	}
	b.WriteString("]}\n")
	return b.String()
}

// TestDirectPathBuildsTheSameGraph: the relations decoded straight into
// the model's records give the graph of the other paths, with the
// speculation on another core and without, resolved and checked on one
// core and on several.
func TestDirectPathBuildsTheSameGraph(t *testing.T) {
	defer func(v, w int) { fastMinParallel, tableAbove = v, w }(fastMinParallel, tableAbove)
	for _, n := range []int{1, 2, 50, 3000, 45000} {
		for _, par := range []bool{false, true} {
			fastMinParallel = 1 << 30
			if par {
				fastMinParallel = 0
			}
			data := []byte(richDoc(n))
			if !takesDirect(t, data) {
				t.Fatalf("%d records: the direct path gave up", n)
			}
			checkDirect(t, data)
		}
	}
	for _, doc := range fastAccepts {
		checkDirect(t, []byte(doc))
	}
	// relations without ids get the ids the other paths give them
	rich := richDoc(3000)
	for i := 0; i < 3000; i += 3 {
		rich = strings.Replace(rich, fmt.Sprintf(`{"id": "e%d", `, i), []string{`{`, `{"id": "", `}[i%2], 1)
	}
	if !takesDirect(t, []byte(rich)) {
		t.Error("the direct path gave up on relations without ids")
	}
	checkDirect(t, []byte(rich))
	if !takesDirect(t, DefaultJSON()) {
		t.Error("the embedded dataset does not take the direct path")
	}
	checkDirect(t, DefaultJSON())
	checkDirect(t, bigDoc(3000, "", "", false))
	checkDirect(t, bigDoc(3000, "", "", true))
}

// TestDirectPathGivesUpOnProblems: a file with a problem anywhere, or a
// relation the direct path does not decode (an escaped end, "untyped"),
// goes to the other paths, which report it in place.
func TestDirectPathGivesUpOnProblems(t *testing.T) {
	defer func(v int) { fastMinParallel = v }(fastMinParallel)
	fastMinParallel = 0
	rich := richDoc(3000)
	for name, doc := range map[string]string{
		"duplicate relation id": strings.Replace(rich, `{"id": "e5", `, `{"id": "e4", `, 1),
		"duplicate entity id":   strings.Replace(rich, `{"id": "n5", `, `{"id": "n4", `, 1),
		"unknown end":           strings.Replace(rich, `"target": "n7"`, `"target": "nope"`, 1),
		"empty end":             strings.Replace(rich, `"source": "n9"`, `"source": ""`, 1),
		"missing end":           strings.Replace(rich, `"source": "n9", `, ``, 1),
		"escaped end":           strings.Replace(rich, `"source": "n1", `, `"source": "\u006e1", `, 1),
		"escaped end unknown":   strings.Replace(rich, `"source": "n1", `, `"source": "\u006e1x", `, 1),
		"no type":               strings.Replace(rich, `, "type": "r2"`, ``, 1),
		"untyped":               strings.Replace(rich, `, "type": "r2"`, `, "untyped": true`, 1),
		"untyped with a type":   strings.Replace(rich, `"type": "r2"`, `"type": "r2", "untyped": true`, 1),
		"bad date":              strings.Replace(rich, `"date": "2003-04"`, `"date": "2003-13"`, 1),
		"bad amount":            strings.Replace(rich, `"amount": 5.5`, `"amount": "5"`, 1),
		"bad currency":          strings.Replace(rich, `"currency": "EUR"`, `"currency": "eur"`, 1),
		"unknown citation":      strings.Replace(rich, `{"source": "s2", "quote"`, `{"source": "s3", "quote"`, 1),
		"citation of nothing":   strings.Replace(rich, `{"source": "s2", "quote"`, `{"quote"`, 1),
		"entity without type":   strings.Replace(rich, `"type": "t1"`, `"type": ""`, 1),
		"entity without id":     strings.Replace(rich, `{"id": "n5", `, `{`, 1),
		"entity with empty id":  strings.Replace(rich, `{"id": "n5", `, `{"id": "", `, 1),
		"entity citing nothing": strings.Replace(rich, `"sources": ["s1"]}`, `"sources": ["s9"]}`, 1),
		"entity with bad money": strings.Replace(rich, `"props": {"k": 3, `, `"props": {"amount": true, "k": 3, `, 1),
		"duplicate source":      strings.Replace(rich, `{"id": "s2"}`, `{"id": "s1"}`, 1),
		"other format":          strings.Replace(rich, `"linkscope/1"`, `"linkscope/2"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			if doc == rich {
				t.Fatal("the replacement changed nothing")
			}
			if takesDirect(t, []byte(doc)) {
				t.Error("the direct path took it")
			}
			checkDirect(t, []byte(doc))
		})
	}
}

// FuzzDirectPath: whatever the input, the direct path on or off gives the
// same graph or the same errors.
func FuzzDirectPath(f *testing.F) {
	for _, doc := range fastAccepts {
		f.Add([]byte(doc))
	}
	for _, doc := range fastRefuses {
		f.Add([]byte(doc))
	}
	f.Add([]byte(richDoc(20)))
	f.Add(bigDoc(20, `"x": {"edges": [1]}, `, "", true))
	defer func(v int) { fastMinParallel = v }(fastMinParallel)
	fastMinParallel = 0
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDirect(t, data)
	})
}
