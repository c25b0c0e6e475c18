package layout

import "container/heap"

// greedyFASOrder returns a vertex order of the simple directed graph given
// by out/in adjacency (local indices, no self-loops, no parallel edges)
// such that few edges point backwards: the Eades–Lin–Smyth greedy
// heuristic for the feedback arc set problem (P. Eades, X. Lin, W. F.
// Smyth, "A fast and effective heuristic for the feedback arc set problem",
// Information Processing Letters 47(6):319–323, 1993). Sinks are moved to
// the end, sources to the front, and otherwise the vertex with the largest
// outdegree − indegree goes to the front. On a DAG the result is a
// topological order, so no edge is reversed. Ties go to the lowest index.
// When w's context ends it stops early and returns a partial order.
func greedyFASOrder(n int, out, in [][]int32, w *work) []int32 {
	outDeg := make([]int, n)
	inDeg := make([]int, n)
	for v := 0; v < n; v++ {
		outDeg[v], inDeg[v] = len(out[v]), len(in[v])
	}
	removed := make([]bool, n)
	var sinks, sources idxHeap
	h := &deltaHeap{}
	for v := 0; v < n; v++ {
		switch {
		case outDeg[v] == 0:
			heap.Push(&sinks, int32(v))
		case inDeg[v] == 0:
			heap.Push(&sources, int32(v))
		default:
			heap.Push(h, deltaItem{int32(v), outDeg[v] - inDeg[v]})
		}
	}
	front := make([]int32, 0, n)
	back := make([]int32, 0, n)
	remove := func(v int32) {
		w.poll()
		removed[v] = true
		for _, w := range out[v] {
			if removed[w] {
				continue
			}
			inDeg[w]--
			if inDeg[w] == 0 && outDeg[w] > 0 {
				heap.Push(&sources, w)
			} else if outDeg[w] > 0 {
				heap.Push(h, deltaItem{w, outDeg[w] - inDeg[w]})
			}
		}
		for _, w := range in[v] {
			if removed[w] {
				continue
			}
			outDeg[w]--
			if outDeg[w] == 0 {
				heap.Push(&sinks, w)
			} else if inDeg[w] > 0 {
				heap.Push(h, deltaItem{w, outDeg[w] - inDeg[w]})
			}
		}
	}
	left := n
	for left > 0 && !w.ended() {
		progress := true
		for progress {
			progress = false
			for sinks.Len() > 0 {
				v := heap.Pop(&sinks).(int32)
				if removed[v] {
					continue
				}
				back = append(back, v)
				remove(v)
				left--
				progress = true
			}
			for sources.Len() > 0 {
				v := heap.Pop(&sources).(int32)
				if removed[v] || outDeg[v] == 0 {
					continue // already taken, or became a sink
				}
				front = append(front, v)
				remove(v)
				left--
				progress = true
				break // re-check sinks first, as the algorithm does
			}
		}
		if left == 0 {
			break
		}
		for h.Len() > 0 {
			it := heap.Pop(h).(deltaItem)
			v := it.v
			if removed[v] || it.delta != outDeg[v]-inDeg[v] || outDeg[v] == 0 || inDeg[v] == 0 {
				continue // stale entry
			}
			front = append(front, v)
			remove(v)
			left--
			break
		}
	}
	for i := len(back) - 1; i >= 0; i-- {
		front = append(front, back[i])
	}
	return front
}

// idxHeap is a min-heap of vertex indices.
type idxHeap []int32

func (h idxHeap) Len() int           { return len(h) }
func (h idxHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h idxHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *idxHeap) Push(x any)        { *h = append(*h, x.(int32)) }
func (h *idxHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// deltaItem is a vertex with its outdegree − indegree at push time.
type deltaItem struct {
	v     int32
	delta int
}

// deltaHeap is a max-heap on delta, ties to the lowest index; entries may be
// stale and are checked on pop.
type deltaHeap []deltaItem

func (h deltaHeap) Len() int { return len(h) }
func (h deltaHeap) Less(i, j int) bool {
	if h[i].delta != h[j].delta {
		return h[i].delta > h[j].delta
	}
	return h[i].v < h[j].v
}
func (h deltaHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *deltaHeap) Push(x any)   { *h = append(*h, x.(deltaItem)) }
func (h *deltaHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
