package layout

import (
	"context"
	"math"
	"slices"
)

// Direction is the flow direction of a layered layout.
type Direction int

const (
	// TopToBottom puts layer 0 at the top (smallest Y) and edges point down.
	TopToBottom Direction = iota
	// LeftToRight puts layer 0 at the left and edges point right.
	LeftToRight
)

// LayeredOptions configures Layered. The zero value is valid.
type LayeredOptions struct {
	// Direction of the flow (default TopToBottom).
	Direction Direction
	// LayerGap is the clearance between consecutive layers, beyond the
	// largest node diameter (default 3 median node diameters).
	LayerGap float64
	// NodeGap is the minimum clearance between nodes of a layer (default
	// one median node diameter).
	NodeGap float64
	// ComponentGap separates connected components, which are laid out side
	// by side (default 4 median node diameters).
	ComponentGap float64
	// Sweeps is the number of crossing-reduction sweeps (default 24).
	Sweeps int
	// NoPromote skips the Nikolov–Tarassov promotion after longest-path
	// layering (faster, more dummy vertices).
	NoPromote bool
	// Progress, if non-nil, is called as the layout goes with the units
	// of work done out of total: for each connected component, one for
	// cycle removal, one for layering, one per crossing-reduction sweep
	// (the sweeps left count at once when the ordering has no crossing)
	// and one per round of coordinate assignment.
	Progress func(done, total int)
}

// coordRounds is the number of coordinate-assignment rounds (each one
// pulls every layer towards its neighbours above, then below).
const coordRounds = 8

// componentUnits is the progress units of one component.
func componentUnits(opt LayeredOptions) int { return 2 + opt.Sweeps + coordRounds + 1 }

// LayeredResult is Layered's output.
type LayeredResult struct {
	// Pos are the node positions.
	Pos []Point
	// Layer is each node's layer (0 = first) within its component.
	Layer []int32
	// Reversed marks edges drawn against their direction to break cycles.
	Reversed []bool
	// Bends lists, per edge, the points a polyline from Src to Dst should
	// pass through (the dummy vertices of edges spanning several layers);
	// nil for edges between consecutive layers and self-loops.
	Bends [][]Point
	// Crossings is the number of edge crossings between consecutive layers
	// in the final ordering (polyline segments through bends included).
	Crossings int
}

// Layered draws g in layers so that edges point one way, the hierarchical
// layout of the Sugiyama framework (K. Sugiyama, S. Tagawa, M. Toda,
// "Methods for visual understanding of hierarchical system structures",
// IEEE Trans. SMC 11(2):109–125, 1981; see also G. Di Battista, P. Eades,
// R. Tamassia, I. Tollis, "Graph Drawing", 1999, ch. 9):
//
//  1. cycle removal: edges going backwards in an Eades–Lin–Smyth greedy
//     feedback-arc-set order are reversed (none on a DAG);
//  2. layering: longest path, then Nikolov–Tarassov promotion to shorten
//     edges (fewer dummy vertices);
//  3. edges spanning several layers get a dummy vertex on each;
//  4. crossing reduction: barycenter / median sweeps with transpositions,
//     keeping the best ordering;
//  5. coordinates: order-preserving least-squares alignment with neighbours,
//     dummies weighted so long edges run straight.
//
// Connected components are laid out separately and placed side by side,
// largest first. Parallel edges and 2-cycles share one route.
//
// Layered returns ctx's error when ctx ends first (it is polled every few
// thousand steps within each phase) or has ended.
func Layered(ctx context.Context, g *Graph, opt LayeredOptions) (*LayeredResult, error) {
	w := newWork(ctx, opt.Progress)
	if w.stopped() {
		return nil, w.err
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	n := g.N
	res := &LayeredResult{
		Pos:      make([]Point, n),
		Layer:    make([]int32, n),
		Reversed: make([]bool, g.M()),
		Bends:    make([][]Point, g.M()),
	}
	if n == 0 {
		return res, nil
	}
	radii := g.Radii()
	med := medianPositive(radii, 1)
	maxR := 0.0
	for _, r := range radii {
		maxR = math.Max(maxR, r)
	}
	if opt.LayerGap <= 0 {
		opt.LayerGap = 6 * med
	}
	if opt.NodeGap <= 0 {
		opt.NodeGap = 2 * med
	}
	if opt.ComponentGap <= 0 {
		opt.ComponentGap = 8 * med
	}
	if opt.Sweeps <= 0 {
		opt.Sweeps = 24
	}
	layerDist := 2*maxR + opt.LayerGap

	adj := buildCSR(g, true, true)
	comp, k := components(adj, n)
	members := make([][]int32, k)
	for v := 0; v < n; v++ {
		members[comp[v]] = append(members[comp[v]], int32(v))
	}
	compEdges := make([][]int32, k)
	for e := range g.Src {
		compEdges[comp[g.Src[e]]] = append(compEdges[comp[g.Src[e]]], int32(e))
	}
	// Largest component first, then by smallest node.
	corder := make([]int, k)
	for i := range corder {
		corder[i] = i
	}
	slices.SortStableFunc(corder, func(a, b int) int { return len(members[b]) - len(members[a]) })

	w.total = k * componentUnits(opt)
	offset := 0.0
	for _, c := range corder {
		cl, ok := layoutComponent(g, members[c], compEdges[c], radii, opt, res, w)
		if !ok {
			return nil, w.err
		}
		// Shift the component so its left edge is at offset.
		minX, maxX := math.Inf(1), math.Inf(-1)
		for k, v := range members[c] {
			minX = math.Min(minX, cl.x[k]-radii[v])
			maxX = math.Max(maxX, cl.x[k]+radii[v])
		}
		for _, b := range cl.bends {
			for _, p := range b.pts {
				minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
			}
		}
		shift := offset - minX
		place := func(x float64, layer int32) Point {
			p := Point{x + shift, float64(layer) * layerDist}
			if opt.Direction == LeftToRight {
				p = Point{p.Y, p.X}
			}
			return p
		}
		for k, v := range members[c] {
			res.Pos[v] = place(cl.x[k], cl.layer[k])
		}
		for _, b := range cl.bends {
			pts := make([]Point, len(b.pts))
			for i, p := range b.pts {
				pts[i] = place(p.X, int32(p.Y))
			}
			res.Bends[b.edge] = pts
		}
		res.Crossings += cl.crossings
		offset += maxX - minX + opt.ComponentGap
	}
	return res, nil
}

// componentLayout is one component's result in local coordinates.
type componentLayout struct {
	x         []float64 // per member
	layer     []int32   // per member
	bends     []edgeBends
	crossings int
}

// edgeBends are the dummy points of one edge: X is the in-layer coordinate,
// Y the layer index.
type edgeBends struct {
	edge int32
	pts  []Point
}

// layoutComponent runs the Sugiyama pipeline on one connected component;
// it gives up (false) when w's context ends.
func layoutComponent(g *Graph, members, edges []int32, radii []float64, opt LayeredOptions, res *LayeredResult, w *work) (componentLayout, bool) {
	k := len(members)
	local := make(map[int32]int32, k)
	for i, v := range members {
		local[v] = int32(i)
	}
	// Simple directed graph without self-loops or parallel edges.
	type pair struct{ a, b int32 }
	seen := make(map[pair]bool, len(edges))
	out := make([][]int32, k)
	in := make([][]int32, k)
	for _, e := range edges {
		a, b := local[g.Src[e]], local[g.Dst[e]]
		if a == b || seen[pair{a, b}] {
			continue
		}
		seen[pair{a, b}] = true
		out[a] = append(out[a], b)
		in[b] = append(in[b], a)
	}
	// 1. Cycle removal.
	order := greedyFASOrder(k, out, in, w)
	if w.advance(1) {
		return componentLayout{}, false
	}
	rank := make([]int32, k)
	for i, v := range order {
		rank[v] = int32(i)
	}
	dag := make(map[pair]bool, len(seen))
	dout := make([][]int32, k)
	din := make([][]int32, k)
	for _, e := range edges {
		a, b := local[g.Src[e]], local[g.Dst[e]]
		if a == b {
			continue
		}
		if rank[a] > rank[b] {
			a, b = b, a
			res.Reversed[e] = true
		}
		if !dag[pair{a, b}] {
			dag[pair{a, b}] = true
			dout[a] = append(dout[a], b)
			din[b] = append(din[b], a)
		}
	}
	// 2. Layering.
	h := longestPathHeights(order, dout)
	if !opt.NoPromote {
		promoteLayering(h, dout, din, 50*(k+len(dag))+10000, w)
	}
	if w.advance(1) {
		return componentLayout{}, false
	}
	maxH := int32(0)
	for _, v := range h {
		maxH = max(maxH, v)
	}
	lg := &lgraph{real: k, layers: make([][]int32, maxH+1)}
	for v := 0; v < k; v++ {
		lg.addVertex(maxH - h[v])
	}
	// 3. Dummy vertices: chain per DAG edge.
	chains := make(map[pair][]int32, len(dag))
	for a := int32(0); a < int32(k); a++ {
		if w.poll() {
			return componentLayout{}, false
		}
		for _, b := range dout[a] {
			prev := a
			var chain []int32
			for l := lg.layer[a] + 1; l < lg.layer[b]; l++ {
				d := lg.addVertex(l)
				lg.link(prev, d)
				chain = append(chain, d)
				prev = d
			}
			lg.link(prev, b)
			chains[pair{a, b}] = chain
		}
	}
	// Initial order: depth-first from the first layer, following edges
	// downwards, so connected vertices start close together.
	nv := len(lg.layer)
	visited := make([]bool, nv)
	var stack []int32
	roots := make([]int32, 0, k)
	for _, v := range order {
		roots = append(roots, v)
	}
	for v := k; v < nv; v++ {
		roots = append(roots, int32(v))
	}
	for _, r := range roots {
		if visited[r] {
			continue
		}
		stack = append(stack[:0], r)
		for len(stack) > 0 {
			if w.poll() {
				return componentLayout{}, false
			}
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if visited[v] {
				continue
			}
			visited[v] = true
			lg.layers[lg.layer[v]] = append(lg.layers[lg.layer[v]], v)
			d := lg.down[v]
			for i := len(d) - 1; i >= 0; i-- {
				if !visited[d[i]] {
					stack = append(stack, d[i])
				}
			}
		}
	}
	// 4. Crossing reduction.
	cross, ok := lg.reduceCrossings(opt.Sweeps, w)
	if !ok {
		return componentLayout{}, false
	}
	// 5. Coordinates.
	half := make([]float64, nv)
	for v := 0; v < k; v++ {
		half[v] = radii[members[v]]
	}
	x, ok := lg.assignCoordinates(half, opt.NodeGap, coordRounds, w)
	if !ok {
		return componentLayout{}, false
	}

	cl := componentLayout{x: x[:k], layer: make([]int32, k), crossings: cross}
	for v := 0; v < k; v++ {
		cl.layer[v] = lg.layer[v]
		res.Layer[members[v]] = lg.layer[v]
	}
	for _, e := range edges {
		a, b := local[g.Src[e]], local[g.Dst[e]]
		if a == b {
			continue
		}
		if res.Reversed[e] {
			a, b = b, a
		}
		chain := chains[pair{a, b}]
		if len(chain) == 0 {
			continue
		}
		pts := make([]Point, len(chain))
		for i, d := range chain {
			pts[i] = Point{x[d], float64(lg.layer[d])}
		}
		if res.Reversed[e] {
			slices.Reverse(pts)
		}
		cl.bends = append(cl.bends, edgeBends{e, pts})
	}
	return cl, true
}
