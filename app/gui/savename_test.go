package gui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestResolveTypedName(t *testing.T) {
	for _, c := range []struct {
		dir, typed string
		windows    bool
		want       string
	}{
		{"/home/u/docs", "x.png", false, "/home/u/docs/x.png"},
		{"/home/u/docs", "/tmp/x.png", false, "/tmp/x.png"},
		{"/home/u/docs", "~/x.png", false, "/home/u/x.png"},
		{"/home/u/docs", "~", false, "/home/u/"},
		{"/home/u/docs", "sub/x.png", false, "/home/u/docs/sub/x.png"},
		{"/home/u/docs", "../x.png", false, "/home/u/x.png"},
		{"/home/u/docs", "./a/../x.png", false, "/home/u/docs/x.png"},
		{"/home/u/docs", "/tmp//y/../x.png", false, "/tmp/x.png"},
		{"/home/u/docs", "out/", false, "/home/u/docs/out/"},
		{"/home/u/docs", "..", false, "/home/u/"},
		{"/home/u/docs", "  x.png ", false, "/home/u/docs/x.png"},
		{"/", "../../x.png", false, "/x.png"},
		{`C:/Users/u/docs`, `D:\exports\x.png`, true, "D:/exports/x.png"},
		{`C:/Users/u/docs`, `d:/exports/x.png`, true, "d:/exports/x.png"},
		{`C:/Users/u/docs`, `\x.png`, true, "C:/x.png"},
		{`C:/Users/u/docs`, `\\server\share\x.png`, true, "//server/share/x.png"},
		{`C:/Users/u/docs`, `~\x.png`, true, "C:/Users/u/x.png"},
		{`C:/Users/u/docs`, `sub\x.png`, true, "C:/Users/u/docs/sub/x.png"},
		{`C:/Users/u/docs`, `..\..\..\..\x.png`, true, "C:/x.png"},
		{`C:/Users/u/docs`, `C:\out\`, true, "C:/out/"},
	} {
		home := "/home/u"
		if c.windows {
			home = `C:\Users\u`
		}
		if got := resolveTyped(c.dir, c.typed, home, c.windows); got != c.want {
			t.Errorf("%q in %s (windows %v) = %q, want %q", c.typed, c.dir, c.windows, got, c.want)
		}
	}
	if isTypedPath("x.png", false) || isTypedPath("Documents", true) || !isTypedPath("a/b", false) || !isTypedPath(`C:x`, true) || isTypedPath(`a\b`, false) {
		t.Error("isTypedPath")
	}
}

func TestFinishSavePath(t *testing.T) {
	exts := []string{".png", ".svg"}
	for in, want := range map[string]string{
		"/a/x":         "/a/x.png",
		"/a/x.png":     "/a/x.png",
		"/a/x.SVG":     "/a/x.SVG",
		"/a/x.jpg":     "/a/x.jpg.png",
		"/a/report.v2": "/a/report.v2.png",
		"C:/a/x":       "C:/a/x.png",
	} {
		if got, err := finishSavePath(in, exts); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := finishSavePath("/a/out/", exts); !errors.Is(err, errFolderNamed) {
		t.Errorf("a folder gave %v", err)
	}
}

// saveThroughDialog types name in Fyne's own save dialog, showing folder
// dir, presses Save and returns the path the export gets ("" if none).
func saveThroughDialog(t *testing.T, u *ui, dir, name string) string {
	t.Helper()
	guardFileSaves()
	got := ""
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		u.savePicked(w, err, []string{".png", ".svg"}, func(p string) { got = p })
	}, u.win)
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(loc)
	d.SetFileName(name)
	d.Show()
	save := findButton(u.win.Canvas().Overlays().List(), "Save")
	if save == nil {
		t.Fatal("no Save button")
	}
	test.Tap(save)
	return got
}

// A path typed in the save dialog's name box wins over the folder shown.
func TestSaveDialogTakesATypedPath(t *testing.T) {
	u := newTestUI(t)
	shown, other := t.TempDir(), t.TempDir()
	if got, want := saveThroughDialog(t, u, shown, filepath.Join(other, "x.png")), filepath.Join(other, "x.png"); got != want {
		t.Fatalf("typed %s, the export writes %q", want, got)
	}
	if err := os.Mkdir(filepath.Join(shown, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := saveThroughDialog(t, u, shown, "sub/../sub/y"), filepath.Join(shown, "sub", "y.png"); got != want {
		t.Fatalf("typed sub/../sub/y, the export writes %q, want %q", got, want)
	}
	// a home folder of the test's own, on every system (HOME on Unix,
	// USERPROFILE on Windows, as os.UserHomeDir reads them)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	if got, want := saveThroughDialog(t, u, shown, "~/linkscope-test-never-written.png"), filepath.Join(home, "linkscope-test-never-written.png"); got != want {
		t.Fatalf("typed ~/…, the export writes %q, want %q", got, want)
	}
}

// A name typed without its extension that names an existing file once
// the extension is added asks before replacing it.
func TestSaveDialogConfirmsAnExtensionAdded(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "view.png"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := saveThroughDialog(t, u, dir, "view"); got != "" {
		t.Fatalf("the export went ahead onto %s without asking", got)
	}
	if findButton(u.win.Canvas().Overlays().List(), "Yes") == nil {
		t.Fatal("no overwrite confirmation")
	}
}
