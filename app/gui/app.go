// Package gui is Linkscope's explorer window. Only main.go creates the Fyne
// application; everything here takes a fyne.App so tests can pass
// fyne.io/fyne/v2/test's.
//
// The window's state and logic live in explorer (no widgets); the panels
// (canvas, search, filters, details, path finder, menus) are thin views
// over it, one file each.
package gui

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// AppID is the application's reverse-DNS identifier (also in FyneApp.toml).
const AppID = "io.github.linkscope.linkscope"

// Run opens the explorer on the dataset at path (the embedded Clearview
// case when path is empty) and runs the application until it quits.
// It returns an error, without opening anything, when the windowing
// system cannot be reached (a DISPLAY that no X server answers on).
func Run(a fyne.App, path string) error {
	// before the window starts loading path: a big load pauses the
	// collector and puts back the setting it found (dataset's pauseGC)
	tuneGC()
	w, err := openWindow(a, path)
	if err != nil {
		return err
	}
	quitOnSignal(a)
	memOnSignal()
	defer cpuProfile()()
	w.ShowAndRun()
	return nil
}

// cpuProfile starts a CPU profile of the whole window's run when
// LINKSCOPE_CPUPROFILE=FILE is set (for bench/: what shares the cores with
// the layout and the frames) and returns what writes it out at quit.
func cpuProfile() func() {
	name := os.Getenv("LINKSCOPE_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "linkscope: CPU profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// openWindow is NewWindow, with the panic Fyne's GLFW driver raises when
// it cannot initialise (its first window connects to the display) turned
// into an error. Any other panic is not ours to hide and goes on.
func openWindow(a fyne.App, path string) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if !isDriverInitPanic(msg) {
				panic(r)
			}
			w, err = nil, fmt.Errorf(lang.L("cannot open a window: the windowing system did not initialise (%s); check DISPLAY (%q) or WAYLAND_DISPLAY, or use a headless command ('linkscope help')"), msg, os.Getenv("DISPLAY"))
		}
	}()
	return NewWindow(a, path), nil
}

// isDriverInitPanic recognises go-gl/glfw's panic for a library that
// failed to initialise (or an X11/Wayland platform error).
func isDriverInitPanic(msg string) bool {
	for _, s := range []string{"NotInitialized", "GLFW library is not initialized", "PlatformError", "Failed to open display"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
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
