package path

import "github.com/linkscope/linkscope/graph"

import "context"

// WalkSpec describes a bounded enumeration of simple paths from one entity
// (see [Searcher.Walk]).
type WalkSpec struct {
	// Options filters relations and intermediate entities. Its MaxHops
	// is the longest path reported; 0 means DefaultAllPathsHops, and it is
	// capped at MaxAllPathsHops.
	Options
	// MinHops is the shortest path reported (at least 1).
	MinHops int
	// Reverse, with Directed, follows relations from object to subject.
	Reverse bool
	// End reports whether a path may end at v; nil accepts any entity.
	End func(v int32) bool
	// Avoid, when set, names entities the path may not pass through (the
	// end entity is up to End).
	Avoid func(v int32) bool
	// AvoidRel, when set, names relations the path may not take.
	AvoidRel func(r int32) bool
	// Reach, when set, must bound the distance to every entity End
	// accepts (made with NewReach from those entities and the same
	// options); branches that cannot end in time are then cut.
	Reach *Reach
}

// Walk calls visit with every simple path from `from` whose length is
// within [MinHops, MaxHops] and whose last entity End accepts, depth-first.
// The Path passed to visit is reused: clone it to keep it. visit returns
// false to stop. Walk returns ctx's error when ctx ends first (it polls
// ctx every 1024 relations looked at) or has ended. Walk may be called
// again from within visit.
func (s *Searcher) Walk(ctx context.Context, from int32, spec WalkSpec, visit func(Path) bool) error {
	if canceled(ctx) {
		return ctx.Err()
	}
	s.sync()
	if !s.valid(from) {
		return ErrNoSuchNode
	}
	maxHops := spec.MaxHops
	if maxHops <= 0 {
		maxHops = DefaultAllPathsHops
	}
	e := &walker{
		s: s, f: s.compileTypes(spec.Options), ctx: ctx,
		reverse: spec.Reverse, minHops: max(spec.MinHops, 1), maxHops: min(maxHops, MaxAllPathsHops),
		stopAt: -1, end: spec.End, avoid: spec.Avoid, avoidRel: spec.AvoidRel, visit: visit,
	}
	for _, v := range spec.ExcludeNodes {
		if e.excluded == nil {
			e.excluded = map[int32]bool{}
		}
		e.excluded[v] = true
	}
	if spec.Reach != nil && len(spec.Reach.dist) == s.adj.n {
		e.dist = spec.Reach.dist
	}
	e.run(from)
	if e.canceled {
		return ctx.Err()
	}
	return nil
}

// walker is one depth-first enumeration of simple paths. It keeps its own
// state (not the Searcher's scratch) so that enumerations can nest.
type walker struct {
	s        *Searcher
	f        filter
	ctx      context.Context
	reverse  bool
	minHops  int
	maxHops  int
	dist     []int8 // optional lower bounds to the ends
	stopAt   int32  // an entity the path may not pass through (AllPaths' target)
	end      func(int32) bool
	avoid    func(int32) bool
	avoidRel func(int32) bool
	excluded map[int32]bool // set when filter bans come from the Searcher
	visit    func(Path) bool

	nodes, edges []int32
	steps        int
	stopped      bool
	canceled     bool
}

func (e *walker) run(from int32) {
	e.nodes = append(e.nodes[:0], from)
	e.edges = e.edges[:0]
	e.step(from, 0)
}

// step extends the current path from u, whose clock is clock; it returns
// false when the enumeration must stop.
func (e *walker) step(u int32, clock int32) bool {
	depth := len(e.edges)
	if depth >= e.maxHops {
		return true
	}
	s, a := e.s, e.s.adj
	l1, l2 := s.arcs(&e.f, u, e.reverse)
	for _, list := range [2][]graph.Arc{l1, l2} {
		for _, x := range list {
			if e.steps++; e.steps&(pollEvery-1) == 0 && canceled(e.ctx) {
				e.stopped, e.canceled = true, true
				return false
			}
			v := x.Node
			if !s.edgeOK(&e.f, x.Rel) || e.onPath(v) {
				continue
			}
			if e.dist != nil {
				if d := e.dist[v]; d < 0 || depth+1+int(d) > e.maxHops {
					continue
				}
			}
			if e.avoidRel != nil && e.avoidRel(x.Rel) {
				continue
			}
			c := clock
			if e.f.dated {
				var ok bool
				if c, ok = stepClock(clock, a.first[x.Rel], a.last[x.Rel]); !ok {
					continue
				}
			}
			e.nodes = append(e.nodes, v)
			e.edges = append(e.edges, x.Rel)
			ok := true
			if depth+1 >= e.minHops && (e.end == nil || e.end(v)) {
				ok = e.visit(Path{Nodes: e.nodes, Edges: e.edges})
			}
			if ok && v != e.stopAt && s.nodeOK(&e.f, v) && !e.excluded[v] && (e.avoid == nil || !e.avoid(v)) {
				ok = e.step(v, c)
			}
			e.nodes = e.nodes[:len(e.nodes)-1]
			e.edges = e.edges[:len(e.edges)-1]
			if !ok || e.stopped {
				e.stopped = true
				return false
			}
		}
	}
	return true
}

// onPath reports whether v is already on the current path (at most
// MaxAllPathsHops+1 entities, so a scan is as fast as a lookup).
func (e *walker) onPath(v int32) bool {
	for _, w := range e.nodes {
		if w == v {
			return true
		}
	}
	return false
}
