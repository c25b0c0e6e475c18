package graph

import (
	"image/color"
	"math"
	"sort"
	"strings"
	"sync"
)

// Arc is one step out of (or into) a node: the relation taken and the node
// at its other end.
type Arc struct{ Node, Rel int32 }

// Topology is everything derived from a graph's structure, built once per
// version of it and read by every view: the path searches, the scene that
// draws it, the layouts and the panels. It never changes once built; a
// change to the graph makes [Graph.Topology] build a new one.
type Topology struct {
	// N and M are the numbers of entities and relations.
	N, M int
	// Src and Dst are each relation's ends (subject and object).
	Src, Dst []int32
	// Arcs in compressed sparse rows: the relations leaving v are
	// Out[OutOff[v]:OutOff[v+1]], in relation order (self-loops are in
	// LoopRel, not here, as no simple path uses them).
	OutOff, InOff []int32
	Out, In       []Arc
	LoopOff       []int32
	LoopRel       []int32
	// Undirected relations are in Out and In like the others (as From ->
	// To); for searches that follow direction they are also in RevOut
	// (the arc To -> From, leaving To) and RevIn (entering From), which
	// are empty when no relation is undirected.
	RevOutOff, RevInOff []int32
	RevOut, RevIn       []Arc
	AnyUndirected       bool
	// NodeType and RelType are each entity's and relation's type id, an
	// index into Types.Nodes and Types.Rels.
	NodeType, RelType []int32
	// Degree is the number of relations touching each entity (a self-loop
	// counts twice); MaxDegree the largest.
	Degree    []int32
	MaxDegree int32
	// First and Last are each relation's date range as day keys (see
	// [Date.First]), 0 when undated; AnyDated is set when one is dated.
	First, Last []int32
	AnyDated    bool
	// Types is the type table: every entity and relation type, its count
	// and its resolved style. It is the one place a type's colour is
	// decided.
	Types *TypeTable
}

// OutArcs returns the arcs leaving v (self-loops excluded).
func (t *Topology) OutArcs(v int32) []Arc { return t.Out[t.OutOff[v]:t.OutOff[v+1]] }

// InArcs returns the arcs entering v (self-loops excluded).
func (t *Topology) InArcs(v int32) []Arc { return t.In[t.InOff[v]:t.InOff[v+1]] }

// ReverseOutArcs returns the arcs leaving v against the recorded direction
// of an undirected relation (nil when the graph has none).
func (t *Topology) ReverseOutArcs(v int32) []Arc {
	if !t.AnyUndirected {
		return nil
	}
	return t.RevOut[t.RevOutOff[v]:t.RevOutOff[v+1]]
}

// ReverseInArcs returns the arcs entering v against the recorded direction
// of an undirected relation (nil when the graph has none).
func (t *Topology) ReverseInArcs(v int32) []Arc {
	if !t.AnyUndirected {
		return nil
	}
	return t.RevIn[t.RevInOff[v]:t.RevInOff[v+1]]
}

// DirectedOut returns the arcs a search that follows direction may take
// out of v: its out arcs and the reverse arcs of its undirected relations.
func (t *Topology) DirectedOut(v int32) ([]Arc, []Arc) { return t.OutArcs(v), t.ReverseOutArcs(v) }

// DirectedIn is DirectedOut for searches walking backwards into v.
func (t *Topology) DirectedIn(v int32) ([]Arc, []Arc) { return t.InArcs(v), t.ReverseInArcs(v) }

// Loops returns the self-loops on v.
func (t *Topology) Loops(v int32) []int32 { return t.LoopRel[t.LoopOff[v]:t.LoopOff[v+1]] }

// TypeTable lists the entity and relation types of one version of a graph.
type TypeTable struct {
	// Nodes and Rels are the entity and relation types, in order of first
	// appearance.
	Nodes, Rels []TypeInfo
	nodeID      map[string]int32
	relID       map[string]int32
}

// TypeInfo is one type: its name as the dataset spells it, how many
// entities or relations have it, and how it is drawn.
type TypeInfo struct {
	Name  string
	Count int
	Style TypeStyle
}

// NodeTypeID returns the id of an entity type.
func (tt *TypeTable) NodeTypeID(name string) (int32, bool) {
	id, ok := tt.nodeID[name]
	return id, ok
}

// RelTypeID returns the id of a relation type.
func (tt *TypeTable) RelTypeID(name string) (int32, bool) {
	id, ok := tt.relID[name]
	return id, ok
}

// NodeStyle returns the style of an entity type; a type the graph does not
// have gets the style it would get if added now.
func (tt *TypeTable) NodeStyle(name string) TypeStyle {
	if id, ok := tt.nodeID[name]; ok {
		return tt.Nodes[id].Style
	}
	return StyleForType(name)
}

// RelStyle returns the style of a relation type.
func (tt *TypeTable) RelStyle(name string) TypeStyle {
	if id, ok := tt.relID[name]; ok {
		return tt.Rels[id].Style
	}
	return RelStyleForType(name)
}

// Topology returns the derived structure of the current version of g,
// building it if the structure changed since it was last built. Safe for
// concurrent use on a snapshot.
func (g *Graph) Topology() *Topology {
	c := g.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.topo != nil && c.topoVer == g.topoVersion {
		return c.topo
	}
	c.topo = buildTopology(g.nodes, g.edges, c)
	c.topoVer = g.topoVersion
	return c.topo
}

func buildTopology(nodes []Node, edges []Edge, c *derived) *Topology {
	n, m := len(nodes), len(edges)
	t := &Topology{
		N: n, M: m,
		Src: make([]int32, m), Dst: make([]int32, m),
		OutOff: make([]int32, n+1), InOff: make([]int32, n+1), LoopOff: make([]int32, n+1),
		NodeType: make([]int32, n), RelType: make([]int32, m),
		Degree: make([]int32, n),
		First:  make([]int32, m), Last: make([]int32, m),
	}
	tt := &TypeTable{nodeID: map[string]int32{}, relID: map[string]int32{}}
	t.Types = tt
	// On big graphs the independent parts run side by side (each writes
	// arrays of its own): the types, and the ends, degrees and offsets;
	// then the out-arcs and loops, the in-arcs, and the reverse arcs of
	// undirected relations. The result is the same as one after another.
	var wg sync.WaitGroup
	par := n+m >= parallelTopologyFrom
	run := func(f func()) {
		if !par {
			f()
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	run(func() { topologyTypes(t, tt, nodes, edges) })
	loops := 0
	run(func() { loops = topologyDegrees(t, edges) })
	wg.Wait()
	t.Out = make([]Arc, m-loops)
	t.In = make([]Arc, m-loops)
	t.LoopRel = make([]int32, loops)
	// Fill in relation order, so arcs of a node keep insertion order.
	run(func() {
		outPos := append([]int32(nil), t.OutOff[:n]...)
		loopPos := append([]int32(nil), t.LoopOff[:n]...)
		for r := range edges {
			e := &edges[r]
			if e.From == e.To {
				t.LoopRel[loopPos[e.From]] = int32(r)
				loopPos[e.From]++
				continue
			}
			t.Out[outPos[e.From]] = Arc{e.To, int32(r)}
			outPos[e.From]++
		}
	})
	run(func() {
		inPos := append([]int32(nil), t.InOff[:n]...)
		for r := range edges {
			e := &edges[r]
			if e.From == e.To {
				continue
			}
			t.In[inPos[e.To]] = Arc{e.From, int32(r)}
			inPos[e.To]++
		}
	})
	run(func() { buildReverse(t, edges) })
	wg.Wait()
	resolveStyles(tt, c)
	return t
}

// parallelTopologyFrom is the number of entities and relations from
// which buildTopology runs its parts side by side (a variable for the
// tests).
var parallelTopologyFrom = 200000

// topologyTypes gives every relation and entity its type's index, in
// the order the types are first seen, and counts them.
func topologyTypes(t *Topology, tt *TypeTable, nodes []Node, edges []Edge) {
	last, lastID := "", int32(-1)
	for r := range edges {
		e := &edges[r]
		id := lastID
		if lastID < 0 || e.Type != last {
			var ok bool
			id, ok = tt.relID[e.Type]
			if !ok {
				id = int32(len(tt.Rels))
				tt.relID[e.Type] = id
				tt.Rels = append(tt.Rels, TypeInfo{Name: e.Type})
			}
			last, lastID = e.Type, id
		}
		tt.Rels[id].Count++
		t.RelType[r] = id
		if !e.Date.IsZero() {
			t.First[r], t.Last[r] = e.Date.First(), e.Date.Last()
			t.AnyDated = true
		}
	}
	for v := range nodes {
		id, ok := tt.nodeID[nodes[v].Type]
		if !ok {
			id = int32(len(tt.Nodes))
			tt.nodeID[nodes[v].Type] = id
			tt.Nodes = append(tt.Nodes, TypeInfo{Name: nodes[v].Type})
		}
		tt.Nodes[id].Count++
		t.NodeType[v] = id
	}
}

// topologyDegrees fills the relations' ends, the degrees and the arc
// offsets, and returns the number of loops.
func topologyDegrees(t *Topology, edges []Edge) int {
	loops := 0
	for r := range edges {
		e := &edges[r]
		t.Src[r], t.Dst[r] = e.From, e.To
		t.Degree[e.From]++
		t.Degree[e.To]++
		if e.From == e.To {
			loops++
			t.LoopOff[e.From+1]++
			continue
		}
		t.OutOff[e.From+1]++
		t.InOff[e.To+1]++
	}
	for v := 0; v < t.N; v++ {
		t.OutOff[v+1] += t.OutOff[v]
		t.InOff[v+1] += t.InOff[v]
		t.LoopOff[v+1] += t.LoopOff[v]
		if t.Degree[v] > t.MaxDegree {
			t.MaxDegree = t.Degree[v]
		}
	}
	return loops
}

// buildReverse fills RevOut and RevIn with the undirected relations.
func buildReverse(t *Topology, edges []Edge) {
	n := t.N
	count := 0
	for r := range edges {
		if edges[r].Undirected && edges[r].From != edges[r].To {
			count++
		}
	}
	if count == 0 {
		return
	}
	t.AnyUndirected = true
	t.RevOutOff = make([]int32, n+1)
	t.RevInOff = make([]int32, n+1)
	for r := range edges {
		if e := &edges[r]; e.Undirected && e.From != e.To {
			t.RevOutOff[e.To+1]++
			t.RevInOff[e.From+1]++
		}
	}
	for v := 0; v < n; v++ {
		t.RevOutOff[v+1] += t.RevOutOff[v]
		t.RevInOff[v+1] += t.RevInOff[v]
	}
	t.RevOut = make([]Arc, count)
	t.RevIn = make([]Arc, count)
	outPos := append([]int32(nil), t.RevOutOff[:n]...)
	inPos := append([]int32(nil), t.RevInOff[:n]...)
	for r := range edges {
		if e := &edges[r]; e.Undirected && e.From != e.To {
			t.RevOut[outPos[e.To]] = Arc{e.From, int32(r)}
			outPos[e.To]++
			t.RevIn[inPos[e.From]] = Arc{e.To, int32(r)}
			inPos[e.From]++
		}
	}
}

// resolveStyles gives every type its style. A type keeps the colour it was
// first given for as long as the graph lives, so that edits never recolour
// the chart; types seen for the first time together (a load) get theirs
// most frequent first, and synonyms that would share a colour (such as
// "authority" and "regulator") get distinct ones, so that the legend tells
// them apart.
func resolveStyles(tt *TypeTable, c *derived) {
	if c.styleSeed == nil {
		c.styleSeed = map[string]TypeStyle{}
	}
	seed := c.styleSeed
	used := map[TypeStyle]bool{}
	for _, s := range seed {
		used[TypeStyle{Color: s.Color}] = true
	}
	order := make([]int, len(tt.Nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return tt.Nodes[order[a]].Count > tt.Nodes[order[b]].Count })
	for _, i := range order {
		ti := &tt.Nodes[i]
		if s, ok := seed["n:"+ti.Name]; ok {
			ti.Style = s
			continue
		}
		s := StyleForType(ti.Name)
		if used[TypeStyle{Color: s.Color}] {
			for k := 0; k < len(extraColors); k++ {
				alt := extraColors[(i+k)%len(extraColors)]
				if !used[TypeStyle{Color: alt}] {
					s.Color = alt
					break
				}
			}
		}
		used[TypeStyle{Color: s.Color}] = true
		ti.Style = s
	}
	// The seed is shared by snapshots: replace it rather than write to it.
	next := make(map[string]TypeStyle, len(seed)+len(tt.Nodes)+len(tt.Rels))
	for k, v := range seed {
		next[k] = v
	}
	for _, ti := range tt.Nodes {
		next["n:"+ti.Name] = ti.Style
	}
	// Relation types: a family of meanings shares a hue (sanctions red,
	// complaints orange, ...), and types of one family seen together get
	// shades of it, so that the legend tells every type apart.
	relUsed := map[color.NRGBA]bool{}
	for k, s := range seed {
		if strings.HasPrefix(k, "r:") {
			relUsed[s.Color] = true
		}
	}
	rorder := make([]int, len(tt.Rels))
	for i := range rorder {
		rorder[i] = i
	}
	sort.SliceStable(rorder, func(a, b int) bool { return tt.Rels[rorder[a]].Count > tt.Rels[rorder[b]].Count })
	for _, i := range rorder {
		ti := &tt.Rels[i]
		if s, ok := seed["r:"+ti.Name]; ok {
			ti.Style = s
		} else {
			s := RelStyleForType(ti.Name)
			if s.Color != (color.NRGBA{}) {
				s.Color = distinctShade(s.Color, relUsed)
				relUsed[s.Color] = true
			}
			ti.Style = s
		}
		next["r:"+ti.Name] = ti.Style
	}
	c.styleSeed = next
}

// shadeFactors are the shades tried, in order, for a relation type whose
// family colour is taken: darker, lighter, darker still, ...
var shadeFactors = []float64{1, 0.72, 1.28, 0.55, 1.5, 0.85, 1.15}

// distinctShade returns base or the first shade of it not in used; when
// every shade is taken, the first unused muted colour.
func distinctShade(base color.NRGBA, used map[color.NRGBA]bool) color.NRGBA {
	for _, f := range shadeFactors {
		c := shade(base, f)
		if !used[c] {
			return c
		}
	}
	for _, c := range relColors {
		if !used[c] {
			return c
		}
	}
	return base
}

// shade scales a colour towards black (f < 1) or white (f > 1).
func shade(c color.NRGBA, f float64) color.NRGBA {
	ch := func(v uint8) uint8 {
		x := float64(v)
		if f < 1 {
			x *= f
		} else {
			x += (255 - x) * (f - 1)
		}
		return uint8(math.Round(math.Max(0, math.Min(255, x))))
	}
	return color.NRGBA{ch(c.R), ch(c.G), ch(c.B), c.A}
}

// NodeTypes counts entities by type, most frequent first, then by name.
func (g *Graph) NodeTypes() []TypeCount { return sortCounts(g.Topology().Types.Nodes) }

// EdgeTypes counts relations by type, most frequent first, then by name.
func (g *Graph) EdgeTypes() []TypeCount { return sortCounts(g.Topology().Types.Rels) }

// TypeCount is a type name and how many entities or relations have it.
type TypeCount struct {
	Type  string
	Count int
}

func sortCounts(ts []TypeInfo) []TypeCount {
	out := make([]TypeCount, 0, len(ts))
	for _, t := range ts {
		out = append(out, TypeCount{t.Name, t.Count})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Type < out[j].Type
	})
	return out
}
