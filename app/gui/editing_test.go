package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// fill types text into the open form's field named label.
func fill(t *testing.T, u *ui, label, text string) {
	t.Helper()
	if u.form == nil {
		t.Fatal("no form is open")
	}
	switch w := u.form.field(label).(type) {
	case *widget.Entry:
		w.SetText(text)
	case *widget.SelectEntry:
		w.SetText(text)
	default:
		t.Fatalf("form %q has no entry %q (%T)", u.form.title, label, w)
	}
}

// choose picks option k of the open form's select named label.
func choose(t *testing.T, u *ui, label string, k int) {
	t.Helper()
	s, ok := u.form.field(label).(*widget.Select)
	if !ok {
		t.Fatalf("form %q has no select %q", u.form.title, label)
	}
	s.SetSelectedIndex(k)
}

// runMenu runs the Edit menu item whose label starts with prefix.
func runMenu(t *testing.T, u *ui, prefix string) {
	t.Helper()
	it := menuItem(t, u, "Edit", prefix)
	if it.Disabled {
		t.Fatalf("%q is disabled", it.Label)
	}
	it.Action()
}

func TestAddEntityAndRelationFromTheMenu(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	n0, m0 := g.NodeCount(), g.EdgeCount()
	runMenu(t, u, "Add Entity")
	fill(t, u, "Type", "regulator")
	fill(t, u, "Label", "Garante privacy")
	fill(t, u, "Aliases", "Garante, GPDP")
	fill(t, u, "Properties", "country=IT\nfounded=1997")
	u.form.submit()
	if g.NodeCount() != n0+1 {
		t.Fatal("no entity added")
	}
	i := int32(n0)
	nd := g.Node(i)
	if nd.Label != "Garante privacy" || nd.Type != "regulator" || !slices.Equal(nd.Aliases, []string{"Garante", "GPDP"}) ||
		nd.Props.Value("country") != "IT" || nd.Props.Value("founded") != 1997.0 || !nd.Placed {
		t.Fatalf("added %+v", nd)
	}
	if u.ex.selected != i || len(u.ex.pos) != g.NodeCount() {
		t.Fatal("the new entity should be selected and placed on the canvas")
	}
	// a relation to Clearview
	cv := node(t, g, "clearview-ai")
	u.ex.toggleChosen(cv)
	u.ex.selected = i // from the new entity
	runMenu(t, u, "Add Relation")
	fill(t, u, "Type", "fined")
	fill(t, u, "Date", "2022-02-09")
	fill(t, u, "Amount", "20000000")
	fill(t, u, "Currency", "eur")
	fill(t, u, "Source title", "Il Garante sanziona Clearview")
	fill(t, u, "Source URL", "https://www.garanteprivacy.it/clearview")
	fill(t, u, "Quote", "sanzione di 20 milioni di euro")
	u.form.submit()
	if g.EdgeCount() != m0+1 {
		t.Fatal("no relation added")
	}
	r := g.Edge(int32(m0))
	if r.From != i || r.To != cv || r.Type != "fined" || r.Date.String() != "2022-02-09" || r.Props.Value("amount") != 2e7 || r.Props.Value("currency") != "EUR" {
		t.Fatalf("relation %+v", r)
	}
	if len(r.Sources) != 1 || r.Sources[0].Quote != "sanzione di 20 milioni di euro" {
		t.Fatalf("citation %+v", r.Sources)
	}
	if s, ok := g.Source(r.Sources[0].Source); !ok || s.URL != "https://www.garanteprivacy.it/clearview" {
		t.Fatal("the source document was not added")
	}
	if name, _ := g.UndoName(); name != "add Garante privacy fined Clearview AI" {
		t.Fatalf("undo name %q", name)
	}
	u.undo()
	u.undo()
	if g.NodeCount() != n0 || g.EdgeCount() != m0 || len(u.ex.pos) != n0 {
		t.Fatalf("undo left %d entities, %d relations", g.NodeCount(), g.EdgeCount())
	}
}

func TestEditEntityIsOneStep(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	cnil := node(t, g, "cnil")
	before := *g.Node(cnil)
	u.ex.selectNode(cnil)
	runMenu(t, u, "Edit Entity")
	fill(t, u, "Label", "CNIL (France)")
	fill(t, u, "Aliases", "Commission nationale de l'informatique et des libertés")
	fill(t, u, "Properties", "country=FR")
	u.form.submit()
	nd := g.Node(cnil)
	if nd.Label != "CNIL (France)" || len(nd.Aliases) != 1 || nd.Props.Value("country") != "FR" {
		t.Fatalf("edited %+v", nd)
	}
	if !strings.Contains(texts(u.details.box), "CNIL (France)") {
		t.Fatal("the details show the old label")
	}
	u.undo()
	nd = g.Node(cnil)
	if nd.Label != before.Label || !slices.Equal(nd.Aliases, before.Aliases) || propsText(nd.Props.Map()) != propsText(before.Props.Map()) {
		t.Fatalf("one undo should restore the entity: %+v", nd)
	}
}

func TestRubberBandSelectsExactlyTheEntitiesInside(t *testing.T) {
	u := newTestUI(t)
	c := u.canvas
	// a band from the top-left corner to the right of the leftmost third
	// of the entities drawn
	sz := c.Size()
	var xs []float32
	for i := range u.ex.pos {
		if u.ex.nodeVisible(int32(i)) {
			xs = append(xs, screenPos(c, int32(i)).X)
		}
	}
	slices.Sort(xs)
	right := (xs[len(xs)/3] + xs[len(xs)/3+1]) / 2
	from, to := fyne.NewPos(2, 2), fyne.NewPos(right, sz.Height-2)
	var want []int32
	for i := range u.ex.pos {
		p := screenPos(c, int32(i))
		if u.ex.nodeVisible(int32(i)) && p.X >= from.X && p.X <= to.X && p.Y >= from.Y && p.Y <= to.Y {
			want = append(want, int32(i))
		}
	}
	if len(want) < 2 || len(want) == len(u.ex.pos) {
		t.Fatalf("the band should hold some entities, not all: %d", len(want))
	}
	if _, hit := c.nodeAt(from); hit {
		t.Fatal("the band must start on the background")
	}
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	if !c.bandRect().Visible() {
		t.Fatal("no band drawn while dragging")
	}
	view := c.view
	c.DragEnd()
	if c.view != view {
		t.Fatal("a rubber band must not pan")
	}
	if got := u.ex.chosenList(); !slices.Equal(got, want) {
		t.Fatalf("chosen %v, want %v", got, want)
	}
	if c.bandRect().Visible() {
		t.Fatal("the band stays after the drag")
	}
	// Shift-click takes one out
	out := want[0]
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: screenPos(c, out)}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	c.Tapped(&fyne.PointEvent{Position: screenPos(c, out)})
	if u.ex.chosen[out] || len(u.ex.chosenList()) != len(want)-1 {
		t.Fatal("Shift-click should take the entity out of the selection")
	}
}

func TestDeleteKeyAsksForManyAndUndoBringsThemBack(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	n0, m0 := g.NodeCount(), g.EdgeCount()
	cnil := node(t, g, "cnil")
	u.ex.selectNode(cnil)
	pos := u.ex.pos[node(t, g, "noyb")]
	u.canvas.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if g.NodeCount() != n0-1 {
		t.Fatal("Delete did not delete CNIL")
	}
	if _, ok := u.ex.g.NodeIndex("cnil"); ok {
		t.Fatal("cnil still there")
	}
	// the others stay where they were
	if got := u.ex.pos[node(t, u.ex.g, "noyb")]; got != pos {
		t.Fatalf("noyb moved from %v to %v", pos, got)
	}
	u.undo()
	if g.NodeCount() != n0 || g.EdgeCount() != m0 || u.ex.selected != node(t, g, "cnil") {
		t.Fatalf("undo: %d entities, selected %d", g.NodeCount(), u.ex.selected)
	}
	// many: a confirmation first
	var ids []int32
	for i := 0; i < confirmDeleteAt; i++ {
		ids = append(ids, int32(i))
	}
	u.ex.setChosen(ids)
	u.canvas.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if g.NodeCount() != n0 {
		t.Fatal("deleted many without asking")
	}
	confirm := findButton(u.win.Canvas().Overlays().List(), "Yes")
	if confirm == nil {
		t.Fatal("no confirmation dialog")
	}
	test.Tap(confirm)
	if g.NodeCount() != n0-confirmDeleteAt {
		t.Fatalf("%d entities left after confirming", g.NodeCount())
	}
	u.undo()
	if g.NodeCount() != n0 {
		t.Fatal("undo did not bring them back")
	}
}

func TestContextMenuHideGroupAndNote(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	a, b := node(t, g, "cnil"), node(t, g, "noyb")
	u.ex.selectNode(a)
	u.ex.toggleChosen(b)
	m := u.contextMenu(a, render.Point{})
	labels := menuLabels(m)
	for _, want := range []string{"Add Relation…", "Merge 2…", "Group 2…", "Hide 2", "Delete 2"} {
		if !slices.Contains(labels, want) {
			t.Fatalf("context menu %v lacks %q", labels, want)
		}
	}
	item(t, m, "Group 2…").Action()
	fill(t, u, "Label", "CNIL and noyb")
	u.form.submit()
	if grs := g.Chart().Groups; len(grs) != 1 || grs[0].Label != "CNIL and noyb" || !slices.Equal(grs[0].Members, []string{"cnil", "noyb"}) {
		t.Fatalf("groups %+v", g.Chart().Groups)
	}
	u.ex.selectNode(a)
	u.ex.toggleChosen(b)
	item(t, u.contextMenu(a, render.Point{}), "Hide 2").Action()
	if u.ex.nodeVisible(a) || u.ex.nodeVisible(b) {
		t.Fatal("hidden entities still show")
	}
	runMenu(t, u, "Undo hide") // the menu names it
	if !u.ex.nodeVisible(a) || !u.ex.nodeVisible(b) {
		t.Fatal("undo did not show them again")
	}
	// a note on the chart, from the background's menu
	item(t, u.contextMenu(-1, render.Point{}), "Note on the Chart…").Action()
	fill(t, u, "Note", "Check the 2023 fine")
	u.form.submit()
	if g.Chart().Note != "Check the 2023 fine" {
		t.Fatalf("chart note %q", g.Chart().Note)
	}
	// and on an entity
	item(t, u.contextMenu(a, render.Point{}), "Note…").Action()
	fill(t, u, "Note", "Asked Clearview twice")
	u.form.submit()
	if g.Node(a).Note != "Asked Clearview twice" {
		t.Fatal("no note on CNIL")
	}
	if !strings.Contains(texts(u.details.box), "Asked Clearview twice") {
		t.Fatal("the details do not show the note")
	}
}

func menuLabels(m *fyne.Menu) []string {
	var out []string
	for _, it := range m.Items {
		out = append(out, it.Label)
	}
	return out
}

func item(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no %q in %v", label, menuLabels(m))
	return nil
}

func TestMergeDialogChoicesAndUndo(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	// a second file's name for CNIL
	if err := u.apply(graph.AddEntity{ID: "cnil-b", Type: "agency", Label: "Cnil", Props: map[string]any{"country": "France"}}); err != nil {
		t.Fatal(err)
	}
	cv := g.Node(node(t, g, "clearview-ai")).ID
	if err := u.apply(graph.AddRelation{ID: "x1", Source: "cnil-b", Target: cv, Type: "warned"}); err != nil {
		t.Fatal(err)
	}
	cnil := node(t, g, "cnil")
	before := *g.Node(cnil)
	deg := g.Degree(cnil)
	n0 := g.NodeCount()

	// the duplicates finder lists them
	q := queueUI(t)
	u.showDuplicates()
	q.wait()
	q.run()
	var pair *fyne.Container
	for _, o := range u.dups.list.Objects {
		if strings.Contains(texts(o), "Cnil (agency)") {
			pair = o.(*fyne.Container)
		}
	}
	if pair == nil {
		t.Fatalf("the duplicates do not list CNIL/Cnil: %q", texts(u.dups.list))
	}
	test.Tap(findButton([]fyne.CanvasObject{pair}, "Merge…"))
	if u.form == nil || !strings.HasPrefix(u.form.title, "Merge 2") {
		t.Fatal("Merge… did not open the merge dialog")
	}
	// keep CNIL, take the agency type and France
	choose(t, u, "Keep", 0)
	typ := u.form.field("Type").(*widget.Select)
	for k, o := range typ.Options {
		if strings.HasPrefix(o, "agency") {
			typ.SetSelectedIndex(k)
		}
	}
	country := u.form.field("country").(*widget.Select)
	for k, o := range country.Options {
		if strings.HasPrefix(o, "France") {
			country.SetSelectedIndex(k)
		}
	}
	u.form.submit()
	if g.NodeCount() != n0-1 {
		t.Fatal("nothing merged")
	}
	cnil = node(t, g, "cnil")
	nd := g.Node(cnil)
	if nd.Type != "agency" || nd.Props.Value("country") != "France" || nd.Label != before.Label || g.Degree(cnil) != deg+1 {
		t.Fatalf("merged %+v, %d relations", nd, g.Degree(cnil))
	}
	if u.ex.selected != cnil {
		t.Fatal("the merged entity should be selected")
	}
	runMenu(t, u, "Undo merge Cnil into CNIL")
	if g.NodeCount() != n0 {
		t.Fatal("undo did not separate them")
	}
	a, b := g.Node(node(t, g, "cnil")), g.Node(node(t, g, "cnil-b"))
	if a.Type != before.Type || a.Props.Value("country") != before.Props.Value("country") || b.Label != "Cnil" || b.Type != "agency" {
		t.Fatalf("after undo %+v / %+v", a, b)
	}
	if g.Degree(node(t, g, "cnil")) != deg {
		t.Fatal("undo left CNIL with the merged relations")
	}
}

func TestCollapseAndExpandAGroup(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	a, b := node(t, g, "cnil"), node(t, g, "ico")
	pa, pb := u.ex.pos[a], u.ex.pos[b]
	u.ex.setChosen([]int32{a, b})
	u.groupChosen()
	fill(t, u, "Label", "Regulators")
	u.form.submit()
	gr := g.Chart().Groups[0]
	item(t, u.contextMenu(-1, render.Point{}), "Collapse Regulators").Action()
	if u.ex.drawn == nil || u.canvas.ex.view() != u.ex.drawn {
		t.Fatal("the canvas does not draw the collapsed chart")
	}
	n := g.NodeCount()
	gi := int32(n) // the group's node follows the model's entities
	if !u.ex.drawn.NodeVisible(gi) || u.ex.drawn.NodeVisible(a) || u.ex.drawn.NodeVisible(b) {
		t.Fatal("the group should show instead of its members")
	}
	want := render.Point{X: (pa.X + pb.X) / 2, Y: (pa.Y + pb.Y) / 2}
	if got := u.ex.drawn.Positions()[gi]; !near(got.X, want.X, 1e-9) || !near(got.Y, want.Y, 1e-9) {
		t.Fatalf("group at %v, want the centroid %v", got, want)
	}
	// its summaries: fined with a count and a summed amount
	cg := u.ex.coll.G
	var fined *graph.Edge
	for e := u.ex.coll.M; e < cg.EdgeCount(); e++ {
		if r := cg.Edge(int32(e)); r.From == gi && strings.HasPrefix(r.Type, "fined") {
			fined = r
		}
	}
	if fined == nil {
		t.Fatal("no fined summary")
	}
	var count float64
	sums := map[string]float64{}
	for _, i := range []int32{a, b} {
		for _, e := range g.Out(i) {
			if r := g.Edge(e); r.Type == "fined" && r.To == fined.To {
				count++
				if amt, cur, ok := r.Amount(); ok {
					sums[cur] += amt
				}
			}
		}
	}
	// CNIL's fines are in euros (summed), the ICO's in pounds: listed
	// side by side, not added up
	want2 := render.FormatAmount(sums["EUR"], "EUR") + " + " + render.FormatAmount(sums["GBP"], "GBP")
	if fined.Props.Value("count") != count || fined.Props.Value("amounts") != want2 || len(sums) != 2 {
		t.Fatalf("summary %+v, want count %g and %s", fined.Props, count, want2)
	}
	// clicking the group selects its members; dragging it moves them
	u.canvas.Tapped(&fyne.PointEvent{Position: screenPos2(u.canvas, want)})
	if got := u.ex.chosenList(); !slices.Equal(got, []int32{a, b}) {
		t.Fatalf("clicking the group chose %v", got)
	}
	menu := u.contextMenu(gi, render.Point{})
	item(t, menu, "Expand Regulators").Action()
	if u.ex.drawn != nil || !u.ex.nodeVisible(a) || u.ex.pos[a] != pa || u.ex.pos[b] != pb {
		t.Fatal("expanding should show the members where they were")
	}
	u.undo()
	if !g.Chart().Groups[0].Collapsed || u.ex.drawn == nil {
		t.Fatal("undo should collapse it again")
	}
	_ = gr
}

// screenPos2 is where world point p is drawn on canvas c.
func screenPos2(c *graphCanvas, p render.Point) fyne.Position {
	x, y := c.view.ToScreen(p)
	sc := c.view.Scale
	return fyne.NewPos(float32(x/sc), float32(y/sc))
}

func TestEditRelationAndUndo(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	cnil := node(t, g, "cnil")
	e := g.Out(cnil)[0]
	r := *g.Edge(e)
	u.editRelationDialog(r.ID)
	fill(t, u, "Type", "sanctioned")
	fill(t, u, "Date", "2022-10")
	fill(t, u, "Properties", propsText(r.Props.Map())+"\nchecked=true")
	u.form.submit()
	got := g.Edge(e)
	if got.Type != "sanctioned" || got.Date.String() != "2022-10" || got.Props.Value("checked") != true {
		t.Fatalf("edited %+v", got)
	}
	if !slices.Contains(typeChoices(g, true), "sanctioned") {
		t.Fatal("the new type is not offered")
	}
	u.undo()
	if got := g.Edge(e); got.Type != r.Type || got.Date != r.Date || got.Props.Value("checked") != nil {
		t.Fatalf("one undo should restore the relation: %+v", got)
	}
}

func TestFinishedLayoutIsOnePlace(t *testing.T) {
	u := newTestUI(t)
	g := u.ex.g
	start := slices.Clone(u.ex.pos)
	u.noteLayoutStart()
	moved := make([]render.Point, len(start))
	for i, p := range start {
		moved[i] = render.Point{X: p.X*2 + 1, Y: p.Y*2 - 1}
	}
	u.ex.setPositions(moved)
	u.commitLayout(layoutCircular)
	if name, _ := g.UndoName(); name != "Circular layout" {
		t.Fatalf("undo name %q", name)
	}
	for i, p := range moved {
		if nd := g.Node(int32(i)); !nd.Placed || nd.X != p.X || nd.Y != p.Y {
			t.Fatalf("entity %d not placed by the layout", i)
		}
	}
	u.undo()
	if !slices.Equal(u.ex.pos, start) {
		t.Fatal("undoing the layout should put every entity back where it started")
	}
	u.redo()
	if !slices.Equal(u.ex.pos, moved) {
		t.Fatal("redo should lay it out again")
	}
	// nothing changed: no step
	u.commitLayout(layoutCircular)
	if name, _ := g.UndoName(); name != "Circular layout" || len(g.History()) != 3 {
		t.Fatalf("an unchanged layout made a step: %q, %d records", name, len(g.History()))
	}
}
