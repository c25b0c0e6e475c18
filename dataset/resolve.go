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
//
// data is the input of the fast JSON scanner, whose relations give the
// offsets of their ends instead of copies (fileEdge.sourceAt): those are
// looked up from the bytes, and copied into Source or Target only when no
// entity has the id, for the message.
func resolveEnds(g *graph.Graph, edges []fileEdge, data []byte) (from, to []int32) {
	from, to = make([]int32, len(edges)), make([]int32, len(edges))
	lookup := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			from[i], to[i] = resolveEdge(g, data, &edges[i])
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

// resolveEdge resolves the ends of e (see resolveEnds).
func resolveEdge(g *graph.Graph, data []byte, e *fileEdge) (from, to int32) {
	return resolveEnd(g, data, &e.Source, e.sourceAt), resolveEnd(g, data, &e.Target, e.targetAt)
}

func resolveEnd(g *graph.Graph, data []byte, id *string, at span) int32 {
	if at.lo == 0 {
		return nodeIndex(g, *id)
	}
	raw := data[at.lo:at.hi]
	if i, ok := g.NodeIndexBytes(raw); ok {
		return i
	}
	*id = string(raw)
	return -1
}

func nodeIndex(g *graph.Graph, id string) int32 {
	if i, ok := g.NodeIndex(id); ok {
		return i
	}
	return -1
}

// indexEdges maps the relations' ids to their indices, or returns nil if
// one has no id or two the same (the builder then adds them one by one
// and reports the duplicates).
func indexEdges(edges []fileEdge) map[string]int32 {
	ids := make(map[string]int32, len(edges))
	for i := range edges {
		id := edges[i].ID
		if id == "" {
			return nil
		}
		n := len(ids)
		ids[id] = int32(i)
		if len(ids) == n {
			return nil
		}
	}
	return ids
}
