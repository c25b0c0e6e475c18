package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/source/postgres"
	"github.com/linkscope/linkscope/source/sourcetest"
)

// TestShortestPathMatchesMemory checks the database's bidirectional search
// against graph/path's on random graphs, with every option: same length
// (or no path alike), and a real path under the options.
func TestShortestPathMatchesMemory(t *testing.T) {
	ctx := context.Background()
	g := sourcetest.RandomGraph(5, 300, 560)
	// some undirected relations, which a directed search follows both ways
	for r := int32(0); r < int32(g.EdgeCount()); r += 7 {
		g.Edge(r).Undirected = true
	}
	db := open(t, g)
	s := path.NewSearcher(g)
	rng := rand.New(rand.NewPCG(5, 5))
	opts := []postgres.PathOptions{
		{},
		{Directed: true},
		{RelTypes: []string{"fined", "owns", "funds"}},
		{ExcludeTypes: []string{"person", "client"}},
		{Directed: true, ExcludeTypes: []string{"ngo"}, RelTypes: []string{"fined", "owns", "used-by", "funds"}},
		{MaxHops: 3},
	}
	found, long := 0, 0
	for _, o := range opts {
		po := path.Options{Directed: o.Directed, RelTypes: o.RelTypes, ExcludeNodeTypes: o.ExcludeTypes, MaxHops: o.MaxHops}
		for k := 0; k < 60; k++ {
			u, v := int32(rng.IntN(g.NodeCount())), int32(rng.IntN(g.NodeCount()))
			a, b := g.Node(u).ID, g.Node(v).ID
			what := fmt.Sprintf("%s to %s %+v", a, b, o)
			want, wok, err := s.Shortest(ctx, u, v, po)
			if err != nil {
				t.Fatal(err)
			}
			nodes, ok, _, err := db.ShortestPath(ctx, a, b, o)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if ok != wok || ok && len(nodes)-1 != want.Len() {
				t.Errorf("%s: database %v (ok %v), memory %d hops (ok %v)", what, nodes, ok, want.Len(), wok)
				continue
			}
			if !ok {
				continue
			}
			found++
			if want.Len() >= 4 {
				long++
			}
			checkPath(t, g, nodes, o, what)
		}
	}
	t.Logf("%d paths found, %d of 4 hops or more", found, long)
	if found < 100 || long < 20 {
		t.Errorf("only %d paths (%d long): the fixture tests too little", found, long)
	}
	if _, _, _, err := db.ShortestPath(ctx, "n1", "nosuch", postgres.PathOptions{}); err == nil {
		t.Error("path to an unknown id: no error")
	}
}

// checkPath checks that consecutive entities are joined by a relation the
// options allow, and that no inner entity has an excluded type.
func checkPath(t *testing.T, g *graph.Graph, nodes []string, o postgres.PathOptions, what string) {
	t.Helper()
	for i := 0; i+1 < len(nodes); i++ {
		u, _ := g.NodeIndex(nodes[i])
		v, _ := g.NodeIndex(nodes[i+1])
		joined := false
		for _, r := range g.Between(u, v, true) {
			e := g.Edge(r)
			typeOK := len(o.RelTypes) == 0
			for _, rt := range o.RelTypes {
				typeOK = typeOK || e.Type == rt
			}
			dirOK := !o.Directed || e.From == u || e.Undirected
			joined = joined || typeOK && dirOK
		}
		if !joined {
			t.Errorf("%s: %v: no allowed relation from %s to %s", what, nodes, nodes[i], nodes[i+1])
		}
		if i > 0 {
			for _, x := range o.ExcludeTypes {
				if g.Node(u).Type == x {
					t.Errorf("%s: %v passes through %s, a %s", what, nodes, nodes[i], x)
				}
			}
		}
	}
}
