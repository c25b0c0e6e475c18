package cli

import (
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// labelSizes estimates each node's label box from its label (or id) with a
// fixed advance of 0.6 em per character and a height of 1.2 em.
func labelSizes(g *graph.Graph, em float64) []layout.Size {
	s := make([]layout.Size, g.NodeCount())
	for i := range s {
		nd := g.Node(int32(i))
		text := nd.Label
		if text == "" {
			text = nd.ID
		}
		runes := 0
		for range text {
			runes++
		}
		s[i] = layout.Size{W: 0.6 * em * float64(runes), H: 1.2 * em}
	}
	return s
}
