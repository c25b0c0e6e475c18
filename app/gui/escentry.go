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

// escList is a list on which Esc does what it does on the canvas: a list
// keeps the keyboard once a row is clicked, and a plain list ignores Esc.
type escList struct {
	widget.List
	// onEscape is called when Esc is pressed in the list.
	onEscape func()
}

// newEscList is widget.NewList as an escList.
func newEscList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *escList {
	l := &escList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles Esc and passes every other key to the list.
func (l *escList) TypedKey(k *fyne.KeyEvent) {
	if k.Name != fyne.KeyEscape {
		l.List.TypedKey(k)
		return
	}
	if l.onEscape != nil {
		l.onEscape()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Unfocus()
	}
}
