package gui

import (
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"

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

// layoutUpdate is what the runner hands to the UI.
type layoutUpdate struct {
	pos []render.Point
	// iter is the number of ForceAtlas2 steps run so far.
	iter int
	// running is false when the layout stopped (converged, out of time,
	// paused).
	running bool
}

// layoutRunner animates ForceAtlas2 on its own goroutine: it steps the
// layout, publishes a copy of the positions every publishEvery, and stops
// when the layout has converged or its time budget is spent, removing
// overlaps on small graphs. Nodes the user drags are pinned. All methods
// are called from the UI goroutine.
type layoutRunner struct {
	// mu guards gen, running and pins (held briefly); faMu guards fa
	// (held for a whole step by the layout goroutine).
	mu    sync.Mutex
	faMu  sync.Mutex
	lg    *layout.Graph
	fa    *layout.FA2
	scene *render.Scene
	// viewW and viewH are the canvas size (guarded by mu), which sets the
	// zoom at which labels must not overlap.
	viewW, viewH float64
	gen          int // incremented to stop the goroutine in flight
	running      bool
	pins         map[int32]layout.Point
	budget       time.Duration

	// publish receives updates on the UI goroutine.
	publish func(layoutUpdate)
	post    func(func())
}

// newLayoutRunner prepares ForceAtlas2 for g from initial positions.
// radii are the node sizes of the render scene, so that overlap removal
// matches what is drawn; the scene also gives the label sizes, kept apart
// on small graphs.
func newLayoutRunner(g *graph.Graph, s *render.Scene, initial []render.Point, publish func(layoutUpdate)) (*layoutRunner, error) {
	req := windowRequest(layoutFA2, view.NoFocus)
	req.Initial = initial
	fa, lg, err := view.NewFA2(g, s, req)
	if err != nil {
		return nil, err
	}
	// a time budget that grows with the graph (Resume gives another)
	budget := 4 * time.Second
	switch {
	case lg.N > 20000:
		budget = 30 * time.Second
	case lg.N > 1000:
		budget = 12 * time.Second
	}
	r := &layoutRunner{lg: lg, fa: fa, scene: s, pins: map[int32]layout.Point{},
		budget: budget, publish: publish, post: fyne.Do, viewW: 800, viewH: 600}
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

// Running reports whether the layout goroutine is stepping.
func (r *layoutRunner) Running() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.running
}

// Start (or resume) the animation with a fresh time budget.
func (r *layoutRunner) Start() {
	r.mu.Lock()
	if r.running {
		r.mu.Unlock()
		return
	}
	r.running = true
	r.gen++
	gen := r.gen
	r.mu.Unlock()
	go r.loop(gen)
}

// Stop pauses the animation after the step in flight; the positions stay
// where they are.
func (r *layoutRunner) Stop() {
	r.mu.Lock()
	r.gen++
	r.running = false
	r.mu.Unlock()
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
	for i := range p {
		if i < r.fa.N() && !r.fa.Pinned(i) {
			r.fa.SetPosition(i, layout.Point(p[i]))
		}
	}
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

// stillCurrent reports whether the goroutine of generation gen should go
// on.
func (r *layoutRunner) stillCurrent(gen int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.gen
}

func (r *layoutRunner) loop(gen int) {
	start := time.Now()
	last := time.Time{}
	var prev []layout.Point
	prevIter, calm := 0, 0
	for r.stillCurrent(gen) {
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
		if calm >= 3 || time.Since(start) > r.budget {
			r.finish(gen)
			return
		}
		r.send(pos, iter, true)
	}
}

// finish ends an animation: overlap removal on small graphs, a last
// update, and running false.
func (r *layoutRunner) finish(gen int) {
	r.faMu.Lock()
	defer r.faMu.Unlock()
	r.applyPins()
	pos := r.fa.Positions()
	iter := r.fa.Iterations()
	if len(pos) <= overlapLimit && len(pos) > 1 {
		out := r.separate(pos)
		for i := range out {
			if r.fa.Pinned(i) {
				out[i] = pos[i]
			} else {
				r.fa.SetPosition(i, out[i])
			}
		}
		pos = out
	}
	r.mu.Lock()
	current := gen == r.gen
	if current {
		r.running = false
		r.gen++
	}
	r.mu.Unlock()
	if current {
		r.send(pos, iter, false)
	}
}

func (r *layoutRunner) send(pos []layout.Point, iter int, running bool) {
	p := make([]render.Point, len(pos))
	for i := range pos {
		p[i] = render.Point(pos[i])
	}
	u := layoutUpdate{pos: p, iter: iter, running: running}
	r.post(func() { r.publish(u) })
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
