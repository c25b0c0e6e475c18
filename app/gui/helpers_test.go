package gui

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// clearview loads the embedded case.
func clearview(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// node returns the index of the entity with the given id.
func node(t testing.TB, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return i
}

// placedExplorer is an explorer over the Clearview case with the circular
// layout's positions.
func placedExplorer(t testing.TB) *explorer {
	t.Helper()
	g := clearview(t)
	ex := newExplorer(g, "")
	p, err := staticLayout(context.Background(), g, ex.scene, layoutCircular, -1)
	if err != nil {
		t.Fatal(err)
	}
	ex.setPositions(p)
	return ex
}

// texts returns the text of every label, hyperlink and canvas text laid
// out under o, joined by newlines.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, obj := range test.LaidOutObjects(o) {
		switch x := obj.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString(x.Text + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		}
	}
	return b.String()
}

// screenPos is where entity i is drawn on canvas c, in logical pixels.
func screenPos(c *graphCanvas, i int32) fyne.Position {
	x, y := c.view.ToScreen(c.ex.pos[i])
	sc := c.view.Scale
	return fyne.NewPos(float32(x/sc), float32(y/sc))
}

// lightOptions are plain render options for tests.
func lightOptions() render.Options { return render.Options{Theme: render.Light} }

// uiQueue stands in for the UI goroutine's queue: the functions posted
// wait until the test goroutine, playing the UI goroutine, runs them.
// Posting never blocks.
type uiQueue struct {
	mu     sync.Mutex
	fs     []func()
	posted chan struct{}
}

func newUIQueue() *uiQueue { return &uiQueue{posted: make(chan struct{}, 1)} }

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
	select {
	case q.posted <- struct{}{}:
	default:
	}
}

// run runs what is queued, and what that posts, until nothing is left.
func (q *uiQueue) run() {
	for {
		q.mu.Lock()
		if len(q.fs) == 0 {
			q.mu.Unlock()
			return
		}
		f := q.fs[0]
		q.fs = q.fs[1:]
		q.mu.Unlock()
		f()
	}
}

// wait blocks until something is queued.
func (q *uiQueue) wait() {
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

// queueUI makes postUI post to a uiQueue for the rest of the test; call
// it before building what posts (tasks take postUI when made).
func queueUI(t *testing.T) *uiQueue {
	q := newUIQueue()
	old := postUI
	postUI = q.post
	t.Cleanup(func() { postUI = old })
	return q
}
