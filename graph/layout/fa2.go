package layout

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// FA2 is a running ForceAtlas2 layout (M. Jacomy, T. Venturini, S. Heymann,
// M. Bastian, "ForceAtlas2, a continuous graph layout algorithm for handy
// network visualization designed for the Gephi software", PLoS ONE 9(6):
// e98679, 2014). It is stateful so that a window can animate it: call Step
// once per frame, pause by not calling it, move or pin nodes between steps,
// and Grow the graph without losing the positions already reached.
//
// A node's mass is its degree + 1, counting parallel edges (the paper and
// Gephi; graphology adds edge weights instead, which is the same for
// unweighted graphs). Edge weights act through EdgeWeightInfluence.
//
// Each Step computes every node's force in parallel over
// runtime.GOMAXPROCS goroutines. Each node's force is summed by exactly one
// goroutine in an order fixed by the input, and all cross-node reductions are
// serial, so results are bit-for-bit reproducible for a given input and seed,
// whatever the number of cores. An FA2 must not be used from several
// goroutines at once.
type FA2 struct {
	g   Graph
	s   FA2Settings
	adj *csr // undirected adjacency with edge indices

	pos      []Point
	prev     []Point // the positions before the current step of Run
	force    []Point
	oldForce []Point
	mass     []float64 // deg+1
	ew       []float64 // per edge: weight^EdgeWeightInfluence
	pinned   []bool
	conv     []float64 // per-node convergence (SpeedPerNode)

	speed, speedEfficiency float64 // global speed state (SpeedGlobal)
	outboundCompensation   float64 // mean mass (DissuadeHubs)

	iter     int
	seed     uint64
	tree     bhTree
	progress func(done, total int)
}

// FA2Options configures NewFA2. The zero value is valid.
type FA2Options struct {
	// Settings overrides the inferred settings; nil means
	// InferFA2Settings(g.N).
	Settings *FA2Settings
	// Seed seeds the random initial positions (and Grow's placement jitter).
	Seed uint64
	// Initial, if non-nil, gives the starting positions (len N) instead of
	// random ones.
	Initial []Point
	// Pinned, if non-nil, marks nodes that never move (len N).
	Pinned []bool
	// Progress, if non-nil, is called by Run after each step with the
	// steps done and asked for by that call of Run.
	Progress func(done, total int)
}

// NewFA2 prepares a ForceAtlas2 layout of g. The graph's slices are not
// copied and must not be modified while the layout is in use (use Grow to
// change the graph).
func NewFA2(g *Graph, opt FA2Options) (*FA2, error) {
	if err := g.Validate(); err != nil {
		return nil, err
	}
	s := InferFA2Settings(g.N)
	if opt.Settings != nil {
		s = *opt.Settings
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if opt.Initial != nil && len(opt.Initial) != g.N {
		return nil, fmt.Errorf("layout: len(Initial)=%d != N=%d", len(opt.Initial), g.N)
	}
	if opt.Pinned != nil && len(opt.Pinned) != g.N {
		return nil, fmt.Errorf("layout: len(Pinned)=%d != N=%d", len(opt.Pinned), g.N)
	}
	f := &FA2{s: s, seed: opt.Seed, speed: 1, speedEfficiency: 1, progress: opt.Progress}
	if opt.Initial != nil {
		f.pos = append([]Point(nil), opt.Initial...)
		if err := fitInitial(f.pos); err != nil {
			return nil, err
		}
	} else {
		f.pos = RandomPositions(g.N, opt.Seed)
	}
	f.pinned = make([]bool, g.N)
	copy(f.pinned, opt.Pinned)
	f.setGraph(g)
	return f, nil
}

// setGraph (re)derives everything that depends on the graph and sizes the
// per-node state to g.N, keeping existing entries.
func (f *FA2) setGraph(g *Graph) {
	f.g = *g
	f.adj = buildCSR(g, true, true)
	n := g.N
	f.mass = grow(f.mass, n)
	f.outboundCompensation = 0
	for v := 0; v < n; v++ {
		// Self-loops count twice, as in Gephi's degree.
		f.mass[v] = float64(f.adj.Off[v+1]-f.adj.Off[v]) + 1
		f.outboundCompensation += f.mass[v]
	}
	if n > 0 {
		f.outboundCompensation /= float64(n)
	}
	f.ew = grow(f.ew, g.M())
	for e := range f.ew {
		w := g.weight(e)
		switch f.s.EdgeWeightInfluence {
		case 0:
			w = 1
		case 1:
		default:
			w = math.Pow(w, f.s.EdgeWeightInfluence)
		}
		f.ew[e] = w
	}
	old := len(f.force)
	f.force = growKeep(f.force, n)
	f.oldForce = growKeep(f.oldForce, n)
	f.conv = growKeep(f.conv, n)
	for v := old; v < n; v++ {
		f.conv[v] = 1
	}
}

// growKeep returns s resized to n keeping its first min(len,n) elements and
// zeroing the rest.
func growKeep[T any](s []T, n int) []T {
	if n <= len(s) {
		return s[:n]
	}
	t := make([]T, n)
	copy(t, s)
	return t
}

// Settings returns the settings in use.
func (f *FA2) Settings() FA2Settings { return f.s }

// SetSettings changes the settings between steps (e.g. toggling LinLog or
// size adjustment while the layout runs).
func (f *FA2) SetSettings(s FA2Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	ewChanged := s.EdgeWeightInfluence != f.s.EdgeWeightInfluence
	f.s = s
	if ewChanged {
		f.setGraph(&f.g)
	}
	return nil
}

// N returns the number of nodes.
func (f *FA2) N() int { return f.g.N }

// Iterations returns the number of steps run so far.
func (f *FA2) Iterations() int { return f.iter }

// Positions returns a copy of the current positions.
func (f *FA2) Positions() []Point { return append([]Point(nil), f.pos...) }

// Position returns node i's position.
func (f *FA2) Position(i int) Point { return f.pos[i] }

// SetPosition moves node i (e.g. where the user dropped it). Its speed
// history is reset so it does not jump back.
func (f *FA2) SetPosition(i int, p Point) {
	f.pos[i] = p
	f.oldForce[i], f.force[i] = Point{}, Point{}
}

// SetPinned pins (true) or releases node i. A pinned node still exerts
// forces on the others but never moves.
func (f *FA2) SetPinned(i int, pinned bool) { f.pinned[i] = pinned }

// Pinned reports whether node i is pinned.
func (f *FA2) Pinned(i int) bool { return f.pinned[i] }

// Speed returns the current global speed (SpeedGlobal), for diagnostics.
func (f *FA2) Speed() float64 { return f.speed }

// Run performs iters steps, or fewer when ctx ends first: it polls ctx
// before each step (so an ended context runs none) and then returns the
// steps done and ctx's error. The layout stays usable: Positions gives the
// positions reached, and Run may be called again. A step that would leave
// a position NaN or infinite is undone and Run returns an error wrapping
// ErrDiverged, with the positions of the step before.
func (f *FA2) Run(ctx context.Context, iters int) (int, error) {
	done := ctx.Done()
	for i := 0; i < iters; i++ {
		if done != nil {
			select {
			case <-done:
				return i, ctx.Err()
			default:
			}
		}
		f.prev = append(f.prev[:0], f.pos...)
		f.Step()
		if !allFinite(f.pos) {
			// Forces overflowed (absurd settings or positions): go back to
			// the last finite positions rather than hand out NaN.
			copy(f.pos, f.prev)
			return i, fmt.Errorf("%w at step %d: the settings or the starting positions are too extreme", ErrDiverged, f.iter)
		}
		if f.progress != nil {
			f.progress(i+1, iters)
		}
	}
	return iters, nil
}

// Step performs one ForceAtlas2 iteration: forces (repulsion, gravity,
// attraction) for every node, then the adaptive speed update.
func (f *FA2) Step() {
	n := f.g.N
	if n == 0 {
		return
	}
	f.oldForce, f.force = f.force, f.oldForce
	f.computeForces()
	f.applyForces()
	f.iter++
}

// ErrDiverged is wrapped by the error of a Run whose forces overflowed.
var ErrDiverged = errors.New("layout: ForceAtlas2 diverged")

// MaxInitialCoord is the largest starting coordinate ForceAtlas2 takes as
// it is: farther positions are scaled down together, keeping their shape,
// so that the forces (which square distances) stay finite.
const MaxInitialCoord = 1e9

// fitInitial refuses NaN and infinite starting positions and scales the
// positions down uniformly when one is beyond MaxInitialCoord.
func fitInitial(p []Point) error {
	far := 0.0
	for i, q := range p {
		if !finite(q.X) || !finite(q.Y) {
			return fmt.Errorf("layout: starting position %d is (%g, %g), not finite", i, q.X, q.Y)
		}
		far = max(far, math.Abs(q.X), math.Abs(q.Y))
	}
	if far > MaxInitialCoord {
		k := MaxInitialCoord / far
		for i := range p {
			p[i].X *= k
			p[i].Y *= k
		}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// allFinite reports whether every coordinate of p is finite.
func allFinite(p []Point) bool {
	for _, q := range p {
		// x-x is 0 for finite x and NaN for NaN and infinities.
		if q.X-q.X != 0 || q.Y-q.Y != 0 {
			return false
		}
	}
	return true
}
