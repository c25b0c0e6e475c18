package dataset

import (
	"runtime"
	"sync"

	"github.com/linkscope/linkscope/graph"
)

// resolveEnds looks up the entity index of both ends of every relation, -1
// for an id that no entity has. Once the entities are added the id map is
// only read, so large files are split among the processors: these lookups
// are a third of the loading time of a big graph.
func resolveEnds(g *graph.Graph, edges []fileEdge) (from, to []int32) {
	from, to = make([]int32, len(edges)), make([]int32, len(edges))
	lookup := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			from[i], to[i] = nodeIndex(g, edges[i].Source), nodeIndex(g, edges[i].Target)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(edges)/20000)
	if workers <= 1 {
		lookup(0, len(edges))
		return from, to
	}
	var wg sync.WaitGroup
	chunk := (len(edges) + workers - 1) / workers
	for lo := 0; lo < len(edges); lo += chunk {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			lookup(lo, hi)
		}(lo, min(lo+chunk, len(edges)))
	}
	wg.Wait()
	return from, to
}

func nodeIndex(g *graph.Graph, id string) int32 {
	if i, ok := g.NodeIndex(id); ok {
		return i
	}
	return -1
}
