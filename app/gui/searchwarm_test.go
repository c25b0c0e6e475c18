package gui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2/test"
)

// On a very large graph the search index is built after the canvas's
// first frame, not with it.
func TestBigGraphBuildsTheSearchIndexAfterTheFirstFrame(t *testing.T) {
	q := queueUI(t)
	test.NewTempApp(t)
	old := warmAfterFrameAbove
	warmAfterFrameAbove = asyncSearchAbove
	t.Cleanup(func() { warmAfterFrameAbove = old })
	ex := newExplorer(bigGraph(t, asyncSearchAbove+1), "")
	u := &ui{ex: ex}
	u.canvas = newGraphCanvas(ex, lightOptions)
	u.search = newSearchPanel(ex, nil)
	u.warmSearch()
	if u.search.runner.pending() || ex.snapshot().IndexBuilt() {
		t.Fatal("the index build started before the first frame")
	}
	u.canvas.showFrame(renderedFrame{img: image.NewRGBA(image.Rect(0, 0, 4, 4))})
	if !u.search.runner.pending() {
		t.Fatal("no index build under way after the first frame")
	}
	q.wait()
	q.run()
	if !ex.snapshot().IndexBuilt() {
		t.Fatal("the index was not built")
	}
	// once a frame is shown, another graph's panel starts at once
	ex2 := newExplorer(bigGraph(t, asyncSearchAbove+2), "")
	u.ex, u.search = ex2, newSearchPanel(ex2, nil)
	u.warmSearch()
	if !u.search.runner.pending() {
		t.Fatal("no index build with a frame on screen")
	}
	q.wait()
	q.run()
}
