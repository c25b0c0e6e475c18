package gui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefTheme  = "theme"
	prefRecent = "recent"
	prefLegend = "legend"
	// prefSnapshotExtras: snapshots add the title, the legend and the
	// source line
	prefSnapshotExtras = "snapshot.extras"
	// maxRecent is the length of the recent-files list.
	maxRecent = 8
)

// defaultWindowSize is the size of a first window.
var defaultWindowSize = fyne.NewSize(1280, 800)

// prefs remembers the window size, the theme and the recent files in the
// Fyne preferences.
type prefs struct{ p fyne.Preferences }

func newPrefs(a fyne.App) *prefs { return &prefs{a.Preferences()} }

// windowSize is the last window size, or the default.
func (p *prefs) windowSize() fyne.Size {
	w := p.p.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width))
	h := p.p.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height))
	if w < 400 || h < 300 || w > 20000 || h > 20000 {
		return defaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// setWindowSize records the window size.
func (p *prefs) setWindowSize(s fyne.Size) {
	if s.Width < 400 || s.Height < 300 {
		return
	}
	p.p.SetFloat(prefWidth, float64(s.Width))
	p.p.SetFloat(prefHeight, float64(s.Height))
}

// dark reports whether the dark theme was chosen.
func (p *prefs) dark() bool { return p.p.String(prefTheme) == "dark" }

// setDark records the theme.
func (p *prefs) setDark(dark bool) {
	v := "light"
	if dark {
		v = "dark"
	}
	p.p.SetString(prefTheme, v)
}

// recent is the list of recently opened files, newest first.
func (p *prefs) recent() []string { return p.p.StringList(prefRecent) }

// addRecent puts path at the head of the recent files.
func (p *prefs) addRecent(path string) {
	if path == "" {
		return
	}
	list := slices.DeleteFunc(p.recent(), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.p.SetStringList(prefRecent, list)
}

// clearRecent empties the recent files.
func (p *prefs) clearRecent() { p.p.SetStringList(prefRecent, nil) }
