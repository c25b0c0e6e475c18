package path

import "github.com/linkscope/linkscope/graph"

import "context"

// Shortest returns a path with the fewest relations from one entity to
// another under opt, and false when there is none (or an index is out of
// range). Without InDateOrder it runs a bidirectional breadth-first search
// that expands the smaller frontier; with it, a label-setting search (see
// [Options.InDateOrder]). Among equally short paths it returns one.
// When ctx ends first (or has ended), Shortest returns false and ctx's
// error.
func (s *Searcher) Shortest(ctx context.Context, from, to int32, opt Options) (Path, bool, error) {
	if canceled(ctx) {
		return Path{}, false, ctx.Err()
	}
	s.sync()
	if !s.valid(from) || !s.valid(to) {
		return Path{}, false, nil
	}
	f := s.compile(opt)
	pl := newPoller(ctx)
	p, ok := s.shortest(&pl, &f, from, to, 0, f.maxHops)
	if pl.err != nil {
		return Path{}, false, pl.err
	}
	return p, ok, nil
}

// shortest dispatches to the right search; clock is the date key reached
// so far by a time-respecting walk and maxHops bounds the length (0: none).
// When pl's context ends it returns false and pl.err is set.
func (s *Searcher) shortest(pl *poller, f *filter, from, to int32, clock int32, maxHops int) (Path, bool) {
	if from == to {
		return Path{Nodes: []int32{from}}, true
	}
	if f.dated {
		return s.shortestDated(pl, f, from, to, clock, maxHops)
	}
	return s.bidirectional(pl, f, from, to, maxHops)
}

// bidirectional is a breadth-first search from both ends, one whole level
// at a time, on the side with the smaller frontier. It stops at the first
// node reached from both sides: if the source side has completed a levels
// and the target side b, no earlier meeting proves the shortest length is
// at least a+b, and a meeting found while expanding the source side's
// level a-1 gives a path of at most (a-1)+1+b, so it is a shortest one.
func (s *Searcher) bidirectional(pl *poller, f *filter, from, to int32, maxHops int) (Path, bool) {
	gen := s.nextGen()
	s.markF[from], s.predF[from] = gen, graph.Arc{Node: -1, Rel: -1}
	s.markB[to], s.predB[to] = gen, graph.Arc{Node: -1, Rel: -1}
	front := append(s.fronts[0][:0], from)
	back := append(s.fronts[1][:0], to)
	next := s.fronts[2][:0]
	levels := 0
	meet := int32(-1)
	for len(front) > 0 && len(back) > 0 {
		if maxHops > 0 && levels >= maxHops {
			break
		}
		levels++
		reverse := len(back) < len(front)
		mark, other, pred := s.markF, s.markB, s.predF
		cur := front
		if reverse {
			mark, other, pred = s.markB, s.markF, s.predB
			cur = back
		}
		next = next[:0]
	expand:
		for _, u := range cur {
			l1, l2 := s.arcs(f, u, reverse)
			for _, list := range [2][]graph.Arc{l1, l2} {
				for _, x := range list {
					if pl.stop() {
						break expand
					}
					v := x.Node
					if mark[v] == gen || !s.edgeOK(f, x.Rel) {
						continue
					}
					if other[v] == gen {
						mark[v], pred[v] = gen, graph.Arc{Node: u, Rel: x.Rel}
						meet = v
						break expand
					}
					if !s.nodeOK(f, v) {
						continue
					}
					mark[v], pred[v] = gen, graph.Arc{Node: u, Rel: x.Rel}
					next = append(next, v)
				}
			}
		}
		if meet >= 0 || pl.err != nil {
			break
		}
		if reverse {
			back, next = next, back
		} else {
			front, next = next, front
		}
	}
	s.fronts[0], s.fronts[1], s.fronts[2] = front, back, next
	if meet < 0 || pl.err != nil {
		return Path{}, false
	}
	return s.joinAt(meet), true
}

// joinAt builds the path through meet from the predecessor links of both
// sides of the last bidirectional search.
func (s *Searcher) joinAt(meet int32) Path {
	n := 0
	for v := meet; v >= 0; v = s.predF[v].Node {
		n++
	}
	for v := meet; v >= 0; v = s.predB[v].Node {
		n++
	}
	n-- // meet counted twice
	p := Path{Nodes: make([]int32, n), Edges: make([]int32, n-1)}
	i := 0
	for v := meet; s.predF[v].Node >= 0; v = s.predF[v].Node {
		i++
	}
	// i is meet's position; fill the source half backwards.
	k := i
	for v := meet; ; v = s.predF[v].Node {
		p.Nodes[k] = v
		if s.predF[v].Node < 0 {
			break
		}
		p.Edges[k-1] = s.predF[v].Rel
		k--
	}
	k = i
	for v := meet; s.predB[v].Node >= 0; v = s.predB[v].Node {
		p.Edges[k] = s.predB[v].Rel
		k++
		p.Nodes[k] = s.predB[v].Node
	}
	return p
}
