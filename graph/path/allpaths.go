package path

import "context"

// DefaultLimit is the result cap of AllPaths when none is given.
const DefaultLimit = 1000

// Set is the answer of a bounded path enumeration.
type Set struct {
	// Paths are shortest first.
	Paths []Path
	// Truncated is true when there are more paths than Paths holds: the cap
	// was reached and at least one more path exists, or the search was
	// stopped (deadline, cancellation) before it had looked everywhere.
	Truncated bool
	// TimedOut is true when ctx ended the search.
	TimedOut bool
	// Full is true when the paths reached the store limit
	// ([Options.StoreLimit]) and the search stopped there; Truncated
	// is then true as well.
	Full bool
}

// AllPaths returns the simple paths from one entity to another with at
// most opt.MaxHops relations (DefaultAllPathsHops when 0; at most
// MaxAllPathsHops), shortest first, up to limit paths (DefaultLimit
// when limit <= 0).
//
// Unlike an unbounded depth-first search, it never wanders past the
// target: a breadth-first search from the target first bounds the
// distance of every entity to it, then the paths are enumerated length by
// length, each branch cut as soon as it cannot reach the target within
// the length being enumerated.
//
// The answer is bounded in time and in memory: AllPaths stops when ctx
// ends (or at once when it has ended) and when the paths would exceed
// opt.StoreLimit, and returns the paths found so far with TimedOut or Full
// (and Truncated) set; the error is nil then. The paths share a few large
// blocks of memory (their slices are capped, so appending to one copies it).
func (s *Searcher) AllPaths(ctx context.Context, from, to int32, opt Options, limit int) (Set, error) {
	if canceled(ctx) {
		return Set{Truncated: true, TimedOut: true}, nil
	}
	s.sync()
	if !s.valid(from) || !s.valid(to) {
		return Set{}, ErrNoSuchNode
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	maxHops := opt.MaxHops
	if maxHops <= 0 {
		maxHops = DefaultAllPathsHops
	}
	maxHops = min(maxHops, MaxAllPathsHops)
	var out Set
	if from == to {
		out.Paths = []Path{{Nodes: []int32{from}}}
		return out, nil
	}
	f := s.compile(opt)
	reach := s.reach(&f, []int32{to}, false, maxHops)
	d, ok := reach.Hops(from)
	if !ok {
		return out, nil
	}
	e := &walker{s: s, f: f, ctx: ctx, dist: reach.dist, stopAt: to}
	e.end = func(v int32) bool { return v == to }
	store := pathStore{limit: storeLimit(opt.StoreLimit)}
	e.visit = func(p Path) bool {
		if len(out.Paths) == limit {
			out.Truncated = true
			return false
		}
		if !store.fits(p) {
			out.Truncated, out.Full = true, true
			return false
		}
		out.Paths = append(out.Paths, store.clone(p))
		return true
	}
	for length := max(d, 1); length <= maxHops && !e.stopped; length++ {
		e.minHops, e.maxHops = length, length
		e.run(from)
	}
	if e.canceled {
		out.Truncated, out.TimedOut = true, true
	}
	return out, nil
}
