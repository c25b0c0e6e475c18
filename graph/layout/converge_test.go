package layout

import (
	"math"
	"testing"
)

// shifted returns n points on a line of length 1 (so the drawing's size
// is 1), each moved right by d.
func shifted(n int, d float64) []Point {
	p := make([]Point, n)
	for i := range p {
		p[i] = Point{X: float64(i)/float64(n-1) + d, Y: 0}
	}
	return p
}

// feed observes steps whose relative displacements are disps (every node
// moves by that much), returning the step (1-based) at which the
// criterion first held, or 0.
func feed(c *Convergence, disps []float64) int {
	x := 0.0
	c.Observe(shifted(11, x))
	for i, d := range disps {
		x += d
		if _, done := c.Observe(shifted(11, x)); done {
			return i + 1
		}
	}
	return 0
}

func repeat(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func TestDisplacementIsRelativeToTheDrawing(t *testing.T) {
	a, b := shifted(11, 0), shifted(11, 0.1)
	if d := Displacement(a, b); math.Abs(d-0.1) > 1e-12 {
		t.Fatalf("displacement %g, want 0.1", d)
	}
	// the same movement in a drawing ten times larger is ten times smaller
	for i := range a {
		a[i].X *= 10
		b[i].X = a[i].X + 0.1
	}
	if d := Displacement(a, b); math.Abs(d-0.01) > 1e-12 {
		t.Fatalf("displacement %g, want 0.01", d)
	}
	if !math.IsInf(Displacement(a, b[:3]), 1) {
		t.Fatal("different lengths must give +Inf")
	}
}

func TestConvergenceBelowThreshold(t *testing.T) {
	c := &Convergence{Threshold: 1e-3, Window: 4, MinBlocks: 100, MinImprove: 0.01}
	c.Reset()
	// a block at 2e-3, then one at 5e-4: converged at the end of block 2
	disps := append(repeat(2e-3, 4), repeat(5e-4, 4)...)
	if got := feed(c, disps); got != 8 {
		t.Fatalf("converged at step %d, want 8", got)
	}
	if m := c.Mean(); math.Abs(m-5e-4) > 1e-12 {
		t.Fatalf("mean %g, want 5e-4", m)
	}
}

func TestConvergenceWhenNoLongerImproving(t *testing.T) {
	c := &Convergence{Threshold: 1e-9, Window: 5, MinBlocks: 3, MinImprove: 0.01}
	c.Reset()
	// improving blocks, then a block within 1% of the best: converged there
	var disps []float64
	for _, v := range []float64{8e-3, 4e-3, 2e-3, 1e-3, 0.995e-3} {
		disps = append(disps, repeat(v, 5)...)
	}
	if got := feed(c, disps); got != 25 {
		t.Fatalf("converged at step %d, want 25 (the fifth block)", got)
	}
}

func TestConvergenceNeedsMinBlocks(t *testing.T) {
	c := &Convergence{Threshold: 1e-9, Window: 5, MinBlocks: 3, MinImprove: 0.01}
	c.Reset()
	// the second block is worse than the first (ForceAtlas2 speeding up),
	// which is not convergence before MinBlocks blocks
	var disps []float64
	for _, v := range []float64{1e-3, 2e-3, 1e-3} {
		disps = append(disps, repeat(v, 5)...)
	}
	if got := feed(c, disps); got != 15 {
		t.Fatalf("converged at step %d, want 15 (not before the third block)", got)
	}
}

func TestConvergenceResetStartsAfresh(t *testing.T) {
	c := &Convergence{Threshold: 1e-3, Window: 3, MinBlocks: 10, MinImprove: 0.01}
	c.Reset()
	if got := feed(c, repeat(1e-2, 2)); got != 0 {
		t.Fatalf("converged at %d before a block was complete", got)
	}
	c.Reset()
	if !math.IsInf(c.Mean(), 1) {
		t.Fatal("Mean after Reset must be +Inf")
	}
	// a quiet block right after the reset: converged after 3 steps, not 1
	if got := feed(c, repeat(1e-4, 3)); got != 3 {
		t.Fatalf("converged at step %d, want 3", got)
	}
}

func TestConvergenceOnForceAtlas2(t *testing.T) {
	// a real layout converges by the default criterion, and within the
	// steps it is given
	g := communityGraph(300, 4, 7)
	fa, err := NewFA2(g, FA2Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	c := NewConvergence()
	c.ObserveFA2(fa)
	for i := 1; i <= 5000; i++ {
		fa.Step()
		if _, done := c.ObserveFA2(fa); done {
			if i%DefaultConvergenceWindow != 0 {
				t.Fatalf("converged at step %d, not at a block's end", i)
			}
			return
		}
	}
	t.Fatalf("not converged after 5000 steps (last block mean %g)", c.Mean())
}
