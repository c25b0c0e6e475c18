package view

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/analysis"
)

// Measures are the names `linkscope analyze --measure` and the window's
// Analysis menu take, in menu order.
var Measures = []string{"degree", "in-degree", "out-degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "kcore", "components", "scc", "communities"}

// MeasureLabel names a measure for people, in the interface's language,
// as a heading or a menu item names it ("Betweenness").
func MeasureLabel(m string) string {
	switch m {
	case "degree":
		return lang.L("Degree")
	case "in-degree":
		return lang.L("In-degree")
	case "out-degree":
		return lang.L("Out-degree")
	case "betweenness":
		return lang.L("Betweenness")
	case "closeness":
		return lang.L("Closeness")
	case "harmonic":
		return lang.L("Harmonic closeness")
	case "eigenvector":
		return lang.L("Eigenvector")
	case "pagerank":
		return lang.L("PageRank")
	case "kcore":
		return lang.L("k-core number")
	case "components":
		return lang.L("Connected components")
	case "scc":
		return lang.L("Strongly connected components")
	case "communities":
		return lang.L("Communities")
	}
	return m
}

// MeasureTitle is MeasureLabel within a sentence ("betweenness of 49
// entities", "Size: betweenness"): its first letter in lower case, unless
// its first word has capitals inside it, as a name does (PageRank).
func MeasureTitle(m string) string {
	r := []rune(MeasureLabel(m))
	for _, c := range r[min(1, len(r)):] {
		if c == ' ' {
			break
		}
		if unicode.IsUpper(c) {
			return string(r)
		}
	}
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// The notes of AnalyzeResult (setNote): formats, translated for people.
const (
	noteWeight      = "sum of the relations' %s"
	noteLeiden      = "Leiden, resolution %g, seed %d, modularity %.4f"
	noteExact       = "exact"
	noteBetweenness = "sampled from %d of %d sources: within ±%.3f of the exact value with probability 0.95"
	noteCloseness   = "sampled from %d of %d sources: with probability 0.95, each entity's share of others reaching it within ±%.3f, and the mean distance to it within ±%.3f × the longest distance"
	noteHarmonic    = "sampled from %d of %d sources: within ±%.3f × %d (the other entities) of the exact value with probability 0.95"
	notePageRank    = "damping %g; entities without outgoing relations spread their score over all"
)

// setNote sets the result's note from a format of the notes above: in
// English (Note: the JSON output, the workspace's record) and in the
// interface's language (LocalNote: what people read).
func (r *AnalyzeResult) setNote(format string, args ...any) {
	r.Note = fmt.Sprintf(format, args...)
	r.LocalNote = fmt.Sprintf(lang.L(format), args...)
}

// AnalyzeRequest is one measure to compute on a graph: the same for the
// CLI and the window.
type AnalyzeRequest struct {
	Measure string
	// RelTypes, when non-empty, keeps only relations of these types.
	RelTypes []string
	// Directed follows relation directions (betweenness, closeness,
	// harmonic, eigenvector, PageRank, k-core); otherwise each relation
	// links both ways. Degrees and components choose their own.
	Directed bool
	// Weight names a numeric property of relations that degrees sum
	// instead of counting (e.g. "amount").
	Weight string
	// Samples: for betweenness, the number of source entities sampled
	// (0: exact up to ExactBetweennessLimit entities, then
	// DefaultBetweennessSamples); for closeness and harmonic centrality
	// the same, up to ExactDistancesLimit, then DefaultDistanceSamples.
	Samples int
	Seed    uint64
	// Resolution is the communities' modularity resolution (1 when 0).
	Resolution float64
	// Passes bounds Leiden's passes (0: analysis.CommunityOptions's default).
	Passes int
	// Damping is PageRank's (0.85 when 0).
	Damping float64
}

// ExactBetweennessLimit is the largest graph whose betweenness is exact by
// default; DefaultBetweennessSamples is the sample size above it.
const (
	ExactBetweennessLimit     = 5000
	DefaultBetweennessSamples = 1000
)

// ExactDistancesLimit is the largest graph whose closeness and harmonic
// centrality are exact by default (a search from every entity: about a
// second at 10,000 entities, minutes at 100,000); DefaultDistanceSamples
// is the sample size above it.
const (
	ExactDistancesLimit    = 10000
	DefaultDistanceSamples = 1000
)

// ExactUpTo is the largest graph on which measure m (betweenness,
// closeness, harmonic) is exact by default.
func ExactUpTo(m string) int {
	if m == "betweenness" {
		return ExactBetweennessLimit
	}
	return ExactDistancesLimit
}

// sampleSize is how many sources r's measure samples on n entities: the
// request's, else DefaultBetweennessSamples or DefaultDistanceSamples
// above ExactUpTo; 0 (exact) when that would be every entity.
func sampleSize(r AnalyzeRequest, n int) int {
	samples := r.Samples
	if samples == 0 && n > ExactUpTo(r.Measure) {
		samples = DefaultDistanceSamples
		if r.Measure == "betweenness" {
			samples = DefaultBetweennessSamples
		}
	}
	if samples >= n {
		samples = 0
	}
	return samples
}

// AnalyzeResult is a measure's values, one per entity (by index), or a
// partition for components and communities.
type AnalyzeResult struct {
	Measure string
	Values  []float64
	// Partition is set for components, scc and communities: each entity's
	// group, largest first; Values is then nil.
	Partition []int32
	Sizes     []int
	// Modularity is set for communities.
	Modularity float64
	// Note says how it was computed (sampling and its error bound, the
	// damping factor, ...), in English; LocalNote in the interface's
	// language.
	Note, LocalNote string
	// Elapsed is the computation's wall time.
	Elapsed time.Duration
}

// Analyze computes r's measure on g (the model or a snapshot of it).
func Analyze(ctx context.Context, g *graph.Graph, r AnalyzeRequest, progress func(float64)) (*AnalyzeResult, error) {
	if !slices.Contains(Measures, r.Measure) {
		return nil, fmt.Errorf("unknown measure %q (one of %s)", r.Measure, strings.Join(Measures, ", "))
	}
	topo := g.Topology()
	keep, err := relTypeMask(topo, r.RelTypes)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	res := &AnalyzeResult{Measure: r.Measure}
	net := func(directed bool) (*analysis.Net, error) {
		return analysis.NewNet(ctx, topo, analysis.NetOptions{Directed: directed, RelTypes: keep})
	}
	switch r.Measure {
	case "degree", "in-degree", "out-degree":
		kind := map[string]analysis.DegreeKind{"degree": analysis.DegreeTotal, "in-degree": analysis.DegreeIn, "out-degree": analysis.DegreeOut}[r.Measure]
		var weight func(int32) float64
		if r.Weight != "" {
			weight = func(e int32) float64 {
				v, ok := g.Edge(e).Props.Value(r.Weight).(float64)
				if !ok || !graph.Finite(v) {
					return 0
				}
				return v
			}
			res.setNote(noteWeight, r.Weight)
		}
		var keepRel func(int32) bool
		if keep != nil {
			keepRel = func(e int32) bool { return keep[topo.RelType[e]] }
		}
		res.Values = analysis.Degree(topo, kind, weight, keepRel)
	case "components", "scc":
		var c analysis.Components
		if keep != nil {
			return nil, fmt.Errorf("%s take every relation (no --types)", r.Measure)
		}
		if r.Measure == "components" {
			c, err = analysis.Connected(ctx, topo)
		} else {
			c, err = analysis.StronglyConnected(ctx, topo)
		}
		res.Partition, res.Sizes = c.Of, c.Sizes
	case "communities":
		var n *analysis.Net
		if n, err = net(false); err == nil {
			var c analysis.Communities
			c, err = analysis.Leiden(ctx, n, analysis.CommunityOptions{Resolution: r.Resolution, Seed: r.Seed, Passes: r.Passes}, progress)
			res.Partition, res.Sizes, res.Modularity = c.Of, c.Sizes, c.Modularity
			res.setNote(noteLeiden, nonZero(r.Resolution, 1), r.Seed, c.Modularity)
		}
	case "kcore":
		if r.Directed {
			var n *analysis.Net
			if n, err = net(true); err == nil {
				res.Values, err = analysis.KCore(ctx, n)
			}
		} else {
			// no net needed: rows of distinct neighbours, straight from the topology
			res.Values, err = analysis.KCoreUndirected(ctx, topo, keep)
		}
	default:
		var n *analysis.Net
		if n, err = net(r.Directed); err != nil {
			break
		}
		switch r.Measure {
		case "betweenness":
			samples := sampleSize(r, n.N)
			res.Values, err = analysis.Betweenness(ctx, n, analysis.BetweennessOptions{Samples: samples, Seed: r.Seed}, progress)
			if samples > 0 {
				res.setNote(noteBetweenness, samples, n.N, analysis.BetweennessBound(n.N, samples, 0.05))
			} else {
				res.setNote(noteExact)
			}
		case "closeness", "harmonic":
			samples := sampleSize(r, n.N)
			o := analysis.DistanceOptions{Samples: samples, Seed: r.Seed}
			if r.Measure == "closeness" {
				res.Values, err = analysis.Closeness(ctx, n, o, progress)
			} else {
				res.Values, err = analysis.Harmonic(ctx, n, o, progress)
			}
			switch eps := analysis.DistanceBound(n.N, samples, 0.05); {
			case samples == 0:
				res.setNote(noteExact)
			case r.Measure == "closeness":
				res.setNote(noteCloseness, samples, n.N, eps, eps)
			default:
				res.setNote(noteHarmonic, samples, n.N, eps, n.N-1)
			}
		case "eigenvector":
			res.Values, err = analysis.Eigenvector(ctx, n, 0, progress)
		case "pagerank":
			res.Values, err = analysis.PageRank(ctx, n, analysis.PageRankOptions{Damping: r.Damping}, progress)
			res.setNote(notePageRank, nonZero(r.Damping, 0.85))
		}
	}
	if err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

func nonZero(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// Ranked is one entity's result, for listing best first.
type Ranked struct {
	Index int32
	Value float64
	Group int32
}

// Ranking orders a result best first: by value (highest first; ties by
// entity id), or for a partition by group then id.
func (r *AnalyzeResult) Ranking(g *graph.Graph) []Ranked {
	n := len(r.Values)
	if r.Partition != nil {
		n = len(r.Partition)
	}
	out := make([]Ranked, n)
	for i := range out {
		out[i].Index = int32(i)
		if r.Partition != nil {
			out[i].Group = r.Partition[i]
		} else {
			out[i].Value = r.Values[i]
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if r.Partition != nil {
			if x.Group != y.Group {
				return x.Group < y.Group
			}
		} else if x.Value != y.Value {
			if math.IsNaN(y.Value) {
				return true
			}
			return x.Value > y.Value
		}
		return g.Node(x.Index).ID < g.Node(y.Index).ID
	})
	return out
}

// MeasureCommand is the command that stores a result in the model as a
// computed property (never a sourced fact).
func (r *AnalyzeResult) MeasureCommand(g *graph.Graph) graph.SetMeasure {
	c := graph.SetMeasure{Name: r.Measure, IDs: make([]string, g.NodeCount()), Values: make([]float64, g.NodeCount()), Note: r.Note}
	for i := range c.IDs {
		c.IDs[i] = g.Node(int32(i)).ID
		if r.Partition != nil {
			c.Values[i] = float64(r.Partition[i])
		} else {
			c.Values[i] = r.Values[i]
		}
	}
	c.Partition = r.Partition != nil
	return c
}

// ClusterRequest asks for the groups of entities bound by at least
// MinStrength relation-disjoint paths (Find Clusters).
type ClusterRequest struct {
	RelTypes             []string
	MinStrength, MinSize int
}

// FindClusters runs analysis.Clusters on g's undirected simple graph.
func FindClusters(ctx context.Context, g *graph.Graph, r ClusterRequest, progress func(float64)) ([]analysis.Cluster, error) {
	topo := g.Topology()
	keep, err := relTypeMask(topo, r.RelTypes)
	if err != nil {
		return nil, err
	}
	net, err := analysis.NewNet(ctx, topo, analysis.NetOptions{RelTypes: keep})
	if err != nil {
		return nil, err
	}
	return analysis.Clusters(ctx, net, r.MinStrength, r.MinSize, progress)
}

// relTypeMask is the relation type ids to keep (nil: every type).
func relTypeMask(topo *graph.Topology, names []string) ([]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	keep := make([]bool, len(topo.Types.Rels))
	for _, name := range names {
		id, ok := topo.Types.RelTypeID(name)
		if !ok {
			return nil, fmt.Errorf("no relation of type %q", name)
		}
		keep[id] = true
	}
	return keep, nil
}
