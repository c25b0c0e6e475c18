package gui

import (
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// dataExtensions are the formats Export Data offers (dataset.WriteFile).
var dataExtensions = []string{".json", ".graphml", ".gexf", ".dot", ".csv"}

// visibleSubgraph copies the entities and relations the filters show into
// a new graph (with the sources, title and description), and their
// positions, sizes and colours on the canvas for exporters that keep
// them.
func visibleSubgraph(ex *explorer) (*graph.Graph, *dataset.Visual, error) {
	g := ex.g
	n, m := ex.visibleCount()
	out := graph.New(n, m)
	out.Title, out.Description = g.Title, g.Description
	out.Sources = append([]graph.Source(nil), g.Sources...)
	vis := &dataset.Visual{}
	index := make([]int32, g.NodeCount())
	for i := range index {
		index[i] = -1
		if !ex.nodeVisible(int32(i)) {
			continue
		}
		nd := *g.Node(int32(i))
		k, err := out.AddNode(nd)
		if err != nil {
			return nil, nil, err
		}
		index[i] = k
		p := ex.pos[i]
		vis.X, vis.Y = append(vis.X, p.X), append(vis.Y, p.Y)
		vis.Size = append(vis.Size, ex.scene.Radius(int32(i)))
		vis.Color = append(vis.Color, nodeTypeColor(g, nd.Type))
	}
	for e := 0; e < g.EdgeCount(); e++ {
		r := *g.Edge(int32(e))
		if !ex.edgeVisible(int32(e)) || index[r.From] < 0 || index[r.To] < 0 {
			continue
		}
		r.From, r.To = index[r.From], index[r.To]
		if _, err := out.AddEdge(r); err != nil {
			return nil, nil, err
		}
	}
	return out, vis, nil
}
