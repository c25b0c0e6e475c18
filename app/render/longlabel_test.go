package render_test

import (
	"bytes"
	"image"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

func TestShortLabel(t *testing.T) {
	if s := render.ShortLabel("CNIL"); s != "CNIL" {
		t.Errorf("short label changed: %q", s)
	}
	exact := strings.Repeat("é", render.MaxLabelRunes)
	if s := render.ShortLabel(exact); s != exact {
		t.Errorf("a label of exactly %d characters was cut", render.MaxLabelRunes)
	}
	s := render.ShortLabel(strings.Repeat("é", render.MaxLabelRunes+1))
	if n := utf8.RuneCountInString(s); n != render.MaxLabelRunes || !strings.HasSuffix(s, "…") || !utf8.ValidString(s) {
		t.Errorf("cut label has %d characters: %q", n, s)
	}
}

// A 10 MB label is cut where it is measured and drawn: rendering a scene
// that holds one (and an edge whose type is 10 MB) allocates a few
// megabytes, not gigabytes.
func TestTenMegabyteLabelRendersInBoundedMemory(t *testing.T) {
	huge := strings.Repeat("W", 10<<20)
	g := graph.New(2, 1)
	if _, err := g.AddNode(graph.Node{ID: "a", Type: "company", Label: huge}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.AddNode(graph.Node{ID: "b", Type: "person", Label: "B"}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.AddEdge(graph.Edge{From: 0, To: 1, Type: huge}); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -20, Y: 0}, {X: 20, Y: 0}})
	v := render.Viewport{Zoom: 4, Width: 400, Height: 200}
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	render.Render(img, s, v, render.Options{})
	w, h := s.LabelSize(0)
	ew, _ := s.EdgeLabelSize(0)
	render.Labels(s, v, render.Options{})
	var svg bytes.Buffer
	if err := render.WriteSVG(&svg, s, render.ImageOptions{Width: 400, Height: 200}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("rendering a 10 MB label allocated %d MB", got>>20)
	}
	if w <= 0 || h <= 0 || w > 400*float64(render.MaxLabelRunes) || ew <= 0 {
		t.Errorf("label size %gx%g, edge label width %g", w, h, ew)
	}
	if svg.Len() > 1<<20 {
		t.Errorf("the SVG is %d bytes", svg.Len())
	}
}
