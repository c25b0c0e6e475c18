package render

import (
	"image"
	"math"
)

// ink accumulates the coverage of many thin relations in one band when
// zoomed far out: adding to a counter per pixel is much cheaper than
// blending four channels, and the sum is turned into opacity once, as
// 1-(1-a)^n for n overlapping relations of opacity a — what blending
// them one by one would give.
type ink struct {
	clip image.Rectangle
	buf  []uint16 // coverage sum, 255 per fully covered relation
}

// maxInk caps the coverage sum (32 full relations: opaque for any
// relation opacity above 0.25).
const maxInk = 32 * 255

func (k *ink) reset(clip image.Rectangle) {
	k.clip = clip
	n := clip.Dx() * clip.Dy()
	if cap(k.buf) < n {
		k.buf = make([]uint16, n)
	}
	k.buf = k.buf[:n]
	clear(k.buf)
}

func (k *ink) add(i int, cov uint32) {
	v := uint32(k.buf[i]) + cov
	if v > maxInk {
		v = maxInk
	}
	k.buf[i] = uint16(v)
}

// hairline adds a one-pixel antialiased line (Xiaolin Wu).
func (k *ink) hairline(x0, y0, x1, y1 float64) {
	clip := k.clip
	w := clip.Dx()
	steep := math.Abs(y1-y0) > math.Abs(x1-x0)
	if steep {
		x0, y0, x1, y1 = y0, x0, y1, x1
	}
	if x0 > x1 {
		x0, x1, y0, y1 = x1, x0, y1, y0
	}
	dx := x1 - x0
	grad := 0.0
	if dx > 0 {
		grad = (y1 - y0) / dx
	}
	xa := int(math.Floor(x0 + 0.5))
	xb := int(math.Floor(x1 + 0.5))
	// major-axis range inside the band, minor-axis bounds for the checks
	var majLo, majHi, minLo, minHi int
	if steep {
		majLo, majHi, minLo, minHi = clip.Min.Y, clip.Max.Y-1, clip.Min.X, clip.Max.X-1
	} else {
		majLo, majHi, minLo, minHi = clip.Min.X, clip.Max.X-1, clip.Min.Y, clip.Max.Y-1
		if grad != 0 {
			ta := x0 + (float64(clip.Min.Y)-1-y0)/grad
			tb := x0 + (float64(clip.Max.Y)+1-y0)/grad
			majLo = max(majLo, int(math.Floor(math.Min(ta, tb))))
			majHi = min(majHi, int(math.Ceil(math.Max(ta, tb))))
		} else if y0 < float64(clip.Min.Y)-1 || y0 > float64(clip.Max.Y)+1 {
			return
		}
	}
	xa, xb = max(xa, majLo), min(xb, majHi)
	y := y0 + grad*(float64(xa)+0.5-x0) - 0.5
	for x := xa; x <= xb; x, y = x+1, y+grad {
		yf := math.Floor(y)
		yi := int(yf)
		fr := uint32((y - yf) * 255)
		if steep {
			row := (x - clip.Min.Y) * w
			if yi >= minLo && yi <= minHi {
				k.add(row+yi-clip.Min.X, 255-fr)
			}
			if yi+1 >= minLo && yi+1 <= minHi {
				k.add(row+yi+1-clip.Min.X, fr)
			}
		} else {
			col := x - clip.Min.X
			if yi >= minLo && yi <= minHi {
				k.add((yi-clip.Min.Y)*w+col, 255-fr)
			}
			if yi+1 >= minLo && yi+1 <= minHi {
				k.add((yi+1-clip.Min.Y)*w+col, fr)
			}
		}
	}
}

// inkLUT maps a coverage sum to the opacity of that many overlapping
// relations of opacity a.
func inkLUT(a float64) []uint8 {
	lut := make([]uint8, maxInk+1)
	la := math.Log1p(-math.Min(a, 0.999))
	for s := range lut {
		lut[s] = uint8(255*(1-math.Exp(la*float64(s)/255)) + 0.5)
	}
	return lut
}

// composite blends the accumulated ink into the canvas in colour c
// (opaque), using lut.
func (k *ink) composite(cv *canvas, c pcolor, lut []uint8) {
	w := k.clip.Dx()
	for y := k.clip.Min.Y; y < k.clip.Max.Y; y++ {
		row := k.buf[(y-k.clip.Min.Y)*w : (y-k.clip.Min.Y+1)*w]
		i := cv.img.PixOffset(k.clip.Min.X, y)
		for _, s := range row {
			if s != 0 {
				cv.blend(i, c, uint32(lut[s]))
			}
			i += 4
		}
	}
}
