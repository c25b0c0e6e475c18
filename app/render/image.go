package render

import (
	"bufio"
	"image"
	"image/png"
	"io"
	"math"
)

// ImageOptions describe a picture to export.
type ImageOptions struct {
	Options
	// Width and Height are the picture size in logical pixels; the image
	// is Width·Scale × Height·Scale device pixels.
	Width, Height int
	// Scale is device pixels per logical pixel (0 means 1).
	Scale float64
	// Margin is the free border around the graph, logical pixels (0 means
	// 32).
	Margin float64
	// Viewport, when not nil, is used instead of fitting the graph.
	Viewport *Viewport
}

func (o ImageOptions) scale() float64 {
	if o.Scale > 0 && finite(o.Scale) {
		return o.Scale
	}
	return 1
}

// ExportViewport returns the viewport an export uses: o.Viewport, or the
// whole graph fitted into the part of the picture that the title, the
// source line and the legend leave free (FreeArea), with o.Margin around
// it.
func ExportViewport(s *Scene, o ImageOptions) Viewport {
	sc := o.scale()
	w, h := int(math.Round(float64(o.Width)*sc)), int(math.Round(float64(o.Height)*sc))
	if o.Viewport != nil {
		v := *o.Viewport
		v.Width, v.Height, v.Scale = w, h, sc
		return v
	}
	margin := o.margin()
	x0, y0, x1, y1 := FreeArea(s, o)
	v := Viewport{Width: w, Height: h, Scale: sc, Zoom: 1}
	minX, minY, maxX, maxY, ok := s.Bounds()
	if !ok {
		return v
	}
	availW := math.Max(x1-x0-2*margin, 1)
	availH := math.Max(y1-y0-2*margin, 1)
	z := math.Inf(1)
	if maxY > minY {
		z = availH / (maxY - minY)
	}
	z, midX := s.fitWidth(minX, maxX, availW, z)
	if math.IsInf(z, 1) {
		z = 1
	}
	v.Zoom = z
	// centre the graph in the free area
	cxPx, cyPx := (x0+x1)/2, (y0+y1)/2
	v.CenterX = midX - (cxPx-float64(o.Width)/2)/z
	v.CenterY = (minY+maxY)/2 - (cyPx-float64(o.Height)/2)/z
	return v
}

func (o ImageOptions) margin() float64 {
	if o.Margin > 0 && finite(o.Margin) {
		return o.Margin
	}
	return 32
}

// FreeArea is the rectangle of the picture o describes, in logical
// pixels, that the title, the source line and the legend leave for the
// graph: right of the legend or above it, whichever leaves more room.
// Fitting the graph (ExportViewport, the window's Fit) fills it.
func FreeArea(s *Scene, o ImageOptions) (x0, y0, x1, y1 float64) {
	sc := o.scale()
	w, h := int(math.Round(float64(o.Width)*sc)), int(math.Round(float64(o.Height)*sc))
	f := &frame{s: s, o: o.Options, pal: paletteOf(o.Theme), sc: sc, k: sc, w: w, h: h}
	r := f.freeArea()
	return float64(r.Min.X) / sc, float64(r.Min.Y) / sc, float64(r.Max.X) / sc, float64(r.Max.Y) / sc
}

// Image renders the scene as an export: fitted (or o.Viewport), with the
// title and legend o asks for.
func Image(s *Scene, o ImageOptions) *image.RGBA {
	v := ExportViewport(s, o)
	img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	Render(img, s, v, o.Options)
	return img
}

// WritePNG renders the scene with Image and encodes it as PNG.
func WritePNG(w io.Writer, s *Scene, o ImageOptions) error {
	if o.Width <= 0 || o.Height <= 0 {
		return errorf("image size %d×%d is not positive", o.Width, o.Height)
	}
	if float64(o.Width)*float64(o.Height)*o.scale()*o.scale() > 400e6 {
		return errorf("image of %d×%d at scale %g is too large", o.Width, o.Height, o.scale())
	}
	bw := bufio.NewWriter(w)
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(bw, Image(s, o)); err != nil {
		return err
	}
	return bw.Flush()
}
