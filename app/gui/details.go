package gui

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// relationsShown is how many relations of one group the details list
// before a "show more" button.
const relationsShown = 25

// detailsPanel shows the selected entity: type, label, aliases,
// properties, and its relations grouped by type with dates, amounts and
// every source (article, publisher, date, verbatim quote, gloss, link).
// With nothing selected it describes the dataset.
type detailsPanel struct {
	ex  *explorer
	box *fyne.Container
	scr *container.Scroll
	// onSelect selects another entity (a relation's other end).
	onSelect func(i int32)
	// openURL opens a link in the system browser.
	openURL func(*url.URL) error
	// expanded lists the relation groups whose "show more" was pressed.
	expanded map[string]bool
	content  fyne.CanvasObject
	// shown is the graph and data version whose description the panel
	// shows with nothing selected (a chart change, such as a filter,
	// leaves it as it is: rebuilding it took a sixth of a type toggle at
	// 100k entities)
	shown struct {
		g    *graph.Graph
		ver  uint64
		path string
	}
	// tools and relTools, when set, give the editing buttons of an
	// entity and of a relation (editdialogs.go).
	tools, relTools func(int32) fyne.CanvasObject
}

func newDetailsPanel(ex *explorer, onSelect func(int32)) *detailsPanel {
	p := &detailsPanel{ex: ex, onSelect: onSelect, expanded: map[string]bool{}}
	p.openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }
	p.box = container.NewVBox()
	p.scr = container.NewVScroll(p.box)
	p.content = p.scr
	ex.onSelect = append(ex.onSelect, func() {
		p.expanded = map[string]bool{}
		p.update()
		p.scr.ScrollToTop()
	})
	p.update()
	p.watchFilters()
	return p
}

// update rebuilds the panel for the current selection.
func (p *detailsPanel) update() {
	if p.ex.selected < 0 && p.shown.g == p.ex.g && p.shown.ver == p.ex.g.DataVersion() && p.shown.path == p.ex.path {
		return
	}
	p.shown.g = nil
	p.box.RemoveAll()
	if p.ex.selected < 0 {
		p.showDataset()
		p.shown.g, p.shown.ver, p.shown.path = p.ex.g, p.ex.g.DataVersion(), p.ex.path
		return
	}
	p.showEntity(p.ex.selected)
	p.noteIfHidden(p.ex.selected)
}

// showDataset describes the graph when nothing is selected.
func (p *detailsPanel) showDataset() {
	g := p.ex.g
	title := g.Title
	if title == "" {
		title = baseName(p.ex.path)
	}
	if title != "" {
		p.box.Add(heading(title))
	}
	if g.Description != "" {
		p.box.Add(wrapLabel(g.Description))
	}
	p.box.Add(wrapLabel(fmt.Sprintf(lang.L("%d entities, %d relations, %d sources."), g.NodeCount(), g.EdgeCount(), len(g.Sources))))
	p.box.Add(lowWrap(lang.L("Click an entity on the graph, or find one in the Search tab, to see its relations and the quotes that support them. Double-click an entity to show only its neighbourhood; Esc clears the selection.")))
	if len(g.Sources) > 0 {
		p.box.Add(widget.NewSeparator())
		p.box.Add(bold(lang.L("Sources")))
		for i := range g.Sources {
			p.box.Add(p.sourceView(&g.Sources[i]))
		}
	}
}

// showEntity lists everything known about entity i.
func (p *detailsPanel) showEntity(i int32) {
	g := p.ex.g
	n := g.Node(i)
	dot := canvas.NewCircle(entityColor(g, i))
	p.box.Add(container.NewBorder(nil, nil, colorDot(dot), nil, heading(render.ShortLabel(n.Label))))
	p.box.Add(lowWrap(fmt.Sprintf(lang.L("%s  ·  %d %s  ·  id %s"), typeLabel(g, n.Type), g.Degree(i), i18n.Plural(g.Degree(i), lang.L("relation"), lang.L("relations")), n.ID)))
	if p.tools != nil {
		p.box.Add(p.tools(i))
	}
	if len(n.Aliases) > 0 {
		p.box.Add(wrapLabel(fmt.Sprintf(lang.L("Also known as %s"), strings.Join(n.Aliases, ", "))))
	}
	for _, o := range propViews(n.Props.Map(), nil) {
		p.box.Add(o)
	}
	for _, grp := range relationGroups(g, i) {
		p.box.Add(p.groupView(i, grp))
	}
	if len(n.Sources) > 0 {
		p.box.Add(widget.NewSeparator())
		p.box.Add(bold(fmt.Sprintf(lang.L("Sources about %s"), render.ShortLabel(n.Label))))
		for k := range n.Sources {
			p.box.Add(p.citationView(&n.Sources[k]))
		}
	}
}

// relationGroup is the relations of one type in one direction.
type relationGroup struct {
	typ      string
	outgoing bool
	rels     []int32
}

func (rg relationGroup) key() string { return fmt.Sprintf("%s/%v", rg.typ, rg.outgoing) }

// title reads "fined → (2)" for relations the entity is the subject of,
// "← complained-against (3)" for the others.
func (rg relationGroup) title(g *graph.Graph) string {
	if rg.outgoing {
		return fmt.Sprintf("%s →  (%d)", typeLabel(g, rg.typ), len(rg.rels))
	}
	return fmt.Sprintf("← %s  (%d)", typeLabel(g, rg.typ), len(rg.rels))
}

// relationGroups groups node i's relations by type and direction,
// outgoing before incoming and larger groups first, each by date (undated
// last).
func relationGroups(g *graph.Graph, i int32) []relationGroup {
	idx := map[string]int{}
	var out []relationGroup
	add := func(e int32, outgoing bool) {
		k := fmt.Sprintf("%s/%v", g.Edge(e).Type, outgoing)
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, relationGroup{typ: g.Edge(e).Type, outgoing: outgoing})
		}
		out[j].rels = append(out[j].rels, e)
	}
	for _, e := range g.Out(i) {
		add(e, true)
	}
	for _, e := range g.In(i) {
		if g.Edge(e).From != i { // a self-loop is listed once
			add(e, false)
		}
	}
	for _, grp := range out {
		sort.SliceStable(grp.rels, func(a, b int) bool {
			da, db := g.Edge(grp.rels[a]).Date.First(), g.Edge(grp.rels[b]).Date.First()
			if (da == 0) != (db == 0) {
				return db == 0
			}
			return da < db
		})
	}
	// what the entity did first, then what was done to it; larger groups
	// first
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].outgoing != out[b].outgoing {
			return out[a].outgoing
		}
		return len(out[a].rels) > len(out[b].rels)
	})
	return out
}

// groupView shows one relation group.
func (p *detailsPanel) groupView(i int32, grp relationGroup) fyne.CanvasObject {
	box := container.NewVBox(widget.NewSeparator(), bold(grp.title(p.ex.g)))
	rels := grp.rels
	more := 0
	if !p.expanded[grp.key()] && len(rels) > relationsShown {
		more = len(rels) - relationsShown
		rels = rels[:relationsShown]
	}
	for _, e := range rels {
		box.Add(indent(p.relationView(i, e)))
	}
	if more > 0 {
		k := grp.key()
		b := widget.NewButton(fmt.Sprintf(lang.L("Show %d more"), more), func() {
			p.expanded[k] = true
			p.update()
		})
		b.Importance = widget.LowImportance
		box.Add(indent(b))
	}
	return box
}

// relationView describes relation e as seen from entity i: the other end
// (a link that selects it), date, amount, properties and sources.
func (p *detailsPanel) relationView(i int32, e int32) fyne.CanvasObject {
	g := p.ex.g
	r := g.Edge(e)
	other, arrow := r.To, "→"
	if r.To == i && r.From != i {
		other, arrow = r.From, "←"
	}
	link := widget.NewHyperlink(g.Node(other).Label, nil)
	link.Wrapping = fyne.TextWrapWord
	link.OnTapped = func() {
		if p.onSelect != nil {
			p.onSelect(other)
		}
	}
	box := container.New(layout.NewCustomPaddedVBoxLayout(0),
		container.NewBorder(nil, nil, widget.NewLabel(arrow), nil, link))
	var meta []string
	if !r.Date.IsZero() {
		meta = append(meta, i18n.Current().Date(r.Date))
	} else if rep := p.ex.reportedText(e); rep != "" {
		meta = append(meta, rep)
	}
	if amt, cur, ok := r.Amount(); ok {
		meta = append(meta, render.FormatAmount(amt, cur))
	}
	if !p.ex.edgeVisible(e) {
		meta = append(meta, lang.L("hidden by the filters"))

	}
	if len(meta) > 0 {
		l := wrapLabel(strings.Join(meta, "  ·  "))
		l.TextStyle.Bold = true
		box.Add(l)
	}
	for _, o := range propViews(r.Props.Map(), map[string]bool{"amount": true, "currency": true}) {
		box.Add(o)
	}
	for k := range r.Sources {
		box.Add(p.citationView(&r.Sources[k]))
	}
	if p.relTools != nil {
		box.Add(p.relTools(e))
	}
	return box
}

// citationView shows one citation: the source (title, publisher, date,
// link), the verbatim quote in italics (« » for French) and its English
// gloss.
func (p *detailsPanel) citationView(c *graph.Citation) fyne.CanvasObject {
	src, ok := p.ex.g.Source(c.Source)
	if !ok {
		src = &graph.Source{ID: c.Source, Title: c.Source}
	}
	box := container.New(layout.NewCustomPaddedVBoxLayout(0), p.sourceView(src))
	if c.Quote != "" {
		q := wrapLabel(quoted(c.Quote, src.Language))
		q.TextStyle.Italic = true
		q.Selectable = true
		box.Add(q)
	}
	if c.Gloss != "" {
		box.Add(lowWrap(c.Gloss))
	}
	return indent(box)
}

// sourceView shows a source's title (a link to the article when it has a
// web address), publisher and date.
func (p *detailsPanel) sourceView(src *graph.Source) fyne.CanvasObject {
	title := src.Title
	if title == "" {
		title = src.ID
	}
	var about []string
	if src.Publisher != "" {
		about = append(about, src.Publisher)
	}
	if !src.Published.IsZero() {
		about = append(about, src.Published.String())
	}
	var head fyne.CanvasObject
	if u := webURL(src.URL); u != nil {
		h := widget.NewHyperlink(title, u)
		h.Wrapping = fyne.TextWrapWord
		h.OnTapped = func() { _ = p.openURL(u) }
		head = h
	} else {
		l := wrapLabel(title)
		l.TextStyle.Bold = true
		head = l
	}
	if len(about) == 0 {
		return head
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(0), head, lowWrap(strings.Join(about, ", ")))
}

// webURL parses s when it is an http or https link; anything else (file:,
// javascript:, relative paths) gives nil and is never opened.
func webURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// quoted puts a quote in the quotation marks of its language: « … » for
// French, “ … ” otherwise, unless it already starts with one.
func quoted(q, lang string) string {
	q = strings.TrimSpace(q)
	if strings.HasPrefix(q, "«") || strings.HasPrefix(q, "“") || strings.HasPrefix(q, "\"") {
		return q
	}
	if strings.HasPrefix(strings.ToLower(lang), "fr") {
		return "« " + q + " »"
	}
	return "“" + q + "”"
}

// propViews lists properties as "key: value" lines, sorted by key,
// skipping those in skip.
func propViews(props map[string]any, skip map[string]bool) []fyne.CanvasObject {
	keys := make([]string, 0, len(props))
	for k := range props {
		if !skip[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []fyne.CanvasObject
	for _, k := range keys {
		out = append(out, lowWrap(strings.ReplaceAll(k, "_", " ")+": "+propString(props[k])))
	}
	return out
}

// propString formats a JSON property value.
func propString(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return x
	case float64:
		if x == float64(int64(x)) && x < 1e15 && x > -1e15 {
			return fmt.Sprintf("%d", int64(x))
		}
		return fmt.Sprintf("%g", x)
	case []any:
		parts := make([]string, len(x))
		for i := range x {
			parts[i] = propString(x[i])
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// heading is a large bold label.
func heading(s string) *widget.Label {
	l := wrapLabel(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// wrapLabel is a word-wrapped label.
func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// lowWrap is a word-wrapped label in a smaller size, for secondary
// facts (type and counts, publisher and date, properties, glosses).
func lowWrap(s string) *widget.Label {
	l := wrapLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// indent shifts o right.
func indent(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, 14, 0), o)
}
