package gui

import (
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// dataExtensions are the formats Export Data offers (dataset.WriteFile).
var dataExtensions = []string{".json", ".graphml", ".gexf", ".dot", ".csv"}

// visibleSubgraph copies the entities and relations the filters show into
// a new graph (view.VisibleSubgraph: with the sources, title and
// description), and their positions, sizes and colours on the canvas for
// exporters that keep them.
func visibleSubgraph(ex *explorer) (*graph.Graph, *dataset.Visual, error) {
	out, orig, err := view.VisibleSubgraph(ex.g, ex.visibility())
	if err != nil {
		return nil, nil, err
	}
	vis := &dataset.Visual{}
	for _, i := range orig {
		p := ex.pos[i]
		vis.X, vis.Y = append(vis.X, p.X), append(vis.Y, p.Y)
		vis.Size = append(vis.Size, ex.scene.Radius(i))
		vis.Color = append(vis.Color, entityColor(ex.g, i))
	}
	return out, vis, nil
}
