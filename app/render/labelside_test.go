package render_test

import (
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// TestLeavesLabelsPointOutwards: around a hub, the leaves on its left are
// labelled on their left, those on its right and above it on their
// right; a picture fits the labels on both sides, and Render draws each
// where LabelsLeft says.
func TestLeavesLabelsPointOutwards(t *testing.T) {
	g := graph.New(4, 3)
	for _, id := range []string{"hub", "west leaf", "east leaf", "north leaf"} {
		if _, err := g.AddNode(graph.Node{ID: id, Label: id, Type: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := int32(1); i < 4; i++ {
		if _, err := g.AddEdge(graph.Edge{From: 0, To: i, Type: "knows"}); err != nil {
			t.Fatal(err)
		}
	}
	s := render.NewScene(g)
	pos := []render.Point{{X: 0, Y: 0}, {X: -40, Y: 5}, {X: 40, Y: -5}, {X: 3, Y: -40}}
	s.SetPositions(pos)
	left := s.LabelsLeft(pos)
	if want := []bool{false, true, false, false}; !equal(left, want) {
		t.Fatalf("labels on the left: %v, want %v", left, want)
	}
	o := render.ImageOptions{Width: 500, Height: 300, Scale: 1, Margin: 10}
	v := render.ExportViewport(s, o)
	labels := render.Labels(s, v, o.Options)
	if len(labels) < 4 {
		t.Fatalf("%d labels drawn: %v", len(labels), labels)
	}
	for _, l := range labels {
		if l.Node < 0 {
			continue
		}
		x, _ := v.ToScreen(pos[l.Node])
		if l.Rect.Min.X < 0 || l.Rect.Max.X > v.Width {
			t.Errorf("%q drawn at %v, out of the %d px picture", l.Text, l.Rect, v.Width)
		}
		if onLeft := float64(l.Rect.Max.X) < x; onLeft != left[l.Node] {
			t.Errorf("%q drawn at %v, entity at x=%.0f: on the left %v, LabelsLeft %v", l.Text, l.Rect, x, onLeft, left[l.Node])
		}
	}
}

func equal(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFitSpansKeepsLabelsOnBothSides: the zoom leaves room for a label
// on the left of the leftmost entity and one on the right of the
// rightmost, and centres their extent.
func TestFitSpansKeepsLabelsOnBothSides(t *testing.T) {
	spans := []render.Span{{Lo: -1, Hi: 1, Left: 100}, {Lo: 99, Hi: 101, Right: 50}}
	z, cx := render.FitSpans(spans, 400, 10)
	// (102 world units)·z + 150 px = 400 px
	if want := 250.0 / 102; z < want*0.999 || z > want {
		t.Errorf("zoom %g, want %g", z, want)
	}
	lo, hi := -1*z-100, 101*z+50
	if got := cx * z; got < (lo+hi)/2-0.01 || got > (lo+hi)/2+0.01 {
		t.Errorf("centre %g px, the extent's middle %g", got, (lo+hi)/2)
	}
	// labels wider than the picture are left out
	if z, _ := render.FitSpans([]render.Span{{Lo: 0, Hi: 10, Left: 300, Right: 300}}, 400, 100); z != 40 {
		t.Errorf("zoom %g with labels wider than the picture, want 40 (discs alone)", z)
	}
}
