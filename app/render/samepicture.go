package render

import "slices"

// SamePicture reports whether scenes a and b draw the same picture (through
// the same viewport and options): the same entities, relations, styling,
// positions, visibility and highlight. A Scene changes only through its
// setters, which replace what they change rather than writing into a
// slice a snapshot may share (SetPositions, SetNodeVisible, SetSizes, …
// copy; MoveNodes copies once after a Snapshot), so comparing what each
// holds, not its contents, is enough; the highlight is compared by value,
// since SetHighlight builds its flags anew each time. It reads a and b
// without marking them shared (no Snapshot).
func SamePicture(a, b *Scene) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.static == b.static && a.grid == b.grid &&
		same(a.pos, b.pos) && same(a.nodeVisible, b.nodeVisible) && same(a.edgeVisible, b.edgeVisible) &&
		a.hl.Selected == b.hl.Selected && a.hl.Hovered == b.hl.Hovered && a.hl.Dim == b.hl.Dim &&
		slices.Equal(a.hl.PathNodes, b.hl.PathNodes) && slices.Equal(a.hl.PathEdges, b.hl.PathEdges)
}

// same reports whether a and b are the same slice (the same array and
// length; nil is not an empty slice).
func same[T any](a, b []T) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0]
}
