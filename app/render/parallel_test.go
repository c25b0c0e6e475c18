package render

import (
	"fmt"

	"github.com/linkscope/linkscope/graph"
	"math"
	"math/rand"
	"slices"
	"sort"
	"testing"
)

// parallelBySort is the bundling as it was first written: a comparison
// sort of the relations by their unordered pair of ends, then index.
func parallelBySort(src, dst []int32) (index, count []uint16) {
	m := len(src)
	index, count = make([]uint16, m), make([]uint16, m)
	keys := make([]uint64, m)
	idx := make([]int32, m)
	for i := range m {
		a, b := src[i], dst[i]
		if a > b {
			a, b = b, a
		}
		keys[i] = uint64(uint32(a))<<32 | uint64(uint32(b))
		idx[i] = int32(i)
	}
	sort.Slice(idx, func(x, y int) bool {
		kx, ky := keys[idx[x]], keys[idx[y]]
		return kx < ky || (kx == ky && idx[x] < idx[y])
	})
	for lo := 0; lo < m; {
		hi := lo + 1
		for hi < m && keys[idx[hi]] == keys[idx[lo]] {
			hi++
		}
		for j := lo; j < hi; j++ {
			index[idx[j]] = uint16(min(j-lo, math.MaxUint16))
			count[idx[j]] = uint16(min(hi-lo, math.MaxUint16))
		}
		lo = hi
	}
	return index, count
}

// TestParallelCountingEqualsSort: the counting passes number parallel
// relations exactly as the sort did, on random graphs dense enough to have
// many bundles (both directions, loops, isolated entities).
func TestParallelCountingEqualsSort(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	bundles := 0
	for trial := range 300 {
		n := 1 + rng.Intn(30)
		m := rng.Intn(4 * n)
		if trial == 0 {
			m = 0
		}
		st := &static{n: n, m: m, src: make([]int32, m), dst: make([]int32, m)}
		for e := range m {
			st.src[e], st.dst[e] = int32(rng.Intn(n)), int32(rng.Intn(n))
			if e > 0 && rng.Intn(3) == 0 { // repeat an earlier pair, maybe reversed
				p := rng.Intn(e)
				st.src[e], st.dst[e] = st.src[p], st.dst[p]
				if rng.Intn(2) == 0 {
					st.src[e], st.dst[e] = st.dst[p], st.src[p]
				}
			}
		}
		st.parallel()
		wantIndex, wantCount := parallelBySort(st.src, st.dst)
		if !slices.Equal(st.parIndex, wantIndex) || !slices.Equal(st.parCount, wantCount) {
			t.Fatalf("trial %d (n=%d m=%d src=%v dst=%v):\nindex %v, want %v\ncount %v, want %v",
				trial, n, m, st.src, st.dst, st.parIndex, wantIndex, st.parCount, wantCount)
		}
		for _, c := range st.parCount {
			if c > 1 {
				bundles++
			}
		}
	}
	if bundles == 0 {
		t.Fatal("no parallel relations were generated: the test checks nothing")
	}
}

// TestByDegreeEqualsStableSort: the label order is the stable sort by
// degree, most connected first.
func TestByDegreeEqualsStableSort(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 200 {
		n := rng.Intn(50)
		deg := make([]int32, n)
		var maxDeg int32
		for i := range deg {
			deg[i] = int32(rng.Intn(8))
			maxDeg = max(maxDeg, deg[i])
		}
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		sort.SliceStable(want, func(a, b int) bool { return deg[want[a]] > deg[want[b]] })
		if got := byDegree(deg, maxDeg); !slices.Equal(got, want) {
			t.Fatalf("degrees %v: got %v, want %v", deg, got, want)
		}
	}
}

// BenchmarkParallel1M times the bundling of 3M relations among 1M
// entities (random ends, some parallel).
func BenchmarkParallel1M(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	n, m := 1000000, 3000000
	st := &static{n: n, m: m, src: make([]int32, m), dst: make([]int32, m)}
	for e := range m {
		st.src[e], st.dst[e] = int32(rng.Intn(n)), int32(rng.Intn(n))
	}
	b.Run("counting", func(b *testing.B) {
		for range b.N {
			st.parallel()
		}
	})
	b.Run("sort", func(b *testing.B) {
		for range b.N {
			parallelBySort(st.src, st.dst)
		}
	})
}

// On entities spread at random (a file's start positions), most sampled
// relations cross the screen: the density view's hairlines stay within
// densityInk pixel steps.
func TestDensityLinksKeepTheirInkBudget(t *testing.T) {
	n := 40000
	g := graph.New(n, 3*n)
	for i := range n {
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: "a"})
	}
	rng := rand.New(rand.NewSource(2))
	for range 3 * n {
		g.AddEdge(graph.Edge{From: int32(rng.Intn(n)), To: int32(rng.Intn(n)), Type: "r"})
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: rng.Float64() * 1000, Y: rng.Float64() * 1000}
	}
	s.SetPositions(pos)
	v := Fit(s, 700, 700, 1, 0)
	d := ComputeDensity(s, v, 2)
	ink := 0.0
	for _, l := range d.Links {
		ink += steps(l[0], l[1], l[2], l[3], v.Width, v.Height)
	}
	if ink > densityInk || len(d.Links) < 100 {
		t.Fatalf("%d links of %.0f pixel steps, want at most %d steps and some links", len(d.Links), ink, densityInk)
	}
	t.Logf("%d links, %.0f pixel steps, stride %d", len(d.Links), ink, d.Stride)
}
