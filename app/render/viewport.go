package render

import "math"

// Viewport maps world coordinates to the pixels of an image.
type Viewport struct {
	// CenterX, CenterY is the world point at the image's centre.
	CenterX, CenterY float64
	// Zoom is logical pixels per world unit.
	Zoom float64
	// Width and Height are the image size in device pixels.
	Width, Height int
	// Scale is device pixels per logical pixel (2 on a HiDPI screen, about
	// 4 for print); every line width, node size and font size scales with
	// it. Zero means 1.
	Scale float64
}

func (v Viewport) scale() float64 {
	if v.Scale <= 0 || !finite(v.Scale) {
		return 1
	}
	return v.Scale
}

// pxPerUnit is device pixels per world unit.
func (v Viewport) pxPerUnit() float64 {
	z := v.Zoom
	if z <= 0 || !finite(z) {
		z = 1
	}
	return z * v.scale()
}

// ToScreen maps a world point to device pixel coordinates.
func (v Viewport) ToScreen(p Point) (x, y float64) {
	k := v.pxPerUnit()
	return (p.X-v.CenterX)*k + float64(v.Width)/2, (p.Y-v.CenterY)*k + float64(v.Height)/2
}

// ToWorld maps device pixel coordinates to a world point.
func (v Viewport) ToWorld(x, y float64) Point {
	k := v.pxPerUnit()
	return Point{(x-float64(v.Width)/2)/k + v.CenterX, (y-float64(v.Height)/2)/k + v.CenterY}
}

// ZoomAt multiplies the zoom by f keeping the world point under device
// pixel (x, y) in place, as a mouse-wheel zoom does.
func (v Viewport) ZoomAt(x, y, f float64) Viewport {
	if f <= 0 || !finite(f) {
		return v
	}
	p := v.ToWorld(x, y)
	v.Zoom = v.pxPerUnit() * f / v.scale()
	q := v.ToWorld(x, y)
	v.CenterX += p.X - q.X
	v.CenterY += p.Y - q.Y
	return v
}

// Fit returns the viewport of a w×h device-pixel image at the given scale
// that shows every visible node, with margin logical pixels left free on
// each side. An empty scene gives zoom 1 around the origin.
func Fit(s *Scene, w, h int, scale, margin float64) Viewport {
	v := Viewport{Width: w, Height: h, Scale: scale, Zoom: 1}
	sc := v.scale()
	minX, minY, maxX, maxY, ok := s.Bounds()
	if !ok {
		return v
	}
	v.CenterX, v.CenterY = (minX+maxX)/2, (minY+maxY)/2
	availW := float64(w)/sc - 2*margin
	availH := float64(h)/sc - 2*margin
	if availW < 1 {
		availW = 1
	}
	if availH < 1 {
		availH = 1
	}
	z := math.Inf(1)
	if dy := maxY - minY; dy > 0 {
		z = availH / dy
	}
	z, v.CenterX = s.fitWidth(minX, maxX, availW, z)
	if math.IsInf(z, 1) {
		z = 1
	}
	v.Zoom = z
	return v
}

// LabelFitLimit is the number of visible entities above which fitting
// ignores labels: at that density most are culled anyway.
const LabelFitLimit = 3000

// fitWidth returns the zoom (logical pixels per world unit, at most zMax)
// at which the visible discs, and the labels drawn beside them (to the
// right, or to the left: labelside.go), fit into availW logical pixels,
// and the world x to centre on at that zoom. Fitting discs alone would
// push the labels of the outermost entities out of the picture, where
// Render must move them onto other labels or drop them.
func (s *Scene) fitWidth(minX, maxX, availW, zMax float64) (z, centerX float64) {
	z = zMax
	if dx := maxX - minX; dx > 0 {
		z = math.Min(z, availW/dx)
	}
	var visible []int32
	if s.n <= LabelFitLimit || s.nodeVisible != nil {
		for i := 0; i < s.n && len(visible) <= LabelFitLimit; i++ {
			if s.nodeVisible == nil || s.nodeVisible[i] {
				visible = append(visible, int32(i))
			}
		}
	}
	if len(visible) > LabelFitLimit || math.IsInf(z, 1) {
		visible = nil
	}
	spans := make([]Span, 0, len(visible)+2)
	spans = append(spans, Span{Lo: minX, Hi: minX}, Span{Lo: maxX, Hi: maxX})
	for _, i := range visible {
		w, _ := s.LabelSize(i)
		sp := Span{Lo: s.pos[i].X - s.radius[i], Hi: s.pos[i].X + s.radius[i]}
		if lw := w + LabelGap + 2; lw < availW {
			if s.labelLeft(s.pos, i) {
				sp.Left = lw
			} else {
				sp.Right = lw
			}
		}
		spans = append(spans, sp)
	}
	if math.IsInf(z, 1) {
		return z, (minX + maxX) / 2
	}
	return FitSpans(spans, availW, z)
}

// Span is the horizontal extent of an entity: world coordinates Lo to
// Hi (its disc), widened by Left and Right logical pixels (its label).
type Span struct{ Lo, Hi, Left, Right float64 }

// FitSpans returns the largest zoom of at most zMax at which all spans
// fit side by side into avail logical pixels, and the world x of the
// middle of their extent at that zoom. When the labels alone are wider
// than avail, they are left out.
func FitSpans(spans []Span, avail, zMax float64) (z, centerX float64) {
	if len(spans) == 0 {
		return zMax, 0
	}
	z, lo, hi := fitSpans(spans, avail, zMax)
	return z, (lo + hi) / 2 / z
}

// fitSpans is FitSpans with the extent at the zoom found.
func fitSpans(spans []Span, avail, zMax float64) (z, lo, hi float64) {
	extent := func(z float64, labels bool) (lo, hi float64) {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, sp := range spans {
			l, r := sp.Lo*z, sp.Hi*z
			if labels {
				l, r = l-sp.Left, r+sp.Right
			}
			lo, hi = math.Min(lo, l), math.Max(hi, r)
		}
		return lo, hi
	}
	labels := true
	if lo, hi := extent(0, true); hi-lo >= avail {
		labels = false
	}
	fits := func(z float64) bool { lo, hi := extent(z, labels); return hi-lo <= avail }
	z = zMax
	if !fits(z) {
		// the extent grows with z: bisect
		a, b := 0.0, zMax
		for k := 0; k < 60; k++ {
			m := (a + b) / 2
			if fits(m) {
				a = m
			} else {
				b = m
			}
		}
		z = a
	}
	if !(z > 0) {
		z = zMax
	}
	lo, hi = extent(z, labels)
	return z, lo, hi
}

// ScreenRadius is node i's disc radius in device pixels under v, as
// Render draws it.
func ScreenRadius(s *Scene, v Viewport, i int32) float64 {
	return nodeStyleFor(s, v).screenRadius(s.radius[i], v.pxPerUnit(), v.scale())
}
