package gui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// labelIn returns the first label under o whose text is text, and
// whether a scroll holds it.
func labelIn(o fyne.CanvasObject, text string) (l *widget.Label, scrolled bool) {
	var walk func(o fyne.CanvasObject, inScroll bool)
	walk = func(o fyne.CanvasObject, inScroll bool) {
		if l != nil || o == nil {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			if x.Text == text {
				l, scrolled = x, inScroll
			}
			return
		case *container.Scroll:
			walk(x.Content, true)
			return
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k, inScroll)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k, inScroll)
			}
		}
	}
	walk(o, false)
	return l, scrolled
}

// A long error is shown whole: every line in one wrapping, selectable
// label in a scroll, in a dialog no larger than the window, with Copy.
func TestLongErrorsAreShownInFull(t *testing.T) {
	u := newTestUI(t)
	long := "/data/" + strings.Repeat("very-long-folder-name/", 8) + "case.json"
	var lines []string
	for i := 1; i <= 40; i++ {
		lines = append(lines, fmt.Sprintf("%s:%d:7: relation %d: unknown entity \"zz%d\"", long, i, i, i))
	}
	text := strings.Join(lines, "\n")
	u.showError(errors.New(text))
	overlays := u.win.Canvas().Overlays().List()
	if len(overlays) == 0 {
		t.Fatal("no dialog")
	}
	top := overlays[len(overlays)-1]
	l, scrolled := labelIn(top, text)
	if l == nil {
		t.Fatal("the dialog does not hold the whole text in one label")
	}
	if !scrolled || l.Wrapping == fyne.TextWrapOff || !l.Selectable {
		t.Fatalf("scrolled %v, wrapping %v, selectable %v", scrolled, l.Wrapping, l.Selectable)
	}
	win := u.win.Canvas().Size()
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
			p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if p.X+b.Size().Width > win.Width || p.Y+b.Size().Height > win.Height || p.Y < 0 {
				t.Fatalf("the dialog's Close button at %v (size %v) is outside the %v window", p, b.Size(), win)
			}
		}
	}
	cp := findButton(overlays, "Copy")
	if cp == nil {
		t.Fatal("no Copy button")
	}
	test.Tap(cp)
	if got := u.app.Clipboard().Content(); got != text {
		t.Fatalf("Copy put %d characters on the clipboard, want %d", len(got), len(text))
	}
}

// A load error's dialog lists every positioned problem, under what
// happened.
func TestLoadErrorDialogUsesTheOneHelper(t *testing.T) {
	u := newTestUI(t)
	err := errors.New("bad.json:3:9: \"type\" must be a string")
	u.showLoadError("/some/where/bad.json", "the graph on screen is unchanged.", err)
	top := u.win.Canvas().Overlays().Top()
	if l, scrolled := labelIn(top, loadErrorText(err)); l == nil || !scrolled {
		t.Fatal("the problems are not in the scrolled, selectable text")
	}
	if !strings.Contains(texts(top), "/some/where/bad.json could not be opened") {
		t.Fatalf("the dialog says:\n%s", texts(top))
	}
}
