package render

import (
	"fmt"
	"image"
	"image/color"
	"math/rand"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

func TestChooseLOD(t *testing.T) {
	for _, c := range []struct {
		on   int
		area float64
		want LOD
	}{
		{0, 1e5, LODEntities},
		{DensityMinEntities - 1, 100, LODEntities},      // few entities: always one by one
		{DensityMinEntities, 1e5, LODDensity},           // 20000 in 100 000 px²: 1 per 5 px²
		{50000, 1e6, LODEntities},                       // 1 per 20 px²: discs still separate
		{100000, 700 * 690, LODDensity},                 // 100k fitted in the window
		{int(DensityPerPixel*1e6) + 1, 1e6, LODDensity}, // just over the density
		{int(DensityPerPixel * 1e6), 1e6, LODEntities},  // at it
		{1000000, 700 * 690 * 4096, LODEntities},        // a million, zoomed ×64: 1 per 1.9k px²
		{DensityMinEntities, DensityMinEntities * 10, LODDensity},
	} {
		if got := ChooseLOD(c.on, c.area); got != c.want {
			t.Errorf("ChooseLOD(%d, %g) = %d, want %d", c.on, c.area, got, c.want)
		}
	}
}

// gridScene is n entities of two types ("a" on even indices, "b" on odd)
// on a square lattice of unit spacing, each joined to its right-hand
// neighbour.
func gridScene(n int) (*graph.Graph, *Scene) {
	g := graph.New(n, n)
	for i := 0; i < n; i++ {
		typ := "a"
		if i%2 == 1 {
			typ = "b"
		}
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: typ, Label: fmt.Sprint("N", i)})
	}
	side := 1
	for side*side < n {
		side++
	}
	for i := 0; i+1 < n; i++ {
		if (i+1)%side != 0 {
			g.AddEdge(graph.Edge{From: int32(i), To: int32(i + 1), Type: "r"})
		}
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: float64(i % side), Y: float64(i / side)}
	}
	s.SetPositions(pos)
	return g, s
}

func TestLODForCountsWhatIsOnScreen(t *testing.T) {
	_, s := gridScene(40000) // 200×200
	v := Fit(s, 400, 400, 1, 0)
	if got := s.CountOnScreen(v, 0); got != 40000 {
		t.Fatalf("fitted: %d on screen, want 40000", got)
	}
	if LODFor(s, v) != LODDensity {
		t.Fatal("40 000 entities in 400×400 pixels are not drawn as a density")
	}
	// zoomed ×8 about the centre: a 25×25 block
	z := v.ZoomAt(200, 200, 8)
	if got := s.CountOnScreen(z, 0); got < 500 || got > 800 {
		t.Fatalf("zoomed ×8: %d on screen, want about 625", got)
	}
	if LODFor(s, z) != LODEntities {
		t.Fatal("zoomed in, entities are still a density")
	}
	// hidden entities do not count
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = i%4 == 0
	}
	s.SetNodeVisible(vis)
	if got := s.CountOnScreen(v, 0); got != 10000 {
		t.Fatalf("a quarter visible: %d on screen", got)
	}
	if got := s.CountOnScreen(v, 100); got < 100 || got > 300 {
		t.Fatalf("limit 100: counted %d", got)
	}
}

func TestDensityTilesCountEveryVisibleEntityOnce(t *testing.T) {
	_, s := gridScene(40000)
	v := Fit(s, 300, 300, 1, 0)
	d := ComputeDensity(s, v, 2)
	sum := 0
	for _, c := range d.Count {
		sum += int(c)
	}
	on := s.CountOnScreen(v, 0)
	if sum != d.Entities || sum != on {
		t.Fatalf("tiles hold %d, Entities %d, on screen %d", sum, d.Entities, on)
	}
	// one worker and two give the same histogram
	d1 := ComputeDensity(s, v, 1)
	if !slices.Equal(d.Count, d1.Count) || !slices.Equal(d.Type, d1.Type) {
		t.Fatal("the histogram depends on the number of workers")
	}
	// entities alternate types: a full tile's dominant type is either,
	// an empty tile has none
	for k, c := range d.Count {
		if (c == 0) != (d.Type[k] < 0) {
			t.Fatalf("tile %d: count %d, type %d", k, c, d.Type[k])
		}
	}
	// only type "b" visible: every tile is "b"
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = i%2 == 1
	}
	s.SetNodeVisible(vis)
	b := int32(s.NodeType(1))
	for k, typ := range ComputeDensity(s, v, 2).Type {
		if typ >= 0 && typ != b {
			t.Fatalf("tile %d is of type %d with only type %d visible", k, typ, b)
		}
	}
}

func TestTileColorGoesFromTintToTypeColour(t *testing.T) {
	c, bg := color.NRGBA{200, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}
	if TileColor(c, bg, 0, 10) != bg {
		t.Fatal("an empty tile is not the background")
	}
	if TileColor(c, bg, 10, 10) != c {
		t.Fatalf("the fullest tile is %v, want the type's colour", TileColor(c, bg, 10, 10))
	}
	lo, mid := TileColor(c, bg, 1, 100), TileColor(c, bg, 10, 100)
	if !(lo.G > mid.G && mid.G > 0) {
		t.Fatalf("fuller tiles are not darker: 1 → %v, 10 → %v", lo, mid)
	}
}

func TestSampledRelationsNestAndKeepABudget(t *testing.T) {
	edges := make([]int32, 300000)
	for i := range edges {
		edges[i] = int32(i)
	}
	if st := strideFor(len(edges), 0, 60000); st != 8 {
		t.Fatalf("stride %d for 300 000 relations, want 8", st)
	}
	if st := strideFor(1000, 4*lodInk, 60000); st != 4 {
		t.Fatalf("stride %d for four times the ink, want 4", st)
	}
	// a sample at stride 2k is inside the sample at stride k, so zooming
	// out only removes relations
	f := &frame{s: &Scene{static: &static{src: make([]int32, len(edges)), dst: make([]int32, len(edges))}},
		sx: []float32{0}, sy: []float32{0}, w: 100, h: 100}
	f.edges = slices.Clone(edges)
	st := f.sampleEdges()
	if st != 8 || len(f.edges) != len(edges)/8 {
		t.Fatalf("stride %d, %d kept", st, len(f.edges))
	}
	for _, e := range f.edges {
		if e%8 != 0 {
			t.Fatalf("relation %d kept at stride 8", e)
		}
	}
}

// TestIndexedFrameFindsWhatTheFullPassFinds compares the entity frame of a
// big scene through the grid (indexedOnScreen) with the pass over every
// entity and relation: the same entities on screen, and the same
// relations with an end on screen.
func TestIndexedFrameFindsWhatTheFullPassFinds(t *testing.T) {
	_, s := gridScene(40000)
	rng := rand.New(rand.NewSource(1))
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = rng.Intn(5) > 0
	}
	s.SetNodeVisible(vis)
	s.SetHighlight(Highlight{Selected: 20100, Hovered: -1})
	for _, zoom := range []float64{6, 20, 80} {
		v := Fit(s, 500, 400, 1, 0).ZoomAt(170, 230, zoom)
		full, idx := &frame{s: s, v: v, sc: 1, k: v.pxPerUnit(), w: v.Width, h: v.Height}, &frame{s: s, v: v, sc: 1, k: v.pxPerUnit(), w: v.Width, h: v.Height}
		for _, f := range []*frame{full, idx} {
			f.sx, f.sy, f.sr, f.onScr = make([]float32, s.n), make([]float32, s.n), make([]float32, s.n), make([]bool, s.n)
		}
		ns := nodeStyleFor(s, v)
		full.allOnScreen(ns)
		idx.indexedOnScreen(ns)
		if !slices.Equal(full.onScr, idx.onScr) {
			t.Fatalf("zoom %g: the entities on screen differ", zoom)
		}
		// the full pass also has relations crossing the screen with both
		// ends off it; on this lattice (unit-long relations) there are
		// none
		if !slices.Equal(append(full.top, full.edges...), append(idx.top, idx.edges...)) {
			t.Fatalf("zoom %g: relations %d+%d (full) and %d+%d (indexed)", zoom, len(full.top), len(full.edges), len(idx.top), len(idx.edges))
		}
		if len(idx.edges) == 0 {
			t.Fatalf("zoom %g: no relation on screen", zoom)
		}
	}
}

// TestDensityViewPixels draws the density view of a lattice in two halves,
// type "a" on the left and "b" on the right, and checks its pixels: the
// left tiles in a's colour, the right ones in b's, nothing outside the
// lattice, and the note.
func TestDensityViewPixels(t *testing.T) {
	n := 40000
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		typ := "a"
		if i%200 >= 100 {
			typ = "b"
		}
		g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Type: typ})
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		pos[i] = Point{X: float64(i % 200), Y: float64(i / 200)}
	}
	s.SetPositions(pos)
	w, h := 400, 300
	v := Viewport{CenterX: 99.5, CenterY: 99.5, Zoom: 1.2, Width: w, Height: h, Scale: 1}
	if LODFor(s, v) != LODDensity {
		t.Fatal("not a density")
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	Render(img, s, v, Options{LOD: true, NoLabels: true})
	ca, cb := s.types[s.NodeType(0)].Style.Color, s.types[s.NodeType(100)].Style.Color
	dist := func(p color.RGBA, c color.NRGBA) int {
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		return d(p.R, c.R) + d(p.G, c.G) + d(p.B, c.B)
	}
	bg := paletteOf(Light).bg
	// a tile of a's entities is a tint of a's colour: nearer to it than
	// to b's, and well away from the background
	near := func(p color.RGBA, c color.NRGBA) bool {
		other := ca
		if c == ca {
			other = cb
		}
		return dist(p, c) < dist(p, other) && dist(p, bg) > 60
	}
	// the lattice spans x in [200-120, 200+120) and y from 150-120 on
	at := func(x, y int) color.RGBA { return img.RGBAAt(x, y) }
	for _, y := range []int{60, 100, 140} {
		if p := at(120, y); !near(p, ca) {
			t.Fatalf("left half at (120,%d) is %v, want a's colour %v", y, p, ca)
		}
		if p := at(280, y); !near(p, cb) {
			t.Fatalf("right half at (280,%d) is %v, want b's colour %v", y, p, cb)
		}
	}
	for _, p := range []image.Point{{20, 100}, {380, 100}, {200, 10}} {
		if c := at(p.X, p.Y); c.R != bg.R || c.G != bg.G || c.B != bg.B {
			t.Fatalf("outside the lattice, %v is %v", p, c)
		}
	}
	// the note's panel in the bottom-right corner is not the background
	found := false
	for x := w - 60; x < w-10 && !found; x++ {
		c := at(x, h-14)
		found = c.R != bg.R || c.G != bg.G || c.B != bg.B
	}
	if !found {
		t.Fatal("no note in the bottom-right corner")
	}
}
