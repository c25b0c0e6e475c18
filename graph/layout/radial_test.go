package layout

import (
	"context"
	"math"
	"testing"
)

func TestRadialRingsAreBFSDepth(t *testing.T) {
	g := communityGraph(400, 2.5, 4)
	// Add an unreachable pair.
	g.N += 2
	g.Src = append(g.Src, int32(g.N-2))
	g.Dst = append(g.Dst, int32(g.N-1))
	g.Size = make([]float64, g.N)
	for i := range g.Size {
		g.Size[i] = 1 + float64(i%3)
	}
	res, err := Radial(context.Background(), g, RadialOptions{Focus: 7})
	if err != nil {
		t.Fatal(err)
	}
	adj := buildCSR(g, true, true)
	dist := make([]int32, g.N)
	bfs(adj, 7, dist, nil)
	maxD := int32(0)
	for _, d := range dist {
		maxD = max(maxD, d)
	}
	for v := 0; v < g.N; v++ {
		want := dist[v]
		if want < 0 {
			want = maxD + 1
		}
		if res.Ring[v] != want {
			t.Fatalf("node %d ring %d, BFS depth %d", v, res.Ring[v], want)
		}
		r := math.Hypot(res.Pos[v].X, res.Pos[v].Y)
		if math.Abs(r-res.Radius[want]) > 1e-6*(1+r) {
			t.Fatalf("node %d at radius %v, ring %d radius %v", v, r, want, res.Radius[want])
		}
	}
	if res.Pos[7] != (Point{}) {
		t.Fatal("focus not at origin")
	}
	for k := 1; k < len(res.Radius); k++ {
		if res.Radius[k] <= res.Radius[k-1] {
			t.Fatalf("ring radii not increasing: %v", res.Radius)
		}
	}
	if o := CountOverlaps(res.Pos, g.Size, nil, LabelPlacement{}); o.NodeNode != 0 {
		t.Fatalf("%d overlapping nodes", o.NodeNode)
	}
}

func TestRadialSectorsKeepSubtreesApart(t *testing.T) {
	// A focus with two children, each with 5 leaf children: the
	// grandchildren of one child must form a contiguous angular block.
	g := &Graph{N: 13}
	add := func(a, b int) { g.Src = append(g.Src, int32(a)); g.Dst = append(g.Dst, int32(b)) }
	add(0, 1)
	add(0, 2)
	for i := 0; i < 5; i++ {
		add(1, 3+i)
		add(2, 8+i)
	}
	res, err := Radial(context.Background(), g, RadialOptions{Focus: 0})
	if err != nil {
		t.Fatal(err)
	}
	side := func(v int) float64 { // angle relative to the child 1 direction
		a := math.Atan2(res.Pos[v].Y, res.Pos[v].X) - math.Atan2(res.Pos[1].Y, res.Pos[1].X)
		a = normAngle(a)
		if a > math.Pi {
			a -= 2 * math.Pi
		}
		return math.Abs(a)
	}
	for i := 0; i < 5; i++ {
		if side(3+i) >= math.Pi/2 || side(8+i) <= math.Pi/2 {
			t.Fatalf("grandchildren not under their parent: %v %v", side(3+i), side(8+i))
		}
	}
	if _, err := Radial(context.Background(), g, RadialOptions{Focus: 99}); err == nil {
		t.Fatal("out-of-range focus accepted")
	}
	if r, _ := Radial(context.Background(), g, RadialOptions{Focus: -1}); r.Focus != 1 && r.Focus != 2 {
		t.Fatalf("default focus %d, want a degree-6 node", r.Focus)
	}
}

func TestSpreadOnCircle(t *testing.T) {
	theta := []float64{0.1, 0.1, 0.1, 3, 6.2}
	gaps := []float64{0.5, 0.5, 0.5, 0.5, 0.5}
	spreadOnCircle(theta, gaps)
	for k := range theta {
		d := normAngle(theta[(k+1)%len(theta)] - theta[k])
		if d < gaps[k]-1e-9 {
			t.Fatalf("gap %d = %v < %v (%v)", k, d, gaps[k], theta)
		}
	}
	// Full circle: gaps sum to 2π exactly.
	theta = []float64{1, 1, 1, 1}
	gaps = []float64{math.Pi / 2, math.Pi / 2, math.Pi / 2, math.Pi / 2}
	spreadOnCircle(theta, gaps)
	for k := range theta {
		d := normAngle(theta[(k+1)%4] - theta[k])
		if math.Abs(d-math.Pi/2) > 1e-9 {
			t.Fatalf("%v", theta)
		}
	}
}
