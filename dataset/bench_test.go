package dataset

import (
	"os"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// benchGraph is the large synthetic graph (120 000 entities, 360 000
// relations) shared with the JavaScript baselines; LINKSCOPE_BENCH_GRAPH
// names another file (up to 1 GiB: the realistic 1M file of bench/gen is
// over the default limit).
func benchGraph(b *testing.B) (string, []byte) {
	path := os.Getenv("LINKSCOPE_BENCH_GRAPH")
	if path == "" {
		path = "/work/peers/graphs/synth-N120000-d6-s42.json"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no benchmark graph: %v", err)
	}
	return path, data
}

// BenchmarkDecode measures Decode of the large synthetic graph (the bytes
// are already in memory).
func BenchmarkDecode(b *testing.B) {
	path, data := benchGraph(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(path, data, Options{MaxBytes: 1 << 30}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad adds reading the file to BenchmarkDecode.
func BenchmarkLoad(b *testing.B) {
	path, data := benchGraph(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path, Options{MaxBytes: 1 << 30}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeDefault measures the embedded dataset, loaded at start-up.
func BenchmarkDecodeDefault(b *testing.B) {
	b.SetBytes(int64(len(DefaultJSON())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckBytes measures the pre-decoding scan (UTF-8 and nesting).
func BenchmarkCheckBytes(b *testing.B) {
	_, data := benchGraph(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, msg, ok := checkBytes(data); !ok {
			b.Fatal(msg)
		}
	}
}

// BenchmarkFastScan measures the fast JSON scanner alone (no building).
func BenchmarkFastScan(b *testing.B) {
	_, data := benchGraph(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := fastDecode(data); !ok {
			b.Fatal("the fast scanner gave up")
		}
	}
}

// BenchmarkResolveEnds measures resolving the relation ends of the large
// graph on one goroutine: with the graph's id map one at a time, and with
// an idTable in batches (building the table included).
func BenchmarkResolveEnds(b *testing.B) {
	path, data := benchGraph(b)
	doc, ok := fastDecode(data)
	if !ok {
		b.Fatal("the fast scanner gave up")
	}
	bl := newJSONBuilder(newInput(path, data))
	g := graph.New(len(doc.Nodes), 0)
	bl.addNodes(g, doc.Nodes, len(doc.Nodes))
	from, to := make([]int32, len(doc.Edges)), make([]int32, len(doc.Edges))
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			for i := range doc.Edges {
				from[i], to[i] = resolveEdge(g, data, &doc.Edges[i])
			}
		}
	})
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			newIDTable(g).resolve(g, data, doc.Edges, from, to)
		}
	})
}
