package render_test

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// smallGraph builds n nodes of the given types and relations from the pairs.
func smallGraph(t testing.TB, types []string, pairs ...[2]int32) *graph.Graph {
	t.Helper()
	g := graph.New(len(types), len(pairs))
	for i, ty := range types {
		if _, err := g.AddNode(graph.Node{ID: string(rune('a' + i)), Type: ty, Label: "N" + string(rune('a'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pairs {
		if _, err := g.AddEdge(graph.Edge{From: p[0], To: p[1], Type: "rel"}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func near(c color.Color, want color.NRGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { v := int(x>>8) - int(y); return v <= tol && v >= -tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func TestNodesAreDrawnInTheirTypeColour(t *testing.T) {
	g := smallGraph(t, []string{"company", "regulator"})
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -10, Y: 0}, {X: 10, Y: 0}})
	v := render.Viewport{Zoom: 3, Width: 200, Height: 100}
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	render.Render(img, s, v, render.Options{NoLabels: true})
	for i, ty := range []string{"company", "regulator"} {
		if c := discPixel(img, s, v, int32(i)); !near(c, graph.StyleForType(ty).Color, 2) {
			t.Errorf("%s node centre is %v, want %v", ty, c, graph.StyleForType(ty).Color)
		}
	}
	if c := img.At(100, 90); !near(c, color.NRGBA{255, 255, 255, 255}, 0) {
		t.Errorf("background is %v, want white", c)
	}
}

func TestThemesAndTransparency(t *testing.T) {
	g := smallGraph(t, []string{"person"})
	s := render.NewScene(g)
	img := image.NewRGBA(image.Rect(0, 0, 50, 50))
	v := render.Viewport{Zoom: 1, Width: 50, Height: 50}
	render.Render(img, s, v, render.Options{Theme: render.Dark})
	r, gg, b, _ := img.At(1, 1).RGBA()
	if r>>8 > 60 || gg>>8 > 60 || b>>8 > 60 {
		t.Errorf("dark background is %v", img.At(1, 1))
	}
	render.Render(img, s, v, render.Options{Transparent: true})
	if _, _, _, a := img.At(1, 1).RGBA(); a != 0 {
		t.Errorf("transparent background has alpha %d", a)
	}
}

func TestParallelRelationsAreDistinctArcs(t *testing.T) {
	// two fines from the same regulator: a vertical scan through the
	// middle must cross two separate strokes
	g := smallGraph(t, []string{"regulator", "company"}, [2]int32{0, 1}, [2]int32{0, 1})
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -100, Y: 0}, {X: 100, Y: 0}})
	v := render.Viewport{Zoom: 2, Width: 500, Height: 300}
	img := image.NewRGBA(image.Rect(0, 0, 500, 300))
	render.Render(img, s, v, render.Options{NoLabels: true, NoEdgeLabels: true})
	runs, in := 0, false
	for y := 0; y < 300; y++ {
		r, gg, b, _ := img.At(250, y).RGBA()
		ink := min(r, gg, b)>>8 < 230
		if ink && !in {
			runs++
		}
		in = ink
	}
	if runs != 2 {
		t.Errorf("scan through the middle crosses %d strokes, want 2", runs)
	}
	// a single relation is one straight stroke
	g1 := smallGraph(t, []string{"regulator", "company"}, [2]int32{0, 1})
	s1 := render.NewScene(g1)
	s1.SetPositions(s.Positions())
	render.Render(img, s1, v, render.Options{NoLabels: true, NoEdgeLabels: true})
	darkest := uint32(255)
	for y := 147; y <= 153; y++ {
		r, gg, b, _ := img.At(250, y).RGBA()
		darkest = min(darkest, min(r, gg, b)>>8)
	}
	if darkest > 215 {
		t.Errorf("single relation not drawn through the centre (darkest %d)", darkest)
	}
}

func TestViewportMapping(t *testing.T) {
	v := render.Viewport{CenterX: 5, CenterY: -3, Zoom: 2.5, Width: 640, Height: 480, Scale: 2}
	p := render.Point{X: 17, Y: 4}
	x, y := v.ToScreen(p)
	if q := v.ToWorld(x, y); math.Abs(q.X-p.X) > 1e-9 || math.Abs(q.Y-p.Y) > 1e-9 {
		t.Errorf("round trip %v -> %v", p, q)
	}
	if x, y := v.ToScreen(render.Point{X: 5, Y: -3}); x != 320 || y != 240 {
		t.Errorf("centre maps to %v,%v", x, y)
	}
	z := v.ZoomAt(100, 50, 1.7)
	before := v.ToWorld(100, 50)
	after := z.ToWorld(100, 50)
	if math.Abs(before.X-after.X) > 1e-9 || math.Abs(before.Y-after.Y) > 1e-9 || math.Abs(z.Zoom-v.Zoom*1.7) > 1e-9 {
		t.Errorf("ZoomAt moved the anchor: %v -> %v (zoom %v)", before, after, z.Zoom)
	}
}

func TestFitShowsEveryNode(t *testing.T) {
	g, s := fixture(t)
	for _, sc := range []float64{1, 2} {
		v := render.Fit(s, 800, 500, sc, 20)
		for i := 0; i < g.NodeCount(); i++ {
			x, y := v.ToScreen(s.Positions()[i])
			m := 20 * sc
			if x < m-1 || y < m-1 || x > 800-m+1 || y > 500-m+1 {
				t.Fatalf("scale %v: node %d at %v,%v outside the margin", sc, i, x, y)
			}
		}
	}
}

func randomScene(t testing.TB, n, m int, seed uint64) (*graph.Graph, *render.Scene) {
	r := rand.New(rand.NewPCG(seed, 1))
	g := graph.New(n, m)
	types := []string{"company", "person", "ngo", "regulator"}
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: "n" + itoa(i), Type: types[i%4], Label: "Entity " + itoa(i)})
	}
	for e := 0; e < m; e++ {
		a := int32(r.IntN(n))
		b := int32((int(a) + 1 + r.IntN(20)) % n) // mostly local relations
		g.AddEdge(graph.Edge{From: a, To: b, Type: "rel"})
	}
	s := render.NewScene(g)
	side := 10 * math.Sqrt(float64(n))
	pos := make([]render.Point, n)
	for i := range pos {
		pos[i] = render.Point{X: r.Float64() * side, Y: r.Float64() * side}
	}
	s.SetPositions(pos)
	return g, s
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestNodeAtFindsTheNodeUnderThePointer(t *testing.T) {
	_, s := randomScene(t, 100000, 0, 3)
	v := render.Fit(s, 1920, 1080, 1, 10)
	v = v.ZoomAt(960, 540, 10) // close enough that nodes are apart
	hits := 0
	for i := int32(0); i < 100000 && hits < 2000; i++ {
		x, y := v.ToScreen(s.Positions()[i])
		if x < 0 || y < 0 || x > 1920 || y > 1080 {
			continue
		}
		got, ok := render.NodeAt(s, v, x, y)
		if !ok {
			t.Fatalf("no node at node %d's centre", i)
		}
		// another node may share the pixel; it must be as close
		if got != i {
			p, q := s.Positions()[i], s.Positions()[got]
			if d := math.Hypot(p.X-q.X, p.Y-q.Y) * v.Zoom; d > 1 {
				t.Fatalf("NodeAt at node %d's centre gave %d, %v px away", i, got, d)
			}
		}
		hits++
	}
	if hits < 100 {
		t.Fatalf("only %d nodes on screen", hits)
	}
	if _, ok := render.NodeAt(s, v, -5000, -5000); ok {
		t.Error("hit far outside the graph")
	}
	vis := make([]bool, 100000)
	s.SetNodeVisible(vis)
	x, y := v.ToScreen(s.Positions()[0])
	if i, ok := render.NodeAt(s, v, x, y); ok {
		t.Errorf("hit hidden node %d", i)
	}
}

func TestEdgeAtFollowsArcs(t *testing.T) {
	g := smallGraph(t, []string{"regulator", "company"}, [2]int32{0, 1}, [2]int32{0, 1})
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -100, Y: 0}, {X: 100, Y: 0}})
	v := render.Viewport{Zoom: 2, Width: 500, Height: 300}
	var found []int32
	for y := 0.0; y < 300; y++ {
		if e, ok := render.EdgeAt(s, v, 250, y, 2); ok && (len(found) == 0 || found[len(found)-1] != e) {
			found = append(found, e)
		}
	}
	if len(found) != 2 || found[0] == found[1] {
		t.Errorf("relations found along the middle: %v, want both arcs", found)
	}
	if _, ok := render.EdgeAt(s, v, 250, 5, 2); ok {
		t.Error("relation found far from both arcs")
	}
}

func TestWorkersDoNotChangeThePicture(t *testing.T) {
	_, s := fixture(t)
	v := render.Fit(s, 700, 450, 1, 20)
	a := image.NewRGBA(image.Rect(0, 0, 700, 450))
	b := image.NewRGBA(image.Rect(0, 0, 700, 450))
	render.Render(a, s, v, render.Options{Workers: 1, Legend: true})
	render.Render(b, s, v, render.Options{Workers: 7, Legend: true})
	for i := range a.Pix {
		if a.Pix[i] != b.Pix[i] {
			t.Fatalf("byte %d differs between 1 and 7 workers", i)
		}
	}
}

func TestRenderIntoOffsetImage(t *testing.T) {
	_, s := fixture(t)
	v := render.Fit(s, 300, 200, 1, 10)
	whole := image.NewRGBA(image.Rect(0, 0, 300, 200))
	render.Render(whole, s, v, render.Options{})
	off := image.NewRGBA(image.Rect(50, 60, 350, 260))
	render.Render(off, s, v, render.Options{})
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			if whole.RGBAAt(x, y) != off.RGBAAt(x+50, y+60) {
				t.Fatalf("pixel %d,%d differs when dst starts at (50,60)", x, y)
			}
		}
	}
}

func TestSnapshotRendersWhileTheSceneChanges(t *testing.T) {
	g, s := fixture(t)
	v := render.Fit(s, 400, 300, 1, 10)
	snap := s.Snapshot()
	want := image.NewRGBA(image.Rect(0, 0, 400, 300))
	render.Render(want, snap, v, render.Options{})
	var wg sync.WaitGroup
	got := image.NewRGBA(image.Rect(0, 0, 400, 300))
	wg.Add(1)
	go func() {
		defer wg.Done()
		render.Render(got, snap, v, render.Options{})
	}()
	for i := int32(0); i < int32(g.NodeCount()); i++ {
		s.SetHighlight(render.Highlight{Selected: i, Hovered: -1, Dim: true})
		s.SetPositions(make([]render.Point, g.NodeCount()))
	}
	wg.Wait()
	for i := range got.Pix {
		if got.Pix[i] != want.Pix[i] {
			t.Fatal("snapshot rendering changed when the original scene did")
		}
	}
}

func TestDimFadesUnrelatedEntities(t *testing.T) {
	g := smallGraph(t, []string{"company", "regulator", "ngo"}, [2]int32{1, 0})
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: 0, Y: 0}, {X: 30, Y: 0}, {X: 0, Y: 30}})
	v := render.Viewport{CenterX: 15, CenterY: 15, Zoom: 2, Width: 200, Height: 200}
	s.SetHighlight(render.Highlight{Selected: 0, Hovered: -1, Dim: true})
	img := image.NewRGBA(image.Rect(0, 0, 200, 200))
	render.Render(img, s, v, render.Options{NoLabels: true})
	at := func(i int) color.Color { return discPixel(img, s, v, int32(i)) }
	if !near(at(1), graph.StyleForType("regulator").Color, 3) {
		t.Errorf("neighbour of the selection was dimmed: %v", at(1))
	}
	if near(at(2), graph.StyleForType("ngo").Color, 30) {
		t.Errorf("unrelated entity not dimmed: %v", at(2))
	}
}

func TestRenderToleratesBadInput(t *testing.T) {
	g := smallGraph(t, []string{"company", "person"}, [2]int32{0, 1}, [2]int32{0, 0})
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: math.NaN(), Y: math.Inf(1)}}) // short and non-finite
	s.SetHighlight(render.Highlight{Selected: 99, Hovered: -7, PathNodes: []int32{-1, 5}, PathEdges: []int32{42}})
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for _, v := range []render.Viewport{{}, {Zoom: math.NaN(), Width: 64, Height: 64}, {Zoom: 1e300, Width: 64, Height: 64, Scale: -1}, {Zoom: 1, Width: 1 << 20, Height: 1}} {
		render.Render(img, s, v, render.Options{})
	}
	render.Render(nil, s, render.Viewport{Width: 1, Height: 1}, render.Options{})
	empty := render.NewScene(graph.New(0, 0))
	render.Render(img, empty, render.Fit(empty, 64, 64, 1, 4), render.Options{Legend: true, Title: "empty"})
}

func TestSelfLoopsAreDrawn(t *testing.T) {
	g := smallGraph(t, []string{"person"}, [2]int32{0, 0})
	s := render.NewScene(g)
	v := render.Viewport{Zoom: 4, Width: 100, Height: 100}
	img := image.NewRGBA(image.Rect(0, 0, 100, 100))
	render.Render(img, s, v, render.Options{NoLabels: true})
	plain := render.NewScene(smallGraph(t, []string{"person"}))
	img2 := image.NewRGBA(image.Rect(0, 0, 100, 100))
	render.Render(img2, plain, v, render.Options{NoLabels: true})
	diff := 0
	for i := range img.Pix {
		if img.Pix[i] != img2.Pix[i] {
			diff++
		}
	}
	if diff < 20 {
		t.Errorf("self-loop changed only %d bytes", diff)
	}
}

// discPixel is a pixel of entity i's disc clear of its type icon: three
// quarters of the radius left of the centre.
func discPixel(img image.Image, s *render.Scene, v render.Viewport, i int32) color.Color {
	x, y := v.ToScreen(s.Positions()[i])
	r := render.ScreenRadius(s, v, i)
	return img.At(int(x-0.75*r), int(y))
}
