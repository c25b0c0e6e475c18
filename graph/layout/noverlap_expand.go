package layout

import (
	"math"
	"slices"
)

// expand is RemoveOverlaps' guaranteed fallback: it expands all positions
// about their centroid (labels keep their size and offset) and returns the
// total factor.
//
// First, up to 8 rounds expand by the smallest factor that clears every
// pair of shapes overlapping now (for each overlapping pair of discs or
// boxes, the factor at which the ray s*(p_j - p_i) leaves their collision
// set; discs are treated exactly, label boxes and disc–box pairs through
// their bounding rectangles). Expansion can make pairs collide that did not
// before (a node pushed into a label ahead of it), so if overlaps remain
// the last step expands by the smallest factor that makes every pair of
// padded whole-node bounding boxes disjoint: for overlapping boxes that is
// min(needX/|dx|, needY/|dy|), and a pair separated along an axis stays
// separated under any further expansion, so one such step clears all pairs
// at once. Coincident nodes are nudged apart first. The loop only repeats
// if floating-point rounding left a pair touching.
func (ps *pusher) expand() float64 {
	n := len(ps.pos)
	var cx, cy float64
	for _, p := range ps.pos {
		cx += p.X
		cy += p.Y
	}
	cx /= float64(n)
	cy /= float64(n)
	total := 1.0
	scale := func(s float64) {
		s *= 1 + 1e-9
		for i := range ps.pos {
			ps.pos[i].X = cx + (ps.pos[i].X-cx)*s
			ps.pos[i].Y = cy + (ps.pos[i].Y-cy)*s
		}
		total *= s
	}
	for round := 0; round < 72; round++ {
		ps.separateCoincident()
		for i := range ps.pos {
			ps.boxes[i] = ps.bounds(int32(i))
		}
		pairs := ps.bp.find(ps.boxes)
		if len(pairs) == 0 {
			return total
		}
		wholeBoxes := round >= 8
		s, any := 1.0, false
		for _, pr := range pairs {
			i, j := pr[0], pr[1]
			var need float64
			if wholeBoxes {
				need = rayExit(ps.pos[i], ps.pos[j], ps.boxes[i], ps.boxes[j])
			} else {
				need = ps.primitiveExit(i, j)
			}
			if need > 1 {
				any = true
			}
			s = math.Max(s, need)
		}
		if !any && !wholeBoxes {
			if _, d := ps.anyOverlap(pairs); !d {
				return total
			}
			continue // rounding: let the next rounds handle it
		}
		if math.IsInf(s, 0) || math.IsNaN(s) {
			s = 2 // cannot happen after separateCoincident; be safe
		}
		scale(s)
	}
	return total
}

// anyOverlap reports whether any candidate pair overlaps now.
func (ps *pusher) anyOverlap(pairs [][2]int32) (int, bool) {
	for k, pr := range pairs {
		if _, d := ps.mtv(pr[0], pr[1]); d > 0 {
			return k, true
		}
	}
	return -1, false
}

// rayExit returns the smallest s at which boxes bi (around centre pi) and
// bj (around pj), rigidly attached to their centres, stop overlapping when
// the centre difference is multiplied by s; 1 if they do not overlap.
func rayExit(pi, pj Point, bi, bj bbox) float64 {
	if !bi.overlaps(bj) {
		return 1
	}
	dx, dy := pj.X-pi.X, pj.Y-pi.Y
	need := math.Inf(1)
	if dx > 0 {
		need = math.Min(need, ((bi.maxX-pi.X)+(pj.X-bj.minX))/dx)
	} else if dx < 0 {
		need = math.Min(need, ((pi.X-bi.minX)+(bj.maxX-pj.X))/-dx)
	}
	if dy > 0 {
		need = math.Min(need, ((bi.maxY-pi.Y)+(pj.Y-bj.minY))/dy)
	} else if dy < 0 {
		need = math.Min(need, ((pi.Y-bi.minY)+(bj.maxY-pj.Y))/-dy)
	}
	return need
}

// primitiveExit returns the expansion factor that clears every overlapping
// pair of padded shapes of nodes i and j (1 if none overlap).
func (ps *pusher) primitiveExit(i, j int32) float64 {
	pi, pj := ps.pos[i], ps.pos[j]
	ri, rj := ps.radii[i], ps.radii[j]
	need := 1.0
	if ri > 0 && rj > 0 {
		if d := math.Hypot(pj.X-pi.X, pj.Y-pi.Y); d < ri+rj {
			need = math.Max(need, (ri+rj)/d)
		}
	}
	disc := func(p Point, r float64) bbox { return bbox{p.X - r, p.Y - r, p.X + r, p.Y + r} }
	li, hasI := ps.label(i)
	lj, hasJ := ps.label(j)
	if hasI && hasJ {
		need = math.Max(need, rayExit(pi, pj, li, lj))
	}
	if hasI && rj > 0 && boxDiscOverlap(li, pj, rj) {
		need = math.Max(need, rayExit(pi, pj, li, disc(pj, rj)))
	}
	if hasJ && ri > 0 && boxDiscOverlap(lj, pi, ri) {
		need = math.Max(need, rayExit(pi, pj, disc(pi, ri), lj))
	}
	return need
}

// separateCoincident moves nodes sharing a position by distinct small
// offsets (deterministic, by index) so that no two centres coincide.
func (ps *pusher) separateCoincident() {
	n := len(ps.pos)
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	cmp := func(a, b int32) int {
		pa, pb := ps.pos[a], ps.pos[b]
		switch {
		case pa.X != pb.X:
			if pa.X < pb.X {
				return -1
			}
			return 1
		case pa.Y != pb.Y:
			if pa.Y < pb.Y {
				return -1
			}
			return 1
		}
		return int(a - b)
	}
	slices.SortFunc(idx, cmp)
	step := ps.eps
	for k := 1; k < n; k++ {
		a, b := idx[k-1], idx[k]
		if ps.pos[a] == ps.pos[b] {
			// spread the whole run of duplicates on a small spiral
			run := k - 1
			for k < n && ps.pos[idx[k]] == ps.pos[a] {
				k++
			}
			base := ps.pos[a]
			for t := run + 1; t < k; t++ {
				m := float64(t - run)
				ang := m * 2.399963229728653 // golden angle
				r := math.Max(step, 1e-9*(1+math.Abs(base.X)+math.Abs(base.Y))) * math.Sqrt(m)
				ps.pos[idx[t]] = Point{base.X + r*math.Cos(ang), base.Y + r*math.Sin(ang)}
			}
		}
	}
}
