package dataset

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/linkscope/linkscope/graph"
)

// wsState is everything a model holds that a workspace must restore.
type wsState struct {
	Nodes   []graph.Node
	Edges   []graph.Edge
	Chart   graph.Chart
	Sources []graph.Source
	Title   string
	Undo    string
	Redo    string
}

func stateOf(g *graph.Graph) wsState {
	s := wsState{Chart: g.Chart(), Sources: g.Sources, Title: g.Title}
	for i := 0; i < g.NodeCount(); i++ {
		s.Nodes = append(s.Nodes, *g.Node(int32(i)))
	}
	for i := 0; i < g.EdgeCount(); i++ {
		s.Edges = append(s.Edges, *g.Edge(int32(i)))
	}
	s.Undo, _ = g.UndoName()
	s.Redo, _ = g.RedoName()
	return s
}

func sameWS(t *testing.T, what string, got, want wsState) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	for i := range min(len(got.Nodes), len(want.Nodes)) {
		if !reflect.DeepEqual(got.Nodes[i], want.Nodes[i]) {
			t.Errorf("%s: node %d = %+v, want %+v", what, i, got.Nodes[i], want.Nodes[i])
			break
		}
	}
	for i := range min(len(got.Edges), len(want.Edges)) {
		if !reflect.DeepEqual(got.Edges[i], want.Edges[i]) {
			t.Errorf("%s: edge %d = %+v, want %+v", what, i, got.Edges[i], want.Edges[i])
			break
		}
	}
	t.Fatalf("%s: state differs: %d/%d nodes, %d/%d edges, chart %+v / %+v, undo %q/%q redo %q/%q", what,
		len(got.Nodes), len(want.Nodes), len(got.Edges), len(want.Edges), got.Chart, want.Chart, got.Undo, want.Undo, got.Redo, want.Redo)
}

// investigate applies a little of everything to the Clearview case.
func investigate(t *testing.T, g *graph.Graph) {
	t.Helper()
	clock := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	g.SetClock(func() time.Time { clock = clock.Add(time.Second + 7*time.Nanosecond); return clock })
	cmds := []graph.Command{
		graph.AddEntity{ID: "x", Type: "person", Label: "X", Aliases: []string{}, Props: map[string]any{"age": 41.0}},
		graph.AddRelation{ID: "rx", Source: "x", Target: "clearview-ai", Type: "works-for", Date: "2024-01",
			Sources: []graph.Citation{{Source: "s", Quote: "q"}}},
		graph.Set{ID: "cnil", Field: "label", Value: "La CNIL"},
		graph.Set{ID: "cnil", Field: "props.note", Value: "regulator"},
		graph.Move{ID: "cnil", X: 10.25, Y: -20},
		graph.Pin{ID: "cnil"},
		graph.Note{ID: "cnil", Text: "fined twice"},
		graph.Note{Text: "the chart"},
		graph.GroupEntities{ID: "g", IDs: []string{"cnil", "x"}, Label: "G"},
		graph.HideType{Type: "media"},
		graph.SetChart{Key: "as-of", Value: "2023-01-01"},
		graph.Delete{ID: "walmart"},
		graph.Merge{IDs: []string{"noyb", "privacy-international"}, Into: "noyb"},
		graph.Batch{Name: "two", Cmds: []graph.Command{graph.Move{ID: "x", X: 1, Y: 2}, graph.Pin{ID: "x"}}},
		graph.Move{ID: "ico", X: 3, Y: 4},
	}
	for _, c := range cmds {
		if err := g.Apply(c); err != nil {
			t.Fatalf("%s: %v", c.Op(), err)
		}
	}
	if _, err := g.Undo(); err != nil { // the ico move
		t.Fatal(err)
	}
	if _, err := g.Undo(); err != nil { // the batch
		t.Fatal(err)
	}
	if _, err := g.Redo(); err != nil {
		t.Fatal(err)
	}
}

func testView() View {
	return View{Layout: "fa2", LayoutSettings: map[string]any{"seed": 3.0, "paused": true},
		Positions: &Positions{IDs: []string{"cnil", "x"}, X: []float64{1, 2}, Y: []float64{3, 4}},
		Viewport:  &Viewport{CenterX: 1.5, CenterY: -2, Zoom: 0.75, Width: 800, Height: 600, Scale: 1},
		Selection: []string{"cnil"}, HighlightNodes: []string{"cnil", "x"}, HighlightEdges: []string{"rx"},
		Filters: ViewFilters{NodeTypesOff: []string{"police"}, AsOf: "2022-10", HideIsolated: true},
		Legend:  true, Theme: "dark", Extra: map[string]string{"tab": "Paths"}}
}

func TestWorkspaceRoundTripInline(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	orig := g.Snapshot()
	investigate(t, g)
	data, err := InlineData(orig)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "case.linkscope")
	ws := &Workspace{Data: data, History: g.History(), View: testView()}
	if err := SaveWorkspace(path, ws); err != nil {
		t.Fatal(err)
	}
	back, h, err := OpenWorkspace(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameWS(t, "reopened", stateOf(h), stateOf(g))
	if !reflect.DeepEqual(back.View, ws.View) {
		t.Fatalf("view %+v, want %+v", back.View, ws.View)
	}
	if len(back.History) != len(g.History()) {
		t.Fatalf("%d records, want %d", len(back.History), len(g.History()))
	}
	for k, r := range back.History {
		if o := g.History()[k]; r.Kind != o.Kind || !r.Time.Equal(o.Time) {
			t.Fatalf("record %d: %s %v, want %s %v", k, r.Kind, r.Time, o.Kind, o.Time)
		}
	}
	// undo after reopening does what undo did before, to the start
	for steps := 0; ; steps++ {
		_, e1 := g.Undo()
		_, e2 := h.Undo()
		if !errors.Is(e1, e2) && (e1 == nil) != (e2 == nil) {
			t.Fatalf("undo %d: %v / %v", steps, e1, e2)
		}
		sameWS(t, fmt.Sprintf("after undo %d", steps), stateOf(h), stateOf(g))
		if e1 != nil {
			break
		}
	}
	all, want := stateOf(h), stateOf(orig)
	all.Redo = "" // the original has nothing to redo
	sameWS(t, "all undone", all, want)
	// saving the reopened workspace again gives the same file but for the time
	ws2 := &Workspace{Data: back.Data, History: back.History, View: back.View, Saved: ws.Saved}
	a, _ := EncodeWorkspace(path, &Workspace{Data: data, History: ws.History, View: ws.View, Saved: time.Unix(5, 0)})
	ws2.Saved = time.Unix(5, 0)
	b, _ := EncodeWorkspace(path, ws2)
	if string(a) != string(b) {
		t.Fatalf("saving again differs:\n%s\n---\n%s", a, b)
	}
}

func TestWorkspaceRoundTripRef(t *testing.T) {
	dir := t.TempDir()
	dataPath := filepath.Join(dir, "data", "case.json")
	os.MkdirAll(filepath.Dir(dataPath), 0o755)
	if err := os.WriteFile(dataPath, DefaultJSON(), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadAny(dataPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	investigate(t, g)
	data, err := RefData(dataPath, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cases", "case.linkscope")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := SaveWorkspace(path, &Workspace{Data: data, History: g.History()}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), `"path":"../data/case.json"`) || strings.Contains(string(raw), `"nodes"`) {
		t.Fatalf("the reference is not relative, or the data is inline:\n%.400s", raw)
	}
	_, h, err := OpenWorkspace(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameWS(t, "reopened", stateOf(h), stateOf(g))

	// a changed data file is refused, naming both files
	changed := strings.Replace(string(DefaultJSON()), "Clearview AI", "Clearview", 1)
	os.WriteFile(dataPath, []byte(changed), 0o644)
	_, _, err = OpenWorkspace(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), path+":") || !strings.Contains(err.Error(), "case.json has changed since case.linkscope was saved") {
		t.Fatalf("changed data: %v", err)
	}
	os.Remove(dataPath)
	_, _, err = OpenWorkspace(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), "is missing") {
		t.Fatalf("missing data: %v", err)
	}
}

// Data from a GEXF file with positions and colours keeps them inline.
func TestWorkspaceInlineDrawing(t *testing.T) {
	g := graph.New(2, 1)
	g.Title = "drawn"
	g.AddNode(graph.Node{ID: "a", Type: "t", Label: "a", X: 1, Y: 2, Placed: true, Color: "#102030", Size: 4})
	g.AddNode(graph.Node{ID: "b", Type: "t", Label: "b"})
	g.AddEdge(graph.Edge{From: 0, To: 1, Type: "r", Undirected: true})
	orig := g.Snapshot()
	if err := g.Apply(graph.Move{ID: "b", X: 5, Y: 6}); err != nil {
		t.Fatal(err)
	}
	data, err := InlineData(orig)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "d.linkscope")
	if err := SaveWorkspace(path, &Workspace{Data: data, History: g.History()}); err != nil {
		t.Fatal(err)
	}
	_, h, err := OpenWorkspace(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameWS(t, "reopened", stateOf(h), stateOf(g))
}

func TestWorkspaceErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	inline := `{"nodes":[{"id":"a","type":"t"}]}`
	cases := []struct{ name, text, want string }{
		{"syntax.linkscope", "{\n\"format\": \"linkscope-workspace/1\",\n\"data\": {\"inline\": " + inline + "}\n\"view\": {}}", "syntax.linkscope:4:1: "},
		{"format.linkscope", `{"format":"linkscope-workspace/9","data":{}}`, `format.linkscope:1:11: format "linkscope-workspace/9"`},
		{"nofmt.linkscope", `{"nodes":[]}`, `nofmt.linkscope:1:1: not a Linkscope workspace`},
		{"nodata.linkscope", `{"format":"linkscope-workspace/1","data":{}}`, `nodata.linkscope:1:42: no data`},
		{"cmd.linkscope", "{\"format\":\"linkscope-workspace/1\",\"data\":{\"inline\":" + inline + "},\n\"history\":[\n" +
			`{"kind":"do","time":"2026-01-01T00:00:00Z","cmd":{"op":"move","id":"a","x":"1","y":0}}]}`,
			`cmd.linkscope:3:76: history entry 1: field "cmd.x": must be a number, not a string`},
		{"replay.linkscope", "{\"format\":\"linkscope-workspace/1\",\"data\":{\"inline\":" + inline + "},\n\"history\":[\n" +
			`{"kind":"do","time":"2026-01-01T00:00:00Z","cmd":{"op":"move","id":"a","x":1,"y":0}},` + "\n" +
			`{"kind":"do","time":"2026-01-01T00:00:00Z","cmd":{"op":"pin","id":"zz"}}]}`,
			`replay.linkscope:4:1: history entry 2: no entity "zz"`},
		{"badinline.linkscope", "{\"format\":\"linkscope-workspace/1\",\"data\":{\"inline\":\n{\"nodes\":[{\"id\":\"a\"}]}}}",
			`badinline.linkscope:2:`},
		{"type.linkscope", `{"format":"linkscope-workspace/1","data":{"inline":{}},"view":{"legend":"yes"}}`, `type.linkscope:1:`},
		{"deep.linkscope", strings.Repeat("[", 200), `nesting deeper than`},
		{"viewport.linkscope", `{"format":"linkscope-workspace/1","data":{"inline":{}},"view":{"viewport":{"zoom":-1}}}`, `viewport.linkscope:1:75: viewport`},
	}
	for _, c := range cases {
		p := write(c.name, c.text)
		_, _, err := OpenWorkspace(context.Background(), p, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, _, err := OpenWorkspace(context.Background(), write("big.linkscope", "{}"), Options{MaxBytes: 1}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("size limit: %v", err)
	}
}

// A failed save keeps the previous file.
func TestSaveWorkspaceKeepsPrevious(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.linkscope")
	os.WriteFile(path, []byte("previous"), 0o644)
	err := SaveWorkspace(path, &Workspace{History: []graph.Record{{Kind: "do", Cmd: graph.Move{ID: "a"}}}})
	if err == nil {
		t.Fatal("saved a workspace without data")
	}
	bad := &Workspace{Data: WorkspaceData{Inline: []byte(`{}`)}, History: []graph.Record{{Kind: "do", Cmd: graph.Batch{}}, {Kind: "do", Cmd: nil}}}
	if err := SaveWorkspace(path, bad); err == nil {
		t.Fatal("saved a record without its command")
	}
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Fatalf("the previous file became %q", b)
	}
}

func TestAutosave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.linkscope")
	if got := AutosavePath(path); got != filepath.Join(dir, ".case.linkscope.autosave") {
		t.Fatalf("autosave path %s", got)
	}
	if _, _, ok := FindAutosave(path); ok {
		t.Fatal("found an autosave that is not there")
	}
	g, _ := Default()
	data, _ := InlineData(g.Snapshot())
	g.Apply(graph.Pin{ID: "cnil"})
	os.WriteFile(path, []byte("older"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	if err := WriteAutosave(path, &Workspace{Data: data, History: g.History()}); err != nil {
		t.Fatal(err)
	}
	a, _, ok := FindAutosave(path)
	if !ok {
		t.Fatal("autosave not found")
	}
	_, h, err := OpenWorkspace(context.Background(), a, Options{})
	if err != nil || !h.Node(mustIndex(t, h, "cnil")).Pinned {
		t.Fatalf("autosave: %v", err)
	}
	// a workspace saved after the autosave makes it stale
	os.Chtimes(path, time.Now().Add(time.Hour), time.Now().Add(time.Hour))
	if _, _, ok := FindAutosave(path); ok {
		t.Fatal("offered an autosave older than the workspace")
	}
	if err := RemoveAutosave(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(a); !os.IsNotExist(err) {
		t.Fatal("autosave not removed")
	}
	if err := RemoveAutosave(path); err != nil {
		t.Fatal("removing no autosave:", err)
	}
}

func mustIndex(t *testing.T, g *graph.Graph, id string) int32 {
	i, ok := g.NodeIndex(id)
	if !ok {
		t.Fatalf("no %s", id)
	}
	return i
}

// FuzzDecodeWorkspace: any bytes give a workspace or an error, never a
// panic (DecodeWorkspace reports a recovered panic as an internal error).
func FuzzDecodeWorkspace(f *testing.F) {
	f.Add([]byte(`{"format":"linkscope-workspace/1","data":{"inline":{"nodes":[{"id":"a","type":"t"},{"id":"b","type":"t"}],"edges":[{"source":"a","target":"b","type":"r"}]},"drawing":[{"id":"a","x":1}]},` +
		`"view":{"selection":["a"],"viewport":{"centerX":0,"centerY":0,"zoom":1,"width":10,"height":10}},` +
		`"history":[{"kind":"do","time":"2026-01-01T00:00:00Z","cmd":{"op":"move","id":"a","x":1,"y":2}},{"kind":"undo","time":"2026-01-01T00:00:01Z"},{"kind":"redo","time":"2026-01-01T00:00:02Z"}]}`))
	f.Add([]byte(`{"format":"linkscope-workspace/1","data":{"ref":{"path":"x.json","format":"json","sha256":"00","size":1}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := DecodeWorkspace(context.Background(), "/nonexistent/fuzz.linkscope", data, Options{MaxBytes: 1 << 20})
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
	})
}
