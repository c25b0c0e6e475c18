package render

import (
	"math"

	"github.com/linkscope/linkscope/graph"
)

// A label is drawn right of its entity's disc unless the entity's
// relations lead mostly to the right: then it is drawn on the left, so
// that labels point away from the relations. Around a hub the labels of
// its leaves then read outwards on both sides instead of crowding over
// the hub, and label-aware layouts (app/view) keep the same side clear.

// labelLeft reports whether entity i, with the entities at pos, has its
// label on the left: the mean horizontal offset of its neighbours (each
// relation counted once, loops left out) is to the right of it by more
// than a quarter of their mean vertical distance.
func (s *Scene) labelLeft(pos []Point, i int32) bool {
	if int(i) >= len(pos) || int(i) >= s.n {
		return false
	}
	p := pos[i]
	var dx, dy float64
	k := 0
	for _, list := range [2][]graph.Arc{s.topo.OutArcs(i), s.topo.InArcs(i)} {
		for _, a := range list {
			j := a.Node
			if int(j) >= len(pos) || j == i {
				continue
			}
			dx += pos[j].X - p.X
			dy += math.Abs(pos[j].Y - p.Y)
			k++
		}
	}
	return k > 0 && dx > 0.25*dy
}

// LabelsLeft reports, for the entities at pos, which have their labels
// drawn left of their discs (the side Render tries first).
func (s *Scene) LabelsLeft(pos []Point) []bool {
	out := make([]bool, s.n)
	for i := range out {
		out[i] = s.labelLeft(pos, int32(i))
	}
	return out
}
