package layout

import (
	"math"
	"sort"
)

// Barnes–Hut quadtree (J. Barnes and P. Hut, "A hierarchical O(N log N)
// force-calculation algorithm", Nature 324:446–449, 1986).
//
// The tree is built from Morton (Z-order) codes: bodies are sorted by code
// with a stable radix sort, so every cell owns a contiguous range of the
// sorted arrays, and cells are stored in depth-first preorder with a "next"
// (skip-subtree) link. Traversal is then a stackless forward scan over one
// flat slice, and processing targets in Morton order keeps consecutive
// traversals in cache. The build is serial and fully deterministic.

const (
	bhDepth   = 21 // bits per axis of the Morton code (42-bit keys)
	bhLeafCap = 8  // a cell with at most this many bodies is a leaf
)

// bhCell is one quadtree cell.
type bhCell struct {
	mx, my float64 // centre of mass
	mass   float64 // total mass
	s2     float64 // squared extent of the tight bounding box of its bodies
	lo, hi int32   // bodies [lo,hi) in sorted order
	next   int32   // index of the next cell after this subtree
	leaf   bool
}

// bhTree is a reusable Barnes–Hut tree over N bodies.
type bhTree struct {
	cells []bhCell
	// bodies in Morton order
	id     []int32   // original index
	x, y   []float64 // position
	m      []float64 // mass
	r      []float64 // radius (size)
	code   []uint64
	tmpID  []int32
	tmpKey []uint64
}

// spread1 spaces the low 21 bits of v so that bit i moves to bit 2i.
func spread1(v uint64) uint64 {
	v &= 0x1fffff
	v = (v | v<<16) & 0x0000ffff0000ffff
	v = (v | v<<8) & 0x00ff00ff00ff00ff
	v = (v | v<<4) & 0x0f0f0f0f0f0f0f0f
	v = (v | v<<2) & 0x3333333333333333
	v = (v | v<<1) & 0x5555555555555555
	return v
}

// build (re)builds the tree for positions pos, masses mass and radii size.
func (t *bhTree) build(pos []Point, mass, size []float64) {
	n := len(pos)
	t.cells = t.cells[:0]
	if n == 0 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	side := math.Max(maxX-minX, maxY-minY)
	if !(side > 0) {
		side = 1
	}
	scale := float64(uint64(1)<<bhDepth-1) / side
	t.id = grow(t.id, n)
	t.tmpID = grow(t.tmpID, n)
	t.code = grow(t.code, n)
	t.tmpKey = grow(t.tmpKey, n)
	for i, p := range pos {
		qx := uint64((p.X - minX) * scale)
		qy := uint64((p.Y - minY) * scale)
		t.code[i] = spread1(qx) | spread1(qy)<<1
		t.id[i] = int32(i)
	}
	t.radixSort(n)
	t.x, t.y = grow(t.x, n), grow(t.y, n)
	t.m, t.r = grow(t.m, n), grow(t.r, n)
	for k, i := range t.id {
		t.x[k], t.y[k] = pos[i].X, pos[i].Y
		t.m[k] = mass[i]
		if size != nil {
			t.r[k] = size[i]
		} else {
			t.r[k] = DefaultNodeSize
		}
	}
	t.buildCell(0, int32(n), 0)
}

// radixSort sorts t.code / t.id stably by code (LSD, 4 passes of 11 bits).
func (t *bhTree) radixSort(n int) {
	var count [1 << 11]int32
	src, dst := t.code[:n], t.tmpKey[:n]
	sid, did := t.id[:n], t.tmpID[:n]
	for shift := uint(0); shift < 44; shift += 11 {
		clear(count[:])
		for _, c := range src {
			count[(c>>shift)&0x7ff]++
		}
		sum := int32(0)
		for i := range count {
			c := count[i]
			count[i] = sum
			sum += c
		}
		for k, c := range src {
			d := (c >> shift) & 0x7ff
			p := count[d]
			count[d]++
			dst[p] = c
			did[p] = sid[k]
		}
		src, dst = dst, src
		sid, did = did, sid
	}
	// 4 passes: the sorted data is back in t.code / t.id.
}

// bbox is an axis-aligned bounding box.
type bbox struct{ minX, minY, maxX, maxY float64 }

// emptyBox is the identity for union.
var emptyBox = bbox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}

// union returns the smallest box containing a and b.
func (a bbox) union(b bbox) bbox {
	return bbox{math.Min(a.minX, b.minX), math.Min(a.minY, b.minY), math.Max(a.maxX, b.maxX), math.Max(a.maxY, b.maxY)}
}

// buildCell appends the cell for bodies [lo,hi) at tree level lvl and its
// subtree, and returns its index and the tight bounding box of its bodies.
func (t *bhTree) buildCell(lo, hi int32, lvl int) (int32, bbox) {
	c := int32(len(t.cells))
	t.cells = append(t.cells, bhCell{lo: lo, hi: hi})
	box := emptyBox
	var mass, sx, sy float64
	if hi-lo <= bhLeafCap || lvl >= bhDepth {
		for k := lo; k < hi; k++ {
			x, y, m := t.x[k], t.y[k], t.m[k]
			mass += m
			sx += x * m
			sy += y * m
			box = box.union(bbox{x, y, x, y})
		}
		t.cells[c].leaf = true
	} else {
		shift := uint(2 * (bhDepth - 1 - lvl))
		codes := t.code[lo:hi]
		start := int32(0)
		for q := uint64(0); q < 4; q++ {
			end := int32(len(codes))
			if q < 3 {
				end = int32(sort.Search(len(codes), func(i int) bool { return (codes[i]>>shift)&3 > q }))
			}
			if end > start {
				k, b := t.buildCell(lo+start, lo+end, lvl+1)
				ch := &t.cells[k]
				mass += ch.mass
				sx += ch.mx * ch.mass
				sy += ch.my * ch.mass
				box = box.union(b)
				start = end
			}
		}
	}
	cell := &t.cells[c]
	cell.mass = mass
	if mass > 0 {
		cell.mx, cell.my = sx/mass, sy/mass
	} else {
		cell.mx, cell.my = (box.minX+box.maxX)/2, (box.minY+box.maxY)/2
	}
	s := math.Max(box.maxX-box.minX, box.maxY-box.minY)
	cell.s2 = s * s
	cell.next = int32(len(t.cells))
	return c, box
}

// grow returns s resized to n, reusing its storage when possible.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
