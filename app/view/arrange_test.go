package view

import (
	"context"
	"encoding/json"
	"flag"
	"math"
	"os"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

var update = flag.Bool("update", false, "rewrite ../render/testdata/clearview-fixture-positions.json")

func TestFixtureLayoutLeavesRoomForEveryLabel(t *testing.T) {
	g, err := dataset.Load("../render/testdata/clearview-fixture.json", dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	pos, err := picture(g, s, LayoutRequest{Seed: 1}, 1600, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(pos) != g.NodeCount() {
		t.Fatalf("%d positions for %d nodes", len(pos), g.NodeCount())
	}
	// in the fitted picture, no two discs or label boxes overlap
	s.SetPositions(pos)
	v := render.Fit(s, 1600, 1000, 1, 32)
	lp := make([]layout.Point, len(pos))
	radii := make([]float64, len(pos))
	labels := make([]layout.Size, len(pos))
	for i, p := range pos {
		x, y := v.ToScreen(p)
		lp[i] = layout.Point{X: x, Y: y}
		radii[i] = s.Radius(int32(i)) * v.Zoom
		w, h := s.LabelSize(int32(i))
		labels[i] = layout.Size{W: w, H: h}
	}
	// each label on the side Render draws it
	sides := make([]layout.LabelSide, len(pos))
	for i, left := range s.LabelsLeft(pos) {
		if left {
			sides[i] = layout.LabelLeft
		}
	}
	ov := layout.CountOverlaps(lp, radii, labels, layout.LabelPlacement{Side: layout.LabelRight, Gap: render.LabelGap, Sides: sides})
	if ov.Total() != 0 {
		t.Errorf("overlaps at 1600×1000: %+v", ov)
	}
	// leaves are drawn at a legible size
	if r := render.NodeRadius(1) * v.Zoom; r < 6 || r > 16 {
		t.Errorf("a leaf's radius is %.1f px", r)
	}
	if *update {
		b, _ := json.Marshal(pos)
		if err := os.WriteFile("../render/testdata/clearview-fixture-positions.json", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEveryLayoutPlacesEveryNode(t *testing.T) {
	g, err := dataset.Load("../render/testdata/clearview-fixture.json", dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	for _, name := range Names() {
		pos, err := picture(g, s, LayoutRequest{Algo: name, Focus: NoFocus, Seed: 2}, 0, 0)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		seen := map[[2]float64]bool{}
		for i, p := range pos {
			if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
				t.Fatalf("%s: node %d at %v", name, i, p)
			}
			seen[[2]float64{p.X, p.Y}] = true
		}
		if len(seen) != len(pos) {
			t.Errorf("%s: %d distinct positions for %d nodes", name, len(seen), len(pos))
		}
	}
	if _, err := Layout(context.Background(), g, s, LayoutRequest{Algo: "spiral"}, nil); err == nil {
		t.Error("unknown layout accepted")
	}
}

func TestPositionsAreReproducible(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	a, err := picture(g, s, LayoutRequest{Seed: 3}, 1600, 1000)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := picture(g, s, LayoutRequest{Seed: 3}, 1600, 1000)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v then %v", i, a[i], b[i])
		}
	}
}

// picture lays g out and fits it to a width×height picture, as exports do.
func picture(g *graph.Graph, s *render.Scene, req LayoutRequest, width, height float64) ([]render.Point, error) {
	pos, err := Layout(context.Background(), g, s, req, nil)
	if err != nil {
		return nil, err
	}
	return FitPicture(pos, s, render.ImageOptions{Width: int(width), Height: int(height), Options: render.Options{Title: g.Title, Legend: true}})
}

func TestComponentsStayTogether(t *testing.T) {
	// two components placed far apart come back next to each other
	lg := &layout.Graph{N: 4, Src: []int32{0, 2}, Dst: []int32{1, 3}}
	pos := []layout.Point{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1000, Y: 0}, {X: 1001, Y: 0}}
	out := packComponents(lg, pos, []float64{1, 1, 1, 1})
	if d := out[2].X - out[1].X; d > 10 || d < 0 {
		t.Errorf("second component %v from the first", d)
	}
	if out[3].X-out[2].X != 1 {
		t.Error("a component lost its shape")
	}
}

// TestClearviewReportPicture checks the embedded case as `linkscope export`
// draws it at 1600×1000: every entity labelled, no two labels overlapping,
// and each of the CNIL's fines of Clearview AI labelled on its own arc.
func TestClearviewReportPicture(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	pos, err := picture(g, s, LayoutRequest{Seed: 1}, 1600, 1000)
	if err != nil {
		t.Fatal(err)
	}
	s.SetPositions(pos)
	o := render.ImageOptions{Width: 1600, Height: 1000, Options: render.Options{Title: g.Title, Legend: true}}
	labels := render.Labels(s, render.ExportViewport(s, o), o.Options)
	named := map[int32]bool{}
	edges := map[int32]bool{}
	for i, l := range labels {
		if l.Node >= 0 {
			named[l.Node] = true
		}
		if l.Edge >= 0 {
			edges[l.Edge] = true
		}
		for _, m := range labels[i+1:] {
			if l.Rect.Overlaps(m.Rect) {
				t.Errorf("labels %q and %q overlap", l.Text, m.Text)
			}
		}
	}
	for i := int32(0); int(i) < g.NodeCount(); i++ {
		if !named[i] {
			t.Errorf("entity %q has no label", g.Node(i).Label)
		}
	}
	cnil, ok1 := g.NodeIndex("cnil")
	cv, ok2 := g.NodeIndex("clearview-ai")
	if !ok1 || !ok2 {
		t.Fatal("the embedded dataset has no cnil or clearview-ai")
	}
	fines := 0
	for _, e := range g.Between(cnil, cv, false) {
		if g.Edge(e).Type != "fined" {
			continue
		}
		fines++
		if !edges[e] {
			t.Errorf("CNIL fine %s (%s) not labelled", g.Edge(e).ID, render.EdgeLabel(g.Edge(e)))
		}
	}
	if fines < 2 {
		t.Logf("the dataset has %d CNIL fines", fines)
	}
}
