package render_test

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// accent is the light theme's highlight colour (a highlighted path).
var accent = color.NRGBA{232, 121, 0, 255}

// pathOverDimmed builds a path a→b whose relation runs straight through
// the disc of an entity c that is not on it, with extra relations among
// other entities far off screen so that the frame has dense-graph
// settings (hairlines accumulated, or, beyond farEdges, the far-out
// level of detail).
func pathOverDimmed(t *testing.T, extra int) (*render.Scene, render.Viewport) {
	t.Helper()
	g := graph.New(5, extra+1)
	for i, ty := range []string{"company", "regulator", "ngo", "person", "person"} {
		if _, err := g.AddNode(graph.Node{ID: string(rune('a' + i)), Type: ty}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.AddEdge(graph.Edge{From: 0, To: 1, Type: "fined"}); err != nil {
		t.Fatal(err)
	}
	for k := 0; k < extra; k++ {
		if _, err := g.AddEdge(graph.Edge{From: 3, To: 4, Type: "knows"}); err != nil {
			t.Fatal(err)
		}
	}
	s := render.NewScene(g)
	// d and e sit just off the image's bottom edge, their relations (all
	// parallel) crossing the bottom rows
	s.SetPositions([]render.Point{{X: -60, Y: 0}, {X: 60, Y: 0}, {X: 0, Y: 0}, {X: -60, Y: 40}, {X: 60, Y: 40}})
	s.SetHighlight(render.Highlight{Selected: -1, Hovered: -1, PathNodes: []int32{0, 1}, PathEdges: []int32{0}, Dim: true})
	return s, render.Viewport{Zoom: 3, Width: 400, Height: 200}
}

// TestPathDrawnOverDimmedEntities checks that a highlighted path's
// relation is drawn over an entity that is dimmed, in the plain frame,
// with accumulated hairlines (over 3000 relations on screen) and at the
// far-out level of detail (over 40 000), in PNG and in SVG.
func TestPathDrawnOverDimmedEntities(t *testing.T) {
	for _, extra := range []int{0, 3500, 40500} {
		s, v := pathOverDimmed(t, extra)
		img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		render.Render(img, s, v, render.Options{NoLabels: true, NoEdgeLabels: true})
		x, y := v.ToScreen(render.Point{X: 0, Y: 0})
		if c := img.At(int(x), int(y)); !near(c, accent, 40) {
			t.Errorf("%d extra relations: the path's relation is hidden under the dimmed entity: %v at its centre", extra, c)
		}
		if extra > 0 {
			continue // the SVG of 40 000 relations is checked by its order below once
		}
		var buf bytes.Buffer
		if err := render.WriteSVG(&buf, s, render.ImageOptions{Width: v.Width, Height: v.Height, Viewport: &v}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		ents, hl := strings.Index(out, `<g id="entities">`), strings.Index(out, `<g id="highlighted-relations"`)
		if ents < 0 || hl < ents {
			t.Errorf("SVG: the highlighted relations are not written after the entities (%d, %d)", ents, hl)
		}
	}
}

// TestRelationsDrawnInTheirTypeColour checks that a relation is drawn in
// its type's colour from the type table.
func TestRelationsDrawnInTheirTypeColour(t *testing.T) {
	g := graph.New(2, 1)
	for i, ty := range []string{"regulator", "company"} {
		if _, err := g.AddNode(graph.Node{ID: string(rune('a' + i)), Type: ty}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.AddEdge(graph.Edge{From: 0, To: 1, Type: "fined"}); err != nil {
		t.Fatal(err)
	}
	want := g.Topology().Types.RelStyle("fined").Color
	if want != graph.RelStyleForType("fined").Color || want.A == 0 {
		t.Fatalf("the type table's colour for fined is %v", want)
	}
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -50, Y: 0}, {X: 50, Y: 0}})
	v := render.Viewport{Zoom: 2, Width: 300, Height: 60}
	img := image.NewRGBA(image.Rect(0, 0, 300, 60))
	render.Render(img, s, v, render.Options{NoLabels: true, NoEdgeLabels: true})
	// the darkest pixel across the line's middle has the type's hue
	best := color.NRGBA{255, 255, 255, 255}
	for y := 25; y <= 35; y++ {
		r, gg, b, _ := img.At(150, y).RGBA()
		if c := (color.NRGBA{uint8(r >> 8), uint8(gg >> 8), uint8(b >> 8), 255}); int(c.R)+int(c.G)+int(c.B) < int(best.R)+int(best.G)+int(best.B) {
			best = c
		}
	}
	if !(best.R > best.G+40 && best.R > best.B+40) {
		t.Errorf("a fined relation (type colour %v) is drawn %v", want, best)
	}
}

// TestSourceLine names the documents, their years and the publishers
// known, leaving out publishers the dataset marks unknown.
func TestSourceLine(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := render.SourceLine(g)
	if want := "Sources: 5 documents (2021–2023), including L'Usine Digitale and CNBC"; got != want {
		t.Errorf("source line %q, want %q", got, want)
	}
	if render.SourceLine(graph.New(0, 0)) != "" {
		t.Error("a graph without sources has a source line")
	}
}
