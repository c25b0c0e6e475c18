package gui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
)

// snapshotOptions describe the picture on screen: the canvas's size,
// device scale, viewport, scene state and render options, so that an
// export is what the user sees. With the snapshot extras on (File ›
// Snapshots Add Title, Legend and Sources) the picture also has the
// chart's title, its legend and a source line naming the publishers of
// its sources; a fitted view is then fitted again around them, as
// `linkscope export` fits its pictures.
func (u *ui) snapshotOptions() render.ImageOptions {
	o := view.SnapshotOptions(u.canvas.currentView(), u.renderOptions())
	if u.snapshotExtras() {
		o.Title = u.ex.g.Title
		o.Source = render.SourceLine(u.ex.g)
		o.Legend = true
		if u.canvas.autoFit {
			o.Viewport = nil
		}
	}
	return o
}

// snapshotExtras reports whether snapshots add the title, the legend and
// the source line.
func (u *ui) snapshotExtras() bool { return u.prefs.p.Bool(prefSnapshotExtras) }

// setSnapshotExtras turns the snapshot extras on or off (remembered).
func (u *ui) setSnapshotExtras(on bool) {
	u.prefs.p.SetBool(prefSnapshotExtras, on)
	u.win.SetMainMenu(u.mainMenu())
}

// writeSnapshot writes the current view to path as PNG, or SVG when path
// ends in .svg.
func writeSnapshot(path string, s *render.Scene, o render.ImageOptions) error {
	return writeSnapshotCtx(context.Background(), path, s, o)
}

// writeSnapshotCtx is writeSnapshot, giving up (and leaving any previous
// file in place) once ctx is done.
func writeSnapshotCtx(ctx context.Context, path string, s *render.Scene, o render.ImageOptions) error {
	return dataset.WriteAtomic(path, func(fw io.Writer) error {
		w := ctxWriter{ctx, fw}
		if strings.EqualFold(filepath.Ext(path), ".svg") {
			return render.WriteSVG(w, s, o)
		}
		return render.WritePNG(w, s, o)
	})
}

// exportSnapshotDialog asks where to save a PNG or SVG of the view.
func (u *ui) exportSnapshotDialog() {
	if u.canvas == nil || u.canvas.view.Width == 0 {
		return
	}
	scene := u.ex.view().Snapshot()
	opts := u.snapshotOptions()
	u.saveDialog("linkscope-view.png", []string{".png", ".svg"}, func(path string) {
		u.exports.start(fmt.Sprintf(lang.L("Exporting %s…"), baseName(path)), func(ctx context.Context, _ func(string)) ([]string, error) {
			return []string{path}, writeSnapshotCtx(ctx, path, scene, opts)
		}, u.exported)
	})
}

// exportDataDialog asks where to save what the filters show, with the
// positions on the canvas, as JSON, GraphML, GEXF, DOT or CSV (by the
// file's extension).
func (u *ui) exportDataDialog() {
	if u.ex == nil {
		return
	}
	g, vis, err := visibleSubgraph(u.ex)
	if err != nil {
		u.showError(err)
		return
	}
	u.saveDialog("linkscope-data.json", dataExtensions, func(path string) {
		u.exports.start(fmt.Sprintf(lang.L("Exporting %s…"), baseName(path)), func(ctx context.Context, _ func(string)) ([]string, error) {
			return writeData(ctx, path, g, vis)
		}, u.exported)
	})
}

// exported reports how an export ended (the exports job: one export at a
// time, a newer one replaces one still running).
func (u *ui) exported(files []string, err error) {
	if err != nil {
		u.showError(fmt.Errorf(lang.L("export failed: %w"), err))
		return
	}
	u.notify(fmt.Sprintf(lang.L("Saved %s"), strings.Join(files, ", ")))
}

// saveDialog asks for a file name to save to.
// The dialog's writer is never written to: the export writes the path
// through dataset.WriteAtomic, and guardFileSaves makes sure the dialog
// has not truncated the file before (see export_savefile.go).
func (u *ui) saveDialog(name string, exts []string, save func(path string)) {
	guardFileSaves()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		u.savePicked(w, err, exts, save)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// savePicked takes the path the save dialog chose, closing its writer
// unwritten, and hands it to save (finishSavePath: exts[0] added when it
// has none of exts; an existing file it then names is confirmed first).
func (u *ui) savePicked(w fyne.URIWriteCloser, err error, exts []string, save func(path string)) {
	if err != nil {
		u.showError(err)
		return
	}
	if w == nil {
		return
	}
	path := w.URI().Path()
	if cerr := w.Close(); cerr != nil {
		u.showError(fmt.Errorf("%s: %w", path, cerr))
		return
	}
	path, err = finishSavePath(path, exts)
	if err != nil {
		u.showError(err)
		return
	}
	if path != w.URI().Path() {
		// the dialog asked about the name without its extension
		if _, serr := os.Stat(path); serr == nil {
			dialog.ShowConfirm(lang.L("Overwrite?"), fmt.Sprintf(lang.L("Replace the existing file\n%s?"), path), func(ok bool) {
				if ok {
					save(path)
				}
			}, u.win)
			return
		}
	}
	save(path)
}
