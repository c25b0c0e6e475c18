package query

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// clearview is a small hand-built version of the Clearview AI case, with
// parallel relations (CNIL fined Clearview in 2022 and imposed a penalty in
// 2023).
func clearview(t testing.TB) *graph.Graph {
	g := graph.New(0, 0)
	for _, n := range []graph.Node{
		{ID: "cnil", Type: "regulator", Label: "CNIL", Aliases: []string{"Commission nationale de l'informatique et des libertés"}},
		{ID: "clearview-ai", Type: "company", Label: "Clearview AI"},
		{ID: "noyb", Type: "ngo", Label: "noyb", Aliases: []string{"None of Your Business"}},
		{ID: "privacy-international", Type: "ngo", Label: "Privacy International"},
		{ID: "garante", Type: "regulator", Label: "Garante per la protezione dei dati personali", Aliases: []string{"Garante"}},
		{ID: "ico", Type: "regulator", Label: "ICO"},
		{ID: "walmart", Type: "company", Label: "Walmart"},
	} {
		if _, err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	idx := func(id string) int32 { v, _ := g.NodeIndex(id); return v }
	for _, e := range []struct {
		id, from, to, typ, date string
	}{
		{"fine", "cnil", "clearview-ai", "fined", "2022-10-17"},
		{"penalty", "cnil", "clearview-ai", "fined", "2023-05"},
		{"c1", "noyb", "clearview-ai", "complained-against", "2021-05-27"},
		{"c2", "privacy-international", "clearview-ai", "complained-against", "2021-05-27"},
		{"c3", "privacy-international", "cnil", "complained-to", "2021-05"},
		{"f2", "garante", "clearview-ai", "fined", "2022-03"},
		{"f3", "ico", "clearview-ai", "fined", "2022"},
		{"client", "walmart", "clearview-ai", "used", "2020-02"},
		{"stop", "walmart", "clearview-ai", "stopped-using", "2022-11"},
	} {
		d, err := graph.ParseDate(e.date)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := g.AddEdge(graph.Edge{ID: e.id, From: idx(e.from), To: idx(e.to), Type: e.typ, Date: d}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func run(t *testing.T, g *graph.Graph, pattern string, limit int) *Result {
	t.Helper()
	res, err := Run(context.Background(), path.NewSearcher(g), pattern, limit)
	if err != nil {
		t.Fatalf("%s: %v", pattern, err)
	}
	return res
}

func ids(g *graph.Graph, vs []int32) string {
	var b []string
	for _, v := range vs {
		b = append(b, g.Node(v).ID)
	}
	return strings.Join(b, ",")
}

func edgeIDs(g *graph.Graph, rs []int32) string {
	var b []string
	for _, r := range rs {
		b = append(b, g.Edge(r).ID)
	}
	return strings.Join(b, ",")
}

func TestClearviewComplainedAndFined(t *testing.T) {
	g := clearview(t)
	res := run(t, g, `(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`, 0)
	var got []string
	for _, m := range res.Matches {
		if g.Node(m.Nodes["c"]).ID != "clearview-ai" || m.Path.Len() != 2 {
			t.Fatalf("match %+v", m)
		}
		got = append(got, ids(g, m.Path.Nodes)+" "+edgeIDs(g, m.Path.Edges))
	}
	sort.Strings(got)
	want := []string{
		"noyb,clearview-ai,cnil c1,fine", "noyb,clearview-ai,cnil c1,penalty",
		"noyb,clearview-ai,garante c1,f2", "noyb,clearview-ai,ico c1,f3",
		"privacy-international,clearview-ai,cnil c2,fine", "privacy-international,clearview-ai,cnil c2,penalty",
		"privacy-international,clearview-ai,garante c2,f2", "privacy-international,clearview-ai,ico c2,f3",
	}
	if !slices.Equal(got, want) || res.Truncated {
		t.Errorf("got %q (truncated %v), want %q", got, res.Truncated, want)
	}
	// The cap keeps the first matches and says there are more.
	res = run(t, g, `(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`, 3)
	if len(res.Matches) != 3 || !res.Truncated {
		t.Errorf("limit 3: %d matches, truncated %v", len(res.Matches), res.Truncated)
	}
}

func TestClearviewShortest(t *testing.T) {
	g := clearview(t)
	for _, pattern := range []string{
		`SHORTEST 3 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})`,
		// The same through the general matcher (a variable forces it off Yen's path):
		`SHORTEST 3 (a {name:"Privacy International"})-[*..3]-(x)-[*..1]-({name:"Walmart"})`,
	} {
		res := run(t, g, pattern, 0)
		var lens []int
		for _, m := range res.Matches {
			lens = append(lens, m.Path.Len())
			if g.Node(m.Path.Nodes[0]).ID != "privacy-international" || g.Node(m.Path.Nodes[len(m.Path.Nodes)-1]).ID != "walmart" {
				t.Errorf("%s: path %s", pattern, ids(g, m.Path.Nodes))
			}
		}
		if !slices.Equal(lens, []int{2, 2, 3}) || res.Truncated {
			t.Errorf("%s: lengths %v truncated %v, want [2 2 3]", pattern, lens, res.Truncated)
		}
	}
}

func TestNameMatching(t *testing.T) {
	g := clearview(t)
	for _, name := range []string{"CNIL", "cnil", "Commission Nationale de l’Informatique et des Libertes", "COMMISSION NATIONALE DE LINFORMATIQUE ET DES LIBERTÉS"} {
		res := run(t, g, fmt.Sprintf("(x {name:%q})", name), 0)
		if len(res.Matches) != 1 || g.Node(res.Matches[0].Nodes["x"]).ID != "cnil" {
			t.Errorf("name %q: %+v", name, res.Matches)
		}
	}
	res := run(t, g, `(x {id:"garante"})<-[r]-()`, 0)
	if len(res.Matches) != 0 {
		t.Errorf("garante has no incoming relation, got %+v", res.Matches)
	}
	res = run(t, g, `(x {id:"garante"})-[r]->(y)`, 0)
	if len(res.Matches) != 1 || edgeIDs(g, res.Matches[0].Rels["r"]) != "f2" || g.Node(res.Matches[0].Nodes["y"]).ID != "clearview-ai" {
		t.Errorf("garante's relation: %+v", res.Matches)
	}
}

func TestCompileErrors(t *testing.T) {
	g := clearview(t)
	for _, c := range []struct {
		in  string
		col int
		msg string
	}{
		{"(:compnay)", 3, `no entity has type "compnay"`},
		{"(a)-[:fined|fine]->(b)", 13, `no relation has type "fine"`},
		{`({name:"Walmat"})`, 3, `no entity is named "Walmat"`},
		{`(a)--({id:"nope"})`, 8, `no entity has id "nope"`},
	} {
		_, err := Run(context.Background(), path.NewSearcher(g), c.in, 0)
		var e *Error
		if !errors.As(err, &e) || e.Col != c.col || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("%s: %v, want %q at column %d", c.in, err, c.msg, c.col)
		}
	}
	// Types match ignoring case.
	if res := run(t, g, "(:NGO)", 0); len(res.Matches) != 2 {
		t.Errorf("(:NGO) gave %d matches", len(res.Matches))
	}
}

func TestRepeatedVariableIsACycle(t *testing.T) {
	g := clearview(t)
	// CNIL -> Clearview twice, over different relations, back to CNIL.
	res := run(t, g, `(a {id:"cnil"})-[:fined]->(b)<-[:fined]-(a)`, 0)
	if len(res.Matches) != 2 {
		t.Fatalf("got %d matches, want 2 (fine then penalty, penalty then fine)", len(res.Matches))
	}
	for _, m := range res.Matches {
		if m.Path.Nodes[0] != m.Path.Nodes[2] || m.Path.Edges[0] == m.Path.Edges[1] {
			t.Errorf("match %v", m.Path)
		}
	}
}

func TestDeadline(t *testing.T) {
	// A dense graph where an unconstrained pattern has astronomically many
	// matches: the run must stop at the deadline and say so.
	g := graph.New(0, 0)
	for i := 0; i < 60; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for i := int32(0); i < 60; i++ {
		for j := int32(0); j < 60; j++ {
			if i != j {
				g.AddEdge(graph.Edge{From: i, To: j, Type: "r"})
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	res, err := Run(ctx, path.NewSearcher(g), "(a)-[*..8]-(b)", 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 2*time.Second || !res.TimedOut || !res.Truncated {
		t.Errorf("took %v, timed out %v, truncated %v", el, res.TimedOut, res.Truncated)
	}
}

// Property test: the matcher against brute force on random graphs and
// patterns.

var (
	qRelTypes  = []string{"a", "b"}
	qNodeTypes = []string{"x", "y"}
)

func randomGraph(r *rand.Rand) *graph.Graph {
	n := 2 + r.IntN(5)
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: qNodeTypes[r.IntN(2)], Label: []string{"Alpha", "ÁLPHA", "beta"}[r.IntN(3)]})
	}
	for j := r.IntN(3 * n); j > 0; j-- {
		g.AddEdge(graph.Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: qRelTypes[r.IntN(2)]})
	}
	return g
}

func randomPattern(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "SHORTEST %d ", 1+r.IntN(4))
	}
	k := r.IntN(3)
	for i := 0; i <= k; i++ {
		if i > 0 {
			left, right := "-", "-"
			switch r.IntN(3) {
			case 0:
				right = "->"
			case 1:
				left = "<-"
			}
			body := ""
			if r.IntN(2) == 0 {
				body = ":" + qRelTypes[r.IntN(2)]
			}
			if r.IntN(2) == 0 {
				lo := 1 + r.IntN(2)
				body += fmt.Sprintf("*%d..%d", lo, lo+r.IntN(3))
			}
			b.WriteString(left + "[" + body + "]" + right)
		}
		fmt.Fprintf(&b, "(v%d", i)
		if r.IntN(3) == 0 {
			b.WriteString(":" + qNodeTypes[r.IntN(2)])
		}
		if r.IntN(4) == 0 {
			b.WriteString(` {name:"alpha"}`)
		}
		b.WriteString(")")
	}
	return b.String()
}

// bruteMatches lists every match of q in g as "path edges | bound nodes",
// by trying every simple path and every way of cutting it into hops.
func bruteMatches(g *graph.Graph, q *Query) map[string]int {
	out := map[string]int{}
	maxTotal := 0
	for _, r := range q.Rels {
		maxTotal += r.Max
	}
	nodeOK := func(i int, v int32) bool {
		n := q.Nodes[i]
		if n.Type != "" && g.Node(v).Type != n.Type {
			return false
		}
		for _, p := range n.Props {
			if graph.Fold(g.Node(v).Label) != graph.Fold(p.Value) {
				return false
			}
		}
		return true
	}
	// check tries to cut path (nodes, edges) into the pattern's hops.
	var check func(nodes, edges []int32, rel, at int, bound []int32)
	check = func(nodes, edges []int32, rel, at int, bound []int32) {
		if rel == len(q.Rels) {
			if at == len(edges) {
				out[fmt.Sprint(edges, bound)] = len(edges)
			}
			return
		}
		rp := q.Rels[rel]
		for l := rp.Min; l <= rp.Max && at+l <= len(edges); l++ {
			ok := true
			for h := at; h < at+l; h++ {
				e := g.Edge(edges[h])
				if len(rp.Types) > 0 && !slices.Contains(rp.Types, e.Type) {
					ok = false
				}
				fwd := e.From == nodes[h]
				if (rp.Dir == Right && !fwd) || (rp.Dir == Left && fwd) {
					ok = false
				}
			}
			if ok && nodeOK(rel+1, nodes[at+l]) {
				check(nodes, edges, rel+1, at+l, append(slices.Clone(bound), nodes[at+l]))
			}
		}
	}
	for s := int32(0); s < int32(g.NodeCount()); s++ {
		if !nodeOK(0, s) {
			continue
		}
		nodes, edges := []int32{s}, []int32{}
		var walk func(u int32)
		walk = func(u int32) {
			check(nodes, edges, 0, 0, []int32{s})
			if len(edges) == maxTotal {
				return
			}
			step := func(r, v int32) {
				if slices.Contains(nodes, v) {
					return
				}
				nodes, edges = append(nodes, v), append(edges, r)
				walk(v)
				nodes, edges = nodes[:len(nodes)-1], edges[:len(edges)-1]
			}
			for _, r := range g.Out(u) {
				step(r, g.Edge(r).To)
			}
			for _, r := range g.In(u) {
				step(r, g.Edge(r).From)
			}
		}
		walk(s)
	}
	return out
}

func TestMatchAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 3000; iter++ {
		g := randomGraph(r)
		pattern := randomPattern(r)
		q, err := Parse(pattern)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteMatches(g, q)
		var wantLens []int
		for _, l := range want {
			wantLens = append(wantLens, l)
		}
		sort.Ints(wantLens)
		p, err := Compile(q, g)
		if err != nil {
			// Only a name or type that the graph lacks.
			if !strings.Contains(err.Error(), "no entity") && !strings.Contains(err.Error(), "no relation") {
				t.Fatalf("%s: %v", pattern, err)
			}
			continue
		}
		limit := len(want) + 1
		if r.IntN(4) == 0 {
			limit = 1 + r.IntN(3)
		}
		res, err := p.Run(context.Background(), path.NewSearcher(g), limit)
		if err != nil {
			t.Fatal(err)
		}
		var gotLens []int
		for _, m := range res.Matches {
			bound := make([]int32, len(q.Nodes))
			for i := range q.Nodes {
				bound[i] = m.Nodes[fmt.Sprint("v", i)]
			}
			key := fmt.Sprint(m.Path.Edges, bound)
			if _, ok := want[key]; !ok {
				t.Fatalf("graph %d %s: match %s is not one", iter, pattern, key)
			}
			gotLens = append(gotLens, m.Path.Len())
		}
		n := min(limit, len(want))
		if q.Shortest {
			n = min(n, q.K)
		}
		if len(res.Matches) != n || !slices.Equal(gotLens, wantLens[:n]) {
			t.Fatalf("graph %d %s limit %d: lengths %v, want the first %d of %v", iter, pattern, limit, gotLens, n, wantLens)
		}
		if wantTrunc := !q.Shortest && len(want) > limit; res.Truncated != wantTrunc {
			t.Fatalf("graph %d %s: truncated %v, want %v", iter, pattern, res.Truncated, wantTrunc)
		}
	}
}
