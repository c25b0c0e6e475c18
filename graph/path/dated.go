package path

import "github.com/linkscope/linkscope/graph"

// label is a state of the time-respecting search: a walk reaching node by
// relation rel from the label at index parent, with the given clock.
type label struct {
	Node, Rel, parent, clock int32
}

// shortestDated finds a shortest time-respecting path (see
// [Options.InDateOrder]) starting with the given clock; it gives up
// (false) when pl's context ends.
//
// Plain breadth-first search is wrong here: the first walk to reach a node
// may have a later clock than a longer one, and only the longer one may be
// able to go on. This is a label-setting search: it proceeds level by level
// (hop count) and keeps, for each node, the earliest clock with which it has
// been reached; a new label is kept only when its clock is strictly earlier,
// since a label with more hops and no earlier clock can do nothing the
// older one cannot. Each node is thus labelled at most once per distinct
// date. A shortest time-respecting walk is a path: clocks never decrease
// along a walk, so cutting out a cycle leaves a shorter walk that is still
// time-respecting; and the strict rule above never extends a walk back into
// one of its own nodes.
func (s *Searcher) shortestDated(pl *poller, f *filter, from, to int32, clock int32, maxHops int) (Path, bool) {
	gen := s.nextGen()
	a := s.adj
	s.labels = append(s.labels[:0], label{from, -1, -1, clock})
	s.markF[from], s.best[from] = gen, clock
	lo, hi := 0, 1
	for hops := 1; lo < hi && (maxHops <= 0 || hops <= maxHops); hops++ {
		for li := lo; li < hi; li++ {
			l := s.labels[li]
			l1, l2 := s.arcs(f, l.Node, false)
			for _, list := range [2][]graph.Arc{l1, l2} {
				for _, x := range list {
					if pl.stop() {
						return Path{}, false
					}
					v := x.Node
					if !s.edgeOK(f, x.Rel) {
						continue
					}
					c, ok := stepClock(l.clock, a.first[x.Rel], a.last[x.Rel])
					if !ok {
						continue
					}
					if v == to {
						s.labels = append(s.labels, label{v, x.Rel, int32(li), c})
						return s.labelPath(int32(len(s.labels) - 1)), true
					}
					if s.markF[v] == gen && s.best[v] <= c {
						continue
					}
					if !s.nodeOK(f, v) {
						continue
					}
					s.markF[v], s.best[v] = gen, c
					s.labels = append(s.labels, label{v, x.Rel, int32(li), c})
				}
			}
		}
		lo, hi = hi, len(s.labels)
	}
	return Path{}, false
}

// labelPath follows parent links from label li back to the source.
func (s *Searcher) labelPath(li int32) Path {
	n := 0
	for i := li; i >= 0; i = s.labels[i].parent {
		n++
	}
	p := Path{Nodes: make([]int32, n), Edges: make([]int32, n-1)}
	for i := li; i >= 0; i = s.labels[i].parent {
		n--
		p.Nodes[n] = s.labels[i].Node
		if n > 0 {
			p.Edges[n-1] = s.labels[i].Rel
		}
	}
	return p
}
