package render

import (
	"hash/fnv"
	"image/color"
	"strings"
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
	bg, text, halo, edge, edgeLabel, accent, hover, nodeBorder, icon, panel, panelBorder color.NRGBA
	edgeAlpha, dimAlpha                                                                  float64
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
	edgeAlpha:   0.5,
	dimAlpha:    0.16,
}

// TypeStyle is how entities of one type are drawn.
type TypeStyle struct {
	// Color fills the node disc.
	Color color.NRGBA
	// Icon names the icon drawn on the disc (see assets.IconNames).
	Icon string
}

// knownTypes maps type names and their usual synonyms to a style.
var knownTypes = map[string]TypeStyle{}

func init() {
	add := func(c color.NRGBA, icon string, names ...string) {
		for _, n := range names {
			knownTypes[n] = TypeStyle{c, icon}
		}
	}
	add(color.NRGBA{60, 110, 170, 255}, "company", "company", "corporation", "firm", "business", "startup", "subsidiary")
	add(color.NRGBA{205, 62, 66, 255}, "regulator", "regulator", "authority", "dpa", "supervisor", "agency", "data-protection-authority")
	add(color.NRGBA{64, 150, 72, 255}, "ngo", "ngo", "association", "advocacy", "nonprofit", "non-profit", "charity", "civil-society")
	add(color.NRGBA{226, 128, 30, 255}, "person", "person", "individual", "people", "executive", "journalist", "founder")
	add(color.NRGBA{74, 78, 150, 255}, "police", "law-enforcement", "law_enforcement", "lawenforcement", "police", "enforcement")
	add(color.NRGBA{150, 90, 150, 255}, "media", "media", "newspaper", "outlet", "press", "publisher", "news")
	add(color.NRGBA{36, 150, 150, 255}, "platform", "platform", "website", "social-network", "social_network", "service", "app")
	add(color.NRGBA{140, 105, 80, 255}, "government", "government", "ministry", "state", "parliament", "country", "public-body", "institution")
	add(color.NRGBA{176, 140, 20, 255}, "court", "court", "tribunal", "judge", "jurisdiction")
	add(color.NRGBA{120, 128, 140, 255}, "document", "document", "report", "law", "regulation", "decision", "source")
}

// extraColors colour types we have no style for, chosen by a hash of the
// name so a type keeps its colour across datasets.
var extraColors = []color.NRGBA{
	{214, 96, 150, 255}, {100, 140, 60, 255}, {90, 120, 200, 255}, {190, 110, 60, 255},
	{60, 160, 120, 255}, {160, 80, 200, 255}, {200, 150, 60, 255}, {80, 150, 180, 255},
}

// StyleForType returns the colour and icon of an entity type.
func StyleForType(typ string) TypeStyle {
	k := strings.ToLower(strings.TrimSpace(typ))
	k = strings.ReplaceAll(k, " ", "-")
	if s, ok := knownTypes[k]; ok {
		return s
	}
	if s, ok := knownTypes[strings.TrimSuffix(k, "s")]; ok {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(k))
	return TypeStyle{extraColors[h.Sum32()%uint32(len(extraColors))], "other"}
}

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
