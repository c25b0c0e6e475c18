package gui

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/linkscope/linkscope/app/cli"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
)

// TestWindowCLIAndExportDrawTheSameLayout checks, for every layout of the
// registry on the Clearview case, that the window's layout, the positions
// `linkscope layout` writes and the picture `linkscope export` draws come
// from the same computation: the window's and the command's positions are
// identical, and the export's are those positions fitted to its picture.
func TestWindowCLIAndExportDrawTheSameLayout(t *testing.T) {
	g := clearview(t)
	dir := t.TempDir()
	for _, a := range view.Algorithms {
		// the window
		scene := render.NewScene(g)
		win, err := staticLayout(context.Background(), g, scene, a.Display, view.NoFocus)
		if err != nil {
			t.Fatalf("%s: window: %v", a.Name, err)
		}
		// linkscope layout
		out := filepath.Join(dir, a.Name+".json")
		var stdout, stderr bytes.Buffer
		env := &cli.Env{Stdout: &stdout, Stderr: &stderr}
		if code := cli.Run([]string{"layout", "--algo", a.Name, "--seed", "1", "--out", out}, env); code != 0 {
			t.Fatalf("%s: layout exit %d: %s", a.Name, code, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var pf struct {
			Positions map[string][2]float64 `json:"positions"`
		}
		if err := json.Unmarshal(data, &pf); err != nil {
			t.Fatal(err)
		}
		for i, p := range win {
			q, ok := pf.Positions[g.Node(int32(i)).ID]
			if !ok || q[0] != p.X || q[1] != p.Y {
				t.Fatalf("%s: %s at %v in the window, %v from linkscope layout", a.Name, g.Node(int32(i)).ID, p, q)
			}
		}
		// linkscope export: the same positions, fitted to the picture
		csvOut := filepath.Join(dir, a.Name+".csv")
		stderr.Reset()
		if code := cli.Run([]string{"export", "--layout", a.Name, "--seed", "1", "--width", "1600", "--height", "1000", "--out", csvOut}, env); code != 0 {
			t.Fatalf("%s: export exit %d: %s", a.Name, code, stderr.String())
		}
		opts := render.ImageOptions{Width: 1600, Height: 1000, Scale: 1,
			Options: render.Options{Title: g.Title, Source: render.SourceLine(g), Legend: true}}
		// data exports keep the layout's positions (no picture fitting),
		// in the picture's pixels
		fitted := win
		scene.SetPositions(fitted)
		vp := render.ExportViewport(scene, opts)
		np, _ := dataset.CSVPaths(csvOut)
		f, err := os.Open(np)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != g.NodeCount()+1 {
			t.Fatalf("%s: %d rows", a.Name, len(rows))
		}
		for i := 0; i < g.NodeCount(); i++ {
			row := rows[i+1]
			x, _ := strconv.ParseFloat(row[6], 64)
			y, _ := strconv.ParseFloat(row[7], 64)
			wx, wy := vp.ToScreen(fitted[i])
			// the CSV keeps six significant digits
			if row[0] != g.Node(int32(i)).ID || math.Abs(x-wx) > 0.01 || math.Abs(y-wy) > 0.01 {
				t.Fatalf("%s: %s exported at (%s, %s), the window's layout fitted puts it at (%g, %g)", a.Name, row[0], row[6], row[7], wx, wy)
			}
		}
	}
}

// TestWindowLayoutsAreTheRegistrys checks the View menu against the
// registry and the animation's start against the commands' seed.
func TestWindowLayoutsAreTheRegistrys(t *testing.T) {
	if len(layoutNames) != len(view.Algorithms) {
		t.Fatalf("window offers %v", layoutNames)
	}
	for i, name := range []string{layoutFA2, layoutCircular, layoutRadial, layoutLayered} {
		if a, err := view.Lookup(name); err != nil || a.Display != layoutNames[i] {
			t.Errorf("%s: %v, %v", name, a, err)
		}
	}
	g := clearview(t)
	s := render.NewScene(g)
	r, err := newLayoutRunner(g, s, initialPositions(g, view.DefaultSeed))
	if err != nil {
		t.Fatal(err)
	}
	fa, _, err := view.NewFA2(g, s, view.LayoutRequest{Seed: view.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	for step := 0; step < 10; step++ {
		r.fa.Step()
		fa.Step()
	}
	a, b := r.fa.Positions(), fa.Positions()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("after 10 steps entity %d is at %v in the window, %v in the registry's ForceAtlas2", i, a[i], b[i])
		}
	}
}
