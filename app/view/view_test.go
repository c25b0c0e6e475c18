package view

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

func clearview(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func idx(t *testing.T, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return i
}

func TestRegistryNamesAndAliases(t *testing.T) {
	for name, want := range map[string]string{
		"": "fa2", "fa2": "fa2", "forceatlas2": "fa2", "ForceAtlas2": "fa2", "FA2": "fa2",
		"circular": "circular", "Circular": "circular", "radial": "radial", "Radial": "radial",
		"layered": "layered", "Layered": "layered",
	} {
		a, err := Lookup(name)
		if err != nil || a.Name != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, a, err, want)
		}
	}
	if got := Names(); !slices.Equal(got, []string{"fa2", "circular", "radial", "layered"}) {
		t.Errorf("Names() = %v", got)
	}
	if got := DisplayNames(); !slices.Equal(got, []string{"ForceAtlas2", "Circular", "Radial", "Layered"}) {
		t.Errorf("DisplayNames() = %v", got)
	}
	for _, a := range Algorithms {
		if a.NeedsFocus != (a.Name == "radial") || a.Iterative != (a.Name == "fa2") {
			t.Errorf("%s: NeedsFocus %v, Iterative %v", a.Name, a.NeedsFocus, a.Iterative)
		}
	}
	_, err := Lookup("spiral")
	if err == nil {
		t.Fatal("spiral accepted")
	}
	for _, a := range Algorithms {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("the error %q does not list %s", err, n)
			}
		}
	}
}

func TestDefaultIterationsAndSettings(t *testing.T) {
	if DefaultIterations(49) != 1500 || DefaultIterations(5000) != 300 || DefaultIterations(100000) != 120 {
		t.Error("iterations by graph size changed")
	}
	if !FA2Settings(100).AdjustSizes || FA2Settings(MaxLabelAdjust+1).AdjustSizes {
		t.Error("sizes are kept apart on small graphs only")
	}
}

func TestInputSharesTopologyAndGroupsByTypeName(t *testing.T) {
	g := clearview(t)
	top := g.Topology()
	lg := Input(g, nil)
	if &lg.Src[0] != &top.Src[0] || &lg.Dst[0] != &top.Dst[0] {
		t.Error("Src/Dst copied")
	}
	// groups follow the sorted type names
	names := make([]string, 0, len(top.Types.Nodes))
	for _, ti := range top.Types.Nodes {
		names = append(names, ti.Name)
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	for i := 0; i < g.NodeCount(); i++ {
		if want := int32(slices.Index(sorted, g.Node(int32(i)).Type)); lg.Group[i] != want {
			t.Fatalf("entity %d: group %d, want %d", i, lg.Group[i], want)
		}
	}
	// a graph whose types come in sorted order shares NodeType
	h := graph.New(2, 0)
	h.AddNode(graph.Node{ID: "a", Type: "a", Label: "a"})
	h.AddNode(graph.Node{ID: "b", Type: "b", Label: "b"})
	if hg := Input(h, nil); &hg.Group[0] != &h.Topology().NodeType[0] {
		t.Error("NodeType not shared")
	}
}

func TestLayoutReproducibleAndSeeded(t *testing.T) {
	g := clearview(t)
	ctx := context.Background()
	for _, name := range Names() {
		req := LayoutRequest{Algo: name, Seed: 5, Focus: NoFocus, Iterations: 50}
		a, err := Layout(ctx, g, nil, req, nil)
		if err != nil {
			t.Fatal(name, err)
		}
		b, _ := Layout(ctx, g, nil, req, nil)
		if !slices.Equal(a, b) {
			t.Errorf("%s: two runs differ", name)
		}
	}
	a, _ := Layout(ctx, g, nil, LayoutRequest{Seed: 5, Iterations: 50}, nil)
	b, _ := Layout(ctx, g, nil, LayoutRequest{Seed: 6, Iterations: 50}, nil)
	if slices.Equal(a, b) {
		t.Error("the seed changes nothing")
	}
	if _, err := Layout(ctx, g, nil, LayoutRequest{Algo: "radial", Focus: int32(g.NodeCount())}, nil); err == nil {
		t.Error("a focus out of range accepted")
	}
	// the window's animation starts where Layout starts
	fa, _, err := NewFA2(g, nil, LayoutRequest{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	start := StartPositions(g, 5)
	for i, p := range fa.Positions() {
		if start[i].X != p.X || start[i].Y != p.Y {
			t.Fatalf("entity %d starts at %v, StartPositions says %v", i, p, start[i])
		}
	}
	// progress reaches the total
	last, total := 0, 0
	Layout(ctx, g, nil, LayoutRequest{Iterations: 40}, func(d, n int) { last, total = d, n })
	if last != 40 || total != 40 {
		t.Errorf("progress ended at %d of %d", last, total)
	}
}

func TestVisible(t *testing.T) {
	g := clearview(t)
	n, m := g.NodeCount(), g.EdgeCount()
	if c, e := Visible(g, Filter{}).Count(); c != n || e != m {
		t.Fatalf("zero filter shows %d/%d of %d/%d", c, e, n, m)
	}
	v := Visible(g, Filter{NodeTypesOff: map[string]bool{"regulator": true}})
	for i := int32(0); int(i) < n; i++ {
		if v.Nodes[i] == (g.Node(i).Type == "regulator") {
			t.Fatalf("%s (%s) visible=%v", g.Node(i).ID, g.Node(i).Type, v.Nodes[i])
		}
	}
	for e := int32(0); int(e) < m; e++ {
		r := g.Edge(e)
		if v.Edges[e] && (!v.Nodes[r.From] || !v.Nodes[r.To]) {
			t.Fatalf("relation %s shown without its ends", r.ID)
		}
	}
	v = Visible(g, Filter{RelTypesOff: map[string]bool{"fined": true}})
	for e := int32(0); int(e) < m; e++ {
		if v.Edges[e] == (g.Edge(e).Type == "fined") {
			t.Fatalf("relation %s (%s) visible=%v", g.Edge(e).ID, g.Edge(e).Type, v.Edges[e])
		}
	}
	// as of the end of 2021: a relation shows when its time (its date,
	// else the date first reported) is no later; undated ones only when
	// asked; entities without a date of their own only with a relation
	times := RelationTimes(g)
	for _, undated := range []bool{false, true} {
		v = Visible(g, Filter{AsOf: 20211231, ShowUndated: undated})
		touched := make([]bool, n)
		for e := int32(0); int(e) < m; e++ {
			rt := times[e]
			want := rt.Kind != TimeUndated && rt.First <= 20211231 || rt.Kind == TimeUndated && undated
			if v.Edges[e] != want {
				t.Fatalf("relation %s (time %+v) visible=%v", g.Edge(e).ID, rt, v.Edges[e])
			}
			if want {
				touched[g.Edge(e).From], touched[g.Edge(e).To] = true, true
			}
		}
		for i := int32(0); int(i) < n; i++ {
			if _, _, own := EntityTime(g.Node(i)); !own && v.Nodes[i] != touched[i] {
				t.Fatalf("entity %s visible=%v with a visible relation=%v", g.Node(i).ID, v.Nodes[i], touched[i])
			}
		}
	}
	// hide isolated: with every relation type off, nothing stays
	off := map[string]bool{}
	for _, tc := range g.EdgeTypes() {
		off[tc.Type] = true
	}
	if c, e := Visible(g, Filter{RelTypesOff: off, HideIsolated: true}).Count(); c != 0 || e != 0 {
		t.Errorf("hide isolated left %d entities and %d relations", c, e)
	}
	// Only keeps the entities chosen
	only := make([]bool, n)
	cnil, cv := idx(t, g, "cnil"), idx(t, g, "clearview-ai")
	only[cnil], only[cv] = true, true
	v = Visible(g, Filter{Only: only})
	if c, _ := v.Count(); c != 2 {
		t.Errorf("Only shows %d entities", c)
	}
	for _, e := range v.EdgeList() {
		if r := g.Edge(e); !(r.From == cnil && r.To == cv || r.From == cv && r.To == cnil) {
			t.Errorf("relation %s shown", r.ID)
		}
	}
	// the chart's hidden types count as switched off, entity and relation
	h := g.Snapshot()
	if err := h.Apply(graph.HideType{Type: "regulator"}); err != nil {
		t.Fatal(err)
	}
	if err := h.Apply(graph.HideType{Type: "used-by"}); err != nil {
		t.Fatal(err)
	}
	v = Visible(h, Filter{})
	if v.Nodes[cnil] {
		t.Error("a hidden entity type shows")
	}
	for e := int32(0); int(e) < m; e++ {
		if v.Edges[e] && h.Edge(e).Type == "used-by" {
			t.Fatal("a hidden relation type shows")
		}
	}
}

func TestSubgraph(t *testing.T) {
	g := clearview(t)
	cnil, cv := idx(t, g, "cnil"), idx(t, g, "clearview-ai")
	rels := g.Between(cnil, cv, false)
	noyb := idx(t, g, "noyb")
	sub, orig, err := Subgraph(g, []int32{noyb, noyb}, append(rels, rels[0]))
	if err != nil {
		t.Fatal(err)
	}
	if len(orig) != 3 || orig[0] != noyb {
		t.Fatalf("entities %v", orig)
	}
	if sub.NodeCount() != 3 || sub.EdgeCount() != len(rels) {
		t.Fatalf("%d entities, %d relations; want 3, %d", sub.NodeCount(), sub.EdgeCount(), len(rels))
	}
	if sub.Node(0).ID != "noyb" || sub.Title != g.Title || len(sub.Sources) != len(g.Sources) || sub.Description != g.Description {
		t.Error("order, title, description or sources lost")
	}
	for k, e := range rels {
		a, b := sub.Edge(int32(k)), g.Edge(e)
		if a.ID != b.ID || sub.Node(a.From).ID != g.Node(b.From).ID || sub.Node(a.To).ID != g.Node(b.To).ID || a.Date != b.Date {
			t.Errorf("relation %s copied as %+v", b.ID, a)
		}
	}
	// the sources are the subgraph's own
	if len(sub.Sources) > 0 && &sub.Sources[0] == &g.Sources[0] {
		t.Error("sources shared")
	}
	// what a filter shows, in index order
	v := Visible(g, Filter{RelTypesOff: map[string]bool{"complained-to": true}, HideIsolated: true})
	vs, orig, err := VisibleSubgraph(g, v)
	if err != nil {
		t.Fatal(err)
	}
	c, e := v.Count()
	if vs.NodeCount() != c || vs.EdgeCount() != e || !slices.IsSorted(orig) {
		t.Fatalf("%d/%d copied of %d/%d, order %v", vs.NodeCount(), vs.EdgeCount(), c, e, orig)
	}
	for _, tc := range vs.EdgeTypes() {
		if tc.Type == "complained-to" {
			t.Fatal("a filtered-out relation copied")
		}
	}
}

func TestRunPaths(t *testing.T) {
	g := clearview(t)
	s := path.NewSearcher(g)
	ctx := context.Background()
	pi, wm := idx(t, g, "privacy-international"), idx(t, g, "walmart")
	one, err := RunPaths(ctx, s, PathRequest{From: pi, To: wm})
	if err != nil || len(one.Paths) != 1 {
		t.Fatalf("shortest: %v, %v", one.Paths, err)
	}
	want, _, _ := s.Shortest(ctx, pi, wm, path.Options{})
	if !slices.Equal(one.Paths[0].Edges, want.Edges) {
		t.Error("not the searcher's shortest path")
	}
	k, err := RunPaths(ctx, s, PathRequest{From: pi, To: wm, Mode: KShortest, K: 3})
	if err != nil || len(k.Paths) != 3 || !slices.Equal(k.Paths[0].Edges, want.Edges) {
		t.Fatalf("k shortest: %d paths, %v", len(k.Paths), err)
	}
	all, err := RunPaths(ctx, s, PathRequest{From: pi, To: wm, Mode: AllPaths, Limit: 2, Options: path.Options{MaxHops: 4}})
	if err != nil || len(all.Paths) != 2 || !all.Truncated {
		t.Fatalf("all, limit 2: %d paths, truncated %v, %v", len(all.Paths), all.Truncated, err)
	}
	dated, err := RunPaths(ctx, s, PathRequest{From: pi, To: wm, Mode: Dated})
	alsoDated, _, _ := s.Shortest(ctx, pi, wm, path.Options{InDateOrder: true})
	if err != nil || len(dated.Paths) != 1 || !slices.Equal(dated.Paths[0].Edges, alsoDated.Edges) {
		t.Fatalf("dated: %v, %v", dated.Paths, err)
	}
	none, err := RunPaths(ctx, s, PathRequest{From: wm, To: pi, Options: path.Options{Directed: true}})
	if err != nil || len(none.Paths) != 0 {
		t.Fatalf("directed Walmart to PI: %v, %v", none.Paths, err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	stopped, err := RunPaths(cctx, s, PathRequest{From: pi, To: wm, Mode: KShortest, K: 5})
	if err != nil || !stopped.TimedOut {
		t.Errorf("cancelled: %+v, %v", stopped, err)
	}
	if _, err := RunPaths(ctx, s, PathRequest{From: pi, To: wm, Mode: KShortest}); err == nil {
		t.Error("k 0 accepted")
	}
}

func TestPlacedPositions(t *testing.T) {
	g := graph.New(2, 0)
	g.AddNode(graph.Node{ID: "a", Type: "t", X: 1, Y: 2, Placed: true})
	g.AddNode(graph.Node{ID: "b", Type: "t"})
	if PlacedPositions(g) != nil {
		t.Error("positions for a graph with an entity not placed")
	}
	g.Node(1).X, g.Node(1).Placed = 5, true
	p := PlacedPositions(g)
	if len(p) != 2 {
		t.Fatalf("%v", p)
	}
	// the shape is kept: b is right of and above a, twice as far across
	dx, dy := p[1].X-p[0].X, p[1].Y-p[0].Y
	if dx <= 0 || math.Abs(dy/dx+0.5) > 1e-9 {
		t.Errorf("shape changed: %v", p)
	}
}

// A drawing in pixel units (yEd, Gephi) opens at the density of
// Linkscope's own layouts, its shape kept; one at that density already is
// left as it is.
func TestPlacedPositionsAtChartScale(t *testing.T) {
	g := graph.New(0, 0)
	for i := 0; i < 100; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t", X: float64(i%10) * 300, Y: float64(i/10) * 300, Placed: true})
	}
	p := PlacedPositions(g)
	if d := p[1].X - p[0].X; d < placedSpacing/2 || d > placedSpacing*2 {
		t.Errorf("neighbours %v apart, want about %v", d, placedSpacing)
	}
	if p[10].Y-p[0].Y != p[1].X-p[0].X {
		t.Errorf("shape changed")
	}
	for i := 0; i < 100; i++ {
		g.Node(int32(i)).X, g.Node(int32(i)).Y = float64(i%10)*10, float64(i/10)*10
	}
	if p := PlacedPositions(g); p[1].X-p[0].X != 10 || p[0].X != 0 {
		t.Errorf("a drawing at chart density was moved: %v %v", p[0], p[1])
	}
}
