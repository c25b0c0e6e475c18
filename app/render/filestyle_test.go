package render

import (
	"image"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// A chart made in Gephi opens in its own colours and sizes.
func TestFileColoursAndSizesAreDrawn(t *testing.T) {
	g := graph.New(0, 0)
	g.AddNode(graph.Node{ID: "a", Type: "company", Color: "#00ff00", Size: 40})
	g.AddNode(graph.Node{ID: "b", Type: "company", Size: 10})
	g.AddNode(graph.Node{ID: "c", Type: "company"})
	s := NewScene(g)
	if s.Radius(0) <= 3*s.Radius(1) {
		t.Errorf("sizes 40 and 10 drawn with radii %.2f and %.2f", s.Radius(0), s.Radius(1))
	}
	s.SetPositions([]Point{{X: -20}, {X: 0}, {X: 20}})
	v := Viewport{Zoom: 4, Width: 240, Height: 80}
	img := image.NewRGBA(image.Rect(0, 0, 240, 80))
	Render(img, s, v, Options{NoLabels: true})
	for i, want := range []struct{ r, g, b uint8 }{{0, 255, 0}, {60, 110, 170}, {60, 110, 170}} {
		x, y := v.ToScreen(s.Positions()[i])
		r := ScreenRadius(s, v, int32(i)) // clear of the type icon
		c := img.RGBAAt(int(x-0.75*r), int(y))
		d := func(a, b uint8) int { return int(a) - int(b) }
		if abs(d(c.R, want.r)) > 3 || abs(d(c.G, want.g)) > 3 || abs(d(c.B, want.b)) > 3 {
			t.Errorf("entity %d drawn %v, want %v", i, c, want)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// A collapsed group is sized by the relations its summaries stand for.
func TestGroupNodeSizedByItsSummaries(t *testing.T) {
	g := graph.New(0, 0)
	g.AddNode(graph.Node{ID: "cv", Type: "company"})
	g.AddNode(graph.Node{ID: "g", Type: "group", Label: "Clients (7)"})
	g.AddNode(graph.Node{ID: "x", Type: "company"})
	g.AddEdge(graph.Edge{From: 0, To: 1, Type: "used-by", Props: graph.PropsOf(map[string]any{"count": 7.0})})
	g.AddEdge(graph.Edge{From: 0, To: 2, Type: "used-by"})
	s := NewScene(g)
	if s.Radius(1) <= s.Radius(2) {
		t.Fatalf("group radius %.2f, single client %.2f", s.Radius(1), s.Radius(2))
	}
	if s.Radius(1) != NodeRadius(7) {
		t.Errorf("group radius %.2f, want that of 7 relations %.2f", s.Radius(1), NodeRadius(7))
	}
}
