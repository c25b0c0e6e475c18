package layout

import "math"

// Convergence decides when a running ForceAtlas2 has converged, by a
// measured criterion on the mean displacement of the nodes in one step,
// divided by the drawing's size (the larger side of its bounding box), so
// that it does not depend on the layout's units or the graph's spread.
// The displacements are averaged over blocks of Window steps; at the end
// of each block the layout has converged when
//
//   - the block's mean is below Threshold (the drawing is still), or
//   - after at least MinBlocks blocks, the block's mean is not at least
//     MinImprove (a fraction) below the best earlier block's: what is
//     left is ForceAtlas2's jitter, which more steps do not reduce (on
//     the 100k synthetic file the stress stops improving at that point,
//     see BENCHMARKS.md, "The window's layout and its opening").
//
// Observe is called after each step with the positions (read, not kept:
// the Convergence copies them into its own buffer), so the criterion does
// not depend on how often positions are published.
type Convergence struct {
	Threshold  float64
	Window     int
	MinBlocks  int
	MinImprove float64

	prev   []Point
	sum    float64 // of the current block
	steps  int     // in the current block
	blocks int     // completed
	best   float64 // smallest block mean so far
	last   float64 // the last completed block's mean
}

// The window's criterion (BENCHMARKS.md, "The window's layout and its opening" tells how it was chosen).
const (
	DefaultConvergenceThreshold  = 1e-4
	DefaultConvergenceWindow     = 50
	DefaultConvergenceMinBlocks  = 3
	DefaultConvergenceMinImprove = 0.01
)

// NewConvergence returns the criterion with the default settings.
func NewConvergence() *Convergence {
	c := &Convergence{Threshold: DefaultConvergenceThreshold, Window: DefaultConvergenceWindow,
		MinBlocks: DefaultConvergenceMinBlocks, MinImprove: DefaultConvergenceMinImprove}
	c.Reset()
	return c
}

// Reset forgets the steps seen (the positions were replaced, the graph
// grew, the user moved nodes): the next Observe starts afresh.
func (c *Convergence) Reset() {
	c.prev = c.prev[:0]
	c.sum, c.steps, c.blocks = 0, 0, 0
	c.best, c.last = math.Inf(1), math.Inf(1)
}

// Observe takes the positions after a step and returns the step's
// relative displacement (+Inf for the first positions seen, or when the
// number of nodes changed) and whether the layout has converged (only
// ever true at the end of a block).
func (c *Convergence) Observe(pos []Point) (disp float64, converged bool) {
	if len(c.prev) != len(pos) || len(pos) == 0 {
		c.Reset()
		c.prev = append(c.prev[:0], pos...)
		return math.Inf(1), false
	}
	disp = Displacement(c.prev, pos)
	copy(c.prev, pos)
	c.sum += disp
	c.steps++
	if c.steps < max(c.Window, 1) {
		return disp, false
	}
	mean := c.sum / float64(c.steps)
	c.sum, c.steps = 0, 0
	c.blocks++
	converged = mean < c.Threshold ||
		(c.blocks >= max(c.MinBlocks, 2) && mean > (1-c.MinImprove)*c.best)
	c.last = mean
	c.best = math.Min(c.best, mean)
	return disp, converged
}

// Mean is the last completed block's mean relative displacement (+Inf
// before the first block).
func (c *Convergence) Mean() float64 {
	if c.blocks == 0 {
		return math.Inf(1)
	}
	return c.last
}

// Displacement is the mean distance the nodes moved from a to b, divided
// by the size of b's drawing (the larger side of its bounding box); +Inf
// when a and b differ in length or are empty, 0 when b has no extent.
func Displacement(a, b []Point) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return math.Inf(1)
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	sum := 0.0
	for i := range a {
		sum += math.Hypot(a[i].X-b[i].X, a[i].Y-b[i].Y)
		p := b[i]
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	size := math.Max(maxX-minX, maxY-minY)
	if size <= 0 {
		return 0
	}
	return sum / float64(len(a)) / size
}

// ObserveFA2 is Observe on f's current positions, without copying them.
func (c *Convergence) ObserveFA2(f *FA2) (disp float64, converged bool) {
	return c.Observe(f.pos)
}
