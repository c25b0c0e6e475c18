package render

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// randomScene is n entities of three types at random positions in a
// 1000×1000 square, with m relations between random ends (loops and
// repeated pairs included).
func randomScene(rng *rand.Rand, n, m int) *Scene {
	g := graph.New(n, m)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: []string{"a", "b", "c"}[i%3], Label: fmt.Sprint("N", i)})
	}
	for e := 0; e < m; e++ {
		a := int32(rng.Intn(n))
		b := a
		if rng.Intn(50) > 0 {
			b = int32(rng.Intn(n))
		}
		g.AddEdge(graph.Edge{From: a, To: b, Type: "r"})
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: rng.Float64() * 1000, Y: rng.Float64() * 1000}
	}
	s.SetPositions(pos)
	return s
}

// cellRelsWant is what cellRels.each should give: the relations with an
// end in the cells of r whose index is a multiple of stride, ascending.
func cellRelsWant(s *Scene, r cellRect, stride int) []int32 {
	g := s.grid
	var want []int32
	for e := 0; e < s.m; e++ {
		if e%stride != 0 {
			continue
		}
		a, b := s.pos[s.src[e]], s.pos[s.dst[e]]
		if r.has(g, int32(g.cellIndex(a.X, a.Y))) || r.has(g, int32(g.cellIndex(b.X, b.Y))) {
			want = append(want, int32(e))
		}
	}
	return want
}

func TestCellRelationsListEachRelationOfTheCellsOnce(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	s := randomScene(rng, 3000, 12000)
	check := func(what string) {
		t.Helper()
		g := s.grid
		cr := s.cellRelations()
		for k := 0; k < 40; k++ {
			c0, r0 := rng.Intn(g.cols), rng.Intn(g.rows)
			r := cellRect{c0, min(g.cols-1, c0+rng.Intn(12)), r0, min(g.rows-1, r0+rng.Intn(12))}
			if k == 0 {
				r = cellRect{0, g.cols - 1, 0, g.rows - 1}
			}
			for _, stride := range []int{1, 2, 8, 64, 1 << 20} {
				var got []int32
				cr.each(s, g, r, stride, func(e int32) { got = append(got, e) })
				slices.Sort(got)
				want := cellRelsWant(s, r, stride)
				if !slices.Equal(got, want) {
					t.Fatalf("%s: cells %+v, stride %d: %d relations, want %d", what, r, stride, len(got), len(want))
				}
			}
			// entries counts one or two per relation
			if n, all := cr.entries(g, r), len(cellRelsWant(s, r, 1)); n < all || n > 2*all {
				t.Fatalf("%s: %d entries for %d relations", what, n, all)
			}
		}
	}
	check("built")
	// a drag moves entities to other cells: the lists follow
	snap := s.Snapshot()
	before := snap.cellRelations()
	var idx []int32
	var to []Point
	for k := 0; k < 300; k++ {
		idx = append(idx, int32(rng.Intn(s.n)))
		to = append(to, Point{X: rng.Float64() * 1000, Y: rng.Float64() * 1000})
	}
	s.MoveNodes(idx, to)
	check("moved")
	if snap.cellRelations() != before {
		t.Fatal("the snapshot's lists changed with a move after it")
	}
	s.SetPositions(to) // most entities at the origin, 300 elsewhere
	check("set")
}

// withCells lowers the sizes from which frames use the grid's cells and
// their relation lists, for the test's small scenes.
// It returns the function that restores them.
func withCells() (restore func()) {
	rf, cf := cellRelsFrom, cellsFrom
	cellRelsFrom, cellsFrom = 0, 0
	return func() { cellRelsFrom, cellsFrom = rf, cf }
}

// TestZoomedDensityReadsTheCellsOnScreenOnly compares a zoomed density
// frame computed from the grid cells on screen with the pass over every
// entity and every Stride-th relation: the same tiles, types, counts
// and relation lines.
func TestZoomedDensityReadsTheCellsOnScreenOnly(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	s := randomScene(rng, 20000, 80000)
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = rng.Intn(6) > 0
	}
	s.SetNodeVisible(vis)
	evis := make([]bool, s.m)
	for i := range evis {
		evis[i] = rng.Intn(7) > 0
	}
	s.SetEdgeVisible(evis)
	for _, zoom := range []float64{1, 3, 8, 30} {
		v := Fit(s, 600, 500, 1, 0).ZoomAt(250, 190, zoom)
		full := ComputeDensity(s, v, 2)
		func() {
			defer withCells()()
			runs, items := densityRuns(s, v)
			if zoom >= 3 && items == nil {
				t.Fatalf("zoom %g: the cells on screen were not used (%d runs)", zoom, len(runs))
			}
			cells := ComputeDensity(s, v, 2)
			if !slices.Equal(full.Count, cells.Count) || !slices.Equal(full.Type, cells.Type) ||
				full.Entities != cells.Entities || full.Max != cells.Max {
				t.Fatalf("zoom %g: the tiles differ (%d and %d entities)", zoom, full.Entities, cells.Entities)
			}
			if full.Stride != cells.Stride || !slices.Equal(full.Links, cells.Links) {
				t.Fatalf("zoom %g: relations 1 in %d: %d lines, from the cells 1 in %d: %d", zoom, full.Stride, len(full.Links), cells.Stride, len(cells.Links))
			}
			if zoom > 1 && full.Entities == 0 {
				t.Fatalf("zoom %g: nothing on screen", zoom)
			}
		}()
	}
}

// TestIndexedFrameSamplesFromTheCells checks the entity frame of a scene
// with many relations on screen read from the cells' lists: it keeps
// every visible relation with an end on screen whose index is a multiple
// of its stride, only such relations, the highlighted ones whatever
// their index, and a stride near the full pass's.
func TestIndexedFrameSamplesFromTheCells(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	s := randomScene(rng, 20000, 600000)
	s.SetHighlight(Highlight{Selected: 77, Hovered: -1})
	defer withCells()()
	for _, zoom := range []float64{1, 1.5, 2} {
		v := Fit(s, 600, 500, 1, 0).ZoomAt(300, 250, zoom)
		mk := func() *frame {
			f := &frame{s: s, v: v, sc: 1, k: v.pxPerUnit(), w: v.Width, h: v.Height}
			f.sx, f.sy, f.sr, f.onScr = make([]float32, s.n), make([]float32, s.n), make([]float32, s.n), make([]bool, s.n)
			return f
		}
		full, idx := mk(), mk()
		ns := nodeStyleFor(s, v)
		full.allOnScreen(ns)
		fullStride := full.sampleEdges()
		idx.indexedOnScreen(ns)
		if idx.preStride <= 1 {
			t.Fatalf("zoom %g: the cells' lists were not used", zoom)
		}
		st := idx.sampleEdges()
		if st < fullStride/2 || st > 2*fullStride {
			t.Fatalf("zoom %g: stride %d, the full pass's %d", zoom, st, fullStride)
		}
		kept := map[int32]bool{}
		for _, e := range idx.edges {
			if int(e)%st != 0 {
				t.Fatalf("zoom %g: relation %d kept at stride %d", zoom, e, st)
			}
			kept[e] = true
		}
		for _, e := range idx.top {
			kept[e] = true
		}
		for e := int32(0); int(e) < s.m; e++ {
			on := full.onScr[s.src[e]] || full.onScr[s.dst[e]]
			if s.edgeFlag(e)&flagNeighbor != 0 && !kept[e] && (on || full.crosses(s.src[e], s.dst[e])) {
				t.Fatalf("zoom %g: the selection's relation %d is missing", zoom, e)
			}
			if on && int(e)%st == 0 && !kept[e] {
				t.Fatalf("zoom %g: relation %d, an end on screen, is missing at stride %d", zoom, e, st)
			}
		}
		for e := range kept {
			a, b := s.src[e], s.dst[e]
			if idx.sx[a] != full.sx[a] || idx.sy[b] != full.sy[b] {
				t.Fatalf("zoom %g: relation %d's ends are not placed", zoom, e)
			}
		}
	}
}

func TestSortedUniqueIsSortAndCompact(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for _, c := range []struct{ n, m int }{{0, 10}, {100, 1000}, {5000, 6000}, {50000, 3000000}, {200000, 70000}} {
		edges := make([]int32, c.n)
		for i := range edges {
			edges[i] = int32(rng.Intn(c.m))
		}
		want := slices.Compact(slices.Sorted(slices.Values(edges)))
		if got := sortedUnique(slices.Clone(edges), c.m); !slices.Equal(got, want) {
			t.Fatalf("%d of %d: %d indices, want %d", c.n, c.m, len(got), len(want))
		}
	}
}
