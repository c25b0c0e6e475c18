package gui

import (
	"context"
	"fmt"
	"log"
	"math"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// The first view of a dataset is drawn as `linkscope export` draws it:
// the registry's ForceAtlas2 with the window's seed (the positions
// `linkscope layout` writes), then view.FitPicture for the canvas: overlap
// removal sized for the labels at the zoom that fits the part of the
// canvas the legend leaves free, with the drawing stretched towards that
// area's aspect ratio. ForceAtlas2 refines it from there when the user
// asks (▶). The canvas's size is a guess until the window is first laid
// out; when it gets its real size, the same layout is fitted again.

// firstViewLimit is the largest graph whose first view is computed in one
// go; larger ones animate ForceAtlas2 from its seeded start (their labels
// are culled at the fitted zoom anyway).
const firstViewLimit = 2000

// firstView is the first view's state while the user has not changed it:
// the layout before fitting and the canvas size it was last fitted for.
type firstView struct {
	raw  []render.Point
	w, h float64
}

// fitOptions describe the canvas as a picture of w×h logical pixels, as
// the window's Fit sees it (the legend, the margin).
func (u *ui) fitOptions(w, h float64) render.ImageOptions {
	return render.ImageOptions{Width: int(math.Round(w)), Height: int(math.Round(h)), Scale: 1, Margin: canvasMargin,
		Options: u.renderOptions()}
}

// startFirstView computes the first view in the layout task (with the
// progress dialog of one-shot layouts); false when the graph is drawn
// another way (empty, as drawn in its file, too large, or tests that
// place graphs still).
func (u *ui) startFirstView() bool {
	g := u.ex.g
	n := g.NodeCount()
	if n == 0 || n > firstViewLimit || u.still || u.asDrawn {
		return false
	}
	snap, scene := u.ex.snapshot(), u.ex.scene.Snapshot()
	w, h := u.canvasViewSize()
	opts := u.fitOptions(w, h)
	fv := &firstView{w: w, h: h}
	u.first = fv
	u.layoutName = layoutFA2
	u.toolbar.setLayoutName(layoutFA2)
	u.layout.Start(func(ctx context.Context, progress func(layoutProgress)) (layoutResult, error) {
		return firstViewLayout(ctx, snap, scene, opts, func(done, total int) {
			progress(layoutProgress{done: done, total: total})
		})
	}, func(res layoutResult, err error) { u.firstViewDone(fv, res, err) })
	u.layoutDlg.arm(u.layout, fmt.Sprintf(lang.L("Laying out %s…"), u.ex.title()))
	return true
}

// firstViewLayout is the first view's work: the export's layout and fit.
// The result's raw positions are the layout before fitting.
func firstViewLayout(ctx context.Context, g *graph.Graph, s *render.Scene, opts render.ImageOptions, progress func(done, total int)) (layoutResult, error) {
	raw, err := view.Layout(ctx, g, s, windowRequest(layoutFA2, view.NoFocus), progress)
	if err != nil {
		return layoutResult{}, err
	}
	pos, err := view.FitPicture(raw, s, opts)
	if err != nil {
		return layoutResult{}, err
	}
	return layoutResult{pos: pos, raw: raw, iter: view.DefaultIterations(g.NodeCount()), name: layoutFA2}, nil
}

// firstViewDone shows the first view (unless something replaced it) and
// fits it again if the canvas changed size meanwhile.
func (u *ui) firstViewDone(fv *firstView, res layoutResult, err error) {
	if u.first != fv {
		return
	}
	if err != nil {
		u.first = nil
		u.showError(err)
		return
	}
	if u.runner == nil || len(res.pos) != u.ex.g.NodeCount() {
		return
	}
	if res.raw != nil {
		fv.raw = res.raw
	}
	u.layoutIter, u.layoutEnd = res.iter, endFixed
	u.ex.setPositions(res.pos)
	u.runner.SetPositions(res.pos)
	u.canvas.Fit()
	// LINKSCOPE_DEBUG=1: the canvas's real size and the labels drawn
	if debugEnabled() {
		// without the hovered entity, whose neighbours' labels are bold
		sz, plain := u.canvas.Size(), u.ex.scene.Snapshot()
		plain.SetHighlight(render.NoHighlight)
		rep := render.LabelStats(plain, u.canvas.currentView(), u.renderOptions())
		log.Printf("first view: %gx%g canvas (fitted for %gx%g), %d labels placed, %d hidden (hovered: %d)", sz.Width, sz.Height, fv.w, fv.h, rep.Placed, rep.Hidden, u.ex.scene.Highlight().Hovered)
	}
	u.refitFirstView(false)
}

// refitFirstView fits the first view again for the canvas's current size
// (and legend), when the user has not changed it and the size differs
// from the one it was fitted for (always when force is set).
func (u *ui) refitFirstView(force bool) {
	fv := u.first
	if fv == nil || fv.raw == nil || u.canvas == nil || !u.canvas.autoFit || u.layout.Running() {
		return
	}
	sz := u.canvas.Size()
	w, h := float64(sz.Width), float64(sz.Height)
	if w < 50 || h < 50 {
		return
	}
	if !force && math.Abs(w-fv.w) <= 0.02*fv.w && math.Abs(h-fv.h) <= 0.02*fv.h {
		return
	}
	fv.w, fv.h = w, h
	raw, scene, opts := fv.raw, u.ex.scene.Snapshot(), u.fitOptions(w, h)
	n := len(raw)
	u.layout.Start(func(ctx context.Context, _ func(layoutProgress)) (layoutResult, error) {
		pos, err := view.FitPicture(raw, scene, opts)
		return layoutResult{pos: pos, raw: raw, iter: view.DefaultIterations(n), name: layoutFA2}, err
	}, func(res layoutResult, err error) { u.firstViewDone(fv, res, err) })
}

// leaveFirstView forgets the first view: the user moved an entity or
// asked for a layout, and resizing no longer fits the layout again.
func (u *ui) leaveFirstView() { u.first = nil }
