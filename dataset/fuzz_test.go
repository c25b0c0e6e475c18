package dataset

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
