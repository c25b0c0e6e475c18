package view

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// visGraph builds a random graph: typed entities, some with a date of
// their own, relations dated, reported (a cited source's date) or
// undated, loops and parallel relations included.
func visGraph(r *rand.Rand, n, m int) *graph.Graph {
	g := graph.New(n, m)
	g.Sources = []graph.Source{{ID: "s1", Published: graph.Date{Year: 2020, Month: 6}}, {ID: "s2", Published: graph.Date{Year: 2022, Month: 2, Day: 14}}, {ID: "s3"}}
	ntypes := []string{"company", "regulator", "ngo", "person", ""}
	for i := 0; i < n; i++ {
		nd := graph.Node{ID: fmt.Sprintf("n%d", i), Type: ntypes[r.IntN(len(ntypes))]}
		switch r.IntN(6) {
		case 0:
			nd.Props = graph.PropsOf(map[string]any{"date": fmt.Sprintf("%d-%02d", 2018+r.IntN(6), 1+r.IntN(12))})
		case 1:
			nd.Props = graph.PropsOf(map[string]any{"start": fmt.Sprintf("%d", 2018+r.IntN(6))})
		case 2:
			nd.Props = graph.PropsOf(map[string]any{"end": fmt.Sprintf("%d-03-01", 2018+r.IntN(6))})
		}
		if _, err := g.AddNode(nd); err != nil {
			panic(err)
		}
	}
	rtypes := []string{"fined", "used-by", "complained-to", "owns"}
	for k := 0; k < m; k++ {
		e := graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: rtypes[r.IntN(len(rtypes))]}
		switch r.IntN(4) {
		case 0, 1:
			e.Date = graph.Date{Year: int16(2018 + r.IntN(6)), Month: int8(r.IntN(13))}
			if e.Date.Month > 0 && r.IntN(2) == 0 {
				e.Date.Day = int8(1 + r.IntN(28))
			}
			if r.IntN(5) == 0 {
				e.Props = graph.PropsOf(map[string]any{"end": fmt.Sprintf("%d", 2020+r.IntN(5))})
			}
		case 2:
			e.Sources = []graph.Citation{{Source: fmt.Sprintf("s%d", 1+r.IntN(3))}}
		}
		if _, err := g.AddEdge(e); err != nil {
			panic(err)
		}
	}
	return g
}

// randomDay is a YYYYMMDD key in the graph's years, or 0 (no limit).
func randomDay(r *rand.Rand) int32 {
	if r.IntN(5) == 0 {
		return 0
	}
	return int32((2017+r.IntN(8))*10000 + (1+r.IntN(12))*100 + 1 + r.IntN(28))
}

// The incremental visibility equals Visible (the full computation) after
// every step of random sequences of type toggles (filter and chart),
// timeline moves of either end, the undated switch, hide isolated, focus,
// entities hidden one by one, thresholds and data edits; and the common
// steps (a type, a timeline end, the undated switch) do not start again.
func TestVisIndexMatchesVisible(t *testing.T) {
	ntypes := []string{"company", "regulator", "ngo", "person", ""}
	rtypes := []string{"fined", "used-by", "complained-to", "owns"}
	incremental := 0
	for seed := uint64(0); seed < 40; seed++ {
		r := rand.New(rand.NewPCG(seed, 77))
		n, m := 1+r.IntN(60), r.IntN(200)
		g := visGraph(r, n, m)
		var x VisIndex
		f := Filter{NodeTypesOff: map[string]bool{}, RelTypesOff: map[string]bool{}}
		for step := 0; step < 150; step++ {
			what := r.IntN(16)
			switch what {
			case 0, 1:
				ty := ntypes[r.IntN(len(ntypes))]
				f.NodeTypesOff[ty] = !f.NodeTypesOff[ty]
			case 2, 3:
				ty := rtypes[r.IntN(len(rtypes))]
				f.RelTypesOff[ty] = !f.RelTypesOff[ty]
			case 4:
				all := append(slices.Clone(ntypes), rtypes...)
				ty := all[r.IntN(len(all))]
				if err := g.Apply(graph.HideType{Type: ty, Show: g.TypeHidden(ty)}); err != nil {
					t.Fatal(err)
				}
			case 5, 6, 7:
				f.AsOf = randomDay(r)
			case 8, 9:
				f.From = randomDay(r)
			case 10:
				f.ShowUndated = !f.ShowUndated
			case 11:
				f.HideIsolated = !f.HideIsolated
			case 12:
				if f.Only != nil && r.IntN(2) == 0 {
					f.Only = nil
				} else {
					only := make([]bool, n)
					for i := range only {
						only[i] = r.IntN(3) > 0
					}
					f.Only = only
				}
			case 13:
				ids := ""
				for i := 0; i < n; i++ {
					if r.IntN(8) == 0 {
						ids += fmt.Sprintf("n%d\n", i)
					}
				}
				if err := g.Apply(graph.SetChart{Key: ChartHidden, Value: ids + "gone"}); err != nil {
					t.Fatal(err)
				}
			case 14:
				if r.IntN(2) == 0 {
					if err := g.Apply(graph.SetMeasure{Name: "deg", IDs: []string{"n0"}, Values: []float64{float64(r.IntN(3))}}); err != nil {
						t.Fatal(err)
					}
				}
				f.Threshold = Threshold{Measure: "deg", Min: float64(r.IntN(3))}
			case 15:
				// a data edit: an entity's date, a relation's date
				i := int32(r.IntN(n))
				if err := g.Apply(graph.Set{ID: g.Node(i).ID, Field: "props.date", Value: fmt.Sprintf("%d", 2018+r.IntN(6))}); err != nil {
					t.Fatal(err)
				}
				if m > 0 {
					e := int32(r.IntN(m))
					if err := g.Apply(graph.Set{ID: g.Edge(e).ID, Field: "date", Value: fmt.Sprintf("%d-%02d", 2018+r.IntN(6), 1+r.IntN(12))}); err != nil {
						t.Fatal(err)
					}
				}
			}
			wasActive := x.active
			got := x.Update(g, f)
			want := Visible(g, f)
			if !slices.Equal(got.Nodes, want.Nodes) || !slices.Equal(got.Edges, want.Edges) {
				t.Fatalf("seed %d step %d (change %d, filter %+v): incremental %v / %v, full %v / %v",
					seed, step, what, f, got.Nodes, got.Edges, want.Nodes, want.Edges)
			}
			_, _, full := x.Touched()
			cheap := what <= 4 || what == 10 || what <= 9 && wasActive == f.timelineActive()
			if step > 0 && cheap && full {
				t.Fatalf("seed %d step %d: change %d started from scratch", seed, step, what)
			}
			if !full {
				incremental++
			}
		}
	}
	if incremental < 2000 {
		t.Fatalf("only %d incremental updates", incremental)
	}
}

// A relation-type toggle looks at that type's relations only, and a move
// of the timeline's end at the relations between the two days only.
func TestVisIndexTouchesOnlyTheChange(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	g := visGraph(r, 2000, 8000)
	var x VisIndex
	f := Filter{NodeTypesOff: map[string]bool{}, RelTypesOff: map[string]bool{}, AsOf: 20210101}
	x.Update(g, f)
	f.RelTypesOff["owns"] = true
	x.Update(g, f)
	owns := 0
	for e := 0; e < g.EdgeCount(); e++ {
		if g.Edge(int32(e)).Type == "owns" {
			owns++
		}
	}
	if nodes, edges, full := x.Touched(); full || nodes != 0 || edges != owns {
		t.Fatalf("relation type: touched %d entities, %d relations (full %v), want 0, %d", nodes, edges, full, owns)
	}
	f.AsOf = 20210201
	x.Update(g, f)
	times := RelationTimes(g)
	between := 0
	for _, rt := range times {
		if rt.Kind != TimeUndated && rt.First > 20210101 && rt.First <= 20210201 {
			between++
		}
	}
	_, edges, full := x.Touched()
	if full || edges < between || edges > between+200 {
		t.Fatalf("timeline: touched %d relations (full %v), %d begin between the days", edges, full, between)
	}
	got, want := x.Update(g, f), Visible(g, f)
	if !slices.Equal(got.Nodes, want.Nodes) || !slices.Equal(got.Edges, want.Edges) {
		t.Fatal("differs from Visible")
	}
}
