package path

import "github.com/linkscope/linkscope/graph"

// Reach holds, for every entity, a lower bound on the number of relations
// a walk needs from it to one of a set of targets (or "unreachable within
// the bound"). Bounded enumerations use it to stop exploring branches that
// cannot end at a target in time, so that they do not wander past the
// target the way an unbounded depth-first search does. Make one with
// [Searcher.NewReach]; it stays valid until the graph grows.
type Reach struct {
	dist []int8 // -1: no target within maxHops
	max  int
}

// NewReach computes hop distances to targets, up to maxHops (at most
// [MaxAllPathsHops] when larger or 0), for walks that follow opt (and
// reverse, as in [WalkSpec]). The walk's intermediate entities must pass
// opt's exclusions; the distance of an excluded entity is still given, as
// it may start a walk.
func (s *Searcher) NewReach(targets []int32, opt Options, reverse bool, maxHops int) *Reach {
	s.sync()
	f := s.compile(opt)
	return s.reach(&f, targets, reverse, maxHops)
}

func (s *Searcher) reach(f *filter, targets []int32, reverse bool, maxHops int) *Reach {
	if maxHops <= 0 || maxHops > MaxAllPathsHops {
		maxHops = MaxAllPathsHops
	}
	r := &Reach{dist: make([]int8, s.adj.n), max: maxHops}
	for i := range r.dist {
		r.dist[i] = -1
	}
	front := s.fronts[3][:0]
	for _, t := range targets {
		if s.valid(t) && r.dist[t] < 0 {
			r.dist[t] = 0
			front = append(front, t)
		}
	}
	// Walk backwards from the targets: against the walk's direction.
	for d := 1; d <= maxHops && len(front) > 0; d++ {
		n := len(front)
		for _, u := range front[:n] {
			if r.dist[u] > 0 && !s.nodeOK(f, u) {
				continue // cannot be passed through
			}
			l1, l2 := s.arcs(f, u, !reverse)
			for _, list := range [2][]graph.Arc{l1, l2} {
				for _, x := range list {
					if r.dist[x.Node] < 0 && s.edgeOK(f, x.Rel) {
						r.dist[x.Node] = int8(d)
						front = append(front, x.Node)
					}
				}
			}
		}
		front = append(front[:0], front[n:]...)
	}
	s.fronts[3] = front
	return r
}

// Hops returns the lower bound for v, and false when no target is within
// the bound.
func (r *Reach) Hops(v int32) (int, bool) {
	if v < 0 || int(v) >= len(r.dist) || r.dist[v] < 0 {
		return 0, false
	}
	return int(r.dist[v]), true
}
