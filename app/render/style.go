package render

import (
	"image/color"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// Theme is a colour scheme.
type Theme int

const (
	// Light draws dark text on a white background.
	Light Theme = iota
	// Dark draws light text on a near-black background.
	Dark
)

// ParseTheme maps "light" and "dark" to a Theme.
func ParseTheme(s string) (Theme, bool) {
	switch strings.ToLower(s) {
	case "light", "":
		return Light, true
	case "dark":
		return Dark, true
	}
	return Light, false
}

// palette holds a theme's colours (not premultiplied, alpha 255 unless said).
type palette struct {
	bg, text, halo, edge, edgeLabel, accent, hover, nodeBorder, icon, panel, panelBorder, note, noteBorder color.NRGBA
	edgeAlpha, dimAlpha                                                                                    float64
}

func paletteOf(t Theme) *palette {
	if t == Dark {
		return &darkPalette
	}
	return &lightPalette
}

var lightPalette = palette{
	bg:          color.NRGBA{255, 255, 255, 255},
	text:        color.NRGBA{28, 30, 36, 255},
	halo:        color.NRGBA{255, 255, 255, 235},
	edge:        color.NRGBA{110, 116, 128, 255},
	edgeLabel:   color.NRGBA{70, 74, 84, 255},
	accent:      color.NRGBA{232, 121, 0, 255},
	hover:       color.NRGBA{40, 110, 220, 255},
	nodeBorder:  color.NRGBA{255, 255, 255, 255},
	icon:        color.NRGBA{255, 255, 255, 255},
	panel:       color.NRGBA{255, 255, 255, 230},
	panelBorder: color.NRGBA{200, 204, 212, 255},
	note:        color.NRGBA{255, 246, 204, 250},
	noteBorder:  color.NRGBA{214, 176, 60, 255},
	edgeAlpha:   0.55,
	dimAlpha:    0.14,
}

var darkPalette = palette{
	bg:          color.NRGBA{22, 24, 29, 255},
	text:        color.NRGBA{232, 234, 238, 255},
	halo:        color.NRGBA{22, 24, 29, 235},
	edge:        color.NRGBA{150, 156, 170, 255},
	edgeLabel:   color.NRGBA{190, 194, 204, 255},
	accent:      color.NRGBA{255, 160, 40, 255},
	hover:       color.NRGBA{110, 170, 255, 255},
	nodeBorder:  color.NRGBA{22, 24, 29, 255},
	icon:        color.NRGBA{255, 255, 255, 255},
	panel:       color.NRGBA{32, 35, 42, 235},
	panelBorder: color.NRGBA{70, 74, 86, 255},
	note:        color.NRGBA{64, 56, 28, 245},
	noteBorder:  color.NRGBA{170, 140, 50, 255},
	edgeAlpha:   0.5,
	dimAlpha:    0.16,
}

// TypeStyle is how entities of one type are drawn: the model's type table
// decides it (see graph.TypeTable).
type TypeStyle = graph.TypeStyle

// mix blends a toward b by t (0: a, 1: b), keeping a's alpha.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), a.A}
}

// withAlpha scales c's alpha by f.
func withAlpha(c color.NRGBA, f float64) color.NRGBA {
	if f < 0 {
		f = 0
	}
	if f > 1 {
		f = 1
	}
	c.A = uint8(float64(c.A)*f + 0.5)
	return c
}
