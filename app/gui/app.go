// Package gui is Linkscope's explorer window. Only main.go creates the Fyne
// application; everything here takes a fyne.App so tests can pass
// fyne.io/fyne/v2/test's.
package gui

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/cli"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
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

// NewWindow builds the explorer window without showing it.
func NewWindow(a fyne.App, path string) fyne.Window {
	w := a.NewWindow("Linkscope")
	w.Resize(fyne.NewSize(1200, 800))
	var g *graph.Graph
	var err error
	if path == "" {
		g, err = dataset.Default()
	} else {
		g, err = dataset.LoadAny(path, dataset.Options{})
	}
	if err != nil {
		w.SetContent(widget.NewLabel("No dataset loaded."))
		dialog.ShowError(err, w)
		return w
	}
	title := g.Title
	if title == "" {
		title = path
	}
	w.SetTitle(title + " — Linkscope " + cli.Version)
	w.SetContent(newBrowser(g))
	return w
}

// newBrowser lists the entities with a search box and shows the selected
// entity's relations.
func newBrowser(g *graph.Graph) fyne.CanvasObject {
	shown := make([]int32, g.NodeCount())
	for i := range shown {
		shown[i] = int32(i)
	}
	details := widget.NewLabel("Select an entity.")
	details.Wrapping = fyne.TextWrapWord
	list := widget.NewList(
		func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("entity") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			n := g.Node(shown[i])
			o.(*widget.Label).SetText(fmt.Sprintf("%s  (%s)", n.Label, n.Type))
		})
	list.OnSelected = func(i widget.ListItemID) { details.SetText(describe(g, shown[i])) }
	search := widget.NewEntry()
	search.SetPlaceHolder("Find an entity…")
	search.OnChanged = func(s string) {
		if s == "" {
			shown = shown[:0]
			for i := 0; i < g.NodeCount(); i++ {
				shown = append(shown, int32(i))
			}
		} else {
			shown = shown[:0]
			for _, m := range g.Index().Search(s, 200) {
				shown = append(shown, m.Node)
			}
		}
		list.UnselectAll()
		list.Refresh()
	}
	left := container.NewBorder(search, nil, nil, nil, list)
	split := container.NewHSplit(left, container.NewVScroll(details))
	split.Offset = 0.35
	return split
}

func describe(g *graph.Graph, i int32) string {
	n := g.Node(i)
	s := fmt.Sprintf("%s\n%s · %d relations\n", n.Label, n.Type, g.Degree(i))
	for _, r := range g.Out(i) {
		e := g.Edge(r)
		s += fmt.Sprintf("\n→ %s %s %s", e.Type, g.Node(e.To).Label, e.Date)
	}
	for _, r := range g.In(i) {
		e := g.Edge(r)
		s += fmt.Sprintf("\n← %s %s %s", e.Type, g.Node(e.From).Label, e.Date)
	}
	return s
}
