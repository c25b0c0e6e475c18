package render_test

import (
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

// TestLabelsNeverOverlapAtAnyZoom zooms the fixture from far out to close
// in, with and without a selection and a highlighted path, and checks
// that no two labels drawn overlap, that the selected entity and the
// path's entities are labelled whenever they are on screen, and that
// LabelStats counts what Labels lists.
func TestLabelsNeverOverlapAtAnyZoom(t *testing.T) {
	g, s := fixture(t)
	sel := node(t, g, "cnil")
	path := []int32{node(t, g, "privacy-international"), sel, node(t, g, "clearview-ai")}
	fit := render.Fit(s, 900, 600, 1, 24)
	for _, hl := range []render.Highlight{render.NoHighlight, {Selected: sel, Hovered: -1, PathNodes: path, Dim: true}} {
		s.SetHighlight(hl)
		for _, f := range []float64{0.25, 0.5, 1, 1.7, 3, 6} {
			v := fit
			v.Zoom *= f
			labels := render.Labels(s, v, render.Options{})
			placed := map[int32]bool{}
			for i, l := range labels {
				if l.Node >= 0 {
					placed[l.Node] = true
				}
				for _, m := range labels[i+1:] {
					if l.Rect.Overlaps(m.Rect) {
						t.Fatalf("zoom ×%g: labels %q and %q overlap", f, l.Text, m.Text)
					}
				}
			}
			onScreen := func(i int32) bool {
				x, y := v.ToScreen(s.Positions()[i])
				return x >= 0 && y >= 0 && x < float64(v.Width) && y < float64(v.Height)
			}
			if hl.Selected >= 0 {
				for _, i := range append([]int32{hl.Selected}, hl.PathNodes...) {
					if onScreen(i) && !placed[i] {
						t.Errorf("zoom ×%g: %s is singled out and on screen but not labelled", f, g.Node(i).ID)
					}
				}
			}
			rep := render.LabelStats(s, v, render.Options{})
			if rep.Placed != len(placed) {
				t.Errorf("zoom ×%g: LabelStats says %d placed, Labels lists %d", f, rep.Placed, len(placed))
			}
			if f >= 3 && rep.Hidden > rep.Placed {
				t.Errorf("zoom ×%g: only %d labels placed, %d hidden", f, rep.Placed, rep.Hidden)
			}
		}
	}
}
