package renderbench

import (
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// peersDir holds the shared synthetic graphs (see /work/peers/README.md);
// LINKSCOPE_PEERS overrides it.
func peersDir() string {
	if d := os.Getenv("LINKSCOPE_PEERS"); d != "" {
		return d
	}
	return "/work/peers"
}

// synthScene loads synth-N{n}-d4-s42.json and lays it out with
// ForceAtlas2 (iters steps, seed 1), caching the positions in the
// temporary directory.
func synthScene(b testing.TB, n, iters int) (*graph.Graph, *render.Scene) {
	b.Helper()
	path := filepath.Join(peersDir(), "graphs", fmt.Sprintf("synth-N%d-d4-s42.json", n))
	g, err := dataset.Load(path, dataset.Options{})
	if err != nil {
		b.Skipf("synthetic graph not available: %v", err)
	}
	s := render.NewScene(g)
	cache := filepath.Join(os.TempDir(), fmt.Sprintf("linkscope-render-fa2-N%d-i%d.bin", n, iters))
	pos := make([]render.Point, g.NodeCount())
	if data, err := os.ReadFile(cache); err == nil && len(data) == 16*len(pos) {
		for i := range pos {
			pos[i].X = math.Float64frombits(binary.LittleEndian.Uint64(data[16*i:]))
			pos[i].Y = math.Float64frombits(binary.LittleEndian.Uint64(data[16*i+8:]))
		}
	} else {
		lg := &layout.Graph{N: g.NodeCount(), Src: make([]int32, g.EdgeCount()), Dst: make([]int32, g.EdgeCount()), Size: s.Radii()}
		for e := range lg.Src {
			lg.Src[e], lg.Dst[e] = g.Edge(int32(e)).From, g.Edge(int32(e)).To
		}
		f, err := layout.NewFA2(lg, layout.FA2Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		f.Run(context.Background(), iters)
		data := make([]byte, 16*len(pos))
		for i, p := range f.Positions() {
			pos[i] = render.Point{X: p.X, Y: p.Y}
			binary.LittleEndian.PutUint64(data[16*i:], math.Float64bits(p.X))
			binary.LittleEndian.PutUint64(data[16*i+8:], math.Float64bits(p.Y))
		}
		os.WriteFile(cache, data, 0o644)
	}
	s.SetPositions(pos)
	return g, s
}

func benchRender(b *testing.B, n, iters int, zoom float64) {
	_, s := synthScene(b, n, iters)
	v := render.Fit(s, 1920, 1080, 1, 10)
	v = v.ZoomAt(960, 540, zoom)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	render.Render(img, s, v, render.Options{}) // warm the label cache
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		render.Render(img, s, v, render.Options{})
	}
	reportCPU(b, cpu)
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU milliseconds per frame, all cores together: on a
// shared machine the wall time (ns/op) depends on the other load, this
// much less.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// Whole graph fitted into a 1920×1080 frame.
func BenchmarkRender10k(b *testing.B)  { benchRender(b, 10000, 300, 1) }
func BenchmarkRender100k(b *testing.B) { benchRender(b, 100000, 100, 1) }

// Zoomed in 8× on the centre: icons, arrows and labels.
func BenchmarkRender10kZoom8(b *testing.B)  { benchRender(b, 10000, 300, 8) }
func BenchmarkRender100kZoom8(b *testing.B) { benchRender(b, 100000, 100, 8) }

func BenchmarkNodeAt100k(b *testing.B) {
	_, s := synthScene(b, 100000, 100)
	v := render.Fit(s, 1920, 1080, 1, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		render.NodeAt(s, v, float64(i*37%1920), float64(i*91%1080))
	}
}

func BenchmarkNewScene100k(b *testing.B) {
	g, _ := synthScene(b, 100000, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		render.NewScene(g)
	}
}

func benchRenderPNG(b *testing.B, n, iters int) {
	_, s := synthScene(b, n, iters)
	v := render.Fit(s, 1920, 1080, 1, 10)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		render.Render(img, s, v, render.Options{})
		enc.Encode(io.Discard, img)
	}
	reportCPU(b, cpu)
}

// The frame plus PNG encoding, what `neato -n2 -Tpng` also does (besides
// parsing its input).
func BenchmarkRenderPNG10k(b *testing.B)  { benchRenderPNG(b, 10000, 300) }
func BenchmarkRenderPNG100k(b *testing.B) { benchRenderPNG(b, 100000, 100) }
