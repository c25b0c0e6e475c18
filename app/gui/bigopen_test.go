package gui

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/linkscope/linkscope/dataset"
)

// BenchmarkBigOpen times what the UI goroutine does when a large file
// opens (setGraph: explorer, panels, layout preparation). It runs only
// with LINKSCOPE_BIG_FILE=FILE (a measurement, not a check):
//
//	LINKSCOPE_BIG_FILE=/tmp/synth-1M.json go test -run XXX -bench BigOpen -benchtime 1x -cpuprofile /tmp/open.prof ./app/gui
func BenchmarkBigOpen(b *testing.B) {
	file := os.Getenv("LINKSCOPE_BIG_FILE")
	if file == "" {
		b.Skip("set LINKSCOPE_BIG_FILE to a large dataset to measure opening it")
	}
	g, err := dataset.LoadContext(context.Background(), file, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	t1 := time.Now()
	prepareView(g) // as the loading job does
	b.Logf("prepareView (the loading job): %v", time.Since(t1))
	a := test.NewTempApp(b)
	u := newUIWith(a, "", false)
	b.Cleanup(u.win.Close)
	u.win.Resize(fyne.NewSize(1280, 800))
	t0 := time.Now()
	u.setGraph(g, file)
	b.Logf("setGraph of %d entities: %v on the UI goroutine", g.NodeCount(), time.Since(t0))
	u.layout.Cancel()
}
