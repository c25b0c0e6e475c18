package render

import (
	"image"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/vector"
)

// scratch is per-goroutine working memory for polygon fills.
type scratch struct {
	ras   vector.Rasterizer
	alpha image.Alpha
	ink   ink
}

// fillPolys rasterises polygons (device pixels; every polygon is made
// counter-clockwise so overlapping ones unite) and blends them in c.
func (cv *canvas) fillPolys(sc *scratch, polys [][]Point, c pcolor) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			minX, maxX = math.Min(minX, q.X), math.Max(maxX, q.X)
			minY, maxY = math.Min(minY, q.Y), math.Max(maxY, q.Y)
		}
	}
	if minX > maxX {
		return
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1)
	vis := r.Intersect(cv.clip)
	if vis.Empty() {
		return
	}
	m := rasterMask(sc, polys, r)
	cv.mask(m, r.Dx(), r.Dy(), r.Min.X, r.Min.Y, c)
}

// rasterMask returns the coverage of polys over r, stride r.Dx().
func rasterMask(sc *scratch, polys [][]Point, r image.Rectangle) []uint8 {
	w, h := r.Dx(), r.Dy()
	sc.ras.Reset(w, h)
	sc.ras.DrawOp = draw.Src
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		ccw := signedArea(p) >= 0
		n := len(p)
		at := func(k int) Point {
			if ccw {
				return p[k]
			}
			return p[n-1-k]
		}
		q := at(0)
		sc.ras.MoveTo(float32(q.X-ox), float32(q.Y-oy))
		for k := 1; k < n; k++ {
			q = at(k)
			sc.ras.LineTo(float32(q.X-ox), float32(q.Y-oy))
		}
		sc.ras.ClosePath()
	}
	if cap(sc.alpha.Pix) < w*h {
		sc.alpha.Pix = make([]uint8, w*h)
	}
	sc.alpha.Pix = sc.alpha.Pix[:w*h]
	sc.alpha.Stride = w
	sc.alpha.Rect = image.Rect(0, 0, w, h)
	sc.ras.Draw(&sc.alpha, sc.alpha.Rect, image.Opaque, image.Point{})
	return sc.alpha.Pix
}

func signedArea(p []Point) float64 {
	a := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		a += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	return a
}

// strokePolys turns a polyline of width w into polygons: one quad per
// segment and a round disc at every vertex (round caps and joins).
func strokePolys(pts []Point, closed bool, w float64, out [][]Point) [][]Point {
	hw := w / 2
	segs := 12
	if hw > 2 {
		segs = 20
	}
	for _, p := range pts {
		out = append(out, circlePoints(p.X, p.Y, hw, segs))
	}
	n := len(pts)
	last := n - 1
	if closed {
		last = n
	}
	for i := 0; i < last; i++ {
		a, b := pts[i], pts[(i+1)%n]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*hw, dx/l*hw
		out = append(out, []Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}})
	}
	return out
}

// iconMasks caches rasterised icons by name and pixel size.
type iconMasks struct {
	mu sync.Mutex
	m  map[iconKey][]uint8
	sc scratch
}

type iconKey struct {
	name string
	size int
}

// get returns the icon's coverage mask, size×size pixels.
func (im *iconMasks) get(name string, size int) []uint8 {
	im.mu.Lock()
	defer im.mu.Unlock()
	k := iconKey{name, size}
	if m, ok := im.m[k]; ok {
		return m
	}
	if im.m == nil || len(im.m) > 512 {
		im.m = map[iconKey][]uint8{}
	}
	polys := iconPolys(icon(name), 0, 0, float64(size))
	m := append([]uint8(nil), rasterMask(&im.sc, polys, image.Rect(0, 0, size, size))...)
	im.m[k] = m
	return m
}

// iconPolys returns the icon scaled into the square at (x, y) of side s.
func iconPolys(sh *iconShape, x, y, s float64) [][]Point {
	k := s / 24
	tr := func(pts []Point) []Point {
		out := make([]Point, len(pts))
		for i, p := range pts {
			out[i] = Point{x + p.X*k, y + p.Y*k}
		}
		return out
	}
	var polys [][]Point
	for _, f := range sh.fills {
		polys = append(polys, tr(f))
	}
	for _, st := range sh.strokes {
		polys = strokePolys(tr(st.pts), st.closed, st.width*k, polys)
	}
	return polys
}
