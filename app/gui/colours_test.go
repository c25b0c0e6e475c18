package gui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// synonymGraph has "regulator" and its synonym "authority" (which the
// type table gives a colour of its own), so that a panel taking a type's
// colour anywhere but from the table shows it wrong.
func synonymGraph(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New(0, 0)
	for i, ty := range []string{"regulator", "regulator", "authority", "company", "spaceship"} {
		if _, err := g.AddNode(graph.Node{ID: string(rune('a' + i)), Type: ty, Label: string(rune('A' + i))}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func circleColours(objs []any) []color.Color {
	var cs []color.Color
	for _, o := range objs {
		// a Check draws a transparent focus circle: skip those
		if c, ok := o.(*canvas.Circle); ok && c.FillColor != nil {
			if _, _, _, a := c.FillColor.RGBA(); a == 0xffff {
				cs = append(cs, c.FillColor)
			}
		}
	}
	return cs
}

func TestPanelsShowTypesInTheCanvasColours(t *testing.T) {
	test.NewTempApp(t)
	g := synonymGraph(t)
	ex := newExplorer(g, "")
	pos := make([]render.Point, g.NodeCount())
	for i := range pos {
		pos[i] = render.Point{X: float64(i) * 20}
	}
	ex.setPositions(pos)
	reg, auth := g.Topology().Types.NodeStyle("regulator").Color, g.Topology().Types.NodeStyle("authority").Color
	if reg == auth || auth == graph.StyleForType("authority").Color {
		t.Fatalf("authority should have its own colour: regulator %v authority %v", reg, auth)
	}

	// what the canvas draws: the pixel at each entity's centre
	v := render.Viewport{Zoom: 3, Width: 400, Height: 60, CenterX: 40}
	img := image.NewRGBA(image.Rect(0, 0, 400, 60))
	render.Render(img, ex.scene, v, render.Options{NoLabels: true})
	drawn := map[string]color.Color{}
	for i := 0; i < g.NodeCount(); i++ {
		x, y := v.ToScreen(pos[i])
		r := render.ScreenRadius(ex.scene, v, int32(i)) // clear of the icon
		drawn[g.Node(int32(i)).Type] = img.At(int(x-0.75*r), int(y))
	}
	same := func(where, typ string, c color.Color) {
		t.Helper()
		r1, g1, b1, _ := c.RGBA()
		r2, g2, b2, _ := drawn[typ].RGBA()
		d := func(a, b uint32) bool { x := int(a>>8) - int(b>>8); return x > 2 || x < -2 }
		if d(r1, r2) || d(g1, g2) || d(b1, b2) {
			t.Errorf("%s shows %s as %v; the canvas draws %v", where, typ, c, drawn[typ])
		}
	}

	// Filters: one dot per entity type, in NodeTypes order
	fp := newFiltersPanel(ex)
	test.NewTempWindow(t, fp.content)
	var objs []any
	for _, o := range test.LaidOutObjects(fp.content) {
		objs = append(objs, o)
	}
	dots := circleColours(objs)
	types := g.NodeTypes()
	if len(dots) < len(types) {
		t.Fatalf("filters panel: %d dots for %d types", len(dots), len(types))
	}
	for k, tc := range types {
		same("Filters", tc.Type, dots[k])
	}

	// Details and search rows of every entity
	dp := newDetailsPanel(ex, func(int32) {})
	for i := 0; i < g.NodeCount(); i++ {
		typ := g.Node(int32(i)).Type
		dp.box.RemoveAll()
		dp.showEntity(int32(i))
		objs = objs[:0]
		for _, o := range test.LaidOutObjects(dp.box) {
			objs = append(objs, o)
		}
		if cs := circleColours(objs); len(cs) == 0 {
			t.Fatalf("details of %s: no colour dot", typ)
		} else {
			same("Details", typ, cs[0])
		}
		row := newEntityRow()
		setEntityRow(row, g, int32(i), "")
		objs = objs[:0]
		for _, o := range test.LaidOutObjects(row) {
			objs = append(objs, o)
		}
		same("Search", typ, circleColours(objs)[0])
	}
}

// An entity whose file gave it a colour is drawn in it, and the panels
// that show the entity (details, search rows) show that colour too.
func TestPanelsShowAnEntityInItsFileColour(t *testing.T) {
	test.NewTempApp(t)
	g := graph.New(0, 0)
	g.AddNode(graph.Node{ID: "a", Type: "company", Label: "A", Color: "#22aa44"})
	ex := newExplorer(g, "")
	ex.setPositions([]render.Point{{}})
	v := render.Viewport{Zoom: 3, Width: 60, Height: 60}
	img := image.NewRGBA(image.Rect(0, 0, 60, 60))
	render.Render(img, ex.scene, v, render.Options{NoLabels: true})
	x, y := v.ToScreen(render.Point{})
	r := render.ScreenRadius(ex.scene, v, 0) // clear of the icon
	drawn := img.RGBAAt(int(x-0.75*r), int(y))
	want := color.NRGBA{0x22, 0xaa, 0x44, 255}
	if d := int(drawn.G) - int(want.G); d > 3 || d < -3 {
		t.Fatalf("canvas draws %v, want the file's %v", drawn, want)
	}
	row := newEntityRow()
	setEntityRow(row, g, 0, "")
	var objs []any
	for _, o := range test.LaidOutObjects(row) {
		objs = append(objs, o)
	}
	if cs := circleColours(objs); len(cs) == 0 || cs[0] != color.Color(want) {
		t.Fatalf("search row shows %v, want %v", cs, want)
	}
	dp := newDetailsPanel(ex, func(int32) {})
	dp.box.RemoveAll()
	dp.showEntity(0)
	objs = objs[:0]
	for _, o := range test.LaidOutObjects(dp.box) {
		objs = append(objs, o)
	}
	if cs := circleColours(objs); len(cs) == 0 || cs[0] != color.Color(want) {
		t.Fatalf("details show %v, want %v", cs, want)
	}
}
