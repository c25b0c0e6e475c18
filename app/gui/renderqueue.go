package gui

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/linkscope/linkscope/app/render"
)

// renderJob is one frame to draw: a scene snapshot seen through a
// viewport.
type renderJob struct {
	scene *render.Scene
	view  render.Viewport
	opts  render.Options
}

// renderedFrame is a finished frame and the viewport it was drawn with.
type renderedFrame struct {
	img  *image.RGBA
	view render.Viewport
	took time.Duration
}

// renderQueue draws frames off the UI goroutine, one at a time. A request
// made while a frame is being drawn replaces any request still waiting, so
// a burst of requests (a drag, a running layout) costs one frame in flight
// and one more at the end, never a backlog.
type renderQueue struct {
	mu   sync.Mutex
	busy bool
	next *renderJob
	// deliver receives each frame on the UI goroutine.
	deliver func(renderedFrame)
	// post hands a function to the UI goroutine (fyne.Do).
	post func(func())
}

// newRenderQueue returns a queue that delivers frames with fyne.Do.
func newRenderQueue(deliver func(renderedFrame)) *renderQueue {
	return &renderQueue{deliver: deliver, post: fyne.Do}
}

// submit asks for job to be drawn as soon as the frame in flight is done.
func (q *renderQueue) submit(job *renderJob) {
	q.mu.Lock()
	if q.busy {
		q.next = job
		q.mu.Unlock()
		return
	}
	q.busy = true
	q.mu.Unlock()
	go q.loop(job)
}

// idle reports whether no frame is being drawn or waiting.
func (q *renderQueue) idle() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return !q.busy
}

func (q *renderQueue) loop(job *renderJob) {
	for job != nil {
		f := drawFrame(job)
		q.post(func() { q.deliver(f) })
		q.mu.Lock()
		job, q.next = q.next, nil
		if job == nil {
			q.busy = false
		}
		q.mu.Unlock()
	}
}

// drawFrame renders job into a new image.
func drawFrame(job *renderJob) renderedFrame {
	t0 := time.Now()
	w, h := max(job.view.Width, 1), max(job.view.Height, 1)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	render.Render(img, job.scene, job.view, job.opts)
	return renderedFrame{img: img, view: job.view, took: time.Since(t0)}
}
