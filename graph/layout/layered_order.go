package layout

import (
	"slices"
)

// lgraph is a proper layered graph: every edge joins consecutive layers.
// Vertices 0..real-1 are the component's real nodes, the rest dummies.
type lgraph struct {
	real   int
	layer  []int32   // layer of each vertex, 0 = top
	up     [][]int32 // neighbours in the layer above
	down   [][]int32 // neighbours in the layer below
	layers [][]int32 // vertices of each layer, in current order
	pos    []int32   // position of each vertex within its layer
}

// addVertex appends a vertex on layer l and returns it.
func (lg *lgraph) addVertex(l int32) int32 {
	v := int32(len(lg.layer))
	lg.layer = append(lg.layer, l)
	lg.up = append(lg.up, nil)
	lg.down = append(lg.down, nil)
	lg.pos = append(lg.pos, 0)
	return v
}

// link adds the edge a (layer l) -> b (layer l+1).
func (lg *lgraph) link(a, b int32) {
	lg.down[a] = append(lg.down[a], b)
	lg.up[b] = append(lg.up[b], a)
}

// setOrder records positions from lg.layers.
func (lg *lgraph) setOrder() {
	for _, ly := range lg.layers {
		for k, v := range ly {
			lg.pos[v] = int32(k)
		}
	}
}

// crossings counts the edge crossings between layers l and l+1 with the
// accumulator tree of W. Barth, M. Jünger, P. Mutzel ("Simple and efficient
// bilayer cross counting", JGAA 8(2):179–194, 2004), O(E log V).
func (lg *lgraph) crossings(l int, tree []int, south []int32) (int, []int, []int32) {
	south = south[:0]
	for _, u := range lg.layers[l] { // by upper position
		start := len(south)
		for _, w := range lg.down[u] {
			south = append(south, lg.pos[w])
		}
		slices.Sort(south[start:])
	}
	q := len(lg.layers[l+1])
	if q == 0 || len(south) < 2 {
		return 0, tree, south
	}
	first := 1
	for first < q {
		first *= 2
	}
	size := 2*first - 1
	tree = grow(tree, size)
	clear(tree)
	first--
	cross := 0
	for _, s := range south {
		idx := int(s) + first
		tree[idx]++
		for idx > 0 {
			if idx%2 == 1 {
				cross += tree[idx+1]
			}
			idx = (idx - 1) / 2
			tree[idx]++
		}
	}
	return cross, tree, south
}

// totalCrossings counts crossings over all consecutive layer pairs.
func (lg *lgraph) totalCrossings() int {
	var tree []int
	var south []int32
	total := 0
	for l := 0; l+1 < len(lg.layers); l++ {
		var c int
		c, tree, south = lg.crossings(l, tree, south)
		total += c
	}
	return total
}

// reduceCrossings orders the vertices of each layer with alternating
// downward and upward layer-by-layer sweeps: each vertex is keyed by the
// barycenter of its neighbours in the fixed layer (K. Sugiyama, S. Tagawa,
// M. Toda, "Methods for visual understanding of hierarchical system
// structures", IEEE Trans. SMC 11(2):109–125, 1981), or by the median
// (P. Eades, N. Wormald, "Edge crossings in drawings of bipartite graphs",
// Algorithmica 11, 1994) on odd sweeps, followed by adjacent transpositions
// that lower the crossing count (E. R. Gansner et al., "A technique for
// drawing directed graphs", IEEE TSE 19(3), 1993). The best ordering seen
// is kept. Each sweep counts one unit of w's progress; it gives up (false)
// when w's context ends.
func (lg *lgraph) reduceCrossings(sweeps int, w *work) (int, bool) {
	lg.setOrder()
	best := lg.totalCrossings()
	bestLayers := cloneLayers(lg.layers)
	key := make([]float64, len(lg.layer))
	vals := make([]float64, 0, 16)
	it := 0
	for ; it < sweeps && best > 0; it++ {
		median := it%2 == 1
		downward := it%2 == 0
		if it%4 >= 2 {
			downward = !downward
		}
		order := make([]int, 0, len(lg.layers))
		if downward {
			for l := 1; l < len(lg.layers); l++ {
				order = append(order, l)
			}
		} else {
			for l := len(lg.layers) - 2; l >= 0; l-- {
				order = append(order, l)
			}
		}
		for _, l := range order {
			ly := lg.layers[l]
			for _, v := range ly {
				if w.poll() {
					return 0, false
				}
				nb := lg.up[v]
				if !downward {
					nb = lg.down[v]
				}
				if len(nb) == 0 {
					key[v] = -1 // keep place: filled below
					continue
				}
				vals = vals[:0]
				for _, w := range nb {
					vals = append(vals, float64(lg.pos[w]))
				}
				key[v] = aggregate(vals, median)
			}
			// Vertices without neighbours keep their current slot.
			fillFixed(ly, key)
			slices.SortStableFunc(ly, func(a, b int32) int {
				switch {
				case key[a] < key[b]:
					return -1
				case key[a] > key[b]:
					return 1
				}
				return 0
			})
			for k, v := range ly {
				lg.pos[v] = int32(k)
			}
		}
		if !lg.transpose(w) {
			return 0, false
		}
		if c := lg.totalCrossings(); c < best {
			best = c
			bestLayers = cloneLayers(lg.layers)
		}
		if w.advance(1) {
			return 0, false
		}
	}
	if w.advance(sweeps - it) {
		return 0, false
	}
	lg.layers = bestLayers
	lg.setOrder()
	return best, true
}

// aggregate returns the barycenter (mean) of vals, or their median (the
// mean of the two middle values for an even count).
func aggregate(vals []float64, median bool) float64 {
	if !median {
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s / float64(len(vals))
	}
	slices.Sort(vals)
	m := len(vals)
	if m%2 == 1 {
		return vals[m/2]
	}
	return (vals[m/2-1] + vals[m/2]) / 2
}

// fillFixed gives vertices with key -1 (no neighbour in the fixed layer) a
// key that keeps them at their current position relative to the others:
// the key of the nearest keyed vertex before them, so a stable sort leaves
// them right after it.
func fillFixed(ly []int32, key []float64) {
	prev := -1.0
	for _, v := range ly {
		if key[v] == -1 {
			key[v] = prev
		} else {
			prev = key[v]
		}
	}
}

// transpose swaps adjacent vertices of a layer while that reduces the
// crossings with both neighbouring layers (layers of at most 500 vertices,
// a few passes). It gives up (false) when w's context ends.
func (lg *lgraph) transpose(w *work) bool {
	for pass := 0; pass < 4; pass++ {
		improved := false
		for l, ly := range lg.layers {
			if len(ly) > 500 {
				continue
			}
			for k := 0; k+1 < len(ly); k++ {
				if w.poll() {
					return false
				}
				u, w := ly[k], ly[k+1]
				before := lg.pairCross(u, w, l)
				after := lg.pairCross(w, u, l)
				if after < before {
					ly[k], ly[k+1] = w, u
					lg.pos[u], lg.pos[w] = int32(k+1), int32(k)
					improved = true
				}
			}
		}
		if !improved {
			return true
		}
	}
	return true
}

// pairCross counts crossings among the edges of u and w (u placed left of
// w) with both neighbouring layers.
func (lg *lgraph) pairCross(u, w int32, l int) int {
	c := 0
	for _, a := range lg.up[u] {
		for _, b := range lg.up[w] {
			if lg.pos[a] > lg.pos[b] {
				c++
			}
		}
	}
	for _, a := range lg.down[u] {
		for _, b := range lg.down[w] {
			if lg.pos[a] > lg.pos[b] {
				c++
			}
		}
	}
	return c
}

// cloneLayers deep-copies layer orders.
func cloneLayers(ls [][]int32) [][]int32 {
	out := make([][]int32, len(ls))
	for i, l := range ls {
		out[i] = append([]int32(nil), l...)
	}
	return out
}
