package path

import "github.com/linkscope/linkscope/graph"

import "errors"

// ErrNoSuchNode is returned for a node index outside the graph.
var ErrNoSuchNode = errors.New("graph: no such node")

// Searcher answers path questions on one graph: shortest paths, k shortest
// simple paths, all simple paths, neighbourhoods and bounded walks. It reads
// the graph's [graph.Topology] in place and keeps scratch buffers that are
// reused from one query to the next, so that a query allocates little more
// than its answer. A Searcher is not safe for concurrent use; [Searcher.Clone]
// makes another one over the same graph. When the graph's structure
// changes, the next query follows its new Topology.
type Searcher struct {
	adj *adjacency

	// Visited stamps: markF[v] == gen when v was reached from the source
	// side in the current query (markB from the target side).
	gen          uint32
	markF, markB []uint32
	predF, predB []graph.Arc // how v was reached: previous node and relation
	fronts       [4][]int32

	// Banned nodes and relations (ExcludeNodes, Yen's removals).
	banGen  uint32
	banNode []uint32
	edgeGen uint32
	banEdge []uint32

	// Time-respecting search: labels and the best clock per node.
	labels   []label
	best     []int32
	bestHops []int32 // TimeRespecting's hop count per best clock

	// Hop distances of bounded enumerations (see reach).
	dist []int8
}

// NewSearcher returns a Searcher over g.
func NewSearcher(g *graph.Graph) *Searcher {
	s := &Searcher{}
	s.reset(newAdjacency(g))
	return s
}

// Clone returns a Searcher that shares s's copy of the graph but has its own
// scratch, for use on another goroutine.
func (s *Searcher) Clone() *Searcher {
	c := &Searcher{}
	c.reset(s.adj)
	return c
}

// Graph returns the graph s searches.
func (s *Searcher) Graph() *graph.Graph { return s.adj.g }

func (s *Searcher) reset(a *adjacency) {
	s.adj = a
	n := a.n
	s.gen, s.banGen, s.edgeGen = 0, 0, 0
	s.markF = make([]uint32, n)
	s.markB = make([]uint32, n)
	s.predF = make([]graph.Arc, n)
	s.predB = make([]graph.Arc, n)
	s.banNode = make([]uint32, n)
	s.banEdge = make([]uint32, a.m)
	s.best = make([]int32, n)
	s.dist = nil
}

// Use points s at g, typically a newer snapshot of the graph it searched
// (the window's working set after an expansion or an edit), keeping what it
// can. Queries on a Searcher of a live graph follow its changes without it.
func (s *Searcher) Use(g *graph.Graph) {
	if g != s.adj.g || s.adj.stale() {
		s.reset(newAdjacency(g))
	}
}

// sync follows the graph's new Topology when its structure changed.
func (s *Searcher) sync() {
	if s.adj.stale() {
		s.reset(newAdjacency(s.adj.g))
	}
}

func (s *Searcher) valid(v int32) bool { return v >= 0 && int(v) < s.adj.n }

// nextGen starts a new visited generation, clearing the stamps when the
// counter wraps.
func (s *Searcher) nextGen() uint32 {
	s.gen++
	if s.gen == 0 {
		clear(s.markF)
		clear(s.markB)
		s.gen = 1
	}
	return s.gen
}

// filter is Options compiled against the graph's type ids.
type filter struct {
	directed bool
	relOK    []bool // by relation type id; nil allows all
	typeBan  []bool // by entity type id; nil bans none
	nodeBan  bool   // consult banNode
	edgeBan  bool   // consult banEdge
	dated    bool
	maxHops  int
}

// compile turns opt into a filter and marks its excluded nodes.
func (s *Searcher) compile(opt Options) filter {
	f := s.compileTypes(opt)
	s.newBans()
	for _, v := range opt.ExcludeNodes {
		if s.valid(v) {
			s.banNode[v] = s.banGen
			f.nodeBan = true
		}
	}
	return f
}

// compileTypes is compile without the excluded nodes, which it leaves to
// the caller.
func (s *Searcher) compileTypes(opt Options) filter {
	a := s.adj
	f := filter{directed: opt.Directed, dated: opt.InDateOrder && a.anyDated, maxHops: opt.MaxHops}
	if f.maxHops < 0 {
		f.maxHops = 0
	}
	if len(opt.RelTypes) > 0 {
		f.relOK = make([]bool, len(a.types.Rels))
		for _, t := range opt.RelTypes {
			if id, ok := a.types.RelTypeID(t); ok {
				f.relOK[id] = true
			}
		}
	}
	if len(opt.ExcludeNodeTypes) > 0 {
		f.typeBan = make([]bool, len(a.types.Nodes))
		for _, t := range opt.ExcludeNodeTypes {
			if id, ok := a.types.NodeTypeID(t); ok {
				f.typeBan[id] = true
			}
		}
	}
	return f
}

// newBans starts a new generation of banned nodes and relations.
func (s *Searcher) newBans() {
	s.banGen++
	if s.banGen == 0 {
		clear(s.banNode)
		s.banGen = 1
	}
	s.edgeGen++
	if s.edgeGen == 0 {
		clear(s.banEdge)
		s.edgeGen = 1
	}
}

func (s *Searcher) banNodeNow(f *filter, v int32) {
	s.banNode[v] = s.banGen
	f.nodeBan = true
}

func (s *Searcher) banEdgeNow(f *filter, r int32) {
	s.banEdge[r] = s.edgeGen
	f.edgeBan = true
}

// edgeOK reports whether relation r may be followed.
func (s *Searcher) edgeOK(f *filter, r int32) bool {
	return (f.relOK == nil || f.relOK[s.adj.relType[r]]) && (!f.edgeBan || s.banEdge[r] != s.edgeGen)
}

// nodeOK reports whether a path may pass through v.
func (s *Searcher) nodeOK(f *filter, v int32) bool {
	return (f.typeBan == nil || !f.typeBan[s.adj.nodeType[v]]) && (!f.nodeBan || s.banNode[v] != s.banGen)
}

// arcs returns the arcs leaving v when walking forward (or, with reverse,
// backward, as the target side of a bidirectional search does). The second
// list is nil for directed walks.
func (s *Searcher) arcs(f *filter, v int32, reverse bool) ([]graph.Arc, []graph.Arc) {
	a := s.adj
	switch {
	case !f.directed:
		return a.out(v), a.in(v)
	case reverse:
		return a.topo.DirectedIn(v)
	}
	return a.topo.DirectedOut(v)
}
