package layout

import (
	"context"
	"math"
	"runtime"
	"testing"
)

func runFA2(t *testing.T, g *Graph, s FA2Settings, seed uint64, iters int) []Point {
	t.Helper()
	f, err := NewFA2(g, FA2Options{Settings: &s, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	f.Run(context.Background(), iters)
	return f.Positions()
}

func samePoints(a, b []Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i].X) != math.Float64bits(b[i].X) || math.Float64bits(a[i].Y) != math.Float64bits(b[i].Y) {
			return false
		}
	}
	return true
}

func TestFA2DeterministicAcrossGOMAXPROCS(t *testing.T) {
	g := communityGraph(3000, 4, 3)
	variants := map[string]func(*FA2Settings){
		"inferred": func(*FA2Settings) {},
		"exact":    func(s *FA2Settings) { s.BarnesHut = false },
		"linlog-hubs-sizes": func(s *FA2Settings) {
			s.LinLog, s.DissuadeHubs, s.AdjustSizes = true, true, true
		},
		"per-node": func(s *FA2Settings) { s.Speed = SpeedPerNode },
	}
	for name, mod := range variants {
		t.Run(name, func(t *testing.T) {
			g := g
			if name == "exact" {
				g = communityGraph(800, 4, 3) // O(n²) per step
			}
			s := InferFA2Settings(g.N)
			s.BarnesHut = g.N > 2000
			mod(&s)
			prev := runtime.GOMAXPROCS(1)
			a := runFA2(t, g, s, 9, 15)
			runtime.GOMAXPROCS(2)
			b := runFA2(t, g, s, 9, 15)
			runtime.GOMAXPROCS(4)
			c := runFA2(t, g, s, 9, 15)
			runtime.GOMAXPROCS(prev)
			if !samePoints(a, b) || !samePoints(a, c) {
				t.Fatal("positions differ between GOMAXPROCS 1, 2 and 4")
			}
			d := runFA2(t, g, s, 10, 15)
			if samePoints(a, d) {
				t.Fatal("different seeds gave identical positions")
			}
			for _, p := range a {
				if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
					t.Fatal("non-finite position")
				}
			}
		})
	}
}

func TestFA2BarnesHutCloseToExact(t *testing.T) {
	// Repulsion alone, on a random graph's random layout and on a
	// clustered FA2 layout; the tolerances are per theta.
	g := randomGraph(3000, 6000, 5)
	f, _ := NewFA2(g, FA2Options{Seed: 2})
	layouts := map[string][]Point{"random": f.Positions()}
	f.Run(context.Background(), 60)
	layouts["clustered"] = f.Positions()
	for name, pos := range layouts {
		for _, c := range []struct{ theta, tol float64 }{{0.3, 0.002}, {0.5, 0.005}, {0.8, 0.012}, {1.2, 0.04}} {
			var tree bhTree
			tree.build(pos, f.mass, nil)
			bh := make([]Point, g.N)
			for k := int32(0); k < int32(g.N); k++ {
				x, y := tree.bhRepulse(k, c.theta*c.theta, false)
				bh[tree.id[k]] = Point{x, y}
			}
			var num, den float64
			for i := range pos {
				ex, ey := exactRepulse(i, pos, f.mass, nil, false)
				dx, dy := bh[i].X-ex, bh[i].Y-ey
				num += dx*dx + dy*dy
				den += ex*ex + ey*ey
			}
			rel := math.Sqrt(num / den)
			t.Logf("%s layout, theta %.1f: relative RMS repulsion error %.4f", name, c.theta, rel)
			if rel > c.tol {
				t.Errorf("%s layout, theta %.1f: Barnes-Hut error %.4f > %.3f", name, c.theta, rel, c.tol)
			}
		}
	}
}

func TestFA2Pinning(t *testing.T) {
	g := communityGraph(500, 4, 1)
	pinned := make([]bool, g.N)
	init := RandomPositions(g.N, 3)
	for i := 0; i < g.N; i += 7 {
		pinned[i] = true
	}
	f, err := NewFA2(g, FA2Options{Seed: 3, Initial: init, Pinned: pinned})
	if err != nil {
		t.Fatal(err)
	}
	f.Run(context.Background(), 30)
	f.SetPosition(1, Point{1234, -567})
	f.SetPinned(1, true)
	f.Run(context.Background(), 30)
	moved := 0
	for i := range init {
		p := f.Position(i)
		switch {
		case i == 1:
			if p != (Point{1234, -567}) {
				t.Fatalf("dragged node moved to %v", p)
			}
		case pinned[i]:
			if p != init[i] {
				t.Fatalf("pinned node %d moved", i)
			}
		case p != init[i]:
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no free node moved")
	}
	f.SetPinned(1, false)
	f.Step()
	if f.Position(1) == (Point{1234, -567}) {
		t.Fatal("released node did not move")
	}
}

func TestFA2Grow(t *testing.T) {
	full := communityGraph(1200, 4, 8)
	// The first 1000 nodes and the edges among them.
	part := &Graph{N: 1000}
	for e := range full.Src {
		if full.Src[e] < 1000 && full.Dst[e] < 1000 {
			part.Src = append(part.Src, full.Src[e])
			part.Dst = append(part.Dst, full.Dst[e])
		}
	}
	// Plus one new node attached to nothing, to test the fallback.
	full.N++
	f, err := NewFA2(part, FA2Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	f.Run(context.Background(), 50)
	before := f.Positions()
	if err := f.Grow(full); err != nil {
		t.Fatal(err)
	}
	if f.N() != full.N {
		t.Fatalf("N = %d", f.N())
	}
	for i := range before {
		if f.Position(i) != before[i] {
			t.Fatalf("existing node %d moved on Grow", i)
		}
	}
	// New nodes start near their neighbours: closer to them than a random
	// node is.
	var nearSum, randSum float64
	cnt := 0
	for e := range full.Src {
		s, d := int(full.Src[e]), int(full.Dst[e])
		if (s >= 1000) != (d >= 1000) {
			ps, pd := f.Position(s), f.Position(d)
			nearSum += math.Hypot(ps.X-pd.X, ps.Y-pd.Y)
			pr := f.Position((s*7919 + 13) % 1000)
			randSum += math.Hypot(ps.X-pr.X, ps.Y-pr.Y)
			cnt++
		}
	}
	if cnt == 0 || nearSum > 0.5*randSum {
		t.Fatalf("new nodes not near neighbours: mean %.1f vs random %.1f (%d edges)", nearSum/float64(cnt), randSum/float64(cnt), cnt)
	}
	box := emptyBox
	for _, p := range before {
		box = box.union(bbox{p.X, p.Y, p.X, p.Y})
	}
	lone := f.Position(full.N - 1)
	if lone.X < box.minX || lone.X > box.maxX || lone.Y < box.minY || lone.Y > box.maxY {
		t.Fatalf("isolated new node %v outside the layout box", lone)
	}
	f.Run(context.Background(), 5)
	for i := 0; i < f.N(); i++ {
		if p := f.Position(i); math.IsNaN(p.X) || math.IsNaN(p.Y) {
			t.Fatal("NaN after growth")
		}
	}
	if err := f.Grow(part); err == nil {
		t.Fatal("shrinking was accepted")
	}
}

func TestFA2ImprovesStress(t *testing.T) {
	g := communityGraph(2000, 4, 6)
	start := RandomPositions(g.N, 1)
	s0, _ := Stress(g, start, 16, 1)
	for _, mode := range []SpeedMode{SpeedGlobal, SpeedPerNode} {
		s := InferFA2Settings(g.N)
		s.BarnesHut = true
		s.Speed = mode
		pos := runFA2(t, g, s, 1, 200)
		st, _ := Stress(g, pos, 16, 1)
		cv := EdgeLengthCV(g, pos)
		t.Logf("%v: stress %.3f (random %.3f), edge CV %.3f", mode, st, s0, cv)
		if st > 0.6*s0 {
			t.Errorf("%v: stress %.3f not well below random %.3f", mode, st, s0)
		}
	}
}

func TestFA2AdjustSizesSeparates(t *testing.T) {
	g := communityGraph(300, 3, 2)
	g.Size = make([]float64, g.N)
	for i := range g.Size {
		g.Size[i] = 2 + float64(i%5)
	}
	s := InferFA2Settings(g.N)
	plain := runFA2(t, g, s, 1, 300)
	s.AdjustSizes = true
	adj := runFA2(t, g, s, 1, 300)
	o1 := CountOverlaps(plain, g.Size, nil, LabelPlacement{})
	o2 := CountOverlaps(adj, g.Size, nil, LabelPlacement{})
	t.Logf("node overlaps: plain %d, adjustSizes %d", o1.NodeNode, o2.NodeNode)
	if o2.NodeNode >= o1.NodeNode && o1.NodeNode > 0 {
		t.Errorf("AdjustSizes did not reduce overlaps: %d -> %d", o1.NodeNode, o2.NodeNode)
	}
}

func TestFA2Validation(t *testing.T) {
	if _, err := NewFA2(&Graph{N: 2, Src: []int32{0}, Dst: []int32{5}}, FA2Options{}); err == nil {
		t.Error("edge out of range accepted")
	}
	s := InferFA2Settings(10)
	s.SlowDown = 0
	if _, err := NewFA2(&Graph{N: 2}, FA2Options{Settings: &s}); err == nil {
		t.Error("SlowDown 0 accepted")
	}
	f, err := NewFA2(&Graph{}, FA2Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.Run(context.Background(), 3) // empty graph is fine
}
