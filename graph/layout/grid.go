package layout

import (
	"math"
	"slices"
)

// Spatial hash grid for finding all pairs of intersecting boxes in
// O(n + pairs) expected time. Each box is registered in every grid cell it
// covers; a pair is reported only from the cell that contains the minimum
// corner of the pair's intersection, so each pair is reported once. Boxes
// covering too many cells go to a "big" list checked against all boxes.

// maxCellsPerBox bounds how many grid cells one box may occupy.
const maxCellsPerBox = 64

// gridEntry is one (cell, box) registration.
type gridEntry struct {
	key uint64
	id  int32
}

// boxPairs finds every pair of boxes whose interiors intersect, in a
// deterministic order; degenerate boxes are ignored. Its buffers are reused
// between calls.
type boxPairs struct {
	entries []gridEntry
	big     []int32
	isBig   []bool
	pairs   [][2]int32
}

// find returns all intersecting pairs of boxes, sorted.
func (bp *boxPairs) find(boxes []bbox) [][2]int32 {
	n := len(boxes)
	bp.pairs = bp.pairs[:0]
	bp.entries = bp.entries[:0]
	bp.big = bp.big[:0]
	bp.isBig = grow(bp.isBig, n)
	clear(bp.isBig)
	// Cell size: the median of box extents (robust to a few huge labels).
	ext := make([]float64, 0, n)
	for _, b := range boxes {
		if b.hasArea() {
			ext = append(ext, math.Max(b.maxX-b.minX, b.maxY-b.minY))
		}
	}
	if len(ext) < 2 {
		return nil
	}
	slices.Sort(ext)
	cell := ext[len(ext)/2]
	if !(cell > 0) {
		cell = ext[len(ext)-1]
	}
	all := emptyBox
	for _, b := range boxes {
		if b.hasArea() {
			all = all.union(b)
		}
	}
	// Keep cell coordinates well inside int32 so keys never collide.
	if span := math.Max(all.maxX-all.minX, all.maxY-all.minY); span/cell > 1<<28 {
		cell = span / (1 << 28)
	}
	inv := 1 / cell
	cellOf := func(v float64) int64 { return int64(math.Floor(v * inv)) }
	key := func(cx, cy int64) uint64 { return uint64(uint32(int32(cx)))<<32 | uint64(uint32(int32(cy))) }
	for i, b := range boxes {
		if !b.hasArea() {
			continue
		}
		x0, x1 := cellOf(b.minX), cellOf(b.maxX)
		y0, y1 := cellOf(b.minY), cellOf(b.maxY)
		if (x1-x0+1)*(y1-y0+1) > maxCellsPerBox {
			bp.big = append(bp.big, int32(i))
			bp.isBig[i] = true
			continue
		}
		for cx := x0; cx <= x1; cx++ {
			for cy := y0; cy <= y1; cy++ {
				bp.entries = append(bp.entries, gridEntry{key(cx, cy), int32(i)})
			}
		}
	}
	slices.SortFunc(bp.entries, func(a, b gridEntry) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return int(a.id - b.id)
	})
	e := bp.entries
	for lo := 0; lo < len(e); {
		hi := lo + 1
		for hi < len(e) && e[hi].key == e[lo].key {
			hi++
		}
		if hi-lo > 1 {
			k := e[lo].key
			for a := lo; a < hi; a++ {
				i := e[a].id
				bi := boxes[i]
				for b := a + 1; b < hi; b++ {
					j := e[b].id
					bj := boxes[j]
					if !bi.overlaps(bj) {
						continue
					}
					// Report from the cell holding the intersection's min corner.
					if key(cellOf(math.Max(bi.minX, bj.minX)), cellOf(math.Max(bi.minY, bj.minY))) != k {
						continue
					}
					bp.pairs = append(bp.pairs, [2]int32{i, j})
				}
			}
		}
		lo = hi
	}
	for _, i := range bp.big {
		for j := range boxes {
			if int32(j) == i || (bp.isBig[j] && int32(j) < i) {
				continue
			}
			if boxes[j].hasArea() && boxes[i].overlaps(boxes[j]) {
				a, b := i, int32(j)
				if a > b {
					a, b = b, a
				}
				bp.pairs = append(bp.pairs, [2]int32{a, b})
			}
		}
	}
	slices.SortFunc(bp.pairs, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	return bp.pairs
}
