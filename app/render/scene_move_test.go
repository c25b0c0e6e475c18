package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// gridCells lists each cell's items, sorted, for comparing grids whose
// cells hold the same items in another order.
func gridCells(g *grid) [][]int32 {
	out := make([][]int32, len(g.start)-1)
	for c := range out {
		out[c] = slices.Sorted(slices.Values(g.items[g.start[c]:g.start[c+1]]))
	}
	return out
}

// Moves through MoveNodes leave the grid holding each node in the cell of
// its new position (what a grid built for the same bounds holds), hit
// tests finding the moved nodes where they are now, and a snapshot taken
// before the moves unchanged.
func TestMoveNodesUpdatesGridInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 400
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i)})
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: r.Float64() * 1000, Y: r.Float64() * 1000}
	}
	s.SetPositions(pos)
	snap := s.Snapshot()
	snapPos, snapCells := slices.Clone(snap.pos), gridCells(snap.grid)
	for step := 0; step < 300; step++ {
		k := 1 + r.IntN(3)
		idx, to := make([]int32, k), make([]Point, k)
		for j := range idx {
			idx[j] = int32(r.IntN(n))
			// mostly a short drag, sometimes far, sometimes out of the
			// grid's bounds
			to[j] = Point{X: s.pos[idx[j]].X + r.NormFloat64()*30, Y: s.pos[idx[j]].Y + r.NormFloat64()*30}
			if r.IntN(10) == 0 {
				to[j] = Point{X: r.Float64()*1400 - 200, Y: r.Float64()*1400 - 200}
			}
		}
		s.MoveNodes(idx, to)
		// the cell of every node is the one of its position
		for c := 0; c+1 < len(s.grid.start); c++ {
			for _, i := range s.grid.items[s.grid.start[c]:s.grid.start[c+1]] {
				p := s.pos[i]
				if got := s.grid.cellIndex(p.X, p.Y); got != c {
					t.Fatalf("step %d: node %d in cell %d, its position is in cell %d", step, i, c, got)
				}
			}
		}
		if len(s.grid.items) != n || s.grid.start[len(s.grid.start)-1] != n {
			t.Fatalf("step %d: grid holds %d items", step, len(s.grid.items))
		}
		v := Viewport{CenterX: 500, CenterY: 500, Zoom: 0.5, Width: 800, Height: 800}
		for _, i := range idx {
			x, y := v.ToScreen(s.pos[i])
			// the nearest centre wins: the moved node's own, or one as
			// close (at the same point)
			if j, ok := NodeAt(s, v, x, y); !ok || dist(s.pos[j], s.pos[i]) > 1e-9 {
				t.Fatalf("step %d: moved node %d not found at its new place (got %d, %v)", step, i, j, ok)
			}
		}
	}
	if !slices.Equal(snap.pos, snapPos) || !slices.EqualFunc(gridCells(snap.grid), snapCells, slices.Equal) {
		t.Fatal("the snapshot saw the moves")
	}
	// the same cells as a grid built over the same bounds
	built := *s.grid
	built.start = make([]int32, len(s.grid.start))
	for i := range s.pos {
		built.start[built.cellIndex(s.pos[i].X, s.pos[i].Y)+1]++
	}
	for c := 1; c < len(built.start); c++ {
		built.start[c] += built.start[c-1]
	}
	if !slices.Equal(built.start, s.grid.start) {
		t.Fatal("cell sizes differ from a grid counted afresh")
	}
}

func dist(a, b Point) float64 { return (a.X-b.X)*(a.X-b.X) + (a.Y-b.Y)*(a.Y-b.Y) }

// dragScene is a scene of n entities spread over a square, for the drag
// benchmarks.
func dragScene(b *testing.B, n int) *Scene {
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i)})
	}
	s := NewScene(g)
	r := rand.New(rand.NewPCG(7, 7))
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: r.Float64() * 1e4, Y: r.Float64() * 1e4}
	}
	s.SetPositions(pos)
	b.ResetTimer()
	return s
}

// BenchmarkDragMoveNodes is one pointer event of a drag at 1M entities:
// one entity moved a few units (MoveNodes; a snapshot for a frame every
// 8 events, which makes the next move copy).
func BenchmarkDragMoveNodes(b *testing.B) {
	s := dragScene(b, 1_000_000)
	p := s.pos[42]
	for i := 0; i < b.N; i++ {
		if i%8 == 0 {
			s.Snapshot()
		}
		p.X += 3
		s.MoveNodes([]int32{42}, []Point{p})
	}
}

// BenchmarkDragSetPositions is the same event as before: every position
// copied and the grid built again.
func BenchmarkDragSetPositions(b *testing.B) {
	s := dragScene(b, 1_000_000)
	for i := 0; i < b.N; i++ {
		np := slices.Clone(s.pos)
		np[42].X += 3
		s.SetPositions(np)
	}
}
