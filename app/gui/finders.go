package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// timeOptions are the Paths tab's time-respecting options: when on, the
// path finder asks for the earliest arrival from a date or the latest
// departure by a date (view.Timed), with a maximum gap between dated
// relations and a policy for undated ones.
type timeOptions struct {
	on        *widget.Check
	objective *widget.Select
	date      *widget.Entry
	gap       *widget.Entry
	undated   *widget.Select
	content   fyne.CanvasObject
}

func newTimeOptions() *timeOptions {
	t := &timeOptions{}
	t.objective = widget.NewSelect([]string{lang.L("Earliest arrival from"), lang.L("Latest departure by")}, nil)
	t.objective.SetSelectedIndex(0)
	t.date = widget.NewEntry()
	t.date.SetPlaceHolder(lang.L("YYYY-MM-DD, YYYY-MM or YYYY"))
	t.gap = widget.NewEntry()
	t.gap.SetPlaceHolder(lang.L("any"))
	t.undated = widget.NewSelect([]string{lang.L("Undated: not followed"),
		lang.L("Undated: followed"), lang.L("Undated: as first reported")}, nil)
	t.undated.SetSelectedIndex(0)
	opts := container.NewVBox(
		container.NewBorder(nil, nil, t.objective, nil, t.date),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Max gap (days)")), nil, t.gap),
		t.undated,
		lowWrap(lang.L("Dated relations are followed forwards in time; an undated one is not followed, followed keeping the date reached, or dated when it was first reported.")))
	opts.Hide()
	t.on = widget.NewCheck(lang.L("Time-respecting"), func(on bool) {
		if on {
			opts.Show()
		} else {
			opts.Hide()
		}
	})
	t.content = container.NewVBox(t.on, opts)
	return t
}

func (t *timeOptions) enabled() bool { return t != nil && t.on.Checked }

// options reads the form; a date that does not parse is an error.
func (t *timeOptions) options() (path.TimeOptions, error) {
	var o path.TimeOptions
	o.Objective = path.EarliestArrival
	if t.objective.SelectedIndex() == 1 {
		o.Objective = path.LatestDeparture
	}
	if s := strings.TrimSpace(t.date.Text); s != "" {
		d, err := graph.ParseDate(s)
		if err != nil {
			return o, fmt.Errorf(lang.L("date %q: %v"), s, err)
		}
		if o.Objective == path.EarliestArrival {
			o.Since = d
		} else {
			o.Until = d
		}
	}
	if s := strings.TrimSpace(t.gap.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return o, fmt.Errorf(lang.L("max gap %q: want a whole number of days"), s)
		}
		o.MaxGapDays = n
	}
	switch t.undated.SelectedIndex() {
	case 1:
		o.Undated = path.UndatedContinue
	case 2:
		o.Undated = path.UndatedReported
	default:
		o.Undated = path.UndatedStop
	}
	return o, nil
}

// findTimed runs the time-respecting search from one entity to another.
func (p *pathPanel) findTimed(from, to int32, opt path.Options) {
	to2, err := p.timed.options()
	if err != nil {
		p.setStatus(i18n.Message(err))
		return
	}
	s := p.ex.searcher().Clone()
	g := p.ex.g
	msg := fmt.Sprintf(lang.L("Searching for a time-respecting path from %s to %s…"), render.ShortLabel(g.Node(from).Label), render.ShortLabel(g.Node(to).Label))
	p.start(msg, func(ctx context.Context) ([]pathResult, string, error) {
		set, err := view.RunPaths(ctx, s, view.PathRequest{From: from, To: to, Mode: view.Timed, Options: opt, Time: to2})
		if err != nil {
			return nil, "", err
		}
		if len(set.Paths) == 0 {
			return nil, fmt.Sprintf(lang.L("No time-respecting path from %s to %s with these options."), g.Node(from).Label, g.Node(to).Label), nil
		}
		ps := set.Paths[0]
		return []pathResult{{path: ps, nodes: ps.Nodes, edges: ps.Edges, text: describePath(s.Graph(), ps)}}, lang.L("1 time-respecting path."), nil
	})
}

// finders are the Paths tab's connecting network, clusters and saved
// views; their results go in the panel's list and highlight like a path.
type finders struct {
	u           *ui
	p           *pathPanel
	seeds, excl []int32
	pick        *entityPicker
	seedLabel   *widget.Label
	minStrength *widget.Entry
	minSize     *widget.Entry
	views       *savedViews
}

// addFinders adds the finders to the Paths tab.
func (u *ui) addFinders() {
	p := u.paths
	p.timed = newTimeOptions()
	if n := len(p.finder.Objects); n > 0 {
		// before the Find button
		objs := append([]fyne.CanvasObject(nil), p.finder.Objects[:n-1]...)
		p.finder.Objects = append(objs, p.timed.content, p.finder.Objects[n-1])
	}
	f := &finders{u: u, p: p}
	u.finders = f
	f.pick = newEntityPicker(u.ex, lang.L("Entity (e.g. noyb)"))
	f.pick.entry.onEscape = u.escape
	f.seedLabel = widget.NewLabel("")
	f.seedLabel.Wrapping = fyne.TextWrapWord
	addSeed := widget.NewButton(lang.L("Add seed"), func() { f.add(&f.seeds) })
	addExcl := widget.NewButton(lang.L("Exclude"), func() { f.add(&f.excl) })
	clear := widget.NewButton(lang.L("Clear"), func() { f.seeds, f.excl = nil, nil; f.showSeeds() })
	clear.Importance = widget.LowImportance
	find := widget.NewButton(lang.L("Find network"), f.findNetwork)
	find.Importance = widget.HighImportance
	network := container.NewVBox(
		lowWrap(lang.L("The smallest network of relations found that joins the seed entities, not passing through the excluded ones.")),
		f.pick.content, container.NewHBox(addSeed, addExcl, clear), f.seedLabel, find)
	f.showSeeds()

	f.minStrength, f.minSize = numEntry("2"), numEntry("3")
	clusters := widget.NewButton(lang.L("Find clusters"), f.findClusters)
	clusters.Importance = widget.HighImportance
	clusterBox := container.NewVBox(
		lowWrap(lang.L("Groups of entities that many separate chains of relations bind: the strength is how many relations must be cut to split a group.")),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Min strength")), nil, f.minStrength),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Min size")), nil, f.minSize),
		clusters)
	f.views = newSavedViews(u)
	p.sections.Append(widget.NewAccordionItem(lang.L("Connecting network"), network))
	p.sections.Append(widget.NewAccordionItem(lang.L("Clusters"), clusterBox))
	p.sections.Append(widget.NewAccordionItem(lang.L("Saved views"), f.views.content))
}

// add puts the picked entity on a list.
func (f *finders) add(list *[]int32) {
	i, ok := f.pick.node()
	if !ok {
		f.p.setStatus(lang.L("No entity matches."))
		return
	}
	for _, x := range *list {
		if x == i {
			return
		}
	}
	*list = append(*list, i)
	f.pick.entry.SetText("")
	f.showSeeds()
}

func (f *finders) showSeeds() {
	names := func(xs []int32) string {
		var out []string
		for _, x := range xs {
			out = append(out, f.u.ex.g.Node(x).Label)
		}
		return strings.Join(out, ", ")
	}
	text := lang.L("Seeds:") + " " + names(f.seeds)
	if len(f.seeds) == 0 {
		text = lang.L("Seeds: none yet (add two or more).")
	}
	if len(f.excl) > 0 {
		text += "\n" + lang.L("Excluded:") + " " + names(f.excl)
	}
	f.seedLabel.SetText(text)
}

// findNetwork joins the seeds (path.ConnectingNetwork on a snapshot).
func (f *finders) findNetwork() {
	if len(f.seeds) < 2 {
		f.p.setStatus(lang.L("Add at least two seed entities."))
		return
	}
	g := f.u.ex.snapshot()
	seeds, excl := append([]int32(nil), f.seeds...), append([]int32(nil), f.excl...)
	opt := path.NetworkOptions{Exclude: excl, RelTypes: append([]string(nil), f.p.relTypes.Selected...)}
	if h, err := strconv.Atoi(f.p.maxHops.Selected); err == nil {
		opt.MaxHops = h
	}
	f.p.start(lang.L("Finding the connecting network…"), func(ctx context.Context) ([]pathResult, string, error) {
		net, err := path.ConnectingNetwork(ctx, g.Topology(), seeds, opt)
		if err != nil {
			return nil, "", err
		}
		return networkResult(g, net)
	})
}

// networkResult is a connecting network as a result line, and the note
// saying which seeds fall apart.
func networkResult(g *graph.Graph, net path.Network) ([]pathResult, string, error) {
	label := func(xs []int32) string {
		var out []string
		for _, x := range xs {
			out = append(out, g.Node(x).Label)
		}
		return strings.Join(out, ", ")
	}
	isSeed := map[int32]bool{}
	for _, s := range net.Seeds {
		isSeed[s] = true
	}
	var via []int32
	for _, v := range net.Nodes {
		if !isSeed[v] {
			via = append(via, v)
		}
	}
	nodes := append(append([]int32(nil), net.Seeds...), via...)
	text := fmt.Sprintf(lang.L("Network joining %s: %d %s through %d %s"), label(net.Seeds),
		len(net.Edges), i18n.Plural(len(net.Edges), lang.L("relation"), lang.L("relations")),
		len(via), i18n.Plural(len(via), lang.L("other entity"), lang.L("other entities")))
	if len(via) > 0 {
		text += " (" + label(via) + ")"
	}
	note := text + "."
	if len(net.Apart) > 0 {
		var groups []string
		for _, grp := range net.Apart {
			groups = append(groups, "["+label(grp)+"]")
		}
		note = lang.L("These seeds fall apart (no path joins the groups):") + " " + strings.Join(groups, " ")
	}
	return []pathResult{{nodes: nodes, edges: net.Edges, text: text}}, note, nil
}

// findClusters lists the clusters (view.FindClusters on a snapshot), the
// strongest first; choosing one highlights it.
func (f *finders) findClusters() {
	strength, err1 := strconv.Atoi(strings.TrimSpace(f.minStrength.Text))
	size, err2 := strconv.Atoi(strings.TrimSpace(f.minSize.Text))
	if err1 != nil || err2 != nil || strength < 1 || size < 2 {
		f.p.setStatus(lang.L("Min strength must be at least 1 and min size at least 2."))
		return
	}
	g := f.u.ex.snapshot()
	req := view.ClusterRequest{RelTypes: append([]string(nil), f.p.relTypes.Selected...), MinStrength: strength, MinSize: size}
	f.p.start(lang.L("Finding clusters…"), func(ctx context.Context) ([]pathResult, string, error) {
		cs, err := view.FindClusters(ctx, g, req, nil)
		if err != nil {
			return nil, "", err
		}
		var out []pathResult
		for _, c := range cs {
			in := map[int32]bool{}
			for _, v := range c.Members {
				in[v] = true
			}
			var edges []int32
			for e := 0; e < g.EdgeCount(); e++ {
				r := g.Edge(int32(e))
				if in[r.From] && in[r.To] && r.From != r.To {
					edges = append(edges, int32(e))
				}
			}
			var names []string
			for k, v := range c.Members {
				if k == 4 {
					names = append(names, "…")
					break
				}
				names = append(names, g.Node(v).Label)
			}
			out = append(out, pathResult{nodes: c.Members, edges: edges,
				text: fmt.Sprintf(lang.L("Strength %d · %d entities: %s"), c.Strength, len(c.Members), strings.Join(names, ", "))})
		}
		if len(out) == 0 {
			return nil, lang.L("No cluster with these options."), nil
		}
		return out, fmt.Sprintf(lang.L("%d clusters."), len(out)), nil
	})
}
