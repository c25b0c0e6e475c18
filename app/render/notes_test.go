package render_test

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// TestNotesDrawn puts notes on an entity, a relation and the chart with
// graph.Note, and checks that the picture shows each in a box, clear of
// every label and of the other boxes, in PNG and SVG alike.
func TestNotesDrawn(t *testing.T) {
	g, s0 := fixture(t)
	pos := s0.Positions()
	cnil := node(t, g, "cnil")
	var fine string
	for e := int32(0); int(e) < g.EdgeCount(); e++ {
		if g.Edge(e).From == cnil && g.Edge(e).Type == "fined" {
			fine = g.Edge(e).ID
			break
		}
	}
	for _, c := range []graph.Command{
		graph.Note{ID: "cnil", Text: "Check the 2022 decision's appeal status with the Conseil d'État before publishing."},
		graph.Note{ID: fine, Text: "Amount confirmed by two sources."},
		graph.Note{Text: "Working chart: Clearview AI's European sanctions, as of the last edit."},
	} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	s := render.NewScene(g)
	s.SetPositions(pos)
	o := render.ImageOptions{Width: 1600, Height: 1000, Options: render.Options{Title: g.Title, Legend: true}}
	v := render.ExportViewport(s, o)
	notes := render.Notes(s, v, o.Options)
	kinds := map[string]bool{}
	for _, n := range notes {
		switch {
		case n.Node == cnil:
			kinds["entity"] = true
		case n.Edge >= 0 && g.Edge(n.Edge).ID == fine:
			kinds["relation"] = true
		case n.Node < 0 && n.Edge < 0:
			kinds["chart"] = true
		}
		if len(n.Lines) == 0 || !strings.HasPrefix(strings.Join(n.Lines, " "), strings.Fields(noteText(g, n))[0]) {
			t.Errorf("note box %v shows %q", n.Rect, n.Lines)
		}
	}
	for _, k := range []string{"entity", "relation", "chart"} {
		if !kinds[k] {
			t.Errorf("the %s note is not drawn (%d boxes)", k, len(notes))
		}
	}
	labels := render.Labels(s, v, o.Options)
	for i, n := range notes {
		for _, l := range labels {
			if n.Rect.Overlaps(l.Rect) {
				t.Errorf("note %q covers label %q", n.Lines[0], l.Text)
			}
		}
		for _, m := range notes[i+1:] {
			if n.Rect.Overlaps(m.Rect) {
				t.Errorf("notes %q and %q overlap", n.Lines[0], m.Lines[0])
			}
		}
	}
	// the PNG shows the note's paper colour inside the entity's box
	img := render.Image(s, o)
	for _, n := range notes {
		c := img.At(n.Rect.Min.X+3, n.Rect.Max.Y-3)
		if r, gg, b, _ := c.RGBA(); !(r>>8 > 240 && gg>>8 > 230 && b>>8 < 225) {
			t.Errorf("note %q: its box is drawn %v", n.Lines[0], c)
		}
	}
	if dir := os.Getenv("RENDER_OUT"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "notes.png"))
		if err == nil {
			png.Encode(f, img)
			f.Close()
		}
	}
	var svg strings.Builder
	if err := render.WriteSVG(&svg, s, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), `<g id="notes">`) || !strings.Contains(svg.String(), "Amount confirmed by two sources.") {
		t.Error("the SVG has no notes")
	}
}

// noteText is the note a box shows.
func noteText(g *graph.Graph, n render.NoteBox) string {
	switch {
	case n.Node >= 0:
		return g.Node(n.Node).Note
	case n.Edge >= 0:
		return g.Edge(n.Edge).Note
	}
	return g.Chart().Note
}
