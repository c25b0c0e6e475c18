package layout

import (
	"math"
	"slices"
)

// sortByAngle sorts items stably by their wanted angle modulo 2π.
func sortByAngle(items []int32, want []float64) {
	slices.SortStableFunc(items, func(a, b int32) int {
		x, y := normAngle(want[a]), normAngle(want[b])
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
}

// normAngle maps a to [0, 2π).
func normAngle(a float64) float64 {
	a = math.Mod(a, 2*math.Pi)
	if a < 0 {
		a += 2 * math.Pi
	}
	return a
}

// spreadOnCircle moves the angles theta (sorted in [0, 2π)) as little as
// possible, in the least-squares sense, so that consecutive items are at
// least gaps[k] apart (gaps[k] between item k and k+1, the last one
// wrapping around to item 0; sum(gaps) <= 2π). The circle is cut at the
// largest slack, which makes it an interval problem solved exactly by
// isotonic regression (pool-adjacent-violators): with G_k the prefix sums
// of gaps, p_k = c_k + G_k where c is the isotonic fit of theta_k - G_k. If
// the wrap-around gap is then violated, the items are spaced in proportion
// to their gaps around the whole circle instead.
func spreadOnCircle(theta, gaps []float64) {
	m := len(theta)
	if m < 2 {
		return
	}
	// Cut after the item with the largest slack.
	cut, best := m-1, math.Inf(-1)
	for k := 0; k < m; k++ {
		next := theta[(k+1)%m]
		if k == m-1 {
			next += 2 * math.Pi
		}
		if s := next - theta[k] - gaps[k]; s > best {
			cut, best = k, s
		}
	}
	start := (cut + 1) % m
	t := make([]float64, m)
	g := make([]float64, m) // gap after rotated item k
	for k := 0; k < m; k++ {
		src := (start + k) % m
		t[k] = theta[src]
		if k > 0 && t[k] < t[k-1] {
			t[k] += 2 * math.Pi
		}
		g[k] = gaps[src]
	}
	G := make([]float64, m)
	for k := 1; k < m; k++ {
		G[k] = G[k-1] + g[k-1]
	}
	y := make([]float64, m)
	for k := range y {
		y[k] = t[k] - G[k]
	}
	c := isotonic(y)
	p := make([]float64, m)
	for k := range p {
		p[k] = c[k] + G[k]
	}
	if p[0]+2*math.Pi-p[m-1] < g[m-1] {
		total := G[m-1] + g[m-1]
		scale := 2 * math.Pi / total
		var off float64
		for k := range p {
			off += t[k] - G[k]*scale
		}
		off /= float64(m)
		for k := range p {
			p[k] = off + G[k]*scale
		}
	}
	for k := 0; k < m; k++ {
		theta[(start+k)%m] = p[k]
	}
}

// isotonic returns the non-decreasing sequence closest to y in least
// squares (pool-adjacent-violators algorithm).
func isotonic(y []float64) []float64 {
	type block struct {
		sum float64
		n   int
	}
	bs := make([]block, 0, len(y))
	for _, v := range y {
		bs = append(bs, block{v, 1})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sum/float64(a.n) <= b.sum/float64(b.n) {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sum + b.sum, a.n + b.n})
		}
	}
	out := make([]float64, 0, len(y))
	for _, b := range bs {
		mean := b.sum / float64(b.n)
		for i := 0; i < b.n; i++ {
			out = append(out, mean)
		}
	}
	return out
}
