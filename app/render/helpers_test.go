package render_test

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

var update = flag.Bool("update", false, "rewrite the reference renderings in testdata/")

const (
	fixtureFile   = "testdata/clearview-fixture.json"
	positionsFile = "testdata/clearview-fixture-positions.json"
)

// fixture loads the Clearview test fixture with its stored positions (made
// by app/view's tests with -update), so that reference
// renderings test the renderer alone, not the layout.
func fixture(t testing.TB) (*graph.Graph, *render.Scene) {
	t.Helper()
	g, err := dataset.Load(fixtureFile, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := render.NewScene(g)
	var pos []render.Point
	b, err := os.ReadFile(positionsFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pos); err != nil {
		t.Fatal(err)
	}
	if len(pos) != g.NodeCount() {
		t.Fatalf("%d positions for %d nodes (run with -update)", len(pos), g.NodeCount())
	}
	s.SetPositions(pos)
	return g, s
}

// node returns the index of the node with the given id.
func node(t testing.TB, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no node %q", id)
	}
	return i
}
