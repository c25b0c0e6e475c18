package cli

import (
	"path/filepath"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
)

// TestDataExportsSkipThePicturesFitting: the label-overlap pass that fits
// a drawing to the picture (minutes on a few thousand entities) runs for
// .png and .svg only; the data formats, which keep no labels' places,
// get the layout's positions.
func TestDataExportsSkipThePicturesFitting(t *testing.T) {
	calls := 0
	fitPicture = func(pos []render.Point, s *render.Scene, o render.ImageOptions) ([]render.Point, error) {
		calls++
		return view.FitPicture(pos, s, o)
	}
	defer func() { fitPicture = view.FitPicture }()
	dir := t.TempDir()
	for _, name := range []string{"x.json", "x.gexf", "x.graphml", "x.csv", "x.dot", "x.png", "x.svg"} {
		calls = 0
		if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--layout", "fa2", "--out", filepath.Join(dir, name)); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		want := 0
		if ext := filepath.Ext(name); ext == ".png" || ext == ".svg" {
			want = 1
		}
		if calls != want {
			t.Errorf("export --out %s fitted the picture %d times, want %d", name, calls, want)
		}
	}
}
