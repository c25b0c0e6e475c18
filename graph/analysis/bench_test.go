package analysis

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// The synthetic graphs of the peers' generator (../shared/peers/gen.mjs),
// in PEERS_GRAPHS (default /work/peers/graphs); skipped without them.
func peerNet(b *testing.B, name string, directed bool) *Net {
	dir := os.Getenv("PEERS_GRAPHS")
	if dir == "" {
		dir = "/work/peers/graphs"
	}
	g, err := dataset.LoadAny(dir+"/"+name, dataset.Options{})
	if err != nil {
		b.Skip(err)
	}
	n, err := NewNet(context.Background(), g.Topology(), NetOptions{Directed: directed})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

func BenchmarkLeiden100k(b *testing.B) {
	net := peerNet(b, "synth-N100000-d4-s42.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		c, _ := Leiden(context.Background(), net, CommunityOptions{Seed: 1}, nil)
		b.ReportMetric(c.Modularity, "modularity")
	}
	c.stop()
}

func BenchmarkPageRank100k(b *testing.B) {
	net := peerNet(b, "synth-N100000-d4-s42.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		PageRank(context.Background(), net, PageRankOptions{}, nil)
	}
	c.stop()
}

func BenchmarkBetweenness100kSampled1000(b *testing.B) {
	net := peerNet(b, "synth-N100000-d4-s42.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		Betweenness(context.Background(), net, BetweennessOptions{Samples: 1000, Seed: 1}, nil)
	}
	c.stop()
}

func BenchmarkLeiden100kOnePass(b *testing.B) {
	net := peerNet(b, "synth-N100000-d4-s42.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		c, _ := Leiden(context.Background(), net, CommunityOptions{Seed: 1, Passes: 1}, nil)
		b.ReportMetric(c.Modularity, "modularity")
	}
	c.stop()
}

// peerTopo loads one of the peers' graphs' topology (skipped without it).
func peerTopo(b *testing.B, name string) *graph.Topology {
	dir := os.Getenv("PEERS_GRAPHS")
	if dir == "" {
		dir = "/work/peers/graphs"
	}
	g, err := dataset.LoadAny(dir+"/"+name, dataset.Options{})
	if err != nil {
		b.Skip(err)
	}
	return g.Topology()
}

func BenchmarkNewNet120k(b *testing.B) {
	t := peerTopo(b, "synth-N120000-d6-s42.json")
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		if _, err := NewNet(context.Background(), t, NetOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	c.stop()
}

func BenchmarkNewNetDirected120k(b *testing.B) {
	t := peerTopo(b, "synth-N120000-d6-s42.json")
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		if _, err := NewNet(context.Background(), t, NetOptions{Directed: true}); err != nil {
			b.Fatal(err)
		}
	}
	c.stop()
}

// BenchmarkKCoreWithNet120k is what `analyze --measure kcore` times: the
// net and the core numbers.
func BenchmarkKCoreWithNet120k(b *testing.B) {
	t := peerTopo(b, "synth-N120000-d6-s42.json")
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		net, _ := NewNet(context.Background(), t, NetOptions{})
		KCore(context.Background(), net)
	}
	c.stop()
}

func BenchmarkLeiden120k(b *testing.B) {
	net := peerNet(b, "synth-N120000-d6-s42.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		c, _ := Leiden(context.Background(), net, CommunityOptions{Seed: 1}, nil)
		b.ReportMetric(c.Modularity, "modularity")
	}
	c.stop()
}

// cpuTimer reports the process's CPU time per op (user+system, all
// threads) next to the wall time: on a machine shared with other work,
// the figure that moves least with the load.
type cpuTimer struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) cpuTimer {
	b.ResetTimer()
	return cpuTimer{b, processCPU()}
}

func (c cpuTimer) stop() {
	c.b.StopTimer()
	c.b.ReportMetric(float64(processCPU()-c.start)/1e6/float64(c.b.N), "cpu-ms/op")
}

func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// The Debian package graph of bench/debgraph (bench/analysis.sh writes it
// beside the peers' graphs).
func BenchmarkLeidenDebian(b *testing.B) {
	net := peerNet(b, "debian-bookworm.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		c, _ := Leiden(context.Background(), net, CommunityOptions{Seed: 1}, nil)
		b.ReportMetric(c.Modularity, "modularity")
	}
	c.stop()
}

func BenchmarkKCoreWithNetDebian(b *testing.B) {
	t := peerTopo(b, "debian-bookworm.json")
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		net, _ := NewNet(context.Background(), t, NetOptions{})
		KCore(context.Background(), net)
	}
	c.stop()
}

func BenchmarkPageRankDebian(b *testing.B) {
	net := peerNet(b, "debian-bookworm.json", false)
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		PageRank(context.Background(), net, PageRankOptions{}, nil)
	}
	c.stop()
}

// BenchmarkAnalyzeCPU is what `linkscope analyze --measure M` times (the
// simple net, then the measure), for bench/analysis-cpu.sh, which sets
// ANALYZE_GRAPH (a file in PEERS_GRAPHS) and ANALYZE_MEASURE (pagerank,
// communities, components, kcore) and compares its cpu-ms/op with
// igraph's cpu_ms: the process's CPU time on all cores, so a measure run
// on both cores counts twice.
func BenchmarkAnalyzeCPU(b *testing.B) {
	name, measure := os.Getenv("ANALYZE_GRAPH"), os.Getenv("ANALYZE_MEASURE")
	if name == "" || measure == "" {
		b.Skip("ANALYZE_GRAPH and ANALYZE_MEASURE unset")
	}
	t := peerTopo(b, name)
	ctx := context.Background()
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		switch measure {
		case "components":
			Connected(ctx, t)
			continue
		case "kcore":
			KCoreUndirected(ctx, t, nil) // analyze's undirected k-core: no net
			continue
		}
		net, _ := NewNet(ctx, t, NetOptions{})
		switch measure {
		case "pagerank":
			PageRank(ctx, net, PageRankOptions{}, nil)
		case "communities":
			com, _ := Leiden(ctx, net, CommunityOptions{Seed: 1}, nil) // the CLI's default seed
			b.ReportMetric(com.Modularity, "modularity")
		case "kcore":
			KCore(ctx, net)
		default:
			b.Fatalf("unknown measure %q", measure)
		}
	}
	c.stop()
}

// BenchmarkLeidenDebianSeeds reports the lowest and the mean modularity
// over seeds 0..5 on Debian's graph (LEIDEN_PASSES sets Passes).
func BenchmarkLeidenDebianSeeds(b *testing.B) {
	net := peerNet(b, "debian-bookworm.json", false)
	passes := 0
	if p := os.Getenv("LEIDEN_PASSES"); p != "" {
		passes = int(p[0] - '0')
	}
	c := startCPU(b)
	for i := 0; i < b.N; i++ {
		lo, sum := 1.0, 0.0
		for seed := uint64(0); seed <= 5; seed++ {
			com, _ := Leiden(context.Background(), net, CommunityOptions{Seed: seed, Passes: passes}, nil)
			b.Logf("seed %d: modularity %.5f, %d communities", seed, com.Modularity, len(com.Sizes))
			lo = min(lo, com.Modularity)
			sum += com.Modularity
		}
		b.ReportMetric(lo, "min-modularity")
		b.ReportMetric(sum/6, "mean-modularity")
	}
	c.stop()
}
