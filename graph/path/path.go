package path

import "github.com/linkscope/linkscope/graph"

// Path is a walk through the graph that names the relations it takes, so
// that two paths over the same entities but different parallel relations
// (CNIL→Clearview by the 2022 fine or by the 2023 penalty) are different
// paths. Nodes has one more element than Edges; Edges[i] joins Nodes[i] and
// Nodes[i+1], in either direction (compare [Edge.From] with Nodes[i] to
// know which). Paths returned by the searches are simple: no entity twice.
type Path struct {
	Nodes []int32
	Edges []int32
}

// Len is the number of relations (hops) on the path.
func (p Path) Len() int { return len(p.Edges) }

// Forward reports whether the i-th relation of p is followed in its own
// direction (from subject to object).
func (p Path) Forward(g *graph.Graph, i int) bool { return g.Edge(p.Edges[i]).From == p.Nodes[i] }

// Clone returns a copy of p that shares no memory with it.
func (p Path) Clone() Path {
	return Path{Nodes: append([]int32(nil), p.Nodes...), Edges: append([]int32(nil), p.Edges...)}
}

// Hop-limit bounds of [Searcher.AllPaths].
const (
	// DefaultAllPathsHops is the hop limit of AllPaths when none is given.
	DefaultAllPathsHops = 4
	// MaxAllPathsHops is the largest hop limit AllPaths accepts.
	MaxAllPathsHops = 8
)

// Options restricts the searches of a [Searcher]. The zero value
// follows every relation in both directions with no hop limit.
type Options struct {
	// Directed follows relations only from subject to object.
	Directed bool
	// RelTypes, when non-empty, is the set of relation types that may be
	// followed; the others are ignored.
	RelTypes []string
	// ExcludeNodeTypes are entity types a path may not pass through.
	ExcludeNodeTypes []string
	// ExcludeNodes are entities a path may not pass through.
	//
	// Exclusions never apply to the two ends of a search: asking for a path
	// from an excluded entity still starts there.
	ExcludeNodes []int32
	// MaxHops bounds the number of relations on a path; 0 means no bound
	// (AllPaths uses DefaultAllPathsHops).
	MaxHops int
	// InDateOrder asks for time-respecting paths, as i2 Analyst's
	// Notebook's "find path in date order": along the path, each dated
	// relation is not earlier than the dated relations before it. Undated
	// relations do not constrain. Dates of month or year precision are
	// intervals ("2022-10" is 1 to 31 October), so the rule is that one can
	// pick a day in each dated relation's interval with the days in
	// non-decreasing order: with the clock the latest First() so far, a
	// dated relation may follow when its Last() is not before the clock,
	// and it moves the clock to its First() when that is later. In
	// date order, relations are followed in path order whatever their own
	// direction (with Directed unset).
	InDateOrder bool
	// StoreLimit bounds the memory of the answer of a search that collects
	// paths ([Searcher.AllPaths], [Searcher.KShortest]): it stops before
	// the paths it keeps would hold more than StoreLimit int32s in all
	// (see [StoredSize]), and says so. 0 means DefaultStoreLimit (256
	// MiB); a negative value means no bound.
	StoreLimit int
}

// DateOrdered reports whether the relations of p, in path order, satisfy
// the rule of [Options.InDateOrder].
func DateOrdered(g *graph.Graph, p Path) bool {
	var clock int32
	for _, r := range p.Edges {
		var ok bool
		if clock, ok = stepClock(clock, g.Edge(r).Date.First(), g.Edge(r).Date.Last()); !ok {
			return false
		}
	}
	return true
}

// stepClock applies one relation dated [first, last] (0, 0 when undated)
// to the clock of a time-respecting walk; ok is false when the relation
// would go back in time.
func stepClock(clock, first, last int32) (int32, bool) {
	if first == 0 {
		return clock, true
	}
	if last < clock {
		return clock, false
	}
	return max(clock, first), true
}
