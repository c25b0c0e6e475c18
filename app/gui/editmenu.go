package gui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// Undo and redo: every change the window makes is a graph.Command applied
// through ui.apply, so one list (the graph's history) undoes a drag, a
// layout, a filter, a merge. ui.change runs Apply, Undo or Redo the same
// way and brings the window up to date (ui.graphChanged): entities whose
// position the change set go there.

// Fyne's desktop driver turns Ctrl+Z into fyne.ShortcutUndo and Ctrl+Y
// into fyne.ShortcutRedo (which a focused text box takes for its own
// text); Ctrl+Shift+Z comes as a custom shortcut.
var (
	shortcutUndo  fyne.Shortcut = &fyne.ShortcutUndo{}
	shortcutRedo  fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutRedoY fyne.Shortcut = &fyne.ShortcutRedo{}
)

// undo undoes the latest change, and selects again what was selected
// before it.
func (u *ui) undo() {
	name, _ := u.ex.g.UndoName()
	sel, ok := popSelection(&u.undoSel, name)
	now := u.selection()
	err := u.change(func() error { _, err := u.ex.g.Undo(); return err })
	if err != nil {
		if !errors.Is(err, graph.ErrNothingToUndo) {
			u.showError(err)
		}
		return
	}
	u.pushSelection(&u.redoSel, now)
	if ok {
		u.restoreSelection(sel)
	}
}

// redo applies the latest undone change again, with the selection it
// had.
func (u *ui) redo() {
	name, _ := u.ex.g.RedoName()
	sel, ok := popSelection(&u.redoSel, name)
	now := u.selection()
	err := u.change(func() error { _, err := u.ex.g.Redo(); return err })
	if err != nil {
		if !errors.Is(err, graph.ErrNothingToRedo) {
			u.showError(err)
		}
		return
	}
	u.pushSelection(&u.undoSel, now)
	if ok {
		u.restoreSelection(sel)
	}
}

// selStep is the selection (entity ids, the single selection first) to
// restore when the step named name is undone (or redone). The window
// keeps one per step of the graph's undo (and redo) stack, checked by
// name: a stack that does not match (a history replayed from a file) is
// dropped rather than restore a wrong selection.
type selStep struct {
	name string
	ids  []string
}

// selection is the current selection as ids, the single one first.
func (u *ui) selection() []string {
	ex := u.ex
	var ids []string
	if ex.selected >= 0 {
		ids = append(ids, ex.g.Node(ex.selected).ID)
	}
	for _, i := range ex.chosenList() {
		if i != ex.selected {
			ids = append(ids, ex.g.Node(i).ID)
		}
	}
	return ids
}

// pushSelection records sel for the step on top of the undo stack (for
// &u.undoSel; of the redo stack for &u.redoSel).
func (u *ui) pushSelection(stack *[]selStep, sel []string) {
	name, _ := u.ex.g.UndoName()
	if stack == &u.redoSel {
		name, _ = u.ex.g.RedoName()
	}
	*stack = append(*stack, selStep{name: name, ids: sel})
}

// popSelection takes the selection recorded for the step named name off
// stack; a stack whose top is another step is dropped.
func popSelection(stack *[]selStep, name string) ([]string, bool) {
	s := *stack
	if len(s) == 0 || s[len(s)-1].name != name {
		*stack = nil
		return nil, false
	}
	*stack = s[:len(s)-1]
	return s[len(s)-1].ids, true
}

// restoreSelection selects the entities with these ids (those still
// there), the first as the single selection.
func (u *ui) restoreSelection(ids []string) {
	if len(ids) == 0 {
		u.ex.clearHighlight()
		return
	}
	u.ex.chooseIDs(ids)
}

// do applies cmd, showing an error in a dialog.
func (u *ui) do(cmd graph.Command) bool {
	if err := u.apply(cmd); err != nil {
		u.showError(err)
		return false
	}
	return true
}

// undoItems are the Edit menu's Undo and Redo, named after what they
// would do ("Undo move CNIL"), disabled when there is nothing to do.
func (u *ui) undoItems() []*fyne.MenuItem {
	undo := fyne.NewMenuItem(lang.L("Undo"), u.undo)
	undo.Shortcut = shortcutUndo
	redo := fyne.NewMenuItem(lang.L("Redo"), u.redo)
	redo.Shortcut = shortcutRedo
	undo.Disabled, redo.Disabled = true, true
	if u.ex != nil {
		if name, ok := u.ex.g.UndoText(); ok {
			undo.Label, undo.Disabled = fmt.Sprintf(lang.L("Undo %s"), i18n.Text(name)), false
		}
		if name, ok := u.ex.g.RedoText(); ok {
			redo.Label, redo.Disabled = fmt.Sprintf(lang.L("Redo %s"), i18n.Text(name)), false
		}
	}
	return []*fyne.MenuItem{undo, redo}
}

// updateEditMenu renames Undo and Redo after a change, and enables the
// items that need a selection (after a selection change).
func (u *ui) updateEditMenu() {
	if u.win == nil {
		return
	}
	mm := u.win.MainMenu()
	if mm == nil {
		u.win.SetMainMenu(u.mainMenu())
		return
	}
	for _, m := range mm.Items {
		if m.Label != lang.L("Edit") {

			continue
		}
		items := u.editItems()
		if len(m.Items) < len(items) {
			u.win.SetMainMenu(u.mainMenu())
			return
		}
		// the items after the editing ones (Find, ...) stay
		m.Items = append(items, m.Items[len(items):]...)
		mm.Refresh()
	}
}

// addEditShortcuts registers Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, and the
// editing shortcuts.
func (u *ui) addEditShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcutUndo, func(fyne.Shortcut) { u.undo() })
	c.AddShortcut(shortcutRedo, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(shortcutRedoY, func(fyne.Shortcut) { u.redo() })
}

// canvasKey handles the canvas's editing keys: Delete and Backspace
// delete the selection. (Ctrl+Z and the other shortcuts reach the
// window's shortcuts, the canvas not handling shortcuts itself.)
func (u *ui) canvasKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		u.deleteChosen()
		return true
	}
	return false
}

// wireEditing connects the canvas's editing gestures to commands.
func (u *ui) wireEditing() {
	c := u.canvas
	c.onDragEnd = u.dragEnded
	c.onShiftTap = func(i int32) {
		if i >= 0 {
			u.ex.toggleChosen(i)
		}
	}
	c.onBand = func(nodes []int32) { u.ex.setChosen(nodes) }
	c.onContext = u.showContextMenu
	c.onKey = u.canvasKey
	u.ex.onSelect = append(u.ex.onSelect, u.updateEditMenu)
	u.wireGroups()
}

// dragEnded makes a finished drag one undoable step: a Move, or a Batch
// of Moves for a multi-selection.
func (u *ui) dragEnded(nodes []int32, from []render.Point) {
	// where the drag left them, before placeShown redraws the model
	to := make([]render.Point, len(nodes))
	for k, i := range nodes {
		if int(i) < len(u.ex.pos) {
			to[k] = u.ex.pos[i]
		}
	}
	u.placeShown(nodes, from)
	g := u.ex.g
	if u.pendingStart == nil {
		u.pendingStart = map[string]render.Point{}
	}
	var cmds []graph.Command
	for k, i := range nodes {
		if int(i) >= len(u.ex.pos) {
			continue
		}
		id := g.Node(i).ID
		u.pendingStart[id] = from[k]
		p := to[k]
		cmds = append(cmds, graph.Move{ID: id, X: p.X, Y: p.Y})
	}
	switch len(cmds) {
	case 0:
		return
	case 1:
		u.do(cmds[0])
	default:
		u.do(graph.Batch{Name: "move " + itoa(len(cmds)) + " entities", Cmds: cmds})
	}
}

// placeShown records, before the first drag, where the entities the model
// has not placed are shown (the first view, a layout not yet committed)
// as one Place, the dragged ones where the drag started: undoing the drag
// then puts them back there, in this session and after reopening the
// workspace.
func (u *ui) placeShown(nodes []int32, from []render.Point) {
	g := u.ex.g
	start := map[int32]render.Point{}
	for k, i := range nodes {
		if k < len(from) {
			start[i] = from[k]
		}
	}
	var c graph.Place
	for i, p := range u.ex.pos {
		nd := g.Node(int32(i))
		if nd.Placed {
			continue
		}
		if q, ok := start[int32(i)]; ok {
			p = q
		}
		c.IDs = append(c.IDs, nd.ID)
		c.X = append(c.X, p.X)
		c.Y = append(c.Y, p.Y)
	}
	if len(c.IDs) == 0 {
		return
	}
	c.Name = u.layoutName + " layout"
	u.do(c)
}

// commitLayout records a finished layout as one Place of the entities
// whose position it changed.
func (u *ui) commitLayout(name string) {
	g := u.ex.g
	var c graph.Place
	for i, p := range u.ex.pos {
		nd := g.Node(int32(i))
		if nd.Placed && nd.X == p.X && nd.Y == p.Y {
			continue
		}
		c.IDs = append(c.IDs, nd.ID)
		c.X = append(c.X, p.X)
		c.Y = append(c.Y, p.Y)
		if !nd.Placed && i < len(u.layoutFrom) {
			if u.pendingStart == nil {
				u.pendingStart = map[string]render.Point{}
			}
			u.pendingStart[nd.ID] = u.layoutFrom[i]
		}
	}
	if len(c.IDs) == 0 {
		return
	}
	c.Name = name + " layout"
	u.do(c)
}

// noteLayoutStart remembers the positions a layout starts from: undoing
// the layout puts entities it placed for the first time back there.
func (u *ui) noteLayoutStart() {
	if u.ex != nil {
		u.layoutFrom = u.ex.pos
	}
}

// recordUnplaced remembers, for each entity the change placed for the
// first time, where it was shown before (pos, before the change), so that
// undoing the change puts it back there.
func (u *ui) recordUnplaced(before *graph.Graph, pos []render.Point) {
	defer func() { u.pendingStart = nil }()
	g := u.ex.g
	for i := 0; i < g.NodeCount(); i++ {
		nd := g.Node(int32(i))
		if !nd.Placed {
			continue
		}
		j, ok := sameNode(before, g, int32(i))
		if !ok || before.Node(j).Placed {
			continue
		}
		p, ok := u.pendingStart[nd.ID]
		if !ok {
			if int(j) >= len(pos) {
				continue
			}
			p = pos[j]
		}
		if u.unplaced == nil {
			u.unplaced = map[string]render.Point{}
		}
		u.unplaced[nd.ID] = p
	}
}

// sameNode returns the index in before of g's entity i.
func sameNode(before, g *graph.Graph, i int32) (int32, bool) {
	id := g.Node(i).ID
	if int(i) < before.NodeCount() && before.Node(i).ID == id {
		return i, true
	}
	return before.NodeIndex(id)
}

// placementChanges finds the entities of g whose placement differs from
// before (moved, laid out, or such a change undone) and puts them in pos
// (one per entity of g): at their position, or, when the change left an
// entity unplaced, where it was before it was first placed. New entities
// that come placed are included. It returns the changes by index.
func (u *ui) placementChanges(before, g *graph.Graph, pos []render.Point) map[int32]render.Point {
	moved := map[int32]render.Point{}
	for i := 0; i < g.NodeCount(); i++ {
		nd := g.Node(int32(i))
		j, ok := sameNode(before, g, int32(i))
		if !ok {
			if nd.Placed {
				moved[int32(i)] = render.Point{X: nd.X, Y: nd.Y}
			}
			continue
		}
		b := before.Node(j)
		if b.Placed == nd.Placed && b.X == nd.X && b.Y == nd.Y {
			continue
		}
		if nd.Placed {
			moved[int32(i)] = render.Point{X: nd.X, Y: nd.Y}
		} else if p, ok := u.unplaced[nd.ID]; ok {
			moved[int32(i)] = p
		}
	}
	for i, p := range moved {
		if int(i) < len(pos) {
			pos[i] = p
		}
	}
	return moved
}

// rebuild starts the window again on the changed graph (entities removed
// or renumbered) with each entity where it was, the same view, tab and
// selection, and the layout paused.
func (u *ui) rebuild(before *graph.Graph) {
	ex, g := u.ex, u.ex.g
	pos := positionsByID(before, ex.pos, g)
	u.placementChanges(before, g, pos)
	// the selection's indices are before's
	var sel []string
	if ex.selected >= 0 && int(ex.selected) < before.NodeCount() {
		sel = append(sel, before.Node(ex.selected).ID)
	}
	for _, i := range ex.chosenList() {
		if int(i) < before.NodeCount() {
			sel = append(sel, before.Node(i).ID)
		}
	}
	v, viewSet := u.canvas.view, u.canvas.viewSet
	tab := -1
	if u.tabs != nil {
		tab = u.tabs.SelectedIndex()
	}
	u.holdLayout = true
	u.setGraphAt(g, ex.path, pos)
	u.holdLayout = false
	if viewSet {
		u.canvas.view, u.canvas.viewSet, u.canvas.autoFit = v, true, false
		u.canvas.requestRender()
	}
	if tab >= 0 {
		u.tabs.SelectIndex(tab)
	}
	// ids of entities gone are skipped
	if len(sel) > 0 {
		u.ex.chooseIDs(sel)
	}
}

// pinFromGraph pins in the layout the entities the graph says are pinned.
func (u *ui) pinFromGraph() {
	if u.runner == nil {
		return
	}
	g := u.ex.g
	for i := 0; i < g.NodeCount() && i < len(u.ex.pos); i++ {
		if g.Node(int32(i)).Pinned {
			u.runner.Pin(int32(i), u.ex.pos[i])
		}
	}
}

// place moves nodes of the layout (pinned ones too: an undone move puts
// a dragged entity back). It waits for a step in flight.
func (r *layoutRunner) place(moved map[int32]render.Point) {
	if len(moved) == 0 {
		return
	}
	r.mu.Lock()
	for i, p := range moved {
		if _, ok := r.pins[i]; ok {
			r.pins[i] = layout.Point(p)
		}
	}
	r.mu.Unlock()
	r.faMu.Lock()
	defer r.faMu.Unlock()
	for i, p := range moved {
		if int(i) < r.fa.N() {
			r.fa.SetPosition(int(i), layout.Point(p))
		}
	}
}

// setPinned pins or releases node i of the layout (the Pin command).
func (r *layoutRunner) setPinned(i int32, on bool, p render.Point) {
	r.mu.Lock()
	delete(r.pins, i)
	r.mu.Unlock()
	r.faMu.Lock()
	defer r.faMu.Unlock()
	if int(i) < r.fa.N() {
		if on {
			r.fa.SetPosition(int(i), layout.Point(p))
		}
		r.fa.SetPinned(int(i), on)
	}
}

// syncPins pins or releases in the layout the entities whose Pinned the
// change set (the Pin command, or its undo).
func (u *ui) syncPins(before *graph.Graph) {
	g := u.ex.g
	for i := 0; i < g.NodeCount() && i < before.NodeCount(); i++ {
		if on := g.Node(int32(i)).Pinned; on != before.Node(int32(i)).Pinned && i < len(u.ex.pos) {
			u.runner.setPinned(int32(i), on, u.ex.pos[i])
		}
	}
}

// sceneStale reports whether the render scene made for before no longer
// draws g (same entities and relations): a type, label, colour or size
// changed.
func sceneStale(before, g *graph.Graph) bool {
	if before.Topology() != g.Topology() {
		return true
	}
	for i := 0; i < g.NodeCount(); i++ {
		a, b := before.Node(int32(i)), g.Node(int32(i))
		if a.Label != b.Label || a.Type != b.Type || a.Color != b.Color || a.Size != b.Size {
			return true
		}
	}
	return false
}
