package analysis

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/linkscope/linkscope/graph"
)

// parallelUnionEdges is the fewest relations Connected spreads over the
// cores (below it one core is quicker than starting the others); a
// variable so that the tests can run the parallel path on small graphs.
var parallelUnionEdges = 1 << 16

// connectedUF finds the weakly connected components by union-find over
// the relations' two ends (the topology's Src and Dst, read in order; a
// self-loop joins nothing), then numbers them as renumber does.
//
// Every link goes from the larger root to the smaller, so each entity's
// parent is never above it and a component's root is its smallest member.
// Finds halve their paths. With more than one core the relations are cut
// into one stretch per core, all uniting into the same forest: a link is
// a compare-and-swap on the root (retried from the new roots when another
// core linked it first), halving a compare-and-swap that may fail.
func connectedUF(ctx context.Context, t *graph.Topology) (Components, error) {
	n := t.N
	parent := make([]int32, n)
	for v := range parent {
		parent[v] = int32(v)
	}
	m := len(t.Src)
	workers := min(runtime.GOMAXPROCS(0), 2*m/max(parallelUnionEdges, 1))
	if workers <= 1 {
		if !uniteAll(ctx, parent, t.Src, t.Dst) {
			return Components{}, ctx.Err()
		}
	} else {
		var wg sync.WaitGroup
		var cancelled atomic.Bool
		for w := 0; w < workers; w++ {
			lo, hi := m*w/workers, m*(w+1)/workers
			wg.Add(1)
			go func() {
				defer wg.Done()
				if !uniteAllShared(ctx, parent, t.Src[lo:hi], t.Dst[lo:hi]) {
					cancelled.Store(true)
				}
			}()
		}
		wg.Wait()
		if cancelled.Load() {
			return Components{}, ctx.Err()
		}
	}
	return labelRoots(parent), nil
}

// uniteAll unites each pair src[i], dst[i] in parent (one core); false
// when ctx was cancelled.
func uniteAll(ctx context.Context, parent, src, dst []int32) bool {
	for i, a := range src {
		if i&0xffff == 0 && ctx.Err() != nil {
			return false
		}
		b := dst[i]
		// find both roots, halving the paths
		for parent[a] != a {
			p := parent[parent[a]]
			parent[a] = p
			a = p
		}
		for parent[b] != b {
			p := parent[parent[b]]
			parent[b] = p
			b = p
		}
		if a < b {
			parent[b] = a
		} else if b < a {
			parent[a] = b
		}
	}
	return true
}

// uniteAllShared is uniteAll on a forest other cores unite into at the
// same time.
func uniteAllShared(ctx context.Context, parent, src, dst []int32) bool {
	for i, a := range src {
		if i&0xffff == 0 && ctx.Err() != nil {
			return false
		}
		b := dst[i]
		for {
			a, b = findShared(parent, a), findShared(parent, b)
			if a == b {
				break
			}
			if a < b {
				a, b = b, a
			}
			// a is the larger root: link it under b unless another core
			// linked it meanwhile (then look again from where it went)
			if atomic.CompareAndSwapInt32(&parent[a], a, b) {
				break
			}
		}
	}
	return true
}

// findShared is the root of x in a forest shared with other cores,
// halving the path: each step sets x's parent to its grandparent, which
// only ever moves a parent up the same tree, so a step lost to another
// core's is harmless.
func findShared(parent []int32, x int32) int32 {
	for {
		p := atomic.LoadInt32(&parent[x])
		if p == x {
			return x
		}
		gp := atomic.LoadInt32(&parent[p])
		if gp == p {
			return p
		}
		atomic.CompareAndSwapInt32(&parent[x], p, gp)
		x = gp
	}
}

// labelRoots turns a forest whose parents are never above their children
// (each root its tree's smallest member) into the numbered components:
// one pass upwards points every entity at its root (its parent's parent,
// the parent being done already) and counts the sizes; the roots, taken
// in increasing order, are then placed largest first by a counting sort
// on their sizes, which keeps ties by smallest member. parent becomes Of.
func labelRoots(parent []int32) Components {
	n := len(parent)
	size := make([]int32, n)
	comps := 0
	largest := int32(0)
	for v := range parent {
		r := parent[parent[v]]
		parent[v] = r
		size[r]++
		if r == int32(v) {
			comps++
		}
	}
	for v := range parent {
		if parent[v] == int32(v) {
			largest = max(largest, size[v])
		}
	}
	// at[s]: where the first component of size s goes, sizes descending
	at := make([]int32, largest+2)
	for v := range parent {
		if parent[v] == int32(v) {
			at[size[v]]++
		}
	}
	pos := int32(0)
	for s := largest; s >= 1; s-- {
		c := at[s]
		at[s] = pos
		pos += c
	}
	out := Components{Of: parent, Sizes: make([]int, comps)}
	// size[root] becomes the root's component number
	for v := range parent {
		if parent[v] == int32(v) {
			s := size[v]
			k := at[s]
			at[s]++
			out.Sizes[k] = int(s)
			size[v] = k
		}
	}
	for v, r := range parent {
		parent[v] = size[r]
	}
	return out
}
