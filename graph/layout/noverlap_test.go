package layout

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// bruteOverlaps counts overlaps in O(n²), as the reference for
// CountOverlaps.
func bruteOverlaps(pos []Point, radii []float64, labels []Size, lp LabelPlacement) Overlaps {
	var o Overlaps
	box := func(i int) bbox { return lp.boxOf(i, pos[i], radii[i], labels[i]) }
	for i := range pos {
		for j := i + 1; j < len(pos); j++ {
			if discsOverlap(pos[i], pos[j], radii[i], radii[j]) {
				o.NodeNode++
			}
			if labels == nil {
				continue
			}
			bi, bj := box(i), box(j)
			if bi.hasArea() && bj.hasArea() && bi.overlaps(bj) {
				o.LabelLabel++
			}
			if boxDiscOverlap(bi, pos[j], radii[j]) {
				o.LabelNode++
			}
			if boxDiscOverlap(bj, pos[i], radii[i]) {
				o.LabelNode++
			}
		}
	}
	return o
}

// randomSides gives n nodes each a label side.
func randomSides(r *rand.Rand, n int) []LabelSide {
	sides := make([]LabelSide, n)
	for i := range sides {
		sides[i] = LabelSide(r.IntN(5))
	}
	return sides
}

// TestLabelSidesPerNode: a label on the left of its node clears a node on
// the right that the same label on the right would cover.
func TestLabelSidesPerNode(t *testing.T) {
	pos := []Point{{0, 0}, {10, 0}}
	radii := []float64{1, 1}
	labels := []Size{{W: 8, H: 2}, {}}
	right := LabelPlacement{Gap: 1}
	if o := CountOverlaps(pos, radii, labels, right); o.LabelNode != 1 {
		t.Fatalf("label on the right: %+v", o)
	}
	left := LabelPlacement{Gap: 1, Sides: []LabelSide{LabelLeft, LabelRight}}
	if o := CountOverlaps(pos, radii, labels, left); o.Total() != 0 {
		t.Fatalf("label on the left: %+v", o)
	}
	out, _, err := RemoveOverlaps(pos, OverlapOptions{Radii: radii, Labels: labels, Placement: left})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != pos[0] || out[1] != pos[1] {
		t.Errorf("nothing overlaps, yet the nodes moved to %v", out)
	}
}

// randomScene returns n nodes with varied radii and labels, crowded into
// a square of the given side.
func randomScene(r *rand.Rand, n int, side float64, withLabels bool) ([]Point, []float64, []Size) {
	pos := make([]Point, n)
	radii := make([]float64, n)
	var labels []Size
	if withLabels {
		labels = make([]Size, n)
	}
	for i := range pos {
		pos[i] = Point{r.Float64() * side, r.Float64() * side}
		if r.IntN(10) == 0 {
			pos[i] = pos[r.IntN(i+1)] // exact duplicates
		}
		radii[i] = 0.5 + 3*r.Float64()
		if r.IntN(20) == 0 {
			radii[i] = 0 // a point without a disc
		}
		if withLabels && r.IntN(8) != 0 {
			labels[i] = Size{2 + 20*r.Float64(), 2 + 3*r.Float64()}
		}
	}
	return pos, radii, labels
}

func TestCountOverlapsMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for trial := 0; trial < 40; trial++ {
		n := 1 + r.IntN(300)
		pos, radii, labels := randomScene(r, n, 10+r.Float64()*200, trial%2 == 0)
		if trial%7 == 0 && labels != nil { // a huge label spanning many cells
			labels[0] = Size{500, 40}
		}
		lp := LabelPlacement{Side: LabelSide(trial % 5), Gap: r.Float64()}
		if trial%3 == 1 {
			lp.Sides = randomSides(r, n)
		}
		got := CountOverlaps(pos, radii, labels, lp)
		want := bruteOverlaps(pos, radii, labels, lp)
		if got != want {
			t.Fatalf("trial %d (n=%d): CountOverlaps %+v, brute force %+v", trial, n, got, want)
		}
	}
}

func TestRemoveOverlapsGuarantee(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for trial := 0; trial < 60; trial++ {
		n := 2 + r.IntN(400)
		side := 1 + r.Float64()*100 // often very crowded
		pos, radii, labels := randomScene(r, n, side, trial%3 != 0)
		opt := OverlapOptions{
			Radii:     radii,
			Labels:    labels,
			Placement: LabelPlacement{Side: LabelSide(trial % 5), Gap: r.Float64()},
		}
		if trial%4 == 0 {
			opt.MaxIterations = 1 + r.IntN(3) // force the fallback
		}
		if trial%3 == 1 {
			opt.Placement.Sides = randomSides(r, n)
		}
		if trial%5 == 0 {
			opt.Padding = r.Float64()
		}
		out, rep, err := RemoveOverlaps(pos, opt)
		if err != nil {
			t.Fatal(err)
		}
		after := bruteOverlaps(out, radii, labels, opt.Placement)
		if after.Total() != 0 || rep.After.Total() != 0 {
			t.Fatalf("trial %d (n=%d, side %.1f): overlaps remain %+v (report %+v, %d sweeps, scale %v)",
				trial, n, side, after, rep.After, rep.Iterations, rep.FallbackScale)
		}
		if opt.Padding > 0 {
			inflated := make([]float64, n)
			for i := range radii {
				if radii[i] > 0 {
					inflated[i] = radii[i] + opt.Padding/2*0.999
				}
			}
			if o := CountOverlaps(out, inflated, nil, LabelPlacement{}); o.NodeNode != 0 {
				t.Fatalf("trial %d: padding %v not respected (%d)", trial, opt.Padding, o.NodeNode)
			}
		}
		for _, p := range out {
			if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
				t.Fatal("non-finite output")
			}
		}
	}
}

func TestRemoveOverlapsMovesLittle(t *testing.T) {
	// Two discs of radius 1 at distance 1.5 need 0.5 in total.
	pos := []Point{{0, 0}, {1.5, 0}, {100, 100}}
	out, rep, err := RemoveOverlaps(pos, OverlapOptions{Radii: []float64{1, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Hypot(out[1].X-out[0].X, out[1].Y-out[0].Y); d < 2 || d > 2.001 {
		t.Fatalf("distance %v, want just over 2", d)
	}
	if out[2] != pos[2] {
		t.Fatal("a node with no overlap moved")
	}
	if rep.Before.NodeNode != 1 || rep.After.Total() != 0 || rep.FallbackScale != 1 {
		t.Fatalf("report %+v", rep)
	}
	// Deterministic.
	again, _, _ := RemoveOverlaps(pos, OverlapOptions{Radii: []float64{1, 1, 1}})
	if !samePoints(out, again) {
		t.Fatal("not deterministic")
	}
}

func TestRemoveOverlaps10kFast(t *testing.T) {
	g := communityGraph(10000, 4, 1)
	s := InferFA2Settings(g.N)
	f, _ := NewFA2(g, FA2Options{Settings: &s, Seed: 1})
	f.Run(context.Background(), 100)
	pos := f.Positions()
	radii := make([]float64, g.N)
	labels := make([]Size, g.N)
	for i := range radii {
		radii[i] = 2
		labels[i] = Size{12 + float64(i%10)*2, 4}
	}
	t0 := time.Now()
	out, rep, err := RemoveOverlaps(pos, OverlapOptions{Radii: radii, Labels: labels, Placement: LabelPlacement{Side: LabelRight, Gap: 1}})
	el := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("10k nodes: before %+v, %d sweeps, fallback scale %v, mean move %.2f, %v", rep.Before, rep.Iterations, rep.FallbackScale, rep.MeanDisplacement, el)
	if c := CountOverlaps(out, radii, labels, LabelPlacement{Side: LabelRight, Gap: 1}); c.Total() != 0 {
		t.Fatalf("overlaps remain: %+v", c)
	}
}

func TestRemoveOverlapsErrors(t *testing.T) {
	if _, _, err := RemoveOverlaps([]Point{{}}, OverlapOptions{}); err == nil {
		t.Error("missing radii accepted")
	}
	if _, _, err := RemoveOverlaps([]Point{{math.NaN(), 0}}, OverlapOptions{Radii: []float64{1}}); err == nil {
		t.Error("NaN accepted")
	}
}
