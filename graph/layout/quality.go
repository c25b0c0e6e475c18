package layout

import "math"

// Quality summarises how readable a layout is. All measures are computed on
// the positions alone and are comparable between layout programs run on the
// same graph.
type Quality struct {
	// NodeOverlaps, LabelOverlaps and LabelNodeOverlaps count overlapping
	// pairs (see CountOverlaps); the label counts are 0 when no labels are
	// given.
	NodeOverlaps      int `json:"node_overlaps"`
	LabelOverlaps     int `json:"label_overlaps"`
	LabelNodeOverlaps int `json:"label_node_overlaps"`
	// EdgeLengthCV is the coefficient of variation (std/mean) of edge
	// lengths; lower means more uniform edge lengths.
	EdgeLengthCV float64 `json:"edge_length_cv"`
	// Stress is the normalized stress against hop distances (see Stress);
	// lower is better, 0 is a perfect embedding of graph distances.
	Stress float64 `json:"stress"`
	// StressPairs is the number of node pairs Stress was measured on.
	StressPairs int `json:"stress_pairs"`
}

// QualityOptions configures Measure.
type QualityOptions struct {
	// Radii are node radii for the overlap counts (nil: the graph's sizes).
	Radii []float64
	// Labels and Placement, if Labels is non-nil, add label overlap counts.
	Labels    []Size
	Placement LabelPlacement
	// StressSources is the number of BFS sources sampled for Stress
	// (default 32); StressSeed seeds the sample.
	StressSources int
	StressSeed    uint64
}

// Measure computes all quality measures of positions pos for graph g.
func Measure(g *Graph, pos []Point, opt QualityOptions) Quality {
	radii := opt.Radii
	if radii == nil {
		radii = g.Radii()
	}
	src := opt.StressSources
	if src <= 0 {
		src = 32
	}
	ov := CountOverlaps(pos, radii, opt.Labels, opt.Placement)
	stress, pairs := Stress(g, pos, src, opt.StressSeed)
	return Quality{
		NodeOverlaps:      ov.NodeNode,
		LabelOverlaps:     ov.LabelLabel,
		LabelNodeOverlaps: ov.LabelNode,
		EdgeLengthCV:      EdgeLengthCV(g, pos),
		Stress:            stress,
		StressPairs:       pairs,
	}
}

// EdgeLengthCV returns the coefficient of variation (standard deviation
// divided by mean) of the lengths of g's edges, self-loops excluded; 0 when
// there are no edges or all have length 0.
func EdgeLengthCV(g *Graph, pos []Point) float64 {
	var sum, sum2 float64
	n := 0
	for e := range g.Src {
		s, d := g.Src[e], g.Dst[e]
		if s == d {
			continue
		}
		l := math.Hypot(pos[s].X-pos[d].X, pos[s].Y-pos[d].Y)
		sum += l
		sum2 += l * l
		n++
	}
	if n == 0 || sum == 0 {
		return 0
	}
	mean := sum / float64(n)
	v := sum2/float64(n) - mean*mean
	if v < 0 {
		v = 0
	}
	return math.Sqrt(v) / mean
}

// Stress returns the normalized stress of pos against undirected hop
// distances, and the number of pairs used. Sources are sampled without
// replacement (seeded PCG); every node reachable from a source forms a pair
// with it. With layout distances d_ij and hop distances D_ij the measure is
//
//	stress = min_s (1/P) sum (s d_ij - D_ij)² / D_ij²
//
// the scale s = sum(d/D) / sum((d/D)²) being the optimal one, so the value
// does not depend on the layout's units and lies in [0, 1] (s = 0 gives 1).
// This is the weighted stress of Kamada–Kawai / Gansner–Koren–North
// ("Graph drawing by stress majorization", GD 2004) with weights D^-2,
// normalized by the pair count.
func Stress(g *Graph, pos []Point, sources int, seed uint64) (float64, int) {
	if g.N < 2 {
		return 0, 0
	}
	adj := buildCSR(g, true, true)
	sources = min(sources, g.N)
	r := newRand(seed)
	perm := r.Perm(g.N)[:sources]
	dist := make([]int32, g.N)
	queue := make([]int32, 0, g.N)
	var sr, sr2 float64 // sum of ratio d/D and of its square
	pairs := 0
	for _, s := range perm {
		queue = bfs(adj, s, dist, queue)
		ps := pos[s]
		for _, v := range queue[1:] {
			D := float64(dist[v])
			d := math.Hypot(pos[v].X-ps.X, pos[v].Y-ps.Y)
			q := d / D
			sr += q
			sr2 += q * q
			pairs++
		}
	}
	if pairs == 0 {
		return 0, 0
	}
	if sr2 == 0 {
		return 1, pairs
	}
	// sum (s q - 1)² = s² sr2 - 2 s sr + P, minimised at s = sr/sr2.
	s := sr / sr2
	st := (s*s*sr2 - 2*s*sr + float64(pairs)) / float64(pairs)
	if st < 0 {
		st = 0
	}
	return st, pairs
}
