package gui

import "fyne.io/fyne/v2"

// escape is Esc, wherever the keyboard is (the canvas, a result list, the
// search and path boxes, nothing): it takes back the most specific thing
// shown, one a press: first a highlighted path (and the Paths panel's
// choice of it, so that the panel and the chart agree), then the
// selection, then a neighbourhood focus (the whole graph again).
func (u *ui) escape() {
	if u.ex == nil {
		return
	}
	switch {
	case u.ex.pathNodes != nil || u.ex.pathEdges != nil:
		u.ex.setPath(nil, nil)
		if u.paths != nil {
			u.paths.unchoose()
		}
	case u.ex.selected >= 0:
		u.selectNode(-1, false)
	case u.ex.focused():
		u.ex.clearFocus()
		u.canvas.Fit()
	}
}

// unchoose forgets which result is shown: no row selected, no steps; the
// results stay listed, so choosing one again highlights it again.
func (p *pathPanel) unchoose() {
	p.list.UnselectAll()
	p.steps.RemoveAll()
}

// takeKeyboard gives the canvas the keyboard (Esc, arrows, + and −) when
// it is clicked: Fyne leaves it with the widget that had it (a result
// list, a check box) when the click lands on another focusable widget.
func (c *graphCanvas) takeKeyboard() {
	if app := fyne.CurrentApp(); app != nil {
		if cv := app.Driver().CanvasForObject(c); cv != nil && cv.Focused() != c {
			cv.Focus(c)
		}
	}
}
