package layout

import (
	"math"
	"testing"
)

func TestCircularGroupsAndNoOverlap(t *testing.T) {
	g := randomGraph(60, 120, 1)
	g.Group = make([]int32, g.N)
	g.Size = make([]float64, g.N)
	for i := range g.Group {
		g.Group[i] = int32((i * 7) % 3)
		g.Size[i] = 1 + float64(i%4)*2
	}
	g.Size[5] = 30 // one big node next to small ones
	for _, byDeg := range []bool{false, true} {
		pos := mustCircular(t, g, CircularOptions{ByDegree: byDeg})
		if o := CountOverlaps(pos, g.Size, nil, LabelPlacement{}); o.NodeNode != 0 {
			t.Fatalf("byDegree=%v: %d overlaps", byDeg, o.NodeNode)
		}
		// All on one circle around the origin.
		r0 := math.Hypot(pos[0].X, pos[0].Y)
		for i, p := range pos {
			if r := math.Hypot(p.X, p.Y); math.Abs(r-r0) > 1e-9*r0 {
				t.Fatalf("node %d at radius %v, want %v", i, r, r0)
			}
		}
		// Each group occupies one contiguous arc: walking around the
		// circle, the group changes exactly once per group.
		type ang struct {
			a float64
			g int32
		}
		as := make([]ang, g.N)
		for i, p := range pos {
			as[i] = ang{normAngle(math.Atan2(p.Y, p.X)), g.Group[i]}
		}
		sortAngs := func() {
			for i := 1; i < len(as); i++ {
				for j := i; j > 0 && as[j].a < as[j-1].a; j-- {
					as[j], as[j-1] = as[j-1], as[j]
				}
			}
		}
		sortAngs()
		changes := 0
		for i := range as {
			if as[i].g != as[(i+1)%len(as)].g {
				changes++
			}
		}
		if changes != 3 {
			t.Fatalf("byDegree=%v: %d group changes around the circle, want 3", byDeg, changes)
		}
	}
}

func TestCircularSmall(t *testing.T) {
	if p := mustCircular(t, &Graph{N: 1}, CircularOptions{}); p[0] != (Point{}) {
		t.Fatal(p)
	}
	p := mustCircular(t, &Graph{N: 2}, CircularOptions{})
	d := math.Hypot(p[0].X-p[1].X, p[0].Y-p[1].Y)
	if d < 2 || d > 4 {
		t.Fatalf("two nodes %v apart", d)
	}
	if len(mustCircular(t, &Graph{}, CircularOptions{})) != 0 {
		t.Fatal("empty")
	}
}

func TestCircularByDegreeOrder(t *testing.T) {
	// Star: node 3 is the hub; by degree it comes first (angle 0).
	g := &Graph{N: 5, Src: []int32{3, 3, 3, 3}, Dst: []int32{0, 1, 2, 4}}
	p := mustCircular(t, g, CircularOptions{ByDegree: true})
	if math.Abs(p[3].Y) > 1e-9 || p[3].X <= 0 {
		t.Fatalf("hub at %v, want angle 0", p[3])
	}
}
