package source

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// ErrClosed is returned by a closed source.
var ErrClosed = errors.New("source: closed")

// File is the [Source] over a graph held in memory: a dataset file loaded
// whole, or any *graph.Graph. It searches with the graph's [graph.NameIndex]
// and expands with a breadth-first walk over its [graph.Topology] that
// stops at the limit, as a database would.
//
// A File reads a snapshot of the graph taken when it was made, so that the
// graph's owner may go on changing the graph; it is safe for concurrent
// use.
type File struct {
	g       *graph.Graph
	sources map[string]*graph.Source
	closed  atomic.Bool
}

var _ Source = (*File)(nil)

// FromGraph returns a File over a snapshot of g. It must be called on the
// goroutine that changes g (taking the snapshot marks g).
func FromGraph(g *graph.Graph) *File {
	s := g.Snapshot()
	f := &File{g: s, sources: make(map[string]*graph.Source, len(s.Sources))}
	for i := range s.Sources {
		if _, dup := f.sources[s.Sources[i].ID]; !dup {
			f.sources[s.Sources[i].ID] = &s.Sources[i]
		}
	}
	return f
}

// Open loads the dataset file at path with the dataset package's loader
// (JSON, GraphML, GEXF or CSV, by extension) and returns a File over it.
// The loader's errors are returned as they are (positioned
// FILE:LINE:COL); the load stops when ctx ends.
func Open(ctx context.Context, path string, opts dataset.Options) (*File, error) {
	g, err := dataset.LoadContext(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	return FromGraph(g), nil
}

// Graph returns the snapshot the File reads. It must not be changed.
func (f *File) Graph() *graph.Graph { return f.g }

// Close marks the File closed; it holds no other resource.
func (f *File) Close() error {
	f.closed.Store(true)
	return nil
}

func (f *File) start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if f.closed.Load() {
		return ErrClosed
	}
	return nil
}

// Info implements [Source].
func (f *File) Info(ctx context.Context) (Info, error) {
	if err := f.start(ctx); err != nil {
		return Info{}, err
	}
	return Info{
		Title: f.g.Title, Description: f.g.Description,
		Entities: f.g.NodeCount(), Relations: f.g.EdgeCount(),
		EntityTypes: f.g.NodeTypes(), RelationTypes: f.g.EdgeTypes(),
	}, nil
}

// Search implements [Searcher] with the graph's name index, ordering ties
// of score by degree, then id.
func (f *File) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	if err := f.start(ctx); err != nil {
		return nil, err
	}
	g := f.g
	t := g.Topology()
	ms := g.Index().Search(query, 0)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(ms, func(a, b graph.Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(t.Degree[b.Node], t.Degree[a.Node]); c != 0 {
			return c
		}
		return cmp.Compare(g.Node(a.Node).ID, g.Node(b.Node).ID)
	})
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	hits := make([]Hit, len(ms))
	for i, m := range ms {
		n := g.Node(m.Node)
		hits[i] = Hit{ID: n.ID, Type: n.Type, Label: n.Label, Matched: m.Matched, Score: m.Score, Degree: int(t.Degree[m.Node])}
	}
	return hits, nil
}

// pollEvery is how many steps of a walk go between two looks at the
// context.
const pollEvery = 1024

// Expand implements [Expander]: a breadth-first walk over the topology's
// arcs, one level at a time, that sorts each level by degree and id and
// stops as soon as the limit is reached, never walking further than it
// must to know whether it truncated.
func (f *File) Expand(ctx context.Context, ids []string, opt ExpandOptions) (*Subgraph, error) {
	if err := f.start(ctx); err != nil {
		return nil, err
	}
	if err := opt.check(); err != nil {
		return nil, err
	}
	seeds, _, err := f.resolve("expand", ids, false)
	if err != nil {
		return nil, err
	}
	g := f.g
	t := g.Topology()
	relOK := typeSet(len(t.Types.Rels), opt.RelationTypes, t.Types.RelTypeID)
	nodeOK := typeSet(len(t.Types.Nodes), opt.EntityTypes, t.Types.NodeTypeID)
	allowedRel := func(r int32) bool { return relOK == nil || relOK[t.RelType[r]] }

	steps := 0
	poll := func() error {
		if steps++; steps%pollEvery == 0 {
			return ctx.Err()
		}
		return nil
	}
	hops := make(map[int32]int, len(seeds))
	for _, s := range seeds {
		hops[s] = 0
	}
	// level returns the entities first reached from frontier, marking them
	// at distance d; with first set it stops at the first one (to learn
	// whether a truncated walk had more to give) and marks nothing.
	level := func(frontier []int32, d int, first bool) ([]int32, error) {
		var next []int32
		for _, u := range frontier {
			for k := 0; k < 2; k++ {
				var arcs []graph.Arc
				switch {
				case k == 0 && opt.Direction != In:
					arcs = t.OutArcs(u)
				case k == 1 && opt.Direction != Out:
					arcs = t.InArcs(u)
				}
				for _, a := range arcs {
					if err := poll(); err != nil {
						return nil, err
					}
					v := a.Node
					if _, seen := hops[v]; seen || !allowedRel(a.Rel) || (nodeOK != nil && !nodeOK[t.NodeType[v]]) {
						continue
					}
					if first {
						return []int32{v}, nil
					}
					hops[v] = d
					next = append(next, v)
				}
			}
		}
		return next, nil
	}
	var kept []int32
	truncated := false
	frontier := seeds
	for d := 1; d <= opt.Depth && len(frontier) > 0; d++ {
		next, err := level(frontier, d, false)
		if err != nil {
			return nil, err
		}
		slices.SortFunc(next, func(a, b int32) int {
			if c := cmp.Compare(t.Degree[b], t.Degree[a]); c != 0 {
				return c
			}
			return cmp.Compare(g.Node(a).ID, g.Node(b).ID)
		})
		if opt.Limit > 0 && len(kept)+len(next) > opt.Limit {
			for _, v := range next[opt.Limit-len(kept):] {
				delete(hops, v)
			}
			next = next[:opt.Limit-len(kept)]
			truncated = true
		}
		kept = append(kept, next...)
		if truncated {
			break
		}
		if opt.Limit > 0 && len(kept) == opt.Limit && d < opt.Depth {
			more, err := level(next, d+1, true)
			if err != nil {
				return nil, err
			}
			truncated = len(more) > 0
			break
		}
		frontier = next
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// The relations among the result and from it to known entities: each
	// relation inside the result is met once, as an arc leaving its
	// subject; one to a known entity as an arc either way.
	result := append(slices.Clip(seeds), kept...)
	known := map[int32]bool{}
	for _, id := range opt.Known {
		if v, ok := g.NodeIndex(id); ok {
			if _, in := hops[v]; !in {
				known[v] = true
			}
		}
	}
	var rels, ends []int32
	joinKnown := func(v, r int32) {
		if known[v] {
			rels = append(rels, r)
			if _, added := hops[v]; !added {
				hops[v] = -1 // an end, not reached
				ends = append(ends, v)
			}
		}
	}
	for _, u := range result {
		for _, a := range t.OutArcs(u) {
			if err := poll(); err != nil {
				return nil, err
			}
			if !allowedRel(a.Rel) {
				continue
			}
			if d, in := hops[a.Node]; in && d >= 0 {
				rels = append(rels, a.Rel)
			} else {
				joinKnown(a.Node, a.Rel)
			}
		}
		for _, a := range t.InArcs(u) {
			if err := poll(); err != nil {
				return nil, err
			}
			if allowedRel(a.Rel) {
				joinKnown(a.Node, a.Rel)
			}
		}
		for _, r := range t.Loops(u) {
			if allowedRel(r) {
				rels = append(rels, r)
			}
		}
	}
	slices.SortFunc(ends, func(a, b int32) int { return cmp.Compare(g.Node(a).ID, g.Node(b).ID) })
	slices.SortFunc(rels, func(a, b int32) int { return cmp.Compare(g.Edge(a).ID, g.Edge(b).ID) })

	sub := f.subgraph(append(result, ends...), rels)
	sub.Truncated = truncated
	sub.Hops = make(map[string]int, len(result))
	for _, v := range result {
		sub.Hops[g.Node(v).ID] = hops[v]
	}
	return sub, nil
}

// Fetch implements [Fetcher].
func (f *File) Fetch(ctx context.Context, ids []string) (*Subgraph, error) {
	if err := f.start(ctx); err != nil {
		return nil, err
	}
	nodes, rels, err := f.resolve("fetch", ids, true)
	if err != nil {
		return nil, err
	}
	seen := make(map[int32]bool, len(nodes))
	for _, v := range nodes {
		seen[v] = true
	}
	for _, r := range rels {
		e := f.g.Edge(r)
		for _, v := range [2]int32{e.From, e.To} {
			if !seen[v] {
				seen[v] = true
				nodes = append(nodes, v)
			}
		}
	}
	return f.subgraph(nodes, rels), nil
}

// resolve turns ids into entity (and, with relations set, relation)
// indices, without duplicates, in the order given; unknown ids make a
// NotFoundError naming them all.
func (f *File) resolve(op string, ids []string, relations bool) (nodes, rels []int32, err error) {
	seenN := map[int32]bool{}
	seenR := map[int32]bool{}
	var missing []string
	for _, id := range ids {
		if v, ok := f.g.NodeIndex(id); ok {
			if !seenN[v] {
				seenN[v] = true
				nodes = append(nodes, v)
			}
			continue
		}
		if relations {
			if r, ok := f.g.EdgeIndex(id); ok {
				if !seenR[r] {
					seenR[r] = true
					rels = append(rels, r)
				}
				continue
			}
		}
		if !slices.Contains(missing, id) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, nil, &NotFoundError{Op: op, IDs: missing}
	}
	return nodes, rels, nil
}

// typeSet is the set of type ids named by names, by id; nil (all allowed)
// when names is empty. Names the graph does not have allow nothing.
func typeSet(n int, names []string, id func(string) (int32, bool)) []bool {
	if len(names) == 0 {
		return nil
	}
	ok := make([]bool, n)
	for _, name := range names {
		if i, found := id(name); found {
			ok[i] = true
		}
	}
	return ok
}

// subgraph builds the records of the given entities and relations, and of
// the sources they cite.
func (f *File) subgraph(nodes, rels []int32) *Subgraph {
	g := f.g
	sub := &Subgraph{Entities: make([]Entity, len(nodes)), Relations: make([]Relation, len(rels))}
	cited := map[string]bool{}
	cite := func(cs []graph.Citation) []graph.Citation {
		for _, c := range cs {
			cited[c.Source] = true
		}
		return slices.Clone(cs)
	}
	for i, v := range nodes {
		n := g.Node(v)
		sub.Entities[i] = Entity{ID: n.ID, Type: n.Type, Label: n.Label, Aliases: slices.Clone(n.Aliases),
			Props: cloneProps(n.Props.Map()), Sources: cite(n.Sources)}
	}
	for i, r := range rels {
		e := g.Edge(r)
		sub.Relations[i] = Relation{ID: e.ID, Source: g.Node(e.From).ID, Target: g.Node(e.To).ID, Type: e.Type,
			Date: e.Date, Props: cloneProps(e.Props.Map()), Sources: cite(e.Sources)}
	}
	for _, id := range slices.Sorted(maps.Keys(cited)) {
		if s, ok := f.sources[id]; ok {
			sub.Sources = append(sub.Sources, *s)
		}
	}
	return sub
}

// cloneProps copies properties deeply, so that a caller changing a
// record's value cannot change the model's.
func cloneProps(p map[string]any) map[string]any {
	if p == nil {
		return nil
	}
	out := make(map[string]any, len(p))
	for k, v := range p {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return cloneProps(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneValue(e)
		}
		return out
	}
	return v
}
