package render

import (
	"image"
	"image/color"
	"math"
)

// pcolor is a premultiplied colour with 0..255 channels.
type pcolor struct{ r, g, b, a uint32 }

func premul(c color.NRGBA) pcolor {
	a := uint32(c.A)
	return pcolor{uint32(c.R) * a / 255, uint32(c.G) * a / 255, uint32(c.B) * a / 255, a}
}

// canvas draws into the part of an image inside clip (one band).
type canvas struct {
	img  *image.RGBA
	clip image.Rectangle
}

// blend composites c over the pixel at byte offset i with coverage cov
// (0..255), source-over.
func (cv *canvas) blend(i int, c pcolor, cov uint32) {
	p := cv.img.Pix[i : i+4 : i+4]
	ia := 65025 - c.a*cov
	p[0] = uint8((c.r*cov*255 + uint32(p[0])*ia) / 65025)
	p[1] = uint8((c.g*cov*255 + uint32(p[1])*ia) / 65025)
	p[2] = uint8((c.b*cov*255 + uint32(p[2])*ia) / 65025)
	p[3] = uint8((c.a*cov*255 + uint32(p[3])*ia) / 65025)
}

// plot blends c at (x, y) with coverage f in [0, 1], if inside the clip.
func (cv *canvas) plot(x, y int, c pcolor, f float64) {
	if f <= 0 || x < cv.clip.Min.X || x >= cv.clip.Max.X || y < cv.clip.Min.Y || y >= cv.clip.Max.Y {
		return
	}
	cov := uint32(f*255 + 0.5)
	if cov > 255 {
		cov = 255
	}
	cv.blend(cv.img.PixOffset(x, y), c, cov)
}

// fill paints the whole clip with c (no blending).
func (cv *canvas) fill(c color.NRGBA) {
	p := premul(c)
	for y := cv.clip.Min.Y; y < cv.clip.Max.Y; y++ {
		i := cv.img.PixOffset(cv.clip.Min.X, y)
		row := cv.img.Pix[i : i+4*cv.clip.Dx()]
		for j := 0; j < len(row); j += 4 {
			row[j], row[j+1], row[j+2], row[j+3] = uint8(p.r), uint8(p.g), uint8(p.b), uint8(p.a)
		}
	}
}

func clamp01(f float64) float64 {
	if f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}

// disc fills a circle of radius r (device pixels) antialiased.
func (cv *canvas) disc(cx, cy, r float64, c pcolor) {
	if r < 0.5 {
		// below a pixel: spread the disc's area over the nearest pixel
		cv.plot(int(math.Floor(cx)), int(math.Floor(cy)), c, math.Pi*r*r*1.3)
		return
	}
	y0 := max(int(math.Floor(cy-r-0.5)), cv.clip.Min.Y)
	y1 := min(int(math.Ceil(cy+r+0.5)), cv.clip.Max.Y-1)
	ro := r + 0.5
	for y := y0; y <= y1; y++ {
		dy := float64(y) + 0.5 - cy
		if dy*dy >= ro*ro {
			continue
		}
		half := math.Sqrt(ro*ro - dy*dy)
		x0 := max(int(math.Floor(cx-half)), cv.clip.Min.X)
		x1 := min(int(math.Ceil(cx+half)), cv.clip.Max.X-1)
		i := cv.img.PixOffset(x0, y)
		for x := x0; x <= x1; x, i = x+1, i+4 {
			dx := float64(x) + 0.5 - cx
			f := ro - math.Sqrt(dx*dx+dy*dy)
			if f <= 0 {
				continue
			}
			if f >= 1 {
				cv.blend(i, c, 255)
			} else {
				cv.blend(i, c, uint32(f*255+0.5))
			}
		}
	}
}

// ring strokes a circle of radius r with line width w.
func (cv *canvas) ring(cx, cy, r, w float64, c pcolor) {
	hw := w / 2
	ro := r + hw + 0.5
	y0 := max(int(math.Floor(cy-ro)), cv.clip.Min.Y)
	y1 := min(int(math.Ceil(cy+ro)), cv.clip.Max.Y-1)
	for y := y0; y <= y1; y++ {
		dy := float64(y) + 0.5 - cy
		if dy*dy >= ro*ro {
			continue
		}
		half := math.Sqrt(ro*ro - dy*dy)
		x0 := max(int(math.Floor(cx-half)), cv.clip.Min.X)
		x1 := min(int(math.Ceil(cx+half)), cv.clip.Max.X-1)
		i := cv.img.PixOffset(x0, y)
		for x := x0; x <= x1; x, i = x+1, i+4 {
			dx := float64(x) + 0.5 - cx
			f := hw + 0.5 - math.Abs(math.Sqrt(dx*dx+dy*dy)-r)
			if f <= 0 {
				continue
			}
			cv.blend(i, c, uint32(clamp01(f)*255+0.5))
		}
	}
}

// line draws a segment of width w (device pixels) with round caps,
// antialiased by distance.
func (cv *canvas) line(x0, y0, x1, y1, w float64, c pcolor) {
	capsule(cv, nil, cv.clip, x0, y0, x1, y1, w/2, c)
}

// capsule covers every pixel within hw+0.5 of the segment, clipped to
// clip, once each, with coverage from its distance to the segment: it
// blends into cv in colour c, or, when m is not nil, raises the coverage
// mask m (stride clip.Dx(), origin clip.Min) instead.
func capsule(cv *canvas, m []uint8, clip image.Rectangle, x0, y0, x1, y1, hw float64, c pcolor) {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	l := math.Sqrt(l2)
	var ux, uy float64 // unit direction
	if l > 0 {
		ux, uy = dx/l, dy/l
	}
	ext := hw + 1
	lim := hw + 0.5
	put := func(x, y int, px, py float64) {
		// distance: perpendicular inside the segment, to the nearer end
		// beyond it
		rx, ry := px-x0, py-y0
		along := rx*ux + ry*uy
		var d float64
		switch {
		case along <= 0 || l == 0:
			d = math.Sqrt(rx*rx + ry*ry)
		case along >= l:
			ex, ey := px-x1, py-y1
			d = math.Sqrt(ex*ex + ey*ey)
		default:
			d = math.Abs(rx*uy - ry*ux)
		}
		f := lim - d
		if f <= 0 {
			return
		}
		cov := uint32(255)
		if f < 1 {
			cov = uint32(f*255 + 0.5)
		}
		if m != nil {
			i := (y-clip.Min.Y)*clip.Dx() + x - clip.Min.X
			if v := uint8(cov); v > m[i] {
				m[i] = v
			}
			return
		}
		cv.blend(cv.img.PixOffset(x, y), c, cov)
	}
	if math.Abs(dx) >= math.Abs(dy) {
		// shallow: walk columns, each covering a short run of rows
		slope := 0.0
		if dx != 0 {
			slope = dy / dx
		}
		e := hw*math.Sqrt(1+slope*slope) + 1
		xa, xb := math.Min(x0, x1)-ext, math.Max(x0, x1)+ext
		// restrict to the columns where the line is near the clip's rows
		if slope != 0 {
			ta := x0 + (float64(clip.Min.Y)-e-y0)/slope
			tb := x0 + (float64(clip.Max.Y)+e-y0)/slope
			xa, xb = math.Max(xa, math.Min(ta, tb)-ext), math.Min(xb, math.Max(ta, tb)+ext)
		}
		cx0 := max(int(math.Floor(xa)), clip.Min.X)
		cx1 := min(int(math.Ceil(xb)), clip.Max.X-1)
		for x := cx0; x <= cx1; x++ {
			xc := float64(x) + 0.5
			t := 0.0
			if dx != 0 {
				t = clamp01((xc - x0) / dx)
			}
			yl := y0 + t*dy
			ry0 := max(int(math.Floor(yl-e)), clip.Min.Y)
			ry1 := min(int(math.Ceil(yl+e)), clip.Max.Y-1)
			for y := ry0; y <= ry1; y++ {
				put(x, y, xc, float64(y)+0.5)
			}
		}
		return
	}
	// steep: walk rows
	slope := dx / dy
	e := hw*math.Sqrt(1+slope*slope) + 1
	ry0 := max(int(math.Floor(math.Min(y0, y1)-ext)), clip.Min.Y)
	ry1 := min(int(math.Ceil(math.Max(y0, y1)+ext)), clip.Max.Y-1)
	for y := ry0; y <= ry1; y++ {
		yc := float64(y) + 0.5
		t := clamp01((yc - y0) / dy)
		xl := x0 + t*dx
		cx0 := max(int(math.Floor(xl-e)), clip.Min.X)
		cx1 := min(int(math.Ceil(xl+e)), clip.Max.X-1)
		for x := cx0; x <= cx1; x++ {
			put(x, y, float64(x)+0.5, yc)
		}
	}
}

// hairline draws a one-pixel antialiased line (Xiaolin Wu) for the level
// of detail used when zoomed far out; it costs two pixels per step.
func (cv *canvas) hairline(x0, y0, x1, y1 float64, c pcolor) {
	clip := cv.clip
	steep := math.Abs(y1-y0) > math.Abs(x1-x0)
	if steep {
		x0, y0, x1, y1 = y0, x0, y1, x1
	}
	if x0 > x1 {
		x0, x1, y0, y1 = x1, x0, y1, y0
	}
	dx := x1 - x0
	grad := 1.0
	if dx > 0 {
		grad = (y1 - y0) / dx
	}
	xa := int(math.Floor(x0 + 0.5))
	xb := int(math.Floor(x1 + 0.5))
	// clip the walk to the band
	if steep {
		xa, xb = max(xa, clip.Min.Y), min(xb, clip.Max.Y-1)
	} else {
		xa, xb = max(xa, clip.Min.X), min(xb, clip.Max.X-1)
		if grad != 0 {
			// columns where y is within the band
			ta := x0 + (float64(clip.Min.Y)-1-y0)/grad
			tb := x0 + (float64(clip.Max.Y)+1-y0)/grad
			lo, hi := math.Min(ta, tb), math.Max(ta, tb)
			xa = max(xa, int(math.Floor(lo)))
			xb = min(xb, int(math.Ceil(hi)))
		}
	}
	for x := xa; x <= xb; x++ {
		y := y0 + grad*(float64(x)+0.5-x0) - 0.5
		yi := int(math.Floor(y))
		fr := y - float64(yi)
		if steep {
			cv.plot(yi, x, c, 1-fr)
			cv.plot(yi+1, x, c, fr)
		} else {
			cv.plot(x, yi, c, 1-fr)
			cv.plot(x, yi+1, c, fr)
		}
	}
}

// mask blits an alpha mask (stride w) at (x, y) in colour c.
func (cv *canvas) mask(m []uint8, w, h, x, y int, c pcolor) {
	r := image.Rect(x, y, x+w, y+h).Intersect(cv.clip)
	if r.Empty() {
		return
	}
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		row := m[(yy-y)*w:]
		i := cv.img.PixOffset(r.Min.X, yy)
		for xx := r.Min.X; xx < r.Max.X; xx, i = xx+1, i+4 {
			if a := row[xx-x]; a != 0 {
				cv.blend(i, c, uint32(a))
			}
		}
	}
}

// polyline strokes connected segments of width w without darkening the
// joints: coverage is accumulated as a maximum in a mask first.
func (cv *canvas) polyline(pts []Point, w float64, c pcolor) {
	if len(pts) < 2 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	ext := w/2 + 2
	r := image.Rect(int(math.Floor(minX-ext)), int(math.Floor(minY-ext)), int(math.Ceil(maxX+ext)), int(math.Ceil(maxY+ext))).Intersect(cv.clip)
	if r.Empty() {
		return
	}
	mw, mh := r.Dx(), r.Dy()
	m := make([]uint8, mw*mh)
	for k := 1; k < len(pts); k++ {
		capsule(nil, m, r, pts[k-1].X, pts[k-1].Y, pts[k].X, pts[k].Y, w/2, pcolor{})
	}
	cv.mask(m, mw, mh, r.Min.X, r.Min.Y, c)
}
