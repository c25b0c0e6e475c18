package render_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

func TestSVGHasVectorShapesAndRealText(t *testing.T) {
	g, s := fixture(t)
	var buf bytes.Buffer
	opts := render.ImageOptions{Width: 1600, Height: 1000, Options: render.Options{Title: g.Title, Legend: true}}
	if err := render.WriteSVG(&buf, s, opts); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	entities, paths, uses := 0, 0, 0
	var texts []string
	inText := false
	var cur strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "title":
				entities++ // one per entity, plus the document title
			case "path":
				paths++
			case "use":
				uses++
			case "text":
				inText = true
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				inText = false
				texts = append(texts, cur.String())
			}
		}
	}
	if entities != g.NodeCount()+1 {
		t.Errorf("%d titled shapes, want %d entities + the title", entities, g.NodeCount())
	}
	if paths < g.EdgeCount() {
		t.Errorf("%d paths for %d relations", paths, g.EdgeCount())
	}
	if uses == 0 {
		t.Error("no icons")
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{g.Title, "Ministère de l’Intérieur", "fined · €20M · 17 Oct 2022", "fined · €5.2M · 13 Apr 2023", "Entities"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	// the PNG and SVG place the same labels
	if !strings.Contains(buf.String(), `font-family=`) || strings.Contains(buf.String(), "NaN") {
		t.Error("SVG lacks a font family or has NaN coordinates")
	}
}

func TestExportRejectsBadSizes(t *testing.T) {
	_, s := fixture(t)
	for _, o := range []render.ImageOptions{{Width: 0, Height: 10}, {Width: 10, Height: -1}, {Width: 100000, Height: 100000, Scale: 4}} {
		if err := render.WritePNG(io.Discard, s, o); err == nil {
			t.Errorf("WritePNG %+v: no error", o)
		}
	}
	if err := render.WriteSVG(io.Discard, s, render.ImageOptions{}); err == nil {
		t.Error("WriteSVG with no size: no error")
	}
}
