package gui

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// searchLimit is the number of results the search box lists.
const searchLimit = 60

// searchPanel is the Search tab: a box with fuzzy matching over labels,
// aliases and ids, and the results; choosing one selects and centres it.
type searchPanel struct {
	ex      *explorer
	entry   *escEntry
	list    *escList
	info    *widget.Label
	results []graph.Match
	runner  searchRunner
	// onChoose is called with the chosen entity.
	onChoose func(i int32)
	// chooseOnShow: Enter came before the results; choose the first
	// when they come.
	chooseOnShow bool
	content      fyne.CanvasObject
	// top are the most connected entities of topology topOf
	top   []int32
	topOf *graph.Topology
}

func newSearchPanel(ex *explorer, onChoose func(i int32)) *searchPanel {
	p := &searchPanel{ex: ex, onChoose: onChoose}
	p.entry = newEscEntry()
	p.entry.SetPlaceHolder(lang.L("Find an entity by name or alias…"))
	p.entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.entry.OnChanged = func(string) { p.update() }
	p.entry.OnSubmitted = func(q string) {
		if q != "" && p.runner.pending() {
			if !p.ex.snapshot().IndexBuilt() {
				// the index is still being built: choose when it answers
				p.chooseOnShow = true
				return
			}
			// Enter before the search came back: answer now
			p.runner.cancel()
			p.show(q, p.ex.snapshot().Index().Search(q, searchLimit))
		}
		if len(p.results) > 0 {
			p.choose(0)
		}
	}
	p.info = widget.NewLabel("")
	p.info.Importance = widget.LowImportance
	p.list = newEscList(
		func() int { return len(p.results) },
		newEntityRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.results) {
				m := p.results[id]
				setEntityRow(o, ex.g, m.Node, m.Matched)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		p.choose(id)
		p.list.UnselectAll()
	}
	p.update() // the window starts building the index (warmSearch)
	p.content = container.NewBorder(container.NewVBox(p.entry, p.info), nil, nil, nil, p.list)
	return p
}

// choose selects result k.
func (p *searchPanel) choose(k int) {
	if k < 0 || k >= len(p.results) {
		return
	}
	if p.onChoose != nil {
		p.onChoose(p.results[k].Node)
	}
}

// update runs the search for the entry's text; an empty box lists the
// most connected entities.
func (p *searchPanel) update() {
	q := p.entry.Text
	p.chooseOnShow = false
	if q == "" {
		p.runner.cancel()
		p.results = p.topEntities()
		p.info.SetText(lang.L("Most connected entities"))
		p.list.Refresh()
		p.list.ScrollToTop()
		return
	}
	t0 := time.Now()
	p.runner.run(p.ex.snapshot(), q, searchLimit, func(res []graph.Match) {
		p.show(q, res)
		// ms: from the keystroke to the results in the list; search_ms:
		// the search alone (with the wait for the index on a first search)
		trace("search", "query", "q", strconv.Quote(q), "ms", time.Since(t0), "results", len(res), "search_ms", p.runner.took)
		if p.chooseOnShow {
			p.chooseOnShow = false
			p.choose(0)
		}
	})
}

// show lists the results of searching q.
func (p *searchPanel) show(q string, res []graph.Match) {
	p.results = res
	switch len(p.results) {
	case 0:
		p.info.SetText(fmt.Sprintf(lang.L("No entity matches “%s”"), q))
	case 1:
		p.info.SetText(lang.L("1 match — Enter to select it"))
	default:
		p.info.SetText(fmt.Sprintf(lang.L("%d matches, best first — Enter selects the first"), len(p.results)))

	}
	p.list.Refresh()
	p.list.ScrollToTop()
}

// focus puts the keyboard in the search box.
func (p *searchPanel) focus(c fyne.Canvas) {
	if c != nil {
		c.Focus(p.entry)
	}
}

// topByDegree lists the limit most connected entities as matches, ties
// in index order.
func topByDegree(g *graph.Graph, limit int) []graph.Match {
	return degreeMatches(g, mostConnected(g.Topology().Degree, limit))
}

// degreeMatches are the entities idx as matches of their labels.
func degreeMatches(g *graph.Graph, idx []int32) []graph.Match {
	out := make([]graph.Match, len(idx))
	for k, i := range idx {
		out[k] = graph.Match{Node: i, Score: 1, Matched: g.Node(i).Label}
	}
	return out
}

// mostConnected returns the limit entities of highest degree, most
// connected first and ties in index order (the first limit of a stable
// sort by degree), by one pass that keeps the best so far: a sort of a
// million entities for a list of 60 took a third of a second.
func mostConnected(degree []int32, limit int) []int32 {
	if limit <= 0 {
		return nil
	}
	best := make([]int32, 0, min(limit, len(degree)))
	for i, d := range degree {
		if len(best) == limit && d <= degree[best[limit-1]] {
			continue // not better than the last kept (and later on ties)
		}
		// after every kept entity of degree >= d
		k := sort.Search(len(best), func(j int) bool { return degree[best[j]] < d })
		if len(best) < limit {
			best = append(best, 0)
		}
		copy(best[k+1:], best[k:len(best)-1])
		best[k] = int32(i)
	}
	return best
}

// topEntities lists the most connected entities for the empty box,
// computed again only when the graph's structure changed (the search
// panel refreshes on every change to the chart).
func (p *searchPanel) topEntities() []graph.Match {
	if t := p.ex.g.Topology(); p.topOf != t {
		p.top, p.topOf = mostConnected(t.Degree, searchLimit), t
	}
	return degreeMatches(p.ex.g, p.top)
}

// newEntityRow is a list row: a dot of the type's colour, the name and
// the type.
func newEntityRow() fyne.CanvasObject {
	dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	name := widget.NewLabel(lang.L("entity name"))
	name.Truncation = fyne.TextTruncateEllipsis
	typ := widget.NewLabel(lang.L("type"))
	typ.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, colorDot(dot), typ, name)
}

// setEntityRow fills a row made by newEntityRow with entity i; matched,
// when it is not the label, is the alias the search matched.
func setEntityRow(o fyne.CanvasObject, g *graph.Graph, i int32, matched string) {
	c := o.(*fyne.Container)
	n := g.Node(i)
	name := c.Objects[0].(*widget.Label)
	text := render.ShortLabel(n.Label)
	if matched != "" && matched != n.Label {
		text += " — “" + render.ShortLabel(matched) + "”"
	}
	name.SetText(text)
	dot := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	dot.FillColor = entityColor(g, i)
	dot.Refresh()
	c.Objects[2].(*widget.Label).SetText(typeLabel(g, n.Type))
}

// colorDot is a small filled circle of colour c.
func colorDot(c fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), c))
}
