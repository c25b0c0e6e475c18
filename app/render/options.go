package render

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
	// NoLabels suppresses entity labels; NoEdgeLabels relation labels.
	NoLabels, NoEdgeLabels bool
	// Workers is the number of goroutines (0: GOMAXPROCS).
	Workers int
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// nodeStyle bounds node discs on screen, in logical pixels.
type nodeStyle struct{ minR, maxR float64 }

func nodeStyleFor(v Viewport) nodeStyle { return nodeStyle{minR: 1.3, maxR: 42} }

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
