package path

import (
	"github.com/linkscope/linkscope/graph"

	"context"
	"slices"
)

// Neighborhood is the part of the graph within some hops of given entities.
type Neighborhood struct {
	// Nodes are in breadth-first order, the starting entities first.
	Nodes []int32
	// Depth[i] is the number of hops from the nearest start to Nodes[i].
	Depth []int
	// Via[i] is the relation by which Nodes[i] was first reached (-1 for a
	// start): following Via back gives a shortest path from a start.
	Via []int32
	// Edges are the relations, of the allowed types, that join two of
	// Nodes (self-loops included), in index order.
	Edges []int32
	// Truncated is true when the node limit, or the end of the context,
	// stopped the search early.
	Truncated bool
}

// Neighborhood returns the entities within depth hops of the starts under
// opt (relation types, direction — with Directed, only outgoing relations
// are followed — and excluded entities, which are neither shown nor
// crossed; MaxHops is ignored), with at most limit entities (no limit when
// limit <= 0). Invalid start indices are ignored. When ctx ends first (or
// has ended), it returns what it has reached so far, with Truncated set
// (and the relations among those entities), and ctx's error.
func (s *Searcher) Neighborhood(ctx context.Context, starts []int32, depth int, opt Options, limit int) (Neighborhood, error) {
	if canceled(ctx) {
		return Neighborhood{Truncated: true}, ctx.Err()
	}
	s.sync()
	pl := newPoller(ctx)
	f := s.compile(opt)
	gen := s.nextGen()
	var nb Neighborhood
	add := func(v int32, d int, via int32) bool {
		if limit > 0 && len(nb.Nodes) >= limit {
			nb.Truncated = true
			return false
		}
		s.markF[v] = gen
		nb.Nodes = append(nb.Nodes, v)
		nb.Depth = append(nb.Depth, d)
		nb.Via = append(nb.Via, via)
		return true
	}
	for _, v := range starts {
		if s.valid(v) && s.markF[v] != gen && !add(v, 0, -1) {
			break
		}
	}
	lo := 0
	for d := 1; d <= depth && !nb.Truncated && lo < len(nb.Nodes); d++ {
		hi := len(nb.Nodes)
	level:
		for _, u := range nb.Nodes[lo:hi] {
			l1, l2 := s.arcs(&f, u, false)
			for _, list := range [2][]graph.Arc{l1, l2} {
				for _, x := range list {
					if pl.stop() {
						nb.Truncated = true
						break level
					}
					if s.markF[x.Node] == gen || !s.edgeOK(&f, x.Rel) || !s.nodeOK(&f, x.Node) {
						continue
					}
					if !add(x.Node, d, x.Rel) {
						break level
					}
				}
			}
		}
		lo = hi
	}
	t := s.adj.topo
	for _, u := range nb.Nodes {
		for _, a := range t.OutArcs(u) {
			if s.markF[a.Node] == gen && (f.relOK == nil || f.relOK[t.RelType[a.Rel]]) {
				nb.Edges = append(nb.Edges, a.Rel)
			}
		}
		for _, r := range t.Loops(u) {
			if f.relOK == nil || f.relOK[t.RelType[r]] {
				nb.Edges = append(nb.Edges, r)
			}
		}
	}
	slices.Sort(nb.Edges)
	return nb, pl.err
}
