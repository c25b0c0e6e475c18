package view

import (
	"math"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// The one translation between a saved view (dataset.View, plain data) and
// what app/render draws: the window builds its render options and its
// snapshot's image options here, and `linkscope export -w` draws a
// workspace's view here, so the two cannot drift.

// RenderOptions are the render options a view asks for (theme, legend,
// title, labels).
func RenderOptions(v dataset.View) render.Options {
	theme, _ := render.ParseTheme(v.Theme)
	return render.Options{Theme: theme, Legend: v.Legend, Title: v.Title, NoLabels: v.NoLabels, NoEdgeLabels: v.NoEdgeLabels}
}

// ThemeName is the name a view saves for a render theme.
func ThemeName(t render.Theme) string {
	if t == render.Dark {
		return "dark"
	}
	return "light"
}

// SnapshotOptions are the image options of a picture of the canvas: its
// viewport vp (device pixels), at its device scale, drawn with opts.
func SnapshotOptions(vp render.Viewport, opts render.Options) render.ImageOptions {
	sc := vp.Scale
	if sc <= 0 {
		sc = 1
	}
	return render.ImageOptions{
		Options:  opts,
		Width:    int(float64(vp.Width)/sc + 0.5),
		Height:   int(float64(vp.Height)/sc + 0.5),
		Scale:    sc,
		Margin:   CanvasMargin,
		Viewport: &vp,
	}
}

// CanvasMargin is the free border, in logical pixels, that the window's
// Fit leaves around the graph (and its snapshots with it).
const CanvasMargin = 24

// RenderViewport is a saved viewport as render uses it.
func RenderViewport(v dataset.Viewport) render.Viewport {
	return render.Viewport{CenterX: v.CenterX, CenterY: v.CenterY, Zoom: v.Zoom, Width: v.Width, Height: v.Height, Scale: v.Scale}
}

// SavedViewport is render's viewport as a view saves it.
func SavedViewport(v render.Viewport) *dataset.Viewport {
	return &dataset.Viewport{CenterX: v.CenterX, CenterY: v.CenterY, Zoom: v.Zoom, Width: v.Width, Height: v.Height, Scale: v.Scale}
}

// FilterOf is the filter a view shows g with: its Filters, and the chart's
// settings ("as-of", "hide-isolated") where the view sets none, with the
// neighbourhood focus.
func FilterOf(g *graph.Graph, v dataset.View) Filter {
	f := Filter{NodeTypesOff: set(v.Filters.NodeTypesOff), RelTypesOff: set(v.Filters.RelTypesOff),
		HideIsolated: v.Filters.HideIsolated || g.Chart().Settings["hide-isolated"] == "true"}
	asOf := v.Filters.AsOf
	if asOf == "" {
		asOf = g.Chart().Settings["as-of"]
	}
	if d, err := graph.ParseDate(asOf); asOf != "" && err == nil {
		f.AsOf = d.Last()
	}
	f.Threshold, _ = ThresholdOf(g)
	if d, err := graph.ParseDate(g.Chart().Settings["from"]); err == nil && !d.IsZero() {
		f.From = d.First()
	}
	f.ShowUndated = g.Chart().Settings["undated"] == "true"
	if v.Focus != nil {
		f.Only = make([]bool, g.NodeCount())
		for _, id := range v.Focus {
			if i, ok := g.NodeIndex(id); ok {
				f.Only[i] = true
			}
		}
	}
	return f
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// HighlightOf is the selection and highlighted path of a view, as the
// window hands them to the scene (a path dims the rest).
func HighlightOf(g *graph.Graph, v dataset.View) render.Highlight {
	h := render.Highlight{Selected: -1, Hovered: -1}
	for _, id := range v.Selection {
		if i, ok := g.NodeIndex(id); ok {
			h.Selected = i
			break
		}
	}
	for _, id := range v.HighlightNodes {
		if i, ok := g.NodeIndex(id); ok {
			h.PathNodes = append(h.PathNodes, i)
		}
	}
	for _, id := range v.HighlightEdges {
		if i, ok := g.EdgeIndex(id); ok {
			h.PathEdges = append(h.PathEdges, i)
		}
	}
	if v.HighlightNodes != nil || v.HighlightEdges != nil {
		h.Dim = true
		if h.PathNodes == nil {
			h.PathNodes = []int32{}
		}
		if h.PathEdges == nil {
			h.PathEdges = []int32{}
		}
	}
	return h
}

// PositionsOf returns one position per entity of g: the view's, else the
// entity's own when placed; ok is false when the view has no positions.
func PositionsOf(g *graph.Graph, v dataset.View) (pos []render.Point, ok bool) {
	if v.Positions == nil {
		return nil, false
	}
	pos = make([]render.Point, g.NodeCount())
	for i := range pos {
		if n := g.Node(int32(i)); n.Placed {
			pos[i] = render.Point{X: n.X, Y: n.Y}
		}
	}
	p := v.Positions
	for k, id := range p.IDs {
		if k >= len(p.X) || k >= len(p.Y) || math.IsNaN(p.X[k]) || math.IsNaN(p.Y[k]) {
			continue
		}
		if i, ok := g.NodeIndex(id); ok {
			pos[i] = render.Point{X: p.X[k], Y: p.Y[k]}
		}
	}
	return pos, true
}

// SavedPositions are positions (one per entity of g) as a view saves them.
func SavedPositions(g *graph.Graph, pos []render.Point) *dataset.Positions {
	p := &dataset.Positions{IDs: make([]string, 0, len(pos)), X: make([]float64, 0, len(pos)), Y: make([]float64, 0, len(pos))}
	for i, q := range pos {
		if i >= g.NodeCount() {
			break
		}
		p.IDs = append(p.IDs, g.Node(int32(i)).ID)
		p.X = append(p.X, q.X)
		p.Y = append(p.Y, q.Y)
	}
	return p
}

// FromWorkspace returns the scene and image options that draw g as the
// view v shows it: its positions, filters, selection and highlight, with
// its render options and, when it has one, its viewport (else the picture
// fits the graph into width × height logical pixels). ok is false when
// the view has no positions (a workspace written by `linkscope apply`,
// never shown): the caller lays the graph out instead.
func FromWorkspace(g *graph.Graph, v dataset.View, width, height int) (s *render.Scene, o render.ImageOptions, ok bool) {
	pos, ok := PositionsOf(g, v)
	if !ok {
		return nil, render.ImageOptions{}, false
	}
	filter := FilterOf(g, v)
	s = SceneOf(g, v, pos)
	opts := RenderOptions(v)
	opts.TimeLabel = filter.TimeLabel()
	if v.Viewport != nil && v.Viewport.Width > 0 && v.Viewport.Height > 0 {
		return s, SnapshotOptions(RenderViewport(*v.Viewport), opts), true
	}
	return s, render.ImageOptions{Options: opts, Width: width, Height: height, Scale: 1}, true
}

// SceneOf is the scene that draws g at pos as the view v shows it: its
// filters, its collapsed groups drawn as one node each (as the window
// draws them), its computed-measure styling and its highlight.
func SceneOf(g *graph.Graph, v dataset.View, pos []render.Point) *render.Scene {
	var s *render.Scene
	vis := Visible(g, FilterOf(g, v))
	if c, err := CollapseGroups(g, vis); err == nil && c != nil {
		s = render.NewScene(c.G)
		s.SetPositions(c.Positions(pos))
		s.SetNodeVisible(c.Vis.Nodes)
		s.SetEdgeVisible(c.Vis.Edges)
	} else {
		s = render.NewScene(g)
		s.SetPositions(pos)
		s.SetNodeVisible(vis.Nodes)
		s.SetEdgeVisible(vis.Edges)
	}
	ApplyStyling(s, g)
	s.SetHighlight(HighlightOf(g, v))
	return s
}
