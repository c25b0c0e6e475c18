package graph

import (
	"hash/fnv"
	"image/color"
	"strings"
)

// TypeStyle is how entities of one type are drawn.
type TypeStyle struct {
	// Color fills the node disc.
	Color color.NRGBA
	// Icon names the icon drawn on the disc (see assets.IconNames; relation types have none).
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

// relColors colour relation types: muted, so that entities stay the
// strongest colours on the chart.
var relColors = []color.NRGBA{
	{176, 70, 70, 255}, {70, 110, 170, 255}, {80, 140, 80, 255}, {170, 120, 50, 255},
	{130, 90, 160, 255}, {60, 140, 140, 255}, {150, 110, 90, 255}, {110, 120, 60, 255},
	{170, 90, 130, 255}, {90, 100, 120, 255},
}

// knownRels maps relation types with an agreed meaning to a colour: money
// and sanctions red, complaints and requests orange, ties of business blue.
var knownRels = map[string]color.NRGBA{}

func init() {
	add := func(c color.NRGBA, names ...string) {
		for _, n := range names {
			knownRels[n] = c
		}
	}
	add(color.NRGBA{196, 58, 58, 255}, "fined", "penalized", "sanctioned", "convicted", "sued")
	add(color.NRGBA{205, 120, 40, 255}, "complained-to", "complained-against", "reported", "investigated", "ordered")
	add(color.NRGBA{60, 110, 170, 255}, "used-by", "uses", "client-of", "supplied", "contracted", "invested-in", "owns")
	add(color.NRGBA{80, 140, 80, 255}, "works-for", "represents", "founded", "employs", "member-of")
	add(color.NRGBA{150, 90, 150, 255}, "reported-on", "covered", "published")
}

// RelStyleForType returns the colour of a relation type (an untyped
// relation is drawn in the theme's neutral relation colour, a zero Color).
func RelStyleForType(typ string) TypeStyle {
	k := strings.ToLower(strings.TrimSpace(typ))
	if k == "" {
		return TypeStyle{}
	}
	k = strings.ReplaceAll(k, " ", "-")
	if c, ok := knownRels[k]; ok {
		return TypeStyle{Color: c}
	}
	h := fnv.New32a()
	h.Write([]byte(k))
	return TypeStyle{Color: relColors[h.Sum32()%uint32(len(relColors))]}
}

// OwnColor is the colour the entity's file gave it (Color, "#rrggbb"),
// drawn instead of its type's; ok is false when it has none.
func (n *Node) OwnColor() (c color.NRGBA, ok bool) {
	s := n.Color
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	var v [3]uint8
	for k := 0; k < 3; k++ {
		hi, ok1 := hexDigit(s[1+2*k])
		lo, ok2 := hexDigit(s[2+2*k])
		if !ok1 || !ok2 {
			return color.NRGBA{}, false
		}
		v[k] = hi<<4 | lo
	}
	return color.NRGBA{v[0], v[1], v[2], 255}, true
}

func hexDigit(b byte) (uint8, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}
