package render_test

import (
	"fmt"
	"image"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// A window draws its canvas like this: a scene per graph, positions from
// a layout, a viewport per frame; hit-testing maps the pointer back.
func Example() {
	g := graph.New(2, 1)
	cnil, _ := g.AddNode(graph.Node{ID: "cnil", Type: "regulator", Label: "CNIL"})
	cv, _ := g.AddNode(graph.Node{ID: "clearview-ai", Type: "company", Label: "Clearview AI"})
	g.AddEdge(graph.Edge{From: cnil, To: cv, Type: "fined", Props: graph.PropsOf(map[string]any{"amount": 2e7, "currency": "EUR"})})

	scene := render.NewScene(g)
	scene.SetPositions([]render.Point{{X: 0, Y: 0}, {X: 40, Y: 10}})
	v := render.Fit(scene, 800, 500, 1, 40) // 800×500 device pixels, scale 1

	img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	render.Render(img, scene.Snapshot(), v, render.Options{Legend: true})

	x, y := v.ToScreen(scene.Positions()[cv])
	hit, ok := render.NodeAt(scene, v, x, y)
	fmt.Println(hit == cv, ok, render.EdgeLabel(g.Edge(0)))
	// Output: true true fined · €20M
}
