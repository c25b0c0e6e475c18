package render

import (
	"encoding/json"
	"image"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/assets"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// labelBoxes returns the text boxes of the placed labels.
func labelBoxes(f *frame) []image.Rectangle {
	var rs []image.Rectangle
	for _, l := range f.labels {
		rs = append(rs, image.Rect(int(l.bx), int(l.by-l.ti.ascent), int(math.Ceil(l.bx+l.ti.advance)), int(math.Ceil(l.by+l.ti.descnt))))
	}
	return rs
}

func denseScene(n int) *Scene {
	g := graph.New(n, n)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: strings.Repeat("x", 1+i%7) + string(rune('A'+i%26)) + string(rune('a'+i/26%26)), Type: "company"})
	}
	for i := 1; i < n; i++ {
		g.AddEdge(graph.Edge{From: int32(i), To: int32(i / 3), Type: "owns", Props: graph.PropsOf(map[string]any{"amount": float64(i * 1000), "currency": "EUR"})})
	}
	s := NewScene(g)
	pos := make([]Point, n)
	for i := range pos {
		a := float64(i) * 2.39996
		r := 3 * math.Sqrt(float64(i))
		pos[i] = Point{r * math.Cos(a), r * math.Sin(a)}
	}
	s.SetPositions(pos)
	return s
}

func TestLabelsNeverOverlapEachOtherOrLeaveTheImage(t *testing.T) {
	for _, n := range []int{30, 400, 3000} {
		s := denseScene(n)
		for _, zoomOut := range []float64{1, 0.3} {
			v := Fit(s, 900, 600, 1, 10)
			v.Zoom *= zoomOut
			f := newFrame(s, v, Options{Title: "A title", Legend: true})
			boxes := labelBoxes(f)
			if n == 30 && zoomOut == 1 && len(boxes) < 20 {
				t.Errorf("only %d labels placed for 30 spread-out nodes", len(boxes))
			}
			for i, a := range boxes {
				if !a.In(image.Rect(0, 0, 900, 600)) {
					t.Errorf("n=%d: label %q at %v leaves the image", n, f.labels[i].text, a)
				}
				for j := i + 1; j < len(boxes); j++ {
					if a.Overlaps(boxes[j]) {
						t.Fatalf("n=%d: labels %q %v and %q %v overlap", n, f.labels[i].text, a, f.labels[j].text, boxes[j])
					}
				}
				for _, r := range f.overlayRects() {
					if a.Overlaps(r) {
						t.Errorf("n=%d: label %q overlaps the title or legend", n, f.labels[i].text)
					}
				}
			}
		}
	}
}

func TestFarOutDrawsNoLabels(t *testing.T) {
	s := denseScene(3000)
	v := Fit(s, 900, 600, 1, 10)
	v.Zoom /= 50
	if f := newFrame(s, v, Options{}); len(f.labels) != 0 {
		t.Errorf("%d labels drawn with nodes at minimum size", len(f.labels))
	}
}

func TestIconsParse(t *testing.T) {
	for _, n := range assets.IconNames() {
		sh := icon(n)
		if len(sh.fills)+len(sh.strokes) == 0 {
			t.Errorf("icon %s has no shapes", n)
		}
		for _, st := range sh.strokes {
			for _, p := range st.pts {
				if p.X < 0 || p.X > 24 || p.Y < 0 || p.Y > 24 {
					t.Errorf("icon %s point %v outside its 24×24 box", n, p)
				}
			}
		}
		m := (&iconMasks{}).get(n, 24)
		ink := 0
		for _, a := range m {
			if a > 128 {
				ink++
			}
		}
		if ink < 24 || ink > 24*24*3/4 {
			t.Errorf("icon %s covers %d of 576 pixels", n, ink)
		}
	}
	if icon("no such icon") != icon("other") {
		t.Error("unknown icon does not fall back to other")
	}
}

func TestParsePathData(t *testing.T) {
	subs, err := parsePathData("M1 1h10v10H1z m2 2l3 0 0 3Z M20 20")
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 3 {
		t.Fatalf("got %d subpaths, want 3: %+v", len(subs), subs)
	}
	if !subs[0].closed || len(subs[0].pts) != 4 || subs[0].pts[2] != (Point{11, 11}) {
		t.Errorf("square: %+v", subs[0])
	}
	// relative moveto after Z starts from the closed subpath's start
	if subs[1].pts[0] != (Point{3, 3}) || subs[1].pts[2] != (Point{6, 6}) {
		t.Errorf("relative triangle: %+v", subs[1])
	}
	subs, err = parsePathData("M0 0c1 0 2 1 2 2s1 2 2 2q1 0 1-1t1 1")
	if err != nil || len(subs) != 1 {
		t.Fatalf("curves: %v %v", subs, err)
	}
	if end := subs[0].pts[len(subs[0].pts)-1]; math.Abs(end.X-6) > 1e-9 || math.Abs(end.Y-4) > 1e-9 {
		t.Errorf("curves end at %v, want (6,4)", end)
	}
	for _, bad := range []string{"10 10", "M1 1 A1 1 0 0 0 2 2", "M1 x"} {
		if _, err := parsePathData(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestTextHasAccentsAndKerning(t *testing.T) {
	te := newTextEngine()
	sh := te.shape("Ministère de l’Intérieur", regular, 20)
	for _, g := range sh.out.Glyphs {
		if g.GlyphID == 0 {
			t.Fatal("a character of the French label has no glyph")
		}
	}
	// kerning: "AV" is narrower than "A" plus "V"
	av, _, _ := te.measure("AV", regular, 40)
	a, _, _ := te.measure("A", regular, 40)
	v, _, _ := te.measure("V", regular, 40)
	if av >= a+v {
		t.Errorf("AV %v not kerned (A %v + V %v)", av, a, v)
	}
	b, _, _ := te.measure("Clearview", bold, 20)
	r, _, _ := te.measure("Clearview", regular, 20)
	if b <= r {
		t.Errorf("bold %v not wider than regular %v", b, r)
	}
	ti := te.get("é", regular, 30, 2)
	ink, halo := 0, 0
	for k := range ti.glyphs {
		if ti.glyphs[k] > 0 {
			ink++
		}
		if ti.halo[k] > 0 {
			halo++
		}
	}
	if ink == 0 || halo <= ink {
		t.Errorf("é: %d ink pixels, %d halo pixels", ink, halo)
	}
	if te.get("é", regular, 30, 2) != ti {
		t.Error("label not cached")
	}
}

func TestFormatAmount(t *testing.T) {
	for _, c := range []struct {
		v    float64
		cur  string
		want string
	}{
		{20000000, "EUR", "€20M"}, {5200000, "EUR", "€5.2M"}, {7552800, "GBP", "£7.55M"},
		{1500, "USD", "$1,500"}, {30500000, "eur", "€30.5M"}, {2.5e9, "USD", "$2.5bn"},
		{250000, "", "250k"}, {12, "XYZ", "12 XYZ"}, {-3000000, "EUR", "-€3M"}, {2e7, "CHF", "20M CHF"},
	} {
		if got := FormatAmount(c.v, c.cur); got != c.want {
			t.Errorf("FormatAmount(%v, %q) = %q, want %q", c.v, c.cur, got, c.want)
		}
	}
	d, _ := graph.ParseDate("2022-10-17")
	e := &graph.Edge{Type: "fined", Date: d, Props: graph.PropsOf(map[string]any{"amount": 2e7, "currency": "EUR"})}
	if got := EdgeLabel(e); got != "fined · €20M · 17 Oct 2022" {
		t.Errorf("EdgeLabel = %q", got)
	}
	if got := EdgeLabel(&graph.Edge{Type: "complained_to"}); got != "complained to" {
		t.Errorf("EdgeLabel = %q", got)
	}
}

func TestStyleForType(t *testing.T) {
	if graph.StyleForType("Regulator") != graph.StyleForType("regulator") || graph.StyleForType("regulators").Icon != "regulator" {
		t.Error("type names are not normalised")
	}
	if graph.StyleForType("law enforcement").Icon != "police" || graph.StyleForType("NGO").Icon != "ngo" {
		t.Error("synonyms not recognised")
	}
	a, b := graph.StyleForType("spaceship"), graph.StyleForType("spaceship")
	if a != b || a.Icon != "other" {
		t.Errorf("unknown type style not stable: %v %v", a, b)
	}
}

func TestSynonymTypesGetTheirOwnColours(t *testing.T) {
	g := graph.New(3, 0)
	g.AddNode(graph.Node{ID: "a", Type: "regulator"})
	g.AddNode(graph.Node{ID: "b", Type: "regulator"})
	g.AddNode(graph.Node{ID: "c", Type: "authority"})
	s := NewScene(g)
	ts := s.Types()
	if ts[0].Style.Color == ts[1].Style.Color {
		t.Errorf("regulator and authority share colour %v", ts[0].Style.Color)
	}
	if ts[0].Style.Color != graph.StyleForType("regulator").Color || ts[1].Style.Icon != "regulator" {
		t.Errorf("the more frequent type lost its colour, or the synonym its icon: %+v", ts)
	}
}

func TestClearviewPictureLabelsEveryEntityAndBothFines(t *testing.T) {
	g, err := dataset.Load("testdata/clearview-fixture.json", dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/clearview-fixture-positions.json")
	if err != nil {
		t.Fatal(err)
	}
	var pos []Point
	if err := json.Unmarshal(b, &pos); err != nil {
		t.Fatal(err)
	}
	s := NewScene(g)
	s.SetPositions(pos)
	o := ImageOptions{Width: 1600, Height: 1000, Options: Options{Title: g.Title, Legend: true}}
	f := newFrame(s, ExportViewport(s, o), o.Options)
	placed := map[string]bool{}
	named := map[int32]bool{}
	for _, l := range f.labels {
		placed[l.text] = true
		if l.node >= 0 {
			named[l.node] = true
		}
	}
	for i := int32(0); int(i) < g.NodeCount(); i++ {
		if !named[i] {
			t.Errorf("entity %q has no label in the 1600×1000 picture", s.labels[i])
		}
	}
	for _, want := range []string{"fined · €20M · 17 Oct 2022", "fined · €5.2M · 13 Apr 2023"} {
		if !placed[want] {
			t.Errorf("CNIL fine %q not labelled", want)
		}
	}
	// the two fines are different arcs: their midpoints are apart
	var mids [][2]float64
	for e := int32(0); int(e) < g.EdgeCount(); e++ {
		if g.Node(g.Edge(e).From).ID == "cnil" && g.Edge(e).Type == "fined" {
			a := f.arcOf(e)
			x, y := a.at(0.5)
			mids = append(mids, [2]float64{x, y})
		}
	}
	if len(mids) != 2 || math.Hypot(mids[0][0]-mids[1][0], mids[0][1]-mids[1][1]) < 20 {
		t.Errorf("CNIL fines' arcs meet in the middle: %v", mids)
	}
}
