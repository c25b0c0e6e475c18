package layout

import (
	"context"
	"fmt"
	"math"
)

// RadialOptions configures Radial.
type RadialOptions struct {
	// Focus is the centre node; -1 picks the node of highest degree
	// (lowest index on ties).
	Focus int
	// RingGap is the minimum distance between consecutive rings (default:
	// 4 median node radii plus the largest node diameter).
	RingGap float64
	// Padding is the minimum clearance between nodes on a ring (default:
	// the median node radius).
	Padding float64
	// Progress, if non-nil, is called after each ring is placed with the
	// rings done and the number of rings (the unreachable nodes' ring
	// included).
	Progress func(done, total int)
}

// RadialResult is Radial's output.
type RadialResult struct {
	// Pos are the node positions, the focus at the origin.
	Pos []Point
	// Ring is each node's ring: its undirected BFS distance from the focus,
	// or MaxRing+1 for nodes not reachable from it.
	Ring []int32
	// Radius is each ring's radius (Radius[0] = 0).
	Radius []float64
	// Focus is the focus node actually used.
	Focus int
}

// Radial places the focus node at the origin and every other node on the
// ring of its breadth-first (undirected) distance from the focus, the
// radial drawing of a BFS tree (P. Eades, "Drawing free trees", Bulletin of
// the Institute for Combinatorics and its Applications 5:10–36, 1992; G. Di
// Battista, P. Eades, R. Tamassia, I. Tollis, "Graph Drawing", 1999, §3.1.2).
// Each node of the BFS tree gets an angular sector proportional to the
// number of leaves below it and places its children within it, so subtrees
// do not interleave and edges between rings rarely cross. A ring's radius
// grows with its population so that its nodes fit without overlap; nodes
// are then spread along the ring as little as needed to clear each other
// (a 1-D minimum-displacement placement, see spreadOnCircle). Nodes not
// reachable from the focus go on one extra outer ring. Radial returns
// ctx's error when ctx ends first (it is polled within the placement of
// each ring) or has ended.
func Radial(ctx context.Context, g *Graph, opt RadialOptions) (*RadialResult, error) {
	w := newWork(ctx, opt.Progress)
	if w.stopped() {
		return nil, w.err
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	n := g.N
	res := &RadialResult{Pos: make([]Point, n), Ring: make([]int32, n), Focus: opt.Focus}
	if n == 0 {
		return res, nil
	}
	adj := buildCSR(g, true, true)
	focus := opt.Focus
	if focus < 0 {
		focus = 0
		for v := 1; v < n; v++ {
			if adj.Off[v+1]-adj.Off[v] > adj.Off[focus+1]-adj.Off[focus] {
				focus = v
			}
		}
	} else if focus >= n {
		return nil, fmt.Errorf("layout: focus %d out of range 0..%d", focus, n-1)
	}
	res.Focus = focus
	// BFS tree: parent, children in discovery order.
	dist := make([]int32, n)
	order := bfs(adj, focus, dist, nil)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = -1
	}
	for _, v := range order {
		for _, w := range adj.neighbors(int(v)) {
			if dist[w] == dist[v]+1 && parent[w] < 0 && int(w) != focus {
				parent[w] = v
			}
		}
	}
	maxRing := int32(0)
	for _, v := range order {
		maxRing = max(maxRing, dist[v])
	}
	outer := maxRing + 1
	var unreachable []int32
	for v := 0; v < n; v++ {
		if dist[v] < 0 {
			dist[v] = outer
			unreachable = append(unreachable, int32(v))
		}
	}
	copy(res.Ring, dist)
	// Leaf counts, bottom-up in reverse BFS order.
	leaves := make([]float64, n)
	for k := len(order) - 1; k >= 0; k-- {
		v := order[k]
		if leaves[v] == 0 {
			leaves[v] = 1
		}
		if p := parent[v]; p >= 0 {
			leaves[p] += leaves[v]
		}
	}
	// Sectors top-down: children split the parent's sector by leaf count,
	// in discovery order. want[v] is the sector centre.
	lo := make([]float64, n)
	hi := make([]float64, n)
	want := make([]float64, n)
	lo[focus], hi[focus] = 0, 2*math.Pi
	next := make([]float64, n) // running start for the next child
	next[focus] = 0
	for _, v := range order {
		if int(v) != focus {
			p := parent[v]
			w := (hi[p] - lo[p]) * leaves[v] / leaves[p]
			lo[v] = next[p]
			hi[v] = lo[v] + w
			next[p] = hi[v]
		}
		next[v] = lo[v]
		want[v] = (lo[v] + hi[v]) / 2
	}
	for k, v := range unreachable {
		want[v] = 2 * math.Pi * (float64(k) + 0.5) / float64(len(unreachable))
	}
	// Rings, inside out.
	radii := g.Radii()
	med := medianPositive(radii, 1)
	pad := opt.Padding
	if !(pad > 0) {
		pad = med
	}
	rings := make([][]int32, outer+1)
	for _, v := range order {
		rings[dist[v]] = append(rings[dist[v]], v)
	}
	rings[outer] = unreachable
	res.Radius = make([]float64, outer+1)
	prevR, prevMax := 0.0, radii[focus]
	w.total = int(outer)
	for k := int32(1); k <= outer; k++ {
		if k > 1 && w.advance(1) {
			return nil, w.err
		}
		ring := rings[k]
		if len(ring) == 0 {
			res.Radius[k] = prevR
			continue
		}
		maxR := 0.0
		for _, v := range ring {
			maxR = math.Max(maxR, radii[v])
		}
		gap := opt.RingGap
		if !(gap > 0) {
			gap = 4*med + 2*maxR
		}
		R := math.Max(prevR+gap, prevR+prevMax+maxR+pad)
		var ok bool
		if R, ok = placeRing(ring, want, radii, pad, R, res.Pos, w); !ok {
			return nil, w.err
		}
		res.Radius[k] = R
		prevR, prevMax = R, maxR
	}
	w.advance(1)
	return res, nil
}

// placeRing places ring's nodes on the circle of radius at least R near
// their wanted angles, without overlap, and returns the radius used. The
// radius is first raised until the angles the nodes need (each neighbouring
// pair needs the angle whose chord is r_a + r_b + pad) fit in 2π, then the
// nodes are spread by spreadOnCircle; a final check grows the radius if two
// non-neighbouring nodes still touch. It gives up (false) when w's context
// ends.
func placeRing(ring []int32, want, radii []float64, pad, R float64, pos []Point, w *work) (float64, bool) {
	m := len(ring)
	// Ring order: by wanted angle (stable, so BFS order breaks ties).
	idx := make([]int32, m)
	copy(idx, ring)
	sortByAngle(idx, want)
	need := func(R float64) ([]float64, float64) {
		gaps := make([]float64, m)
		total := 0.0
		for k := range idx {
			a, b := idx[k], idx[(k+1)%m]
			c := (radii[a] + radii[b] + pad) / (2 * R)
			if c >= 1 {
				return nil, math.Inf(1)
			}
			gaps[k] = 2 * math.Asin(c)
			total += gaps[k]
		}
		if m == 1 {
			total = 0
		}
		return gaps, total
	}
	for {
		if _, total := need(R); total <= 2*math.Pi {
			break
		}
		if w.stopped() {
			return R, false
		}
		R *= 1.05
	}
	for {
		gaps, _ := need(R)
		theta := make([]float64, m)
		for k, v := range idx {
			theta[k] = want[v]
		}
		if m > 1 {
			spreadOnCircle(theta, gaps)
		}
		for k, v := range idx {
			pos[v] = Point{R * math.Cos(theta[k]), R * math.Sin(theta[k])}
		}
		sub := make([]Point, m)
		rr := make([]float64, m)
		for k, v := range idx {
			sub[k] = pos[v]
			rr[k] = radii[v] + 0.499*pad
		}
		if CountOverlaps(sub, rr, nil, LabelPlacement{}).NodeNode == 0 {
			return R, true
		}
		if w.stopped() {
			return R, false
		}
		R *= 1.05
	}
}
