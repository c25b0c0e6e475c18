package layout

import (
	"context"
	"errors"
	"testing"
)

func canceledCtx() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// Every layout returns ctx's error at once when its context has ended.
func TestLayoutsCanceledContext(t *testing.T) {
	g := randomGraph(50, 80, 1)
	ctx := canceledCtx()
	f, err := NewFA2(g, FA2Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	before := f.Positions()
	if n, err := f.Run(ctx, 1000); n != 0 || !errors.Is(err, context.Canceled) || !samePoints(before, f.Positions()) || f.Iterations() != 0 {
		t.Errorf("FA2.Run: %d steps, err %v, %d iterations", n, err, f.Iterations())
	}
	if p, err := Circular(ctx, g, CircularOptions{}); p != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Circular: %d positions, err %v", len(p), err)
	}
	calls := 0
	progress := func(int, int) { calls++ }
	if r, err := Radial(ctx, g, RadialOptions{Focus: -1, Progress: progress}); r != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Radial: err %v", err)
	}
	if r, err := Layered(ctx, g, LayeredOptions{Progress: progress}); r != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Layered: err %v", err)
	}
	if calls != 0 {
		t.Errorf("%d progress calls on an ended context", calls)
	}
}

// FA2.Run cancelled from its progress callback after n steps has done
// exactly n steps, the same as Run(n).
func TestFA2CanceledFromProgress(t *testing.T) {
	g := randomGraph(200, 400, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls, first := 0, true
	f, err := NewFA2(g, FA2Options{Seed: 3, Progress: func(done, total int) {
		if calls++; first && (total != 2_000_000_000 || done != calls) {
			t.Fatalf("progress %d/%d at call %d", done, total, calls)
		}
		if done == 25 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.Run(ctx, 2_000_000_000)
	if n != 25 || !errors.Is(err, context.Canceled) || calls != 25 || f.Iterations() != 25 {
		t.Fatalf("Run: %d steps, err %v, %d calls, %d iterations", n, err, calls, f.Iterations())
	}
	ref, _ := NewFA2(g, FA2Options{Seed: 3})
	if n, err := ref.Run(context.Background(), 25); n != 25 || err != nil {
		t.Fatalf("reference Run: %d, %v", n, err)
	}
	if !samePoints(f.Positions(), ref.Positions()) {
		t.Error("positions after a cancelled run differ from a 25-step run")
	}
	// The layout goes on from where it stopped; progress counts that
	// call's steps.
	calls, first = 0, false
	if n, err := f.Run(context.Background(), 5); n != 5 || err != nil || f.Iterations() != 30 || calls != 5 {
		t.Errorf("Run after the cancel: %d, %v, %d iterations, %d calls", n, err, f.Iterations(), calls)
	}
}

// The static layouts cancelled from their progress callback stop before
// the next unit of work; complete runs report every unit, in order, and
// give the same layout as without a callback.
func TestStaticLayoutsProgress(t *testing.T) {
	g := randomGraph(300, 500, 4)
	g.N += 20 // isolated nodes: more components, and an unreachable ring

	type run func(ctx context.Context, progress func(done, total int)) (any, error)
	layouts := map[string]run{
		"radial": func(ctx context.Context, p func(int, int)) (any, error) {
			r, err := Radial(ctx, g, RadialOptions{Focus: -1, Progress: p})
			if err != nil {
				return nil, err
			}
			return r.Pos, nil
		},
		"layered": func(ctx context.Context, p func(int, int)) (any, error) {
			r, err := Layered(ctx, g, LayeredOptions{Progress: p})
			if err != nil {
				return nil, err
			}
			return r.Pos, nil
		},
	}
	for name, lay := range layouts {
		var seen [][2]int
		got, err := lay(context.Background(), func(done, total int) { seen = append(seen, [2]int{done, total}) })
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, _ := lay(context.Background(), nil)
		if !samePoints(got.([]Point), want.([]Point)) {
			t.Errorf("%s: the progress callback changed the layout", name)
		}
		if len(seen) < 3 {
			t.Fatalf("%s: progress %v", name, seen)
		}
		total := seen[0][1]
		for i := 1; i < len(seen); i++ {
			if seen[i][1] != total || seen[i][0] <= seen[i-1][0] {
				t.Fatalf("%s: progress %v", name, seen)
			}
		}
		if last := seen[len(seen)-1]; last[0] != total {
			t.Errorf("%s: progress ends at %v", name, last)
		}

		for _, stopAt := range []int{1, 2, len(seen) / 2} {
			ctx, cancel := context.WithCancel(context.Background())
			calls := 0
			res, err := lay(ctx, func(done, total int) {
				if calls++; calls == stopAt {
					cancel()
				}
			})
			cancel()
			if res != nil || !errors.Is(err, context.Canceled) || calls != stopAt {
				t.Errorf("%s cancelled at call %d: err %v after %d calls", name, stopAt, err, calls)
			}
		}
	}
}

// tripCtx is a context that ends at its n-th poll (the n-th call of Done).
type tripCtx struct {
	context.Context
	n, polls     int
	open, closed chan struct{}
}

func newTripCtx(n int) *tripCtx {
	c := &tripCtx{Context: context.Background(), n: n, open: make(chan struct{}), closed: make(chan struct{})}
	close(c.closed)
	return c
}

func (c *tripCtx) Done() <-chan struct{} {
	if c.polls++; c.polls >= c.n {
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

// Layered polls its context within its phases, not only between them: on
// a large component it stops at the poll that sees the end, within the
// component's first phases.
func TestLayeredPollsWithinPhases(t *testing.T) {
	g := randomGraph(5000, 12000, 5)
	for _, trip := range []int{2, 3, 5} {
		units := 0
		ctx := newTripCtx(trip)
		_, err := Layered(ctx, g, LayeredOptions{Progress: func(int, int) { units++ }})
		if !errors.Is(err, context.Canceled) || ctx.polls != trip || units >= componentUnits(LayeredOptions{Sweeps: 24}) {
			t.Errorf("err %v after %d polls and %d units of progress; want poll %d, within the first component", err, ctx.polls, units, trip)
		}
	}
}
