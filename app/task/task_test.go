package task

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

// queue is a Post for tests: functions wait until the test goroutine,
// playing the UI goroutine, runs them. Posting never blocks.
type queue struct {
	mu     sync.Mutex
	fs     []func()
	posted chan struct{}
}

func newQueue() *queue { return &queue{posted: make(chan struct{}, 1)} }

func (q *queue) post(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
	select {
	case q.posted <- struct{}{}:
	default:
	}
}

// run runs what is queued, and what that posts, until the queue is empty.
func (q *queue) run() int {
	n := 0
	for {
		q.mu.Lock()
		if len(q.fs) == 0 {
			q.mu.Unlock()
			return n
		}
		f := q.fs[0]
		q.fs = q.fs[1:]
		q.mu.Unlock()
		f()
		n++
	}
}

// wait blocks until something is queued.
func (q *queue) wait() {
	for {
		q.mu.Lock()
		n := len(q.fs)
		q.mu.Unlock()
		if n > 0 {
			return
		}
		<-q.posted
	}
}

// gate holds a work function until the test releases it.
type gate struct{ started, release chan struct{} }

func newGate() gate { return gate{make(chan struct{}), make(chan struct{})} }

// blind returns v once released, ignoring its context (an engine call
// that takes none).
func (g gate) blind(v int) Work[int, int] {
	return func(context.Context, func(int)) (int, error) {
		close(g.started)
		<-g.release
		return v, nil
	}
}

// polite returns v once released, or the context's error when cancelled
// first.
func (g gate) polite(v int) Work[int, int] {
	return func(ctx context.Context, _ func(int)) (int, error) {
		close(g.started)
		select {
		case <-g.release:
			return v, nil
		case <-ctx.Done():
			return -1, ctx.Err()
		}
	}
}

// recorder keeps what a task reported.
type recorder struct {
	states   []State
	results  []int
	progress []int
}

func watch(t *Task[int, int]) *recorder {
	r := &recorder{}
	t.OnState = func(s State) { r.states = append(r.states, s) }
	t.OnProgress = func(p int) { r.progress = append(r.progress, p) }
	return r
}

func (r *recorder) finish(v int, err error) { r.results = append(r.results, v) }

func TestLatestRunWins(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	a, b := newGate(), newGate()
	tk.Start(a.blind(1), rec.finish)
	<-a.started
	tk.Start(b.blind(2), rec.finish)
	close(a.release)
	<-b.started
	close(b.release)
	tk.Wait()
	q.run()
	if !slices.Equal(rec.results, []int{2}) {
		t.Fatalf("results %v, want only the latest run's", rec.results)
	}
	if !slices.Equal(rec.states, []State{Running, Running, Done}) || tk.State() != Done {
		t.Fatalf("states %v, now %v", rec.states, tk.State())
	}
}

// The race of a search that finishes just as the next one starts: its
// result is already posted when Start runs.
func TestResultPostedBeforeANewStartIsDropped(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	a, b := newGate(), newGate()
	tk.Start(a.blind(1), rec.finish)
	close(a.release)
	q.wait() // a's result is on its way to the UI
	tk.Start(b.polite(2), rec.finish)
	q.run()
	if len(rec.results) != 0 || !tk.Running() {
		t.Fatalf("results %v, running %v: the older run was shown", rec.results, tk.Running())
	}
	// the new run's Cancel works
	<-b.started
	if !tk.Cancel() {
		t.Fatal("Cancel found nothing running")
	}
	tk.Wait()
	q.run()
	if len(rec.results) != 0 {
		t.Fatalf("a cancelled run delivered %v", rec.results)
	}
	if !slices.Equal(rec.states, []State{Running, Running, Cancelled}) || tk.State() != Cancelled {
		t.Fatalf("states %v, now %v", rec.states, tk.State())
	}
}

func TestPauseReportsPausedAndDropsLaterProgress(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	ctxSeen := make(chan error, 1)
	tk.Start(func(ctx context.Context, progress func(int)) (int, error) {
		progress(1)
		<-ctx.Done()
		ctxSeen <- ctx.Err()
		progress(2)
		return 0, ctx.Err()
	}, rec.finish)
	q.wait() // the first report is on its way
	tk.Pause()
	if err := <-ctxSeen; !errors.Is(err, context.Canceled) {
		t.Fatalf("the work saw %v", err)
	}
	tk.Wait()
	q.run()
	if len(rec.progress) != 0 || len(rec.results) != 0 {
		t.Fatalf("a paused run reported progress %v, results %v", rec.progress, rec.results)
	}
	if !slices.Equal(rec.states, []State{Running, Paused}) || tk.State() != Paused || tk.Running() {
		t.Fatalf("states %v, now %v", rec.states, tk.State())
	}
}

func TestProgressIsCoalescedLatestWins(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	reported := make(chan struct{})
	release := make(chan struct{})
	tk.Start(func(ctx context.Context, progress func(int)) (int, error) {
		for i := 1; i <= 100; i++ {
			progress(i)
		}
		close(reported)
		<-release
		progress(101)
		return 7, nil
	}, rec.finish)
	<-reported
	q.run()
	if !slices.Equal(rec.progress, []int{100}) {
		t.Fatalf("progress %v, want one report of the latest", rec.progress)
	}
	close(release)
	tk.Wait()
	q.run()
	if !slices.Equal(rec.progress, []int{100, 101}) || !slices.Equal(rec.results, []int{7}) {
		t.Fatalf("progress %v results %v", rec.progress, rec.results)
	}
	if last := rec.states[len(rec.states)-1]; last != Done {
		t.Fatalf("last state %v", last)
	}
}

func TestRunsNeverOverlap(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	a, b := newGate(), newGate()
	tk.Start(a.blind(1), rec.finish)
	<-a.started
	tk.Start(b.blind(2), rec.finish)
	select {
	case <-b.started:
		t.Fatal("a run started while the one before it was still working")
	default:
	}
	close(a.release)
	<-b.started
	close(b.release)
	tk.Wait()
	q.run()
	if !slices.Equal(rec.results, []int{2}) {
		t.Fatalf("results %v", rec.results)
	}
}

func TestQueueDeliversTheRunInFlightAndReplacesTheWaiting(t *testing.T) {
	q := newQueue()
	tk := NewQueue[int, int](q.post)
	rec := watch(tk)
	a, c := newGate(), newGate()
	bRan := false
	tk.Start(a.blind(1), rec.finish)
	<-a.started
	tk.Start(func(context.Context, func(int)) (int, error) { bRan = true; return 2, nil }, rec.finish)
	tk.Start(c.blind(3), rec.finish)
	close(a.release)
	q.wait()
	q.run()
	if !slices.Equal(rec.results, []int{1}) || !tk.Running() {
		t.Fatalf("results %v running %v: the frame in flight should show, with one more to come", rec.results, tk.Running())
	}
	<-c.started
	close(c.release)
	tk.Wait()
	q.run()
	if bRan || !slices.Equal(rec.results, []int{1, 3}) {
		t.Fatalf("results %v (replaced run ran: %v), want the one in flight then the latest", rec.results, bRan)
	}
	if !slices.Equal(rec.states, []State{Running, Running, Running, Done}) {
		t.Fatalf("states %v", rec.states)
	}
}

func TestQueueCancelDropsTheRunInFlight(t *testing.T) {
	q := newQueue()
	tk := NewQueue[int, int](q.post)
	rec := watch(tk)
	a := newGate()
	tk.Start(a.polite(1), rec.finish)
	<-a.started
	tk.Cancel()
	tk.Wait()
	q.run()
	if len(rec.results) != 0 || tk.State() != Cancelled {
		t.Fatalf("results %v state %v", rec.results, tk.State())
	}
}

func TestFailedRunReportsItsError(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	boom := errors.New("boom")
	var got error
	tk.Start(func(context.Context, func(int)) (int, error) { return 0, boom }, func(_ int, err error) { got = err })
	tk.Wait()
	q.run()
	if got != boom || tk.State() != Failed || !slices.Equal(rec.states, []State{Running, Failed}) {
		t.Fatalf("error %v, state %v, states %v", got, tk.State(), rec.states)
	}
}

func TestFinishThatStartsAgainLeavesRunning(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	rec := watch(tk)
	b := newGate()
	tk.Start(func(context.Context, func(int)) (int, error) { return 1, nil }, func(v int, err error) {
		rec.finish(v, err)
		tk.Start(b.polite(2), rec.finish)
	})
	tk.Wait()
	q.run()
	if !tk.Running() || !slices.Equal(rec.states, []State{Running, Running}) {
		t.Fatalf("state %v, states %v: Done reported after the next run started", tk.State(), rec.states)
	}
	tk.Cancel()
	tk.Wait()
	q.run()
}

func TestAfterFiresOnlyWhileTheRunIsCurrent(t *testing.T) {
	q := newQueue()
	tk := New[int, int](q.post)
	a := newGate()
	tk.Start(a.polite(1), nil)
	fired := 0
	tk.After(time.Millisecond, func() { fired++ })
	q.wait()
	q.run()
	if fired != 1 {
		t.Fatalf("fired %d times while running", fired)
	}
	tk.After(time.Millisecond, func() { fired++ })
	q.wait() // the timer fired
	tk.Cancel()
	q.run()
	if fired != 1 {
		t.Fatal("After fired for a cancelled run")
	}
	tk.Wait()
	q.run()
	tk.After(time.Millisecond, func() { t.Error("After fired with nothing running") })
	if len(tk.timers) != 0 {
		t.Fatal("After armed a timer with nothing running")
	}
}
