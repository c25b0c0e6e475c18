package query

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// complete returns the complete directed graph on n entities.
func complete(n int) *graph.Graph {
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

func plan(t *testing.T, g *graph.Graph, pattern string) *Plan {
	t.Helper()
	q, err := Parse(pattern)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(q, g)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunCanceledContext(t *testing.T) {
	g := complete(60)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, pat := range []string{"(a)-[*..8]-(b)", "(a)", `SHORTEST 2 ({id:"0"})-[*..8]-({id:"1"})`} {
		res, err := plan(t, g, pat).RunWith(ctx, path.NewSearcher(g), RunOptions{Limit: 1 << 30})
		if err != nil || !res.TimedOut || !res.Truncated || len(res.Matches) != 0 {
			t.Errorf("%s: err %v, timed out %v, truncated %v, %d matches", pat, err, res.TimedOut, res.Truncated, len(res.Matches))
		}
	}
}

// Cancelling from the progress callback stops the run before the next
// unit of work; the matches found so far are kept.
func TestRunCanceledFromProgress(t *testing.T) {
	g := complete(60)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls, last := 0, [2]int{}
	res, err := plan(t, g, "(a)-[]->(b)").RunWith(ctx, path.NewSearcher(g), RunOptions{
		Limit: 1 << 30,
		Progress: func(done, total int) {
			calls++
			last = [2]int{done, total}
			if done == 10 {
				cancel()
			}
		},
	})
	if err != nil || !res.TimedOut || !res.Truncated {
		t.Fatalf("err %v, timed out %v, truncated %v", err, res.TimedOut, res.Truncated)
	}
	// one unit per anchor, each anchor with 59 matches
	if calls != 10 || last != [2]int{10, 60} || len(res.Matches) != 10*59 {
		t.Errorf("%d progress calls, last %v, %d matches; want 10, [10 60], 590", calls, last, len(res.Matches))
	}

	// SHORTEST k between typed ends: one unit per pair of ends.
	cv := clearview(t)
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	calls = 0
	res, err = plan(t, cv, "SHORTEST 5 (:ngo)-[*..3]-(:regulator)").RunWith(ctx2, path.NewSearcher(cv), RunOptions{
		Progress: func(done, total int) {
			calls++
			last = [2]int{done, total}
			cancel2()
		},
	})
	if err != nil || !res.TimedOut || calls != 1 || last != [2]int{1, 6} || len(res.Matches) == 0 {
		t.Errorf("SHORTEST: err %v, timed out %v, %d calls, last %v, %d matches", err, res.TimedOut, calls, last, len(res.Matches))
	}
}

// A complete run reports progress up to its total, in order, and is not
// marked as stopped.
func TestRunProgressComplete(t *testing.T) {
	g := clearview(t)
	for _, pat := range []string{
		"(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)",
		"(a)-[*..3]-(b)",
		"SHORTEST 5 (:ngo)-[*..3]-(:regulator)",
	} {
		var seen [][2]int
		res, err := plan(t, g, pat).RunWith(context.Background(), path.NewSearcher(g), RunOptions{
			Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) },
		})
		if err != nil || res.TimedOut || res.Full {
			t.Fatalf("%s: err %v, timed out %v, full %v", pat, err, res.TimedOut, res.Full)
		}
		if len(seen) == 0 {
			t.Fatalf("%s: no progress", pat)
		}
		for i, s := range seen {
			if s[0] != i+1 || s[1] != seen[0][1] {
				t.Fatalf("%s: progress %v", pat, seen)
			}
		}
		if l := seen[len(seen)-1]; l[0] != l[1] {
			t.Errorf("%s: progress ends at %v", pat, l)
		}
		want := run(t, g, pat, 0)
		if len(res.Matches) != len(want.Matches) {
			t.Errorf("%s: %d matches with progress, %d without", pat, len(res.Matches), len(want.Matches))
		}
	}
}

func TestRunStoreLimit(t *testing.T) {
	g := complete(30)
	p := plan(t, g, "(a)-[*..3]-(b)")
	res, err := p.RunWith(context.Background(), path.NewSearcher(g), RunOptions{Limit: 1 << 30, StoreLimit: 20000})
	if err != nil || !res.Full || !res.Truncated || res.TimedOut || len(res.Matches) == 0 {
		t.Fatalf("err %v, full %v, truncated %v, timed out %v, %d matches", err, res.Full, res.Truncated, res.TimedOut, len(res.Matches))
	}
	var stored int64
	for _, m := range res.Matches {
		stored += matchSize(m)
	}
	if stored > 20000 {
		t.Errorf("kept %d int32s of 20000", stored)
	}
	want, _ := p.Run(context.Background(), path.NewSearcher(g), len(res.Matches))
	for i := range want.Matches {
		if !slices.Equal(res.Matches[i].Path.Edges, want.Matches[i].Path.Edges) {
			t.Fatalf("match %d differs from the unbounded run's", i)
		}
	}
	// SHORTEST k through Yen's algorithm is bounded too.
	res, err = plan(t, g, `SHORTEST 1000 ({id:"0"})-[*..3]-({id:"1"})`).RunWith(context.Background(), path.NewSearcher(g), RunOptions{StoreLimit: 2000})
	if err != nil || !res.Full || !res.Truncated || len(res.Matches) == 0 {
		t.Errorf("SHORTEST: err %v, full %v, truncated %v, %d matches", err, res.Full, res.Truncated, len(res.Matches))
	}
}
