package sourcetest

import (
	"cmp"
	"maps"
	"reflect"
	"slices"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// answer is what an expansion must return, by id.
type answer struct {
	entities  []string // in order
	relations []string // sorted
	hops      map[string]int
	truncated bool
}

// reference computes the answer to Expand from the package documentation's
// definition, the slow way: the whole reachable region by repeated scans
// of every relation, sorted, then cut. It shares no code with any source.
func reference(g *graph.Graph, ids []string, opt source.ExpandOptions) answer {
	inSet := func(list []string, s string) bool { return len(list) == 0 || slices.Contains(list, s) }
	relOK := func(e *graph.Edge) bool { return inSet(opt.RelationTypes, e.Type) }
	entOK := func(v int32) bool { return inSet(opt.EntityTypes, g.Node(v).Type) }
	id := func(v int32) string { return g.Node(v).ID }

	degree := make([]int, g.NodeCount())
	for r := 0; r < g.EdgeCount(); r++ {
		e := g.Edge(int32(r))
		degree[e.From]++
		degree[e.To]++
	}
	dist := map[int32]int{}
	var seeds []int32
	for _, s := range ids {
		v, ok := g.NodeIndex(s)
		if !ok {
			panic("reference: unknown seed " + s)
		}
		if _, dup := dist[v]; !dup {
			dist[v] = 0
			seeds = append(seeds, v)
		}
	}
	for d := 1; d <= opt.Depth; d++ {
		var reached []int32
		for r := 0; r < g.EdgeCount(); r++ {
			e := g.Edge(int32(r))
			if !relOK(e) {
				continue
			}
			step := func(a, b int32) {
				if da, ok := dist[a]; ok && da == d-1 {
					if _, seen := dist[b]; !seen && entOK(b) {
						reached = append(reached, b)
					}
				}
			}
			if opt.Direction != source.In {
				step(e.From, e.To)
			}
			if opt.Direction != source.Out {
				step(e.To, e.From)
			}
		}
		for _, v := range reached {
			dist[v] = d
		}
	}
	var far []int32
	for v, d := range dist {
		if d > 0 {
			far = append(far, v)
		}
	}
	slices.SortFunc(far, func(a, b int32) int {
		if c := cmp.Compare(dist[a], dist[b]); c != 0 {
			return c
		}
		if c := cmp.Compare(degree[b], degree[a]); c != 0 {
			return c
		}
		return cmp.Compare(id(a), id(b))
	})
	var ans answer
	if opt.Limit > 0 && len(far) > opt.Limit {
		far, ans.truncated = far[:opt.Limit], true
	}
	in := map[int32]bool{}
	ans.hops = map[string]int{}
	for _, v := range append(slices.Clip(seeds), far...) {
		in[v] = true
		ans.entities = append(ans.entities, id(v))
		ans.hops[id(v)] = dist[v]
	}
	known := map[int32]bool{}
	for _, k := range opt.Known {
		if v, ok := g.NodeIndex(k); ok && !in[v] {
			known[v] = true
		}
	}
	ends := map[string]bool{}
	for r := 0; r < g.EdgeCount(); r++ {
		e := g.Edge(int32(r))
		if !relOK(e) {
			continue
		}
		switch {
		case in[e.From] && in[e.To]:
		case in[e.From] && known[e.To]:
			ends[id(e.To)] = true
		case known[e.From] && in[e.To]:
			ends[id(e.From)] = true
		default:
			continue
		}
		ans.relations = append(ans.relations, e.ID)
	}
	slices.Sort(ans.relations)
	ans.entities = append(ans.entities, slices.Sorted(maps.Keys(ends))...)
	return ans
}

// entityRecord and relationRecord are the records a source must return
// for an entity or relation of g.
func entityRecord(g *graph.Graph, v int32) source.Entity {
	n := g.Node(v)
	return source.Entity{ID: n.ID, Type: n.Type, Label: n.Label, Aliases: n.Aliases, Props: n.Props.Map(), Sources: n.Sources}
}

func relationRecord(g *graph.Graph, r int32) source.Relation {
	e := g.Edge(r)
	return source.Relation{ID: e.ID, Source: g.Node(e.From).ID, Target: g.Node(e.To).ID, Type: e.Type,
		Date: e.Date, Props: e.Props.Map(), Sources: e.Sources}
}

// sameEntity and sameRelation compare records, an empty list or map
// counting as none.
func sameEntity(a, b source.Entity) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Label == b.Label && sameList(a.Aliases, b.Aliases) &&
		sameProps(a.Props, b.Props) && sameList(a.Sources, b.Sources)
}

func sameRelation(a, b source.Relation) bool {
	return a.ID == b.ID && a.Source == b.Source && a.Target == b.Target && a.Type == b.Type && a.Date == b.Date &&
		sameProps(a.Props, b.Props) && sameList(a.Sources, b.Sources)
}

func sameList[T comparable](a, b []T) bool { return slices.Equal(a, b) }

func sameProps(a, b map[string]any) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// citedSources are the dataset sources that the records of sub cite, by
// id: what sub.Sources must be.
func citedSources(g *graph.Graph, sub *source.Subgraph) []graph.Source {
	cited := map[string]bool{}
	for _, e := range sub.Entities {
		for _, c := range e.Sources {
			cited[c.Source] = true
		}
	}
	for _, r := range sub.Relations {
		for _, c := range r.Sources {
			cited[c.Source] = true
		}
	}
	var out []graph.Source
	for _, id := range slices.Sorted(maps.Keys(cited)) {
		if s, ok := g.Source(id); ok {
			out = append(out, *s)
		}
	}
	return out
}
