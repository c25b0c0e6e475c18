package gui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/graph/query"
)

// Path search modes.
const (
	modeShortest  = "Shortest path"
	modeKShortest = "K shortest paths"
	modeAll       = "All paths (up to max hops)"
)

// pathTimeout bounds one path search or query.
const pathTimeout = 20 * time.Second

// pathLimit caps the paths listed.
const pathLimit = 500

// pathResult is one line of the results list.
type pathResult struct {
	path path.Path
	// nodes and edges to highlight (a query match may bind more than its
	// path).
	nodes, edges []int32
	text         string
}

// pathPanel is the Paths tab: a path finder (From, To, relation types,
// direction, hop limit, shortest / k shortest / all, in date order) and a
// box for the pattern language. Results go in one list; choosing one
// highlights it on the canvas and dims the rest.
type pathPanel struct {
	ex        *explorer
	from, to  *entityPicker
	relTypes  *widget.CheckGroup
	relTypeOf map[string]string // a relation type box's label → its type
	relTitle  *widget.AccordionItem
	relAcc    *widget.Accordion
	directed  *widget.Check
	dateOrder *widget.Check
	maxHops   *widget.Select
	mode      *widget.Select
	k         *widget.Entry
	pattern   *widget.Entry
	patErr    *widget.Label
	patCaret  *widget.Label
	status    *widget.Label
	cancelBtn *widget.Button
	list      *escList
	steps     *fyne.Container

	results []pathResult
	// task runs the path searches and patterns: a newer one replaces one
	// still running, whose result is then never shown.
	task *task.Task[pathAnswer, noProgress]
	// onChoose shows a result on the canvas.
	onChoose func(r *pathResult)
	// onSelect selects an entity (from the steps of a path).
	onSelect func(i int32)
	content  fyne.CanvasObject
	// sections and finder are the accordion and the two-entity form the
	// finders add to (finders.go); timed the time-respecting options
	sections *widget.Accordion
	finder   *fyne.Container
	timed    *timeOptions
}

func newPathPanel(ex *explorer, onChoose func(*pathResult), onSelect func(int32)) *pathPanel {
	p := &pathPanel{ex: ex, onChoose: onChoose, onSelect: onSelect}
	p.task = newTask[pathAnswer, noProgress]()
	p.task.OnState = p.searchState
	p.from = newEntityPicker(ex, lang.L("From (e.g. Privacy International)"))
	p.to = newEntityPicker(ex, lang.L("To (e.g. Walmart)"))
	// Enter in either box searches once both ends are chosen.
	submit := func() {
		if p.from.chosen >= 0 && p.to.chosen >= 0 {
			p.findPaths()
		}
	}
	p.from.onSubmit, p.to.onSubmit = submit, submit
	// the boxes show the types' labels; relTypeOf maps them back
	var types []string
	p.relTypeOf = map[string]string{}
	for _, tc := range ex.g.EdgeTypes() {
		l := typeLabel(ex.g, tc.Type)
		if _, dup := p.relTypeOf[l]; dup {
			l = tc.Type
		}
		p.relTypeOf[l] = tc.Type
		types = append(types, l)
	}
	sort.Strings(types)
	p.relTypes = widget.NewCheckGroup(types, func([]string) { p.updateRelTitle() })
	p.relTitle = widget.NewAccordionItem(lang.L("Relation types: all"), p.relTypes)
	p.relAcc = widget.NewAccordion(p.relTitle)
	p.directed = widget.NewCheck(lang.L("Follow relation direction"), nil)
	p.dateOrder = widget.NewCheck(lang.L("In date order"), nil)
	hops := []string{lang.L("any")}
	for h := 1; h <= path.MaxAllPathsHops; h++ {
		hops = append(hops, strconv.Itoa(h))
	}
	p.maxHops = widget.NewSelect(hops, nil)
	p.maxHops.SetSelected(lang.L("any"))
	p.k = widget.NewEntry()
	p.k.SetText("5")
	p.mode = widget.NewSelect([]string{lang.L(modeShortest), lang.L(modeKShortest), lang.L(modeAll)}, nil)
	p.mode.SetSelected(lang.L(modeShortest))
	find := widget.NewButton(lang.L("Find paths"), p.findPaths)
	find.Importance = widget.HighImportance

	p.pattern = widget.NewMultiLineEntry()
	p.pattern.SetPlaceHolder(lang.L(`(:ngo)-[:complained-against]->(c)<-[:fined]-(r:regulator)`))
	p.pattern.SetMinRowsVisible(2)
	p.pattern.Wrapping = fyne.TextWrapWord
	run := widget.NewButton(lang.L("Run pattern"), p.runPattern)
	p.patErr = widget.NewLabel("")
	p.patErr.Importance = widget.DangerImportance
	p.patErr.Wrapping = fyne.TextWrapWord
	p.patErr.Hide()
	p.patCaret = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	p.patCaret.Hide()

	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.cancelBtn = widget.NewButton(lang.L("Cancel"), p.cancel)
	p.cancelBtn.Hide()
	p.list = newEscList(
		func() int { return len(p.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel(lang.L("path"))
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.results) {
				o.(*widget.Label).SetText(p.results[id].text)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.results) {
			p.choose(&p.results[id])
		}
	}
	p.steps = container.New(layout.NewCustomPaddedVBoxLayout(0))

	hopRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Max hops")), p.maxHops, widget.NewLabel(lang.L("k"))), nil, p.k)
	finder := container.NewVBox(
		p.from.content, p.to.content,
		p.relAcc,
		p.directed, p.dateOrder,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Find")), nil, p.mode),
		hopRow,
		find,
	)
	patHelp := lowWrap(lang.L("Cypher-like: (a:type {name:\"…\"})-[:rel|rel2*..3]->(b). Variables bind entities; SHORTEST k asks for the k shortest."))
	patBox := container.NewVBox(patHelp, p.pattern, p.patErr, p.patCaret, run)
	sections := widget.NewAccordion(
		widget.NewAccordionItem(lang.L("Path between two entities"), finder),
		widget.NewAccordionItem(lang.L("Pattern"), patBox),
	)
	sections.Open(0)
	p.sections, p.finder = sections, finder
	form := container.NewVBox(sections, container.NewBorder(nil, nil, nil, p.cancelBtn, p.status))
	results := container.NewVSplit(p.list, container.NewVScroll(p.steps))
	results.Offset = 0.45
	top := container.NewVScroll(form)
	split := container.NewVSplit(top, results)
	split.Offset = 0.68
	p.content = split
	return p
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (p *pathPanel) updateRelTitle() {
	if n := len(p.relTypes.Selected); n == 0 {
		p.relTitle.Title = lang.L("Relation types: all")
	} else {
		p.relTitle.Title = fmt.Sprintf(lang.L("Relation types: %s"), strings.Join(p.relTypes.Selected, ", "))
	}
	p.relAcc.Refresh()
}

// options reads the form.
func (p *pathPanel) options() path.Options {
	o := path.Options{
		Directed:    p.directed.Checked,
		InDateOrder: p.dateOrder.Checked,
	}
	for _, l := range p.relTypes.Selected {
		if t, ok := p.relTypeOf[l]; ok {
			l = t
		}
		o.RelTypes = append(o.RelTypes, l)
	}
	if h, err := strconv.Atoi(p.maxHops.Selected); err == nil {
		o.MaxHops = h
	}
	return o
}

// findPaths runs the path finder in the background.
func (p *pathPanel) findPaths() {
	from, ok1 := p.from.node()
	to, ok2 := p.to.node()
	switch {
	case !ok1 && !ok2:
		p.setStatus(lang.L("Choose the two entities to join (From and To)."))
		return
	case !ok1:
		p.setStatus(lang.L("No entity matches From."))
		return
	case !ok2:
		p.setStatus(lang.L("No entity matches To."))
		return
	}
	opt := p.options()
	if p.timed.enabled() {
		p.findTimed(from, to, opt)
		return
	}
	mode := modeOf(p.mode.Selected)
	k, err := strconv.Atoi(strings.TrimSpace(p.k.Text))
	if err != nil || k < 1 {
		k = 5
	}
	k = min(k, pathLimit)
	s := p.ex.searcher().Clone()
	g := p.ex.g
	label := fmt.Sprintf(lang.L("%s from %s to %s"), strings.ToLower(lang.L(mode)), render.ShortLabel(g.Node(from).Label), render.ShortLabel(g.Node(to).Label))
	p.start(fmt.Sprintf(lang.L("Searching %s…"), label), func(ctx context.Context) ([]pathResult, string, error) {
		return searchPaths(ctx, s, from, to, mode, k, opt)
	})
}

// searchPaths runs one path search: the shortest path, the k shortest or
// all paths (up to pathLimit) from one entity to another. The note says
// how many were found, or that there is none.
func searchPaths(ctx context.Context, s *path.Searcher, from, to int32, mode string, k int, opt path.Options) ([]pathResult, string, error) {
	g := s.Graph()
	req := view.PathRequest{From: from, To: to, Mode: pathModes[mode], K: max(k, 1), Limit: pathLimit, Options: opt}
	set, err := view.RunPaths(ctx, s, req)
	switch {
	case err != nil && len(set.Paths) == 0:
		return nil, "", err
	case set.TimedOut && len(set.Paths) == 0:
		return nil, "", ctx.Err()
	}
	paths := set.Paths
	note := ""
	if set.Truncated && req.Mode == view.AllPaths {
		note = fmt.Sprintf(lang.L(" (more exist; showing the first %d)"), len(paths))
	}
	out := make([]pathResult, len(paths))
	for i, ps := range paths {
		out[i] = pathResult{path: ps, nodes: ps.Nodes, edges: ps.Edges, text: describePath(g, ps)}
	}
	if len(out) == 0 {
		return nil, fmt.Sprintf(lang.L("No path from %s to %s with these options."), g.Node(from).Label, g.Node(to).Label), nil
	}
	return out, fmt.Sprintf("%d %s%s.", len(out), i18n.Plural(len(out), lang.L("path"), lang.L("paths")), note), nil
}

// pathModes maps the Find choices to path requests.
// modeOf is the search mode a choice of the Find box names (its label
// in the interface's language).
func modeOf(label string) string {
	for _, m := range []string{modeShortest, modeKShortest, modeAll} {
		if lang.L(m) == label {
			return m
		}
	}
	return label
}

var pathModes = map[string]view.PathMode{modeShortest: view.Shortest, modeKShortest: view.KShortest, modeAll: view.AllPaths}

// runPattern runs the pattern box's query in the background; a fault is
// shown under the box with its column.
func (p *pathPanel) runPattern() {
	src := strings.TrimSpace(p.pattern.Text)
	p.patErr.Hide()
	p.patCaret.Hide()
	if src == "" {
		p.setStatus(fmt.Sprintf(lang.L("Type a pattern, e.g. %s"), p.pattern.PlaceHolder))
		return
	}
	q, err := query.Parse(src)
	if err == nil {
		_, err = query.Compile(q, p.ex.g)
	}
	if err != nil {
		// the latest request is this faulty pattern: nothing older may
		// stay listed or highlighted, or arrive later
		p.task.Cancel()
		p.clearResults(lang.L("The pattern has an error (below)."))
		p.showPatternError(err)
		return
	}
	s := p.ex.searcher().Clone()
	g := s.Graph()
	p.start(lang.L("Matching the pattern…"), func(ctx context.Context) ([]pathResult, string, error) {
		res, err := query.Run(ctx, s, src, pathLimit)
		if err != nil {
			return nil, "", err
		}
		out := make([]pathResult, len(res.Matches))
		for i, m := range res.Matches {
			r := pathResult{path: m.Path, nodes: append([]int32(nil), m.Path.Nodes...), edges: append([]int32(nil), m.Path.Edges...)}
			for _, v := range m.Nodes {
				r.nodes = append(r.nodes, v)
			}
			for _, rs := range m.Rels {
				r.edges = append(r.edges, rs...)
			}
			r.text = describePath(g, m.Path)
			out[i] = r
		}
		note := ""
		if res.Truncated {
			note = lang.L(" (more exist)")
		}
		if len(out) == 0 {
			return nil, lang.L("No match."), nil
		}
		return out, fmt.Sprintf("%d %s%s.", len(out), i18n.Plural(len(out), lang.L("match"), lang.L("matches")), note), nil
	})
}

// showPatternError shows a pattern fault under the box, with its column
// and a caret under it.
func (p *pathPanel) showPatternError(err error) {
	var qe *query.Error
	if errors.As(err, &qe) {
		p.patErr.SetText(fmt.Sprintf(lang.L("Column %d: %s"), qe.Col, i18n.Message(qe)))
		p.patCaret.SetText(qe.Caret())
		p.patCaret.Show()
	} else {
		p.patErr.SetText(i18n.Message(err))
	}
	p.patErr.Show()
}

// pathAnswer is what a search or pattern ends with.
type pathAnswer struct {
	res      []pathResult
	note     string
	timedOut bool
}

// start runs a search as the panel's latest task run, with a deadline and
// a Cancel button; the results replace the list.
func (p *pathPanel) start(msg string, work func(ctx context.Context) ([]pathResult, string, error)) {
	p.setStatus(msg)
	p.task.Start(func(ctx context.Context, _ func(noProgress)) (pathAnswer, error) {
		ctx, cancel := context.WithTimeout(ctx, pathTimeout)
		defer cancel()
		res, note, err := work(ctx)
		return pathAnswer{res: res, note: note, timedOut: errors.Is(ctx.Err(), context.DeadlineExceeded)}, err
	}, p.finished)
}

// finished shows the answer of the latest search.
func (p *pathPanel) finished(a pathAnswer, err error) {
	if err != nil && len(a.res) == 0 {
		p.setStatus(lang.L("Search failed:") + " " + i18n.Message(err))
		return
	}
	note := a.note
	if a.timedOut {
		note += " " + fmt.Sprintf(lang.L("The search stopped after %s."), pathTimeout.String())
	}
	p.setResults(a.res, note)
}

// searchState shows the Cancel button while the latest search runs.
func (p *pathPanel) searchState(s task.State) {
	if s == task.Running {
		p.cancelBtn.Show()
		return
	}
	p.cancelBtn.Hide()
	if s == task.Cancelled {
		p.setStatus(lang.L("Search cancelled."))
	}
}

// cancel stops the search in flight.
func (p *pathPanel) cancel() { p.task.Cancel() }

func (p *pathPanel) setStatus(s string) { p.status.SetText(s) }

// setResults lists results and highlights the first.
func (p *pathPanel) setResults(res []pathResult, note string) {
	p.results = res
	p.list.UnselectAll()
	p.list.Refresh()
	p.setStatus(note)
	p.steps.RemoveAll()
	if len(res) > 0 {
		p.list.Select(0)
	} else if p.onChoose != nil {
		p.onChoose(nil)
	}
}

// clearResults empties the list and the highlight, with a note.
func (p *pathPanel) clearResults(note string) { p.setResults(nil, note) }

// choose highlights result r and lists its steps.
func (p *pathPanel) choose(r *pathResult) {
	if p.onChoose != nil {
		p.onChoose(r)
	}
	p.steps.Objects = p.stepViews(r.path)
	p.steps.Refresh()
}

// stepViews list a path hop by hop with each relation's date and
// amount; entity names select the entity.
func (p *pathPanel) stepViews(ps path.Path) []fyne.CanvasObject {
	g := p.ex.g
	if len(ps.Nodes) == 0 {
		return nil
	}
	link := func(v int32) fyne.CanvasObject {
		h := widget.NewHyperlink(g.Node(v).Label, nil)
		h.Wrapping = fyne.TextWrapWord
		h.OnTapped = func() {
			if p.onSelect != nil {
				p.onSelect(v)
			}
		}
		return h
	}
	out := []fyne.CanvasObject{link(ps.Nodes[0])}
	for i, e := range ps.Edges {
		r := g.Edge(e)
		rel := "  ↓ " + typeLabel(g, r.Type)
		if !ps.Forward(g, i) {
			rel = "  ↑ " + typeLabel(g, r.Type) + " " + lang.L("(reverse)")
		}
		if !r.Date.IsZero() {
			rel += "  ·  " + i18n.Current().Date(r.Date)
		}

		if amt, cur, ok := r.Amount(); ok {
			rel += "  ·  " + render.FormatAmount(amt, cur)
		}
		out = append(out, lowWrap(rel), link(ps.Nodes[i+1]))
	}
	return out
}

// describePath writes a path on one line:
// "Privacy International —complained-against→ Clearview AI ←used-by— Walmart".
func describePath(g *graph.Graph, ps path.Path) string {
	if len(ps.Nodes) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d: %s", ps.Len(), render.ShortLabel(g.Node(ps.Nodes[0]).Label))
	for i, e := range ps.Edges {
		r := g.Edge(e)
		if ps.Forward(g, i) {
			fmt.Fprintf(&b, " —%s→ ", typeLabel(g, r.Type))
		} else {
			fmt.Fprintf(&b, " ←%s— ", typeLabel(g, r.Type))
		}
		b.WriteString(render.ShortLabel(g.Node(ps.Nodes[i+1]).Label))
	}
	return b.String()
}
