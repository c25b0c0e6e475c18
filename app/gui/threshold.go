package gui

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// thresholdBox is the Filters tab's "show entities with MEASURE ≥ X":
// shown once a measure is computed; letting go of the slider records the
// threshold in the chart (view.ChartThreshold), so it undoes and is saved.
type thresholdBox struct {
	p       *filtersPanel
	box     *fyne.Container
	measure *widget.Select
	slider  *widget.Slider
	label   *widget.Label
	// built is the measure set the box was built for (measureSet)
	built   string
	syncing bool
}

// newThresholdBox adds the box to p (empty until a measure is computed).
func newThresholdBox(p *filtersPanel) *thresholdBox {
	t := &thresholdBox{p: p, box: container.NewVBox()}
	t.rebuild()
	p.ex.onFilter = append(p.ex.onFilter, t.update)
	return t
}

func (p *filtersPanel) newThreshold() fyne.CanvasObject {
	p.threshold = newThresholdBox(p)
	return p.threshold.box
}

// valueMeasures are g's computed measures that are magnitudes.
func valueMeasures(g *graph.Graph) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(g.Chart().Measures)) {
		if !g.Chart().Measures[name].Partition {
			out = append(out, name)
		}
	}
	return out
}

func (t *thresholdBox) rebuild() {
	g := t.p.ex.g
	t.built = measureSet(g)
	t.box.RemoveAll()
	names := valueMeasures(g)
	if len(names) == 0 {
		t.measure, t.slider, t.label = nil, nil, nil
		return
	}
	t.label = widget.NewLabel("")
	t.label.Wrapping = fyne.TextWrapWord
	t.slider = widget.NewSlider(0, 1)
	t.slider.OnChanged = func(v float64) {
		if !t.syncing {
			t.showValue(v)
		}
	}
	t.slider.OnChangeEnded = func(v float64) {
		if !t.syncing {
			t.commit(v)
		}
	}
	t.measure = widget.NewSelect(names, func(string) {
		if !t.syncing {
			t.setRange()
			t.commit(t.slider.Min)
		}
	})
	title := widget.NewLabelWithStyle(lang.L("Computed measures"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.box.Add(widget.NewSeparator())
	t.box.Add(title)
	t.box.Add(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Show entities with")), nil, t.measure))
	t.box.Add(t.slider)
	t.box.Add(t.label)
	t.sync()
}

// update follows the chart: a new measure set rebuilds the box, an undo
// moves the slider.
func (t *thresholdBox) update() {
	if measureSet(t.p.ex.g) != t.built {
		t.rebuild()
		return
	}
	t.sync()
}

// sync sets the select and slider from the chart.
func (t *thresholdBox) sync() {
	if t.measure == nil {
		return
	}
	t.syncing = true
	defer func() { t.syncing = false }()
	th, ok := view.ThresholdOf(t.p.ex.g)
	name := th.Measure
	if !ok || !slices.Contains(t.measure.Options, name) {
		name = t.measure.Options[0]
		if t.measure.Selected != "" && slices.Contains(t.measure.Options, t.measure.Selected) {
			name = t.measure.Selected
		}
	}
	if t.measure.Selected != name {
		t.measure.SetSelected(name)
	}
	t.setRange()
	v := t.slider.Min
	if ok {
		v = math.Min(math.Max(th.Min, t.slider.Min), t.slider.Max)
	}
	if t.slider.Value != v {
		t.slider.SetValue(v)
	}
	t.showValue(v)
}

// setRange spans the slider over the chosen measure's values.
func (t *thresholdBox) setRange() {
	lo, hi := measureRange(t.p.ex.g, t.measure.Selected)
	if hi <= lo {
		hi = lo + 1
	}
	t.slider.Min, t.slider.Max = lo, hi
	t.slider.Step = (hi - lo) / 200
	if integral(t.p.ex.g, t.measure.Selected) {
		t.slider.Step = 1
	}
	if t.slider.Value < lo || t.slider.Value > hi {
		t.slider.Value = lo
	}
	t.slider.Refresh()
}

// integral reports whether every value of a measure is a whole number.
func integral(g *graph.Graph, name string) bool {
	m := g.Chart().Measures[name]
	if m == nil {
		return false
	}
	for _, v := range m.Values {
		if v != math.Trunc(v) {
			return false
		}
	}
	return true
}

// measureRange is the smallest and largest finite value of a measure.
func measureRange(g *graph.Graph, name string) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	if m := g.Chart().Measures[name]; m != nil {
		for _, v := range m.Values {
			if graph.Finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}

// showValue names the slider position and what it keeps.
func (t *thresholdBox) showValue(v float64) {
	name := t.measure.Selected
	m := t.p.ex.g.Chart().Measures[name]
	if m == nil {
		return
	}
	kept := 0
	for _, x := range m.Values {
		if x >= v {
			kept++
		}
	}
	t.label.SetText(fmt.Sprintf(lang.L("%s ≥ %s: %d of %d entities"), view.MeasureLabel(name), view.FormatValue(v), kept, len(m.Values)))
}

// commit records the threshold (none at the slider's left end).
func (t *thresholdBox) commit(v float64) {
	t.showValue(v)
	val := ""
	if v > t.slider.Min {
		val = view.Threshold{Measure: t.measure.Selected, Min: v}.String()
	}
	if val == t.p.ex.g.Chart().Settings[view.ChartThreshold] {
		return
	}
	t.p.run(graph.SetChart{Key: view.ChartThreshold, Value: val})
}
