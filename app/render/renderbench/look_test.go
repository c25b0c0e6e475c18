package renderbench

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

// TestWriteFrames writes the benchmark frames as PNG into $RENDER_LOOK
// (skipped when unset), to look at what the benchmarks draw.
func TestWriteFrames(t *testing.T) {
	dir := os.Getenv("RENDER_LOOK")
	if dir == "" {
		t.Skip("set RENDER_LOOK=DIR to write the frames")
	}
	for _, c := range []struct {
		n, iters int
		zoom     float64
	}{{10000, 300, 1}, {100000, 100, 1}, {10000, 300, 8}, {100000, 100, 8}} {
		_, s := synthScene(t, c.n, c.iters)
		v := render.Fit(s, 1920, 1080, 1, 10).ZoomAt(960, 540, c.zoom)
		img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
		render.Render(img, s, v, render.Options{})
		f, err := os.Create(filepath.Join(dir, "synth-"+itoa(c.n)+"-zoom"+itoa(int(c.zoom))+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, img)
		f.Close()
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
