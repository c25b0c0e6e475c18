package view

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// hubGraph is an investigation-like graph of n entities: a few hubs
// (one per 25 entities) linked to one another, every other entity
// related to a hub (a third of them to the first) and one in five also to
// an earlier entity; labels of one to three words.
func hubGraph(t *testing.T, n int, seed uint64) *graph.Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed+7))
	words := []string{"Agency", "Ministry", "Bureau", "Foundation", "Council", "Holdings", "Group", "Network", "Institute", "Office",
		"Court", "Bank", "Alliance", "Media", "Partners", "EU", "Data", "Police", "City", "Union"}
	g := graph.New(n, 2*n)
	hubs := 1 + n/25
	edge := func(a, b int) {
		if _, err := g.AddEdge(graph.Edge{From: int32(a), To: int32(b), Type: "rel"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		l := words[r.IntN(len(words))]
		for k := r.IntN(3); k > 0; k-- {
			l += " " + words[r.IntN(len(words))]
		}
		if _, err := g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Label: l, Type: fmt.Sprint("t", r.IntN(6))}); err != nil {
			t.Fatal(err)
		}
		switch {
		case i == 0:
		case i < hubs:
			edge(i, r.IntN(i))
		default:
			h := r.IntN(hubs)
			if r.IntN(3) == 0 {
				h = 0
			}
			edge(i, h)
			if r.IntN(5) == 0 {
				edge(i, r.IntN(i))
			}
		}
	}
	return g
}

// TestFitPictureLabelsHubsAndLeaves: generated hub-and-leaves graphs, laid
// out and fitted as the window and exports do, get every label drawn and
// none over another when the picture has room for them: 40 entities in
// the window's canvas (with the legend) and in an 800×600 picture, 130 in
// a 1600×1000 one.
func TestFitPictureLabelsHubsAndLeaves(t *testing.T) {
	for _, c := range []struct{ n, w, h int }{{40, 714, 681}, {40, 800, 600}, {130, 1600, 1000}} {
		for seed := uint64(1); seed <= 3; seed++ {
			g := hubGraph(t, c.n, seed*100+uint64(c.n))
			s := render.NewScene(g)
			raw, err := Layout(context.Background(), g, s, LayoutRequest{Seed: DefaultSeed, Focus: NoFocus}, nil)
			if err != nil {
				t.Fatal(err)
			}
			o := render.ImageOptions{Width: c.w, Height: c.h, Scale: 1, Margin: CanvasMargin, Options: render.Options{Legend: true}}
			pos, err := FitPicture(raw, s, o)
			if err != nil {
				t.Fatal(err)
			}
			s.SetPositions(pos)
			v := render.ExportViewport(s, o)
			if rep := render.LabelStats(s, v, o.Options); rep.Hidden != 0 || rep.Placed != c.n {
				t.Errorf("%d entities (seed %d) at %d×%d: %d labels drawn, %d hidden", c.n, seed, c.w, c.h, rep.Placed, rep.Hidden)
			}
			labels := render.Labels(s, v, o.Options)
			for i, l := range labels {
				for _, m := range labels[i+1:] {
					if l.Rect.Overlaps(m.Rect) {
						t.Fatalf("%d entities (seed %d) at %d×%d: labels %q and %q overlap", c.n, seed, c.w, c.h, l.Text, m.Text)
					}
				}
			}
		}
	}
}
