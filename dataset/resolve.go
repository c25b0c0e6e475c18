package dataset

import (
	"runtime"

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
	r := newResolver(g, data, edges)
	workers := min(runtime.GOMAXPROCS(0), len(edges)/20000)
	parallel(len(edges), workers, func(lo, hi int) {
		r.resolve(edges[lo:hi], from[lo:hi], to[lo:hi])
	})
	return from, to
}

// tableAbove is the number of relations above which their ends are
// resolved with an idTable rather than the graph's id map.
var tableAbove = 20000

// resolver resolves relation ends of the fast scanner's records, with an
// idTable for many relations (see resolveEnds).
type resolver struct {
	g     *graph.Graph
	data  []byte
	table *idTable
}

func newResolver(g *graph.Graph, data []byte, edges []fileEdge) *resolver {
	r := &resolver{g: g, data: data}
	// (only the fast scanner's records have offsets: the others' ends are
	// strings, looked up in the graph's map)
	if len(edges) >= tableAbove && edges[0].sourceAt.lo != 0 {
		r.table = newIDTable(g)
	}
	return r
}

// resolve sets from[i] and to[i] to the ends of edges[i] (any number of
// goroutines may call it at once).
func (r *resolver) resolve(edges []fileEdge, from, to []int32) {
	if r.table != nil {
		r.table.resolve(r.g, r.data, edges, from, to)
		return
	}
	for i := range edges {
		from[i], to[i] = resolveEdge(r.g, r.data, &edges[i])
	}
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
