package gui

import (
	"context"
	"time"

	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/graph"
)

// asyncSearchAbove is the number of entities above which a search box
// searches off the UI goroutine: at 100k entities one search takes tens of
// milliseconds, too long to run on every keystroke.
const asyncSearchAbove = 20000

// searchRunner runs the name searches of a box that searches as the user
// types: at once on small graphs, as a task on large ones (the latest
// query wins: an older query's results are never shown after a newer
// query was typed). Its methods are called on the UI goroutine.
type searchRunner struct {
	// post runs a function on the UI goroutine (tests; postUI when nil).
	post func(func())
	t    *task.Task[[]graph.Match, noProgress]
	// took is how long the search whose results were shown last took
	// (in its task, without the wait for the UI goroutine).
	took time.Duration
}

func (r *searchRunner) task() *task.Task[[]graph.Match, noProgress] {
	if r.t == nil {
		post := r.post
		if post == nil {
			post = postUI
		}
		r.t = task.New[[]graph.Match, noProgress](post)
	}
	return r.t
}

// run searches g (a snapshot: it is read off the UI goroutine on large
// graphs) for q and calls show with the results on the UI goroutine,
// unless a later run or cancel came first.
func (r *searchRunner) run(g *graph.Graph, q string, limit int, show func([]graph.Match)) {
	if g.NodeCount() <= asyncSearchAbove {
		r.cancel()
		t0 := time.Now()
		res := g.Index().Search(q, limit)
		r.took = time.Since(t0)
		show(res)
		return
	}
	var took time.Duration
	r.task().Start(func(ctx context.Context, _ func(noProgress)) ([]graph.Match, error) {
		t0 := time.Now()
		defer func() { took = time.Since(t0) }()
		return searchNames(ctx, g, q, limit)
	}, func(res []graph.Match, err error) {
		if err == nil {
			r.took = took
			show(res)
		}
	})
}

// warm builds g's name index (g a snapshot) as a task on large graphs, so
// that the first search need not wait for it and that nothing on the UI
// goroutine builds it. A search started meanwhile replaces the task and
// waits in its own for the same build (graph.Graph.Index builds once).
func (r *searchRunner) warm(g *graph.Graph) {
	if g.NodeCount() <= asyncSearchAbove || g.IndexBuilt() {
		return
	}
	t0 := time.Now()
	r.task().Start(func(context.Context, func(noProgress)) ([]graph.Match, error) {
		g.Index()
		return nil, nil
	}, func([]graph.Match, error) {
		trace("search", "index-built", "entities", g.NodeCount(), "ms", time.Since(t0))
	})
}

// cancel drops the results of the search under way.
func (r *searchRunner) cancel() {
	if r.t != nil {
		r.t.Cancel()
	}
}

// pending reports whether the latest search has not delivered yet.
func (r *searchRunner) pending() bool { return r.t != nil && r.t.Running() }
