package render

import "slices"

// MoveNodes puts nodes idx at the points to (parallel slices; indices out
// of range are skipped, non-finite points taken as the origin), as
// SetPositions would with every other node where it is, but touching only
// the moved nodes: each is moved from the hit-testing grid cell it leaves
// to the one it enters instead of the grid being built again (a drag at
// 1M entities rebuilt a million-entry grid on every pointer event).
//
// The positions and grid a Snapshot (or Positions) shares are copied once
// first, so a frame being drawn from a snapshot never sees a move.
func (s *Scene) MoveNodes(idx []int32, to []Point) {
	if s.shared {
		s.pos = slices.Clone(s.pos)
		if s.grid != nil {
			g := *s.grid
			g.start, g.items = slices.Clone(g.start), slices.Clone(g.items)
			g.rels = &cellRels{}
			s.grid = &g
		}
		s.shared = false
	}
	if s.grid != nil && len(idx) > 0 {
		s.grid.dens = &densityCache{} // the tiles count entities where they were
	}
	for k, i := range idx {
		if i < 0 || int(i) >= s.n || k >= len(to) {
			continue
		}
		p := to[k]
		if !finite(p.X) || !finite(p.Y) {
			p = Point{}
		}
		old := s.pos[i]
		s.pos[i] = p
		if s.grid != nil {
			s.grid.move(i, old, p)
		}
	}
}

// move moves node i from the cell of point from to the cell of point to:
// the items between the two slots shift by one and the offsets of the
// cells between change by one (the order inside a cell does not matter).
func (g *grid) move(i int32, from, to Point) {
	a, b := g.cellIndex(from.X, from.Y), g.cellIndex(to.X, to.Y)
	if a == b {
		return
	}
	g.rels = &cellRels{} // the lists say which cell each entity is in
	k := -1
	for j := g.start[a]; j < g.start[a+1]; j++ {
		if g.items[j] == i {
			k = int(j)
			break
		}
	}
	if k < 0 {
		return // not in the cell of from: the grid was not built from these positions
	}
	if a < b {
		end := int(g.start[b+1])
		copy(g.items[k:end-1], g.items[k+1:end])
		g.items[end-1] = i
		for c := a + 1; c <= b; c++ {
			g.start[c]--
		}
		return
	}
	at := int(g.start[b+1])
	copy(g.items[at+1:k+1], g.items[at:k])
	g.items[at] = i
	for c := b + 1; c <= a; c++ {
		g.start[c]++
	}
}
