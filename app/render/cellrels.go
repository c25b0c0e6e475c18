package render

import (
	"math/bits"
	"sync"
)

// Relations per grid cell, for the window's level of detail on big
// scenes (density.go).
//
// Zoomed in on a million entities, a frame needs the relations with an
// end on screen, and of those only one in a power of two (the stable
// sample of sampleEdges and sampleLinks: the indices that are multiples
// of the stride). Going through the arcs of every entity on screen, or
// through every stride-th relation of the graph, costs far more than the
// few thousand relations drawn. cellRels lists, for each cell of the
// hit-testing grid, the relations with an end in it, ordered by their
// sampling level first (the number of trailing zero bits of the index,
// highest first): the relations a stride keeps are then a prefix of each
// cell's list, and a frame reads only them.

// cellRels is the per-cell relation list of one grid (and so of one set
// of positions); built on first use, at most once.
type cellRels struct {
	once  sync.Once
	start []int32 // cols*rows+1 offsets into rels
	rels  []int32
	// cell is each entity's cell when the list was built
	cell []int32
}

// relLevel is relation e's sampling level: it is kept by every stride
// up to 1<<relLevel(e) (0 by all).
func relLevel(e int32) int {
	if e == 0 {
		return 32
	}
	return bits.TrailingZeros32(uint32(e))
}

// cellRelations returns the scene's per-cell relation list, building it
// the first time (safe from several goroutines drawing snapshots of the
// same positions).
func (s *Scene) cellRelations() *cellRels {
	g := s.grid
	cr := g.rels
	cr.once.Do(func() { cr.build(s, g) })
	return cr
}

// build fills cr for s's relations in grid g: a counting pass per cell,
// then the relations visited level by level, highest first (relation 0,
// then the odd multiples of 2^30, …, then the odd indices), each
// appended to the cell of its source and, when another, of its target.
func (cr *cellRels) build(s *Scene, g *grid) {
	cells := g.cols * g.rows
	cr.cell = make([]int32, s.n)
	for i, p := range s.pos {
		cr.cell[i] = int32(g.cellIndex(p.X, p.Y))
	}
	cr.start = make([]int32, cells+1)
	for e := 0; e < s.m; e++ {
		a, b := cr.cell[s.src[e]], cr.cell[s.dst[e]]
		cr.start[a+1]++
		if b != a {
			cr.start[b+1]++
		}
	}
	for c := 1; c <= cells; c++ {
		cr.start[c] += cr.start[c-1]
	}
	cr.rels = make([]int32, cr.start[cells])
	fill := append([]int32(nil), cr.start[:cells]...)
	visit := func(e int) {
		a, b := cr.cell[s.src[e]], cr.cell[s.dst[e]]
		cr.rels[fill[a]] = int32(e)
		fill[a]++
		if b != a {
			cr.rels[fill[b]] = int32(e)
			fill[b]++
		}
	}
	if s.m > 0 {
		visit(0)
	}
	for lvl := 30; lvl >= 0; lvl-- {
		for e := 1 << lvl; e < s.m; e += 2 << lvl {
			visit(e)
		}
	}
}

// cellRect is a rectangle of grid cells, columns c0..c1 and rows r0..r1.
type cellRect struct{ c0, c1, r0, r1 int }

// cellsOn is the rectangle of g's cells that world points a..b (widened
// by pad world units) fall in.
func (g *grid) cellsOn(a, b Point, pad float64) cellRect {
	return cellRect{g.col(a.X - pad), g.col(b.X + pad), g.row(a.Y - pad), g.row(b.Y + pad)}
}

func (r cellRect) has(g *grid, cell int32) bool {
	c, w := int(cell)%g.cols, int(cell)/g.cols
	return c >= r.c0 && c <= r.c1 && w >= r.r0 && w <= r.r1
}

// entries is the number of (cell, relation) entries in the cells of r:
// between one and two per relation with an end there.
func (cr *cellRels) entries(g *grid, r cellRect) int {
	n := 0
	for w := r.r0; w <= r.r1; w++ {
		n += int(cr.start[w*g.cols+r.c1+1] - cr.start[w*g.cols+r.c0])
	}
	return n
}

// each calls fn once for every relation with an end in the cells of r
// whose index is a multiple of stride (a power of two), cell by cell.
func (cr *cellRels) each(s *Scene, g *grid, r cellRect, stride int, fn func(e int32)) {
	mask := int32(stride - 1)
	for w := r.r0; w <= r.r1; w++ {
		for c := r.c0; c <= r.c1; c++ {
			k := int32(w*g.cols + c)
			for _, e := range cr.rels[cr.start[k]:cr.start[k+1]] {
				if e&mask != 0 {
					break // the rest of the cell is of lower levels
				}
				// listed in both ends' cells: once, from its source's
				// when that is in r
				if a := cr.cell[s.src[e]]; a != k && r.has(g, a) {
					continue
				}
				fn(e)
			}
		}
	}
}
