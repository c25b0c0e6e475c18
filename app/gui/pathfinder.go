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
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

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
	p.from = newEntityPicker(ex, "From (e.g. Privacy International)")
	p.to = newEntityPicker(ex, "To (e.g. Walmart)")
	// Enter in either box searches once both ends are chosen.
	submit := func() {
		if p.from.chosen >= 0 && p.to.chosen >= 0 {
			p.findPaths()
		}
	}
	p.from.onSubmit, p.to.onSubmit = submit, submit
	var types []string
	for _, tc := range ex.g.EdgeTypes() {
		types = append(types, tc.Type)
	}
	sort.Strings(types)
	p.relTypes = widget.NewCheckGroup(types, func([]string) { p.updateRelTitle() })
	p.relTitle = widget.NewAccordionItem("Relation types: all", p.relTypes)
	p.relAcc = widget.NewAccordion(p.relTitle)
	p.directed = widget.NewCheck("Follow relation direction", nil)
	p.dateOrder = widget.NewCheck("In date order", nil)
	hops := []string{"any"}
	for h := 1; h <= path.MaxAllPathsHops; h++ {
		hops = append(hops, strconv.Itoa(h))
	}
	p.maxHops = widget.NewSelect(hops, nil)
	p.maxHops.SetSelected("any")
	p.k = widget.NewEntry()
	p.k.SetText("5")
	p.mode = widget.NewSelect([]string{modeShortest, modeKShortest, modeAll}, nil)
	p.mode.SetSelected(modeShortest)
	find := widget.NewButton("Find paths", p.findPaths)
	find.Importance = widget.HighImportance

	p.pattern = widget.NewMultiLineEntry()
	p.pattern.SetPlaceHolder(`(:ngo)-[:complained-against]->(c)<-[:fined]-(r:regulator)`)
	p.pattern.SetMinRowsVisible(2)
	p.pattern.Wrapping = fyne.TextWrapWord
	run := widget.NewButton("Run pattern", p.runPattern)
	p.patErr = widget.NewLabel("")
	p.patErr.Importance = widget.DangerImportance
	p.patErr.Wrapping = fyne.TextWrapWord
	p.patErr.Hide()
	p.patCaret = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	p.patCaret.Hide()

	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.cancelBtn = widget.NewButton("Cancel", p.cancel)
	p.cancelBtn.Hide()
	p.list = newEscList(
		func() int { return len(p.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("path")
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

	hopRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Max hops"), p.maxHops, widget.NewLabel("k")), nil, p.k)
	finder := container.NewVBox(
		p.from.content, p.to.content,
		p.relAcc,
		p.directed, p.dateOrder,
		container.NewBorder(nil, nil, widget.NewLabel("Find"), nil, p.mode),
		hopRow,
		find,
	)
	patHelp := lowWrap("Cypher-like: (a:type {name:\"…\"})-[:rel|rel2*..3]->(b). Variables bind entities; SHORTEST k asks for the k shortest.")
	patBox := container.NewVBox(patHelp, p.pattern, p.patErr, p.patCaret, run)
	sections := widget.NewAccordion(
		widget.NewAccordionItem("Path between two entities", finder),
		widget.NewAccordionItem("Pattern", patBox),
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
		p.relTitle.Title = "Relation types: all"
	} else {
		p.relTitle.Title = "Relation types: " + strings.Join(p.relTypes.Selected, ", ")
	}
	p.relAcc.Refresh()
}

// options reads the form.
func (p *pathPanel) options() path.Options {
	o := path.Options{
		Directed:    p.directed.Checked,
		InDateOrder: p.dateOrder.Checked,
		RelTypes:    append([]string(nil), p.relTypes.Selected...),
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
		p.setStatus("Choose the two entities to join (From and To).")
		return
	case !ok1:
		p.setStatus("No entity matches From.")
		return
	case !ok2:
		p.setStatus("No entity matches To.")
		return
	}
	opt := p.options()
	if p.timed.enabled() {
		p.findTimed(from, to, opt)
		return
	}
	mode := p.mode.Selected
	k, err := strconv.Atoi(strings.TrimSpace(p.k.Text))
	if err != nil || k < 1 {
		k = 5
	}
	k = min(k, pathLimit)
	s := p.ex.searcher().Clone()
	g := p.ex.g
	label := fmt.Sprintf("%s paths from %s to %s", strings.ToLower(mode), render.ShortLabel(g.Node(from).Label), render.ShortLabel(g.Node(to).Label))
	p.start("Searching "+label+"…", func(ctx context.Context) ([]pathResult, string, error) {
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
		note = " (more exist; showing the first " + itoa(len(paths)) + ")"
	}
	out := make([]pathResult, len(paths))
	for i, ps := range paths {
		out[i] = pathResult{path: ps, nodes: ps.Nodes, edges: ps.Edges, text: describePath(g, ps)}
	}
	if len(out) == 0 {
		return nil, "No path from " + g.Node(from).Label + " to " + g.Node(to).Label + " with these options.", nil
	}
	return out, fmt.Sprintf("%d %s%s.", len(out), plural(len(out), "path", "paths"), note), nil
}

// pathModes maps the Find choices to path requests.
var pathModes = map[string]view.PathMode{modeShortest: view.Shortest, modeKShortest: view.KShortest, modeAll: view.AllPaths}

// runPattern runs the pattern box's query in the background; a fault is
// shown under the box with its column.
func (p *pathPanel) runPattern() {
	src := strings.TrimSpace(p.pattern.Text)
	p.patErr.Hide()
	p.patCaret.Hide()
	if src == "" {
		p.setStatus("Type a pattern, e.g. " + p.pattern.PlaceHolder)
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
		p.clearResults("The pattern has an error (below).")
		p.showPatternError(err)
		return
	}
	s := p.ex.searcher().Clone()
	g := s.Graph()
	p.start("Matching the pattern…", func(ctx context.Context) ([]pathResult, string, error) {
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
			note = " (more exist)"
		}
		if len(out) == 0 {
			return nil, "No match.", nil
		}
		return out, fmt.Sprintf("%d %s%s.", len(out), plural(len(out), "match", "matches"), note), nil
	})
}

// showPatternError shows a pattern fault under the box, with its column
// and a caret under it.
func (p *pathPanel) showPatternError(err error) {
	var qe *query.Error
	if errors.As(err, &qe) {
		p.patErr.SetText(fmt.Sprintf("Column %d: %s", qe.Col, qe.Error()))
		p.patCaret.SetText(qe.Caret())
		p.patCaret.Show()
	} else {
		p.patErr.SetText(err.Error())
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
		p.setStatus("Search failed: " + err.Error())
		return
	}
	note := a.note
	if a.timedOut {
		note += " The search stopped after " + pathTimeout.String() + "."
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
		p.setStatus("Search cancelled.")
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
		rel := "  ↓ " + r.Type
		if !ps.Forward(g, i) {
			rel = "  ↑ " + r.Type + " (reverse)"
		}
		if !r.Date.IsZero() {
			rel += "  ·  " + r.Date.String()
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
			fmt.Fprintf(&b, " —%s→ ", r.Type)
		} else {
			fmt.Fprintf(&b, " ←%s— ", r.Type)
		}
		b.WriteString(render.ShortLabel(g.Node(ps.Nodes[i+1]).Label))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
