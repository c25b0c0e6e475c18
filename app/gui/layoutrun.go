package gui

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// publishEvery is how often a running layout hands positions to the
// canvas.
const publishEvery = 50 * time.Millisecond

// layoutRest is how long the layout goroutine pauses in each publishing
// period, so that the UI and the renderer get the CPU too.
const layoutRest = 12 * time.Millisecond

// restLimit is the largest graph whose layout rests in each publishing
// period (larger ones step at the engine's speed).
const restLimit = 20000

// overlapLimit is the largest graph whose layout ends with overlap
// removal (it is quadratic in the worst case and pointless when labels
// are not drawn anyway).
const overlapLimit = 2000

// layoutProgress is what a layout run reports: ForceAtlas2 a copy of the
// positions and the number of steps run so far; a one-shot layout no
// positions, and how far it got (done of total).
type layoutProgress struct {
	pos         []render.Point
	iter        int
	done, total int
}

// layoutResult is what a layout run ends with: the positions, the
// ForceAtlas2 steps run (0 for the one-shot layouts) and the algorithm.
type layoutResult struct {
	pos  []render.Point
	raw  []render.Point // the first view's layout before fitting
	iter int
	name string
	end  layoutEnd
}

// layoutRunner is ForceAtlas2's state across the runs of the window's
// layout task: run steps it, reports positions every publishEvery, and
// returns when the layout has converged or its time budget is spent
// (removing overlaps on small graphs), or when its context is done (a
// pause: the next run continues from there). Nodes the user drags are
// pinned; when the graph grows, grow keeps every position and places the
// new nodes.
//
// The task never runs two runs at once; the UI goroutine's calls (Pin,
// SetViewSize, SetPositions, grow) wait at most for the step in flight.
type layoutRunner struct {
	// mu guards viewW, viewH and pins (held briefly); faMu guards fa, lg
	// and scene (held for a whole step by the layout goroutine).
	mu    sync.Mutex
	faMu  sync.Mutex
	lg    *layout.Graph
	fa    *layout.FA2
	scene *render.Scene
	// viewW and viewH are the canvas size (guarded by mu), which sets the
	// zoom at which labels must not overlap.
	viewW, viewH float64
	// refined is set once a run has settled and gone on with the final
	// settings (size adjustment on small graphs).
	refined bool
	pins    map[int32]layout.Point
	// budget is a run's time budget (0: none) and frameCost the canvas's
	// last frame time (both guarded by mu)
	budget    time.Duration
	frameCost time.Duration
	// conv is the convergence criterion, observed after every step
	// (guarded by faMu)
	conv *layout.Convergence
}

// newLayoutRunner prepares ForceAtlas2 for g from initial positions.
// radii are the node sizes of the render scene, so that overlap removal
// matches what is drawn; the scene also gives the label sizes, kept apart
// on small graphs.
func newLayoutRunner(g *graph.Graph, s *render.Scene, initial []render.Point) (*layoutRunner, error) {
	req := windowRequest(layoutFA2, view.NoFocus)
	req.Initial = initial
	fa, lg, err := view.NewFA2(g, s, req)
	if err != nil {
		return nil, err
	}
	r := &layoutRunner{lg: lg, fa: fa, scene: s, pins: map[int32]layout.Point{},
		budget: layoutBudget(lg.N), viewW: 800, viewH: 600, conv: layout.NewConvergence()}
	return r, nil
}

// SetViewSize tells the runner the canvas size in logical pixels.
func (r *layoutRunner) SetViewSize(w, h float64) {
	if w <= 0 || h <= 0 {
		return
	}
	r.mu.Lock()
	r.viewW, r.viewH = w, h
	r.mu.Unlock()
}

// initialPositions is the deterministic random start that ForceAtlas2
// relaxes (view.StartPositions: the start `linkscope layout --seed` uses).
func initialPositions(g *graph.Graph, seed uint64) []render.Point {
	return view.StartPositions(g, seed)
}

// Pin fixes node i at p (the user dragged it there). It never waits for
// a layout step: the pin is applied before the next one.
func (r *layoutRunner) Pin(i int32, p render.Point) {
	r.mu.Lock()
	r.pins[i] = layout.Point(p)
	r.mu.Unlock()
}

// SetPositions replaces the layout's positions (after another algorithm),
// keeping pinned nodes where they are. It waits for a step in flight.
func (r *layoutRunner) SetPositions(p []render.Point) {
	r.faMu.Lock()
	defer r.faMu.Unlock()
	r.setPositions(p)
}

// setPositions is SetPositions with faMu held.
func (r *layoutRunner) setPositions(p []render.Point) {
	r.conv.Reset()
	for i := range p {
		if i < r.fa.N() && !r.fa.Pinned(i) {
			r.fa.SetPosition(i, layout.Point(p[i]))
		}
	}
}

// N is the number of nodes laid out.
func (r *layoutRunner) N() int {
	r.faMu.Lock()
	defer r.faMu.Unlock()
	return r.fa.N()
}

// Iterations is the number of steps run so far, over every run.
func (r *layoutRunner) Iterations() int {
	r.faMu.Lock()
	defer r.faMu.Unlock()
	return r.fa.Iterations()
}

// grow continues the layout on g, a grown version of the graph (its
// nodes 0..N-1 are the layout's; it may add nodes at the end and add or
// remove relations), drawn with scene s. The first len(shown) nodes keep
// shown, the positions on screen (pinned ones their pins); ForceAtlas2
// keeps its speed history and places each new node by its placed
// neighbours (FA2.Grow). It returns every position and waits for a step
// in flight.
func (r *layoutRunner) grow(g *graph.Graph, s *render.Scene, shown []render.Point) ([]render.Point, error) {
	lg := view.Input(g, s)
	r.faMu.Lock()
	defer r.faMu.Unlock()
	r.applyPins()
	r.setPositions(shown)
	if err := r.fa.Grow(lg); err != nil {
		return nil, err
	}
	r.lg, r.scene = lg, s
	r.conv.Reset()
	return view.ToRender(r.fa.Positions()), nil
}

// applyPins moves and pins the nodes dragged since the last step; faMu
// must be held.
func (r *layoutRunner) applyPins() bool {
	r.mu.Lock()
	pins := r.pins
	if len(pins) == 0 {
		r.mu.Unlock()
		return false
	}
	r.pins = map[int32]layout.Point{}
	r.mu.Unlock()
	for i, p := range pins {
		if int(i) < r.fa.N() {
			r.fa.SetPosition(int(i), p)
			r.fa.SetPinned(int(i), true)
		}
	}
	return true
}

// layoutEnd is how a ForceAtlas2 run ended by itself.
type layoutEnd int

const (
	// endFixed: a fixed number of steps (the first view's pipeline)
	endFixed layoutEnd = iota
	// endConverged: the convergence criterion holds
	endConverged
	// endBudget: the time budget was spent before it converged
	endBudget
)

// run is the layout task's work for ForceAtlas2: it steps the layout
// until ctx is done, it converges (layout.Convergence, measured after
// every step) or the budget is spent, and returns the final positions
// (overlaps removed on small graphs). Positions are published at a fixed
// rate, never once per step: every publishEvery, or three times the
// canvas's last frame time when that is longer (so that drawing takes at
// most a third of a core from the layout).
func (r *layoutRunner) run(ctx context.Context, progress func(layoutProgress)) (layoutResult, error) {
	start := time.Now()
	last := start
	small := r.fa.N() <= restLimit
	for ctx.Err() == nil {
		r.faMu.Lock()
		if r.applyPins() {
			r.conv.Reset()
		}
		t := time.Now()
		r.fa.Step()
		took := time.Since(t)
		disp, done := r.conv.ObserveFA2(r.fa)
		iter := r.fa.Iterations()
		due := time.Since(last) >= r.publishInterval()
		var pos []layout.Point
		if due && !done {
			pos = r.fa.Positions()
		}
		r.faMu.Unlock()
		if tracing("layout") {
			trace("layout", "step", "iter", iter, "ms", took, "disp", fmt.Sprintf("%.3g", disp))
		}
		if done && !r.refined && r.lg.N <= view.MaxLabelAdjust {
			// converged without size adjustment: go on with the final
			// settings, which push overlapping discs apart, as
			// `linkscope layout` and exports do for their last steps
			r.refined = true
			r.faMu.Lock()
			r.conv.Reset()
			err := r.fa.SetSettings(view.FA2Settings(r.lg.N))
			r.faMu.Unlock()
			if err != nil {
				return layoutResult{}, err
			}
			continue
		}
		if done {
			r.traceEnd("converged", iter, time.Since(start))
			return r.finish(ctx, endConverged)
		}
		if b := r.Budget(); b > 0 && time.Since(start) > b {
			r.traceEnd("budget", iter, time.Since(start))
			return r.finish(ctx, endBudget)
		}
		if pos == nil {
			continue
		}
		if small {
			// leave the cores to the window and the renderer for a
			// moment (small graphs converge in seconds anyway)
			time.Sleep(layoutRest)
		}
		last = time.Now()
		progress(layoutProgress{pos: view.ToRender(pos), iter: iter})
	}
	if tracing("layout") {
		r.faMu.Lock()
		iter := r.fa.Iterations()
		r.faMu.Unlock()
		r.traceEnd("paused", iter, time.Since(start))
	}
	return layoutResult{}, ctx.Err()
}

// traceEnd logs the end of a run (LINKSCOPE_TRACE=layout): the steps,
// the run's time, the criterion's value and threshold, and the stress of
// the positions reached (layout.Stress with the sample `linkscope layout
// --stats` uses, so that the figures compare).
func (r *layoutRunner) traceEnd(event string, iter int, took time.Duration) {
	if !tracing("layout") {
		return
	}
	r.faMu.Lock()
	mean, pos := r.conv.Mean(), r.fa.Positions()
	r.faMu.Unlock()
	stress, _ := layout.Stress(r.lg, pos, 32, 1)
	trace("layout", event, "iter", iter, "ms", took, "mean", fmt.Sprintf("%.3g", mean),
		"threshold", r.conv.Threshold, "stress", fmt.Sprintf("%.4f", stress))
}

// publishInterval is how long the layout waits between two publications:
// publishEvery, or three times the last frame's time when longer.
func (r *layoutRunner) publishInterval() time.Duration {
	r.mu.Lock()
	f := r.frameCost
	r.mu.Unlock()
	return max(publishEvery, 3*f)
}

// noteFrameCost tells the runner how long the canvas took to show the
// last publication (its frame's render time).
func (r *layoutRunner) noteFrameCost(d time.Duration) {
	r.mu.Lock()
	r.frameCost = d
	r.mu.Unlock()
}

// Budget is the time budget of a run (0: none).
func (r *layoutRunner) Budget() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.budget
}

// SetBudget changes the time budget, of the run in flight too (0: none).
func (r *layoutRunner) SetBudget(d time.Duration) {
	r.mu.Lock()
	r.budget = d
	r.mu.Unlock()
}

// finish ends a run: overlap removal on small graphs and the last
// positions.
func (r *layoutRunner) finish(ctx context.Context, end layoutEnd) (layoutResult, error) {
	r.faMu.Lock()
	defer r.faMu.Unlock()
	r.applyPins()
	pos := r.fa.Positions()
	iter := r.fa.Iterations()
	if len(pos) <= overlapLimit && len(pos) > 1 && ctx.Err() == nil {
		out := r.separate(view.PackComponents(r.lg, pos, r.lg.Size))
		for i := range out {
			if r.fa.Pinned(i) {
				out[i] = pos[i]
			} else {
				r.fa.SetPosition(i, out[i])
			}
		}
		pos = out
	}
	return layoutResult{pos: view.ToRender(pos), iter: iter, name: layoutFA2, end: end}, ctx.Err()
}

// separate moves nodes apart so that no two discs and no two labels
// overlap at the zoom that fits the drawing into the canvas, then pulls
// the drawing together as long as that enlarges it on screen, as exported
// pictures do (view.Separate).
func (r *layoutRunner) separate(pos []layout.Point) []layout.Point {
	r.mu.Lock()
	w, h := r.viewW*0.85, r.viewH*0.85
	r.mu.Unlock()
	out, err := view.Separate(pos, r.scene, w, h)
	if err != nil {
		return pos
	}
	return out
}
