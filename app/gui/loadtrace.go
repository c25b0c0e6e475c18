package gui

import (
	"time"

	"github.com/linkscope/linkscope/graph"
)

// traceFirstView logs (LINKSCOPE_TRACE=load) when the canvas shows its
// first frame of g: the time since the start and the entities.
func (u *ui) traceFirstView(g *graph.Graph) {
	if !tracing("load") || g.NodeCount() == 0 {
		return
	}
	n := g.NodeCount()
	u.afterFirstFrame(func() {
		trace("load", "first-view", "ms", time.Since(tracer.start), "entities", n)
	})
}

// afterFirstFrame runs f on the UI goroutine when the canvas shows its
// first frame (after what was asked before).
func (u *ui) afterFirstFrame(f func()) {
	c := u.canvas
	prev := c.onFirstFrame
	c.onFirstFrame = func() {
		if prev != nil {
			prev()
		}
		f()
	}
}

// deferLayoutLimit is the size above which ForceAtlas2 waits for the
// canvas's first frame before it starts: on a million entities the first
// frame (the start positions) would otherwise share the two cores with
// the layout's first steps and take several times longer.
const deferLayoutLimit = 200000

// loadSteps times the parts of showing a graph (LINKSCOPE_TRACE=load:
// `load step what=NAME ms=`, the time since the previous step).
type loadSteps struct{ last time.Time }

func newLoadSteps() *loadSteps {
	if !tracing("load") {
		return nil
	}
	return &loadSteps{last: time.Now()}
}

func (s *loadSteps) done(what string) {
	if s == nil {
		return
	}
	now := time.Now()
	trace("load", "step", "what", what, "ms", now.Sub(s.last))
	s.last = now
}
