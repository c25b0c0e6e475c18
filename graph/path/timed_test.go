package path

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// bruteTimed restates the rule of TimeOptions for one path: the clock
// sequence (in reversed time for latest departure), or ok false.
func bruteTimed(g *graph.Graph, o TimeOptions, p Path) (dep, arr int32, ok bool) {
	rep := reportedDates(g)
	type iv struct{ first, last int32 }
	var ivs []iv
	for _, r := range p.Edges {
		d := g.Edge(r).Date
		if d.IsZero() {
			switch o.Undated {
			case UndatedContinue:
				continue
			case UndatedReported:
				if rep[r].IsZero() {
					return 0, 0, false
				}
				d = rep[r]
			default:
				return 0, 0, false
			}
		}
		first, last := d.First(), d.Last()
		if !o.Since.IsZero() {
			first = max(first, o.Since.First())
		}
		if !o.Until.IsZero() {
			last = min(last, o.Until.Last())
		}
		if first > last {
			return 0, 0, false
		}
		ivs = append(ivs, iv{first, last})
	}
	if len(ivs) == 0 {
		return 0, 0, true
	}
	gapOK := func(a, b int32) bool { return o.MaxGapDays == 0 || civilDays(b)-civilDays(a) <= int32(o.MaxGapDays) }
	if o.Objective != LatestDeparture {
		clock := ivs[0].first
		dep = clock
		for _, x := range ivs[1:] {
			if x.last < clock {
				return 0, 0, false
			}
			day := max(clock, x.first)
			if !gapOK(clock, day) {
				return 0, 0, false
			}
			clock = day
		}
		return dep, clock, true
	}
	clock := ivs[len(ivs)-1].last
	arr = clock
	for k := len(ivs) - 2; k >= 0; k-- {
		x := ivs[k]
		if x.first > clock {
			return 0, 0, false
		}
		day := min(clock, x.last)
		if !gapOK(day, clock) {
			return 0, 0, false
		}
		clock = day
	}
	return clock, arr, true
}

func TestTimeRespectingAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	policies := []string{UndatedStop, UndatedContinue, UndatedReported}
	found := 0
	for trial := 0; trial < 4000; trial++ {
		g := randomGraph(r)
		// sources with publication dates for the reported policy
		g.Apply(graph.AddSources{Sources: []graph.Source{{ID: "s1", Published: graph.Date{Year: 2020, Month: 9}}, {ID: "s2", Published: graph.Date{Year: 2021, Month: 6, Day: 2}}}})
		for e := 0; e < g.EdgeCount(); e++ {
			if r.IntN(2) == 0 {
				g.Apply(graph.Set{ID: g.Edge(int32(e)).ID, Field: "date", Value: ""})
			}
		}
		n := g.NodeCount()
		o := TimeOptions{Options: randomOptions(r, n), Undated: policies[r.IntN(3)]}
		o.InDateOrder = false
		if r.IntN(2) == 0 {
			o.Objective = LatestDeparture
		}
		if r.IntN(3) == 0 {
			o.Since = graph.Date{Year: 2020, Month: 7}
		}
		if r.IntN(3) == 0 {
			o.Until = graph.Date{Year: 2021, Month: 6}
		}
		if r.IntN(3) == 0 {
			o.MaxGapDays = []int{0, 30, 200, 400}[r.IntN(4)]
		}
		from, to := int32(r.IntN(n)), int32(r.IntN(n))
		if from == to {
			continue
		}
		maxHops := n
		if o.MaxHops > 0 {
			maxHops = o.MaxHops
		}
		// best by brute force
		bestOK := false
		var bestKey, bestHops int32
		for _, p := range brutePaths(g, o.Options, from, to, maxHops) {
			dep, arr, ok := bruteTimed(g, o, p)
			if !ok {
				continue
			}
			key := arr
			if o.Objective == LatestDeparture {
				key = -dep
			}
			if len(p.Edges) > 0 && noDated(g, o, p) {
				key = -1 << 31
			}
			h := int32(len(p.Edges))
			if !bestOK || key < bestKey || key == bestKey && h < bestHops {
				bestOK, bestKey, bestHops = true, key, h
			}
		}
		s := NewSearcher(g)
		tp, ok, err := s.TimeRespecting(context.Background(), from, to, o)
		if err != nil {
			t.Fatal(err)
		}
		if ok != bestOK {
			t.Fatalf("trial %d: found %v, brute force %v (%+v)", trial, ok, bestOK, o)
		}
		if !ok {
			continue
		}
		found++
		dep, arr, valid := bruteTimed(g, o, tp.Path)
		if !valid || !isPath(g, o.Options, tp.Path, from, to) {
			t.Fatalf("trial %d: %v is not a time-respecting path from %d to %d", trial, tp.Path, from, to)
		}
		key := arr
		if o.Objective == LatestDeparture {
			key = -dep
		}
		if noDated(g, o, tp.Path) {
			key = -1 << 31
		}
		if key != bestKey || int32(len(tp.Edges)) != bestHops {
			t.Fatalf("trial %d (%+v): got key %d in %d hops, brute force %d in %d", trial, o, key, len(tp.Edges), bestKey, bestHops)
		}
	}
	if found < 300 {
		t.Fatalf("only %d trials found a path", found)
	}
}

func noDated(g *graph.Graph, o TimeOptions, p Path) bool {
	rep := reportedDates(g)
	for _, r := range p.Edges {
		if !g.Edge(r).Date.IsZero() || o.Undated == UndatedReported && !rep[r].IsZero() {
			return false
		}
	}
	return true
}

func isPath(g *graph.Graph, o Options, p Path, from, to int32) bool {
	if p.Nodes[0] != from || p.Nodes[len(p.Nodes)-1] != to || len(p.Nodes) != len(p.Edges)+1 {
		return false
	}
	seen := map[int32]bool{}
	for i, r := range p.Edges {
		e := g.Edge(r)
		a, b := p.Nodes[i], p.Nodes[i+1]
		fwd := e.From == a && e.To == b
		back := e.From == b && e.To == a && !o.Directed
		if !fwd && !back || seen[a] || !bruteEdgeOK(g, o, r) {
			return false
		}
		seen[a] = true
	}
	return !seen[to]
}
