package layout

import "math"

// ForceAtlas2 repulsion (paper §"Repulsion by degree"):
//
//	F_r(n1, n2) = kr (deg(n1)+1)(deg(n2)+1) / d(n1, n2)
//
// directed from n2 to n1. With AdjustSizes the distance is measured between
// node borders, d' = d - size1 - size2, and overlapping nodes (d' < 0)
// repulse with the constant factor 100 kr m1 m2 (paper §"Preventing
// overlap"; Gephi ForceFactory.linRepulsion_antiCollision). As in Gephi and
// graphology, a Barnes–Hut cell is treated as a plain body without size.

// bhRepulse returns the repulsion on the body at sorted position k, summed
// over the tree with opening criterion s²/d² < theta2. The result is not yet
// multiplied by kr*m_k. The summation order depends only on the tree, so the
// result is identical whichever goroutine computes it.
func (t *bhTree) bhRepulse(k int32, theta2 float64, adjust bool) (fx, fy float64) {
	x, y, rk := t.x[k], t.y[k], t.r[k]
	cells := t.cells
	for c := int32(0); c < int32(len(cells)); {
		cell := &cells[c]
		if cell.leaf {
			for b := cell.lo; b < cell.hi; b++ {
				if b == k {
					continue
				}
				dx, dy := x-t.x[b], y-t.y[b]
				d2 := dx*dx + dy*dy
				if adjust {
					d := math.Sqrt(d2) - rk - t.r[b]
					if d > 0 {
						f := t.m[b] / (d * d)
						fx += dx * f
						fy += dy * f
					} else if d < 0 {
						f := 100 * t.m[b]
						fx += dx * f
						fy += dy * f
					}
				} else if d2 > 0 {
					f := t.m[b] / d2
					fx += dx * f
					fy += dy * f
				}
			}
			c = cell.next
			continue
		}
		dx, dy := x-cell.mx, y-cell.my
		d2 := dx*dx + dy*dy
		if cell.s2 < theta2*d2 {
			f := cell.mass / d2
			fx += dx * f
			fy += dy * f
			c = cell.next
		} else {
			c++
		}
	}
	return fx, fy
}

// exactRepulse returns the O(n) exact repulsion on node i from all other
// nodes, in index order, not yet multiplied by kr*m_i.
func exactRepulse(i int, pos []Point, mass, size []float64, adjust bool) (fx, fy float64) {
	x, y := pos[i].X, pos[i].Y
	ri := DefaultNodeSize
	if size != nil {
		ri = size[i]
	}
	for j := range pos {
		if j == i {
			continue
		}
		dx, dy := x-pos[j].X, y-pos[j].Y
		d2 := dx*dx + dy*dy
		if adjust {
			rj := DefaultNodeSize
			if size != nil {
				rj = size[j]
			}
			d := math.Sqrt(d2) - ri - rj
			if d > 0 {
				f := mass[j] / (d * d)
				fx += dx * f
				fy += dy * f
			} else if d < 0 {
				f := 100 * mass[j]
				fx += dx * f
				fy += dy * f
			}
		} else if d2 > 0 {
			f := mass[j] / d2
			fx += dx * f
			fy += dy * f
		}
	}
	return fx, fy
}
