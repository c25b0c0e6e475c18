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
// whole graph fitted into the picture, leaving room for the title and the
// legend.
func ExportViewport(s *Scene, o ImageOptions) Viewport {
	sc := o.scale()
	w, h := int(math.Round(float64(o.Width)*sc)), int(math.Round(float64(o.Height)*sc))
	if o.Viewport != nil {
		v := *o.Viewport
		v.Width, v.Height, v.Scale = w, h, sc
		return v
	}
	margin := o.Margin
	if margin <= 0 {
		margin = 32
	}
	v := Fit(s, w, h, sc, margin)
	f := &frame{s: s, v: v, o: o.Options, pal: paletteOf(o.Theme), sc: sc, k: v.pxPerUnit(), w: w, h: h}
	top, left := 0.0, 0.0
	if _, _, _, box, ok := f.titleLayout(); ok {
		top = float64(box.Max.Y)/sc + 4
	}
	if L := f.legend(); L != nil {
		left = float64(L.box.Max.X)/sc + 4
	}
	if top == 0 && left == 0 {
		return v
	}
	// fit again into the area right of the legend and under the title
	// when that loses less than the legend would hide
	minX, minY, maxX, maxY, ok := s.Bounds()
	if !ok {
		return v
	}
	availW := float64(o.Width) - left - 2*margin
	availH := float64(o.Height) - top - 2*margin
	if availW < float64(o.Width)/3 || availH < float64(o.Height)/3 {
		return v
	}
	z := math.Inf(1)
	if maxY > minY {
		z = availH / (maxY - minY)
	}
	z, midX := s.fitWidth(minX, maxX, availW, z)
	if math.IsInf(z, 1) {
		return v
	}
	v.Zoom = z
	// centre the graph in the free area
	cxPx := (left + margin + (float64(o.Width) - margin)) / 2
	cyPx := (top + margin + (float64(o.Height) - margin)) / 2
	v.CenterX = midX - (cxPx-float64(o.Width)/2)/z
	v.CenterY = (minY+maxY)/2 - (cyPx-float64(o.Height)/2)/z
	return v
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
