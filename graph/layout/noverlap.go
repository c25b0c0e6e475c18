package layout

import (
	"errors"
	"math"
)

// OverlapOptions configures RemoveOverlaps.
type OverlapOptions struct {
	// Radii are the node radii (len N; required).
	Radii []float64
	// Labels are the label sizes (len N), nil for nodes without labels; a
	// zero Size is a node without a label.
	Labels []Size
	// Placement places each label relative to its node.
	Placement LabelPlacement
	// Padding is the minimum clearance left between any two shapes
	// (default: 1e-6 of the median shape size, just enough to be robust to
	// rounding).
	Padding float64
	// MaxIterations bounds the push phase (default 1000) before the
	// fallback that provably separates everything.
	MaxIterations int
}

// OverlapReport describes what RemoveOverlaps did.
type OverlapReport struct {
	// Before and After are the overlap counts of the input and output.
	Before, After Overlaps
	// Iterations is the number of push sweeps run.
	Iterations int
	// FallbackScale is the factor of the final expansion about the
	// centroid, or 1 when the push phase alone removed every overlap.
	FallbackScale float64
	// MeanDisplacement is the mean distance a node moved.
	MeanDisplacement float64
}

// RemoveOverlaps moves nodes, with their labels, as little as it can so that
// no two node discs, no two label boxes and no label and another node
// overlap — what Gephi's Noverlap and Label Adjust do. It returns new
// positions; pos is not modified.
//
// Method: an iterative pairwise push in the spirit of Gephi's Label Adjust
// and of the overlap-removal schemes surveyed by Gansner and Hu ("Efficient,
// proximity-preserving node overlap removal", JGAA 14(1), 2010, the PRISM
// paper) and Dwyer, Marriott, Stuckey ("Fast node overlap removal", GD
// 2005). Each sweep finds all pairs whose bounding boxes intersect with a
// spatial hash grid (expected O(n) per sweep), then, in a fixed order,
// separates each overlapping pair along the minimum translation vector of
// its deepest overlapping shapes (disc–disc, box–box or box–disc), moving
// both nodes half way (Gauss–Seidel). A sweep that moves nothing proves the
// drawing overlap-free, since the candidate pairs were exact for those
// positions.
//
// Guarantee: if MaxIterations sweeps do not suffice, the positions are
// expanded about their centroid by the smallest factor s that makes every
// pair of (padded) shape bounding boxes disjoint: for a pair that overlaps,
// s >= min(needed_x/|dx|, needed_y/|dy|); expansion never makes a disjoint
// pair overlap again, so one expansion separates everything. Coincident
// nodes are first nudged apart. The result is checked with CountOverlaps
// before returning, so After is always zero unless an input is invalid.
func RemoveOverlaps(pos []Point, opt OverlapOptions) ([]Point, OverlapReport, error) {
	n := len(pos)
	if len(opt.Radii) != n {
		return nil, OverlapReport{}, errors.New("layout: RemoveOverlaps needs len(Radii) == len(pos)")
	}
	if opt.Labels != nil && len(opt.Labels) != n {
		return nil, OverlapReport{}, errors.New("layout: RemoveOverlaps needs len(Labels) == len(pos)")
	}
	for i, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			return nil, OverlapReport{}, errors.New("layout: RemoveOverlaps got a non-finite position")
		}
		if !(opt.Radii[i] >= 0) || math.IsInf(opt.Radii[i], 0) {
			return nil, OverlapReport{}, errors.New("layout: RemoveOverlaps got an invalid radius")
		}
	}
	rep := OverlapReport{FallbackScale: 1}
	rep.Before = CountOverlaps(pos, opt.Radii, opt.Labels, opt.Placement)
	out := append([]Point(nil), pos...)
	if n < 2 {
		return out, rep, nil
	}
	ps := newPusher(out, opt)
	maxIter := opt.MaxIterations
	if maxIter <= 0 {
		maxIter = 1000
	}
	clean := false
	for rep.Iterations < maxIter {
		rep.Iterations++
		if !ps.sweep(rep.Iterations - 1) {
			clean = true
			break
		}
	}
	if !clean {
		rep.FallbackScale = ps.expand()
	}
	rep.After = CountOverlaps(out, opt.Radii, opt.Labels, opt.Placement)
	var sum float64
	for i := range out {
		sum += math.Hypot(out[i].X-pos[i].X, out[i].Y-pos[i].Y)
	}
	rep.MeanDisplacement = sum / float64(n)
	return out, rep, nil
}
