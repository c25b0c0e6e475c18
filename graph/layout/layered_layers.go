package layout

// longestPathHeights returns, for a DAG given in topological order topo
// with out-adjacency out, each vertex's height: 0 for sinks, else 1 + the
// largest height of its successors (longest-path layering, sinks at the
// bottom).
func longestPathHeights(topo []int32, out [][]int32) []int32 {
	h := make([]int32, len(topo))
	for k := len(topo) - 1; k >= 0; k-- {
		v := topo[k]
		for _, w := range out[v] {
			if h[w]+1 > h[v] {
				h[v] = h[w] + 1
			}
		}
	}
	return h
}

// promoteLayering improves a longest-path layering by the promotion
// heuristic of N. Nikolov and A. Tarassov ("Graph layering by promotion of
// nodes", Discrete Applied Mathematics 154(5):848–860, 2006): a vertex is
// raised one layer (with, recursively, the predecessors that would
// otherwise be on its layer) whenever that lowers the number of dummy
// vertices, i.e. the total edge span; repeated until no promotion helps.
// Heights h use the convention of longestPathHeights (edge u->v has
// h[u] > h[v]). budget bounds the number of vertex visits; when exhausted,
// or when w's context ends, the layering reached so far is kept (it is
// valid after every step).
func promoteLayering(h []int32, out, in [][]int32, budget int, w *work) {
	n := len(h)
	type undo struct {
		v int32
		h int32
	}
	var log []undo
	var promote func(v int32) int
	promote = func(v int32) int {
		budget--
		diff := 0
		for _, u := range in[v] {
			if h[u] == h[v]+1 {
				diff += promote(u)
			}
		}
		log = append(log, undo{v, h[v]})
		h[v]++
		return diff - len(in[v]) + len(out[v])
	}
	for round := 0; round < 64 && budget > 0; round++ {
		promotions := 0
		for v := 0; v < n && budget > 0; v++ {
			if w.poll() {
				return
			}
			if len(in[v]) == 0 {
				continue
			}
			log = log[:0]
			if promote(int32(v)) < 0 {
				promotions++
			} else {
				for k := len(log) - 1; k >= 0; k-- {
					h[log[k].v] = log[k].h
				}
			}
		}
		if promotions == 0 {
			break
		}
	}
}
