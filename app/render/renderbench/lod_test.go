package renderbench

import (
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
)

// lodCache keeps the scene of lodScene for the benchmarks of one run (a
// million entities take seconds to load: once, not once a benchmark).
var lodCache struct {
	key string
	s   *render.Scene
}

// lodScene loads the dataset $LINKSCOPE_LOD_DATA with the positions of
// $LINKSCOPE_LOD_POS (`linkscope layout --out`; "start": the start
// positions a file opens with in the window), or skips.
func lodScene(b testing.TB) *render.Scene {
	b.Helper()
	data, posFile := os.Getenv("LINKSCOPE_LOD_DATA"), os.Getenv("LINKSCOPE_LOD_POS")
	if data == "" || posFile == "" {
		b.Skip("LINKSCOPE_LOD_DATA and LINKSCOPE_LOD_POS not set")
	}
	if lodCache.key == data+"\x00"+posFile {
		return lodCache.s
	}
	g, err := dataset.Load(data, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if posFile == "start" {
		s := render.NewScene(g)
		s.SetPositions(view.StartPositions(g, view.DefaultSeed))
		lodCache.key, lodCache.s = data+"\x00"+posFile, s
		return s
	}
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
	pos := make([]render.Point, g.NodeCount())
	for i := range pos {
		p := pf.Positions[g.Node(int32(i)).ID]
		pos[i] = render.Point{X: p[0], Y: p[1]}
	}
	s := render.NewScene(g)
	s.SetPositions(pos)
	lodCache.key, lodCache.s = data+"\x00"+posFile, s
	return s
}

// benchLOD renders a 1240×680 window frame (the canvas of a 1280×800
// window at scale 1 is smaller; this is a full-HD-ish half) at zoom
// times the fitted view, with the window's level of detail (lod) or
// without.
func benchLOD(b *testing.B, zoom float64, lod bool) {
	s := lodScene(b)
	w, h := 900, 740
	v := render.Fit(s, w, h, 1, 10)
	v = v.ZoomAt(float64(w)/2, float64(h)/2, zoom)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	o := render.Options{LOD: lod, Legend: true}
	render.Render(img, s, v, o)
	b.Logf("level of detail %d", render.LODFor(s, v))
	runtime.GC()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		render.Render(img, s, v, o)
	}
	reportCPU(b, cpu)
}

func BenchmarkWindowFrameFit(b *testing.B) { benchLOD(b, 1, true) }

// BenchmarkWindowFramePan renders the fitted view panned by a different
// few pixels each frame (a drag: the zoom stays, the centre moves).
func BenchmarkWindowFramePan(b *testing.B) {
	s := lodScene(b)
	w, h := 900, 740
	v := render.Fit(s, w, h, 1, 10)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	o := render.Options{LOD: true, Legend: true}
	render.Render(img, s, v, o)
	runtime.GC()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		p := v
		p.CenterX += float64(i%32-16) * 7 / v.Zoom
		p.CenterY += float64(i%8-4) * 5 / v.Zoom
		render.Render(img, s, p, o)
	}
	reportCPU(b, cpu)
}
func BenchmarkWindowFrameFitNoLOD(b *testing.B) { benchLOD(b, 1, false) }
func BenchmarkWindowFrameZoom4(b *testing.B)    { benchLOD(b, 4, true) }
func BenchmarkWindowFrameZoom16(b *testing.B)   { benchLOD(b, 16, true) }
func BenchmarkWindowFrameZoom64(b *testing.B)   { benchLOD(b, 64, true) }

// BenchmarkLODFrames renders one window frame at each of several zooms
// (density, then entities as the zoom grows); with LINKSCOPE_LOD_OUT=DIR
// it also writes them there as PNG, to look at.
func BenchmarkLODFrames(b *testing.B) {
	out := os.Getenv("LINKSCOPE_LOD_OUT")
	s := lodScene(b)
	w, h := 900, 740
	for b.Loop() {
		for _, z := range []float64{1, 2, 4, 16} {
			v := render.Fit(s, w, h, 1, 10).ZoomAt(float64(w)/2, float64(h)/2, z)
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			render.Render(img, s, v, render.Options{LOD: true, Legend: true})
			if out == "" {
				continue
			}
			f, err := os.Create(filepath.Join(out, fmt.Sprintf("lod-z%g.png", z)))
			if err != nil {
				b.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}
