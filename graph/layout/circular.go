package layout

import (
	"context"
	"math"
	"slices"
)

// CircularOptions configures Circular.
type CircularOptions struct {
	// ByDegree orders nodes within a group by decreasing degree (ties by
	// index); otherwise by index.
	ByDegree bool
	// Padding is the minimum clearance between neighbouring nodes on the
	// circle (default: the median node radius).
	Padding float64
	// GroupGap is the extra arc left between groups, in units of the median
	// node diameter (default 2; negative means 0).
	GroupGap float64
}

// Circular places all nodes on one circle. Nodes are grouped by g.Group
// (ascending group value; all in one group when Group is nil), each group on
// a contiguous arc, groups separated by a gap. The radius is the smallest
// for which no two node discs (radius g.Size) overlap: each pair of
// neighbours on the circle gets the angle whose chord is at least
// r_i + r_j + Padding (as in yEd's and Gephi's circular layouts, but with
// size-aware spacing). The circle is centred on the origin, first node at
// angle 0, counter-clockwise in math orientation. g must be valid (see
// Graph.Validate). Circular returns ctx's error when ctx ends first (it is
// polled between the rounds that grow the circle) or has ended.
func Circular(ctx context.Context, g *Graph, opt CircularOptions) ([]Point, error) {
	w := newWork(ctx, nil)
	if w.stopped() {
		return nil, w.err
	}
	n := g.N
	pos := make([]Point, n)
	if n <= 1 {
		return pos, nil
	}
	radii := g.Radii()
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	var deg []int32
	if opt.ByDegree {
		deg = g.Degrees()
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		if g.Group != nil && g.Group[a] != g.Group[b] {
			return int(g.Group[a]) - int(g.Group[b])
		}
		if deg != nil && deg[a] != deg[b] {
			return int(deg[b]) - int(deg[a])
		}
		return int(a - b)
	})
	med := medianPositive(radii, 1)
	pad := opt.Padding
	if !(pad > 0) {
		pad = med
	}
	gap := opt.GroupGap
	if gap == 0 {
		gap = 2
	}
	gap = math.Max(gap, 0) * 2 * med
	// demand[k]: required chord between order[k] and order[k+1].
	demand := make([]float64, n)
	for k := range order {
		a, b := order[k], order[(k+1)%n]
		demand[k] = radii[a] + radii[b] + pad
		if g.Group != nil && g.Group[a] != g.Group[b] {
			demand[k] += gap
		}
		if demand[k] <= 0 {
			demand[k] = 1e-9
		}
	}
	angles := chordAngles(demand)
	r := angles.radius
	theta := 0.0
	for k, v := range order {
		pos[v] = Point{r * math.Cos(theta), r * math.Sin(theta)}
		theta += angles.step[k]
	}
	// Non-neighbours on the circle can still touch when a small node sits
	// between two big ones; grow the radius until the check passes.
	for CountOverlaps(pos, padRadii(radii, 0.999*pad/2), nil, LabelPlacement{}).NodeNode > 0 {
		if w.stopped() {
			return nil, w.err
		}
		for i := range pos {
			pos[i].X *= 1.05
			pos[i].Y *= 1.05
		}
	}
	return pos, nil
}

// circleFit is the result of chordAngles.
type circleFit struct {
	radius float64
	step   []float64 // angle from item k to item k+1
}

// chordAngles finds the smallest radius R and angles summing to 2π such
// that the chord for each step k is at least demand[k]: with angles
// proportional to demand, step_k = 2π d_k / D, the chord is
// 2R sin(π d_k / D) >= d_k, so R = max_k d_k / (2 sin(π d_k / D)).
func chordAngles(demand []float64) circleFit {
	var total float64
	for _, d := range demand {
		total += d
	}
	fit := circleFit{step: make([]float64, len(demand))}
	for k, d := range demand {
		fit.step[k] = 2 * math.Pi * d / total
		s := math.Sin(math.Min(math.Pi*d/total, math.Pi/2))
		fit.radius = math.Max(fit.radius, d/(2*s))
	}
	return fit
}

// padRadii returns radii each grown by h.
func padRadii(r []float64, h float64) []float64 {
	out := make([]float64, len(r))
	for i, v := range r {
		out[i] = v + h
	}
	return out
}

// medianPositive returns the median of the positive values of v, or def.
func medianPositive(v []float64, def float64) float64 {
	w := make([]float64, 0, len(v))
	for _, x := range v {
		if x > 0 {
			w = append(w, x)
		}
	}
	if len(w) == 0 {
		return def
	}
	slices.Sort(w)
	return w[len(w)/2]
}
