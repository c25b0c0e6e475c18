package gui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// Editing the chart: the Edit menu, the canvas's context menu and the
// details panel's buttons open these dialogs, and each dialog's OK makes
// one command (a Batch when it changes several fields) given to ui.apply.

// confirmDeleteAt is the number of entities from which Delete asks first.
const confirmDeleteAt = 5

// chartHidden is the chart setting listing the entities hidden one by
// one (ids, one a line; view.Visible reads it).
const chartHidden = view.ChartHidden

// editItems are the Edit menu's editing items.
func (u *ui) editItems() []*fyne.MenuItem {
	items := u.undoItems()
	n := 0
	if u.ex != nil {
		n = len(u.ex.chosenList())
	}
	addEntity := fyne.NewMenuItem(lang.L("Add Entity…"), func() { u.addEntityDialog(nil) })
	addRel := fyne.NewMenuItem(lang.L("Add Relation…"), u.addRelationDialog)
	addRel.Disabled = n != 2
	edit := fyne.NewMenuItem(lang.L("Edit Entity…"), u.editChosen)
	edit.Disabled = n != 1
	del := fyne.NewMenuItem(lang.L("Delete"), u.deleteChosen)
	del.Disabled = n == 0
	merge := fyne.NewMenuItem(lang.L("Merge…"), u.mergeChosen)
	merge.Disabled = n < 2
	group := fyne.NewMenuItem(lang.L("Group…"), u.groupChosen)
	group.Disabled = n < 2
	dups := fyne.NewMenuItem(lang.L("Possible Duplicates…"), u.showDuplicates)
	note := fyne.NewMenuItem(lang.L("Note on the Chart…"), func() { u.noteDialog("") })
	showHidden := fyne.NewMenuItem(lang.L("Show Hidden Entities"), u.showHidden)
	showHidden.Disabled = u.ex == nil || u.ex.g.Chart().Settings[chartHidden] == ""
	return append(items, fyne.NewMenuItemSeparator(),
		addEntity, addRel, edit, del, fyne.NewMenuItemSeparator(),
		merge, dups, group, showHidden, note, fyne.NewMenuItemSeparator())
}

// showContextMenu opens the canvas's context menu at absolute position
// at: for entity i (which joins the selection unless it is part of it),
// or for the chart (i < 0).
func (u *ui) showContextMenu(i int32, at fyne.Position) {
	m := u.contextMenu(i, u.canvas.worldAt(at.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(u.canvas))))
	widget.ShowPopUpMenuAtPosition(m, u.win.Canvas(), at)
}

// contextMenu is the menu showContextMenu opens (world: the point
// clicked, where Add Entity puts the new one).
func (u *ui) contextMenu(i int32, world render.Point) *fyne.Menu {
	ex := u.ex
	if gr, members, ok := ex.groupAt(i); ok {
		return u.groupMenu(gr, members)
	}
	if i < 0 {
		items := []*fyne.MenuItem{
			fyne.NewMenuItem(lang.L("Add Entity Here…"), func() { u.addEntityDialog(&world) }),
			fyne.NewMenuItem(lang.L("Note on the Chart…"), func() { u.noteDialog("") }),
		}
		if ex.g.Chart().Settings[chartHidden] != "" {
			items = append(items, fyne.NewMenuItem(lang.L("Show Hidden Entities"), u.showHidden))
		}
		for _, gr := range ex.g.Chart().Groups {
			gr := gr
			label := fmt.Sprintf(lang.L("Collapse %s"), groupName(gr))
			if gr.Collapsed {
				label = fmt.Sprintf(lang.L("Expand %s"), groupName(gr))
			}
			items = append(items, fyne.NewMenuItem(label, func() { u.do(graph.Collapse{ID: gr.ID, Expand: gr.Collapsed}) }))
		}
		return fyne.NewMenu("", items...)
	}
	if !ex.chosen[i] {
		ex.selectNode(i)
	}
	n := len(ex.chosenList())
	var items []*fyne.MenuItem
	if n == 1 {
		id := ex.g.Node(i).ID
		items = append(items,
			fyne.NewMenuItem(lang.L("Edit…"), func() { u.editEntityDialog(id) }),
			fyne.NewMenuItem(lang.L("Note…"), func() { u.noteDialog(id) }),
			fyne.NewMenuItem(lang.L("Relations…"), func() { u.relationsDialog(id) }))
		pin := fyne.NewMenuItem(lang.L("Pin"), func() { u.pinChosen(true) })
		if ex.g.Node(i).Pinned {
			pin = fyne.NewMenuItem(lang.L("Unpin"), func() { u.pinChosen(false) })
		}
		items = append(items, pin)
	}
	if n == 2 {
		items = append(items, fyne.NewMenuItem(lang.L("Add Relation…"), u.addRelationDialog))
	}
	if n >= 2 {
		items = append(items,
			fyne.NewMenuItem(fmt.Sprintf(lang.L("Merge %d…"), n), u.mergeChosen),
			fyne.NewMenuItem(fmt.Sprintf(lang.L("Group %d…"), n), u.groupChosen))
	}
	for _, gr := range ex.g.Chart().Groups {
		if slices.Contains(gr.Members, ex.g.Node(i).ID) {
			gr := gr
			if gr.Collapsed {
				continue
			}
			items = append(items, fyne.NewMenuItem(fmt.Sprintf(lang.L("Collapse %s"), groupName(gr)), func() { u.do(graph.Collapse{ID: gr.ID}) }),
				fyne.NewMenuItem(fmt.Sprintf(lang.L("Ungroup %s"), groupName(gr)), func() { u.do(graph.Ungroup{ID: gr.ID}) }))
		}
	}
	hide := lang.L("Hide")
	del := lang.L("Delete")
	if n > 1 {
		hide, del = fmt.Sprintf(lang.L("Hide %d"), n), fmt.Sprintf(lang.L("Delete %d"), n)
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(hide, u.hideChosen),
		fyne.NewMenuItem(del, u.deleteChosen))
	return fyne.NewMenu("", items...)
}

// deleteChosen deletes the selected entities (asking first when there
// are many): one Delete, undoable.
func (u *ui) deleteChosen() {
	ids := u.ex.chosenIDs()
	if len(ids) == 0 {
		return
	}
	del := func() { u.do(graph.Delete{IDs: ids}) }
	if len(ids) < confirmDeleteAt {
		del()
		return
	}
	dialog.ShowConfirm(lang.L("Delete entities"), fmt.Sprintf(lang.L("Delete %d entities and their relations? (Edit › Undo brings them back.)"), len(ids)),
		func(ok bool) {
			if ok {
				del()
			}
		}, u.win)
}

// hideChosen hides the selected entities (the chart's hidden list).
func (u *ui) hideChosen() {
	ids := u.ex.chosenIDs()
	if len(ids) == 0 {
		return
	}
	hidden := hiddenIDs(u.ex.g)
	for _, id := range ids {
		if !slices.Contains(hidden, id) {
			hidden = append(hidden, id)
		}
	}
	name := "hide " + itoa(len(ids)) + " entities"
	if len(ids) == 1 {
		name = "hide " + nameOf(u.ex.g.Node(u.ex.chosenList()[0]))
	}
	u.ex.clearHighlight()
	u.do(graph.Batch{Name: name, Cmds: []graph.Command{graph.SetChart{Key: chartHidden, Value: strings.Join(hidden, "\n")}}})
}

// showHidden shows the entities hidden one by one again.
func (u *ui) showHidden() {
	u.do(graph.Batch{Name: "show hidden entities", Cmds: []graph.Command{graph.SetChart{Key: chartHidden, Value: ""}}})
}

// hiddenIDs lists the entities the chart hides one by one.
func hiddenIDs(g *graph.Graph) []string {
	v := g.Chart().Settings[chartHidden]
	if v == "" {
		return nil
	}
	return strings.Split(v, "\n")
}

// pinChosen pins (or releases) the selected entities where they are.
func (u *ui) pinChosen(on bool) {
	var cmds []graph.Command
	for _, i := range u.ex.chosenList() {
		nd := u.ex.g.Node(i)
		if nd.Pinned == on {
			continue
		}
		if on && !nd.Placed {
			p := u.ex.pos[i]
			cmds = append(cmds, graph.Move{ID: nd.ID, X: p.X, Y: p.Y})
		}
		cmds = append(cmds, graph.Pin{ID: nd.ID, Unpin: !on})
	}
	switch len(cmds) {
	case 0:
	case 1:
		u.do(cmds[0])
	default:
		name := "pin"
		if !on {
			name = "unpin"
		}
		if n := len(u.ex.chosenList()); n == 1 {
			name += " " + u.ex.g.Node(u.ex.chosenList()[0]).Label
		} else {
			name += " " + itoa(n) + " entities"
		}
		u.do(graph.Batch{Name: name, Cmds: cmds})
	}
}

// editChosen edits the selected entity.
func (u *ui) editChosen() {
	if l := u.ex.chosenList(); len(l) == 1 {
		u.editEntityDialog(u.ex.g.Node(l[0]).ID)
	}
}

// typeChoices lists the entity (or relation) types of the graph.
func typeChoices(g *graph.Graph, relations bool) []string {
	var out []string
	counts := g.NodeTypes()
	if relations {
		counts = g.EdgeTypes()
	}
	for _, tc := range counts {
		out = append(out, tc.Type)
	}
	slices.Sort(out)
	return out
}

// entityForm is the fields of an entity.
type entityForm struct {
	typ     *widget.SelectEntry
	label   *widget.Entry
	aliases *widget.Entry
	props   *widget.Entry
}

func newEntityForm(g *graph.Graph, nd *graph.Node) *entityForm {
	f := &entityForm{typ: widget.NewSelectEntry(typeChoices(g, false)), label: widget.NewEntry(),
		aliases: widget.NewEntry(), props: widget.NewMultiLineEntry()}
	f.aliases.SetPlaceHolder(lang.L("comma-separated"))
	f.props.SetPlaceHolder(lang.L("key=value, one a line"))
	f.props.SetMinRowsVisible(4)
	if nd != nil {
		f.typ.SetText(nd.Type)
		f.label.SetText(nd.Label)
		f.aliases.SetText(strings.Join(nd.Aliases, ", "))
		f.props.SetText(propsText(nd.Props.Map()))
	}
	return f
}

func (f *entityForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("Type"), f.typ), widget.NewFormItem(lang.L("Label"), f.label),
		widget.NewFormItem(lang.L("Aliases"), f.aliases), widget.NewFormItem(lang.L("Properties"), f.props),
	}
}

// addEntityDialog asks for a new entity; at places it there (nil: the
// middle of the view).
func (u *ui) addEntityDialog(at *render.Point) {
	f := newEntityForm(u.ex.g, nil)
	u.formDialog(lang.L("Add entity"), lang.L("Add"), f.items(), func() error {
		c, err := f.addCommand(u.ex.g)
		if err != nil {
			return err
		}
		p := render.Point{X: u.canvas.view.CenterX, Y: u.canvas.view.CenterY}
		if at != nil {
			p = *at
		}
		c.X, c.Y, c.Placed = p.X, p.Y, true
		if err := u.apply(c); err != nil {
			return err
		}
		u.selectNode(int32(u.ex.g.NodeCount()-1), false)
		return nil
	})
}

// addCommand is the AddEntity the form describes.
func (f *entityForm) addCommand(g *graph.Graph) (graph.AddEntity, error) {
	typ := strings.TrimSpace(f.typ.Text)
	if typ == "" {
		return graph.AddEntity{}, errors.New(lang.L("an entity needs a type"))
	}
	props, err := parseProps(f.props.Text)
	if err != nil {
		return graph.AddEntity{}, err
	}
	return graph.AddEntity{ID: g.FreshID("n"), Type: typ, Label: strings.TrimSpace(f.label.Text),
		Aliases: splitAliases(f.aliases.Text), Props: props}, nil
}

// editEntityDialog edits entity id's label, type, aliases and
// properties: one Batch of Sets.
func (u *ui) editEntityDialog(id string) {
	i, ok := u.ex.g.NodeIndex(id)
	if !ok {
		return
	}
	nd := *u.ex.g.Node(i)
	f := newEntityForm(u.ex.g, &nd)
	u.formDialog(fmt.Sprintf(lang.L("Edit %s"), nameOf(&nd)), lang.L("Save"), f.items(), func() error {
		cmds, err := f.setCommands(&nd)
		if err != nil || len(cmds) == 0 {
			return err
		}
		return u.apply(graph.Batch{Name: "edit " + nameOf(&nd), Cmds: cmds})
	})
}

// setCommands are the Sets that make nd what the form says.
func (f *entityForm) setCommands(nd *graph.Node) ([]graph.Command, error) {
	var cmds []graph.Command
	if t := strings.TrimSpace(f.typ.Text); t != nd.Type {
		if t == "" {
			return nil, errors.New(lang.L("an entity needs a type"))
		}
		cmds = append(cmds, graph.Set{ID: nd.ID, Field: "type", Value: t})
	}
	if l := strings.TrimSpace(f.label.Text); l != nd.Label {
		cmds = append(cmds, graph.Set{ID: nd.ID, Field: "label", Value: l})
	}
	if a := splitAliases(f.aliases.Text); !slices.Equal(a, nd.Aliases) {
		cmds = append(cmds, graph.Set{ID: nd.ID, Field: "aliases", Value: a})
	}
	props, err := parseProps(f.props.Text)
	if err != nil {
		return nil, err
	}
	return append(cmds, propSets(nd.ID, nd.Props.Map(), props)...), nil
}

// propSets are the Sets that change props old into new.
func propSets(id string, old, new map[string]any) []graph.Command {
	var cmds []graph.Command
	for _, k := range slices.Sorted(maps.Keys(new)) {
		if ov, ok := old[k]; !ok || propString(ov) != propString(new[k]) {
			cmds = append(cmds, graph.Set{ID: id, Field: "props." + k, Value: new[k]})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(old)) {
		if _, ok := new[k]; !ok {
			cmds = append(cmds, graph.Set{ID: id, Field: "props." + k, Value: nil})
		}
	}
	return cmds
}

// nameOf is an entity's label, or its id.
func nameOf(nd *graph.Node) string {
	if nd.Label != "" {
		return nd.Label
	}
	return nd.ID
}

// splitAliases splits comma-separated aliases, dropping empty ones.
func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// parseProps reads key=value lines: numbers become numbers, true and
// false booleans, the rest strings. A line without "=" is an error
// naming the line.
func parseProps(s string) (map[string]any, error) {
	var out map[string]any
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, fmt.Errorf(lang.L("properties line %d: %q is not key=value"), n+1, line)
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k] = propValue(v)
	}
	return out, nil
}

// propValue reads one property value.
func propValue(v string) any {
	if f, err := strconv.ParseFloat(v, 64); err == nil && graph.Finite(f) {
		return f
	}
	switch v {
	case "true":
		return true
	case "false":
		return false
	}
	return v
}

// propsText writes properties as key=value lines, sorted.
func propsText(props map[string]any) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(props)) {
		fmt.Fprintf(&b, "%s=%s\n", k, propString(props[k]))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// relationForm is the fields of a relation.
type relationForm struct {
	typSel                                    *widget.SelectEntry
	date, amount, currency, title, url, quote *widget.Entry
}

// addRelationDialog asks for a relation between the two selected
// entities (from the first chosen to the other; a box swaps them).
func (u *ui) addRelationDialog() {
	l := u.ex.chosenList()
	if len(l) != 2 {
		return
	}
	g := u.ex.g
	from, to := l[0], l[1]
	if u.ex.selected == to {
		from, to = to, from
	}
	a, b := g.Node(from).ID, g.Node(to).ID
	dir := widget.NewSelect([]string{nameOf(g.Node(from)) + " → " + nameOf(g.Node(to)), nameOf(g.Node(to)) + " → " + nameOf(g.Node(from))}, nil)
	dir.SetSelectedIndex(0)
	f := &relationForm{typSel: widget.NewSelectEntry(typeChoices(g, true)), date: widget.NewEntry(), amount: widget.NewEntry(),
		currency: widget.NewEntry(), title: widget.NewEntry(), url: widget.NewEntry(), quote: widget.NewMultiLineEntry()}
	f.date.SetPlaceHolder(lang.L("YYYY[-MM[-DD]]"))
	f.currency.SetPlaceHolder(lang.L("EUR"))
	f.quote.SetPlaceHolder(lang.L("the source's words, verbatim"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Direction"), dir), widget.NewFormItem(lang.L("Type"), f.typSel), widget.NewFormItem(lang.L("Date"), f.date),
		widget.NewFormItem(lang.L("Amount"), f.amount), widget.NewFormItem(lang.L("Currency"), f.currency),
		widget.NewFormItem(lang.L("Source title"), f.title), widget.NewFormItem(lang.L("Source URL"), f.url), widget.NewFormItem(lang.L("Quote"), f.quote),
	}
	u.formDialog(lang.L("Add relation"), lang.L("Add"), items, func() error {
		src, dst := a, b
		if dir.SelectedIndex() == 1 {
			src, dst = b, a
		}
		cmd, err := f.addCommand(g, src, dst)
		if err != nil {
			return err
		}
		return u.apply(cmd)
	})
}

// addCommand is the relation the form describes: an AddRelation, with
// the source document added first when it is new (one Batch).
func (f *relationForm) addCommand(g *graph.Graph, src, dst string) (graph.Command, error) {
	typ := strings.TrimSpace(f.typSel.Text)
	if typ == "" {
		return nil, errors.New(lang.L("a relation needs a type"))
	}
	c := graph.AddRelation{ID: g.FreshID("e"), Source: src, Target: dst, Type: typ, Date: strings.TrimSpace(f.date.Text)}
	if c.Date != "" {
		if _, err := graph.ParseDate(c.Date); err != nil {
			return nil, fmt.Errorf(lang.L("date: %w"), err)
		}
	}
	if s := strings.TrimSpace(f.amount.Text); s != "" {
		amt, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil || !graph.Finite(amt) {
			return nil, fmt.Errorf(lang.L("amount %q is not a number"), s)
		}
		c.Props = map[string]any{"amount": amt}
		if cur := strings.ToUpper(strings.TrimSpace(f.currency.Text)); cur != "" {
			c.Props["currency"] = cur
		}
	}
	title, url, quote := strings.TrimSpace(f.title.Text), strings.TrimSpace(f.url.Text), strings.TrimSpace(f.quote.Text)
	if title == "" && url == "" {
		if quote != "" {
			return nil, errors.New(lang.L("a quote needs its source (a title or a URL)"))
		}
		return c, nil
	}
	id, isNew := sourceFor(g, title, url)
	c.Sources = []graph.Citation{{Source: id, Quote: quote}}
	if !isNew {
		return c, nil
	}
	add := graph.AddSources{Sources: []graph.Source{{ID: id, Title: title, URL: url}}}
	return graph.Batch{Name: c.Describe(g), Cmds: []graph.Command{add, c}}, nil
}

// sourceFor returns the id of the graph's source with this URL (or this
// title), or a new id when there is none.
func sourceFor(g *graph.Graph, title, url string) (id string, isNew bool) {
	for _, s := range g.Sources {
		if (url != "" && s.URL == url) || (url == "" && title != "" && s.Title == title) {
			return s.ID, false
		}
	}
	for k := len(g.Sources) + 1; ; k++ {
		id := "src" + strconv.Itoa(k)
		if _, ok := g.Source(id); !ok {
			return id, true
		}
	}
}

// editRelationDialog edits relation id's type, date and properties.
func (u *ui) editRelationDialog(id string) {
	g := u.ex.g
	e, ok := g.EdgeIndex(id)
	if !ok {
		return
	}
	r := *g.Edge(e)
	typ := widget.NewSelectEntry(typeChoices(g, true))
	typ.SetText(r.Type)
	date := widget.NewEntry()
	if !r.Date.IsZero() {
		date.SetText(r.Date.String())
	}
	props := widget.NewMultiLineEntry()
	props.SetMinRowsVisible(4)
	props.SetText(propsText(r.Props.Map()))
	name := fmt.Sprintf("%s %s %s", nameOf(g.Node(r.From)), r.Type, nameOf(g.Node(r.To)))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Type"), typ), widget.NewFormItem(lang.L("Date"), date), widget.NewFormItem(lang.L("Properties"), props)}
	u.formDialog(fmt.Sprintf(lang.L("Edit %s"), name), lang.L("Save"), items, func() error {
		var cmds []graph.Command
		if t := strings.TrimSpace(typ.Text); t != r.Type {
			if t == "" {
				return errors.New(lang.L("a relation needs a type"))
			}
			cmds = append(cmds, graph.Set{ID: id, Field: "type", Value: t})
		}
		if d := strings.TrimSpace(date.Text); d != r.Date.String() && !(d == "" && r.Date.IsZero()) {
			cmds = append(cmds, graph.Set{ID: id, Field: "date", Value: d})
		}
		p, err := parseProps(props.Text)
		if err != nil {
			return err
		}
		cmds = append(cmds, propSets(id, r.Props.Map(), p)...)
		if len(cmds) == 0 {
			return nil
		}
		return u.apply(graph.Batch{Name: "edit " + name, Cmds: cmds})
	})
}

// relationsDialog lists entity id's relations with Edit, Note and Delete
// for each.
func (u *ui) relationsDialog(id string) {
	g := u.ex.g
	i, ok := g.NodeIndex(id)
	if !ok {
		return
	}
	box := container.NewVBox()
	var d dialog.Dialog
	for _, list := range [][]int32{g.Out(i), g.In(i)} {
		for _, e := range list {
			r := g.Edge(e)
			rid := r.ID
			text := fmt.Sprintf("%s %s %s", nameOf(g.Node(r.From)), r.Type, nameOf(g.Node(r.To)))
			if !r.Date.IsZero() {
				text += " · " + i18n.Current().Date(r.Date)
			}
			box.Add(container.NewBorder(nil, nil, nil, u.relationButtons(rid, func() { d.Hide() }), widget.NewLabel(text)))
		}
	}
	if len(box.Objects) == 0 {
		box.Add(widget.NewLabel(lang.L("No relations.")))
	}
	scr := container.NewVScroll(box)
	scr.SetMinSize(fyne.NewSize(520, 320))
	d = dialog.NewCustom(fmt.Sprintf(lang.L("Relations of %s"), nameOf(g.Node(i))), lang.L("Close"), scr, u.win)
	d.Show()
}

// relationButtons are Edit…, Note… and Delete for relation id; done runs
// first (closing the list that shows them).
func (u *ui) relationButtons(id string, done func()) fyne.CanvasObject {
	run := func(f func()) func() {
		return func() {
			if done != nil {
				done()
			}
			f()
		}
	}
	edit := widget.NewButton(lang.L("Edit…"), run(func() { u.editRelationDialog(id) }))
	note := widget.NewButton(lang.L("Note…"), run(func() { u.noteDialog(id) }))
	del := widget.NewButton(lang.L("Delete"), run(func() { u.do(graph.Delete{ID: id}) }))
	for _, b := range []*widget.Button{edit, note, del} {
		b.Importance = widget.LowImportance
	}
	return container.NewHBox(edit, note, del)
}

// noteDialog writes the note on an entity or relation (id), or on the
// chart (id ""): a graph.Note.
func (u *ui) noteDialog(id string) {
	g := u.ex.g
	text, title := g.Chart().Note, lang.L("Note on the chart")
	if i, ok := g.NodeIndex(id); ok {
		text, title = g.Node(i).Note, fmt.Sprintf(lang.L("Note on %s"), nameOf(g.Node(i)))
	} else if e, ok := g.EdgeIndex(id); ok {
		r := g.Edge(e)
		text, title = r.Note, fmt.Sprintf(lang.L("Note on %s %s %s"), nameOf(g.Node(r.From)), r.Type, nameOf(g.Node(r.To)))
	}
	entry := widget.NewMultiLineEntry()
	entry.SetText(text)
	entry.SetMinRowsVisible(6)
	entry.Wrapping = fyne.TextWrapWord
	u.formDialog(title, lang.L("Save"), []*widget.FormItem{widget.NewFormItem(lang.L("Note"), entry)}, func() error {
		if entry.Text == text {
			return nil
		}
		return u.apply(graph.Note{ID: id, Text: entry.Text})
	})
}

// formDialog shows a form; ok runs on confirm, and an error it returns is
// shown with the form opened again as it was.
func (u *ui) formDialog(title, confirm string, items []*widget.FormItem, ok func() error) {
	submit := func(yes bool) {
		if !yes {
			return
		}
		if err := ok(); err != nil {
			e := u.showErrorText(lang.L("Error"), "", i18n.Message(err))
			e.SetOnClosed(func() { u.formDialog(title, confirm, items, ok) })
		}
	}
	d := dialog.NewForm(title, confirm, lang.L("Cancel"), items, submit, u.win)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	u.form = &openForm{title: title, items: items, submit: func() { d.Hide(); submit(true) }}
	d.Show()
	// the keyboard in the first field; Enter in a one-line field submits
	var first fyne.Focusable
	for _, it := range items {
		switch w := it.Widget.(type) {
		case *widget.Entry:
			if !w.MultiLine {
				w.OnSubmitted = func(string) { d.Submit() }
			}
			if first == nil {
				first = w
			}
		case *widget.SelectEntry:
			if first == nil {
				first = w
			}
		}
	}
	if first != nil {
		u.win.Canvas().Focus(first)
	}
}

// openForm is the form dialog last shown: its fields, and what its
// confirm button does (tests fill the one and press the other).
type openForm struct {
	title  string
	items  []*widget.FormItem
	submit func()
}

// field returns the widget of the form's field named text.
func (f *openForm) field(text string) fyne.CanvasObject {
	for _, it := range f.items {
		if it.Text == text {
			return it.Widget
		}
	}
	return nil
}

// groupChosen asks for a label and groups the selected entities.
func (u *ui) groupChosen() {
	ids := u.ex.chosenIDs()
	if len(ids) < 2 {
		return
	}
	label := widget.NewEntry()
	label.SetPlaceHolder(lang.L("the group's name"))
	u.formDialog(fmt.Sprintf(lang.L("Group %d entities"), len(ids)), lang.L("Group"), []*widget.FormItem{widget.NewFormItem(lang.L("Label"), label)}, func() error {
		return u.apply(graph.GroupEntities{ID: freshGroupID(u.ex.g), IDs: ids, Label: strings.TrimSpace(label.Text)})
	})
}

// freshGroupID is a group id no group or entity has.
func freshGroupID(g *graph.Graph) string {
	for k := len(g.Chart().Groups) + 1; ; k++ {
		id := "g" + strconv.Itoa(k)
		if _, ok := g.NodeIndex(id); ok {
			continue
		}
		if !slices.ContainsFunc(g.Chart().Groups, func(gr graph.Group) bool { return gr.ID == id }) {
			return id
		}
	}
}

// groupName is a group's label, or its id.
func groupName(gr graph.Group) string {
	if gr.Label != "" {
		return gr.Label
	}
	return gr.ID
}

// entityButtons are the details panel's Edit…, Note…, Add Relation… (with
// two selected) and Delete for entity i.
func (u *ui) entityButtons(i int32) fyne.CanvasObject {
	id := u.ex.g.Node(i).ID
	edit := widget.NewButton(lang.L("Edit…"), func() { u.editEntityDialog(id) })
	note := widget.NewButton(lang.L("Note…"), func() { u.noteDialog(id) })
	del := widget.NewButton(lang.L("Delete"), func() {
		if j, ok := u.ex.g.NodeIndex(id); ok {
			u.ex.selectNode(j)
			u.deleteChosen()
		}
	})
	box := container.NewHBox(edit, note)
	if len(u.ex.chosenList()) == 2 {
		box.Add(widget.NewButton(lang.L("Add Relation…"), u.addRelationDialog))
	}
	if n := len(u.ex.chosenList()); n >= 2 {
		box.Add(widget.NewButton(fmt.Sprintf(lang.L("Merge %d…"), n), u.mergeChosen))
	}
	box.Add(del)
	if nd := u.ex.g.Node(i); nd.Note != "" {
		return container.NewVBox(box, wrapLabel(lang.L("Note:")+" "+nd.Note))
	}
	return box
}
