package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// ui is the explorer window: the explorer state of the graph on screen,
// its canvas and panels, the running layout, and the window's menus.
type ui struct {
	app   fyne.App
	win   fyne.Window
	prefs *prefs
	dark  bool
	stats *frameStats

	ex     *explorer
	canvas *graphCanvas
	// runner is ForceAtlas2's state; layout the task that runs every
	// layout (ForceAtlas2 and the one-shot ones), with layoutDlg the
	// progress dialog of the one-shot ones and layoutIter the steps of the
	// last ForceAtlas2 run that finished.
	runner     *layoutRunner
	layout     *task.Task[layoutResult, layoutProgress]
	layoutDlg  progressDialog
	layoutIter int
	// layoutEnd is how the last ForceAtlas2 run ended
	layoutEnd layoutEnd

	search  *searchPanel
	filters *filtersPanel
	details *detailsPanel
	paths   *pathPanel
	tabs    *container.AppTabs
	toolbar *toolbar
	// timeline is the timeline view, shown in canvasArea in the
	// canvas's place (timelineview.go).
	timeline   *timelineView
	canvasArea *fyne.Container
	status     *widget.Label
	// msg is the status line's transient message (status.go).
	msg *statusMessage
	// legend draws the entity types' legend on the canvas (and exports).
	legend bool
	// layoutName is the chosen layout algorithm.
	layoutName string
	// loading loads files, exports writes exports (each a job: a newer
	// request replaces one still running).
	loading *job[*graph.Graph]
	exports *job[[]string]
	// still (tests) places graphs with the circular layout and does not
	// animate them.
	still bool
	// asDrawn: the graph opened at the positions of its file, and the
	// first layout does not run by itself
	asDrawn bool
	// ws is the workspace of the graph on screen (workspace.go);
	// openAsDrawn makes the next setGraphAt keep the positions it is
	// given (a workspace's); closeDlg is the unsaved-changes question.
	ws          *wsSession
	openAsDrawn bool
	closeDlg    dialog.Dialog
	// first is the first view while the user has not changed it
	// (firstview.go)
	first *firstView
	// editing state (editmenu.go): where entities first placed by a
	// change were before it (unplaced, for undo; pendingStart is the
	// start of the drag or layout being recorded), the positions the
	// latest layout started from, and holdLayout set while rebuild
	// restarts the window without running the layout.
	unplaced, pendingStart map[string]render.Point
	layoutFrom             []render.Point
	holdLayout             bool
	// form is the form dialog last shown (editdialogs.go)
	form *openForm
	dups *duplicatesPanel
	// undoSel and redoSel are the selections undo and redo restore
	// (editmenu.go)
	undoSel, redoSel []selStep
	// srv is the link to a server-held graph (server.go), nil for a file.
	srv *serverSession
	// ana is the Analysis menu's job and state (analysis.go)
	ana   *analysisState
	table *tablePanel
	// tableWin is the entity table's window, once opened (table.go)
	tableWin fyne.Window
	finders  *finders
}

// newUI builds the window on the embedded case and, when path is set,
// starts loading that file.
func newUI(a fyne.App, path string) *ui { return newUIWith(a, path, false) }

// newUIWith is newUI; still places graphs without animating them (tests).
func newUIWith(a fyne.App, path string, still bool) *ui {
	u := &ui{app: a, prefs: newPrefs(a), layoutName: layoutFA2, still: still}
	if debugEnabled() {
		u.stats = newFrameStats()
	}
	u.dark = u.prefs.dark()
	u.legend = u.prefs.p.BoolWithFallback(prefLegend, true)
	a.Settings().SetTheme(newVariantTheme(u.dark))
	u.win = a.NewWindow("Linkscope")
	u.win.Resize(u.prefs.windowSize())
	u.win.SetMaster()
	u.win.SetOnDropped(u.dropped)
	u.win.SetOnClosed(u.closed)
	u.win.SetCloseIntercept(u.closeRequested)
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.addEditShortcuts()
	u.loading = newJob[*graph.Graph](u.win)
	u.exports = newJob[[]string](u.win)
	u.newLayoutTask()
	if path == "" {
		u.showDefault()
		u.offerAutosave("")
	} else {
		// a blank graph while the file loads; the embedded case if it fails
		u.setGraph(graph.New(0, 0), "")
		u.win.SetTitle(fmt.Sprintf(lang.L("Loading %s"), baseName(path)) + " — Linkscope")
		u.open(path, true)
	}
	return u
}

// showDefault shows the embedded Clearview case.
func (u *ui) showDefault() {
	g, err := dataset.Default()
	if err != nil {
		u.setGraph(graph.New(0, 0), "")
		u.showError(fmt.Errorf(lang.L("the embedded dataset does not load: %w"), err))
		return
	}
	u.setGraph(g, "")
}

// setGraph replaces the graph on screen: a new explorer, canvas, panels
// and layout.
func (u *ui) setGraph(g *graph.Graph, path string) { u.setGraphAt(g, path, nil) }

// setGraphAt is setGraph with the layout starting from pos (one per
// entity; nil: the default start).
func (u *ui) setGraphAt(g *graph.Graph, path string, pos []render.Point) {
	u.layout.Cancel()
	u.runner = nil
	u.first = nil
	if u.filters != nil {
		u.filters.stopPlay(false)
	}
	if u.paths != nil {
		u.paths.cancel()
	}
	if u.search != nil {
		u.search.runner.cancel()
	}
	steps := newLoadSteps()
	u.sessionFor(g, path)
	steps.done("session")
	ex := newExplorer(g, path)
	steps.done("explorer")
	// the layout's starting positions, before the canvas first fits them
	// a graph whose entities all have a position from the file opens as
	// drawn, without running a layout (the toolbar still starts one)
	u.asDrawn, u.openAsDrawn = u.openAsDrawn, false
	if pos == nil {
		if pos = view.PlacedPositions(g); pos != nil {
			u.asDrawn = true
		}
	}
	if pos != nil {
		ex.setPositions(pos)
	} else if u.still {
		if p, err := staticLayout(context.Background(), g, ex.scene, layoutCircular, view.NoFocus); err == nil {
			ex.setPositions(p)
		}
	} else {
		ex.setPositions(initialPositions(g, view.DefaultSeed))
	}
	u.ex = ex
	u.canvas = newGraphCanvas(ex, u.renderOptions)
	u.canvas.stats = u.stats
	u.canvas.synchronous = u.still
	u.canvas.onResized = func() { u.refitFirstView(false) }
	steps.done("positions")
	u.traceFirstView(g)
	u.canvas.onNodeMoved = func(i int32, p render.Point) {
		u.leaveFirstView()
		if u.runner != nil {
			u.runner.Pin(i, p)
		}
	}
	u.canvas.onNodeTapped = func(i int32) { u.selectNode(i, false) }
	u.canvas.onDoubleTap = u.doubleTapped
	u.canvas.onEscape = u.escape
	u.wireEditing()
	u.search = newSearchPanel(ex, func(i int32) { u.selectNode(i, true) })
	u.warmSearch()
	steps.done("search")
	u.filters = newFiltersPanel(ex)
	u.filters.do = u.apply
	u.filters.showErr = u.showError
	u.details = newDetailsPanel(ex, func(i int32) { u.selectNode(i, true) })
	u.details.tools, u.details.relTools = u.entityButtons, func(e int32) fyne.CanvasObject {
		return u.relationButtons(u.ex.g.Edge(e).ID, nil)
	}
	u.paths = newPathPanel(ex, u.showPath, func(i int32) { u.selectNode(i, true) })
	steps.done("panels")
	// Esc in a text box or a result list does what it does on the canvas
	for _, e := range []*escEntry{u.search.entry, u.paths.from.entry, u.paths.to.entry} {
		e.onEscape = u.escape
	}
	u.search.list.onEscape, u.paths.list.onEscape = u.escape, u.escape
	u.toolbar = newToolbar(u)
	u.status = widget.NewLabel("")
	// one line cut with an ellipsis: a long message or path would
	// otherwise widen the window past the screen (it then stays wider,
	// with the details panel off screen)
	u.status.Truncation = fyne.TextTruncateEllipsis
	if u.msg != nil {
		u.clearMessage() // it was about the graph before
	}
	ex.onFilter = append(ex.onFilter, u.updateStatus)
	u.wireAnalysis()
	u.newTable()
	u.addFinders()
	steps.done("table")

	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Search"), theme.SearchIcon(), u.search.content),
		container.NewTabItemWithIcon(lang.L("Filters"), theme.ListIcon(), u.filters.content),
		container.NewTabItemWithIcon(lang.L("Paths"), theme.MoreHorizontalIcon(), u.paths.content),
	)
	u.addServerTab()
	right := container.NewHSplit(u.newCanvasArea(), u.details.content)
	right.Offset = canvasShare
	main := container.NewHSplit(u.tabs, right)
	main.Offset = tabsShare
	u.win.SetContent(container.NewBorder(u.toolbar.content, u.status, nil, nil, main))
	steps.done("content")
	u.watchChanges()
	u.startLayout()
	steps.done("layout")
	u.updateStatus()
	steps.done("status")
	if g.NodeCount() > 0 {
		trace("load", "graph-set", "ms", time.Since(tracer.start), "entities", g.NodeCount())
	}
}

// renderTheme is the canvas theme matching the window's.
func (u *ui) renderTheme() render.Theme {
	if u.dark {
		return render.Dark
	}
	return render.Light
}

// renderOptions are what the canvas and the snapshot export draw with.
func (u *ui) renderOptions() render.Options {
	o := view.RenderOptions(dataset.View{Theme: view.ThemeName(u.renderTheme()), Legend: u.legend})
	o.TimeLabel = u.timeLabel()
	return o
}

// selectNode selects entity i (-1: none); center also brings it into
// view.
func (u *ui) selectNode(i int32, center bool) {
	// one frame shows both
	u.canvas.together(func() {
		u.ex.selectNode(i)
		if center && i >= 0 {
			u.canvas.centerOn(i)
		}
	})
}

// doubleTapped opens (or widens) the neighbourhood of the entity
// double-clicked; on the background it shows the whole graph again.
func (u *ui) doubleTapped(i int32) {
	if i < 0 {
		if u.ex.focused() {
			u.ex.clearFocus()
			u.canvas.Fit()
		}
		return
	}
	u.ex.selectNode(i)
	if u.srv != nil { // a server's graph grows instead
		u.srv.expand(i)
		return
	}
	u.ex.expandFocus(i)
	u.canvas.Fit()
}

// showPath highlights a path result (nil clears it) and brings it into
// view.
func (u *ui) showPath(r *pathResult) {
	if r == nil {
		u.ex.setPath(nil, nil)
		return
	}
	u.ex.setPath(r.nodes, r.edges)
	u.canvas.showNodes(r.nodes)
}

// updateStatus shows the counts and the layout state.
func (u *ui) updateStatus() {
	if u.status == nil || u.ex == nil {
		return
	}
	n, m := u.ex.visibleCount()
	s := fmt.Sprintf(lang.L("%d of %d entities · %d of %d relations"), n, u.ex.g.NodeCount(), m, u.ex.g.EdgeCount())
	if u.toolbar != nil && u.toolbar.layoutState != "" {
		s += " · " + u.toolbar.layoutState
	}
	// the file last: what a narrow window cuts first (the title names it)
	if u.ex.path != "" {
		s += " · " + u.ex.path
	}
	u.status.SetText(u.statusText(s))
}

// setDark switches between the light and dark themes. The canvas's frame
// is drawn again in the background; the details panel is rebuilt after
// the switch rather than refreshed by it (see theme_switch.go).
func (u *ui) setDark(dark bool) {
	defer u.timeThemeSwitch()()
	u.dark = dark
	u.prefs.setDark(dark)
	restore := func() {}
	if u.details != nil {
		restore = u.details.suspend()
	}
	u.app.Settings().SetTheme(newVariantTheme(dark))
	restore()
	if u.canvas != nil {
		u.canvas.Refresh()
	}
	u.win.SetMainMenu(u.mainMenu())
}

// setLegend shows or hides the legend on the canvas.
func (u *ui) setLegend(on bool) {
	u.legend = on
	u.prefs.p.SetBool(prefLegend, on)
	if u.canvas != nil {
		// the legend changes the room left for the graph
		u.refitFirstView(true)
		if u.canvas.autoFit {
			u.canvas.fitView()
		} else {
			u.canvas.requestRender()
		}
	}
	u.win.SetMainMenu(u.mainMenu())
}
