package render_test

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// TestFormatAmountOfNonFiniteValues: an infinite amount used to loop for
// ever in digitsBeforePoint; NaN and ±Inf are written as what they are.
func TestFormatAmountOfNonFiniteValues(t *testing.T) {
	cases := []struct {
		v    float64
		cur  string
		want string
	}{
		{math.Inf(1), "EUR", "∞ €"},
		{math.Inf(-1), "USD", "-∞ $"},
		{math.NaN(), "GBP", "NaN £"},
		{math.Inf(1), "", "∞"},
		{1e300, "EUR", ""}, // finite and huge: some number, quickly
		{20000000, "EUR", "€20M"},
	}
	for _, c := range cases {
		done := make(chan string, 1)
		go func() { done <- render.FormatAmount(c.v, c.cur) }()
		select {
		case got := <-done:
			if c.want != "" && got != c.want {
				t.Errorf("FormatAmount(%v, %q) = %q, want %q", c.v, c.cur, got, c.want)
			}
			if c.want == "" && (got == "" || strings.Contains(got, "NaN") || strings.Contains(got, "∞")) {
				t.Errorf("FormatAmount(%v, %q) = %q, want a number", c.v, c.cur, got)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("FormatAmount(%v, %q) does not return", c.v, c.cur)
		}
	}
}

// twoEntities is a graph of a and b joined by one relation, directed or
// not, with a date; typ may be empty (untyped).
func twoEntities(t *testing.T, typ string, undirected bool) (*graph.Graph, *render.Scene) {
	t.Helper()
	g := graph.New(2, 1)
	for _, id := range []string{"a", "b"} {
		if _, err := g.AddNode(graph.Node{ID: id, Type: "company", Label: strings.ToUpper(id)}); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := graph.ParseDate("2022-10-17")
	if _, err := g.AddEdge(graph.Edge{ID: "e1", From: 0, To: 1, Type: typ, Date: d, Undirected: undirected,
		Props: graph.PropsOf(map[string]any{"amount": math.Inf(1), "currency": "EUR"})}); err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	s.SetPositions([]render.Point{{X: -100, Y: 0}, {X: 100, Y: 0}})
	return g, s
}

var svgArrowhead = regexp.MustCompile(`<path d="M[^"]*Z"`)

func TestUndirectedRelationsHaveNoArrowhead(t *testing.T) {
	opts := render.ImageOptions{Width: 400, Height: 200}
	svg := func(undirected bool) string {
		_, s := twoEntities(t, "fined", undirected)
		var b bytes.Buffer
		if err := render.WriteSVG(&b, s, opts); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if n := len(svgArrowhead.FindAllString(svg(false), -1)); n != 1 {
		t.Fatalf("directed relation: %d arrowheads in the SVG, want 1", n)
	}
	if n := len(svgArrowhead.FindAllString(svg(true), -1)); n != 0 {
		t.Errorf("undirected relation: %d arrowheads in the SVG, want 0", n)
	}
	// PNG: the arrowhead is ink beside the target's disc that the
	// undirected drawing does not have.
	ink := func(undirected bool) int {
		_, s := twoEntities(t, "fined", undirected)
		img := render.Image(s, opts)
		bg := img.At(2, 2)
		n := 0
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < img.Bounds().Dx(); x++ {
				if img.At(x, y) != bg {
					n++
				}
			}
		}
		return n
	}
	if d, u := ink(false), ink(true); u >= d {
		t.Errorf("undirected PNG has %d inked pixels, directed %d: the arrowhead should be missing", u, d)
	}
}

func TestUntypedRelationsDrawNoType(t *testing.T) {
	g, s := twoEntities(t, "", false)
	if got := render.EdgeLabel(g.Edge(0)); got != "∞ € · 17 Oct 2022" {
		t.Errorf("EdgeLabel of an untyped relation = %q", got)
	}
	var b bytes.Buffer
	if err := render.WriteSVG(&b, s, render.ImageOptions{Width: 400, Height: 200}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "related") || strings.Contains(out, "> · ") {
		t.Errorf("SVG of an untyped relation invents a type:\n%s", out)
	}
	if !strings.Contains(out, "17 Oct 2022") {
		t.Error("SVG lacks the relation's date label")
	}
}
