package render

import (
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph/layout"
)

// A highlighted path must show the names of its entities even where the
// graph is crowded: its labels may cover other (dimmed) discs, but never
// another label.
func TestPathLabelsShownInCrowdedViews(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScene(g)
	ids := []string{"privacy-international", "clearview-ai", "walmart"}
	var path []int32
	for _, id := range ids {
		i, ok := g.NodeIndex(id)
		if !ok {
			t.Fatal("the embedded dataset lacks", id)
		}
		path = append(path, i)
	}
	for seed := uint64(1); seed <= 8; seed++ {
		rp := layout.RandomPositions(g.NodeCount(), seed)
		pos := make([]Point, len(rp))
		for i, p := range rp {
			pos[i] = Point(p)
		}
		s.SetPositions(pos)
		s.SetHighlight(Highlight{Selected: path[1], Hovered: path[1], PathNodes: path, Dim: true})
		labels := Labels(s, Fit(s, 600, 660, 1, 20), Options{})
		count := map[int32]int{}
		for i, l := range labels {
			if l.Node >= 0 {
				count[l.Node]++
			}
			for _, m := range labels[i+1:] {
				if l.Rect.Overlaps(m.Rect) {
					t.Fatalf("seed %d: labels %q and %q overlap", seed, l.Text, m.Text)
				}
			}
		}
		for k, i := range path {
			if count[i] != 1 {
				t.Errorf("seed %d: %s labelled %d times, want once", seed, ids[k], count[i])
			}
		}
	}
}
