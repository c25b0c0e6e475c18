package render

import "math"

import "runtime"

// Options choose what Render draws beyond the graph itself.
type Options struct {
	// Theme is the colour scheme.
	Theme Theme
	// Transparent leaves the background transparent instead of filling it.
	Transparent bool
	// Title, when not empty, is drawn at the top left.
	Title string
	// Source, when not empty, is a source line drawn under the title
	// (see SourceLine).
	Source string
	// Legend draws the entity and relation types, their colours and
	// icons, in the bottom-left corner; fitting leaves it free.
	Legend bool
	// TimeLabel, when not empty, names the timeline's date or range
	// ("As of 2021-12-31"); it is drawn in a small box in the top-right
	// corner, so that a picture of the case at a date says so.
	TimeLabel string
	// NoLabels suppresses entity labels; NoEdgeLabels relation labels.
	NoLabels, NoEdgeLabels bool
	// Workers is the number of goroutines (0: GOMAXPROCS).
	Workers int
	// LOD lets Render choose the level of detail (density.go): the
	// window's frames set it; exports draw every entity.
	LOD bool
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// nodeStyle bounds node discs on screen, in logical pixels.
type nodeStyle struct{ minR, maxR float64 }

func nodeStyleFor(s *Scene, v Viewport) nodeStyle {
	return nodeStyle{minR: minScreenRadius(s.n), maxR: 42}
}

// minScreenRadius is the smallest disc radius, in logical pixels, for a
// scene of n entities: 6 (room for a type icon) up to 300 entities, then
// shrinking with the square root of their number down to 1.3, so that a
// small chart stays readable at any zoom and a big one stays a cloud.
func minScreenRadius(n int) float64 {
	if n <= 300 {
		return 6
	}
	return math.Max(1.3, 6*math.Sqrt(300/float64(n)))
}

// screenRadius converts a world radius to device pixels (k device pixels
// per world unit, sc device per logical pixel).
func (ns nodeStyle) screenRadius(rw, k, sc float64) float64 {
	r := rw * k
	if r < ns.minR*sc {
		return ns.minR * sc
	}
	if r > ns.maxR*sc {
		return ns.maxR * sc
	}
	return r
}
