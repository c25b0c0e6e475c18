package gui

import (
	"fyne.io/fyne/v2"

	"github.com/linkscope/linkscope/graph"
)

// asyncSearchAbove is the number of entities above which a search box
// searches off the UI goroutine: at 100k entities one search takes tens of
// milliseconds, too long to run on every keystroke.
const asyncSearchAbove = 20000

// searchRunner runs the name searches of a box that searches as the user
// types: at once on small graphs, on a goroutine on large ones, handing
// only the latest query's results back to the UI goroutine. Its methods
// are called on the UI goroutine.
type searchRunner struct {
	gen, done int
	// post runs a function on the UI goroutine (fyne.Do when nil).
	post func(func())
}

// run searches g for q and calls show with the results on the UI
// goroutine, unless a later run has started meanwhile.
func (r *searchRunner) run(g *graph.Graph, q string, limit int, show func([]graph.Match)) {
	r.gen++
	gen := r.gen
	if g.NodeCount() <= asyncSearchAbove {
		r.done = gen
		show(g.Index().Search(q, limit))
		return
	}
	go func() {
		res := g.Index().Search(q, limit)
		post := r.post
		if post == nil {
			post = fyne.Do
		}
		post(func() {
			if gen == r.gen {
				r.done = gen
				show(res)
			}
		})
	}()
}

// cancel drops the results of the searches under way.
func (r *searchRunner) cancel() {
	r.gen++
	r.done = r.gen
}

// pending reports whether the latest search has not delivered yet.
func (r *searchRunner) pending() bool { return r.done != r.gen }
