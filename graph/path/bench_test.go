package path_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// The benchmarks run on the peers' synthetic graphs when they are there
// (LINKSCOPE_BENCH_GRAPH overrides the file):
//
//	go test -run XXX -bench Path ./graph/

func benchGraph(b *testing.B) *graph.Graph {
	b.Helper()
	file := os.Getenv("LINKSCOPE_BENCH_GRAPH")
	if file == "" {
		file = "/work/peers/graphs/synth-N100000-d4-s42.json"
	}
	if _, err := os.Stat(file); err != nil {
		b.Skipf("no benchmark graph: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	// The peers' format: {"nodes":[{id,type,label}],"edges":[{id,source,target,type}]}.
	var doc struct {
		Nodes []struct{ ID, Type, Label string }
		Edges []struct{ ID, Source, Target, Type string }
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		b.Fatal(err)
	}
	g := graph.New(len(doc.Nodes), len(doc.Edges))
	for _, n := range doc.Nodes {
		if _, err := g.AddNode(graph.Node{ID: n.ID, Type: n.Type, Label: n.Label}); err != nil {
			b.Fatal(err)
		}
	}
	for _, e := range doc.Edges {
		from, _ := g.NodeIndex(e.Source)
		to, _ := g.NodeIndex(e.Target)
		if _, err := g.AddEdge(graph.Edge{ID: e.ID, From: from, To: to, Type: e.Type}); err != nil {
			b.Fatal(err)
		}
	}
	return g
}

func benchPairs(g *graph.Graph, n int) [][2]int32 {
	r := rand.New(rand.NewPCG(7, 7))
	ps := make([][2]int32, n)
	for i := range ps {
		ps[i] = [2]int32{int32(r.IntN(g.NodeCount())), int32(r.IntN(g.NodeCount()))}
	}
	return ps
}

func BenchmarkPathShortest(b *testing.B) {
	g := benchGraph(b)
	s := path.NewSearcher(g)
	ps := benchPairs(g, 1000)
	for _, directed := range []bool{true, false} {
		name := map[bool]string{true: "directed", false: "undirected"}[directed]
		b.Run(name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				p := ps[i%len(ps)]
				s.Shortest(context.Background(), p[0], p[1], path.Options{Directed: directed})
			}
		})
	}
}

// BenchmarkPathAll reports how long capped all-paths queries (8 hops, 1000
// paths, 2 s deadline) take on random pairs, and how many hit the deadline.
func BenchmarkPathAll(b *testing.B) {
	g := benchGraph(b)
	s := path.NewSearcher(g)
	// Pairs that are connected within 8 hops, so that there are paths to list.
	var ps [][2]int32
	for _, p := range benchPairs(g, 400) {
		if path, ok, _ := s.Shortest(context.Background(), p[0], p[1], path.Options{MaxHops: 8}); ok && len(ps) < 50 && path.Len() > 1 {
			ps = append(ps, p)
		}
	}
	var times []float64
	timedOut, capped := 0, 0
	for i := 0; b.Loop(); i++ {
		p := ps[i%len(ps)]
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		t0 := time.Now()
		set, err := s.AllPaths(ctx, p[0], p[1], path.Options{MaxHops: 8}, 1000)
		times = append(times, time.Since(t0).Seconds()*1000)
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		if set.TimedOut {
			timedOut++
		}
		if set.Truncated {
			capped++
		}
	}
	sort.Float64s(times)
	b.ReportMetric(times[len(times)/2], "ms-median")
	b.ReportMetric(times[len(times)-1], "ms-max")
	b.ReportMetric(float64(timedOut), "timeouts")
	b.ReportMetric(float64(capped), "truncated")
}
