package render

import "testing"

// TestSamePictureSeesEveryChange: a snapshot draws the same picture as
// its scene until one of the scene's setters changes it, including a
// highlight of the same value set again (not a change) and a drag's move.
func TestSamePictureSeesEveryChange(t *testing.T) {
	_, s := gridScene(400)
	snap := s.Snapshot()
	if !SamePicture(s, snap) || !SamePicture(snap, s.Snapshot()) {
		t.Fatal("a snapshot differs from its scene")
	}
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = true
	}
	pos := append([]Point(nil), s.pos...)
	pos[7].X += 3
	radii := append([]float64(nil), s.radius...)
	radii[0] *= 2
	changes := []struct {
		name string
		do   func(*Scene)
	}{
		{"node visibility", func(s *Scene) { s.SetNodeVisible(vis) }},
		{"edge visibility", func(s *Scene) { s.SetEdgeVisible(make([]bool, s.m)) }},
		{"positions", func(s *Scene) { s.SetPositions(pos) }},
		{"a drag", func(s *Scene) { s.MoveNodes([]int32{3}, []Point{{X: 1, Y: 2}}) }},
		{"sizes", func(s *Scene) { s.SetSizes(radii) }},
		{"selection", func(s *Scene) { s.SetHighlight(Highlight{Selected: 2, Hovered: -1}) }},
		{"path", func(s *Scene) { s.SetHighlight(Highlight{Selected: 2, Hovered: -1, PathNodes: []int32{2, 5}}) }},
	}
	for _, c := range changes {
		before := s.Snapshot()
		c.do(s)
		if SamePicture(s, before) {
			t.Errorf("%s: the scene still draws its snapshot's picture", c.name)
		}
		if !SamePicture(s, s.Snapshot()) {
			t.Errorf("%s: a new snapshot differs from the scene", c.name)
		}
	}
	before := s.Snapshot()
	s.SetHighlight(Highlight{Selected: 2, Hovered: -1, PathNodes: []int32{2, 5}})
	if !SamePicture(s, before) {
		t.Error("the same highlight set again reads as a change")
	}
}
