package gui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// analysisJob runs the Analysis menu's measures: a job (progress dialog,
// Cancel; a newer request replaces one running).
type analysisJob = job[*view.AnalyzeResult]

// analysisMenu is the Analysis menu: compute a measure, size and colour
// the chart by the measures computed.
func (u *ui) analysisMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, m := range view.Measures {
		label := view.MeasureLabel(m)
		if measureHasOptions(m) {
			label += "…"
		}
		items = append(items, fyne.NewMenuItem(label, func() { u.askMeasure(m) }))
	}
	sizeBy := fyne.NewMenuItem(lang.L("Size by"), nil)
	colourBy := fyne.NewMenuItem(lang.L("Colour by"), nil)
	sizeBy.ChildMenu, colourBy.ChildMenu = fyne.NewMenu(""), fyne.NewMenu("")
	var size, colour string
	var measures map[string]*graph.Measure
	if u.ex != nil {
		ch := u.ex.g.Chart()
		size, colour, measures = ch.Settings[view.ChartSizeBy], ch.Settings[view.ChartColourBy], ch.Measures
	}
	none := fyne.NewMenuItem(lang.L("None (relations)"), func() { u.setChartStyle(view.ChartSizeBy, "") })
	none.Checked = measures[size] == nil
	byType := fyne.NewMenuItem(lang.L("Type"), func() { u.setChartStyle(view.ChartColourBy, "") })
	byType.Checked = measures[colour] == nil
	sizeBy.ChildMenu.Items = append(sizeBy.ChildMenu.Items, none)
	colourBy.ChildMenu.Items = append(colourBy.ChildMenu.Items, byType)
	for _, name := range slices.Sorted(maps.Keys(measures)) {
		it := fyne.NewMenuItem(view.MeasureLabel(name), nil)
		if measures[name].Partition {
			it.Action = func() { u.setChartStyle(view.ChartColourBy, name) }
			it.Checked = colour == name
			colourBy.ChildMenu.Items = append(colourBy.ChildMenu.Items, it)
		} else {
			it.Action = func() { u.setChartStyle(view.ChartSizeBy, name) }
			it.Checked = size == name
			sizeBy.ChildMenu.Items = append(sizeBy.ChildMenu.Items, it)
		}
	}
	table := fyne.NewMenuItem(lang.L("Entity Table"), u.showTable)
	table.Shortcut = shortcutTable
	items = append(items, fyne.NewMenuItemSeparator(), sizeBy, colourBy, fyne.NewMenuItemSeparator(), table)
	return fyne.NewMenu(lang.L("Analysis"), items...)
}

// shortcutTable opens the entity table.
var shortcutTable = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}

// wireAnalysis keeps the Analysis menu and the table in step with the
// chart's measures.
func (u *ui) wireAnalysis() {
	if u.ana == nil {
		u.ana = &analysisState{job: newJob[*view.AnalyzeResult](u.win)}
		u.win.Canvas().AddShortcut(shortcutTable, func(fyne.Shortcut) { u.showTable() })
	}
	u.ana.measures = measureSet(u.ex.g)
	u.ex.onFilter = append(u.ex.onFilter, func() {
		if s := measureSet(u.ex.g); s != u.ana.measures {
			u.ana.measures = s
			u.win.SetMainMenu(u.mainMenu())
			// sizes and the legend change the room the graph takes
			u.refitFirstView(true)
			if u.canvas != nil && u.canvas.autoFit {
				u.canvas.fitView()
			}
		}
	})
}

// analysisState is the window's analysis: the job computing measures,
// and which measures and styling the menu was last built with.
type analysisState struct {
	job      *analysisJob
	measures string
	// submit is the parameter dialog last shown's answer (tests press it)
	submit func(bool)
}

// measureSet names g's measures and styling, to tell when the menu is
// stale.
func measureSet(g *graph.Graph) string {
	ch := g.Chart()
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(ch.Measures)) {
		fmt.Fprintf(&b, "%s/%p ", name, ch.Measures[name])
	}
	b.WriteString(ch.Settings[view.ChartSizeBy] + "|" + ch.Settings[view.ChartColourBy])
	return b.String()
}

// setChartStyle records "size-by" or "colour-by" (undoable).
func (u *ui) setChartStyle(key, measure string) {
	if u.ex.g.Chart().Settings[key] == measure {
		return
	}
	u.do(graph.SetChart{Key: key, Value: measure})
}

// measureHasOptions reports whether a measure asks for parameters.
func measureHasOptions(m string) bool { return m != "components" && m != "scc" }

// askMeasure asks for the measure's parameters (relation types, direction,
// sampling, resolution, seed) and computes it.
func (u *ui) askMeasure(m string) {
	req := view.AnalyzeRequest{Measure: m}
	if !measureHasOptions(m) {
		u.runMeasure(req)
		return
	}
	var types []string
	for _, tc := range u.ex.g.EdgeTypes() {
		types = append(types, tc.Type)
	}
	sort.Strings(types)
	rel := widget.NewCheckGroup(types, nil)
	relScroll := container.NewVScroll(rel)
	relScroll.SetMinSize(fyne.NewSize(0, 160))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Relation types"), relScroll)}
	items[0].HintText = lang.L("None ticked: every type.")
	directed := widget.NewCheck(lang.L("Follow relation direction"), nil)
	samples, seed, resolution, damping := numEntry("0"), numEntry("1"), numEntry("1"), numEntry("0.85")
	switch m {
	case "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "kcore":
		items = append(items, widget.NewFormItem("", directed))
	}
	switch m {
	case "betweenness", "closeness", "harmonic":
		it := widget.NewFormItem(lang.L("Samples"), samples)
		it.HintText = fmt.Sprintf(lang.L("0: exact up to %d entities"), view.ExactUpTo(m))
		items = append(items, it, widget.NewFormItem(lang.L("Seed"), seed))
	case "communities":
		items = append(items, widget.NewFormItem(lang.L("Resolution"), resolution), widget.NewFormItem(lang.L("Seed"), seed))
	case "pagerank":
		items = append(items, widget.NewFormItem(lang.L("Damping"), damping))
	}
	submit := func(ok bool) {
		if !ok {
			return
		}
		req.RelTypes = append([]string(nil), rel.Selected...)
		req.Directed = directed.Checked
		req.Samples, _ = strconv.Atoi(strings.TrimSpace(samples.Text))
		s, _ := strconv.ParseUint(strings.TrimSpace(seed.Text), 10, 64)
		req.Seed = s
		req.Resolution, _ = strconv.ParseFloat(strings.TrimSpace(resolution.Text), 64)
		if m == "pagerank" {
			req.Damping, _ = strconv.ParseFloat(strings.TrimSpace(damping.Text), 64)
		}
		u.runMeasure(req)
	}
	u.ana.submit = submit
	d := dialog.NewForm(view.MeasureLabel(m), lang.L("Compute"), lang.L("Cancel"), items, submit, u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

func numEntry(v string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(v)
	return e
}

// runMeasure computes req on a snapshot in the analysis job, then stores
// the result in the model (one undoable step, saved with the workspace)
// and sizes (or, for a partition, colours) the chart by it.
func (u *ui) runMeasure(req view.AnalyzeRequest) {
	snap := u.ex.snapshot()
	title := view.MeasureLabel(req.Measure)
	u.ana.job.start(fmt.Sprintf(lang.L("Computing %s…"), title), func(ctx context.Context, progress func(string)) (*view.AnalyzeResult, error) {
		last := -1
		return view.Analyze(ctx, snap, req, func(f float64) {
			if pc := int(f * 100); pc != last {
				last = pc
				progress(fmt.Sprintf(lang.L("Computing %s: %d%%"), title, pc))
			}
		})
	}, func(res *view.AnalyzeResult, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.storeMeasure(snap, res)
	})
}

// storeMeasure applies res (computed on snap) to the model.
func (u *ui) storeMeasure(snap *graph.Graph, res *view.AnalyzeResult) {
	cmds := []graph.Command{res.MeasureCommand(snap)}
	key := view.ChartSizeBy
	if res.Partition != nil {
		key = view.ChartColourBy
	}
	if u.ex.g.Chart().Settings[key] != res.Measure {
		cmds = append(cmds, graph.SetChart{Key: key, Value: res.Measure})
	}
	if u.do(graph.Batch{Name: "compute " + res.Measure, Cmds: cmds}) {
		msg := fmt.Sprintf(lang.L("%s computed in %s."), view.MeasureLabel(res.Measure), elapsed(res.Elapsed))
		if res.LocalNote != "" {
			msg += " " + res.LocalNote
		}
		u.notify(msg)
	}
}

// elapsed writes a computation's time for people.
func elapsed(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf(lang.L("%d ms"), max(d.Milliseconds(), 1))
	}
	return d.Round(10 * time.Millisecond).String()
}
