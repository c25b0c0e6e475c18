package query

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/linkscope/linkscope/graph/path"
)

// DefaultLimit is the result cap of Run when none is given.
const DefaultLimit = 1000

// Match is one answer: the path through the graph, left to right as the
// pattern is written, and what each variable is bound to.
type Match struct {
	Path path.Path
	// Nodes maps node variables to entities (nil when the pattern names
	// none).
	Nodes map[string]int32
	// Rels maps relation variables to the relations of their hop (one for
	// a plain hop); nil when the pattern names none.
	Rels map[string][]int32
}

// Result is the answer to a query.
type Result struct {
	// Matches are shortest first.
	Matches []Match
	// Truncated is true when there are more matches than the limit, or
	// the deadline stopped the search before it had looked everywhere.
	// SHORTEST k is not truncated for having more than k matches.
	Truncated bool
	// TimedOut is true when ctx ended the search.
	TimedOut bool
	// Full is true when the matches reached the store limit
	// ([RunOptions.StoreLimit]) and the search stopped there; Truncated is
	// then true as well.
	Full bool
}

// RunOptions bound a run of a plan and report on its progress. The zero
// value is valid.
type RunOptions struct {
	// Limit caps the number of matches (DefaultLimit when <= 0; SHORTEST
	// k caps them at k).
	Limit int
	// StoreLimit bounds the memory of the matches kept, in int32s, as
	// [path.Options.StoreLimit] does for paths: a match counts its
	// entities and relations, 16 for itself and about 64 per map of
	// variables.
	// 0 means path.DefaultStoreLimit (256 MiB); negative, no bound.
	StoreLimit int
	// Progress, when set, is called as the search goes with the units of
	// work done out of total: one unit per candidate of the first node
	// matched (the anchor) for each total path length tried, or one per
	// pair of ends for SHORTEST k. It runs on the searching goroutine;
	// cancelling the run's context from it stops the run before the next
	// unit.
	Progress func(done, total int)
}

// Run parses, compiles and runs a pattern on s's graph.
func Run(ctx context.Context, s *path.Searcher, pattern string, limit int) (*Result, error) {
	q, err := Parse(pattern)
	if err != nil {
		return nil, err
	}
	p, err := Compile(q, s.Graph())
	if err != nil {
		return nil, err
	}
	return p.Run(ctx, s, limit)
}

// ErrOtherGraph is returned when a plan runs on a graph it was not
// compiled for.
var ErrOtherGraph = errors.New("query: the plan was compiled for another graph")

// Run finds the matches of the plan on s's graph, at most limit of them:
// it is RunWith with only a Limit.
func (p *Plan) Run(ctx context.Context, s *path.Searcher, limit int) (*Result, error) {
	return p.RunWith(ctx, s, RunOptions{Limit: limit})
}

// RunWith finds the matches of the plan on s's graph (the graph it was
// compiled for), shortest first, within opt's bounds. Matches are
// enumerated by total length, so a capped answer keeps the shortest ones.
// It stops when ctx ends (at once when it has ended) or when the matches
// reach opt.StoreLimit, and says so in the Result (TimedOut or Full), with
// the matches found so far and a nil error.
func (p *Plan) RunWith(ctx context.Context, s *path.Searcher, opt RunOptions) (*Result, error) {
	if s.Graph() != p.g {
		return nil, ErrOtherGraph
	}
	if ctx.Err() != nil {
		return &Result{Truncated: true, TimedOut: true}, nil
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	store := int64(opt.StoreLimit)
	switch {
	case store == 0:
		store = path.DefaultStoreLimit
	case store < 0:
		store = -1
	}
	if p.q.Shortest {
		limit = min(limit, p.q.K)
		if res, ok := p.runYen(ctx, s, limit, store, opt.Progress); ok {
			return res, nil
		}
	}
	m := &matcher{
		p: p, s: s, ctx: ctx, limit: limit, res: &Result{},
		storeLimit: store, progress: opt.Progress,
		bound:    make([]int32, len(p.nodes)),
		segNodes: make([][]int32, len(p.rels)),
		segEdges: make([][]int32, len(p.rels)),
		used:     make([]bool, p.g.NodeCount()),
		usedRel:  make([]bool, p.g.EdgeCount()),
		reach:    make([]*path.Reach, len(p.order)),
	}
	lo, hi := 0, 0
	for _, r := range p.rels {
		lo, hi = lo+r.min, hi+r.max
	}
	m.total = (hi - lo + 1) * p.count(p.nodes[p.anchor])
	for total := lo; total <= hi && !m.stopped; total++ {
		m.budget = total
		m.matchAnchor()
	}
	if m.timedOut {
		m.res.Truncated, m.res.TimedOut = true, true
	}
	if p.q.Shortest && !m.timedOut && !m.res.Full {
		m.res.Truncated = false
	}
	return m.res, nil
}

// matcher is the state of one backtracking search.
type matcher struct {
	p     *Plan
	s     *path.Searcher
	ctx   context.Context
	limit int
	res   *Result

	budget             int     // hops left for the rest of the pattern
	bound              []int32 // entity at each pattern position, -1 when not yet
	segNodes, segEdges [][]int32
	used               []bool // entities on the partial match
	usedRel            []bool
	reach              []*path.Reach
	steps              int
	stopped, timedOut  bool
	block              []int32 // see alloc

	storeLimit  int64 // -1: none
	stored      int64 // what the matches kept cost, in int32s
	progress    func(done, total int)
	done, total int // units of work for progress
}

// tick counts one anchor tried, reports progress and polls the context
// (after every anchor when progress is reported, since the callback may
// cancel it, else every 1024); it returns false when the run must stop.
func (m *matcher) tick() bool {
	m.done++
	m.steps++
	if m.progress != nil {
		m.progress(m.done, m.total)
	}
	if (m.progress != nil || m.steps&1023 == 0) && m.done < m.total && canceled(m.ctx) {
		m.stopped, m.timedOut = true, true
	}
	return !m.stopped
}

func canceled(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

func (m *matcher) matchAnchor() {
	for i := range m.bound {
		m.bound[i] = -1
	}
	a := m.p.anchor
	try := func(v int32) bool {
		if !m.p.accepts(a, v) {
			return true
		}
		m.bound[a], m.used[v] = v, true
		m.extend(0)
		m.bound[a], m.used[v] = -1, false
		return !m.stopped
	}
	if c := m.p.nodes[a]; c.in != nil {
		for _, v := range c.cands {
			if !try(v) || !m.tick() {
				return
			}
		}
		return
	}
	for v := int32(0); v < int32(m.p.g.NodeCount()); v++ {
		if !try(v) || !m.tick() {
			return
		}
	}
}

// accepts reports whether entity v satisfies node pattern i's own
// constraints (type, name, id).
func (p *Plan) accepts(i int, v int32) bool {
	c := &p.nodes[i]
	if c.in != nil {
		return c.in[v]
	}
	return c.typ == "" || p.g.Node(v).Type == c.typ
}

// varBinding returns the entity already bound to position i's variable at
// another position, or -1.
func (m *matcher) varBinding(i int) int32 {
	name := m.p.q.Nodes[i].Var
	if name == "" {
		return -1
	}
	for j, n := range m.p.q.Nodes {
		if j != i && n.Var == name && m.bound[j] >= 0 {
			return m.bound[j]
		}
	}
	return -1
}

// extend matches segment step of the evaluation order and the rest.
func (m *matcher) extend(step int) {
	if step == len(m.p.order) {
		if m.budget == 0 {
			m.emit()
		}
		return
	}
	seg := m.p.order[step]
	rc := m.p.rels[seg.rel]
	minAfter := 0
	for _, s := range m.p.order[step+1:] {
		minAfter += m.p.rels[s.rel].min
	}
	lo, hi := rc.min, min(rc.max, m.budget-minAfter)
	if step == len(m.p.order)-1 {
		lo = max(lo, m.budget)
	}
	if lo > hi {
		return
	}
	to := seg.to
	want := m.varBinding(to)
	spec := path.WalkSpec{
		Options: path.Options{RelTypes: rc.types, MaxHops: hi, Directed: rc.dir != Either},
		MinHops: lo,
		// Going right over "<-" or left over "->" walks against the relations.
		Reverse: (rc.dir == Left) == (seg.to > seg.from),
		End: func(v int32) bool {
			if want >= 0 {
				return v == want
			}
			return !m.used[v] && m.p.accepts(to, v)
		},
		Avoid:    func(v int32) bool { return m.used[v] },
		AvoidRel: func(r int32) bool { return m.usedRel[r] },
	}
	if rc.dir == Either {
		spec.Reverse = false
	}
	if hi > 1 && want < 0 && m.p.nodes[to].in != nil {
		if m.reach[step] == nil {
			m.reach[step] = m.s.NewReach(m.p.nodes[to].cands, spec.Options, spec.Reverse, rc.max)
		}
		spec.Reach = m.reach[step]
	}
	err := m.s.Walk(m.ctx, m.bound[seg.from], spec, func(path path.Path) bool {
		end := path.Nodes[len(path.Nodes)-1]
		for _, v := range path.Nodes[1:] {
			m.used[v] = true
		}
		for _, r := range path.Edges {
			m.usedRel[r] = true
		}
		m.bound[to] = end
		m.budget -= path.Len()
		m.setSegment(seg, path)
		m.extend(step + 1)
		m.budget += path.Len()
		m.bound[to] = -1
		for _, r := range path.Edges {
			m.usedRel[r] = false
		}
		for _, v := range path.Nodes[1:] {
			m.used[v] = false
		}
		if want >= 0 {
			m.used[want] = true // still bound at its other position
		}
		return !m.stopped
	})
	if err != nil && !m.stopped {
		m.stopped, m.timedOut = true, true
	}
}

// setSegment stores the hop of seg, oriented left to right.
func (m *matcher) setSegment(seg segment, path path.Path) {
	nodes := append(m.segNodes[seg.rel][:0], path.Nodes...)
	edges := append(m.segEdges[seg.rel][:0], path.Edges...)
	if seg.to < seg.from {
		slices.Reverse(nodes)
		slices.Reverse(edges)
	}
	m.segNodes[seg.rel], m.segEdges[seg.rel] = nodes, edges
}

func (m *matcher) emit() {
	if len(m.res.Matches) == m.limit {
		m.res.Truncated = true
		m.stopped = true
		return
	}
	nodes, edges, relVars, nodeVars := 1, 0, 0, 0
	for i := range m.p.rels {
		nodes += len(m.segNodes[i]) - 1
		edges += len(m.segEdges[i])
		if m.p.q.Rels[i].Var != "" {
			relVars++
		}
	}
	for _, n := range m.p.q.Nodes {
		if n.Var != "" {
			nodeVars++
		}
	}
	size := int64(nodes+edges) + matchHeader + mapSize(nodeVars) + mapSize(relVars)
	if relVars > 0 {
		size += int64(edges)
	}
	if m.storeLimit >= 0 && m.stored+size > m.storeLimit {
		m.res.Truncated, m.res.Full = true, true
		m.stopped = true
		return
	}
	m.stored += size
	var match Match
	match.Path.Nodes = m.alloc(nodes)[:0]
	match.Path.Nodes = append(match.Path.Nodes, m.bound[0])
	match.Path.Edges = m.alloc(edges)[:0]
	if relVars > 0 {
		match.Rels = make(map[string][]int32, relVars)
	}
	for i := range m.p.rels {
		match.Path.Nodes = append(match.Path.Nodes, m.segNodes[i][1:]...)
		match.Path.Edges = append(match.Path.Edges, m.segEdges[i]...)
		if v := m.p.q.Rels[i].Var; v != "" {
			match.Rels[v] = append(m.alloc(len(m.segEdges[i]))[:0], m.segEdges[i]...)
		}
	}
	if nodeVars > 0 {
		match.Nodes = make(map[string]int32, nodeVars)
	}
	for i, n := range m.p.q.Nodes {
		if n.Var != "" {
			match.Nodes[n.Var] = m.bound[i]
		}
	}
	m.res.Matches = append(m.res.Matches, match)
	if m.p.q.Shortest && len(m.res.Matches) == m.limit {
		m.stopped = true
	}
}

// alloc returns a slice of n int32s (capped, so that appending to it
// copies it) from large shared blocks: matches cost two allocations less
// each.
func (m *matcher) alloc(n int) []int32 {
	if cap(m.block)-len(m.block) < n {
		m.block = make([]int32, 0, max(1<<16, n))
	}
	start := len(m.block)
	m.block = m.block[:start+n]
	return m.block[start : start+n : start+n]
}

// What a match costs in memory, in int32s, for the store limit: its
// entities and relations (and the relations again for relation
// variables), matchHeader for the Match itself and mapSize for each of
// its maps (a map of up to 8 entries is a 48-byte header and a 208-byte
// group).
const matchHeader = 16

func mapSize(entries int) int64 {
	if entries == 0 {
		return 0
	}
	return 12 + 52*int64((entries+7)/8)
}

// matchSize is what m costs, as emit counts it.
func matchSize(m Match) int64 {
	n := int64(len(m.Path.Nodes)+len(m.Path.Edges)) + matchHeader + mapSize(len(m.Nodes)) + mapSize(len(m.Rels))
	for _, rs := range m.Rels {
		n += int64(len(rs))
	}
	return n
}

// runYen answers SHORTEST k over a single hop between explicitly named
// ends with Yen's k shortest paths, per pair of candidates. It declines
// (false) other patterns.
func (p *Plan) runYen(ctx context.Context, s *path.Searcher, k int, store int64, progress func(done, total int)) (*Result, bool) {
	if len(p.rels) != 1 {
		return nil, false
	}
	a, b, rc := p.nodes[0], p.nodes[1], p.rels[0]
	if a.in == nil || b.in == nil || len(a.cands)*len(b.cands) > 64 || rc.min != 1 {
		return nil, false
	}
	if v := p.q.Nodes[0].Var; v != "" && v == p.q.Nodes[1].Var {
		return nil, false
	}
	opt := path.Options{RelTypes: rc.types, MaxHops: rc.max, Directed: rc.dir != Either, StoreLimit: -1}
	res := &Result{}
	var stored int64
	// pair adds the k shortest paths from x to y; false stops the run.
	pair := func(x, y int32) bool {
		if x == y {
			return true
		}
		from, to := x, y
		if rc.dir == Left {
			from, to = y, x
		}
		if store >= 0 {
			if store-stored <= 0 {
				res.Truncated, res.Full = true, true
				return false
			}
			opt.StoreLimit = int(store - stored)
		}
		paths, err := s.KShortest(ctx, from, to, k, opt)
		switch {
		case errors.Is(err, path.ErrStoreFull):
			res.Truncated, res.Full = true, true
		case err != nil:
			res.Truncated, res.TimedOut = true, true
		}
		for _, path := range paths {
			if rc.dir == Left {
				slices.Reverse(path.Nodes)
				slices.Reverse(path.Edges)
			}
			match := Match{Path: path}
			for i, end := range [2]int32{x, y} {
				if v := p.q.Nodes[i].Var; v != "" {
					if match.Nodes == nil {
						match.Nodes = map[string]int32{}
					}
					match.Nodes[v] = end
				}
			}
			if v := p.q.Rels[0].Var; v != "" {
				match.Rels = map[string][]int32{v: slices.Clone(path.Edges)}
			}
			stored += matchSize(match)
			res.Matches = append(res.Matches, match)
		}
		return err == nil
	}
	done, total := 0, len(a.cands)*len(b.cands)
run:
	for _, x := range a.cands {
		for _, y := range b.cands {
			if !pair(x, y) {
				break run
			}
			if done++; progress != nil {
				progress(done, total)
				if done < total && canceled(ctx) {
					res.Truncated, res.TimedOut = true, true
					break run
				}
			}
		}
	}
	sort.SliceStable(res.Matches, func(i, j int) bool { return res.Matches[i].Path.Len() < res.Matches[j].Path.Len() })
	if len(res.Matches) > k {
		res.Matches = res.Matches[:k]
	}
	return res, true
}
