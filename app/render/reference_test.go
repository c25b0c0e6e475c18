package render_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

// references are the committed renderings of the fixture.
func references(t *testing.T) map[string]func() *image.RGBA {
	g, s := fixture(t)
	opts := render.ImageOptions{Width: 1600, Height: 1000, Options: render.Options{Title: g.Title, Legend: true}}
	dark := opts
	dark.Theme = render.Dark
	hl := s.Snapshot()
	cnil, cv := node(t, g, "cnil"), node(t, g, "clearview-ai")
	hl.SetHighlight(render.Highlight{Selected: cnil, Hovered: -1,
		PathNodes: []int32{node(t, g, "privacy-international"), cnil, cv},
		PathEdges: []int32{edgeBetween(t, g, "privacy-international", "cnil"), edgeBetween(t, g, "cnil", "clearview-ai")},
		Dim:       true})
	return map[string]func() *image.RGBA{
		"clearview-light.png":     func() *image.RGBA { return render.Image(s, opts) },
		"clearview-dark.png":      func() *image.RGBA { return render.Image(s, dark) },
		"clearview-highlight.png": func() *image.RGBA { return render.Image(hl, opts) },
		"clearview-hidpi.png": func() *image.RGBA {
			o := opts
			o.Width, o.Height, o.Scale = 800, 500, 2
			return render.Image(s, o)
		},
	}
}

func edgeBetween(t *testing.T, g interface {
	NodeIndex(string) (int32, bool)
	Between(a, b int32, undirected bool) []int32
}, a, b string) int32 {
	t.Helper()
	ia, _ := g.NodeIndex(a)
	ib, _ := g.NodeIndex(b)
	rs := g.Between(ia, ib, false)
	if len(rs) == 0 {
		t.Fatalf("no relation %s -> %s", a, b)
	}
	return rs[0]
}

// TestReferenceRenderings compares renderings with the committed ones:
// at most 0.5% of the pixels may differ by more than 48 (of 255) in a
// channel, which absorbs rounding differences between platforms but not a
// moved label or node.
func TestReferenceRenderings(t *testing.T) {
	for name, draw := range references(t) {
		got := draw()
		path := filepath.Join("testdata", name)
		if *update {
			var buf bytes.Buffer
			if err := png.Encode(&buf, got); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		want, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if msg := compareImages(got, want, 48, 0.005); msg != "" {
			out := filepath.Join(t.TempDir(), name)
			var buf bytes.Buffer
			png.Encode(&buf, got)
			os.WriteFile(out, buf.Bytes(), 0o644)
			t.Errorf("%s: %s (got written to %s)", name, msg, out)
		}
	}
}

// compareImages returns "" when at most frac of the pixels differ by more
// than tol in some channel.
func compareImages(got *image.RGBA, want image.Image, tol int, frac float64) string {
	if got.Bounds() != want.Bounds() {
		return fmt.Sprintf("size %v, want %v", got.Bounds(), want.Bounds())
	}
	b := got.Bounds()
	bad := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, a1 := got.At(x, y).RGBA()
			r2, g2, b2, a2 := want.At(x, y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8), int(a1>>8) - int(a2>>8)} {
				if d > tol || d < -tol {
					bad++
					break
				}
			}
		}
	}
	if n := b.Dx() * b.Dy(); float64(bad) > frac*float64(n) {
		return fmt.Sprintf("%d of %d pixels differ by more than %d", bad, n, tol)
	}
	return ""
}
