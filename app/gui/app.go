// Package gui is Linkscope's explorer window. Only main.go creates the Fyne
// application; everything here takes a fyne.App so tests can pass
// fyne.io/fyne/v2/test's.
//
// The window's state and logic live in explorer (no widgets); the panels
// (canvas, search, filters, details, path finder, menus) are thin views
// over it, one file each.
package gui

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
)

// AppID is the application's reverse-DNS identifier (also in FyneApp.toml).
const AppID = "io.github.linkscope.linkscope"

// Run opens the explorer on the dataset at path (the embedded Clearview
// case when path is empty) and runs the application until it quits.
func Run(a fyne.App, path string) {
	w := NewWindow(a, path)
	quitOnSignal(a)
	w.ShowAndRun()
}

// quitOnSignal quits the application cleanly on SIGINT or SIGTERM, so that
// preferences are saved and scripts can stop the window.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
}

// NewWindow builds the explorer window without showing it. The dataset
// at path (the embedded case when "") loads in the background; a file
// that fails to load leaves the embedded case on screen and shows its
// problems.
func NewWindow(a fyne.App, path string) fyne.Window {
	return newUI(a, path).win
}
