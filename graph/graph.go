package graph

import (
	"fmt"
	"strconv"
	"sync"

	dg "github.com/dominikbraun/graph"
)

// Graph is a typed multigraph: any number of relations may join the same
// two entities, each with its own type, date, properties and sources.
type Graph struct {
	// Title and Description describe the dataset.
	Title, Description string
	// Sources lists the documents that citations refer to.
	Sources []Source

	nodes   []Node
	edges   []Edge
	out, in [][]int32 // relation indices leaving / entering each node
	nodeIDs map[string]int32
	edgeIDs map[string]int32
	strs    map[string]string // interned type strings

	lib dg.Graph[int32, int32]

	indexOnce sync.Once
	index     *NameIndex
}

// New returns an empty graph with room for about n nodes and m relations.
func New(n, m int) *Graph {
	g := &Graph{
		nodes:   make([]Node, 0, n),
		edges:   make([]Edge, 0, m),
		out:     make([][]int32, 0, n),
		in:      make([][]int32, 0, n),
		nodeIDs: make(map[string]int32, n),
		edgeIDs: make(map[string]int32, m),
		strs:    make(map[string]string),
	}
	g.lib = dg.NewWithStore(func(i int32) int32 { return i }, &store{g}, dg.Directed())
	return g
}

// intern returns a shared copy of s so that the many repeats of a type name
// share one allocation.
func (g *Graph) intern(s string) string {
	if v, ok := g.strs[s]; ok {
		return v
	}
	g.strs[s] = s
	return s
}

// AddNode adds an entity and returns its index. The id must be non-empty
// and unused.
func (g *Graph) AddNode(n Node) (int32, error) {
	if n.ID == "" {
		return -1, fmt.Errorf("node has an empty id")
	}
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
		return -1, fmt.Errorf("duplicate node id %q", n.ID)
	}
	n.Type = g.intern(n.Type)
	g.nodes = append(g.nodes, n)
	g.out = append(g.out, nil)
	g.in = append(g.in, nil)
	g.index = nil
	g.indexOnce = sync.Once{}
	return i, nil
}

// AddEdge adds a relation between two existing nodes and returns its index.
// An empty id is replaced by a generated one ("e1", "e2", ... skipping ids
// in use); a non-empty id must be unused.
func (g *Graph) AddEdge(e Edge) (int32, error) {
	n := int32(len(g.nodes))
	if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
		return -1, fmt.Errorf("relation joins a missing node")
	}
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
		return -1, fmt.Errorf("duplicate relation id %q", e.ID)
	}
	e.Type = g.intern(e.Type)
	g.edges = append(g.edges, e)
	g.out[e.From] = append(g.out[e.From], i)
	g.in[e.To] = append(g.in[e.To], i)
	return i, nil
}

func (g *Graph) freshEdgeID() string {
	for k := len(g.edges) + 1; ; k++ {
		id := "e" + strconv.Itoa(k)
		if _, used := g.edgeIDs[id]; !used {
			return id
		}
	}
}

// NodeCount is the number of entities.
func (g *Graph) NodeCount() int { return len(g.nodes) }

// EdgeCount is the number of relations.
func (g *Graph) EdgeCount() int { return len(g.edges) }

// Node returns the entity at index i. The pointer stays valid until the
// next AddNode; callers must not change ID.
func (g *Graph) Node(i int32) *Node { return &g.nodes[i] }

// Edge returns the relation at index i. The pointer stays valid until the
// next AddEdge; callers must not change ID, From or To.
func (g *Graph) Edge(i int32) *Edge { return &g.edges[i] }

// NodeIndex returns the index of the entity with the given id.
func (g *Graph) NodeIndex(id string) (int32, bool) {
	i, ok := g.nodeIDs[id]
	return i, ok
}

// EdgeIndex returns the index of the relation with the given id.
func (g *Graph) EdgeIndex(id string) (int32, bool) {
	i, ok := g.edgeIDs[id]
	return i, ok
}

// Out returns the indices of the relations whose subject is node i, in
// insertion order. The slice must not be modified.
func (g *Graph) Out(i int32) []int32 { return g.out[i] }

// In returns the indices of the relations whose object is node i.
func (g *Graph) In(i int32) []int32 { return g.in[i] }

// Degree is the number of relations touching node i (a self-loop counts twice).
func (g *Graph) Degree(i int32) int { return len(g.out[i]) + len(g.in[i]) }

// Between returns the relations from a to b (and, when undirected is true,
// also those from b to a), in insertion order.
func (g *Graph) Between(a, b int32, undirected bool) []int32 {
	var rs []int32
	for _, r := range g.out[a] {
		if g.edges[r].To == b {
			rs = append(rs, r)
		}
	}
	if undirected && a != b {
		for _, r := range g.out[b] {
			if g.edges[r].To == a {
				rs = append(rs, r)
			}
		}
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

// Lib returns the dominikbraun/graph view of this graph. Vertices are node
// indices; each library edge stands for all the relations from its source
// to its target, listed in its Properties.Data as a []int32 (see
// [PairRelations]). The view shares this graph's storage.
func (g *Graph) Lib() dg.Graph[int32, int32] { return g.lib }
