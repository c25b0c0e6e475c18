package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
)

const issueEdits = `# the issue's shapes
{"op":"add-entity","id":"x","type":"person","label":"X","aliases":[],"props":{}}
{"op":"add-relation","id":"r","source":"x","target":"cnil","type":"fined","date":"2024-01","props":{},"sources":[]}
{"op":"set","id":"cnil","field":"label","value":"La CNIL"}
{"op":"set","id":"r","field":"props.amount","value":1000}

{"op":"delete","id":"walmart"}
{"op":"merge","ids":["noyb","privacy-international"],"into":"noyb"}
{"op":"move","id":"cnil","x":10,"y":20}
{"op":"pin","id":"cnil"}
{"op":"hide-type","type":"media"}
{"op":"note","id":"cnil","text":"fined twice"}
{"op":"group","ids":["cnil","x"],"id":"g","label":"G"}
{"op":"move","id":"x","x":1,"y":1}
{"op":"undo"}
{"op":"undo"}
{"op":"redo"}
`

func writeT(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestApplyEmbedded(t *testing.T) {
	dir := t.TempDir()
	edits := writeT(t, filepath.Join(dir, "edits.jsonl"), issueEdits)
	out := filepath.Join(dir, "case.linkscope")
	code, _, stderr := runCLI(t, "apply", edits, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ws, g, err := dataset.OpenWorkspace(context.Background(), out, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Data.Ref != nil || len(ws.Data.Inline) == 0 {
		t.Fatal("the embedded case is not inline")
	}
	if len(ws.History) != 15 {
		t.Fatalf("%d history entries, want 15", len(ws.History))
	}
	for _, r := range ws.History {
		if r.Time.IsZero() {
			t.Fatal("a record without its time")
		}
	}
	cnil, _ := g.NodeIndex("cnil")
	n := g.Node(cnil)
	if n.Label != "La CNIL" || !n.Pinned || n.X != 10 || n.Note != "fined twice" || !g.TypeHidden("media") || len(g.Chart().Groups) != 1 {
		t.Fatalf("cnil %+v, chart %+v", n, g.Chart())
	}
	if _, ok := g.NodeIndex("walmart"); ok {
		t.Fatal("walmart not deleted")
	}
	if _, ok := g.NodeIndex("privacy-international"); ok {
		t.Fatal("not merged")
	}
	// the last move was undone, the note's... the group redone
	if name, _ := g.UndoName(); name != "group G" {
		t.Fatalf("undo would %q", name)
	}
	if name, _ := g.RedoName(); name != "move X" {
		t.Fatalf("redo would %q", name)
	}
	if _, err := g.Undo(); err != nil || len(g.Chart().Groups) != 0 {
		t.Fatalf("undo after reopening: %v %+v", err, g.Chart())
	}

	// the headless commands read the edited graph with -w
	if code, stdout, stderr := runCLI(t, "find", "-w", out, "la cnil"); code != 0 || !strings.Contains(stdout, "La CNIL") {
		t.Fatalf("find -w: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, _ := runCLI(t, "stats", "-w", out, "--json"); code != 0 || !strings.Contains(stdout, `"nodes":48`) {
		t.Fatalf("stats -w: %d %s", code, stdout)
	}
	if code, stdout, stderr := runCLI(t, "neighbors", "-w", out, "x"); code != 0 || !strings.Contains(stdout, "La CNIL") {
		t.Fatalf("neighbors -w: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "path", "-w", out, "x", "cnil"); code != 0 || !strings.Contains(stdout, "fined 2024-01") {
		t.Fatalf("path -w: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "query", "-w", out, "(:person)-[:fined]->(:regulator)"); code != 0 || !strings.Contains(stdout, "X —fined") {
		t.Fatalf("query -w: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "validate", out); code != 0 || !strings.Contains(stdout, "15 history entries") {
		t.Fatalf("validate: %d %s %s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "stats", "-w", out, "-d", "x.json"); code != 2 || !strings.Contains(stderr, "not both") {
		t.Fatalf("-w with -d: %d %s", code, stderr)
	}
	// export -w data.json writes the edited graph
	data := filepath.Join(dir, "data.json")
	if code, _, stderr := runCLI(t, "export", "-w", out, "--out", data); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	eg, err := dataset.LoadAny(data, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if eg.NodeCount() != g.NodeCount()+0 || eg.EdgeCount() != g.EdgeCount() {
		t.Fatalf("exported %d/%d, want %d/%d", eg.NodeCount(), eg.EdgeCount(), g.NodeCount(), g.EdgeCount())
	}
	if i, ok := eg.NodeIndex("cnil"); !ok || eg.Node(i).Label != "La CNIL" {
		t.Fatal("the export is not the edited graph")
	}

	// apply -w continues the investigation: the history grows
	more := writeT(t, filepath.Join(dir, "more.jsonl"), `{"op":"undo"}`+"\n"+`{"op":"note","text":"chart note"}`+"\n")
	out2 := filepath.Join(dir, "case2.linkscope")
	if code, _, stderr := runCLI(t, "apply", "-w", out, more, "--out", out2); code != 0 {
		t.Fatalf("apply -w: %d %s", code, stderr)
	}
	ws2, g2, err := dataset.OpenWorkspace(context.Background(), out2, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws2.History) != 17 || g2.Chart().Note != "chart note" || len(g2.Chart().Groups) != 0 {
		t.Fatalf("%d entries, chart %+v", len(ws2.History), g2.Chart())
	}
}

func TestApplyReportsEveryBadLine(t *testing.T) {
	dir := t.TempDir()
	edits := writeT(t, filepath.Join(dir, "bad.jsonl"), `{"op":"pin","id":"cnil"}
{"op":"move","id":"a","x":"1","y":2}
{"op":"fly"}

{"op":"pin","id":"cnil"
{"op":"undo","extra":1}
{"op":"pin","id":"cnil","colour":"red"}
`)
	out := filepath.Join(dir, "out.linkscope")
	code, _, stderr := runCLI(t, "apply", edits, "--out", out)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		edits + `:2: field "x": must be a number, not a string`,
		edits + `:3: field "op": unknown op "fly"`,
		edits + `:5: not valid JSON`,
		edits + `:6: field "extra": unknown field for undo`,
		edits + `:7: field "colour": unknown field for pin (known: id, unpin)`,
		"nothing saved",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, ":1:") {
		t.Errorf("a good line reported:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("saved despite bad lines")
	}
	// a command that does not apply: its line, nothing saved, the previous file kept
	writeT(t, out, "previous")
	edits2 := writeT(t, filepath.Join(dir, "bad2.jsonl"), `{"op":"pin","id":"cnil"}`+"\n\n"+`{"op":"delete","id":"nobody"}`+"\n")
	code, _, stderr = runCLI(t, "apply", edits2, "--out", out)
	if code != 1 || !strings.Contains(stderr, edits2+`:3: delete: no entity or relation "nobody"`) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Fatal("the previous workspace was replaced")
	}
	edits3 := writeT(t, filepath.Join(dir, "bad3.jsonl"), `{"op":"undo"}`+"\n")
	if code, _, stderr := runCLI(t, "apply", edits3, "--out", out); code != 1 || !strings.Contains(stderr, ":1: nothing to undo") {
		t.Fatalf("undo at the start: %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "apply", edits3); code != 2 {
		t.Fatalf("no --out: exit %d", code)
	}
}

func TestApplyRefersToTheDataFile(t *testing.T) {
	dir := t.TempDir()
	dataPath := writeT(t, filepath.Join(dir, "case.json"), string(dataset.DefaultJSON()))
	edits := writeT(t, filepath.Join(dir, "e.jsonl"), `{"op":"pin","id":"cnil"}`+"\n")
	out := filepath.Join(dir, "sub", "case.linkscope")
	os.MkdirAll(filepath.Dir(out), 0o755)
	if code, _, stderr := runCLI(t, "apply", "-d", dataPath, edits, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(out)
	if !bytes.Contains(raw, []byte(`"path":"../case.json"`)) || !bytes.Contains(raw, []byte(`"sha256":"`)) {
		t.Fatalf("no reference:\n%.300s", raw)
	}
	inl := filepath.Join(dir, "inline.linkscope")
	if code, _, stderr := runCLI(t, "apply", "-d", dataPath, "--inline", edits, "--out", inl); code != 0 {
		t.Fatalf("--inline: exit %d: %s", code, stderr)
	}
	if raw, _ := os.ReadFile(inl); !bytes.Contains(raw, []byte(`"inline": {`)) {
		t.Fatal("--inline wrote a reference")
	}
	// a changed data file: the workspace is refused, naming both
	writeT(t, dataPath, strings.Replace(string(dataset.DefaultJSON()), "CNIL", "Cnil", 1))
	code, _, stderr := runCLI(t, "stats", "-w", out)
	if code != 1 || !strings.Contains(stderr, out+":") || !strings.Contains(stderr, "case.json has changed since case.linkscope was saved") {
		t.Fatalf("changed data: %d %s", code, stderr)
	}
	// the inline workspace does not care
	if code, _, stderr := runCLI(t, "stats", "-w", inl); code != 0 {
		t.Fatalf("inline: %d %s", code, stderr)
	}
}

// export -w draws the saved view: its canvas size and scale, and what it
// shows (a highlighted path changes the picture).
func TestExportWorkspaceView(t *testing.T) {
	dir := t.TempDir()
	g, _ := dataset.Default()
	data, _ := dataset.InlineData(g.Snapshot())
	var ids []string
	var xs, ys []float64
	for i := 0; i < g.NodeCount(); i++ {
		ids = append(ids, g.Node(int32(i)).ID)
		xs = append(xs, float64(i%7)*40)
		ys = append(ys, float64(i/7)*40)
	}
	view := dataset.View{Positions: &dataset.Positions{IDs: ids, X: xs, Y: ys},
		Viewport: &dataset.Viewport{CenterX: 120, CenterY: 120, Zoom: 1.2, Width: 600, Height: 400, Scale: 2},
		Theme:    "dark", Filters: dataset.ViewFilters{NodeTypesOff: []string{"platform"}}}
	ws := filepath.Join(dir, "v.linkscope")
	if err := dataset.SaveWorkspace(ws, &dataset.Workspace{Data: data, View: view}); err != nil {
		t.Fatal(err)
	}
	view.Selection, view.HighlightNodes = []string{"cnil"}, []string{"cnil", "clearview-ai"}
	ws2 := filepath.Join(dir, "v2.linkscope")
	if err := dataset.SaveWorkspace(ws2, &dataset.Workspace{Data: data, View: view}); err != nil {
		t.Fatal(err)
	}
	pic := func(ws string) []byte {
		out := filepath.Join(dir, filepath.Base(ws)+".png")
		if code, _, stderr := runCLI(t, "export", "-w", ws, "--width", "50", "--out", out); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, _ := os.ReadFile(out)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if sz := img.Bounds().Size(); sz.X != 600 || sz.Y != 400 {
			t.Fatalf("PNG is %v, want the canvas's 600×400 device pixels", sz)
		}
		return b
	}
	if bytes.Equal(pic(ws), pic(ws2)) {
		t.Fatal("the highlight does not show")
	}
}

// A workspace written by apply, never shown in a window, is laid out for
// its picture; the chart's hidden types stay hidden in it.
func TestExportAppliedWorkspaceHidesHiddenTypes(t *testing.T) {
	dir := t.TempDir()
	edits := writeT(t, filepath.Join(dir, "edits.jsonl"), `{"op":"hide-type","type":"media"}`+"\n")
	ws := filepath.Join(dir, "case.linkscope")
	if code, _, stderr := runCLI(t, "apply", edits, "--out", ws); code != 0 {
		t.Fatalf("apply: exit %d: %s", code, stderr)
	}
	svg := filepath.Join(dir, "view.svg")
	if code, _, stderr := runCLI(t, "export", "-w", ws, "--out", svg); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	// TechCrunch is a media entity; Clearview AI is not
	if bytes.Contains(data, []byte("TechCrunch")) || !bytes.Contains(data, []byte("Clearview AI")) {
		t.Fatal("the hidden media type is drawn, or Clearview AI is not")
	}
}

// A workspace written by apply that colours entities by a computed
// measure is drawn so, with the measure's legend.
func TestExportAppliedWorkspaceColoursByMeasure(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runPathCLI("analyze", "--measure", "communities", "--json", "--top", "0")
	if code != 0 {
		t.Fatalf("analyze: %s", errs)
	}
	var res struct {
		Results []struct {
			ID        string `json:"id"`
			Community int    `json:"community"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	var vals []float64
	for _, r := range res.Results {
		ids = append(ids, r.ID)
		vals = append(vals, float64(r.Community))
	}
	line, _ := json.Marshal(map[string]any{"op": "set-measure", "name": "communities", "ids": ids, "values": vals, "partition": true})
	edits := writeT(t, filepath.Join(dir, "edits.jsonl"), string(line)+"\n"+`{"op":"set-chart","key":"colour-by","value":"communities"}`+"\n")
	ws := filepath.Join(dir, "case.linkscope")
	if code, _, stderr := runCLI(t, "apply", edits, "--out", ws); code != 0 {
		t.Fatalf("apply: exit %d: %s", code, stderr)
	}
	svg := filepath.Join(dir, "view.svg")
	if code, _, stderr := runCLI(t, "export", "-w", ws, "--out", svg); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(svg)
	if !bytes.Contains(data, []byte("Colour: communities")) {
		t.Fatal("the picture has no legend for the communities")
	}
}
