package gui

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/linkscope/linkscope/dataset"
)

// The Open Recent menu is built from the preferences' list each time the
// menu is built; whenever the list changes (a file opened, a recent file
// that is gone, Clear Recent Files) recentChanged builds the main menu
// again, which Fyne needs to show the change (SetMainMenu).

// recentChanged shows the recent files' list as it is now.
func (u *ui) recentChanged() { u.win.SetMainMenu(u.mainMenu()) }

// rememberOpened puts path at the head of the recent files, as an
// absolute path (a path given relative to the directory Linkscope was
// started in would not open from elsewhere).
func (u *ui) rememberOpened(path string) {
	u.prefs.addRecent(absRecent(path))
	u.recentChanged()
}

// openFailed takes a recent file that no longer exists off the list (one
// that fails to parse stays: it may be fixed and opened again); it
// reports whether it did.
func (u *ui) openFailed(path string, err error) bool {
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	list := u.prefs.recent()
	keep := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return s == path || s == absRecent(path) })
	if len(keep) == len(list) {
		return false
	}
	u.prefs.p.SetStringList(prefRecent, keep)
	u.recentChanged()
	return true
}

// clearRecent empties the recent files.
func (u *ui) clearRecent() {
	u.prefs.clearRecent()
	u.recentChanged()
}

// absRecent is path made absolute; a node table and edge table opened
// together (dataset.CSVPairPath) each made absolute.
func absRecent(path string) string {
	if n, e, ok := dataset.SplitCSVPair(path); ok {
		return dataset.CSVPairPath(absPath(n), absPath(e))
	}
	return absPath(path)
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
