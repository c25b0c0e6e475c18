package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Every error the window shows goes through showErrorText: the whole text
// (a load error's every FILE:LINE:COL problem, a long path) in a
// selectable, wrapping label in a scroll, a Copy button that puts it on
// the clipboard, and a dialog sized to the text and never larger than the
// window, so that nothing is cut off. (Fyne's dialog.ShowError is one
// unscrolled label, as tall as the text, cut off by the window.)

// showError shows err in the window's error dialog.
func (u *ui) showError(err error) {
	u.showErrorText(lang.L("Error"), "", loadErrorText(err))
}

// showErrorText shows an error dialog titled title: head (optional) says
// what happened, text is the error itself, in full.
func (u *ui) showErrorText(title, head, text string) dialog.Dialog {
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord // a word longer than a line (a path) is broken too
	body.Selectable = true
	lines := strings.Count(text, "\n") + 1
	if lines > 1 {
		// positioned problems line up
		body.TextStyle = fyne.TextStyle{Monospace: true}
	}
	content := fyne.CanvasObject(container.NewVScroll(body))
	if head != "" {
		h := widget.NewLabel(head)
		h.Wrapping = fyne.TextWrapWord
		h.TextStyle.Bold = true
		content = container.NewBorder(h, nil, nil, nil, content)
	}
	d := dialog.NewCustomWithoutButtons(title, content, u.win)
	copyBtn := widget.NewButton(lang.L("Copy"), func() {
		u.app.Clipboard().SetContent(strings.TrimSpace(head + "\n" + text))
	})
	closeBtn := widget.NewButton(lang.L("Close"), d.Hide)
	closeBtn.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyBtn, closeBtn})
	d.Resize(errorDialogSize(u.win.Canvas().Size(), text, lines))
	d.Show()
	return d
}

// errorDialogSize is the size of an error dialog for text in a window of
// size win: wide and tall enough for the text up to about 820×560, never
// more than 90 % of the window.
func errorDialogSize(win fyne.Size, text string, lines int) fyne.Size {
	longest := 0
	for _, l := range strings.Split(text, "\n") {
		longest = max(longest, len([]rune(l)))
	}
	w := min(float32(820), float32(200+8*longest))
	h := min(float32(560), float32(170+22*lines))
	if win.Width > 0 && win.Height > 0 {
		w, h = min(w, win.Width*0.9), min(h, win.Height*0.9)
	}
	return fyne.NewSize(max(w, 320), max(h, 200))
}

// showLoadError shows why a file did not load: every FILE:LINE:COL
// problem, one per line.
func (u *ui) showLoadError(path, note string, err error) {
	u.showErrorText(fmt.Sprintf(lang.L("Could not open %s"), baseName(path)),
		fmt.Sprintf(lang.L("%s could not be opened; %s"), path, note), loadErrorText(err))
}
