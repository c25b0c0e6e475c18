package render

import (
	"bytes"
	"image"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/linkscope/linkscope/assets"
)

// Font weights.
const (
	regular = 0
	bold    = 1
)

var (
	facesOnce sync.Once
	faces     [2]*font.Face
)

func loadFaces() {
	facesOnce.Do(func() {
		for i, b := range [][]byte{assets.FontRegular(), assets.FontBold()} {
			f, err := font.ParseTTF(bytes.NewReader(b))
			if err == nil {
				faces[i] = f
			}
		}
	})
}

// textKey identifies a rendered label.
type textKey struct {
	text   string
	weight int
	size   int32 // font size in 1/16 device pixel
	halo   int32 // halo radius in 1/16 device pixel
}

// textImage is a label rasterised once: its glyphs' coverage and the
// halo around them, both w×h, with the baseline at row baseline and the
// pen starting at column pad.
type textImage struct {
	w, h           int
	baseline, pad  int
	advance        float64 // pen advance, device pixels
	ascent, descnt float64
	glyphs, halo   []uint8
}

// textEngine shapes and rasterises labels and caches them; it is safe for
// concurrent use.
type textEngine struct {
	mu     sync.Mutex
	shaper shaping.HarfbuzzShaper
	cache  map[textKey]*textImage
	sc     scratch
	icons  iconMasks
}

func newTextEngine() *textEngine {
	return &textEngine{cache: map[textKey]*textImage{}}
}

// MaxLabelRunes is the longest text measured or drawn as a label: longer
// ones (a 10 MB label in a hostile file) are cut, with an ellipsis, so that
// shaping and rasterising them stays bounded.
const MaxLabelRunes = 200

// ShortLabel returns s cut to MaxLabelRunes characters, the last an
// ellipsis, when it is longer; panels that show labels use it too.
func ShortLabel(s string) string {
	if len(s) <= MaxLabelRunes { // bytes >= runes
		return s
	}
	n := 0
	for i := range s {
		if n == MaxLabelRunes-1 {
			if utf8.RuneCountInString(s[i:]) > 1 {
				return s[:i] + "…"
			}
			return s
		}
		n++
	}
	return s
}

// BriefRunes is the length beyond which an entity's label is drawn cut
// (BriefLabel) unless the entity is selected, hovered or on the
// highlighted path: long names ("Hermes Center for Transparency and
// Digital Human Rights") would otherwise take the room of several
// others. The full name is in the tooltip and the details.
const BriefRunes = 34

// BriefLabel returns s cut at the last word boundary before BriefRunes
// characters, with an ellipsis, when it is longer.
func BriefLabel(s string) string {
	r := []rune(s)
	if len(r) <= BriefRunes {
		return s
	}
	cut := BriefRunes - 1
	for k := cut; k > BriefRunes/2; k-- {
		if r[k] == ' ' {
			cut = k
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:-–(") + "…"
}

// maxCachedTexts bounds the label cache; it is emptied when full.
const maxCachedTexts = 8192

// shaped is a shaped run: glyph ids and pen positions in device pixels.
type shaped struct {
	out     shaping.Output
	advance float64
	ascent  float64
	descent float64
}

func (te *textEngine) shape(text string, weight int, size float64) shaped {
	loadFaces()
	face := faces[weight]
	if face == nil {
		face = faces[regular]
	}
	if face == nil || text == "" {
		return shaped{ascent: size * 0.8, descent: size * 0.2}
	}
	runes := []rune(text)
	out := te.shaper.Shape(shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: di.DirectionLTR, Face: face,
		Size:     fixed.Int26_6(size*64 + 0.5),
		Script:   language.LookupScript(runes[0]),
		Language: language.NewLanguage("fr"),
	})
	return shaped{
		out:     out,
		advance: float64(out.Advance) / 64,
		ascent:  float64(out.LineBounds.Ascent) / 64,
		descent: -float64(out.LineBounds.Descent) / 64,
	}
}

// measure returns a label's advance, ascent and descent in device pixels
// without rasterising it.
func (te *textEngine) measure(text string, weight int, size float64) (adv, asc, desc float64) {
	ti := te.get(text, weight, size, 0)
	return ti.advance, ti.ascent, ti.descnt
}

// get returns the rasterised label (with a halo of radius halo pixels
// when halo > 0).
func (te *textEngine) get(text string, weight int, size, halo float64) *textImage {
	text = ShortLabel(text)
	k := textKey{text, weight, int32(size*16 + 0.5), int32(halo*16 + 0.5)}
	te.mu.Lock()
	defer te.mu.Unlock()
	if ti, ok := te.cache[k]; ok {
		return ti
	}
	if len(te.cache) >= maxCachedTexts {
		te.cache = map[textKey]*textImage{}
	}
	ti := te.rasterise(text, weight, size, halo)
	te.cache[k] = ti
	return ti
}

func (te *textEngine) rasterise(text string, weight int, size, halo float64) *textImage {
	sh := te.shape(text, weight, size)
	pad := int(math.Ceil(halo)) + 1
	ti := &textImage{advance: sh.advance, ascent: sh.ascent, descnt: sh.descent, pad: pad}
	ti.baseline = pad + int(math.Ceil(sh.ascent))
	ti.w = int(math.Ceil(sh.advance)) + 2*pad
	ti.h = int(math.Ceil(sh.ascent)+math.Ceil(sh.descent)) + 2*pad
	if ti.w <= 0 || ti.h <= 0 || sh.out.Face == nil {
		ti.w, ti.h = max(ti.w, 1), max(ti.h, 1)
		ti.glyphs = make([]uint8, ti.w*ti.h)
		ti.halo = ti.glyphs
		return ti
	}
	face := sh.out.Face
	scale := size / float64(face.Upem())
	ras := &te.sc.ras
	ras.Reset(ti.w, ti.h)
	penX, penY := float64(pad), float64(ti.baseline)
	for _, g := range sh.out.Glyphs {
		gx := penX + float64(g.XOffset)/64
		gy := penY - float64(g.YOffset)/64
		if outline, ok := face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
			tr := func(p font.SegmentPoint) (float32, float32) {
				return float32(gx + float64(p.X)*scale), float32(gy - float64(p.Y)*scale)
			}
			open := false
			for _, s := range outline.Segments {
				switch s.Op {
				case ot.SegmentOpMoveTo:
					if open {
						ras.ClosePath()
					}
					open = true
					ras.MoveTo(tr(s.Args[0]))
				case ot.SegmentOpLineTo:
					ras.LineTo(tr(s.Args[0]))
				case ot.SegmentOpQuadTo:
					x1, y1 := tr(s.Args[0])
					x2, y2 := tr(s.Args[1])
					ras.QuadTo(x1, y1, x2, y2)
				case ot.SegmentOpCubeTo:
					x1, y1 := tr(s.Args[0])
					x2, y2 := tr(s.Args[1])
					x3, y3 := tr(s.Args[2])
					ras.CubeTo(x1, y1, x2, y2, x3, y3)
				}
			}
			if open {
				ras.ClosePath()
			}
		}
		penX += float64(g.XAdvance) / 64
	}
	alpha := image.NewAlpha(image.Rect(0, 0, ti.w, ti.h))
	ras.Draw(alpha, alpha.Rect, image.Opaque, image.Point{})
	ti.glyphs = alpha.Pix
	if halo > 0 {
		ti.halo = dilate(ti.glyphs, ti.w, ti.h, halo)
	} else {
		ti.halo = ti.glyphs
	}
	return ti
}

// dilate spreads a coverage mask by radius r (a round, antialiased
// structuring element): the halo drawn behind text.
func dilate(m []uint8, w, h int, r float64) []uint8 {
	type tap struct {
		dx, dy int
		k      uint32 // weight 0..256
	}
	var taps []tap
	ri := int(math.Ceil(r))
	for dy := -ri; dy <= ri; dy++ {
		for dx := -ri; dx <= ri; dx++ {
			f := clamp01(r + 0.5 - math.Hypot(float64(dx), float64(dy)))
			if f > 0 {
				taps = append(taps, tap{dx, dy, uint32(f*256 + 0.5)})
			}
		}
	}
	out := make([]uint8, len(m))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := m[y*w+x]
			if a == 0 {
				continue
			}
			for _, t := range taps {
				xx, yy := x+t.dx, y+t.dy
				if xx < 0 || yy < 0 || xx >= w || yy >= h {
					continue
				}
				v := uint8(uint32(a) * t.k >> 8)
				if o := &out[yy*w+xx]; v > *o {
					*o = v
				}
			}
		}
	}
	return out
}
