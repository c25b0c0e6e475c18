package layout

// assignCoordinates sets the in-layer coordinate x of every vertex of lg,
// keeping the layer orders and a minimum separation sep(a, b) between
// neighbours. It starts from a left-packed placement and then repeatedly
// pulls each layer towards the mean coordinate of its vertices'
// neighbours (above, below, then both), solving each layer exactly as a
// weighted least-squares problem under the order and separation
// constraints by isotonic regression. Dummy vertices weigh more than real
// ones so long edges straighten, as in Sugiyama's priority layout method
// (Sugiyama, Tagawa, Toda 1981, §3.3) and in the balancing of U. Brandes
// and B. Köpf ("Fast and simple horizontal coordinate assignment", GD
// 2001). Each round, and the final pass, counts one unit of wk's progress;
// it gives up (false) when wk's context ends.
func (lg *lgraph) assignCoordinates(half []float64, gap float64, rounds int, wk *work) ([]float64, bool) {
	nv := len(lg.layer)
	x := make([]float64, nv)
	for _, ly := range lg.layers {
		cur := 0.0
		for k, v := range ly {
			if k > 0 {
				cur += half[ly[k-1]] + half[v] + gap
			}
			x[v] = cur
		}
		// centre the layer on 0
		if len(ly) > 0 {
			mid := (x[ly[0]] + x[ly[len(ly)-1]]) / 2
			for _, v := range ly {
				x[v] -= mid
			}
		}
	}
	weight := func(v int32) float64 {
		if int(v) >= lg.real {
			return 8
		}
		return 1
	}
	var target, w, seps []float64
	solve := func(ly []int32, useUp, useDown bool) {
		m := len(ly)
		if m == 0 {
			return
		}
		target = grow(target, m)
		w = grow(w, m)
		seps = grow(seps, m)
		for k, v := range ly {
			wk.poll()
			s, c := 0.0, 0
			if useUp {
				for _, u := range lg.up[v] {
					s += x[u]
					c++
				}
			}
			if useDown {
				for _, u := range lg.down[v] {
					s += x[u]
					c++
				}
			}
			if c > 0 {
				target[k] = s / float64(c)
				w[k] = weight(v)
			} else {
				target[k] = x[v]
				w[k] = 0.01 // free vertices follow, barely resisting
			}
			if k > 0 {
				seps[k] = seps[k-1] + half[ly[k-1]] + half[v] + gap
			} else {
				seps[0] = 0
			}
		}
		// x_k = c_k + seps_k with c non-decreasing: isotonic fit of target-seps.
		y := make([]float64, m)
		for k := range y {
			y[k] = target[k] - seps[k]
		}
		c := weightedIsotonic(y, w[:m])
		for k, v := range ly {
			x[v] = c[k] + seps[k]
		}
	}
	for r := 0; r < rounds; r++ {
		for l := 1; l < len(lg.layers) && !wk.ended(); l++ {
			solve(lg.layers[l], true, false)
		}
		for l := len(lg.layers) - 2; l >= 0 && !wk.ended(); l-- {
			solve(lg.layers[l], false, true)
		}
		if wk.advance(1) {
			return nil, false
		}
	}
	for l := range lg.layers {
		solve(lg.layers[l], true, true)
	}
	if wk.advance(1) {
		return nil, false
	}
	return x, true
}

// weightedIsotonic returns the non-decreasing sequence minimising
// sum w_k (c_k - y_k)² (weighted pool-adjacent-violators).
func weightedIsotonic(y, w []float64) []float64 {
	type block struct {
		sum, wt float64
		n       int
	}
	bs := make([]block, 0, len(y))
	for k, v := range y {
		bs = append(bs, block{v * w[k], w[k], 1})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sum/a.wt <= b.sum/b.wt {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sum + b.sum, a.wt + b.wt, a.n + b.n})
		}
	}
	out := make([]float64, 0, len(y))
	for _, b := range bs {
		mean := b.sum / b.wt
		for i := 0; i < b.n; i++ {
			out = append(out, mean)
		}
	}
	return out
}
