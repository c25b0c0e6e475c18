package render

import (
	"image"
	"image/color"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// worldDensityWant bins s's visible entities into d's tiles by their
// world tile (the tile containing world x at tile/k world units a tile),
// the first of d's columns and rows being the world tile that starts at
// (OffX, OffY) on screen.
func worldDensityWant(s *Scene, v Viewport, d *Density) []int32 {
	k := v.pxPerUnit()
	bx := int(math.Floor(float64(v.Width)/2 - v.CenterX*k + 0.5))
	by := int(math.Floor(float64(v.Height)/2 - v.CenterY*k + 0.5))
	cs, rs := (d.OffX-bx)/d.Tile, (d.OffY-by)/d.Tile
	tw := float64(d.Tile) / k
	want := make([]int32, d.Cols*d.Rows)
	for i := int32(0); int(i) < s.n; i++ {
		if !s.NodeVisible(i) {
			continue
		}
		tx, ty := worldTileOf(s.pos[i].X, tw)-cs, worldTileOf(s.pos[i].Y, tw)-rs
		if tx >= 0 && ty >= 0 && tx < d.Cols && ty < d.Rows {
			want[ty*d.Cols+tx]++
		}
	}
	return want
}

// Panning a big scene reads the density tiles fixed to the world that
// the first frame at that zoom computed: the same counts as binning the
// entities afresh, the tiles shifted with the view; moving entities or
// changing what is visible computes them again; zoomed in far, frames
// bin the screen's tiles as before.
func TestDensityTilesStayFixedToTheWorldAcrossPans(t *testing.T) {
	defer withCells()()
	rng := rand.New(rand.NewSource(13))
	s := randomScene(rng, 30000, 30000)
	vis := make([]bool, s.n)
	for i := range vis {
		vis[i] = rng.Intn(5) > 0
	}
	s.SetNodeVisible(vis)
	check := func(what string, v Viewport) *Density {
		t.Helper()
		d := densityFor(s.Snapshot(), v, 2)
		if d.OffX > 0 || d.OffX <= -d.Tile || d.OffY > 0 || d.OffY <= -d.Tile {
			t.Fatalf("%s: tiles start at (%d, %d), tile %d", what, d.OffX, d.OffY, d.Tile)
		}
		if d.OffX+d.Cols*d.Tile < v.Width || d.OffY+d.Rows*d.Tile < v.Height {
			t.Fatalf("%s: the tiles do not cover the image", what)
		}
		if want := worldDensityWant(s, v, d); !slices.Equal(d.Count, want) {
			t.Fatalf("%s: the tiles differ from the entities binned afresh", what)
		}
		sum := 0
		for k, c := range d.Count {
			sum += int(c)
			if (c == 0) != (d.Type[k] < 0) {
				t.Fatalf("%s: tile %d holds %d, type %d", what, k, c, d.Type[k])
			}
		}
		if sum != d.Entities {
			t.Fatalf("%s: tiles hold %d, Entities %d", what, sum, d.Entities)
		}
		return d
	}
	fit := Fit(s, 600, 500, 1, 0)
	if d := check("fitted", fit); d.Entities != s.visibleCount() {
		t.Fatalf("fitted: %d entities in the tiles, %d visible", d.Entities, s.visibleCount())
	}
	w := s.grid.dens.levels
	if len(w) != 1 {
		t.Fatalf("%d zooms cached after one frame", len(w))
	}
	first := w[0]
	for k := 0; k < 10; k++ {
		v := fit
		v.CenterX += (rng.Float64() - 0.5) * 400
		v.CenterY += (rng.Float64() - 0.5) * 400
		check("panned", v)
	}
	if l := s.grid.dens.levels; len(l) != 1 || l[0] != first {
		t.Fatalf("the pans computed the tiles again (%d zooms cached)", len(l))
	}
	// a zoom of its own, then back: both kept
	check("×2", fit.ZoomAt(300, 250, 2))
	check("fitted again", fit)
	if l := s.grid.dens.levels; len(l) != 2 || l[0] != first {
		t.Fatalf("after zooming back: %d zooms cached, the first reused %v", len(l), l[0] == first)
	}
	// moved entities are counted where they are now
	var idx []int32
	var to []Point
	for k := 0; k < 2000; k++ {
		idx = append(idx, int32(rng.Intn(s.n)))
		to = append(to, Point{X: rng.Float64() * 100, Y: rng.Float64() * 100})
	}
	s.MoveNodes(idx, to)
	check("moved", fit)
	// other entities visible
	for i := range vis {
		vis[i] = !vis[i]
	}
	s.SetNodeVisible(vis)
	check("others visible", fit)
	// zoomed in far: too many world tiles; the screen's, as ComputeDensity
	z := fit.ZoomAt(300, 250, 8)
	d, want := densityFor(s, z, 2), ComputeDensity(s, z, 2)
	if d.OffX != 0 || d.OffY != 0 || !slices.Equal(d.Count, want.Count) || !slices.Equal(d.Type, want.Type) {
		t.Fatal("zoomed ×8: not the screen's tiles")
	}
}

// drawDensityTiles stores opaque tiles instead of blending them: the
// blend of an opaque colour at full coverage is that colour, whatever was
// under it.
func TestOpaqueBlendIsAStore(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	img := &canvas{img: image.NewRGBA(image.Rect(0, 0, 1, 1))}
	for k := 0; k < 2000; k++ {
		c := premul(color.NRGBA{uint8(rng.Intn(256)), uint8(rng.Intn(256)), uint8(rng.Intn(256)), 255})
		for j := range img.img.Pix {
			img.img.Pix[j] = uint8(rng.Intn(256))
		}
		img.blend(0, c, 255)
		if got := img.img.Pix; got[0] != uint8(c.r) || got[1] != uint8(c.g) || got[2] != uint8(c.b) || got[3] != 255 {
			t.Fatalf("blend of %v gave %v", c, got)
		}
	}
}

// Colouring the entities (a measure's partition: SetColours) colours the
// density view too: each tile takes the commonest colour drawn in it, not
// the commonest type; the world tiles cached for the type colours are not
// reused; clearing the colours brings the types back. Many distinct
// colours are grouped into at most densityClassesMost classes.
func TestDensityTilesTakeTheEntitiesColours(t *testing.T) {
	defer withCells()()
	rng := rand.New(rand.NewSource(29))
	s := randomScene(rng, 30000, 30000)
	fit := Fit(s, 600, 500, 1, 0)
	tileColours := func(what string) map[color.NRGBA]int {
		t.Helper()
		seen := map[color.NRGBA]int{}
		for _, d := range []*Density{densityFor(s.Snapshot(), fit, 2), ComputeDensity(s, fit, 2)} {
			for k, c := range d.Count {
				if c > 0 {
					seen[s.densityColour(d.Type[k])] += int(c)
				}
			}
		}
		return seen
	}
	typeColours := map[color.NRGBA]bool{}
	for _, ty := range s.types {
		typeColours[ty.Style.Color] = true
	}
	for c := range tileColours("types") {
		if !typeColours[c] {
			t.Fatalf("types: a tile in %v, no type's colour", c)
		}
	}
	// two communities: even entities red, odd ones teal
	red, teal := color.NRGBA{200, 30, 30, 255}, color.NRGBA{20, 160, 150, 255}
	fills := make([]color.NRGBA, s.n)
	for i := range fills {
		fills[i] = red
		if i%2 == 1 {
			fills[i] = teal
		}
	}
	s.SetColours(fills)
	got := tileColours("communities")
	if len(got) != 2 || got[red] == 0 || got[teal] == 0 {
		t.Fatalf("communities: tiles in %v, want red and teal only", got)
	}
	// every entity its own colour: grouped, never more classes than kept
	for i := range fills {
		fills[i] = color.NRGBA{uint8(rng.Intn(256)), uint8(rng.Intn(256)), uint8(rng.Intn(256)), 255}
	}
	s.SetColours(fills)
	if _, n := s.densityClasses(); n > densityClassesMost {
		t.Fatalf("%d colour classes", n)
	}
	if len(tileColours("random")) < 8 {
		t.Fatal("random colours: the tiles show hardly any of them")
	}
	s.SetColours(nil)
	for c := range tileColours("types again") {
		if !typeColours[c] {
			t.Fatalf("colours cleared: a tile in %v, no type's colour", c)
		}
	}
}
