package gui

import (
	"fmt"
	"image/color"
	"maps"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph"
)

// filtersPanel is the Filters tab: entity and relation types as checkable
// lists with their colour and count, a timeline slider over the dated
// relations, and a switch that hides entities left without relations.
type filtersPanel struct {
	ex        *explorer
	nodeTypes map[string]*widget.Check
	edgeTypes map[string]*widget.Check
	slider    *widget.Slider
	dateLabel *widget.Label
	isolated  *widget.Check
	summary   *widget.Label
	// hist is the histogram and range brush under the slider; undated
	// the switch for relations without a time; play animates the date
	// (see timectl.go).
	hist    *timeHist
	undated *widget.Check
	play    *widget.Button
	playing *player
	// first and last are the timeline's ends in days since 1970.
	first, last float64
	content     fyne.CanvasObject
	// showErr shows an error in the window's error dialog
	showErr func(error)
	// do applies a filter change as a command (the window's ui.apply,
	// so that it is undoable); syncing is set while sync sets the boxes.
	do      func(graph.Command) error
	syncing bool
	// threshold is the computed measures' threshold (threshold.go)
	threshold *thresholdBox
}

func newFiltersPanel(ex *explorer) *filtersPanel {
	p := &filtersPanel{ex: ex, nodeTypes: map[string]*widget.Check{}, edgeTypes: map[string]*widget.Check{}}
	p.do = func(c graph.Command) error {
		if err := ex.g.Apply(c); err != nil {
			return err
		}
		ex.readChart()
		ex.applyFilters()
		p.sync()
		return nil
	}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord

	nodeRows := container.NewVBox()
	for _, tc := range ex.g.NodeTypes() {
		t := tc.Type
		chk := widget.NewCheck(typeLabel(ex.g, t), func(on bool) { p.showType(t, on) })
		chk.SetChecked(!ex.filter.nodeTypeOff[t] && !ex.g.TypeHidden(t))
		p.nodeTypes[t] = chk
		dot := canvas.NewCircle(nodeTypeColor(ex.g, t))
		nodeRows.Add(typeRow(colorDot(dot), chk, tc.Count))
	}
	edgeRows := container.NewVBox()
	for _, tc := range ex.g.EdgeTypes() {
		t := tc.Type
		chk := widget.NewCheck(typeLabel(ex.g, t), func(on bool) { p.showType(t, on) })
		chk.SetChecked(!ex.filter.edgeTypeOff[t] && !ex.g.TypeHidden(t))
		p.edgeTypes[t] = chk
		// the relation type's colour, from the one type table (grey when
		// untyped)
		c := color.NRGBA{110, 116, 128, 255}
		if rc := ex.g.Topology().Types.RelStyle(t).Color; rc.A != 0 {
			c = rc
		}
		bar := canvas.NewRectangle(c)
		swatch := container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 3), bar))
		edgeRows.Add(typeRow(swatch, chk, tc.Count))
	}

	p.isolated = widget.NewCheck(lang.L("Hide entities without visible relations"), func(on bool) {
		if p.syncing || on == (p.ex.g.Chart().Settings[chartHideIsolated] == "true") {
			return
		}
		v := ""
		if on {
			v = "true"
		}
		name := "show isolated entities"
		if on {
			name = "hide isolated entities"
		}
		p.run(graph.Batch{Name: name, Cmds: []graph.Command{graph.SetChart{Key: chartHideIsolated, Value: v}}})
	})
	p.isolated.SetChecked(ex.filter.hideIsolated)

	timeline := p.newTimeline()

	items := []fyne.CanvasObject{
		p.summary,
		sectionHeader(lang.L("Entity types"), func(on bool) { p.setAll(p.nodeTypes, on) }),
		nodeRows,
		widget.NewSeparator(),
		sectionHeader(lang.L("Relation types"), func(on bool) { p.setAll(p.edgeTypes, on) }),
		edgeRows,
		widget.NewSeparator(),
		timeline,
		widget.NewSeparator(),
		p.isolated,
		p.newThreshold(),
	}
	p.content = container.NewVScroll(container.NewVBox(items...))
	ex.onFilter = append(ex.onFilter, p.updateSummary)
	p.updateSummary()
	return p
}

// typeRow is swatch, check box and count on one line.
func typeRow(swatch fyne.CanvasObject, chk *widget.Check, count int) fyne.CanvasObject {
	n := widget.NewLabel(itoa(count))
	n.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, swatch, n, chk)
}

// sectionHeader is a bold title with All and None buttons.
func sectionHeader(title string, setAll func(on bool)) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	all := widget.NewButton(lang.L("All"), func() { setAll(true) })
	none := widget.NewButton(lang.L("None"), func() { setAll(false) })
	all.Importance, none.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(all, none), l)
}

// run applies a filter change, showing what fails.
func (p *filtersPanel) run(c graph.Command) {
	if err := p.do(c); err != nil {
		p.sync()
		if p.showErr != nil {
			p.showErr(err)
		}
	}
}

// showType shows or hides a type (a box ticked or cleared): a HideType
// command, undoable.
func (p *filtersPanel) showType(t string, on bool) {
	if p.syncing || on == !p.ex.g.TypeHidden(t) {
		return
	}
	p.markType(p.edgeTypes[t] != nil)
	p.run(graph.HideType{Type: t, Show: on})
}

// setAll ticks or clears every box of a list: one undoable step.
func (p *filtersPanel) setAll(checks map[string]*widget.Check, on bool) {
	var cmds []graph.Command
	for _, t := range slices.Sorted(maps.Keys(checks)) {
		if on == p.ex.g.TypeHidden(t) {
			cmds = append(cmds, graph.HideType{Type: t, Show: on})
		}
	}
	if len(cmds) == 0 {
		return
	}
	for t := range checks {
		p.markType(p.edgeTypes[t] != nil && p.nodeTypes[t] == nil)
		break
	}
	name := "hide all types"
	if on {
		name = "show all types"
	}
	p.run(graph.Batch{Name: name, Cmds: cmds})
}

// markType marks a type filter change for the trace (frametrace.go).
func (p *filtersPanel) markType(rel bool) {
	if rel {
		p.ex.markFilter("relation-type")
	} else {
		p.ex.markFilter("type")
	}
}

// sync sets the boxes and the slider from the chart (after an undo).
func (p *filtersPanel) sync() {
	p.syncing = true
	defer func() { p.syncing = false }()
	g := p.ex.g
	for t, c := range p.nodeTypes {
		c.SetChecked(!p.ex.filter.nodeTypeOff[t] && !g.TypeHidden(t))
	}
	for t, c := range p.edgeTypes {
		c.SetChecked(!p.ex.filter.edgeTypeOff[t] && !g.TypeHidden(t))
	}
	p.isolated.SetChecked(p.ex.filter.hideIsolated)
	if p.slider != nil {
		v := p.last
		if key := p.ex.filter.asOf; key != 0 {
			v = float64(dayNumber(key))
		}
		if v != p.slider.Value {
			p.slider.SetValue(v)
		}
		p.showDay(v)
		p.syncTime()
	}
}

// newTimeline builds the date slider: at its right end every relation
// shows; elsewhere, relations dated after the chosen day are hidden.
func (p *filtersPanel) newTimeline() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Timeline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	first, last, ok := p.ex.timeRange()
	if !ok {
		return container.NewVBox(title, widget.NewLabel(lang.L("No relation is dated.")))
	}
	p.first, p.last = float64(dayNumber(first)), float64(dayNumber(last))
	p.dateLabel = widget.NewLabel("")
	p.slider = widget.NewSlider(p.first-1, p.last)
	p.slider.Step = 1
	p.slider.Value = p.last
	if key := p.ex.filter.asOf; key != 0 {
		p.slider.Value = float64(dayNumber(key))
	}
	// sliding previews; letting go records the day (one undoable step)
	p.slider.OnChanged = func(v float64) {
		if !p.syncing {
			p.setDay(v)
		}
	}
	p.slider.OnChangeEnded = func(v float64) {
		if !p.syncing {
			p.commitDay(v)
		}
	}
	ends := container.NewBorder(nil, nil, lowLabel(dateOfDay(p.first).Format("2006-01-02")), lowLabel(dateOfDay(p.last).Format("2006-01-02")))
	p.showDay(p.slider.Value)
	controls := p.newTimeControls()
	hint := lowLabel(lang.L("Slide left to see the case as it stood on a date, or drag the histogram's handles to choose a range. Relations known only from the date they were reported are drawn lighter."))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, p.dateLabel, p.slider, p.hist, ends, controls, hint)
}

// dayKey is the YYYYMMDD key of slider position v (0: all dates).
func (p *filtersPanel) dayKey(v float64) int32 {
	if v >= p.last {
		return 0
	}
	d := dateOfDay(v)
	return int32(d.Year()*10000 + int(d.Month())*100 + d.Day())
}

// showDay names the slider position v (days since 1970).
func (p *filtersPanel) showDay(v float64) {
	if p.dateLabel == nil {
		return
	}
	if f := p.ex.filter.from; f != 0 {
		to := lang.L("the end")
		if v < p.last {
			to = dateOfDay(v).Format("2 January 2006")
		}
		p.dateLabel.SetText(fmt.Sprintf(lang.L("From %s to %s"), dateOfDay(float64(dayNumber(f))).Format("2 January 2006"), to))
		return
	}
	if v >= p.last {
		p.dateLabel.SetText(lang.L("All dates"))
		return
	}
	p.dateLabel.SetText(fmt.Sprintf(lang.L("As of %s"), i18n.Current().DateKey(p.dayKey(v))))

}

// setDay previews the slider position v while it slides.
func (p *filtersPanel) setDay(v float64) {
	p.showDay(v)
	if key := p.dayKey(v); key != p.ex.filter.asOf {
		p.ex.markFilter("timeline")
		p.ex.setAsOf(key)
	}
	p.syncTime()
}

// commitDay records the slider position v in the chart (SetChart), so
// that the timeline is undoable.
func (p *filtersPanel) commitDay(v float64) {
	p.showDay(v)
	val := dayKeyString(p.dayKey(v))
	if val == p.ex.g.Chart().Settings[chartAsOf] {
		return
	}
	name := "show all dates"
	if val != "" {
		name = "show the case as of " + val
	}
	p.run(graph.Batch{Name: name, Cmds: []graph.Command{graph.SetChart{Key: chartAsOf, Value: val}}})
}

// setAsOfDate moves the slider to YYYYMMDD key (0: all dates) and records
// it.
func (p *filtersPanel) setAsOfDate(key int32) {
	if p.slider == nil {
		return
	}
	v := p.last
	if key != 0 {
		v = float64(dayNumber(key))
	}
	p.slider.SetValue(v)
	p.commitDay(v)
}

// updateSummary shows how much of the graph the filters let through.
func (p *filtersPanel) updateSummary() {
	n, m := p.ex.visibleCount()
	p.summary.SetText(fmt.Sprintf(lang.L("Showing %d of %d entities and %d of %d relations."), n, p.ex.g.NodeCount(), m, p.ex.g.EdgeCount()))
}

func lowLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	return l
}

// dayNumber converts a YYYYMMDD key to days since 1970-01-01.
func dayNumber(key int32) int64 {
	t := time.Date(int(key/10000), time.Month(key/100%100), int(key%100), 0, 0, 0, 0, time.UTC)
	return t.Unix() / 86400
}

// dateOfDay converts days since 1970-01-01 to a date.
func dateOfDay(d float64) time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}
