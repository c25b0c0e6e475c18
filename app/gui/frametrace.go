package gui

import (
	"time"

	"github.com/linkscope/linkscope/app/render"
)

// Measurements of the canvas for LINKSCOPE_TRACE (trace.go):
//
//	frames frame ms=RENDER ui=UI why=pan|zoom|drag|layout|filter|other entities=N lod=entities|density wait=W deliver=D
//
// for every frame shown (ms: the raster's render time off the UI
// goroutine; ui: what the UI goroutine spent asking for it and putting it
// on screen; entities: the visible entities on screen; wait: from its
// job's submission to the start of its drawing, behind the frame in
// flight; deliver: from the end of its drawing until the UI goroutine
// put it on screen), and
//
//	filter apply what=type|relation-type|timeline ms=D
//
// from a filter change (a type box, the timeline) to the frame that shows
// it on screen.

// filterMark is a filter change waiting for its frame: what changed and
// when.
type filterMark struct {
	what string
	t0   time.Time
}

// markFilter records that the filters are about to change (what: type,
// relation-type or timeline), so that the frame showing the change
// reports the time since.
func (ex *explorer) markFilter(what string) {
	if tracing("filter") && ex.mark.what == "" {
		ex.mark = filterMark{what: what, t0: time.Now()}
	}
}

// frameTrace is what a frame carries for its trace line.
type frameTrace struct {
	why  string
	mark filterMark
	// ui is the UI goroutine's time asking for the frame
	ui time.Duration
	// entities on screen and the level of detail, counted off the UI
	// goroutine after the frame was drawn
	entities int
	lod      render.LOD
	// asked is when the job was submitted, started when its drawing
	// began
	asked, started time.Time
}

// traceRequest fills the trace of a frame being asked for: why (the
// canvas's reason, "other" when none), the filter change it shows.
func (c *graphCanvas) traceRequest(job *renderJob, t0 time.Time) {
	if !tracing("frames") && !tracing("filter") {
		c.why, c.settleWhy = "", ""
		return
	}
	job.trace.why = c.why
	if c.why == "" {
		// the frame a pan or zoom asked for once the view was still
		job.trace.why = c.settleWhy
	}
	c.why, c.settleWhy = "", ""
	if m := c.ex.mark; m.what != "" {
		job.trace.mark, c.ex.mark = m, filterMark{}
		job.trace.why = "filter"
	}
	if job.trace.why == "" {
		job.trace.why = "other"
	}
	job.trace.asked = time.Now()
	job.trace.ui = job.trace.asked.Sub(t0)
}

// traceFrame logs a frame put on screen; shown is when the UI goroutine
// started showing it.
func traceFrame(f renderedFrame, shown time.Time) {
	ui := f.trace.ui + time.Since(shown)
	if tracing("frames") {
		lod := "entities"
		if f.trace.lod == render.LODDensity {
			lod = "density"
		}
		var wait, deliver time.Duration
		if t := f.trace; !t.asked.IsZero() && !t.started.IsZero() {
			wait, deliver = t.started.Sub(t.asked), shown.Sub(t.started.Add(f.took))
		}
		trace("frames", "frame", "ms", f.took, "ui", ui, "why", f.trace.why, "entities", f.trace.entities, "lod", lod,
			"wait", wait, "deliver", deliver)
	}
	if m := f.trace.mark; m.what != "" {
		trace("filter", "apply", "what", m.what, "ms", time.Since(m.t0))
	}
}
