package layout

import (
	"fmt"
	"math"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// Graph is what every layout takes: nodes 0..N-1 and directed edges
// Src[i] -> Dst[i]. Parallel edges and self-loops are allowed; layouts that
// need an undirected view ignore direction.
type Graph struct {
	// N is the number of nodes.
	N int
	// Src and Dst hold the edge endpoints; they must have the same length.
	Src, Dst []int32
	// Weight is an optional positive weight per edge (nil: all 1).
	Weight []float64
	// Size is an optional node radius per node (nil: all DefaultNodeSize).
	Size []float64
	// Group is an optional group per node, e.g. the entity type, used by
	// Circular to put each group on a contiguous arc.
	Group []int32
}

// DefaultNodeSize is the node radius used when Graph.Size is nil.
const DefaultNodeSize = 1.0

// Validate reports the first inconsistency in g: slice lengths that do not
// match, endpoints outside 0..N-1, negative or non-finite sizes and weights.
func (g *Graph) Validate() error {
	if g.N < 0 {
		return fmt.Errorf("layout: negative node count %d", g.N)
	}
	if len(g.Src) != len(g.Dst) {
		return fmt.Errorf("layout: len(Src)=%d != len(Dst)=%d", len(g.Src), len(g.Dst))
	}
	if g.Weight != nil && len(g.Weight) != len(g.Src) {
		return fmt.Errorf("layout: len(Weight)=%d != edges %d", len(g.Weight), len(g.Src))
	}
	if g.Size != nil && len(g.Size) != g.N {
		return fmt.Errorf("layout: len(Size)=%d != N=%d", len(g.Size), g.N)
	}
	if g.Group != nil && len(g.Group) != g.N {
		return fmt.Errorf("layout: len(Group)=%d != N=%d", len(g.Group), g.N)
	}
	for i := range g.Src {
		s, d := g.Src[i], g.Dst[i]
		if s < 0 || int(s) >= g.N || d < 0 || int(d) >= g.N {
			return fmt.Errorf("layout: edge %d (%d->%d) out of range 0..%d", i, s, d, g.N-1)
		}
	}
	for i, w := range g.Weight {
		if !(w >= 0) || math.IsInf(w, 0) {
			return fmt.Errorf("layout: edge %d has invalid weight %v", i, w)
		}
	}
	for i, s := range g.Size {
		if !(s >= 0) || math.IsInf(s, 0) {
			return fmt.Errorf("layout: node %d has invalid size %v", i, s)
		}
	}
	return nil
}

// M returns the number of edges.
func (g *Graph) M() int { return len(g.Src) }

// radius returns node i's radius.
func (g *Graph) radius(i int) float64 {
	if g.Size == nil {
		return DefaultNodeSize
	}
	return g.Size[i]
}

// weight returns edge e's weight.
func (g *Graph) weight(e int) float64 {
	if g.Weight == nil {
		return 1
	}
	return g.Weight[e]
}

// Radii returns a slice with every node's radius (Size or DefaultNodeSize).
func (g *Graph) Radii() []float64 {
	r := make([]float64, g.N)
	for i := range r {
		r[i] = g.radius(i)
	}
	return r
}

// Degrees returns each node's total degree (in + out, parallel edges counted,
// a self-loop counts twice).
func (g *Graph) Degrees() []int32 {
	d := make([]int32, g.N)
	for i := range g.Src {
		d[g.Src[i]]++
		d[g.Dst[i]]++
	}
	return d
}
