package path

import (
	"github.com/linkscope/linkscope/graph"

	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// tripCtx is a context that ends at its n-th poll (the n-th call of Done),
// so that cancellation tests stop a search at a known point without timers.
// polls counts the calls, also those after it has ended.
type tripCtx struct {
	context.Context
	n, polls int
	open     chan struct{}
	closed   chan struct{}
}

func newTripCtx(n int) *tripCtx {
	c := &tripCtx{Context: context.Background(), n: n, open: make(chan struct{}), closed: make(chan struct{})}
	close(c.closed)
	return c
}

func (c *tripCtx) Done() <-chan struct{} {
	c.polls++
	if c.polls >= c.n {
		return c.closed
	}
	return c.open
}

func (c *tripCtx) Err() error {
	if c.polls >= c.n {
		return context.Canceled
	}
	return nil
}

// grid returns a w×h grid graph, node i*w+j joined to its right and lower
// neighbours: breadth-first searches across it look at every relation.
func grid(w, h int) *graph.Graph {
	g := graph.New(w*h, 2*w*h)
	for i := 0; i < w*h; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	for i := 0; i < h; i++ {
		for j := 0; j < w; j++ {
			v := int32(i*w + j)
			if j+1 < w {
				g.AddEdge(graph.Edge{From: v, To: v + 1, Type: "r"})
			}
			if i+1 < h {
				g.AddEdge(graph.Edge{From: v, To: v + int32(w), Type: "r"})
			}
		}
	}
	return g
}

func canceledCtx() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// Every search returns at once, with ctx's error or a timed-out answer,
// when its context has already ended, even on a graph where it would
// finish before its first poll.
func TestSearchesCanceledContext(t *testing.T) {
	g, idx := pathCase(t)
	s := NewSearcher(g)
	ctx := canceledCtx()
	from, to := idx("noyb"), idx("walmart")
	for _, opt := range []Options{{}, {InDateOrder: true}} {
		if _, ok, err := s.Shortest(ctx, from, to, opt); ok || !errors.Is(err, context.Canceled) {
			t.Errorf("Shortest %+v: ok %v, err %v", opt, ok, err)
		}
	}
	if ps, err := s.KShortest(ctx, from, to, 3, Options{}); len(ps) != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("KShortest: %d paths, err %v", len(ps), err)
	}
	set, err := s.AllPaths(ctx, from, to, Options{}, 0)
	if err != nil || len(set.Paths) != 0 || !set.TimedOut || !set.Truncated {
		t.Errorf("AllPaths: %+v, err %v", set, err)
	}
	visits := 0
	if err := s.Walk(ctx, from, WalkSpec{}, func(Path) bool { visits++; return true }); !errors.Is(err, context.Canceled) || visits != 0 {
		t.Errorf("Walk: %d visits, err %v", visits, err)
	}
	nb, err := s.Neighborhood(ctx, []int32{from}, 3, Options{}, 0)
	if !errors.Is(err, context.Canceled) || !nb.Truncated || len(nb.Nodes) != 0 {
		t.Errorf("Neighborhood: %d nodes, truncated %v, err %v", len(nb.Nodes), nb.Truncated, err)
	}
	// The same searches with a live context succeed (the fixture is sound).
	if _, ok, err := s.Shortest(context.Background(), from, to, Options{}); !ok || err != nil {
		t.Fatalf("Shortest: ok %v, err %v", ok, err)
	}
}

// A search stopped by its context part-way returns within one poll
// interval of the context ending.
func TestSearchesStopAtPoll(t *testing.T) {
	g := grid(100, 100) // 19,800 relations
	s := NewSearcher(g)
	far := int32(100*100 - 1)
	for _, opt := range []Options{{}, {InDateOrder: true}} {
		// The full search looks at more than 3 polls' worth of relations.
		if _, ok, err := s.Shortest(context.Background(), 0, far, opt); !ok || err != nil {
			t.Fatalf("Shortest %+v: ok %v, err %v", opt, ok, err)
		}
		ctx := newTripCtx(3)
		if _, ok, err := s.Shortest(ctx, 0, far, opt); ok || !errors.Is(err, context.Canceled) || ctx.polls != 3 {
			t.Errorf("Shortest %+v: ok %v, err %v after %d polls, want 3", opt, ok, err, ctx.polls)
		}
	}
	ctx := newTripCtx(3)
	nb, err := s.Neighborhood(ctx, []int32{0}, 1000, Options{}, 0)
	if !errors.Is(err, context.Canceled) || !nb.Truncated || ctx.polls != 3 {
		t.Errorf("Neighborhood: err %v, truncated %v after %d polls", err, nb.Truncated, ctx.polls)
	}
	if n := len(nb.Nodes); n == 0 || n >= g.NodeCount() || len(nb.Depth) != n || len(nb.Via) != n {
		t.Errorf("Neighborhood: %d nodes so far (%d depths, %d vias)", n, len(nb.Depth), len(nb.Via))
	}
	for _, r := range nb.Edges { // relations among the nodes reached so far
		e := g.Edge(r)
		if !slices.Contains(nb.Nodes, e.From) || !slices.Contains(nb.Nodes, e.To) {
			t.Fatalf("Neighborhood: relation %d leaves the nodes reached", r)
		}
	}

	d := dense(60)
	s = NewSearcher(d)
	ctx = newTripCtx(4)
	set, err := s.AllPaths(ctx, 0, 1, Options{MaxHops: 8}, 1<<30)
	if err != nil || !set.TimedOut || !set.Truncated || set.Full || ctx.polls != 4 {
		t.Errorf("AllPaths: err %v, timed out %v, truncated %v, full %v after %d polls", err, set.TimedOut, set.Truncated, set.Full, ctx.polls)
	}
	// What it found is the beginning of the full answer, shortest first.
	want, _ := s.AllPaths(context.Background(), 0, 1, Options{MaxHops: 8}, len(set.Paths))
	if len(set.Paths) == 0 || !samePaths(set.Paths, want.Paths) {
		t.Errorf("AllPaths: %d paths so far, not the first ones", len(set.Paths))
	}
	ctx = newTripCtx(2)
	ps, err := s.KShortest(ctx, 0, 1, 1<<20, Options{})
	if !errors.Is(err, context.Canceled) || ctx.polls != 2 {
		t.Errorf("KShortest: err %v after %d polls", err, ctx.polls)
	}
	if wantK, _ := s.KShortest(context.Background(), 0, 1, len(ps), Options{}); !samePaths(ps, wantK) {
		t.Errorf("KShortest: %d paths so far, not the first ones", len(ps))
	}
}

// Cancelling from within Walk's callback stops the walk at once.
func TestWalkCanceledFromVisit(t *testing.T) {
	s := NewSearcher(dense(30))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	visits, after := 0, 0
	err := s.Walk(ctx, 0, WalkSpec{Options: Options{MaxHops: 6}}, func(Path) bool {
		visits++
		if visits == 100 {
			cancel()
		}
		if visits > 100 {
			after++
		}
		return true
	})
	// the walk polls every pollEvery relations, and visits at most one
	// path per relation
	if !errors.Is(err, context.Canceled) || after > pollEvery {
		t.Errorf("Walk: err %v, %d visits after the cancel", err, after)
	}
}

func samePaths(a, b []Path) bool {
	return slices.EqualFunc(a, b, func(p, q Path) bool {
		return slices.Equal(p.Nodes, q.Nodes) && slices.Equal(p.Edges, q.Edges)
	})
}

// AllPaths and KShortest stop at the store limit and keep the beginning of
// the answer.
func TestStoreLimit(t *testing.T) {
	s := NewSearcher(dense(30))
	opt := Options{MaxHops: 4, StoreLimit: 100000}
	set, err := s.AllPaths(context.Background(), 0, 1, opt, 1<<30)
	if err != nil || !set.Full || !set.Truncated || set.TimedOut {
		t.Fatalf("AllPaths: err %v, full %v, truncated %v, timed out %v", err, set.Full, set.Truncated, set.TimedOut)
	}
	var stored int64
	for _, p := range set.Paths {
		stored += StoredSize(p)
	}
	if stored > 100000 || stored+StoredSize(Path{Nodes: make([]int32, 5), Edges: make([]int32, 4)}) <= 100000 {
		t.Errorf("AllPaths kept %d int32s of %d allowed", stored, 100000)
	}
	want, _ := s.AllPaths(context.Background(), 0, 1, Options{MaxHops: 4}, len(set.Paths))
	if !samePaths(set.Paths, want.Paths) {
		t.Errorf("AllPaths: the %d paths kept are not the first ones", len(set.Paths))
	}
	// Stored copies do not share room: appending to one leaves the next.
	p0, p1 := set.Paths[0], slices.Clone(set.Paths[1].Nodes)
	_ = append(p0.Nodes, -1)
	_ = append(p0.Edges, -1)
	if !slices.Equal(set.Paths[1].Nodes, p1) {
		t.Error("appending to a stored path overwrote the next one")
	}
	// No bound.
	opt.StoreLimit = -1
	if set, _ := s.AllPaths(context.Background(), 0, 1, opt, 5000); set.Full || len(set.Paths) != 5000 {
		t.Errorf("no store limit: full %v, %d paths", set.Full, len(set.Paths))
	}

	ps, err := s.KShortest(context.Background(), 0, 1, 1<<20, Options{MaxHops: 3, StoreLimit: 5000})
	if !errors.Is(err, ErrStoreFull) || len(ps) == 0 {
		t.Fatalf("KShortest: %d paths, err %v", len(ps), err)
	}
	if wantK, _ := s.KShortest(context.Background(), 0, 1, len(ps), Options{MaxHops: 3}); !samePaths(ps, wantK) {
		t.Errorf("KShortest: the %d paths kept are not the first ones", len(ps))
	}
}
