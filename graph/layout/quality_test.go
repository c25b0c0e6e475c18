package layout

import (
	"math"
	"testing"
)

func TestStressPerfectAndScaleFree(t *testing.T) {
	// A path drawn on a line at unit spacing embeds hop distances exactly.
	n := 50
	g := &Graph{N: n}
	pos := make([]Point, n)
	for i := 0; i < n; i++ {
		pos[i] = Point{float64(i), 0}
		if i > 0 {
			g.Src = append(g.Src, int32(i-1))
			g.Dst = append(g.Dst, int32(i))
		}
	}
	s, pairs := Stress(g, pos, 10, 1)
	if s > 1e-12 || pairs != 10*(n-1) {
		t.Fatalf("stress %v over %d pairs, want 0 over %d", s, pairs, 10*(n-1))
	}
	// Scaling and translating the drawing does not change stress.
	bent := make([]Point, n)
	for i := range pos {
		bent[i] = Point{float64(i), math.Sin(float64(i))}
	}
	s1, _ := Stress(g, bent, 10, 1)
	for i := range bent {
		bent[i] = Point{bent[i].X*37 + 5, bent[i].Y*37 - 2}
	}
	s2, _ := Stress(g, bent, 10, 1)
	if s1 <= 0 || math.Abs(s1-s2) > 1e-12 {
		t.Fatalf("stress not scale-free: %v vs %v", s1, s2)
	}
	// Everything at one point: the best scale is 0 and stress is 1.
	if s, _ := Stress(g, make([]Point, n), 10, 1); s != 1 {
		t.Fatalf("collapsed drawing stress %v, want 1", s)
	}
}

func TestEdgeLengthCV(t *testing.T) {
	g := &Graph{N: 4, Src: []int32{0, 1, 2, 3}, Dst: []int32{1, 2, 3, 3}} // last is a self-loop
	pos := []Point{{0, 0}, {1, 0}, {1, 1}, {1, 4}}
	// lengths 1, 1, 3: mean 5/3, variance (1+1+9)/3 - 25/9 = 8/9
	want := math.Sqrt(8.0/9) / (5.0 / 3)
	if got := EdgeLengthCV(g, pos); math.Abs(got-want) > 1e-12 {
		t.Fatalf("CV %v, want %v", got, want)
	}
	if EdgeLengthCV(&Graph{N: 1}, []Point{{}}) != 0 {
		t.Fatal("no edges should give 0")
	}
}

func TestMeasure(t *testing.T) {
	g := randomGraph(200, 400, 3)
	pos := RandomPositions(g.N, 3)
	labels := make([]Size, g.N)
	for i := range labels {
		labels[i] = Size{30, 5}
	}
	q := Measure(g, pos, QualityOptions{Labels: labels, StressSources: 8})
	o := CountOverlaps(pos, g.Radii(), labels, LabelPlacement{})
	if q.NodeOverlaps != o.NodeNode || q.LabelOverlaps != o.LabelLabel || q.LabelNodeOverlaps != o.LabelNode {
		t.Fatalf("%+v vs %+v", q, o)
	}
	if q.StressPairs == 0 || q.Stress <= 0 || q.Stress >= 1 || q.EdgeLengthCV <= 0 {
		t.Fatalf("%+v", q)
	}
}
