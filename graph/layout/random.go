package layout

import (
	"math"
	"math/rand/v2"
)

// newRand returns the package's seeded generator: math/rand/v2 PCG, so that
// the same seed gives the same stream on every platform and Go release that
// keeps PCG's definition.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// RandomPositions returns n positions drawn uniformly from a square of side
// 10*sqrt(n) centred on the origin (constant density, as the peers'
// benchmarks use), from a PCG generator seeded with seed.
func RandomPositions(n int, seed uint64) []Point {
	r := newRand(seed)
	side := 10 * math.Sqrt(float64(max(n, 1)))
	p := make([]Point, n)
	for i := range p {
		p[i] = Point{(r.Float64() - 0.5) * side, (r.Float64() - 0.5) * side}
	}
	return p
}
