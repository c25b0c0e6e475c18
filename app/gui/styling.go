package gui

import (
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// styleKey is what a scene's styling by measures depends on: the scenes,
// the chart's "size-by" and "colour-by" and the measures they name
// (immutable once set, so a pointer tells a new one).
type styleKey struct {
	scene, drawn   *render.Scene
	size, colour   string
	sizeM, colourM *graph.Measure
}

// applyStyling sizes and colours the entities from the chart's measures
// (view.StylingOf, as `linkscope export -w` does) when that changed.
func (ex *explorer) applyStyling() {
	ch := ex.g.Chart()
	k := styleKey{scene: ex.scene, drawn: ex.drawn, size: ch.Settings[view.ChartSizeBy], colour: ch.Settings[view.ChartColourBy]}
	k.sizeM, k.colourM = ch.Measures[k.size], ch.Measures[k.colour]
	if k == ex.styled {
		return
	}
	view.ApplyStyling(ex.scene, ex.g)
	if ex.drawn != nil {
		view.ApplyStyling(ex.drawn, ex.g)
	}
	k.scene, k.drawn = ex.scene, ex.drawn
	ex.styled = k
}

// threshold is the chart's measure threshold (none when unset).
func (ex *explorer) threshold() view.Threshold {
	t, _ := view.ThresholdOf(ex.g)
	return t
}
