// Package task runs a user interface's background work with one rule:
// the latest request wins.
//
// A [Task] is a slot for one kind of work (loading a file, a path search,
// the layout, ...). Start runs work on its own goroutine and cancels the
// run before it; whatever a superseded, cancelled or paused run reports
// afterwards (progress, result, state) is dropped, so the interface only
// ever shows the latest request's. Everything the slot reports is handed
// to the user interface through one [Post] function (fyne.Do in the
// window), in order: progress, then the result, then the state change,
// so a button or status line can never be left showing an older run.
//
// The package knows no widget: work reports through the progress function
// it is given, and the interface listens with OnState, OnProgress and each
// run's finish function (the pattern of a logic layer that reports
// through callbacks, bridged to the UI goroutine in one place).
//
// Start, Cancel, Pause and After are called on the UI goroutine (the one
// Post runs functions on). Running, State and Wait may be called from any
// goroutine.
package task

import (
	"context"
	"sync"
	"time"
)

// Post runs f on the UI goroutine. The functions posted must run one at a
// time, in the order they were posted (fyne.Do does).
type Post func(f func())

// State is where a Task's latest run stands.
type State uint8

const (
	// Idle: nothing was started yet.
	Idle State = iota
	// Running: the latest run is working (or waiting for the one before
	// it to return).
	Running
	// Done: the latest run returned without an error.
	Done
	// Failed: the latest run returned an error.
	Failed
	// Cancelled: Cancel stopped the latest run.
	Cancelled
	// Paused: Pause stopped the latest run (its owner means to continue).
	Paused
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Done:
		return "done"
	case Failed:
		return "failed"
	case Cancelled:
		return "cancelled"
	case Paused:
		return "paused"
	}
	return "state?"
}

// Work is what a run does, off the UI goroutine. It should return soon
// after ctx is done (its result is dropped then anyway). progress may be
// called as often as convenient, from any goroutine, until Work returns:
// reports are coalesced, and the UI sees the latest.
type Work[T, P any] func(ctx context.Context, progress func(P)) (T, error)

// Policy decides what Start does to a run already working.
type Policy uint8

const (
	// Replace cancels it and drops its result: only the latest run
	// reports (searches, loads, layouts).
	Replace Policy = iota
	// Queue lets it finish and report, and replaces a run still waiting
	// to start: one run in flight, one waiting, never a backlog (frames:
	// each finished frame is newer than the one on screen).
	Queue
)

// Task is a slot for one kind of background work. The zero value is not
// usable; make one with New or NewQueue.
//
// Runs of one Task never overlap: a run's work starts only after the work
// of the run before it has returned, so work may own state that lives
// across runs (a layout that continues) without other locking between
// runs.
type Task[T, P any] struct {
	// OnState is called on the UI goroutine when the latest run's state
	// changes: Running at Start (synchronously, inside Start), then Done,
	// Failed, Cancelled or Paused.
	OnState func(State)
	// OnProgress is called on the UI goroutine with the latest progress
	// of a run that is still current.
	OnProgress func(P)

	post   Post
	policy Policy

	mu sync.Mutex
	// gen numbers the runs; runs numbered floor or less are dropped.
	gen, floor uint64
	state      State
	last       *run[T, P] // the latest run started
	working    *run[T, P] // the run whose work is executing, if any
	timers     []*time.Timer
	wg         sync.WaitGroup
}

// New returns a Task with the Replace policy that reports through post.
func New[T, P any](post Post) *Task[T, P] {
	return &Task[T, P]{post: post, policy: Replace}
}

// NewQueue returns a Task with the Queue policy that reports through post.
func NewQueue[T, P any](post Post) *Task[T, P] {
	return &Task[T, P]{post: post, policy: Queue}
}

// run is one Start.
type run[T, P any] struct {
	t      *Task[T, P]
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc
	work   Work[T, P]
	finish func(T, error)
	// after is closed when the previous run's goroutine has returned;
	// ended when this one's has.
	after, ended chan struct{}
	started      bool // guarded by t.mu

	// pmu guards the coalesced progress and completed (set once the
	// result has been handled: later reports are dropped).
	pmu       sync.Mutex
	pending   bool
	latest    P
	completed bool
}

// Start runs work on a new goroutine as the slot's latest run. finish
// (which may be nil) is called on the UI goroutine with the result,
// unless the run was superseded (Replace), cancelled or paused first;
// then OnState reports Done or Failed.
func (t *Task[T, P]) Start(work Work[T, P], finish func(T, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	t.mu.Lock()
	t.gen++
	r := &run[T, P]{t: t, gen: t.gen, ctx: ctx, cancel: cancel, work: work, finish: finish, ended: make(chan struct{})}
	if prev := t.last; prev != nil {
		r.after = prev.ended
		if t.policy == Replace || !prev.started {
			// a Queue run still waiting is replaced: it will not start
			prev.cancel()
		}
	}
	if t.policy == Replace {
		t.floor = r.gen - 1
	}
	t.last = r
	t.state = Running
	t.stopTimers()
	t.wg.Add(1)
	t.mu.Unlock()
	go r.run()
	if t.OnState != nil {
		t.OnState(Running)
	}
}

// Cancel stops the latest run (and, with Queue, the one in flight): its
// context is cancelled and nothing it reports is shown. OnState reports
// Cancelled when a run was running. It reports whether one was.
func (t *Task[T, P]) Cancel() bool { return t.stop(Cancelled) }

// Pause is Cancel reporting Paused: the owner keeps what the work built
// and will Start again to continue.
func (t *Task[T, P]) Pause() bool { return t.stop(Paused) }

func (t *Task[T, P]) stop(s State) bool {
	t.mu.Lock()
	was := t.state == Running
	t.floor = t.gen
	if t.last != nil {
		t.last.cancel()
	}
	if t.working != nil {
		t.working.cancel()
	}
	if was {
		t.state = s
	}
	t.stopTimers()
	t.mu.Unlock()
	if was && t.OnState != nil {
		t.OnState(s)
	}
	return was
}

// Running reports whether the latest run has not finished.
func (t *Task[T, P]) Running() bool { return t.State() == Running }

// State returns the latest run's state.
func (t *Task[T, P]) State() State {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// After calls f on the UI goroutine after d if the run that is latest now
// is still running then (a progress dialog that only quick work never
// shows). It does nothing when no run is running.
func (t *Task[T, P]) After(d time.Duration, f func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != Running {
		return
	}
	gen := t.gen
	t.timers = append(t.timers, time.AfterFunc(d, func() {
		t.post(func() {
			t.mu.Lock()
			still := t.gen == gen && t.floor < gen && t.state == Running
			t.mu.Unlock()
			if still {
				f()
			}
		})
	}))
}

// stopTimers stops the After timers of the run that stops being latest;
// t.mu is held.
func (t *Task[T, P]) stopTimers() {
	for _, tm := range t.timers {
		tm.Stop()
	}
	t.timers = nil
}

// Wait blocks until the goroutine of every run started so far has
// returned (tests, and a clean quit). It must not be called on the UI
// goroutine with a Post that waits for it.
func (t *Task[T, P]) Wait() { t.wg.Wait() }

// current reports whether what r reports may still be shown.
func (t *Task[T, P]) current(r *run[T, P]) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return r.gen > t.floor
}

func (r *run[T, P]) run() {
	t := r.t
	defer t.wg.Done()
	if r.after != nil {
		<-r.after
	}
	t.mu.Lock()
	skip := r.ctx.Err() != nil
	if !skip {
		r.started = true
		t.working = r
	}
	t.mu.Unlock()
	var v T
	var err error
	if !skip {
		v, err = r.work(r.ctx, r.progress)
	}
	t.mu.Lock()
	if t.working == r {
		t.working = nil
	}
	t.mu.Unlock()
	r.cancel()
	// post before letting the next run start, so that results reach the
	// UI in the order the runs started
	t.post(func() { t.complete(r, v, err, skip) })
	close(r.ended)
}

// complete hands a run's result to the UI (UI goroutine).
func (t *Task[T, P]) complete(r *run[T, P], v T, err error, skipped bool) {
	r.pmu.Lock()
	r.completed = true
	r.pmu.Unlock()
	t.mu.Lock()
	deliver := !skipped && r.gen > t.floor
	latest := r.gen == t.gen
	st := Done
	if err != nil {
		st = Failed
	}
	if deliver && latest {
		t.state = st
		t.floor = r.gen
		t.stopTimers()
	}
	t.mu.Unlock()
	if !deliver {
		return
	}
	if r.finish != nil {
		r.finish(v, err)
	}
	if !latest || t.OnState == nil {
		return
	}
	// finish may have started another run: then its Running stands
	t.mu.Lock()
	still := t.gen == r.gen && t.state == st
	t.mu.Unlock()
	if still {
		t.OnState(st)
	}
}

// progress records p as the run's latest report and, unless a report is
// already on its way, posts one.
func (r *run[T, P]) progress(p P) {
	r.pmu.Lock()
	r.latest = p
	if r.pending {
		r.pmu.Unlock()
		return
	}
	r.pending = true
	r.pmu.Unlock()
	r.t.post(r.flush)
}

// flush shows the latest report (UI goroutine).
func (r *run[T, P]) flush() {
	r.pmu.Lock()
	p, completed := r.latest, r.completed
	var zero P
	r.latest, r.pending = zero, false
	r.pmu.Unlock()
	t := r.t
	if completed || !t.current(r) || t.OnProgress == nil {
		return
	}
	t.OnProgress(p)
}
