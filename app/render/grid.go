package render

import "math"

// grid buckets node indices by world position for hit-testing.
type grid struct {
	minX, minY float64
	cell       float64 // cell side, world units
	cols, rows int
	start      []int32 // cols*rows+1 offsets into items
	items      []int32
	maxRadius  float64
	// rels are the relations per cell (cellrels.go), built on first use;
	// a grid whose cells change gets a new, empty one
	rels *cellRels
	// dens are the world density tiles (density_cache.go), likewise
	dens *densityCache
}

// buildGrid sorts nodes into about one cell per two nodes.
func buildGrid(pos []Point, radius []float64) *grid {
	g := &grid{cols: 1, rows: 1, cell: 1, rels: &cellRels{}, dens: &densityCache{}}
	n := len(pos)
	if n == 0 {
		g.start = []int32{0, 0}
		return g
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		g.maxRadius = math.Max(g.maxRadius, radius[i])
	}
	w, h := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	cells := math.Max(1, float64(n)/2)
	g.cell = math.Max(math.Sqrt(w*h/cells), math.Max(w, h)/4096)
	if g.cell <= 0 || !finite(g.cell) {
		g.cell = 1
	}
	g.minX, g.minY = minX, minY
	g.cols = int(w/g.cell) + 1
	g.rows = int(h/g.cell) + 1
	g.start = make([]int32, g.cols*g.rows+1)
	cellOf := make([]int32, n)
	for i, p := range pos {
		c := g.cellIndex(p.X, p.Y)
		cellOf[i] = int32(c)
		g.start[c+1]++
	}
	for c := 1; c < len(g.start); c++ {
		g.start[c] += g.start[c-1]
	}
	g.items = make([]int32, n)
	fill := append([]int32(nil), g.start[:len(g.start)-1]...)
	for i, c := range cellOf {
		g.items[fill[c]] = int32(i)
		fill[c]++
	}
	return g
}

func (g *grid) col(x float64) int {
	c := int(math.Floor((x - g.minX) / g.cell))
	return max(0, min(g.cols-1, c))
}

func (g *grid) row(y float64) int {
	r := int(math.Floor((y - g.minY) / g.cell))
	return max(0, min(g.rows-1, r))
}

func (g *grid) cellIndex(x, y float64) int { return g.row(y)*g.cols + g.col(x) }

// hitSlop is the least radius, in logical pixels, within which a node can
// be picked, so that tiny nodes stay clickable.
const hitSlop = 4

// NodeAt returns the visible node drawn under device pixel (px, py): the
// one whose disc (or a hitSlop-pixel circle for tiny nodes) contains the
// point, the nearest centre winning.
func NodeAt(s *Scene, v Viewport, px, py float64) (int32, bool) {
	if s.n == 0 || s.grid == nil {
		return -1, false
	}
	k := v.pxPerUnit()
	sc := v.scale()
	p := v.ToWorld(px, py)
	st := nodeStyleFor(s, v)
	reach := (math.Max(st.maxR*sc, hitSlop*sc)) / k
	reach = math.Min(reach, math.Max(s.grid.maxRadius, hitSlop*sc/k))
	g := s.grid
	c0, c1 := g.col(p.X-reach), g.col(p.X+reach)
	r0, r1 := g.row(p.Y-reach), g.row(p.Y+reach)
	best, bestD := int32(-1), math.Inf(1)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			ci := r*g.cols + c
			for _, i := range g.items[g.start[ci]:g.start[ci+1]] {
				if s.nodeVisible != nil && !s.nodeVisible[i] {
					continue
				}
				q := s.pos[i]
				d := math.Hypot(q.X-p.X, q.Y-p.Y) * k // device pixels
				rad := math.Max(st.screenRadius(s.radius[i], k, sc), hitSlop*sc)
				if d <= rad && d < bestD {
					best, bestD = i, d
				}
			}
		}
	}
	return best, best >= 0
}

// EdgeAt returns the visible relation drawn nearest device pixel (px, py)
// within tol logical pixels, following the arcs of parallel relations.
func EdgeAt(s *Scene, v Viewport, px, py, tol float64) (int32, bool) {
	sc := v.scale()
	tolPx := tol * sc
	best, bestD := int32(-1), math.Inf(1)
	for e := int32(0); int(e) < s.m; e++ {
		if !s.EdgeVisible(e) {
			continue
		}
		a, b := s.pos[s.src[e]], s.pos[s.dst[e]]
		ax, ay := v.ToScreen(a)
		bx, by := v.ToScreen(b)
		geo := edgeGeometry(ax, ay, bx, by, int(s.parIndex[e]), int(s.parCount[e]), sc, s.src[e] > s.dst[e])
		// quick reject on the control polygon's box
		if px < math.Min(math.Min(ax, bx), geo.cx)-tolPx || px > math.Max(math.Max(ax, bx), geo.cx)+tolPx ||
			py < math.Min(math.Min(ay, by), geo.cy)-tolPx || py > math.Max(math.Max(ay, by), geo.cy)+tolPx {
			continue
		}
		d := geo.distance(px, py)
		if d <= tolPx && d < bestD {
			best, bestD = e, d
		}
	}
	return best, best >= 0
}
