package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// The workspace: File › Save writes the investigation on screen as a
// .linkscope file (dataset/workspace.go): its data, its history and the
// view (dataset.View, built here, drawn through app/view like exports).

// autosaveDelay is how long changes stay unsaved before they are autosaved.
var autosaveDelay = 30 * time.Second

// wsSession is the workspace of the graph on screen.
type wsSession struct {
	// g is the model the session is of; a new graph is a new session.
	g *graph.Graph
	// orig is the data as loaded, before any change (inline saves).
	orig *graph.Graph
	// dataPath is the data file ("" for the embedded case).
	dataPath string
	// data is the workspace's data once known (opened or saved once).
	data *dataset.WorkspaceData
	// path is the workspace file ("" until saved).
	path string
	// savedVersion and savedKey are the graph's version and the view's
	// key when last saved (or opened).
	savedVersion uint64
	savedKey     string
	// autosave is the pending autosave timer (nil: none).
	autosave *time.Timer
}

// sessionFor starts a session for g unless g is the session's graph
// (setGraphAt rebuilds the window on the same graph after a deletion).
func (u *ui) sessionFor(g *graph.Graph, path string) {
	if u.ws != nil && u.ws.g == g {
		return
	}
	if u.ws != nil && u.ws.autosave != nil {
		u.ws.autosave.Stop()
	}
	u.ws = &wsSession{g: g, orig: g.Snapshot(), dataPath: path, savedVersion: g.Version(), savedKey: "unset"}
}

// watchChanges keeps the title's unsaved mark up to date; called when the
// window is built on a graph.
func (u *ui) watchChanges() {
	if u.ws.savedKey == "unset" {
		u.ws.savedKey = u.viewKey()
	}
	ex := u.ex
	ex.onSelect = append(ex.onSelect, u.updateTitle)
	ex.onFilter = append(ex.onFilter, u.updateTitle)
	ex.onHighlight = append(ex.onHighlight, u.updateTitle)
	prev := u.canvas.onViewMoved
	u.canvas.onViewMoved = func() {
		if prev != nil {
			prev()
		}
		u.updateTitle()
	}
	u.updateTitle()
}

// dirty reports whether the window shows changes not saved: the graph's
// version or the view (selection, highlight, filters, theme, legend,
// layout, and the viewport once the user moved it) differ from the last
// save. Positions alone do not count (a running layout moves them all the
// time); they are saved with the rest.
func (u *ui) dirty() bool {
	if u.ws == nil || u.ex == nil {
		return false
	}
	return u.ex.g.Version() != u.ws.savedVersion || u.viewKey() != u.ws.savedKey
}

// viewKey sums up what of the view counts as a change.
func (u *ui) viewKey() string {
	if u.ex == nil {
		return ""
	}
	ex := u.ex
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%v|%v|%v|%v|%d|%v|%v|%s|", ex.selected, ex.pathNodes, ex.pathEdges, offList(ex.filter.nodeTypeOff),
		offList(ex.filter.edgeTypeOff), ex.filter.asOf, ex.filter.hideIsolated, u.legend, u.layoutName)
	fmt.Fprintf(&b, "%v|", u.dark)
	if ex.focus != nil {
		fmt.Fprintf(&b, "focus %d|", len(view.Visibility{Nodes: ex.focus}.NodeList()))
	}
	if c := u.canvas; c != nil && c.viewSet && !c.autoFit {
		fmt.Fprintf(&b, "%g %g %g", c.view.CenterX, c.view.CenterY, c.view.Zoom)
	}
	return b.String()
}

func offList(m map[string]bool) []string {
	var out []string
	for k, off := range m {
		if off {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// windowTitle is the title: the workspace's name (or the dataset's title)
// with • in front while changes are unsaved.
func (u *ui) windowTitle() string {
	t := "Linkscope"
	if u.ex != nil {
		t = u.ex.title()
	}
	if u.ws != nil && u.ws.path != "" {
		t = baseName(u.ws.path) + " — Linkscope"
	}
	if u.dirty() {
		t = "• " + t
	}
	return t
}

// updateTitle shows the title and, while changes are unsaved, keeps an
// autosave pending.
func (u *ui) updateTitle() {
	if u.win == nil {
		return
	}
	if t := u.windowTitle(); u.win.Title() != t {
		u.win.SetTitle(t)
	}
	if s := u.ws; s != nil && s.autosave == nil && u.dirty() && autosaveDelay > 0 {
		s.autosave = time.AfterFunc(autosaveDelay, func() { postUI(func() { u.autosaveNow(s) }) })
	}
}

// ---- the view ----

// currentView is what the window shows, as a workspace saves it.
func (u *ui) currentView() dataset.View {
	ex := u.ex
	g := ex.g
	v := dataset.View{Legend: u.legend, Theme: view.ThemeName(u.renderTheme()),
		Positions: view.SavedPositions(g, ex.pos)}
	if u.srv != nil && u.srv.g == g {
		v.Server = u.srv.savedView()
	}
	if a, err := view.Lookup(u.layoutName); err == nil {
		v.Layout = a.Name
	}
	if u.canvas != nil && u.canvas.viewSet {
		v.Viewport = view.SavedViewport(u.canvas.view)
	}
	if ex.selected >= 0 && int(ex.selected) < g.NodeCount() {
		v.Selection = []string{g.Node(ex.selected).ID}
	}
	if ex.pathNodes != nil || ex.pathEdges != nil {
		v.HighlightNodes, v.HighlightEdges = []string{}, []string{}
		for _, i := range uniq(ex.pathNodes) {
			v.HighlightNodes = append(v.HighlightNodes, g.Node(i).ID)
		}
		for _, e := range uniq(ex.pathEdges) {
			v.HighlightEdges = append(v.HighlightEdges, g.Edge(e).ID)
		}
	}
	if ex.focus != nil {
		v.Focus = []string{}
		for _, i := range (view.Visibility{Nodes: ex.focus}).NodeList() {
			if int(i) < g.NodeCount() {
				v.Focus = append(v.Focus, g.Node(i).ID)
			}
		}
	}
	v.Filters = dataset.ViewFilters{NodeTypesOff: offList(ex.filter.nodeTypeOff), RelTypesOff: offList(ex.filter.edgeTypeOff),
		HideIsolated: ex.filter.hideIsolated}
	if k := ex.filter.asOf; k != 0 {
		v.Filters.AsOf = fmt.Sprintf("%04d-%02d-%02d", k/10000, k/100%100, k%100)
	}
	return v
}

// restoreView puts the window in the state v saved: positions were given
// to setGraphAt; here the filters, focus, selection, highlight, theme,
// legend, layout name and viewport.
func (u *ui) restoreView(v dataset.View) {
	ex, g := u.ex, u.ex.g
	if v.Theme != "" && (v.Theme == "dark") != u.dark {
		u.setDark(v.Theme == "dark")
	}
	// a view never shown (a workspace written by apply) keeps the
	// window's own legend setting
	if v.Positions != nil && v.Legend != u.legend {
		u.setLegend(v.Legend)
	}
	if a, err := view.Lookup(v.Layout); err == nil && v.Layout != "" {
		u.layoutName = a.Display
		u.toolbar.setLayoutName(a.Display)
	}
	// The filters live in the chart (restored with the history); what a
	// view saves besides (an older workspace's type boxes) adds to them.
	// Restoring issues no command: the panel is synced, not clicked.
	f := view.FilterOf(g, dataset.View{Filters: v.Filters, Focus: v.Focus})
	ex.readChart()
	for t := range f.NodeTypesOff {
		ex.filter.nodeTypeOff[t] = true
	}
	for t := range f.RelTypesOff {
		ex.filter.edgeTypeOff[t] = true
	}
	if v.Filters.HideIsolated {
		ex.filter.hideIsolated = true
	}
	if ex.filter.asOf == 0 && v.Filters.AsOf != "" {
		ex.filter.asOf = parseDayKey(v.Filters.AsOf)
	}
	ex.focus = f.Only
	if p := u.filters; p != nil {
		p.sync()
	}
	ex.applyFilters()
	h := view.HighlightOf(g, v)
	ex.selectNode(h.Selected)
	if h.PathNodes != nil || h.PathEdges != nil {
		ex.setPath(h.PathNodes, h.PathEdges)
	}
	if v.Viewport != nil && v.Viewport.Zoom > 0 {
		c := u.canvas
		saved := view.RenderViewport(*v.Viewport)
		if c.view.Width > 0 {
			saved.Width, saved.Height, saved.Scale = c.view.Width, c.view.Height, c.view.Scale
		}
		c.view, c.viewSet, c.autoFit = saved, true, false
		c.requestRender()
	}
}

// ---- save ----

// save writes the workspace to its file, or asks for one (Save As).
func (u *ui) save(then func()) {
	if u.ws == nil || u.ex == nil {
		return
	}
	if u.ws.path == "" {
		u.saveAs(then)
		return
	}
	u.saveTo(u.ws.path, then)
}

// saveAs asks where to save the workspace.
func (u *ui) saveAs(then func()) {
	if u.ws == nil || u.ex == nil {
		return
	}
	name := "investigation" + dataset.WorkspaceExt
	if u.ws.path != "" {
		name = baseName(u.ws.path)
	} else if u.ws.dataPath != "" {
		name = strings.TrimSuffix(baseName(u.ws.dataPath), filepath.Ext(u.ws.dataPath)) + dataset.WorkspaceExt
	}
	u.saveDialog(name, []string{dataset.WorkspaceExt}, func(path string) { u.saveTo(path, then) })
}

// wsSnapshot is a workspace as the window stood when Save was chosen,
// taken on the UI goroutine; build completes it off the UI goroutine
// (hashing the data file, or writing the data inline).
type wsSnapshot struct {
	session *wsSession
	version uint64
	key     string
	ws      dataset.Workspace
	// what the data is made from, when not known yet
	orig     *graph.Graph
	dataPath string
}

func (u *ui) takeSnapshot() *wsSnapshot {
	s := u.ws
	snap := &wsSnapshot{session: s, version: u.ex.g.Version(), key: u.viewKey(), orig: s.orig, dataPath: s.dataPath}
	snap.ws = dataset.Workspace{Version: 1, History: slices.Clone(u.ex.g.History()), View: u.currentView()}
	if s.data != nil {
		snap.ws.Data = *s.data
	}
	return snap
}

// build fills in the data (off the UI goroutine).
func (s *wsSnapshot) build() (*dataset.Workspace, error) {
	ws := s.ws
	if ws.Data.Ref == nil && len(ws.Data.Inline) == 0 {
		var err error
		switch {
		case s.dataPath == "":
			ws.Data, err = dataset.InlineData(s.orig)
		default:
			nodes, edges := s.dataPath, ""
			if n, e, ok := dataset.SplitCSVPair(s.dataPath); ok {
				nodes, edges = n, e
			}
			ws.Data, err = dataset.RefData(nodes, edges)
		}
		if err != nil {
			return nil, err
		}
	}
	ws.Saved = time.Now()
	return &ws, nil
}

// saveTo saves the workspace to path in the background (the exports job),
// then runs then (on the UI goroutine) if it succeeded.
func (u *ui) saveTo(path string, then func()) {
	snap := u.takeSnapshot()
	var saved *dataset.Workspace
	u.exports.start(fmt.Sprintf(lang.L("Saving %s…"), baseName(path)), func(ctx context.Context, _ func(string)) ([]string, error) {
		ws, err := snap.build()
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		saved = ws
		return []string{path}, dataset.SaveWorkspace(path, ws)
	}, func(_ []string, err error) {
		if err != nil {
			u.showError(fmt.Errorf(lang.L("the workspace was not saved: %w"), err))
			return
		}
		u.saved(snap, path, saved)
		if then != nil {
			then()
		}
	})
}

// saved records a finished save (UI goroutine).
func (u *ui) saved(snap *wsSnapshot, path string, ws *dataset.Workspace) {
	s := snap.session
	if s.path != "" && s.path != path {
		_ = dataset.RemoveAutosave(s.path)
	}
	s.path, s.savedVersion, s.savedKey = path, snap.version, snap.key
	data := ws.Data
	s.data = &data
	_ = dataset.RemoveAutosave(path)
	_ = os.Remove(dataset.AutosavePath(u.unsavedPath()))
	if s.autosave != nil {
		s.autosave.Stop()
		s.autosave = nil
	}
	if s == u.ws {
		u.prefs.addRecent(path)
		u.win.SetMainMenu(u.mainMenu())
		u.updateTitle()
		u.notify(fmt.Sprintf(lang.L("Saved %s"), path))
	}
}

// ---- autosave ----

// autosaveMu keeps autosaves from overlapping.
var autosaveMu sync.Mutex

// goAutosave runs an autosave's writing off the UI goroutine (tests run
// it in place).
var goAutosave = func(f func()) { go f() }

// unsavedPath is where the workspace of a case never saved would be: its
// autosave goes beside it, in the app's storage.
func (u *ui) unsavedPath() string {
	dir := os.TempDir()
	if st := u.app.Storage(); st != nil && st.RootURI() != nil {
		dir = st.RootURI().Path()
	}
	return filepath.Join(dir, "unsaved"+dataset.WorkspaceExt)
}

// autosaveNow writes the autosave of session s if its changes are still
// unsaved: the snapshot here, the writing on another goroutine.
func (u *ui) autosaveNow(s *wsSession) {
	s.autosave = nil
	if s != u.ws || !u.dirty() {
		return
	}
	snap := u.takeSnapshot()
	target := s.path
	if target == "" {
		target = u.unsavedPath()
	}
	goAutosave(func() {
		autosaveMu.Lock()
		defer autosaveMu.Unlock()
		ws, err := snap.build()
		if err == nil {
			os.MkdirAll(filepath.Dir(target), 0o755)
			err = dataset.WriteAutosave(target, ws)
		}
		postUI(func() {
			if err != nil {
				u.notify(lang.L("Autosave failed:") + " " + i18n.Message(err))
			}
			// still unsaved: autosave again later
			u.updateTitle()
		})
	})
}

// offerAutosave asks whether to restore the autosave of the workspace at
// path (the unsaved case's when path is ""), when one newer than it is
// there.
func (u *ui) offerAutosave(path string) {
	target := path
	if target == "" {
		target = u.unsavedPath()
	}
	a, when, ok := dataset.FindAutosave(target)
	if !ok {
		return
	}
	what := lang.L("the unsaved investigation")
	if path != "" {
		what = baseName(path)
	}
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Linkscope has an autosave of %s from %s, with changes that were not saved.\nRestore it?"),
		what, i18n.Current().DateTime(when)))
	d := dialog.NewCustomConfirm(lang.L("Restore the autosave?"), lang.L("Restore"), lang.L("Discard"), msg, func(restore bool) {
		if !restore {
			_ = os.Remove(a)
			return
		}
		u.openWorkspace(a, path, false)
	}, u.win)
	d.Show()
}

// ---- open ----

// openWorkspace opens the workspace file at file in the background; as
// is the path the session saves to ("" for an autosave of an unsaved
// case; file itself normally). When file is an autosave the changes
// count as unsaved.
func (u *ui) openWorkspace(file, as string, fallback bool) {
	var ws *dataset.Workspace
	u.loading.start(fmt.Sprintf(lang.L("Opening %s…"), baseName(file)), func(ctx context.Context, progress func(string)) (*graph.Graph, error) {
		progress(fmt.Sprintf(lang.L("Opening %s…"), file))
		w, g, err := dataset.OpenWorkspace(ctx, file, dataset.Options{PauseGC: true})
		ws = w
		return g, err
	}, func(g *graph.Graph, err error) {
		if err != nil {
			note := lang.L("the graph on screen is unchanged.")
			if fallback {
				u.showDefault()
				note = lang.L("showing the embedded Clearview case instead.")
			}
			u.showLoadError(file, note, err)
			return
		}
		u.showWorkspace(ws, g, as)
		if as == file {
			u.prefs.addRecent(file)
			u.win.SetMainMenu(u.mainMenu())
			u.offerAutosave(file)
		} else {
			// an autosave restored: its changes are not saved yet
			u.ws.savedVersion = ^uint64(0)
			u.updateTitle()
		}
	})
}

// showWorkspace puts an opened workspace on screen (UI goroutine).
func (u *ui) showWorkspace(ws *dataset.Workspace, g *graph.Graph, path string) {
	dataPath := ""
	if ws.Data.Ref != nil {
		dataPath = ws.Data.Ref.Path
		if ws.Data.Ref.Edges != nil {
			dataPath = dataset.CSVPairPath(ws.Data.Ref.Path, ws.Data.Ref.Edges.Path)
		}
	}
	u.ws = nil
	u.sessionFor(g, dataPath)
	data := ws.Data
	u.ws.data, u.ws.path = &data, path
	pos, _ := view.PositionsOf(g, ws.View)
	u.openAsDrawn = pos != nil
	if u.srv != nil && ws.View.Server != nil {
		// saved from a server window, opened in one: exploring goes on
		u.srv.adopt(g, ws.View.Server)
	}
	u.setGraphAt(g, dataPath, pos)
	u.restoreView(ws.View)
	u.ws.savedVersion, u.ws.savedKey = g.Version(), u.viewKey()
	u.updateTitle()
}

// ---- close ----

// closeRequested is the window's close intercept: with unsaved changes it
// asks Save / Don't Save / Cancel.
func (u *ui) closeRequested() {
	if !u.dirty() {
		u.win.Close()
		return
	}
	u.askSave(func() { u.win.Close() })
}

// askSave asks whether to save unsaved changes before proceed runs: Save
// (then proceed once saved), Don't Save (proceed, dropping the autosave)
// or Cancel.
func (u *ui) askSave(proceed func()) {
	name := lang.L("this investigation")
	if u.ws != nil && u.ws.path != "" {
		name = baseName(u.ws.path)
	}
	var d *dialog.CustomDialog
	saveB := widget.NewButton(lang.L("Save"), func() { d.Hide(); u.save(proceed) })
	saveB.Importance = widget.HighImportance
	dont := widget.NewButton(lang.L("Don't Save"), func() {
		d.Hide()
		u.discardAutosave()
		proceed()
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Save the changes to %s before closing?"), name))

	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), msg, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, dont, saveB})
	u.closeDlg = d
	d.Show()
}

// discardAutosave removes the session's autosave.
func (u *ui) discardAutosave() {
	if u.ws == nil {
		return
	}
	if u.ws.autosave != nil {
		u.ws.autosave.Stop()
		u.ws.autosave = nil
	}
	target := u.ws.path
	if target == "" {
		target = u.unsavedPath()
	}
	if err := dataset.RemoveAutosave(target); err != nil && !errors.Is(err, os.ErrNotExist) {
		u.notify(i18n.Message(err))
	}
}
