package gui

import (
	"slices"
	"sync"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// prepareAbove is the size from which the loading job also builds what
// the window needs to show a graph (its structure, its scene, the
// layout's start and ForceAtlas2's input) off the UI goroutine, for the
// window to take when it shows the graph: at 1M entities that work kept
// the UI goroutine busy for seconds, the window frozen.
var prepareAbove = 20000

// prepared holds what the loading job built for the graph it loaded (at
// most one graph: the latest).
var prepared struct {
	mu    sync.Mutex
	g     *graph.Graph
	ver   uint64
	scene *render.Scene
	// start are the positions the layout runner was made from
	start  []render.Point
	runner *layoutRunner
	// made, when set (tests), is told what prepareView made
	made func(*render.Scene, *layoutRunner)
}

// prepareView builds g's topology, scene and layout runner for the window,
// when g is large; it runs in the loading job, before g is shown (nothing
// else reads or changes g then).
func prepareView(g *graph.Graph) {
	if g.NodeCount() < prepareAbove {
		return
	}
	t0 := time.Now()
	s := render.NewScene(g)
	// the positions setGraph starts from for a file
	start := view.PlacedPositions(g)
	if start == nil {
		start = initialPositions(g, view.DefaultSeed)
	}
	t1 := time.Now()
	r, err := newLayoutRunner(g, s, start)
	if err != nil {
		r = nil // the window makes its own and reports the error
	}
	// LINKSCOPE_TRACE=load: `load prepare scene=MS runner=MS` (the scene
	// with the topology and start positions, then ForceAtlas2's input)
	trace("load", "prepare", "scene", t1.Sub(t0), "runner", time.Since(t1))
	prepared.mu.Lock()
	prepared.g, prepared.ver, prepared.scene, prepared.start, prepared.runner = g, g.Version(), s, start, r
	if prepared.made != nil {
		prepared.made(s, r)
	}
	prepared.mu.Unlock()
}

// forgetPrepared drops what was prepared.
func forgetPrepared() {
	prepared.g, prepared.scene, prepared.start, prepared.runner = nil, nil, nil, nil
}

// sceneFor is the scene prepareView built for g, if g has not changed
// since, else a new one. What was prepared for another graph stays (the
// window may show another graph while a file loads).
func sceneFor(g *graph.Graph) *render.Scene {
	prepared.mu.Lock()
	var s *render.Scene
	if prepared.g == g {
		if prepared.ver == g.Version() {
			s = prepared.scene
			prepared.scene = nil
		} else {
			forgetPrepared()
		}
	}
	prepared.mu.Unlock()
	if s == nil {
		s = render.NewScene(g)
	}
	return s
}

// runnerFor is the layout runner prepareView built for g, if it was made
// for scene s and start positions pos and g has not changed since, else
// a new one (with the scene's sizes as they are now). Nothing stays
// prepared for g afterwards.
func runnerFor(g *graph.Graph, s *render.Scene, pos []render.Point) (*layoutRunner, error) {
	prepared.mu.Lock()
	var r *layoutRunner
	if prepared.g == g {
		r = prepared.runner
		if r != nil && (prepared.ver != g.Version() || r.scene != s || !slices.Equal(prepared.start, pos) ||
			!slices.Equal(r.lg.Size, s.Radii())) { // the chart's styling may have resized entities
			r = nil
		}
		forgetPrepared()
	}
	prepared.mu.Unlock()
	if r != nil {
		return r, nil
	}
	return newLayoutRunner(g, s, pos)
}
