// Package analysis computes network measures on the model: components and
// strongly connected components today (centrality and communities are to
// come). Each function reads the model's [graph.Topology].
package analysis

import (
	"context"
	"sort"

	"github.com/linkscope/linkscope/graph"
)

// Components is a partition of the entities: Of[v] is v's component, and
// components are numbered largest first (ties by smallest member).
type Components struct {
	Of    []int32
	Sizes []int
}

// Count is the number of components.
func (c Components) Count() int { return len(c.Sizes) }

// Largest is the size of the largest component (0 for an empty graph).
func (c Components) Largest() int {
	if len(c.Sizes) == 0 {
		return 0
	}
	return c.Sizes[0]
}

// Connected finds the weakly connected components (relations followed
// either way), by union-find over the relations' ends, on every core
// (connectedUF); connectedBFS is the breadth-first search it replaced,
// kept as the tests' reference.
func Connected(ctx context.Context, t *graph.Topology) (Components, error) {
	return connectedUF(ctx, t)
}

// connectedBFS finds the weakly connected components by breadth-first
// search over the topology's arcs.
func connectedBFS(ctx context.Context, t *graph.Topology) (Components, error) {
	of := make([]int32, t.N)
	for i := range of {
		of[i] = -1
	}
	var sizes []int
	queue := make([]int32, 0, 64)
	steps := 0
	for s := 0; s < t.N; s++ {
		if of[s] >= 0 {
			continue
		}
		c := int32(len(sizes))
		of[s] = c
		queue = append(queue[:0], int32(s))
		size := 0
		for len(queue) > 0 {
			v := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			size++
			for _, list := range [2][]graph.Arc{t.OutArcs(v), t.InArcs(v)} {
				for _, a := range list {
					if of[a.Node] < 0 {
						of[a.Node] = c
						queue = append(queue, a.Node)
					}
				}
			}
			if steps++; steps&0xfff == 0 && ctx.Err() != nil {
				return Components{}, ctx.Err()
			}
		}
		sizes = append(sizes, size)
	}
	return renumber(of, sizes), nil
}

// StronglyConnected finds the strongly connected components (entities
// that reach each other along relations in their direction), by an
// iterative Tarjan over the topology's arcs. dominikbraun/graph's
// StronglyConnectedComponents gives the same partition (the tests check
// it) but took 20 to 40 times as long here (BENCHMARKS.md), as it builds
// maps of the whole graph first.
func StronglyConnected(ctx context.Context, t *graph.Topology) (Components, error) {
	return tarjan(ctx, t)
}

// renumber numbers components largest first, ties by smallest member, so
// that results do not depend on the order an algorithm found them in.
func renumber(of []int32, sizes []int) Components {
	first := make([]int32, len(sizes))
	for i := range first {
		first[i] = -1
	}
	for v := len(of) - 1; v >= 0; v-- {
		first[of[v]] = int32(v)
	}
	order := make([]int32, len(sizes))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		ca, cb := order[a], order[b]
		if sizes[ca] != sizes[cb] {
			return sizes[ca] > sizes[cb]
		}
		return first[ca] < first[cb]
	})
	newID := make([]int32, len(sizes))
	out := Components{Of: make([]int32, len(of)), Sizes: make([]int, len(sizes))}
	for k, c := range order {
		newID[c] = int32(k)
		out.Sizes[k] = sizes[c]
	}
	for v, c := range of {
		out.Of[v] = newID[c]
	}
	return out
}
