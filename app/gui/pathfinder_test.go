package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// checkPath fails unless p is a walk from a to b along real relations.
func checkPath(t *testing.T, g *graph.Graph, p path.Path, a, b int32) {
	t.Helper()
	if len(p.Nodes) != len(p.Edges)+1 || p.Nodes[0] != a || p.Nodes[len(p.Nodes)-1] != b {
		t.Fatalf("path %v does not join %d to %d", p, a, b)
	}
	for i, e := range p.Edges {
		r := g.Edge(e)
		u, v := p.Nodes[i], p.Nodes[i+1]
		if !(r.From == u && r.To == v || r.From == v && r.To == u) {
			t.Fatalf("relation %s does not join %s and %s", r.ID, g.Node(u).ID, g.Node(v).ID)
		}
	}
}

func TestSearchPathsPrivacyInternationalToWalmart(t *testing.T) {
	g := clearview(t)
	s := path.NewSearcher(g)
	pi, wm := node(t, g, "privacy-international"), node(t, g, "walmart")
	res, note, err := searchPaths(context.Background(), s, pi, wm, modeShortest, 0, path.Options{})
	if err != nil || len(res) != 1 {
		t.Fatalf("shortest: %v %q %v", res, note, err)
	}
	checkPath(t, g, res[0].path, pi, wm)
	short := res[0].path.Len()
	if !strings.Contains(res[0].text, "Privacy International") || !strings.Contains(res[0].text, "Walmart") {
		t.Fatalf("description %q", res[0].text)
	}
	k, _, err := searchPaths(context.Background(), s, pi, wm, modeKShortest, 3, path.Options{})
	if err != nil || len(k) == 0 || len(k) > 3 {
		t.Fatalf("k shortest: %d paths, %v", len(k), err)
	}
	for i, r := range k {
		checkPath(t, g, r.path, pi, wm)
		if r.path.Len() < short || i > 0 && r.path.Len() < k[i-1].path.Len() {
			t.Fatalf("k shortest not in length order from %d: %v", short, r.path)
		}
	}
	longest := k[len(k)-1].path.Len()
	all, _, err := searchPaths(context.Background(), s, pi, wm, modeAll, 0, path.Options{MaxHops: longest})
	if err != nil || len(all) < len(k) {
		t.Fatalf("all paths: %d, %v", len(all), err)
	}
	// directed: nothing leads from Walmart back to Privacy International
	none, note, err := searchPaths(context.Background(), s, wm, pi, modeShortest, 0, path.Options{Directed: true})
	if err != nil || len(none) != 0 || !strings.HasPrefix(note, "No path") {
		t.Fatalf("directed Walmart→PI: %d paths, %q, %v", len(none), note, err)
	}
}

func TestChoosingAPathHighlightsIt(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	var shown *pathResult
	p := newPathPanel(ex, func(r *pathResult) {
		shown = r
		if r != nil {
			ex.setPath(r.nodes, r.edges)
		}
	}, nil)
	test.NewTempWindow(t, p.content)
	pi, wm := node(t, ex.g, "privacy-international"), node(t, ex.g, "walmart")
	res, note, _ := searchPaths(context.Background(), ex.search, pi, wm, modeKShortest, 2, path.Options{})
	p.setResults(res, note)
	if shown == nil || !slices.Equal(shown.nodes, res[0].nodes) {
		t.Fatal("the first result was not shown")
	}
	h := ex.scene.Highlight()
	if !h.Dim || !slices.Equal(h.PathNodes, res[0].nodes) || !slices.Equal(h.PathEdges, res[0].edges) {
		t.Fatalf("scene highlight %+v, want the path %v dimming the rest", h, res[0].path)
	}
	if len(res) > 1 {
		p.list.Select(1)
		if h := ex.scene.Highlight(); !slices.Equal(h.PathNodes, res[1].nodes) {
			t.Fatal("choosing the second result did not highlight it")
		}
	}
	if !strings.Contains(texts(p.steps), "Walmart") {
		t.Fatalf("the steps do not list the path: %s", texts(p.steps))
	}
}

func TestPatternErrorShowsColumn(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newPathPanel(ex, nil, nil)
	test.NewTempWindow(t, p.content)
	p.pattern.SetText("(:ngo)-[:complained-against->(c)")
	p.runPattern()
	if !p.patErr.Visible() || !strings.Contains(p.patErr.Text, "Column ") {
		t.Fatalf("error %q visible=%v", p.patErr.Text, p.patErr.Visible())
	}
	if !strings.Contains(p.patCaret.Text, "^") {
		t.Fatalf("caret %q", p.patCaret.Text)
	}
	p.pattern.SetText("(:nosuchtype)-->(x)")
	p.runPattern()
	if !p.patErr.Visible() {
		t.Fatal("an unknown type should be reported")
	}
}

func TestPickerAutocompletes(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newEntityPicker(ex, "From")
	test.NewTempWindow(t, p.content)
	test.Type(p.entry, "privacy int")
	if len(p.list.Objects) == 0 {
		t.Fatal("no suggestions")
	}
	p.entry.OnSubmitted(p.entry.Text)
	if i, ok := p.node(); !ok || ex.g.Node(i).ID != "privacy-international" {
		t.Fatalf("chose %d %v", i, ok)
	}
	if p.entry.Text != "Privacy International" || len(p.list.Objects) != 0 {
		t.Fatalf("entry %q, %d suggestions left", p.entry.Text, len(p.list.Objects))
	}
}

func TestPickerEnterSearchesOnceBothEndsAreChosen(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newEntityPicker(ex, "From")
	q := newEntityPicker(ex, "To")
	runs := 0
	submit := func() {
		if p.chosen >= 0 && q.chosen >= 0 {
			runs++
		}
	}
	p.onSubmit, q.onSubmit = submit, submit
	test.NewTempWindow(t, p.content)
	test.Type(p.entry, "privacy int")
	p.entry.OnSubmitted(p.entry.Text)
	if runs != 0 {
		t.Fatal("searched with only one end chosen")
	}
	test.Type(q.entry, "walmart")
	q.entry.OnSubmitted(q.entry.Text)
	if runs != 1 {
		t.Fatalf("Enter with both ends chosen ran %d searches, want 1", runs)
	}
}
