package graph_test

import (
	"os"
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// loadBenchGraph loads the 120 000-entity synthetic graph shared with the
// JavaScript baselines (LINKSCOPE_BENCH_GRAPH names another file).
func loadBenchGraph(b *testing.B) *graph.Graph {
	path := os.Getenv("LINKSCOPE_BENCH_GRAPH")
	if path == "" {
		path = "/work/peers/graphs/synth-N120000-d6-s42.json"
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no benchmark graph: %v", err)
	}
	g, err := dataset.Load(path, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func BenchmarkNameIndexBuild(b *testing.B) {
	g := loadBenchGraph(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		graph.NewNameIndex(g)
	}
}

// BenchmarkNameIndexSearch runs the kinds of query a user types: an exact
// label, a prefix, a word inside a name, and a typo.
func BenchmarkNameIndexSearch(b *testing.B) {
	g := loadBenchGraph(b)
	ix := graph.NewNameIndex(g)
	for _, q := range []string{"Node 119999", "node 1199", "119", "nodw 4242"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(ix.Search(q, 20)) == 0 {
					b.Fatalf("no match for %q", q)
				}
			}
		})
	}
}
