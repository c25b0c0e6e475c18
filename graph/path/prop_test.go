package path

import (
	"github.com/linkscope/linkscope/graph"

	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// Property tests: every search against brute force on many random small
// multigraphs (parallel relations, self-loops, dates of all precisions).

var (
	propRelTypes  = []string{"a", "b", "c"}
	propNodeTypes = []string{"x", "y", "z"}
	propDates     = []graph.Date{{}, {Year: 2020, Month: 0, Day: 0}, {Year: 2020, Month: 6, Day: 0}, {Year: 2020, Month: 6, Day: 15}, {Year: 2021, Month: 0, Day: 0}, {Year: 2021, Month: 3, Day: 0}, {Year: 2021, Month: 3, Day: 1}, {Year: 2021, Month: 12, Day: 31}, {Year: 2022, Month: 0, Day: 0}}
)

func randomGraph(r *rand.Rand) *graph.Graph {
	n := 2 + r.IntN(6)
	m := r.IntN(3 * n)
	g := graph.New(n, m)
	for i := 0; i < n; i++ {
		if _, err := g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: propNodeTypes[r.IntN(3)]}); err != nil {
			panic(err)
		}
	}
	for j := 0; j < m; j++ {
		e := graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: propRelTypes[r.IntN(3)]}
		if r.IntN(2) == 0 {
			e.Date = propDates[r.IntN(len(propDates))]
		}
		if r.IntN(6) == 0 && j > 0 { // a parallel relation
			prev := g.Edge(int32(j - 1))
			e.From, e.To = prev.From, prev.To
		}
		if _, err := g.AddEdge(e); err != nil {
			panic(err)
		}
	}
	return g
}

func randomOptions(r *rand.Rand, n int) Options {
	var o Options
	o.Directed = r.IntN(2) == 0
	o.InDateOrder = r.IntN(3) == 0
	if r.IntN(3) == 0 {
		for _, t := range propRelTypes {
			if r.IntN(2) == 0 {
				o.RelTypes = append(o.RelTypes, t)
			}
		}
		if len(o.RelTypes) == 0 {
			o.RelTypes = []string{"nosuchtype"}
		}
	}
	if r.IntN(4) == 0 {
		o.ExcludeNodeTypes = []string{propNodeTypes[r.IntN(3)]}
	}
	if r.IntN(4) == 0 {
		o.ExcludeNodes = []int32{int32(r.IntN(n))}
	}
	if r.IntN(2) == 0 {
		o.MaxHops = 1 + r.IntN(5)
	}
	return o
}

// bruteEdgeOK and bruteNodeOK restate the options' filters plainly.
func bruteEdgeOK(g *graph.Graph, o Options, r int32) bool {
	return len(o.RelTypes) == 0 || slices.Contains(o.RelTypes, g.Edge(r).Type)
}

func bruteNodeOK(g *graph.Graph, o Options, v int32) bool {
	return !slices.Contains(o.ExcludeNodeTypes, g.Node(v).Type) && !slices.Contains(o.ExcludeNodes, v)
}

// bruteDated checks the date rule as "no dated relation ends before an
// earlier dated relation begins", pairwise: an independent statement of
// "one can pick non-decreasing days".
func bruteDated(g *graph.Graph, edges []int32) bool {
	for i, a := range edges {
		for _, b := range edges[i+1:] {
			da, db := g.Edge(a).Date, g.Edge(b).Date
			if !da.IsZero() && !db.IsZero() && da.First() > db.Last() {
				return false
			}
		}
	}
	return true
}

// bruteWalks enumerates every simple path from s of 1..maxHops relations
// under o (exclusions apply to nodes after the first and before the last),
// by exhaustive search over the raw relation lists.
func bruteWalks(g *graph.Graph, o Options, s int32, maxHops int, emit func(Path)) {
	nodes, edges := []int32{s}, []int32{}
	var rec func(u int32)
	rec = func(u int32) {
		if len(edges) == maxHops {
			return
		}
		try := func(r, v int32) {
			if slices.Contains(nodes, v) || !bruteEdgeOK(g, o, r) {
				return
			}
			nodes, edges = append(nodes, v), append(edges, r)
			if !o.InDateOrder || bruteDated(g, edges) {
				emit(Path{Nodes: slices.Clone(nodes), Edges: slices.Clone(edges)})
				if bruteNodeOK(g, o, v) {
					rec(v)
				}
			}
			nodes, edges = nodes[:len(nodes)-1], edges[:len(edges)-1]
		}
		for _, r := range g.Out(u) {
			try(r, g.Edge(r).To)
		}
		if !o.Directed {
			for _, r := range g.In(u) {
				try(r, g.Edge(r).From)
			}
		}
	}
	rec(s)
}

// brutePaths returns all simple paths from s to t under o, sorted by
// length then relations.
func brutePaths(g *graph.Graph, o Options, s, t int32, maxHops int) []Path {
	if s == t {
		return []Path{{Nodes: []int32{s}}}
	}
	var out []Path
	bruteWalks(g, o, s, maxHops, func(p Path) {
		if p.Nodes[len(p.Nodes)-1] == t {
			out = append(out, p)
		}
	})
	sort.Slice(out, func(i, j int) bool { return lessPath(out[i], out[j]) })
	return out
}

// plainBFS is the textbook BFS distance (no dates), -1 when unreachable.
func plainBFS(g *graph.Graph, o Options, s, t int32) int {
	dist := map[int32]int{s: 0}
	q := []int32{s}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		if u == t {
			return dist[u]
		}
		if u != s && !bruteNodeOK(g, o, u) {
			continue
		}
		var next []int32
		for _, r := range g.Out(u) {
			if bruteEdgeOK(g, o, r) {
				next = append(next, g.Edge(r).To)
			}
		}
		if !o.Directed {
			for _, r := range g.In(u) {
				if bruteEdgeOK(g, o, r) {
					next = append(next, g.Edge(r).From)
				}
			}
		}
		for _, v := range next {
			if _, ok := dist[v]; !ok {
				dist[v] = dist[u] + 1
				q = append(q, v)
			}
		}
	}
	return -1
}

// checkPath verifies that p is a simple path from s to t obeying o.
func checkPath(t *testing.T, g *graph.Graph, o Options, p Path, s, e int32) {
	t.Helper()
	if len(p.Nodes) != len(p.Edges)+1 || p.Nodes[0] != s || p.Nodes[len(p.Nodes)-1] != e {
		t.Fatalf("path %v does not run from %d to %d", p, s, e)
	}
	for i, r := range p.Edges {
		ed := g.Edge(r)
		a, b := p.Nodes[i], p.Nodes[i+1]
		fwd := ed.From == a && ed.To == b
		if !fwd && (o.Directed || ed.From != b || ed.To != a) {
			t.Fatalf("path %v: relation %d does not join %d to %d", p, r, a, b)
		}
		if !bruteEdgeOK(g, o, r) {
			t.Fatalf("path %v takes relation %d of a filtered type", p, r)
		}
		if i > 0 && !bruteNodeOK(g, o, a) {
			t.Fatalf("path %v passes through excluded node %d", p, a)
		}
	}
	seen := map[int32]bool{}
	for _, v := range p.Nodes {
		if seen[v] {
			t.Fatalf("path %v is not simple", p)
		}
		seen[v] = true
	}
	if o.InDateOrder && !bruteDated(g, p.Edges) {
		t.Fatalf("path %v is not in date order", p)
	}
	if o.InDateOrder && !DateOrdered(g, p) {
		t.Fatalf("DateOrdered disagrees on %v", p)
	}
}

func lengths(ps []Path) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.Len()
	}
	return out
}

func hopsOr(maxHops, def int) int {
	if maxHops <= 0 {
		return def
	}
	return maxHops
}

func TestPathsAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	for iter := 0; iter < 3000; iter++ {
		g := randomGraph(r)
		s := NewSearcher(g)
		n := g.NodeCount()
		for q := 0; q < 4; q++ {
			o := randomOptions(r, n)
			from, to := int32(r.IntN(n)), int32(r.IntN(n))
			ctxt := fmt.Sprintf("graph %d query %d: %+v from %d to %d", iter, q, o, from, to)
			all := brutePaths(g, o, from, to, hopsOr(o.MaxHops, n))

			p, ok, _ := s.Shortest(context.Background(), from, to, o)
			if ok != (len(all) > 0) {
				t.Fatalf("%s: Shortest found=%v, brute force has %d paths", ctxt, ok, len(all))
			}
			if ok {
				checkPath(t, g, o, p, from, to)
				if p.Len() != all[0].Len() {
					t.Fatalf("%s: Shortest length %d, brute force %d", ctxt, p.Len(), all[0].Len())
				}
			}
			if !o.InDateOrder {
				d := plainBFS(g, o, from, to)
				if o.MaxHops > 0 && d > o.MaxHops {
					d = -1
				}
				if got := map[bool]int{true: p.Len(), false: -1}[ok]; got != d {
					t.Fatalf("%s: Shortest length %d, plain BFS %d", ctxt, got, d)
				}
			}

			k := 1 + r.IntN(6)
			ks, err := s.KShortest(ctx, from, to, k, o)
			if err != nil {
				t.Fatal(err)
			}
			want := lengths(all[:min(k, len(all))])
			if !slices.Equal(lengths(ks), want) {
				t.Fatalf("%s: KShortest(%d) lengths %v, want %v", ctxt, k, lengths(ks), want)
			}
			keys := map[string]bool{}
			for _, p := range ks {
				checkPath(t, g, o, p, from, to)
				if keys[pathKey(p)] {
					t.Fatalf("%s: KShortest repeats %v", ctxt, p)
				}
				keys[pathKey(p)] = true
			}

			ao := o
			allHops := hopsOr(o.MaxHops, DefaultAllPathsHops)
			want2 := brutePaths(g, o, from, to, allHops)
			limit := len(want2) + 1
			if r.IntN(3) == 0 {
				limit = 1 + r.IntN(3)
			}
			set, err := s.AllPaths(ctx, from, to, ao, limit)
			if err != nil {
				t.Fatal(err)
			}
			if set.Truncated != (len(want2) > limit) || len(set.Paths) != min(limit, len(want2)) {
				t.Fatalf("%s: AllPaths(limit %d) gave %d truncated=%v, brute force %d", ctxt, limit, len(set.Paths), set.Truncated, len(want2))
			}
			if !slices.Equal(lengths(set.Paths), lengths(want2[:len(set.Paths)])) {
				t.Fatalf("%s: AllPaths lengths %v, want prefix of %v", ctxt, lengths(set.Paths), lengths(want2))
			}
			got := map[string]bool{}
			for _, p := range set.Paths {
				checkPath(t, g, o, p, from, to)
				got[pathKey(p)] = true
			}
			if len(got) != len(set.Paths) {
				t.Fatalf("%s: AllPaths repeats a path", ctxt)
			}
			if !set.Truncated {
				for _, p := range want2 {
					if !got[pathKey(p)] {
						t.Fatalf("%s: AllPaths misses %v", ctxt, p)
					}
				}
			}
		}
	}
}

func TestWalkAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ctx := context.Background()
	for iter := 0; iter < 2000; iter++ {
		g := randomGraph(r)
		s := NewSearcher(g)
		n := g.NodeCount()
		o := randomOptions(r, n)
		o.MaxHops = 1 + r.IntN(4)
		minHops := 1 + r.IntN(o.MaxHops)
		from := int32(r.IntN(n))
		endType := propNodeTypes[r.IntN(3)]
		avoid := int32(r.IntN(n))
		end := func(v int32) bool { return g.Node(v).Type == endType }
		spec := WalkSpec{Options: o, MinHops: minHops, End: end, Avoid: func(v int32) bool { return v == avoid }}
		var targets []int32
		for v := int32(0); v < int32(n); v++ {
			if end(v) {
				targets = append(targets, v)
			}
		}
		if r.IntN(2) == 0 {
			spec.Reach = s.NewReach(targets, o, false, o.MaxHops)
		}
		want := map[string]bool{}
		bo := o
		bo.ExcludeNodes = append(slices.Clone(o.ExcludeNodes), avoid)
		bruteWalks(g, bo, from, o.MaxHops, func(p Path) {
			if p.Len() >= minHops && end(p.Nodes[len(p.Nodes)-1]) {
				want[pathKey(p)] = true
			}
		})
		got := map[string]bool{}
		err := s.Walk(ctx, from, spec, func(p Path) bool {
			checkPath(t, g, bo, p, from, p.Nodes[len(p.Nodes)-1])
			if got[pathKey(p)] {
				t.Fatalf("Walk repeats %v", p)
			}
			got[pathKey(p)] = true
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("graph %d: %+v min %d end %s: Walk found %d paths, brute force %d", iter, o, minHops, endType, len(got), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Fatalf("graph %d: Walk misses a path", iter)
			}
		}
	}
}

func TestNeighborhoodAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 2000; iter++ {
		g := randomGraph(r)
		s := NewSearcher(g)
		n := g.NodeCount()
		o := randomOptions(r, n)
		start := int32(r.IntN(n))
		depth := r.IntN(4)
		// Brute force: BFS by hop count over raw lists.
		dist := map[int32]int{start: 0}
		for d := 1; d <= depth; d++ {
			for u, du := range dist {
				if du != d-1 {
					continue
				}
				for r := int32(0); r < int32(g.EdgeCount()); r++ {
					e := g.Edge(r)
					var v int32 = -1
					if e.From == u {
						v = e.To
					} else if e.To == u && !o.Directed {
						v = e.From
					}
					if v < 0 || !bruteEdgeOK(g, o, r) || !bruteNodeOK(g, o, v) {
						continue
					}
					if _, ok := dist[v]; !ok {
						dist[v] = d
					}
				}
			}
		}
		nb, _ := s.Neighborhood(context.Background(), []int32{start}, depth, o, 0)
		if len(nb.Nodes) != len(dist) || nb.Truncated {
			t.Fatalf("graph %d: %+v depth %d: %d nodes, brute force %d", iter, o, depth, len(nb.Nodes), len(dist))
		}
		for i, v := range nb.Nodes {
			if d, ok := dist[v]; !ok || d != nb.Depth[i] {
				t.Fatalf("graph %d: node %d at depth %d, brute force %d (%v)", iter, v, nb.Depth[i], d, ok)
			}
			if nb.Depth[i] > 0 {
				e := g.Edge(nb.Via[i])
				if e.From != v && e.To != v {
					t.Fatalf("graph %d: node %d reached by a relation not touching it", iter, v)
				}
			}
		}
		var induced []int32
		for r := int32(0); r < int32(g.EdgeCount()); r++ {
			e := g.Edge(r)
			_, a := dist[e.From]
			_, b := dist[e.To]
			if a && b && bruteEdgeOK(g, o, r) {
				induced = append(induced, r)
			}
		}
		if !slices.Equal(nb.Edges, induced) {
			t.Fatalf("graph %d: edges %v, want %v", iter, nb.Edges, induced)
		}
		if lim := 1 + r.IntN(3); lim < len(dist) {
			nb, _ := s.Neighborhood(context.Background(), []int32{start}, depth, o, lim)
			if !nb.Truncated || len(nb.Nodes) != lim {
				t.Fatalf("graph %d: limit %d gave %d nodes, truncated %v", iter, lim, len(nb.Nodes), nb.Truncated)
			}
		}
	}
}
