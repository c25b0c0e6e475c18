package graph_test

import (
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// The scale benchmarks search a file of bench/gen (realistic French labels
// with accents and aliases) named by LINKSCOPE_SEARCH_GRAPH:
//
//	go run ./bench/gen -nodes 100000 -edges 300000 -seed 42 -out /tmp/g100k.json
//	LINKSCOPE_SEARCH_GRAPH=/tmp/g100k.json go test -run '^$' -bench NameIndexScale ./graph/
func loadSearchGraph(b *testing.B) *graph.Graph {
	path := os.Getenv("LINKSCOPE_SEARCH_GRAPH")
	if path == "" {
		b.Skip("LINKSCOPE_SEARCH_GRAPH names no bench/gen file")
	}
	g, err := dataset.Load(path, dataset.Options{MaxBytes: 1 << 31})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// scaleQueries are the kinds of query a user types, on bench/gen's names.
var scaleQueries = []struct{ kind, q string }{
	{"exact", "Autorité de la concurrence"},
	{"prefix", "Mutuelle Fra"},
	{"word", "Littoral"},
	{"substring", "ttoral"},
	{"typo", "Chatelian"},
	{"typo-long", "Établisements Agricol"},
	{"two-letters", "de"},
	{"one-letter", "z"},
	{"id", "Q1000370"},
	{"none", "xylophone quantique"},
}

// BenchmarkNameIndexScaleSearch reports each kind's median time over the
// runs as median-ms (ns/op is the mean).
func BenchmarkNameIndexScaleSearch(b *testing.B) {
	g := loadSearchGraph(b)
	ix := g.Index()
	for _, c := range scaleQueries {
		b.Run(c.kind, func(b *testing.B) {
			var times []time.Duration
			n := 0
			for b.Loop() {
				t0 := time.Now()
				n = len(ix.Search(c.q, 60))
				times = append(times, time.Since(t0))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(n), "results")
		})
	}
}

// cpuTime is the CPU time the process used so far (user and system, GC
// included): on a loaded machine it measures the build's work where the
// wall time measures the machine's load.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNameIndexScaleBuild reports the build time and the memory the
// index keeps (index-MB, live heap after a collection), and the CPU time
// of a build (cpu-s/op: the builds' process CPU time, on all cores).
func BenchmarkNameIndexScaleBuild(b *testing.B) {
	g := loadSearchGraph(b)
	g.Topology()
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	keep := graph.NewNameIndex(g)
	runtime.GC()
	runtime.ReadMemStats(&ms1)
	cpu0 := cpuTime()
	for b.Loop() {
		graph.NewNameIndex(g)
	}
	// after the loop, which resets the metrics
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(int64(ms1.HeapAlloc)-int64(ms0.HeapAlloc))/(1<<20), "index-MB")
	runtime.KeepAlive(keep)
	runtime.KeepAlive(keep)
}
