package view

import (
	"context"
	"image"
	"image/color"
	"testing"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// analysed is the Clearview case with betweenness and communities stored
// and the chart sized and coloured by them.
func analysed(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"betweenness", "communities"} {
		res, err := Analyze(context.Background(), g, AnalyzeRequest{Measure: m, Seed: 1}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Apply(res.MeasureCommand(g)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []graph.SetChart{{Key: ChartSizeBy, Value: "betweenness"}, {Key: ChartColourBy, Value: "communities"}} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestStylingSizesByRankAndColoursByGroup(t *testing.T) {
	g := analysed(t)
	st := StylingOf(g)
	cv, _ := g.NodeIndex("clearview-ai")
	wm, _ := g.NodeIndex("walmart")
	base := medianRadius(g)
	if st.Radii[cv] != base*MaxSizeFactor || st.Radii[wm] != base*MinSizeFactor {
		t.Fatalf("radii Clearview %v Walmart %v, want %v and %v", st.Radii[cv], st.Radii[wm], base*MaxSizeFactor, base*MinSizeFactor)
	}
	groups := PartitionGroups(g, g.Chart().Measures["communities"])
	for k, grp := range groups[:2] {
		for _, i := range grp.Members {
			if st.Fill[i] != PartitionPalette[k] {
				t.Fatalf("%s in group %d filled %v", g.Node(i).Label, k, st.Fill[i])
			}
		}
	}
	if len(st.Legend) != 2 || st.Legend[0].Header != "Size: betweenness" || len(st.Legend[1].Rows) != len(groups) {
		t.Fatalf("legend %+v", st.Legend)
	}
	// a setting naming no measure styles nothing
	if err := g.Apply(graph.SetChart{Key: ChartSizeBy, Value: "pagerank"}); err != nil {
		t.Fatal(err)
	}
	if st := StylingOf(g); st.Radii != nil {
		t.Fatal("sized by a measure that is not there")
	}
}

func TestWorkspaceExportDrawsTheStyling(t *testing.T) {
	g := analysed(t)
	v := dataset.View{Positions: &dataset.Positions{}}
	for i := 0; i < g.NodeCount(); i++ {
		v.Positions.IDs = append(v.Positions.IDs, g.Node(int32(i)).ID)
		v.Positions.X = append(v.Positions.X, float64(i%7)*14)
		v.Positions.Y = append(v.Positions.Y, float64(i/7)*14)
	}
	s, _, ok := FromWorkspace(g, v, 800, 800)
	if !ok {
		t.Fatal("no scene")
	}
	cv, _ := g.NodeIndex("clearview-ai")
	if plain := render.NewScene(g); s.Radius(cv) == plain.Radius(cv) {
		t.Fatal("the workspace's scene is not sized by betweenness")
	}
	vp := render.Viewport{Zoom: 6, Width: 700, Height: 700, CenterX: 42, CenterY: 42, Scale: 1}
	img := image.NewRGBA(image.Rect(0, 0, 700, 700))
	render.Render(img, s, vp, render.Options{NoLabels: true})
	x, y := vp.ToScreen(render.Point{X: float64(cv%7) * 14, Y: float64(cv/7) * 14})
	r := render.ScreenRadius(s, vp, cv)
	got := color.NRGBAModel.Convert(img.At(int(x-0.75*r), int(y))).(color.NRGBA)
	want := StylingOf(g).Fill[cv]
	if d := int(got.R) - int(want.R) + int(got.G) - int(want.G) + int(got.B) - int(want.B); d > 6 || d < -6 {
		t.Fatalf("Clearview AI drawn %v, want its community's %v", got, want)
	}
}

func TestThresholdHides(t *testing.T) {
	g := analysed(t)
	if err := g.Apply(graph.SetChart{Key: ChartThreshold, Value: Threshold{Measure: "betweenness", Min: 0.01}.String()}); err != nil {
		t.Fatal(err)
	}
	th, ok := ThresholdOf(g)
	if !ok || th.Measure != "betweenness" || th.Min != 0.01 {
		t.Fatalf("threshold %+v %v", th, ok)
	}
	vis := Visible(g, FilterOf(g, dataset.View{}))
	for i := int32(0); int(i) < g.NodeCount(); i++ {
		b, _ := g.MeasureOf("betweenness", i)
		if vis.Nodes[i] != (b >= 0.01) {
			t.Fatalf("%s betweenness %v visible %v", g.Node(i).Label, b, vis.Nodes[i])
		}
	}
}

// In French the legend's headers and rows are French too (the window's
// legend and the exported pictures).
func TestStylingLegendSpeaksFrench(t *testing.T) {
	if _, err := i18n.Setup(i18n.PrefFrench); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = i18n.Setup(i18n.PrefEnglish)
		i18n.SetCurrent(i18n.English)
	})
	st := StylingOf(analysed(t))
	if len(st.Legend) != 2 || st.Legend[0].Header != "Taille : intermédiarité" || st.Legend[1].Header != "Couleur : communautés" {
		t.Fatalf("legend %+v", st.Legend)
	}
	if r := st.Legend[0].Rows; len(r) != 2 || r[0].Text[:4] != "min " || r[1].Text[:4] != "max " {
		t.Fatalf("size rows %+v", r)
	}
}

// MeasureTitle is the menu's label within a sentence: lower case first,
// but a name keeps its capitals.
func TestMeasureTitleFollowsTheLabel(t *testing.T) {
	for m, want := range map[string]string{"betweenness": "betweenness", "harmonic": "harmonic closeness",
		"components": "connected components", "pagerank": "PageRank", "kcore": "k-core number"} {
		if got := MeasureTitle(m); got != want {
			t.Errorf("%s: %q, want %q", m, got, want)
		}
	}
}
