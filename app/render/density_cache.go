package render

import (
	"math"
	"sync"
)

// Density tiles fixed to the world, kept between frames (the window's
// pans on big scenes).
//
// ComputeDensity bins the entities into tiles of the screen: every frame
// is a pass over every visible entity, a million when the whole graph is
// in view, though a pan moves none of them. On big scenes the window
// bins them instead into tiles fixed in the world (tile c covers world x
// from c·t/k to (c+1)·t/k, t the tile's side in device pixels, k the
// zoom) over the whole scene, once per positions, visibility and zoom;
// a frame at that zoom, wherever it is panned to, then reads the tiles
// on screen, shifted by under a tile. The few most recent zooms are
// kept, so that zooming back and forth reuses them too. (Tiles fixed to
// the world also no longer flicker as a pan moves entities from one
// screen tile to the next.)

// worldTilesMost is how many world tiles a zoom's histogram may have, as
// a multiple of the screen's tiles: beyond (zoomed in on a big scene)
// frames bin the entities of the grid cells on screen (densityRuns).
const worldTilesMost = 6

// densityLevels is how many zooms a scene's density cache keeps.
const densityLevels = 4

// densityCache holds the world tile histograms of one set of positions
// (a grid: a new one whenever entities move), most recent first.
type densityCache struct {
	mu     sync.Mutex
	levels []*worldDensity
}

// worldDensity is the histogram of a scene's visible entities in world
// tiles at one zoom.
type worldDensity struct {
	k       float64 // device pixels per world unit
	tile    int     // device pixels
	visible *bool   // the visibility mask's first entry (nil: all)
	class   *int32  // the colour classes' first entry (density_class.go)
	// c0, r0 are the world tile column and row of the first tile;
	// cols×rows tiles cover every entity
	c0, r0, cols, rows int
	count, typ         []int32
}

// worldTileOf is the world tile index holding coordinate x (one axis)
// at tw world units a tile.
func worldTileOf(x, tw float64) int { return int(math.Floor(x / tw)) }

// worldDensityFor returns s's world tile histogram for the zoom of v
// (from the cache, else computed and kept), or nil when its tiles would
// be too many.
func worldDensityFor(s *Scene, v Viewport, tile int, workers int) *worldDensity {
	g := s.grid
	if g == nil || g.dens == nil {
		return nil
	}
	k := v.pxPerUnit()
	var visible *bool
	if len(s.nodeVisible) > 0 {
		visible = &s.nodeVisible[0]
	}
	class, nt := s.densityClasses()
	var classKey *int32
	if len(class) > 0 {
		classKey = &class[0]
	}
	c := g.dens
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, w := range c.levels {
		if w.k == k && w.tile == tile && w.visible == visible && w.class == classKey {
			copy(c.levels[1:j+1], c.levels[:j])
			c.levels[0] = w
			return w
		}
	}
	tw := float64(tile) / k
	c0, r0 := worldTileOf(g.minX, tw), worldTileOf(g.minY, tw)
	c1 := worldTileOf(g.minX+float64(g.cols)*g.cell, tw)
	r1 := worldTileOf(g.minY+float64(g.rows)*g.cell, tw)
	cols, rows := c1-c0+1, r1-r0+1
	screen := ((v.Width + tile - 1) / tile) * ((v.Height + tile - 1) / tile)
	if cols <= 0 || rows <= 0 || cols*rows > worldTilesMost*max(1, screen) {
		return nil
	}
	w := &worldDensity{k: k, tile: tile, visible: visible, class: classKey, c0: c0, r0: r0, cols: cols, rows: rows}
	tiles := cols * rows
	workers = max(1, workers)
	if s.n < 50000 {
		workers = 1
	}
	parts := make([][]uint32, workers)
	var wg sync.WaitGroup
	chunk := (s.n + workers - 1) / workers
	for p := 0; p < workers; p++ {
		lo, hi := p*chunk, min((p+1)*chunk, s.n)
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			counts := make([]uint32, tiles*nt)
			for i := lo; i < hi; i++ {
				if s.nodeVisible != nil && !s.nodeVisible[i] {
					continue
				}
				q := s.pos[i]
				tx := min(cols-1, max(0, worldTileOf(q.X, tw)-c0))
				ty := min(rows-1, max(0, worldTileOf(q.Y, tw)-r0))
				counts[(ty*cols+tx)*nt+int(class[i])]++
			}
			parts[p] = counts
		}(p)
	}
	wg.Wait()
	w.count, w.typ = tileTotals(parts, tiles, nt)
	c.levels = append([]*worldDensity{w}, c.levels[:min(len(c.levels), densityLevels-1)]...)
	return w
}

// densityFor is the density frame of s through v: from world tiles on
// big scenes when they are few enough (worldDensityFor), else from
// ComputeDensity.
func densityFor(s *Scene, v Viewport, workers int) *Density {
	tile := max(1, int(math.Round(densityTile*v.scale())))
	if s.n < cellsFrom {
		return ComputeDensity(s, v, workers)
	}
	w := worldDensityFor(s, v, tile, workers)
	if w == nil {
		return ComputeDensity(s, v, workers)
	}
	// world tile c starts at screen x c·tile + base, base rounded to a
	// device pixel; the first column on screen starts at OffX ≤ 0
	k := v.pxPerUnit()
	bx := int(math.Floor(float64(v.Width)/2 - v.CenterX*k + 0.5))
	by := int(math.Floor(float64(v.Height)/2 - v.CenterY*k + 0.5))
	cs, rs := floorDiv(-bx, tile), floorDiv(-by, tile)
	d := &Density{Tile: tile, OffX: cs*tile + bx, OffY: rs*tile + by}
	d.Cols = (v.Width - d.OffX + tile - 1) / tile
	d.Rows = (v.Height - d.OffY + tile - 1) / tile
	d.Count = make([]int32, d.Cols*d.Rows)
	d.Type = make([]int32, d.Cols*d.Rows)
	for ty := 0; ty < d.Rows; ty++ {
		wr := rs + ty - w.r0
		for tx := 0; tx < d.Cols; tx++ {
			t := ty*d.Cols + tx
			d.Type[t] = -1
			wc := cs + tx - w.c0
			if wr < 0 || wr >= w.rows || wc < 0 || wc >= w.cols {
				continue
			}
			n := w.count[wr*w.cols+wc]
			d.Count[t], d.Type[t] = n, w.typ[wr*w.cols+wc]
			d.Entities += int(n)
			d.Max = max(d.Max, int(n))
		}
	}
	sampleLinks(s, v, d)
	return d
}

// floorDiv is a/b rounded down (b > 0).
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
