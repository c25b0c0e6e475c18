package gui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
	g, err := dataset.Load(path, dataset.Options{})
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
