package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// The window on a server-held graph (`linkscope --db URL`): the graph on
// screen is a working set grown from the source (app/view's working set
// made of graph.Commands, so that undo, redo and the history cover it).
// The Server tab searches the source; choosing a hit brings the entity
// in; double-clicking an entity expands it by one hop, at most the cap's
// entities (the most connected first, cut by the source's query);
// Collapse takes back what the selected entity's expansions brought.

// DefaultExpandCap is the number of entities one expansion brings at most.
const DefaultExpandCap = 500

// serverStart is the number of most connected entities the window opens
// with.
const serverStart = 12

// topper is a source that lists its most connected entities
// (postgres.DB does).
type topper interface {
	Top(ctx context.Context, n int) ([]source.Hit, error)
}

// serverSession is the window's link to its source.
type serverSession struct {
	u    *ui
	src  source.Source
	name string
	// grow runs expansions and seeds, find the server searches: each a
	// latest-wins task.
	grow *task.Task[*source.Subgraph, struct{}]
	find *task.Task[[]source.Hit, struct{}]
	// expansions are the steps grown from each entity (by id), for
	// Collapse.
	expansions map[string][]view.Expansion
	// g is the working set on screen; another graph opened in the window
	// (File › Open) ends the session.
	g *graph.Graph

	entry    *escEntry
	capEntry *widget.Entry
	list     *widget.List
	info     *widget.Label
	status   *widget.Label
	hits     []source.Hit
	content  fyne.CanvasObject
}

// RunServer opens the explorer on the graph src holds (name says where,
// for the title) and runs the application until it quits; it closes src.
func RunServer(a fyne.App, src source.Source, name string) { RunServerWorkspace(a, src, name, "") }

// RunServerWorkspace is RunServer that opens the workspace ws (a
// .linkscope file saved from a server window) instead of starting from the
// most connected entities: its graph, view and expansions, and expanding
// goes on from the server.
func RunServerWorkspace(a fyne.App, src source.Source, name, ws string) {
	u := newServerUIWith(a, src, name, false, ws)
	w := u.win
	quitOnSignal(a)
	w.ShowAndRun()
	src.Close()
}

// newServerUI builds the window on src: newUIWith's window without the
// embedded case, starting from src's most connected entities.
func newServerUI(a fyne.App, src source.Source, name string, still bool) *ui {
	return newServerUIWith(a, src, name, still, "")
}

func newServerUIWith(a fyne.App, src source.Source, name string, still bool, ws string) *ui {
	u := &ui{app: a, prefs: newPrefs(a), layoutName: layoutFA2, still: still}
	if debugEnabled() {
		u.stats = newFrameStats()
	}
	u.dark = u.prefs.dark()
	u.legend = u.prefs.p.Bool(prefLegend)
	a.Settings().SetTheme(newVariantTheme(u.dark))
	u.win = a.NewWindow("Linkscope")
	u.win.Resize(u.prefs.windowSize())
	u.win.SetMaster()
	u.win.SetOnClosed(u.closed)
	u.win.SetCloseIntercept(u.closeRequested)
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.loading = newJob[*graph.Graph](u.win)
	u.exports = newJob[[]string](u.win)
	u.newLayoutTask()
	u.srv = newServerSession(u, src, name)
	g := graph.New(0, 0)
	g.Title = name
	u.srv.g = g
	u.setGraph(g, "")
	if ws != "" {
		u.srv.describe()
		u.open(ws, false)
		return u
	}
	u.srv.start()
	return u
}

// describe shows what the source holds.
func (s *serverSession) describe() {
	s.find.Start(func(ctx context.Context, _ func(struct{})) ([]source.Hit, error) {
		return nil, s.showInfo(ctx)
	}, func(_ []source.Hit, err error) {
		if err != nil {
			s.status.SetText(fmt.Sprintf(lang.L("The server did not answer: %s"), i18n.Message(err)))
		}
	})
}

// showInfo asks the source what it holds (off the UI goroutine) and
// shows it in the tab.
func (s *serverSession) showInfo(ctx context.Context) error {
	info, err := s.src.Info(ctx)
	if err != nil {
		return err
	}
	postUI(func() {
		s.info.SetText(fmt.Sprintf(lang.L("%s: %d entities, %d relations on the server"), info.Title, info.Entities, info.Relations))
	})
	return nil
}

// savedView is what a workspace keeps of the session.
func (s *serverSession) savedView() *dataset.ServerView {
	v := &dataset.ServerView{Source: s.name, Expanded: map[string][]dataset.ExpansionView{}}
	for id, exps := range s.expansions {
		for _, e := range exps {
			v.Expanded[id] = append(v.Expanded[id], dataset.ExpansionView{Entities: e.Entities, Relations: e.Relations})
		}
	}
	return v
}

// adopt makes g, opened from a workspace saved from a server window, the
// session's graph, with its expansions.
func (s *serverSession) adopt(g *graph.Graph, v *dataset.ServerView) {
	s.g = g
	s.expansions = map[string][]view.Expansion{}
	for id, exps := range v.Expanded {
		for _, e := range exps {
			s.expansions[id] = append(s.expansions[id], view.Expansion{Entities: e.Entities, Relations: e.Relations})
		}
	}
}

func newServerSession(u *ui, src source.Source, name string) *serverSession {
	s := &serverSession{u: u, src: src, name: name, expansions: map[string][]view.Expansion{},
		grow: newTask[*source.Subgraph, struct{}](), find: newTask[[]source.Hit, struct{}]()}
	s.entry = newEscEntry()
	s.entry.SetPlaceHolder(lang.L("Search the server…"))
	s.entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.entry.OnChanged = func(q string) { s.search(q) }
	s.entry.OnSubmitted = func(string) {
		if len(s.hits) > 0 {
			s.choose(0)
		}
	}
	s.capEntry = widget.NewEntry()
	s.capEntry.SetText(strconv.Itoa(DefaultExpandCap))
	s.info = widget.NewLabel("")
	s.info.Importance = widget.LowImportance
	s.info.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel(lang.L("Double-click an entity to expand it."))
	s.status.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			typ := widget.NewLabel(lang.L("type"))
			typ.Importance = widget.LowImportance
			name := widget.NewLabel(lang.L("entity name"))
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, typ, name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.hits) {
				h := s.hits[id]
				c := o.(*fyne.Container)
				c.Objects[0].(*widget.Label).SetText(h.Label)
				c.Objects[1].(*widget.Label).SetText(fmt.Sprintf(lang.L("%s · %d"), h.Type, h.Degree))
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.choose(id)
		s.list.UnselectAll()
	}
	expand := widget.NewButtonWithIcon(lang.L("Expand"), theme.ZoomInIcon(), func() {
		if i := s.u.ex.selected; i >= 0 {
			s.expand(i)
		}
	})
	collapse := widget.NewButtonWithIcon(lang.L("Collapse"), theme.ZoomOutIcon(), func() {
		if i := s.u.ex.selected; i >= 0 {
			s.collapse(i)
		}
	})
	capRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Cap per expansion")), nil, s.capEntry)
	top := container.NewVBox(s.entry, s.info)
	bottom := container.NewVBox(widget.NewSeparator(), capRow, container.NewGridWithColumns(2, expand, collapse), s.status)
	s.content = container.NewBorder(top, bottom, nil, nil, s.list)
	return s
}

// addServerTab puts the Server tab first among the window's tabs (after
// each rebuild of the panels) and shows it.
func (u *ui) addServerTab() {
	if u.srv != nil && u.ex != nil && u.ex.g != u.srv.g {
		u.srv.grow.Cancel()
		u.srv.find.Cancel()
		u.srv = nil // a file replaced the server's graph
	}
	if u.srv == nil || u.tabs == nil {
		return
	}
	item := container.NewTabItemWithIcon(lang.L("Server"), theme.StorageIcon(), u.srv.content)
	u.tabs.Items = append([]*container.TabItem{item}, u.tabs.Items...)
	u.tabs.Refresh()
	u.tabs.Select(item)
}

// cap is the expansion cap the box says (DefaultExpandCap when it says
// nothing valid).
func (s *serverSession) cap() int {
	n, err := strconv.Atoi(strings.TrimSpace(s.capEntry.Text))
	if err != nil || n < 1 {
		return DefaultExpandCap
	}
	return n
}

// start describes the source and brings in its most connected entities.
func (s *serverSession) start() {
	src := s.src
	s.find.Start(func(ctx context.Context, _ func(struct{})) ([]source.Hit, error) {
		if err := s.showInfo(ctx); err != nil {
			return nil, err
		}
		if t, ok := src.(topper); ok {
			return t.Top(ctx, 50)
		}
		return nil, nil
	}, func(hits []source.Hit, err error) {
		if err != nil {
			s.status.SetText(fmt.Sprintf(lang.L("The server did not answer: %s"), i18n.Message(err)))
			return
		}
		s.hits = hits
		s.list.Refresh()
		var ids []string
		for _, h := range hits[:min(len(hits), serverStart)] {
			ids = append(ids, h.ID)
		}
		if len(ids) > 0 {
			s.bring("add the most connected", ids, source.ExpandOptions{})
		}
	})
}

// search asks the server for q; an empty box lists the most connected.
func (s *serverSession) search(q string) {
	src := s.src
	s.find.Start(func(ctx context.Context, _ func(struct{})) ([]source.Hit, error) {
		if strings.TrimSpace(q) == "" {
			if t, ok := src.(topper); ok {
				return t.Top(ctx, 50)
			}
			return nil, nil
		}
		return src.Search(ctx, q, searchLimit)
	}, func(hits []source.Hit, err error) {
		if err != nil {
			s.status.SetText(fmt.Sprintf(lang.L("Search failed: %s"), i18n.Message(err)))
			return
		}
		s.hits = hits
		s.list.Refresh()
		s.list.ScrollToTop()
	})
}

// choose brings hit k into the graph on screen and selects it.
func (s *serverSession) choose(k int) {
	if k < 0 || k >= len(s.hits) {
		return
	}
	id := s.hits[k].ID
	if i, ok := s.u.ex.g.NodeIndex(id); ok {
		s.u.selectNode(i, true)
		return
	}
	s.bring("add", []string{id}, source.ExpandOptions{})
}

// expand grows the graph on screen from entity i: one hop, at most the
// cap's entities, with the relations to what is already on screen.
func (s *serverSession) expand(i int32) {
	id := s.u.ex.g.Node(i).ID
	s.bring("expand", []string{id}, source.ExpandOptions{Depth: 1, Limit: s.cap()})
}

// bring runs one growth step off the UI goroutine (the source's query)
// and applies its command on it, through ui.apply.
func (s *serverSession) bring(verb string, ids []string, opt source.ExpandOptions) {
	src := s.src
	opt.Known = view.KnownIDs(s.u.ex.snapshot())
	s.status.SetText(lang.L("Asking the server…"))
	s.grow.Start(func(ctx context.Context, _ func(struct{})) (*source.Subgraph, error) {
		return src.Expand(ctx, ids, opt)
	}, func(sub *source.Subgraph, err error) {
		if err != nil {
			s.status.SetText(fmt.Sprintf(lang.L("The server did not answer: %s"), i18n.Message(err)))
			return
		}
		g := s.u.ex.g
		subject := view.Subject(g, sub, ids)
		cmd, exp := view.Command(g, sub, verb+" "+subject)
		exp.Subject = subject
		if exp.Empty() {
			s.status.SetText(fmt.Sprintf(lang.L("%s: nothing more on the server."), subject))
		} else if err := s.u.apply(cmd); err != nil {
			s.u.showError(err)
			return
		}
		if verb == "expand" {
			s.expansions[ids[0]] = append(s.expansions[ids[0]], exp)
		}
		text := fmt.Sprintf(lang.L("%s: %d entities and %d relations added."), exp.Name, len(exp.Entities), len(exp.Relations))
		if exp.Truncated {
			text += fmt.Sprintf(lang.L(" The cap (%d) left the less connected out."), opt.Limit)
		}
		s.status.SetText(text)
		if i, ok := s.u.ex.g.NodeIndex(ids[0]); ok && len(ids) == 1 {
			s.u.selectNode(i, verb == "add")
		}
	})
}

// collapse removes what the expansions of entity i brought and is still
// on screen, as one undoable step.
func (s *serverSession) collapse(i int32) {
	g := s.u.ex.g
	id := g.Node(i).ID
	exps := s.expansions[id]
	var ids []string
	for _, exp := range exps {
		for _, e := range exp.Entities {
			if _, ok := g.NodeIndex(e); ok && e != id {
				ids = append(ids, e)
			}
		}
		for _, r := range exp.Relations {
			if _, ok := g.EdgeIndex(r); ok {
				ids = append(ids, r)
			}
		}
	}
	delete(s.expansions, id)
	if len(ids) == 0 {
		s.status.SetText(fmt.Sprintf(lang.L("Nothing to collapse: %s was not expanded."), g.Node(i).Label))
		return
	}
	label := g.Node(i).Label
	if err := s.u.apply(graph.Batch{Name: "collapse " + label, Cmds: []graph.Command{graph.Delete{IDs: ids}}}); err != nil {
		s.u.showError(err)
		return
	}
	s.status.SetText(fmt.Sprintf(lang.L("collapse %s: %d entities and relations removed."), label, len(ids)))
	if j, ok := s.u.ex.g.NodeIndex(id); ok {
		s.u.selectNode(j, false)
	}
}
