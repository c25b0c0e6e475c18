package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbar is the row above the canvas: fit, zoom, layout pause/resume and
// algorithm, theme, export.
type toolbar struct {
	u       *ui
	bar     *widget.Toolbar
	pause   *widget.ToolbarAction
	algo    *widget.Select
	state   *widget.Label
	content fyne.CanvasObject
	// layoutState describes the layout for the status line.
	layoutState string
	// settingAlgo guards the select's callback while the code sets it.
	settingAlgo bool
}

func newToolbar(u *ui) *toolbar {
	t := &toolbar{u: u}
	t.pause = widget.NewToolbarAction(theme.MediaPauseIcon(), u.toggleLayout)
	t.bar = widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.openDialog),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ZoomFitIcon(), func() { u.canvas.Fit() }),
		widget.NewToolbarAction(theme.ZoomInIcon(), func() { u.canvas.ZoomIn() }),
		widget.NewToolbarAction(theme.ZoomOutIcon(), func() { u.canvas.ZoomOut() }),
		widget.NewToolbarSeparator(),
		t.pause,
	)
	labels := make([]string, len(layoutNames))
	for i, n := range layoutNames {
		labels[i] = layoutLabel(n)
	}
	t.algo = widget.NewSelect(labels, func(s string) {
		if t.settingAlgo {
			return
		}
		for _, n := range layoutNames {
			if layoutLabel(n) == s {
				u.setLayout(n)
				return
			}
		}
	})
	t.state = widget.NewLabel("")
	t.state.Importance = widget.LowImportance
	right := widget.NewToolbar(
		widget.NewToolbarAction(theme.HistoryIcon(), func() { u.showTimeline(u.timeline == nil || !u.timeline.shown) }),
		widget.NewToolbarAction(theme.ColorPaletteIcon(), func() { u.setDark(!u.dark) }),
		widget.NewToolbarAction(theme.MediaPhotoIcon(), u.exportSnapshotDialog),
	)
	t.content = container.NewBorder(nil, widget.NewSeparator(), container.NewHBox(t.bar, t.algo, t.state), right)
	return t
}

// setLayoutName shows the chosen algorithm without re-running it.
func (t *toolbar) setLayoutName(name string) {
	t.settingAlgo = true
	t.algo.SetSelected(layoutLabel(name))
	t.settingAlgo = false
}

// setRunning shows whether ForceAtlas2 is running (iter < 0: unknown).
func (t *toolbar) setRunning(running bool, iter int) {
	text := lang.L("layout paused")
	switch {
	case running && iter > 0:
		text = fmt.Sprintf(lang.L("laying out (step %d)"), iter)
	case running:
		text = lang.L("laying out…")
	case iter > 0:
		text = fmt.Sprintf(lang.L("layout settled (%d steps)"), iter)
	}

	t.setState(running, text)
}

// setState shows a layout state: the pause button while a layout runs,
// the play button otherwise, and text on the toolbar and status line.
func (t *toolbar) setState(running bool, text string) {
	if running {
		t.pause.SetIcon(theme.MediaPauseIcon())
	} else {
		t.pause.SetIcon(theme.MediaPlayIcon())
	}
	t.layoutState = text
	t.state.SetText(text)
	t.u.updateStatus()
}
