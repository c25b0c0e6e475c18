package gui

import (
	"context"
	"image"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
)

// renderJob is one frame to draw: a scene snapshot seen through a
// viewport.
type renderJob struct {
	scene *render.Scene
	view  render.Viewport
	opts  render.Options
	trace frameTrace
}

// renderedFrame is a finished frame and the viewport it was drawn with.
type renderedFrame struct {
	img  *image.RGBA
	view render.Viewport
	took time.Duration
	// trace is the job's trace, with what the drawing found
	trace frameTrace
}

// renderQueue draws frames off the UI goroutine, one at a time: a task
// with the Queue policy. A request made while a frame is being drawn
// replaces any request still waiting, so a burst of requests (a drag, a
// running layout) costs one frame in flight and one more at the end,
// never a backlog; the frame in flight is still shown (it is newer than
// the one on screen).
type renderQueue struct {
	// deliver receives each frame on the UI goroutine.
	deliver func(renderedFrame)
	// post hands a function to the UI goroutine (postUI).
	post func(func())
	t    *task.Task[renderedFrame, noProgress]
}

// newRenderQueue returns a queue that delivers frames through postUI.
func newRenderQueue(deliver func(renderedFrame)) *renderQueue {
	return &renderQueue{deliver: deliver, post: postUI}
}

func (q *renderQueue) task() *task.Task[renderedFrame, noProgress] {
	if q.t == nil {
		q.t = task.NewQueue[renderedFrame, noProgress](q.post)
	}
	return q.t
}

// submit asks for job to be drawn as soon as the frame in flight is done.
func (q *renderQueue) submit(job *renderJob) {
	q.task().Start(func(context.Context, func(noProgress)) (renderedFrame, error) {
		return drawFrame(job), nil
	}, func(f renderedFrame, _ error) { q.deliver(f) })
}

// idle reports whether no frame is being drawn or waiting.
func (q *renderQueue) idle() bool { return q.t == nil || !q.t.Running() }

// drawFrame renders job into a new image, at the level of detail the
// window uses (render.Options.LOD: density tiles when entities are
// sub-pixel).
func drawFrame(job *renderJob) renderedFrame {
	t0 := time.Now()
	w, h := max(job.view.Width, 1), max(job.view.Height, 1)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	opts := job.opts
	opts.LOD = true
	render.Render(img, job.scene, job.view, opts)
	f := renderedFrame{img: img, view: job.view, took: time.Since(t0), trace: job.trace}
	f.trace.started = t0
	if tracing("frames") {
		f.trace.entities = job.scene.CountOnScreen(job.view, 0)
		f.trace.lod = render.LODFor(job.scene, job.view)
	}
	return f
}
