package gui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// openExtensions are the file types File › Open offers.
var openExtensions = append(dataset.ReadableExtensions(), dataset.WorkspaceExt)

// openDialog asks for a file to open.
func (u *ui) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		u.open(path, false)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(openExtensions))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// dropped opens the first file dropped on the window.
func (u *ui) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			u.open(uri.Path(), false)
			return
		}
	}
}

// open loads path in the background (the loading job: a newer open
// replaces one still loading) with a progress dialog that can cancel. On
// success the new graph replaces the old; on failure its positioned
// problems show in a dialog and the graph on screen stays (fallback: the
// embedded case, when nothing is on screen yet).
func (u *ui) open(path string, fallback bool) {
	if strings.EqualFold(filepath.Ext(path), dataset.WorkspaceExt) {
		u.openWorkspace(path, path, fallback)
		return
	}
	u.loading.start(fmt.Sprintf(lang.L("Loading %s…"), path), func(ctx context.Context, progress func(string)) (*graph.Graph, error) {
		g, err := loadFile(ctx, path, progress)
		if err == nil && ctx.Err() == nil {
			prepareView(g)
		}
		return g, err
	}, func(g *graph.Graph, err error) {
		if err != nil {
			note := lang.L("the graph on screen is unchanged.")
			if fallback {
				u.showDefault()
				note = lang.L("showing the embedded Clearview case instead.")
			} else if u.ex != nil {
				u.updateTitle()
			}
			if u.openFailed(path, err) {
				note += " " + lang.L("It is no longer listed in Open Recent.")
			}
			u.showLoadError(path, note, err)
			return
		}
		trace("load", "opened", "ms", time.Since(tracer.start), "entities", g.NodeCount(), "relations", g.EdgeCount())
		u.rememberOpened(path)
		u.setGraph(g, path)
	})
}

// loadErrorText lists a load error's problems, one per line.
func loadErrorText(err error) string {
	var list *dataset.ErrorList
	if errors.As(err, &list) {
		lines := make([]string, 0, len(list.Errors)+1)
		for _, e := range list.Errors {
			lines = append(lines, i18n.Message(e))
		}
		if list.More > 0 {
			lines = append(lines, fmt.Sprintf(lang.L("… and %d more problems"), list.More))
		}
		return strings.Join(lines, "\n")
	}
	return i18n.Message(err)
}
