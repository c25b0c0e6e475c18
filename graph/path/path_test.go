package path

import (
	"github.com/linkscope/linkscope/graph"

	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// pathCase is a small version of the Clearview case with parallel,
// dated relations.
func pathCase(t testing.TB) (*graph.Graph, func(string) int32) {
	g := graph.New(0, 0)
	for _, n := range [][2]string{
		{"cnil", "regulator"}, {"clearview", "company"}, {"noyb", "ngo"},
		{"pi", "ngo"}, {"walmart", "company"}, {"garante", "regulator"},
	} {
		if _, err := g.AddNode(graph.Node{ID: n[0], Type: n[1], Label: n[0]}); err != nil {
			t.Fatal(err)
		}
	}
	idx := func(id string) int32 {
		v, ok := g.NodeIndex(id)
		if !ok {
			t.Fatalf("no node %s", id)
		}
		return v
	}
	for _, e := range [][5]string{
		{"fine", "cnil", "clearview", "fined", "2022-10-17"},
		{"penalty", "cnil", "clearview", "fined", "2023-05"},
		{"c1", "noyb", "clearview", "complained-against", "2021-05-27"},
		{"c2", "pi", "clearview", "complained-against", "2021-05-27"},
		{"c3", "pi", "cnil", "complained-to", "2021-05"},
		{"client", "walmart", "clearview", "used", "2020-02"},
		{"stop", "walmart", "clearview", "stopped-using", "2022-11"},
		{"f2", "garante", "clearview", "fined", "2022"},
	} {
		d, err := graph.ParseDate(e[4])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := g.AddEdge(graph.Edge{ID: e[0], From: idx(e[1]), To: idx(e[2]), Type: e[3], Date: d}); err != nil {
			t.Fatal(err)
		}
	}
	return g, idx
}

func edgeNames(g *graph.Graph, p Path) string {
	s := ""
	for i, r := range p.Edges {
		if i > 0 {
			s += ","
		}
		s += g.Edge(r).ID
	}
	return s
}

func TestParallelRelationsAreDistinctPaths(t *testing.T) {
	g, idx := pathCase(t)
	s := NewSearcher(g)
	ps, err := s.KShortest(context.Background(), idx("cnil"), idx("clearview"), 5, Options{Directed: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, edgeNames(g, p))
	}
	if !slices.Equal(got, []string{"fine", "penalty"}) {
		t.Errorf("directed CNIL→Clearview paths: %q, want the fine and the penalty", got)
	}
	set, err := s.AllPaths(context.Background(), idx("noyb"), idx("walmart"), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, p := range set.Paths {
		got = append(got, edgeNames(g, p))
	}
	want := []string{"c1,client", "c1,stop"}
	if !slices.Equal(got, want) || set.Truncated {
		t.Errorf("noyb–walmart paths within 4 hops: %q, want %q", got, want)
	}
}

func TestInDateOrder(t *testing.T) {
	g, idx := pathCase(t)
	s := NewSearcher(g)
	// PI complained in May 2021; Walmart used Clearview from Feb 2020 (too
	// early) and stopped in Nov 2022 (fine).
	p, ok, _ := s.Shortest(context.Background(), idx("pi"), idx("walmart"), Options{InDateOrder: true})
	if !ok || edgeNames(g, p) != "c2,stop" {
		t.Errorf("in date order: %v %q, want c2,stop", ok, edgeNames(g, p))
	}
	ps, _ := s.KShortest(context.Background(), idx("pi"), idx("walmart"), 10, Options{InDateOrder: true})
	for _, p := range ps {
		if !DateOrdered(g, p) || slices.Contains(p.Edges, mustEdge(t, g, "client")) {
			t.Errorf("path %q is not in date order", edgeNames(g, p))
		}
	}
	// "2022" (garante) spans the year, so it may follow 2022-10-17: CNIL's
	// fine then Garante's fine is in date order.
	p, ok, _ = s.Shortest(context.Background(), idx("cnil"), idx("garante"), Options{InDateOrder: true, RelTypes: []string{"fined"}})
	if !ok || p.Len() != 2 {
		t.Errorf("cnil→garante in date order: %v %q", ok, edgeNames(g, p))
	}
	// But the 2023 penalty cannot be followed by a 2022 relation.
	p, ok, _ = s.Shortest(context.Background(), idx("cnil"), idx("garante"), Options{InDateOrder: true, ExcludeNodes: nil, RelTypes: []string{"fined"}, MaxHops: 2})
	if ok && edgeNames(g, p) == "penalty,f2" {
		t.Errorf("took the 2023 penalty then a 2022 fine")
	}
}

func mustEdge(t *testing.T, g *graph.Graph, id string) int32 {
	r, ok := g.EdgeIndex(id)
	if !ok {
		t.Fatalf("no relation %s", id)
	}
	return r
}

func TestFilters(t *testing.T) {
	g, idx := pathCase(t)
	s := NewSearcher(g)
	from, to := idx("noyb"), idx("pi")
	if p, ok, _ := s.Shortest(context.Background(), from, to, Options{}); !ok || p.Len() != 2 {
		t.Fatalf("noyb–pi: %v %v", ok, p)
	}
	if _, ok, _ := s.Shortest(context.Background(), from, to, Options{Directed: true}); ok {
		t.Error("directed noyb→pi should not exist")
	}
	if _, ok, _ := s.Shortest(context.Background(), from, to, Options{ExcludeNodeTypes: []string{"company"}}); ok {
		t.Error("every noyb–pi path goes through a company")
	}
	if _, ok, _ := s.Shortest(context.Background(), from, to, Options{ExcludeNodes: []int32{idx("clearview")}}); ok {
		t.Error("every noyb–pi path goes through Clearview")
	}
	if _, ok, _ := s.Shortest(context.Background(), from, to, Options{RelTypes: []string{"fined"}}); ok {
		t.Error("no noyb–pi path of fines only")
	}
	if p, ok, _ := s.Shortest(context.Background(), idx("clearview"), idx("clearview"), Options{}); !ok || p.Len() != 0 {
		t.Error("a node reaches itself in 0 hops")
	}
	// Exclusions do not apply to the ends.
	if _, ok, _ := s.Shortest(context.Background(), from, idx("clearview"), Options{ExcludeNodes: []int32{idx("clearview"), from}}); !ok {
		t.Error("excluding the ends must not hide the path")
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	g, _ := pathCase(t)
	s := NewSearcher(g)
	ctx := context.Background()
	for _, v := range []int32{-1, 99} {
		if _, ok, _ := s.Shortest(context.Background(), v, 0, Options{}); ok {
			t.Error("Shortest from a missing node")
		}
		if _, err := s.KShortest(ctx, 0, v, 3, Options{}); err != ErrNoSuchNode {
			t.Errorf("KShortest: %v", err)
		}
		if _, err := s.AllPaths(ctx, v, 0, Options{}, 0); err != ErrNoSuchNode {
			t.Errorf("AllPaths: %v", err)
		}
		if err := s.Walk(ctx, v, WalkSpec{}, func(Path) bool { return true }); err != ErrNoSuchNode {
			t.Errorf("Walk: %v", err)
		}
	}
	nb, _ := s.Neighborhood(context.Background(), []int32{-5, 1000}, 3, Options{MaxHops: -1, ExcludeNodes: []int32{-1, 500}}, 0)
	if len(nb.Nodes) != 0 {
		t.Errorf("neighbourhood of missing nodes: %v", nb.Nodes)
	}
	if h, ok := s.NewReach([]int32{0, -1, 77}, Options{}, false, 3).Hops(-3); ok || h != 0 {
		t.Error("Hops of a missing node")
	}
}

func TestGraphGrowsUnderSearcher(t *testing.T) {
	g, idx := pathCase(t)
	s := NewSearcher(g)
	if _, ok, _ := s.Shortest(context.Background(), idx("noyb"), idx("garante"), Options{Directed: true}); ok {
		t.Fatal("no directed noyb→garante path yet")
	}
	v, _ := g.AddNode(graph.Node{ID: "edpb", Type: "regulator"})
	g.AddEdge(graph.Edge{From: idx("noyb"), To: v, Type: "complained-to"})
	g.AddEdge(graph.Edge{From: v, To: idx("garante"), Type: "coordinated"})
	if p, ok, _ := s.Shortest(context.Background(), idx("noyb"), idx("garante"), Options{Directed: true}); !ok || p.Len() != 2 {
		t.Errorf("after growth: %v %v", ok, p)
	}
}

// dense returns a complete directed graph on n nodes: it has more simple
// paths than any search can list.
func dense(n int) *graph.Graph {
	g := graph.New(n, n*n)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for i := int32(0); i < int32(n); i++ {
		for j := int32(0); j < int32(n); j++ {
			if i != j {
				g.AddEdge(graph.Edge{From: i, To: j, Type: "r"})
			}
		}
	}
	return g
}

func TestAllPathsDeadlineAndCap(t *testing.T) {
	g := dense(60)
	s := NewSearcher(g)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	set, err := s.AllPaths(ctx, 0, 1, Options{MaxHops: 8}, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > time.Second || !set.TimedOut || !set.Truncated {
		t.Errorf("took %v, timed out %v, truncated %v, %d paths", el, set.TimedOut, set.Truncated, len(set.Paths))
	}
	// Shortest first: the direct relation, then the 58 two-hop paths.
	set, _ = s.AllPaths(context.Background(), 0, 1, Options{MaxHops: 8}, 59)
	if len(set.Paths) != 59 || !set.Truncated || set.TimedOut || set.Paths[0].Len() != 1 || set.Paths[58].Len() != 2 {
		t.Errorf("capped: %d paths, truncated %v", len(set.Paths), set.Truncated)
	}
	// KShortest stops too.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel2()
	if _, err := s.KShortest(ctx2, 0, 1, 1<<20, Options{}); err == nil {
		t.Error("KShortest of a million paths finished within 30ms?")
	}
}
