package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

// The time label is drawn in the top-right corner of the PNG and written
// in the SVG; without it the corner is blank.
func TestTimeLabelDrawn(t *testing.T) {
	_, s := fixture(t)
	o := render.ImageOptions{Width: 800, Height: 500, Scale: 1, Options: render.Options{Theme: render.Light}}
	plain := render.Image(s, o)
	o.TimeLabel = "As of 2021-12-31"
	with := render.Image(s, o)
	ink := 0
	for y := 8; y < 40; y++ {
		for x := 640; x < 792; x++ {
			if plain.RGBAAt(x, y) != with.RGBAAt(x, y) {
				ink++
			}
		}
	}
	if ink < 200 {
		t.Fatalf("the top-right corner changed in %d pixels only", ink)
	}
	var b bytes.Buffer
	if err := render.WriteSVG(&b, s, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<g id="time">`) || !strings.Contains(b.String(), "As of 2021-12-31") {
		t.Fatal("the SVG has no time label")
	}
}

// A timeline with a label of a million characters and no events draws,
// quickly, without panicking.
func TestTimelineHostileLabel(t *testing.T) {
	s := &render.TimelineScene{Lines: []render.ThemeLine{{Label: strings.Repeat("x", 1_000_000)}, {Label: ""}}}
	img, g := render.RenderTimeline(s, render.TimelineOptions{Width: 400, Height: 200})
	if img.Bounds().Dx() != 400 || len(g.LineY) != 2 {
		t.Fatalf("%v %v", img.Bounds(), g.LineY)
	}
	var b bytes.Buffer
	if err := render.WriteTimelineSVG(&b, s, render.TimelineOptions{Width: 400, Height: 200}); err != nil || b.Len() > 20000 {
		t.Fatalf("SVG: %v, %d bytes", err, b.Len())
	}
}
