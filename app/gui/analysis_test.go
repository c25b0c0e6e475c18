package gui

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// compute runs a measure from the Analysis menu and waits for it.
func compute(t *testing.T, u *ui, q *uiQueue, item string) {
	t.Helper()
	u.ana.submit = nil
	menuItem(t, u, "Analysis", item).Action()
	if u.ana.submit != nil {
		u.ana.submit(true)
	}
	u.ana.job.t.Wait()
	q.run()
}

func TestPageRankFromTheMenuIsStoredAndUndone(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	compute(t, u, q, "PageRank…")
	m := u.ex.g.Chart().Measures["pagerank"]
	if m == nil || len(m.Values) != u.ex.g.NodeCount() || m.Partition {
		t.Fatalf("pagerank not stored: %+v", m)
	}
	if u.ex.g.Chart().Settings[view.ChartSizeBy] != "pagerank" {
		t.Fatal("the chart is not sized by the new measure")
	}
	cv := node(t, u.ex.g, "clearview-ai")
	if v, _ := u.ex.g.MeasureOf("pagerank", cv); v <= 0 {
		t.Fatalf("Clearview AI pagerank %v", v)
	}
	// the menu now offers it under Size by
	found := false
	for _, it := range menuItem(t, u, "Analysis", "Size by").ChildMenu.Items {
		found = found || it.Label == "PageRank" && it.Checked
	}
	if !found {
		t.Fatal("Size by does not list PageRank, ticked")
	}
	u.undo()
	if u.ex.g.Chart().Measures["pagerank"] != nil || u.ex.g.Chart().Settings[view.ChartSizeBy] != "" {
		t.Fatal("undo left the measure")
	}
}

func TestSizeByChangesDrawnRadii(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	g := u.ex.g
	v := render.Viewport{Zoom: 8, Width: 800, Height: 800, Scale: 1}
	compute(t, u, q, "Betweenness…")
	// the most between entity (Clearview AI or CNIL) and a leaf
	cv, wm := node(t, g, "clearview-ai"), node(t, g, "walmart")
	for i := int32(0); int(i) < g.NodeCount(); i++ {
		if a, b := g.MeasureOf("betweenness", i); b && a > must(g.MeasureOf("betweenness", cv)) {
			cv = i
		}
	}
	u.undo()
	before := []float64{render.ScreenRadius(u.ex.scene, v, cv), render.ScreenRadius(u.ex.scene, v, wm)}
	u.redo()
	after := []float64{render.ScreenRadius(u.ex.scene, v, cv), render.ScreenRadius(u.ex.scene, v, wm)}
	if b, _ := g.MeasureOf("betweenness", wm); b != 0 {
		t.Fatalf("Walmart betweenness %v, want 0 (a leaf)", b)
	}
	if after[1] >= before[1] || after[0]/after[1] <= before[0]/before[1] {
		t.Fatalf("radii before %v after %v: Walmart (betweenness 0) should shrink, Clearview AI (the most between) grow relative to it", before, after)
	}
	if r := after[0] / after[1]; math.Abs(r-view.MaxSizeFactor/view.MinSizeFactor) > 0.01 {
		t.Fatalf("largest/smallest radius %.3f, want %.3f", r, view.MaxSizeFactor/view.MinSizeFactor)
	}
	// None restores the radii drawn from relations
	menuItem(t, u, "Analysis", "Size by").ChildMenu.Items[0].Action()
	if r := render.ScreenRadius(u.ex.scene, v, cv); r != before[0] {
		t.Fatalf("size by none: radius %v, want %v", r, before[0])
	}
}

func TestColourByCommunitiesChangesDrawnColours(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	g := u.ex.g
	compute(t, u, q, "Communities…")
	m := g.Chart().Measures["communities"]
	if m == nil || !m.Partition || g.Chart().Settings[view.ChartColourBy] != "communities" {
		t.Fatal("communities not stored and chosen for colours")
	}
	groups := view.PartitionGroups(g, m)
	if len(groups) < 2 {
		t.Fatalf("%d communities", len(groups))
	}
	pos := make([]render.Point, g.NodeCount())
	for i := range pos {
		pos[i] = render.Point{X: float64(i%7) * 14, Y: float64(i/7) * 14}
	}
	u.ex.setPositions(pos)
	v := render.Viewport{Zoom: 6, Width: 700, Height: 700, CenterX: 42, CenterY: 42, Scale: 1}
	img := image.NewRGBA(image.Rect(0, 0, 700, 700))
	render.Render(img, u.ex.scene.Snapshot(), v, render.Options{NoLabels: true})
	for k := 0; k < 2; k++ {
		i := groups[k].Members[0]
		x, y := v.ToScreen(pos[i])
		r := render.ScreenRadius(u.ex.scene, v, i)
		got := color.NRGBAModel.Convert(img.At(int(x-0.75*r), int(y))).(color.NRGBA)
		if want := view.PartitionPalette[k]; !nearNRGBA(got, want) {
			t.Errorf("%s (community %d) drawn %v, want %v", g.Node(i).Label, k+1, got, want)
		}
	}
}

func must(v float64, _ bool) float64 { return v }

func nearNRGBA(a, b color.NRGBA) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) > 3 || int(y)-int(x) > 3 }
	return !d(a.R, b.R) && !d(a.G, b.G) && !d(a.B, b.B)
}

func TestThresholdHidesEntitiesBelow(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	compute(t, u, q, "Degree…")
	th := u.filters.threshold
	if th.slider == nil || th.measure.Selected != "degree" {
		t.Fatal("no threshold slider after computing a measure")
	}
	th.slider.SetValue(5) // fyne ends the change too
	if g := u.ex.g.Chart().Settings[view.ChartThreshold]; g != "degree>=5" {
		t.Fatalf("threshold %q, want degree>=5", g)
	}
	g := u.ex.g
	hidden, shown := 0, 0
	for i := int32(0); int(i) < g.NodeCount(); i++ {
		d, _ := g.MeasureOf("degree", i)
		if vis := u.ex.nodeVisible(i); vis != (d >= 5) {
			t.Fatalf("%s degree %v visible %v", g.Node(i).Label, d, vis)
		} else if vis {
			shown++
		} else {
			hidden++
		}
	}
	if hidden == 0 || shown == 0 {
		t.Fatalf("%d hidden, %d shown", hidden, shown)
	}
	if name, _ := g.UndoName(); !strings.Contains(name, "threshold") {
		t.Fatalf("the last step is %q", name)
	}
	u.undo()
	if n, _ := u.ex.visibleCount(); n != g.NodeCount() {
		t.Fatalf("after undo %d of %d shown (threshold %q, redo %v)", n, g.NodeCount(), g.Chart().Settings[view.ChartThreshold], func() string { s, _ := g.RedoName(); return s }())
	}
}

func TestTableSortsByAMeasureAndSelects(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	compute(t, u, q, "PageRank…")
	menuItem(t, u, "Analysis", "Entity Table").Action()
	if u.tableWin == nil || u.tableWin.Content() != u.table.content {
		t.Fatal("Entity Table did not open the table's window")
	}
	p := u.table
	col := colMeasures + slices.Index(p.measures, "pagerank")
	if col < colMeasures {
		t.Fatalf("no pagerank column: %v", p.measures)
	}
	p.sortBy(col) // a new column: highest first
	g := u.ex.g
	vals := make([]float64, len(p.rows))
	for k, i := range p.rows {
		vals[k], _ = g.MeasureOf("pagerank", i)
	}
	if len(vals) != g.NodeCount() || !slices.IsSortedFunc(vals, func(a, b float64) int { return -cmpF(a, b) }) {
		t.Fatalf("not sorted highest first: %v", vals)
	}
	p.sortBy(col)
	if first, _ := g.MeasureOf("pagerank", p.rows[0]); first != slices.Min(vals) {
		t.Fatal("sorting again did not reverse")
	}
	p.table.Select(widget.TableCellID{Row: 0, Col: colLabel})
	if u.ex.selected != p.rows[0] {
		t.Fatalf("selected %d, want row 0's %d", u.ex.selected, p.rows[0])
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestConnectingNetworkHighlightsClearview(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	g := u.ex.g
	f := u.finders
	for _, id := range []string{"noyb", "walmart", "ico"} {
		f.pick.set(node(t, g, id))
		f.add(&f.seeds)
	}
	f.findNetwork()
	u.paths.task.Wait()
	q.run()
	if !slices.Contains(u.ex.pathNodes, node(t, g, "clearview-ai")) || len(u.ex.pathEdges) == 0 {
		t.Fatalf("network %v does not go through Clearview AI (status %q)", u.ex.pathNodes, u.paths.status.Text)
	}
	if h := u.ex.scene.Highlight(); !h.Dim {
		t.Fatal("the network does not dim the rest")
	}
	// saved as a named view, reopened after clearing
	want, wantEdges := slices.Clone(u.ex.pathNodes), slices.Clone(u.ex.pathEdges)
	if !f.views.save("network") {
		t.Fatal("saving the view failed")
	}
	u.ex.setPath(nil, nil)
	f.views.list.SetSelected("network")
	if got := u.ex.pathNodes; !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Fatalf("reopened view %v, want %v", got, want)
	}
	if got := u.ex.pathEdges; !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(wantEdges))) {
		t.Fatalf("reopened view's relations %v, want %v", got, wantEdges)
	}
	// seeds that no path joins fall apart
	f.seeds = []int32{node(t, g, "noyb")}
	f.excl = nil
	iso := graph.AddEntity{ID: "loner", Type: "person", Label: "Loner"}
	if !u.do(iso) {
		t.Fatal("add entity")
	}
	f.seeds = append(f.seeds, node(t, u.ex.g, "loner"))
	f.findNetwork()
	u.paths.task.Wait()
	q.run()
	if txt := u.paths.status.Text; !contains(txt, "fall apart") {
		t.Fatalf("status %q", txt)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestEarliestArrivalFromJumboGoesForwards(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	g := u.ex.g
	p := u.paths
	p.from.set(node(t, g, "jumbo-privacy"))
	p.to.set(node(t, g, "gdpr"))
	p.timed.on.SetChecked(true)
	p.timed.date.SetText("2020")
	p.findPaths()
	p.task.Wait()
	q.run()
	if len(p.results) != 1 {
		t.Fatalf("%d results (%q)", len(p.results), p.status.Text)
	}
	ps := p.results[0].path
	last := int32(0)
	for k, e := range ps.Edges {
		r := g.Edge(e)
		if r.From != ps.Nodes[k] || r.To != ps.Nodes[k+1] {
			t.Fatalf("step %d follows %s backwards", k, r.Type)
		}
		if !r.Date.IsZero() {
			if r.Date.First() < last || r.Date.First() < 20200101 {
				t.Fatalf("step %d dated %v goes back in time", k, r.Date)
			}
			last = r.Date.First()
		}
	}
	// Walmart was a client before Jumbo's complaint: no path forwards in time
	p.to.set(node(t, g, "walmart"))
	p.findPaths()
	p.task.Wait()
	q.run()
	if len(p.results) != 0 {
		t.Fatalf("a time-respecting path to Walmart: %s", p.results[0].text)
	}
}
