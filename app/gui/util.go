package gui

import (
	"image/color"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"

	"github.com/linkscope/linkscope/graph"
)

// probeSize is the size of the frame-counting probe (see frameStats).
var probeSize = fyne.NewSize(1, 1)

func itoa(i int) string { return strconv.Itoa(i) }

// baseName is the file name of path without its directory ("" for "").
func baseName(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Base(path)
}

// nodeTypeColor is the colour of entity type t as the canvas draws it: the
// model's type table decides every type's colour, once.
func nodeTypeColor(g *graph.Graph, t string) color.NRGBA {
	return g.Topology().Types.NodeStyle(t).Color
}

// entityColor is the colour the canvas draws entity i in: the colour its
// file gave it, else its type's.
func entityColor(g *graph.Graph, i int32) color.NRGBA {
	n := g.Node(i)
	if c, ok := n.OwnColor(); ok {
		return c
	}
	return nodeTypeColor(g, n.Type)
}
