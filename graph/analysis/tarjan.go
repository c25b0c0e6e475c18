package analysis

import (
	"context"

	"github.com/linkscope/linkscope/graph"
)

// tarjan is an iterative Tarjan over the topology's arcs: the reference
// StronglyConnected is checked and measured against.
func tarjan(ctx context.Context, t *graph.Topology) (Components, error) {
	n := t.N
	index := make([]int32, n)
	low := make([]int32, n)
	of := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
		of[i] = -1
	}
	var sizes []int
	var stack []int32
	type frame struct {
		v   int32
		arc int32
	}
	var call []frame
	next := int32(0)
	steps := 0
	for s := int32(0); s < int32(n); s++ {
		if index[s] >= 0 {
			continue
		}
		call = append(call[:0], frame{s, 0})
		index[s], low[s] = next, next
		next++
		stack = append(stack, s)
		onStack[s] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			arcs, rev := t.DirectedOut(f.v)
			if k := int(f.arc); k < len(arcs)+len(rev) {
				var w int32
				if k < len(arcs) {
					w = arcs[k].Node
				} else {
					w = rev[k-len(arcs)].Node
				}
				f.arc++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] && index[w] < low[f.v] {
					low[f.v] = index[w]
				}
				if steps++; steps&0xfff == 0 && ctx.Err() != nil {
					return Components{}, ctx.Err()
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				if u := call[len(call)-1].v; low[v] < low[u] {
					low[u] = low[v]
				}
			}
			if low[v] == index[v] {
				c := int32(len(sizes))
				size := 0
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					of[w] = c
					size++
					if w == v {
						break
					}
				}
				sizes = append(sizes, size)
			}
		}
	}
	return renumber(of, sizes), nil
}
