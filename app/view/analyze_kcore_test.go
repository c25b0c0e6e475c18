package view

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/analysis"
)

// TestAnalyzeKCore: undirected, analyze's k-core (rows straight from the
// topology) is KCore on the simple net, with and without a type filter;
// directed, it is KCore on the directed net (degree in plus out).
func TestAnalyzeKCore(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 5))
	g := graph.New(300, 1200)
	for i := 0; i < 300; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for k := 0; k < 1200; k++ {
		g.AddEdge(graph.Edge{From: int32(r.IntN(250)), To: int32(r.IntN(250)), Type: []string{"a", "b"}[r.IntN(2)]})
	}
	topo := g.Topology()
	keepA := []bool{topo.Types.Rels[0].Name == "a", topo.Types.Rels[1].Name == "a"}
	for _, c := range []struct {
		req  AnalyzeRequest
		opts analysis.NetOptions
	}{
		{AnalyzeRequest{Measure: "kcore"}, analysis.NetOptions{}},
		{AnalyzeRequest{Measure: "kcore", RelTypes: []string{"a"}}, analysis.NetOptions{RelTypes: keepA}},
		{AnalyzeRequest{Measure: "kcore", Directed: true}, analysis.NetOptions{Directed: true}},
	} {
		res, err := Analyze(ctx, g, c.req, nil)
		if err != nil {
			t.Fatal(err)
		}
		net, err := analysis.NewNet(ctx, topo, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := analysis.KCore(ctx, net)
		if !slices.Equal(res.Values, want) {
			t.Errorf("%+v: %v, want %v", c.req, res.Values, want)
		}
		if slices.Max(want) < 2 {
			t.Errorf("%+v: a graph too thin to tell (largest core %v)", c.req, slices.Max(want))
		}
	}
}
