package gui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/linkscope/linkscope/dataset"
)

func TestSnapshotIsTheViewOnScreen(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	opts := u.snapshotOptions()
	v := u.canvas.currentView()
	file := filepath.Join(dir, "view.png")
	if err := writeSnapshot(file, u.ex.scene.Snapshot(), opts); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
		t.Fatalf("PNG is %v, the canvas %d×%d", b, v.Width, v.Height)
	}
	// same pixels as the frame on screen
	frame := u.canvas.frame.img
	diff := 0
	for y := 0; y < v.Height; y += 7 {
		for x := 0; x < v.Width; x += 7 {
			if img.At(x, y) != frame.At(x, y) {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Fatalf("%d sampled pixels differ between the export and the screen", diff)
	}
	svg := filepath.Join(dir, "view.svg")
	if err := writeSnapshot(svg, u.ex.scene.Snapshot(), opts); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(svg)
	if !bytes.Contains(b[:min(len(b), 400)], []byte("<svg")) {
		t.Fatalf("not an SVG: %.80s", b)
	}
}

func TestExportDataWritesWhatIsShown(t *testing.T) {
	ex := placedExplorer(t)
	ex.setAllNodeTypes(false)
	ex.setNodeType("regulator", true)
	ex.setNodeType("company", true)
	ex.setAsOf(20211231)
	sub, vis, err := visibleSubgraph(ex)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "shown.json")
	if _, err := dataset.WriteFile(file, sub, vis); err != nil {
		t.Fatal(err)
	}
	g, err := dataset.Load(file, dataset.Options{})
	if err != nil {
		t.Fatalf("the export does not load back: %v", err)
	}
	n, m := ex.visibleCount()
	if g.NodeCount() != n || g.EdgeCount() != m {
		t.Fatalf("export has %d entities and %d relations, the view %d and %d", g.NodeCount(), g.EdgeCount(), n, m)
	}
	for i := 0; i < g.NodeCount(); i++ {
		nd := g.Node(int32(i))
		if nd.Type != "regulator" && nd.Type != "company" {
			t.Fatalf("exported a hidden %s", nd.Type)
		}
		j := node(t, ex.g, nd.ID)
		if vis.X[i] != ex.pos[j].X || vis.Y[i] != ex.pos[j].Y {
			t.Fatalf("%s exported at (%g,%g), drawn at %v", nd.ID, vis.X[i], vis.Y[i], ex.pos[j])
		}
	}
	for e := 0; e < g.EdgeCount(); e++ {
		if d := g.Edge(int32(e)).Date; !d.IsZero() && d.First() > 20211231 {
			t.Fatalf("exported a relation of %s, after the timeline's date", d)
		}
	}
}
