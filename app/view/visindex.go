package view

import (
	"math"
	"slices"

	"github.com/linkscope/linkscope/graph"
)

// VisIndex computes what [Visible] computes, incrementally: it keeps the
// last result with the counts behind it, and a change of the filter
// touches only the entities and relations it concerns. Switching an entity
// type looks at that type's entities and their relations, a relation type
// at its relations, moving the timeline's end (AsOf) at the relations and
// dated entities whose first day lies between the old and the new end
// (moving From: whose last day does), the undated switch at the undated
// relations, and hiding isolated entities at the entities only.
//
// Changes that concern everything start again from scratch (what Visible
// does): another graph or another version of its data (the times and
// types are derived from it), a change of the neighbourhood focus (Only),
// of the entities hidden one by one, of the threshold, and the timeline
// becoming active or inactive.
//
// The zero VisIndex is ready; it is not safe for concurrent use.
type VisIndex struct {
	// what the index was built for
	topo    *graph.Topology
	g       *graph.Graph
	dataVer uint64

	relFirst, relLast []int32 // the relations' times, by index

	times           []RelTime
	nodesOf, relsOf [][]int32 // indices by type id
	incOff, inc     []int32   // relations at each entity (CSR; a loop once)
	byFirst, byLast []int32   // relations with a time, by First, by Last
	undated         []int32
	entDated        []bool
	entFirst        []int32
	entLast         []int32
	entByFirst      []int32 // dated entities, by first day
	entByLast       []int32

	// the filter applied
	built                bool
	nodeOff, relOff      []bool
	asOf, from           int32
	active               bool
	showUndated, hideIso bool
	only                 []bool
	hidden               string
	hiddenSet            []bool
	thr                  Threshold
	thrM                 *graph.Measure
	base, edgeOn, nodeOn []bool
	deg                  []int32
	dirty, edges         []int32 // scratch
	touchedN, touchedE   int
	full                 bool
}

// Touched returns how many entities and relations the last Update looked
// at, and whether it started from scratch.
func (x *VisIndex) Touched() (nodes, edges int, full bool) {
	return x.touchedN, x.touchedE, x.full
}

// Update applies f to g and returns the visibility, as Visible(g, f)
// would; the slices are the caller's.
func (x *VisIndex) Update(g *graph.Graph, f Filter) Visibility {
	t := g.Topology()
	x.touchedN, x.touchedE = 0, 0
	if x.topo != t || x.dataVer != g.DataVersion() {
		x.index(g, t)
	}
	x.g = g
	nodeOff := make([]bool, len(t.Types.Nodes))
	for id, ti := range t.Types.Nodes {
		nodeOff[id] = f.NodeTypesOff[ti.Name] || g.TypeHidden(ti.Name)
	}
	relOff := make([]bool, len(t.Types.Rels))
	for id, ti := range t.Types.Rels {
		relOff[id] = f.RelTypesOff[ti.Name] || g.TypeHidden(ti.Name)
	}
	hidden := g.Chart().Settings[ChartHidden]
	thrM := g.Chart().Measures[f.Threshold.Measure]
	if !x.built || !slices.Equal(x.only, f.Only) || (x.only == nil) != (f.Only == nil) ||
		hidden != x.hidden || f.Threshold != x.thr || thrM != x.thrM || f.timelineActive() != x.active {
		x.nodeOff, x.relOff = nodeOff, relOff
		x.asOf, x.from, x.active = f.AsOf, f.From, f.timelineActive()
		x.showUndated, x.hideIso = f.ShowUndated, f.HideIsolated
		x.only = slices.Clone(f.Only)
		x.hidden, x.thr, x.thrM = hidden, f.Threshold, thrM
		x.computeAll(g)
		x.built = true
		x.full = true
		return x.result()
	}
	x.full = false
	x.dirty, x.edges = x.dirty[:0], x.edges[:0]
	// entities whose own test may change
	var nodes []int32
	for id, off := range nodeOff {
		if off != x.nodeOff[id] {
			nodes = append(nodes, x.nodesOf[id]...)
		}
	}
	oldAsOf, oldFrom := x.asOf, x.from
	x.nodeOff, x.asOf, x.from = nodeOff, f.AsOf, f.From
	if x.active {
		if f.AsOf != oldAsOf {
			lo, hi := span(endKey(oldAsOf), endKey(f.AsOf))
			nodes = append(nodes, rangeAfter(x.entByFirst, x.entFirst, lo, hi)...)
			x.edges = append(x.edges, rangeAfter(x.byFirst, x.firsts(), lo, hi)...)
		}
		if f.From != oldFrom {
			lo, hi := span(oldFrom, f.From)
			nodes = append(nodes, rangeFrom(x.entByLast, x.entLast, lo, hi)...)
			x.edges = append(x.edges, rangeFrom(x.byLast, x.lasts(), lo, hi)...)
		}
		if f.ShowUndated != x.showUndated {
			x.edges = append(x.edges, x.undated...)
		}
	}
	x.showUndated = f.ShowUndated
	for _, i := range nodes {
		x.touchedN++
		if b := x.baseOf(i); b != x.base[i] {
			x.base[i] = b
			x.dirty = append(x.dirty, i)
			x.edges = append(x.edges, x.inc[x.incOff[i]:x.incOff[i+1]]...)
		}
	}
	for id, off := range relOff {
		if off != x.relOff[id] {
			x.edges = append(x.edges, x.relsOf[id]...)
		}
	}
	x.relOff = relOff
	for _, e := range x.edges {
		x.touchedE++
		on := x.edgeWanted(e)
		if on == x.edgeOn[e] {
			continue
		}
		x.edgeOn[e] = on
		d := int32(1)
		if !on {
			d = -1
		}
		s, t := x.topo.Src[e], x.topo.Dst[e]
		x.deg[s] += d
		x.deg[t] += d
		x.dirty = append(x.dirty, s, t)
	}
	if f.HideIsolated != x.hideIso {
		x.hideIso = f.HideIsolated
		for i := range x.nodeOn {
			x.nodeOn[i] = x.nodeWanted(int32(i))
		}
		x.touchedN += len(x.nodeOn)
	} else {
		for _, i := range x.dirty {
			x.nodeOn[i] = x.nodeWanted(i)
		}
	}
	return x.result()
}

func (x *VisIndex) result() Visibility {
	return Visibility{Nodes: slices.Clone(x.nodeOn), Edges: slices.Clone(x.edgeOn)}
}

// endKey is AsOf as a bound: 0 (no limit) is after every day.
func endKey(k int32) int32 {
	if k == 0 {
		return math.MaxInt32
	}
	return k
}

func span(a, b int32) (lo, hi int32) { return min(a, b), max(a, b) }

// rangeAfter returns the items of list (sorted by key[item]) whose key is
// in (lo, hi]: the ones whose test key <= bound changes when the bound
// moves between lo and hi.
func rangeAfter(list, key []int32, lo, hi int32) []int32 {
	a, _ := slices.BinarySearchFunc(list, lo+1, func(i, v int32) int { return cmpInt(key[i], v) })
	b, _ := slices.BinarySearchFunc(list, hi+1, func(i, v int32) int { return cmpInt(key[i], v) })
	if hi == math.MaxInt32 {
		b = len(list)
	}
	return list[a:b]
}

// rangeFrom returns the items of list whose key is in [lo, hi): the ones
// whose test key >= bound changes when the bound moves between lo and hi.
func rangeFrom(list, key []int32, lo, hi int32) []int32 {
	a, _ := slices.BinarySearchFunc(list, lo, func(i, v int32) int { return cmpInt(key[i], v) })
	b, _ := slices.BinarySearchFunc(list, hi, func(i, v int32) int { return cmpInt(key[i], v) })
	return list[a:b]
}

func cmpInt(a, b int32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// firsts and lasts are the relations' First and Last, by index, for the
// searches (built with the index).
func (x *VisIndex) firsts() []int32 { return x.relFirst }
func (x *VisIndex) lasts() []int32  { return x.relLast }

// index builds the lists for g's current data and forgets the filter.
func (x *VisIndex) index(g *graph.Graph, t *graph.Topology) {
	n, m := t.N, t.M
	x.topo, x.g, x.dataVer, x.built = t, g, g.DataVersion(), false
	x.times = RelationTimes(g)
	x.nodesOf = byType(t.NodeType, len(t.Types.Nodes))
	x.relsOf = byType(t.RelType, len(t.Types.Rels))
	x.incOff = make([]int32, n+1)
	for e := 0; e < m; e++ {
		x.incOff[t.Src[e]+1]++
		if t.Dst[e] != t.Src[e] {
			x.incOff[t.Dst[e]+1]++
		}
	}
	for i := 1; i <= n; i++ {
		x.incOff[i] += x.incOff[i-1]
	}
	x.inc = make([]int32, x.incOff[n])
	fill := slices.Clone(x.incOff[:n])
	for e := int32(0); e < int32(m); e++ {
		s, d := t.Src[e], t.Dst[e]
		x.inc[fill[s]] = e
		fill[s]++
		if d != s {
			x.inc[fill[d]] = e
			fill[d]++
		}
	}
	x.relFirst, x.relLast = make([]int32, m), make([]int32, m)
	x.byFirst, x.undated = x.byFirst[:0], x.undated[:0]
	for e, rt := range x.times {
		x.relFirst[e], x.relLast[e] = rt.First, rt.Last
		if rt.Kind == TimeUndated {
			x.undated = append(x.undated, int32(e))
		} else {
			x.byFirst = append(x.byFirst, int32(e))
		}
	}
	x.byLast = slices.Clone(x.byFirst)
	sortBy(x.byFirst, x.relFirst)
	sortBy(x.byLast, x.relLast)
	x.entDated, x.entFirst, x.entLast = make([]bool, n), make([]int32, n), make([]int32, n)
	x.entByFirst = x.entByFirst[:0]
	for i := 0; i < n; i++ {
		if first, last, ok := EntityTime(g.Node(int32(i))); ok {
			x.entDated[i], x.entFirst[i], x.entLast[i] = true, first, last
			x.entByFirst = append(x.entByFirst, int32(i))
		}
	}
	x.entByLast = slices.Clone(x.entByFirst)
	sortBy(x.entByFirst, x.entFirst)
	sortBy(x.entByLast, x.entLast)
}

func byType(types []int32, k int) [][]int32 {
	count := make([]int, k)
	for _, ty := range types {
		count[ty]++
	}
	out := make([][]int32, k)
	for ty := range out {
		out[ty] = make([]int32, 0, count[ty])
	}
	for i, ty := range types {
		out[ty] = append(out[ty], int32(i))
	}
	return out
}

// sortBy sorts list by key[item], ties by item.
func sortBy(list, key []int32) {
	slices.SortFunc(list, func(a, b int32) int {
		if c := cmpInt(key[a], key[b]); c != 0 {
			return c
		}
		return cmpInt(a, b)
	})
}

// computeAll computes everything from the filter, as Visible does.
func (x *VisIndex) computeAll(g *graph.Graph) {
	t := x.topo
	n, m := t.N, t.M
	x.base, x.edgeOn, x.nodeOn, x.deg = make([]bool, n), make([]bool, m), make([]bool, n), make([]int32, n)
	x.hiddenSet = nil
	if x.hidden != "" {
		x.hiddenSet = make([]bool, n)
		for _, i := range HiddenEntities(g) {
			x.hiddenSet[i] = true
		}
	}
	for i := range x.base {
		x.base[i] = x.baseOf(int32(i))
	}
	for e := int32(0); e < int32(m); e++ {
		if x.edgeWanted(e) {
			x.edgeOn[e] = true
			x.deg[t.Src[e]]++
			x.deg[t.Dst[e]]++
		}
	}
	for i := range x.nodeOn {
		x.nodeOn[i] = x.nodeWanted(int32(i))
	}
	x.touchedN, x.touchedE = n, m
}

// baseOf is whether entity i passes the tests of its own: type, focus,
// hidden one by one, threshold, its own time.
func (x *VisIndex) baseOf(i int32) bool {
	if x.nodeOff[x.topo.NodeType[i]] || x.only != nil && (int(i) >= len(x.only) || !x.only[i]) {
		return false
	}
	if x.hiddenSet != nil && x.hiddenSet[i] {
		return false
	}
	if x.thrM != nil {
		if v, ok := x.thrM.Values[x.g.Node(i).ID]; ok && v < x.thr.Min {
			return false
		}
	}
	if x.active && x.entDated[i] && !x.overlaps(x.entFirst[i], x.entLast[i]) {
		return false
	}
	return true
}

func (x *VisIndex) overlaps(first, last int32) bool {
	return (x.asOf == 0 || first <= x.asOf) && (x.from == 0 || last >= x.from)
}

// edgeWanted is whether relation e shows under the filter applied.
func (x *VisIndex) edgeWanted(e int32) bool {
	t := x.topo
	if !x.base[t.Src[e]] || !x.base[t.Dst[e]] || x.relOff[t.RelType[e]] {
		return false
	}
	if !x.active {
		return true
	}
	if x.times[e].Kind == TimeUndated {
		return x.showUndated
	}
	return x.overlaps(x.relFirst[e], x.relLast[e])
}

// nodeWanted is whether entity i shows, from its own tests and its
// visible relations.
func (x *VisIndex) nodeWanted(i int32) bool {
	switch {
	case x.hideIso:
		return x.deg[i] > 0
	case x.active:
		return x.deg[i] > 0 || x.base[i] && x.entDated[i]
	}
	return x.base[i]
}
