package gui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/dataset"
)

// findButton returns the first visible button labelled text among objs.
func findButton(objs []fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k)
			}
		}
	}
	for _, o := range objs {
		walk(o)
	}
	return found
}

// TestSaveDialogDoesNotTruncateTheChosenFile drives Fyne's own save
// dialog onto an existing file, confirms the overwrite, and checks that
// the file is intact when the export starts, and still intact after an
// export that fails.
func TestSaveDialogDoesNotTruncateTheChosenFile(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "precious.json")
	if err := os.WriteFile(path, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got string
	var atStart []byte
	guardFileSaves()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		u.savePicked(w, err, []string{".json"}, func(p string) {
			got = p
			atStart, _ = os.ReadFile(p)
			// an export that fails: nothing may be lost
			if err := writeFailing(p); err == nil {
				t.Error("the failing export reported success")
			}
		})
	}, u.win)
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(loc)
	d.SetFileName("precious.json")
	d.Show()
	overlays := func() []fyne.CanvasObject { return u.win.Canvas().Overlays().List() }
	save := findButton(overlays(), "Save")
	if save == nil {
		t.Fatal("no Save button in the dialog")
	}
	test.Tap(save)
	yes := findButton(overlays(), "Yes")
	if yes == nil {
		t.Fatal("no overwrite confirmation")
	}
	test.Tap(yes)
	if got != path {
		t.Fatalf("the dialog gave %q, want %q", got, path)
	}
	if string(atStart) != "years of work" {
		t.Fatalf("the dialog truncated the chosen file before the export: %q", atStart)
	}
	if b, _ := os.ReadFile(path); string(b) != "years of work" {
		t.Fatalf("after a failed export the file holds %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("files left behind: %v", ents)
	}
}

// TestSaveDialogWriterStillWritesWhenUsed: the wrapped repository's
// writers open the file at their first Write, as before.
func TestSaveDialogWriterStillWritesWhenUsed(t *testing.T) {
	_ = newTestUI(t)
	guardFileSaves()
	guardFileSaves() // idempotent
	path := filepath.Join(t.TempDir(), "new.txt")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the writer created the file before writing: %v", err)
	}
	if _, err := w.Write([]byte("hello")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.EqualFold(string(b), "hello") {
		t.Fatalf("file holds %q", b)
	}
}

// writeFailing is an export whose encoder fails half-way.
func writeFailing(path string) error {
	return dataset.WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("encoder failed")
	})
}
