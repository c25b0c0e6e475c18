package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// escEntry is a text entry on which Esc does what it does on the canvas
// (clear the selection, the highlight and any focus) and hands the
// keyboard back to the window, instead of being swallowed by the entry.
type escEntry struct {
	widget.Entry
	// onEscape is called when Esc is pressed in the entry.
	onEscape func()
}

var _ fyne.Focusable = (*escEntry)(nil)

func newEscEntry() *escEntry {
	e := &escEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc and passes every other key to the entry.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name != fyne.KeyEscape {
		e.Entry.TypedKey(k)
		return
	}
	if e.onEscape != nil {
		e.onEscape()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Unfocus()
	}
}
