package analysis

import (
	"context"
	"testing"

	"golang.org/x/exp/rand"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// gonumGraph copies a net into gonum's simple.UndirectedGraph, for
// measuring gonum's implementations against ours (BENCHMARKS.md).
func gonumGraph(net *Net) *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for v := 0; v < net.N; v++ {
		g.AddNode(simple.Node(v))
	}
	for v := int32(0); v < int32(net.N); v++ {
		for _, w := range net.OutOf(v) {
			if w > v {
				g.SetEdge(simple.Edge{F: simple.Node(v), T: simple.Node(w)})
			}
		}
	}
	return g
}

func BenchmarkGonumPageRank100k(b *testing.B) { gonumPageRank(b, "synth-N100000-d4-s42.json") }

func BenchmarkGonumPageRankDebian(b *testing.B) { gonumPageRank(b, "debian-bookworm.json") }

func gonumPageRank(b *testing.B, name string) {
	net := peerNet(b, name, false)
	g := simple.NewDirectedGraph()
	for v := 0; v < net.N; v++ {
		g.AddNode(simple.Node(v))
	}
	for v := int32(0); v < int32(net.N); v++ {
		for _, w := range net.OutOf(v) {
			g.SetEdge(simple.Edge{F: simple.Node(v), T: simple.Node(w)})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		network.PageRankSparse(g, 0.85, 1e-6)
	}
}

func BenchmarkGonumLouvain100k(b *testing.B) { gonumLouvain(b, "synth-N100000-d4-s42.json") }

func BenchmarkGonumLouvainDebian(b *testing.B) { gonumLouvain(b, "debian-bookworm.json") }

func gonumLouvain(b *testing.B, name string) {
	g := gonumGraph(peerNet(b, name, false))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := community.Modularize(g, 1, rand.NewSource(1))
		b.ReportMetric(community.Q(g, r.Communities(), 1), "modularity")
	}
}

func BenchmarkGonumBetweenness10k(b *testing.B) {
	g := gonumGraph(peerNet(b, "synth-N10000-d4-s42.json", false))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		network.Betweenness(g)
	}
}

func BenchmarkBetweenness10kExact(b *testing.B) {
	net := peerNet(b, "synth-N10000-d4-s42.json", false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Betweenness(context.Background(), net, BetweennessOptions{}, nil)
	}
}
