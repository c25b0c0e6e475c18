package gui

import (
	"context"
	"math"
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

// calmPerStep is the mean movement per step, relative to the drawing's
// size, below which the layout counts as settled.
const calmPerStep = 2e-4

// layoutRest is how long the layout goroutine pauses in each publishing
// period, so that the UI and the renderer get the CPU too.
const layoutRest = 12 * time.Millisecond

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
	budget  time.Duration
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
		budget: layoutBudget(lg.N), viewW: 800, viewH: 600}
	return r, nil
}

// layoutBudget is a run's time budget, growing with the graph (each run,
// a resume or a growth, gets a new one).
func layoutBudget(n int) time.Duration {
	switch {
	case n > 20000:
		return 30 * time.Second
	case n > 1000:
		return 12 * time.Second
	}
	return 4 * time.Second
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
	for i := range p {
		if i < r.fa.N() && !r.fa.Pinned(i) {
			r.fa.SetPosition(i, layout.Point(p[i]))
		}
	}
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
	return view.ToRender(r.fa.Positions()), nil
}

// applyPins moves and pins the nodes dragged since the last step; faMu
// must be held.
func (r *layoutRunner) applyPins() {
	r.mu.Lock()
	pins := r.pins
	r.pins = map[int32]layout.Point{}
	r.mu.Unlock()
	for i, p := range pins {
		if int(i) < r.fa.N() {
			r.fa.SetPosition(int(i), p)
			r.fa.SetPinned(int(i), true)
		}
	}
}

// run is the layout task's work for ForceAtlas2: it steps the layout
// until ctx is done, it settles or the budget is spent, reporting
// positions every publishEvery, and returns the final positions (overlaps
// removed on small graphs).
func (r *layoutRunner) run(ctx context.Context, progress func(layoutProgress)) (layoutResult, error) {
	start := time.Now()
	last := time.Time{}
	var prev []layout.Point
	prevIter, calm := 0, 0
	for ctx.Err() == nil {
		r.faMu.Lock()
		r.applyPins()
		r.fa.Step()
		if time.Since(last) < publishEvery-layoutRest {
			r.faMu.Unlock()
			continue
		}
		pos, iter := r.fa.Positions(), r.fa.Iterations()
		r.faMu.Unlock()
		// leave the cores to the window and the renderer for a moment
		time.Sleep(layoutRest)
		last = time.Now()
		// settled when the nodes move less than calmPerStep of the
		// drawing's size per step, three times running
		if prev != nil && iter > prevIter && movement(prev, pos)/float64(iter-prevIter) < calmPerStep {
			calm++
		} else {
			calm = 0
		}
		prev, prevIter = pos, iter
		if calm >= 3 && !r.refined {
			// settled without size adjustment: go on with the final
			// settings, which push overlapping discs apart, as
			// `linkscope layout` and exports do for their last steps
			r.refined = true
			calm = 0
			r.faMu.Lock()
			err := r.fa.SetSettings(view.FA2Settings(r.lg.N))
			r.faMu.Unlock()
			if err != nil {
				return layoutResult{}, err
			}
			continue
		}
		if calm >= 3 || time.Since(start) > r.budget {
			return r.finish(ctx)
		}
		progress(layoutProgress{pos: view.ToRender(pos), iter: iter})
	}
	return layoutResult{}, ctx.Err()
}

// finish ends a run: overlap removal on small graphs and the last
// positions.
func (r *layoutRunner) finish(ctx context.Context) (layoutResult, error) {
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
	return layoutResult{pos: view.ToRender(pos), iter: iter, name: layoutFA2}, ctx.Err()
}

// movement is the mean distance the nodes moved between a and b, relative
// to the size of the drawing.
func movement(a, b []layout.Point) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return math.Inf(1)
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	sum := 0.0
	for i := range a {
		sum += math.Hypot(a[i].X-b[i].X, a[i].Y-b[i].Y)
		minX, maxX = math.Min(minX, b[i].X), math.Max(maxX, b[i].X)
		minY, maxY = math.Min(minY, b[i].Y), math.Max(maxY, b[i].Y)
	}
	size := math.Max(maxX-minX, maxY-minY)
	if size <= 0 {
		return 0
	}
	return sum / float64(len(a)) / size
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
