package gui

import (
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
)

// scaleUI opens the window (still, synchronous frames) on the file
// LINKSCOPE_SCALE_FILE names, for the benchmarks of the window at scale;
// they skip without it.
func scaleUI(b *testing.B) *ui {
	b.Helper()
	path := os.Getenv("LINKSCOPE_SCALE_FILE")
	if path == "" {
		b.Skip("LINKSCOPE_SCALE_FILE not set")
	}
	g, err := dataset.LoadAny(path, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	u := newUIWith(a, "", true)
	b.Cleanup(u.win.Close)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.setGraph(g, path)
	return u
}

// BenchmarkFilterToggle switches the first entity type off and on again
// (two HideType commands through the window, each with its frame).
func BenchmarkFilterToggle(b *testing.B) {
	u := scaleUI(b)
	t := u.ex.g.NodeTypes()[0].Type
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.filters.showType(t, false)
		u.filters.showType(t, true)
	}
}

// BenchmarkRelTypeToggle is BenchmarkFilterToggle for a relation type.
func BenchmarkRelTypeToggle(b *testing.B) {
	u := scaleUI(b)
	t := u.ex.g.EdgeTypes()[0].Type
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.filters.showType(t, false)
		u.filters.showType(t, true)
	}
}

// BenchmarkExplorerFrame draws the window's frame of the explorer's scene
// (filters, styling and highlight applied as in the window) at the fitted
// view, off the UI goroutine as the render queue does. The positions come
// from LINKSCOPE_SCALE_POS (`linkscope layout --out`; "start": the start
// positions a file opens with).
func BenchmarkExplorerFrame(b *testing.B) {
	path, posFile := os.Getenv("LINKSCOPE_SCALE_FILE"), os.Getenv("LINKSCOPE_SCALE_POS")
	if path == "" || posFile == "" {
		b.Skip("LINKSCOPE_SCALE_FILE and LINKSCOPE_SCALE_POS not set")
	}
	g, err := dataset.LoadAny(path, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// "start": the positions a file opens with before its layout
	pos := initialPositions(g, view.DefaultSeed)
	if posFile != "start" {
		raw, err := os.ReadFile(posFile)
		if err != nil {
			b.Fatal(err)
		}
		var pf struct {
			Positions map[string][2]float64 `json:"positions"`
		}
		if err := json.Unmarshal(raw, &pf); err != nil {
			b.Fatal(err)
		}
		for i := range pos {
			p := pf.Positions[g.Node(int32(i)).ID]
			pos[i] = render.Point{X: p[0], Y: p[1]}
		}
	}
	ex := newExplorer(g, path)
	ex.setPositions(pos)
	ex.applyFilters()
	v := render.ExportViewport(ex.view(), render.ImageOptions{Options: render.Options{Legend: true}, Width: 700, Height: 680, Scale: 1, Margin: canvasMargin})
	job := &renderJob{scene: ex.view().Snapshot(), view: v, opts: render.Options{Legend: true}}
	drawFrame(job)
	runtime.GC()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		drawFrame(job)
	}
}

// BenchmarkTimelineSlide moves the timeline slider's preview (as while
// dragging it) between two days a month apart, each with its frame.
func BenchmarkTimelineSlide(b *testing.B) {
	u := scaleUI(b)
	p := u.filters
	if p.slider == nil {
		b.Skip("no dated relation")
	}
	mid := (p.first + p.last) / 2
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.setDay(mid)
		p.setDay(mid + 30)
	}
}
