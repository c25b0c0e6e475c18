package graph

import (
	"slices"

	"github.com/linkscope/linkscope/internal/msg"
)

// The primitive edits every command is made of. Each keeps the model dense
// (indices 0..N-1 with no holes) and returns what is needed to undo it
// exactly: a removal returns the removed records with their indices, and
// putting them back restores every index as it was.

// removed is what a removal took out: entities and relations with the
// index each had, in increasing index order.
type removed struct {
	nodes   []Node
	nodeIdx []int32
	edges   []Edge
	edgeIdx []int32
	// groupsBefore are the chart's groups before the removal took the
	// removed entities out of them (nil when no group changed)
	groupsBefore []Group
}

// remove deletes the given entities, every relation touching them, and the
// given relations, renumbering what follows.
func (g *Graph) remove(nodeIdx, edgeIdx []int32) removed {
	g.own()
	n, m := len(g.nodes), len(g.edges)
	dropN := make([]bool, n)
	for _, v := range nodeIdx {
		dropN[v] = true
	}
	dropE := make([]bool, m)
	for _, r := range edgeIdx {
		dropE[r] = true
	}
	for r := range g.edges {
		if dropN[g.edges[r].From] || dropN[g.edges[r].To] {
			dropE[r] = true
		}
	}
	var rm removed
	// new index of every kept node
	remap := make([]int32, n)
	keptN := make([]Node, 0, n)
	for v := range g.nodes {
		if dropN[v] {
			rm.nodes = append(rm.nodes, g.nodes[v])
			rm.nodeIdx = append(rm.nodeIdx, int32(v))
			delete(g.nodeIDs, g.nodes[v].ID)
			remap[v] = -1
			continue
		}
		remap[v] = int32(len(keptN))
		if remap[v] != int32(v) {
			g.nodeIDs[g.nodes[v].ID] = remap[v]
		}
		keptN = append(keptN, g.nodes[v])
	}
	keptE := make([]Edge, 0, m)
	for r := range g.edges {
		e := g.edges[r]
		if dropE[r] {
			rm.edges = append(rm.edges, e)
			rm.edgeIdx = append(rm.edgeIdx, int32(r))
			delete(g.edgeIDs, e.ID)
			continue
		}
		e.From, e.To = remap[e.From], remap[e.To]
		if i := int32(len(keptE)); i != int32(r) {
			g.edgeIDs[e.ID] = i
		}
		keptE = append(keptE, e)
	}
	g.nodes, g.edges = keptN, keptE
	if len(rm.nodes) > 0 && len(g.chart.Groups) > 0 {
		rm.groupsBefore = g.chart.Groups
		gone := map[string]bool{}
		for _, nd := range rm.nodes {
			gone[nd.ID] = true
		}
		groups := make([]Group, 0, len(g.chart.Groups))
		for _, gr := range g.chart.Groups {
			gr.Members = slices.DeleteFunc(slices.Clone(gr.Members), func(id string) bool { return gone[id] })
			groups = append(groups, gr)
		}
		g.chart.Groups = groups
	}
	g.changed(true, len(rm.nodes) > 0)
	return rm
}

// restore puts back what remove took out, at the same indices.
func (g *Graph) restore(rm removed) {
	g.own()
	n := len(g.nodes) + len(rm.nodes)
	nodes := make([]Node, 0, n)
	// old index (after removal) -> index after restoring
	remap := make([]int32, len(g.nodes))
	k := 0
	for i := 0; i < len(g.nodes) || k < len(rm.nodes); {
		if k < len(rm.nodes) && int(rm.nodeIdx[k]) == len(nodes) {
			nodes = append(nodes, rm.nodes[k])
			k++
			continue
		}
		remap[i] = int32(len(nodes))
		nodes = append(nodes, g.nodes[i])
		i++
	}
	m := len(g.edges) + len(rm.edges)
	edges := make([]Edge, 0, m)
	k = 0
	for i := 0; i < len(g.edges) || k < len(rm.edges); {
		if k < len(rm.edges) && int(rm.edgeIdx[k]) == len(edges) {
			edges = append(edges, rm.edges[k]) // ends already in restored numbering
			k++
			continue
		}
		e := g.edges[i]
		e.From, e.To = remap[e.From], remap[e.To]
		edges = append(edges, e)
		i++
	}
	g.nodes, g.edges = nodes, edges
	for i := range g.nodes {
		g.nodeIDs[g.nodes[i].ID] = int32(i)
	}
	for i := range g.edges {
		g.edgeIDs[g.edges[i].ID] = int32(i)
	}
	if rm.groupsBefore != nil {
		g.chart.Groups = rm.groupsBefore
	}
	g.changed(true, len(rm.nodes) > 0)
}

// putNode replaces entity i, returning the entity it replaced. Slices and
// maps inside a Node are never changed in place, so the old value is an
// exact record of the entity before.
func (g *Graph) putNode(i int32, nd Node) Node {
	g.ownNodes()
	old := g.nodes[i]
	nd.ID = old.ID
	nd.Type = g.intern(nd.Type)
	g.nodes[i] = nd
	structural := nd.Type != old.Type
	names := nd.Label != old.Label || !slices.Equal(nd.Aliases, old.Aliases)
	g.changed(structural, names)
	return old
}

// putEdge replaces relation i (its ends may change), returning the old one.
func (g *Graph) putEdge(i int32, e Edge) (Edge, error) {
	n := int32(len(g.nodes))
	if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
		return Edge{}, msg.Errorf("relation joins a missing node")
	}
	g.ownEdges()
	old := g.edges[i]
	e.ID = old.ID
	e.Type = g.intern(e.Type)
	g.edges[i] = e
	g.changed(e.Type != old.Type || e.From != old.From || e.To != old.To || e.Date != old.Date || e.Undirected != old.Undirected, false)
	return old, nil
}

// putChart replaces the chart state, returning the old one. It copies
// nothing: a snapshot holds its own Chart value, and a chart's slices and
// maps are never written in place (commands build the new chart from
// Chart.clone), so the nodes and edges a snapshot shares stay shared
// (copying them made every filter toggle copy the whole graph).
func (g *Graph) putChart(c Chart) Chart {
	old := g.chart
	g.chart = c
	g.changed(false, false)
	g.chartChanges++
	return old
}

// popNode and popEdge remove the last entity or relation, added by a
// command being undone.
func (g *Graph) popNode() {
	g.own()
	last := len(g.nodes) - 1
	delete(g.nodeIDs, g.nodes[last].ID)
	g.nodes = g.nodes[:last]
	g.changed(true, true)
}

func (g *Graph) popEdge() {
	g.own()
	last := len(g.edges) - 1
	delete(g.edgeIDs, g.edges[last].ID)
	g.edges = g.edges[:last]
	g.changed(true, false)
}
