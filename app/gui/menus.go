package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Keyboard shortcuts of the menus.
var (
	shortcutOpen    = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave    = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveAs  = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutExport  = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFit     = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind    = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutZoomIn  = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutZoomOut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
)

// mainMenu builds File, Edit, View and Help.
func (u *ui) mainMenu() *fyne.MainMenu {
	open := fyne.NewMenuItem(lang.L("Open…"), u.openDialog)
	open.Shortcut = shortcutOpen
	recent := fyne.NewMenuItem(lang.L("Open Recent"), nil)
	recent.ChildMenu = u.recentMenu()
	clearview := fyne.NewMenuItem(lang.L("Open the Clearview Case"), func() { u.showDefault() })
	export := fyne.NewMenuItem(lang.L("Export Snapshot…"), u.exportSnapshotDialog)
	export.Shortcut = shortcutExport
	extras := fyne.NewMenuItem(lang.L("Snapshots Add Title, Legend and Sources"), nil)
	extras.Checked = u.snapshotExtras()
	extras.Action = func() { u.setSnapshotExtras(!u.snapshotExtras()) }
	exportData := fyne.NewMenuItem(lang.L("Export Data…"), u.exportDataDialog)
	save := fyne.NewMenuItem(lang.L("Save"), func() { u.save(nil) })
	save.Shortcut = shortcutSave
	saveAs := fyne.NewMenuItem(lang.L("Save As…"), func() { u.saveAs(nil) })
	saveAs.Shortcut = shortcutSaveAs
	file := fyne.NewMenu(lang.L("File"), open, recent, clearview, fyne.NewMenuItemSeparator(), save, saveAs,
		fyne.NewMenuItemSeparator(), export, extras, exportData)

	find := fyne.NewMenuItem(lang.L("Find…"), u.find)
	find.Shortcut = shortcutFind
	clearSel := fyne.NewMenuItem(lang.L("Clear Path, Selection or Focus (Esc)"), u.escape)
	edit := fyne.NewMenu(lang.L("Edit"), append(u.editItems(), find, clearSel)...)

	fit := fyne.NewMenuItem(lang.L("Fit to Window"), func() { u.canvas.Fit() })
	fit.Shortcut = shortcutFit
	zin := fyne.NewMenuItem(lang.L("Zoom In"), func() { u.canvas.ZoomIn() })
	zin.Shortcut = shortcutZoomIn
	zout := fyne.NewMenuItem(lang.L("Zoom Out"), func() { u.canvas.ZoomOut() })
	zout.Shortcut = shortcutZoomOut
	algo := fyne.NewMenuItem(lang.L("Layout Algorithm"), nil)
	algo.ChildMenu = fyne.NewMenu("")
	for _, name := range layoutNames {
		algo.ChildMenu.Items = append(algo.ChildMenu.Items, fyne.NewMenuItem(layoutLabel(name), func() { u.setLayout(name) }))
	}
	pause := fyne.NewMenuItem(lang.L("Pause / Resume Layout"), u.toggleLayout)
	light := fyne.NewMenuItem(lang.L("Light Theme"), func() { u.setDark(false) })
	dark := fyne.NewMenuItem(lang.L("Dark Theme"), func() { u.setDark(true) })
	legend := fyne.NewMenuItem(lang.L("Show Legend"), nil)
	legend.Checked = u.legend
	legend.Action = func() { u.setLegend(!u.legend) }
	light.Checked, dark.Checked = !u.dark, u.dark
	timeline := fyne.NewMenuItem(lang.L("Timeline View"), func() { u.showTimeline(u.timeline == nil || !u.timeline.shown) })
	view := fyne.NewMenu(lang.L("View"), fit, zin, zout, fyne.NewMenuItemSeparator(), timeline, fyne.NewMenuItemSeparator(), algo, pause, u.budgetItem(), fyne.NewMenuItemSeparator(), legend, light, dark, u.languageItem())

	keys := fyne.NewMenuItem(lang.L("Mouse and Keyboard"), u.showHelp)
	help := fyne.NewMenu(lang.L("Help"), keys)
	return fyne.NewMainMenu(file, edit, view, u.analysisMenu(), help)
}

// recentMenu lists the recent files.
func (u *ui) recentMenu() *fyne.Menu {
	m := fyne.NewMenu("")
	for _, p := range u.prefs.recent() {
		m.Items = append(m.Items, fyne.NewMenuItem(p, func() { u.open(p, false) }))
	}
	if len(m.Items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent files"), nil)
		none.Disabled = true
		m.Items = append(m.Items, none)
	} else {
		m.Items = append(m.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Clear Recent Files"), u.clearRecent))
	}
	return m
}

// addShortcuts registers the menu shortcuts on the window, and Esc and
// +/- for when no widget has the keyboard.
func (u *ui) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcutOpen, func(fyne.Shortcut) { u.openDialog() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { u.save(nil) })
	c.AddShortcut(shortcutSaveAs, func(fyne.Shortcut) { u.saveAs(nil) })
	c.AddShortcut(shortcutExport, func(fyne.Shortcut) { u.exportSnapshotDialog() })
	c.AddShortcut(shortcutFit, func(fyne.Shortcut) { u.canvas.Fit() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { u.find() })
	c.AddShortcut(shortcutZoomIn, func(fyne.Shortcut) { u.canvas.ZoomIn() })
	c.AddShortcut(shortcutZoomOut, func(fyne.Shortcut) { u.canvas.ZoomOut() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			u.escape()
		}
	})
	c.SetOnTypedRune(func(r rune) { u.canvas.TypedRune(r) })
}

// find shows the Search tab with the keyboard in its box.
func (u *ui) find() {
	if u.tabs == nil {
		return
	}
	u.tabs.SelectIndex(0)
	u.search.focus(u.win.Canvas())
}

// showHelp lists the mouse and keyboard controls.
func (u *ui) showHelp() {
	text := widget.NewLabel(lang.L(helpText))

	dialog.ShowCustom(lang.L("Mouse and keyboard"), lang.L("Close"), text, u.win)
}

const helpText = `Drag the background to pan; the wheel zooms towards the pointer; + and − zoom too.
Drag an entity to move it (it stays where you drop it).
Click an entity to select it and read its relations and sources on the right.
Hover an entity to light up its neighbours.
Double-click an entity to show only its neighbourhood; double-click a neighbour to widen it;
double-click the background (or press Esc) to see everything again.
Esc clears the highlighted path, then the selection, then the neighbourhood shown.

Shift-click adds an entity to the selection (or takes it out); Shift+drag on the background selects
the entities inside the band; drag one of them to move them all. Right-click an entity or the
background for Edit, Note, Add Relation, Merge, Group, Hide and Delete; Delete removes the selection.

Ctrl+O open a file (or drop one on the window) · Ctrl+E export a snapshot
Ctrl+0 fit to window · Ctrl+F find an entity
Ctrl+Z undo · Ctrl+Shift+Z or Ctrl+Y redo (every change: moves, layouts, filters, edits, merges)`
