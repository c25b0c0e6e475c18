package graph

import (
	"maps"
	"slices"
	"strconv"
	"sync"

	"github.com/linkscope/linkscope/internal/msg"
)

// Graph is an investigation's editable model: a typed multigraph (any
// number of relations may join the same two entities, each with its own
// type, date, properties and sources) plus the state of the chart drawn
// from it (positions, pins, hidden types, notes, groups).
//
// A Graph is built by a loader with [Graph.AddNode] and [Graph.AddEdge],
// then changed only through [Graph.Apply] (see command.go), which records
// every change with its inverse so that it can be undone and redone.
//
// Entities and relations are addressed by dense int32 indices: 0..N-1 in
// insertion order, with no holes. A deletion renumbers what follows, so an
// index is valid for one version of the model; ids are stable.
//
// Everything derived from the structure (adjacency, degrees, type ids, date
// keys, the type table with each type's colour) is in one [Topology],
// built on demand and cached until the structure changes.
//
// Concurrency: one goroutine changes a Graph. Other goroutines read a
// [Graph.Snapshot], which never changes: the first change after a snapshot
// copies what it writes (copy on write), so long work can read a snapshot
// without locks while the user goes on editing.
type Graph struct {
	// Title and Description describe the dataset.
	Title, Description string
	// Sources lists the documents that citations refer to.
	Sources []Source
	// TypeLabels names entity and relation types in other languages, from
	// the dataset's "types" member: TypeLabels["fined"]["fr"] is
	// "a sanctionné". Read-only once loaded (snapshots share it); see
	// TypeLabel.
	TypeLabels map[string]map[string]string

	nodes   []Node
	edges   []Edge
	nodeIDs map[string]int32
	edgeIDs map[string]int32
	strs    map[string]string // interned type strings

	chart Chart

	// shared says which of the slices and maps above (and the derived
	// cache) a snapshot shares: a change copies the parts it writes first
	// (own, ownNodes, ownEdges), so that moving entities does not copy
	// the relations.
	shared shareParts

	// version counts changes of any kind; topoVersion changes of the
	// structure (entities, relations, their ends and types); nameVersion
	// changes of the names the index searches.
	version, topoVersion, nameVersion uint64
	// chartChanges counts the changes of the chart alone (putChart), so
	// that DataVersion can leave them out.
	chartChanges uint64

	cache *derived

	hist history
}

// derived caches what is computed from one version of the structure. It is
// shared by a graph and its snapshots; each entry says which version it
// was built for.
type derived struct {
	mu        sync.Mutex
	topo      *Topology
	topoVer   uint64
	index     *NameIndex
	indexVer  uint64
	styleSeed map[string]TypeStyle // colours already given, kept across versions
}

// Chart is the state of the drawing that belongs to the investigation
// rather than to the data: which entity types are hidden, the chart's own
// note, and groups of entities.
type Chart struct {
	// HiddenTypes are entity and relation types the user hid, sorted.
	HiddenTypes []string
	// Note is a note on the chart as a whole.
	Note string
	// Groups are named sets of entities, in creation order.
	Groups []Group
	// Settings are the chart's view settings that the user changes as
	// edits, undoable like any other ("as-of": the timeline date,
	// "hide-isolated": "true", "legend": "false", ...). A missing key means
	// the default.
	Settings map[string]string
	// Measures are computed properties (a centrality, a community), by
	// measure name: kept apart from the entities' sourced properties so
	// that they are never mistaken for facts. Each is immutable once set.
	Measures map[string]*Measure
}

// Measure is a computed value per entity, keyed by entity id.
type Measure struct {
	Name   string
	Values map[string]float64
	// Partition marks values that are group numbers (components,
	// communities), not magnitudes.
	Partition bool
	// Note says how it was computed.
	Note string
}

// Group is a named set of entities that can be drawn collapsed into one.
type Group struct {
	ID        string
	Label     string
	Members   []string // entity ids
	Collapsed bool
}

// New returns an empty graph with room for about n nodes and m relations.
func New(n, m int) *Graph {
	return &Graph{
		nodes:   make([]Node, 0, n),
		edges:   make([]Edge, 0, m),
		nodeIDs: make(map[string]int32, n),
		edgeIDs: make(map[string]int32, m),
		strs:    make(map[string]string),
		cache:   &derived{},
	}
}

// Snapshot returns a read-only copy of g that later changes to g do not
// affect. It costs O(1): g copies its storage on its next change.
//
// Snapshot of a snapshot writes nothing, so that goroutines sharing one may
// call it (and every method that reads) at once.
func (g *Graph) Snapshot() *Graph {
	if g.shared != sharesAll {
		g.shared = sharesAll
	}
	s := *g
	s.hist = history{}
	return &s
}

// shareParts are the parts of a graph's storage a snapshot may share.
type shareParts uint8

const (
	sharesNodes shareParts = 1 << iota
	sharesEdges
	sharesIDs   // nodeIDs and edgeIDs
	sharesStrs  // the interned strings
	sharesChart // the chart's slices and maps
	sharesCache // the derived cache
	sharesAll   = sharesNodes | sharesEdges | sharesIDs | sharesStrs | sharesChart | sharesCache
)

// own makes g's storage its own before a change, if a snapshot shares it.
func (g *Graph) own() { g.ownParts(sharesAll) }

// ownNodes makes the entities' slice g's own before a change that writes
// entities in place (positions, an entity's fields) and nothing else
// (intern owns the strings it adds to).
func (g *Graph) ownNodes() { g.ownParts(sharesNodes | sharesCache) }

// ownEdges is ownNodes for the relations' slice.
func (g *Graph) ownEdges() { g.ownParts(sharesEdges | sharesCache) }

func (g *Graph) ownParts(p shareParts) {
	p &= g.shared
	if p == 0 {
		return
	}
	if p&sharesNodes != 0 {
		g.nodes = slices.Clone(g.nodes)
	}
	if p&sharesEdges != 0 {
		g.edges = slices.Clone(g.edges)
	}
	if p&sharesIDs != 0 {
		g.nodeIDs = maps.Clone(g.nodeIDs)
		g.edgeIDs = maps.Clone(g.edgeIDs)
	}
	if p&sharesStrs != 0 {
		g.strs = maps.Clone(g.strs)
	}
	if p&sharesChart != 0 {
		g.chart = g.chart.clone()
	}
	if p&sharesCache != 0 {
		old := g.cache
		g.cache = &derived{}
		old.mu.Lock()
		g.cache.topo, g.cache.topoVer = old.topo, old.topoVer
		g.cache.index, g.cache.indexVer = old.index, old.indexVer
		g.cache.styleSeed = old.styleSeed
		old.mu.Unlock()
	}
	g.shared &^= p
}

func (c Chart) clone() Chart {
	c.HiddenTypes = slices.Clone(c.HiddenTypes)
	c.Groups = slices.Clone(c.Groups)
	c.Settings = maps.Clone(c.Settings)
	c.Measures = maps.Clone(c.Measures)
	return c
}

// changed records a change: what kind decides which caches go stale.
func (g *Graph) changed(structure, names bool) {
	g.version++
	if structure {
		g.topoVersion++
	}
	if names {
		g.nameVersion++
	}
}

// Version counts the changes made to g (of any kind); equal versions of
// one graph have equal contents.
func (g *Graph) Version() uint64 { return g.version }

// DataVersion is Version without the changes of the chart alone (hidden
// types, settings, groups, measures, the chart's note): what is derived
// from the entities and relations only (their times, a histogram) stays
// valid while it is unchanged.
func (g *Graph) DataVersion() uint64 { return g.version - g.chartChanges }

// intern returns a shared copy of s so that the many repeats of a type name
// share one allocation.
func (g *Graph) intern(s string) string {
	if v, ok := g.strs[s]; ok {
		return v
	}
	g.ownParts(sharesStrs)
	g.strs[s] = s
	return s
}

// AddNode adds an entity and returns its index. The id must be non-empty
// and unused. It is for loaders building a graph: a change to an
// investigation is a command ([AddEntity]) given to [Graph.Apply].
func (g *Graph) AddNode(n Node) (int32, error) {
	if n.ID == "" {
		return -1, msg.Errorf("node has an empty id")
	}
	g.own()
	i := int32(len(g.nodes))
	// One map operation (see AddEdge).
	before := len(g.nodeIDs)
	g.nodeIDs[n.ID] = i
	if len(g.nodeIDs) == before {
		for j := range g.nodes {
			if g.nodes[j].ID == n.ID {
				g.nodeIDs[n.ID] = int32(j)
				break
			}
		}
		return -1, msg.Errorf("duplicate node id %q", n.ID)
	}
	n.Type = g.intern(n.Type)
	g.nodes = append(g.nodes, n)
	g.changed(true, true)
	return i, nil
}

// AddEdge adds a relation between two existing nodes and returns its index.
// An empty id is replaced by a generated one ("e1", "e2", ... skipping ids
// in use); a non-empty id must be unused. Like AddNode, it is for loaders.
func (g *Graph) AddEdge(e Edge) (int32, error) {
	n := int32(len(g.nodes))
	if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
		return -1, msg.Errorf("relation joins a missing node")
	}
	g.own()
	if e.ID == "" {
		e.ID = g.freshEdgeID()
	}
	i := int32(len(g.edges))
	// One map operation, not a look-up then an insert: this is the loader's
	// hot path. A duplicate id shows as an unchanged map size; the rare
	// error path then restores the first relation's index.
	before := len(g.edgeIDs)
	g.edgeIDs[e.ID] = i
	if len(g.edgeIDs) == before {
		for j := range g.edges {
			if g.edges[j].ID == e.ID {
				g.edgeIDs[e.ID] = int32(j)
				break
			}
		}
		return -1, msg.Errorf("duplicate relation id %q", e.ID)
	}
	e.Type = g.intern(e.Type)
	g.edges = append(g.edges, e)
	g.changed(true, false)
	return i, nil
}

// AddNodesIndexed adds the entities ns in one step to a graph that has
// none yet, with ids already indexed by the caller: ids maps the id of
// each ns[i] to i. It is AddNode for loaders that built the id map on
// another core; the graph takes ns and ids (the caller must not use them
// after). Every id must be non-empty and unique (the map's size is
// checked, not each entry).
func (g *Graph) AddNodesIndexed(ns []Node, ids map[string]int32) error {
	if len(g.nodes) > 0 || len(g.edges) > 0 {
		return msg.Errorf("the graph already has entities")
	}
	if len(ids) != len(ns) {
		return msg.Errorf("%d ids for %d entities", len(ids), len(ns))
	}
	g.own()
	for i := range ns {
		n := &ns[i]
		if n.ID == "" {
			return msg.Errorf("node has an empty id")
		}
		n.Type = g.intern(n.Type)
	}
	g.nodes, g.nodeIDs = ns, ids
	g.changed(true, true)
	return nil
}

// AddEdgesIndexed adds the relations es in one step to a graph that has
// none yet, with ids already indexed by the caller: ids maps the id of
// each es[i] to i. It is AddEdge for loaders that built the id map on
// another core; the graph takes es and ids (the caller must not use them
// after). Every id must be non-empty and unique (the map's size is
// checked, not each entry), and every end an existing node.
func (g *Graph) AddEdgesIndexed(es []Edge, ids map[string]int32) error {
	if len(g.edges) > 0 {
		return msg.Errorf("the graph already has relations")
	}
	if len(ids) != len(es) {
		return msg.Errorf("%d ids for %d relations", len(ids), len(es))
	}
	g.own()
	n := int32(len(g.nodes))
	for i := range es {
		e := &es[i]
		if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
			return msg.Errorf("relation %q joins a missing node", e.ID)
		}
		e.Type = g.intern(e.Type)
	}
	g.edges, g.edgeIDs = es, ids
	g.changed(true, false)
	return nil
}

func (g *Graph) freshEdgeID() string {
	for k := len(g.edges) + 1; ; k++ {
		id := "e" + strconv.Itoa(k)
		if _, used := g.edgeIDs[id]; !used {
			return id
		}
	}
}

// FreshID returns an unused entity or relation id made of prefix and a
// number.
func (g *Graph) FreshID(prefix string) string {
	for k := len(g.nodes) + len(g.edges) + 1; ; k++ {
		id := prefix + strconv.Itoa(k)
		_, n := g.nodeIDs[id]
		_, e := g.edgeIDs[id]
		if !n && !e {
			return id
		}
	}
}

// NodeCount is the number of entities.
func (g *Graph) NodeCount() int { return len(g.nodes) }

// EdgeCount is the number of relations.
func (g *Graph) EdgeCount() int { return len(g.edges) }

// Node returns the entity at index i. The pointer stays valid until the
// next change; callers must not modify the entity (change it with a
// command).
func (g *Graph) Node(i int32) *Node { return &g.nodes[i] }

// Edge returns the relation at index i. The pointer stays valid until the
// next change; callers must not modify the relation.
func (g *Graph) Edge(i int32) *Edge { return &g.edges[i] }

// NodeIndex returns the index of the entity with the given id.
func (g *Graph) NodeIndex(id string) (int32, bool) {
	i, ok := g.nodeIDs[id]
	return i, ok
}

// NodeIndexBytes is NodeIndex for an id given as bytes, without copying
// them (for loaders resolving relation ends in their input).
func (g *Graph) NodeIndexBytes(id []byte) (int32, bool) {
	i, ok := g.nodeIDs[string(id)]
	return i, ok
}

// EdgeIndex returns the index of the relation with the given id.
func (g *Graph) EdgeIndex(id string) (int32, bool) {
	i, ok := g.edgeIDs[id]
	return i, ok
}

// Degree is the number of relations touching node i (a self-loop counts
// twice).
func (g *Graph) Degree(i int32) int { return int(g.Topology().Degree[i]) }

// Between returns the relations from a to b (and, when undirected is true,
// also those from b to a), in insertion order.
func (g *Graph) Between(a, b int32, undirected bool) []int32 {
	t := g.Topology()
	var rs []int32
	for _, arc := range t.OutArcs(a) {
		if arc.Node == b {
			rs = append(rs, arc.Rel)
		}
	}
	if a == b {
		for _, r := range t.Loops(a) {
			rs = append(rs, r)
		}
		slices.Sort(rs)
		return rs
	}
	if undirected {
		for _, arc := range t.OutArcs(b) {
			if arc.Node == a {
				rs = append(rs, arc.Rel)
			}
		}
		slices.Sort(rs)
	}
	return rs
}

// Source returns the dataset source with the given id.
func (g *Graph) Source(id string) (*Source, bool) {
	for i := range g.Sources {
		if g.Sources[i].ID == id {
			return &g.Sources[i], true
		}
	}
	return nil, false
}

// Chart returns the chart state (hidden types, note, groups). The result
// must not be modified.
func (g *Graph) Chart() Chart { return g.chart }

// TypeHidden reports whether the user hid the entity or relation type t.
func (g *Graph) TypeHidden(t string) bool {
	_, ok := slices.BinarySearch(g.chart.HiddenTypes, t)
	return ok
}

// Out returns the relations whose subject is node i (self-loops included),
// in insertion order.
func (g *Graph) Out(i int32) []int32 {
	t := g.Topology()
	return arcRels(t.OutArcs(i), t.Loops(i))
}

// In returns the relations whose object is node i (self-loops included),
// in insertion order.
func (g *Graph) In(i int32) []int32 {
	t := g.Topology()
	return arcRels(t.InArcs(i), t.Loops(i))
}

// arcRels lists the relations of arcs and loops in relation order.
func arcRels(arcs []Arc, loops []int32) []int32 {
	rs := make([]int32, 0, len(arcs)+len(loops))
	for _, a := range arcs {
		rs = append(rs, a.Rel)
	}
	if len(loops) == 0 {
		return rs // arcs are in relation order already
	}
	rs = append(rs, loops...)
	slices.Sort(rs)
	return rs
}

// TypeLabel is type t's name in language lang ("fr"): its label from
// TypeLabels, else t itself.
func (g *Graph) TypeLabel(t, lang string) string {
	if l := g.TypeLabels[t][lang]; l != "" {
		return l
	}
	return t
}
