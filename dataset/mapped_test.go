//go:build linux || darwin || freebsd

package dataset

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// mapEverything makes Load map every JSON file for the rest of the test.
func mapEverything(t *testing.T) {
	t.Helper()
	old := mapAbove
	mapAbove = 1
	t.Cleanup(func() { mapAbove = old })
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMappedLoadGivesTheSameGraph: a file loaded from its mapping (its
// pages given back as the scanners and the relations' check pass them)
// gives the graph of the same bytes decoded from the heap, with and
// without a byte order mark, with the speculation and the relations
// checked on several cores (50,000 relations) and without.
func TestMappedLoadGivesTheSameGraph(t *testing.T) {
	mapEverything(t)
	for _, n := range []int{3, 2000, 50000} {
		for _, bom := range []bool{false, true} {
			data := []byte(richDoc(n))
			if bom {
				data = append(append([]byte{}, utf8BOM...), data...)
			}
			path := writeTemp(t, "rich.json", data)
			g, ok, err := readJSONMapped(context.Background(), path, Options{})
			if !ok || err != nil {
				t.Fatalf("n=%d bom=%v: mapped %v, %v", n, bom, ok, err)
			}
			want, err := Decode(path, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := sameGraph(g, want, true); d != "" {
				t.Fatalf("n=%d bom=%v: mapped and read: %s", n, bom, d)
			}
			if g.NodeCount() != n || g.EdgeCount() != n {
				t.Fatalf("n=%d: %d entities, %d relations", n, g.NodeCount(), g.EdgeCount())
			}
		}
	}
	// A file the direct path does not take (an escaped end): decoded from
	// a copy, the same graph.
	data := []byte(strings.Replace(richDoc(20000), `"source": "n5"`, `"source": "n\u0035"`, 1))
	if takesDirect(t, data) {
		t.Fatal("the direct path takes an escaped end")
	}
	path := writeTemp(t, "escaped.json", data)
	g, err := Load(path, Options{})
	want, werr := Decode(path, data, Options{})
	if err != nil || werr != nil {
		t.Fatal(err, werr)
	}
	if d := sameGraph(g, want, true); d != "" {
		t.Fatalf("escaped end, mapped and read: %s", d)
	}
}

// TestMappedLoadReportsProblems: a mapped file with problems gets the
// messages and positions of the same bytes read into the heap (it is
// decoded again from a copy, so that no message refers to the mapping),
// and the messages stay readable once the mapping is gone.
func TestMappedLoadReportsProblems(t *testing.T) {
	mapEverything(t)
	good := richDoc(30000)
	cases := map[string]string{
		"unknown end":   strings.Replace(good, `"target": "n7"`, `"target": "nowhere"`, 1),
		"bad date":      strings.Replace(good, `"date": "2003-04"`, `"date": "2003-13"`, 1),
		"duplicate id":  strings.Replace(good, `{"id": "n5", `, `{"id": "n4", `, 1),
		"syntax":        good[:len(good)/2],
		"wrong type":    strings.Replace(good, `"label": "Société n° 9 « x »"`, `"label": 9`, 1),
		"bytes in text": strings.Replace(good, `"props": {"k": 12,`, `"props": {"k": 12x,`, 1),
	}
	for name, doc := range cases {
		if doc == good {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		path := writeTemp(t, "bad.json", []byte(doc))
		g, err := Load(path, Options{})
		_, want := Decode(path, []byte(doc), Options{})
		if g != nil || err == nil || want == nil {
			t.Fatalf("%s: graph %v, error %v, read error %v", name, g != nil, err, want)
		}
		if got := fmt.Sprint(err); got != fmt.Sprint(want) {
			t.Fatalf("%s: mapped:\n%s\nread:\n%s", name, got, want)
		}
		if !strings.Contains(err.Error(), path+":") {
			t.Fatalf("%s: not positioned: %v", name, err)
		}
		if list, ok := err.(*ErrorList); ok {
			for _, e := range list.Errors {
				_ = e.Text().String() // formats Args again: none may point into the gone mapping
			}
		}
	}
}

// TestMappedFileCutShort: a file cut shorter while it is mapped (what
// regenerating it in place during a load does) gives an error saying so,
// not a crash, whether it is cut to nothing or in its relations.
func TestMappedFileCutShort(t *testing.T) {
	data := []byte(richDoc(60000))
	for _, keep := range []int64{0, 4096, int64(len(data)) * 3 / 4} {
		path := writeTemp(t, "cut.json", data)
		fm, err := mapFile(path, int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(path, keep); err != nil {
			t.Fatal(err)
		}
		g, err := decodeMapped(context.Background(), path, Options{}, fm)
		if g != nil || err == nil || !strings.Contains(err.Error(), "changed while it was being read") {
			t.Fatalf("cut to %d bytes: graph %v, error %v", keep, g != nil, err)
		}
	}
}

// TestReleaseKeepsTheContents: pages given back read as before (they are
// mapped again from the file), for parts that are not page-aligned, empty
// or outside the mapping.
func TestReleaseKeepsTheContents(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 5000)
	path := writeTemp(t, "r.json", data)
	fm, err := mapFile(path, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer fm.close()
	if !bytes.Equal(fm.data, data) {
		t.Fatal("mapping differs from the file")
	}
	fm.release(fm.data[100:50000])
	fm.release(fm.data[:0])
	fm.release(data[:10000]) // not in the mapping: ignored
	fm.release(fm.data)
	if !bytes.Equal(fm.data, data) {
		t.Fatal("contents changed after release")
	}
	var none *fileMap
	none.release(data) // no mapping: nothing
}

// gcPercent reads GOGC.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestPauseGC: during a load the collector is off under a memory limit;
// after it GOGC is raised so that the next collection comes when the heap
// has doubled, and that collection puts GOGC and the limit back.
func TestPauseGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	runtime.GC()
	resume := pauseGC(256 << 20)
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC %d during a load, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l == math.MaxInt64 || l > 8<<30 {
		t.Fatalf("memory limit %d during a load", l)
	}
	inner := pauseGC(1 << 20) // a second load at the same time
	graph := make([][]byte, 0, 256)
	for range 256 {
		graph = append(graph, make([]byte, 1<<20)) // the "loaded graph"
	}
	inner()
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC %d with a load still under way", p)
	}
	resume()
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("memory limit %d after the loads", l)
	}
	if p := gcPercent(); p <= 100 {
		t.Fatalf("GOGC %d after the load: the next collection would mark the loaded heap at once", p)
	}
	// The next collection runs the sentinel's finalizer (on the finalizer
	// goroutine: a few collections give it the chance).
	for i := 0; i < 100 && gcPercent() != 100; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if p := gcPercent(); p != 100 {
		t.Fatalf("GOGC %d after the next collection, want 100 back", p)
	}
	runtime.KeepAlive(graph)

	debug.SetGCPercent(-1) // GOGC=off is left alone
	pauseGC(1 << 20)()
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC %d after a load with GOGC=off", p)
	}
}

// TestPauseGCIsTheCallersChoice: a mapped load turns the collector off
// only when its Options ask (the window and the CLI do); otherwise the
// process's setting stays as it is during the load and after it.
func TestPauseGCIsTheCallersChoice(t *testing.T) {
	old := mapAbove
	mapAbove = 1
	defer func() { mapAbove = old }()
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	path := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(path, []byte(richDoc(200)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, pause := range []bool{false, true} {
		seen := map[int]bool{}
		opts := Options{PauseGC: pause, Progress: func(done, total int64) { seen[gcPercent()] = true }}
		if _, err := Load(path, opts); err != nil {
			t.Fatal(err)
		}
		if seen[-1] != pause {
			t.Errorf("PauseGC %v: GOGC during the load %v", pause, seen)
		}
		if !pause && gcPercent() != 100 {
			t.Errorf("GOGC %d after a load that did not ask to pause", gcPercent())
		}
	}
}

// FuzzMappedLoad: any file loads from its mapping as its bytes decode
// from the heap (the same graph or the same messages).
func FuzzMappedLoad(f *testing.F) {
	f.Add([]byte(richDoc(3)))
	f.Add([]byte(richDoc(40)))
	f.Add([]byte(`{"nodes": [{"id": "a", "type": "t"}], "edges": [{"source": "a", "target": "a", "type": "r"}]}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		old := mapAbove
		mapAbove = 1
		defer func() { mapAbove = old }()
		path := filepath.Join(dir, "f.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := Load(path, Options{})
		want, werr := Decode(path, data, Options{})
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Fatalf("mapped:\n%v\nread:\n%v", err, werr)
		}
		if (g == nil) != (want == nil) {
			t.Fatalf("mapped graph %v, read %v", g != nil, want != nil)
		}
		if g != nil {
			if d := sameGraph(g, want, true); d != "" {
				t.Fatal(d)
			}
		}
	})
}
