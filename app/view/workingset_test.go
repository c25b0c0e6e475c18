package view_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/sourcetest"
)

var ctx = context.Background()

func ids(g *graph.Graph) (ents, rels []string) {
	for i := int32(0); i < int32(g.NodeCount()); i++ {
		ents = append(ents, g.Node(i).ID)
	}
	for i := int32(0); i < int32(g.EdgeCount()); i++ {
		rels = append(rels, g.Edge(i).ID)
	}
	return ents, rels
}

func wantIDs(t *testing.T, g *graph.Graph, ents, rels []string) {
	t.Helper()
	e, r := ids(g)
	if !slices.Equal(e, ents) || !slices.Equal(r, rels) {
		t.Fatalf("working set holds %v %v, want %v %v", e, r, ents, rels)
	}
}

func TestSeedExpandUndoRedoReplay(t *testing.T) {
	full := sourcetest.CaseGraph()
	ws := view.NewWorkingSet(source.FromGraph(full), nil)
	g := ws.Graph()

	exp, err := ws.Seed(ctx, []string{"cnil"})
	if err != nil {
		t.Fatal(err)
	}
	if exp.Name != "add CNIL" || !slices.Equal(exp.Entities, []string{"cnil"}) || len(exp.Relations) != 0 {
		t.Fatalf("seed: %+v", exp)
	}
	cnilExp, err := ws.Expand(ctx, []string{"cnil"}, source.ExpandOptions{Depth: 1, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := view.Expansion{Name: "expand CNIL", Subject: "CNIL", Entities: []string{"clearview"},
		Relations: []string{"r03", "r04", "r05", "r11"}, Truncated: true}
	if !reflect.DeepEqual(cnilExp, want) {
		t.Fatalf("expand: %+v, want %+v", cnilExp, want)
	}
	wantIDs(t, g, []string{"cnil", "clearview"}, []string{"r03", "r04", "r05", "r11"})
	if name, _ := g.UndoName(); name != "expand CNIL" {
		t.Errorf("undo would %q", name)
	}
	// The records are the source's, exactly.
	i, _ := g.EdgeIndex("r03")
	if e := g.Edge(i); e.Date.String() != "2022-10-17" || e.Props.Value("amount") != 20000000.0 || e.Sources[0].Quote != "20 millions d’euros" {
		t.Errorf("r03 came in as %+v", e)
	}
	v, _ := g.NodeIndex("clearview")
	if n := g.Node(v); n.Aliases[0] != "Smartcheckr" || n.Props.Value("hq") != "New York" || len(n.Sources) != 2 {
		t.Errorf("clearview came in as %+v", n)
	}
	if _, ok := g.Source("a1"); !ok {
		t.Error("the cited source a1 is not listed")
	}
	if _, ok := g.Source("a2"); !ok {
		t.Error("the cited source a2 is not listed")
	}
	if _, ok := g.Source("a3"); ok {
		t.Error("a3, cited by nothing brought in, is listed")
	}

	// Seeding another entity brings its relations to what is there.
	gar, err := ws.Seed(ctx, []string{"garante"})
	if err != nil {
		t.Fatal(err)
	}
	if gar.Name != "add Garante per la protezione dei dati personali" || !slices.Equal(gar.Relations, []string{"r06", "r15"}) {
		t.Errorf("seed garante: %+v", gar)
	}

	// Undo removes one step, redo brings it back.
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil", "clearview"}, []string{"r03", "r04", "r05", "r11"})
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil"}, nil)
	if _, err := g.Redo(); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil", "clearview"}, []string{"r03", "r04", "r05", "r11"})

	// The history replays on an empty graph to the same state.
	again := graph.New(0, 0)
	if err := again.Replay(g.History()); err != nil {
		t.Fatal(err)
	}
	e1, r1 := ids(g)
	wantIDs(t, again, e1, r1)
	if a, b := again.Node(1), g.Node(1); !reflect.DeepEqual(a.Props, b.Props) || !slices.Equal(a.Aliases, b.Aliases) {
		t.Errorf("replayed record %+v, want %+v", a, b)
	}
	n1, _ := again.UndoName()
	n2, _ := again.RedoName()
	if n1 != "expand CNIL" || n2 != "add Garante per la protezione dei dati personali" {
		t.Errorf("replayed stacks: undo %q, redo %q", n1, n2)
	}

	// Collapse deletes what the expansion added, as a new step.
	if err := ws.Collapse(cnilExp); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil"}, nil)
	if name, _ := g.UndoName(); name != "collapse CNIL" {
		t.Errorf("undo would %q", name)
	}
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil", "clearview"}, []string{"r03", "r04", "r05", "r11"})
	// Collapsing what is gone does nothing.
	if err := ws.Collapse(view.Expansion{Entities: []string{"ghost"}}); err != nil {
		t.Error(err)
	}
}

func TestNothingNewAppliesNothing(t *testing.T) {
	ws := view.NewWorkingSet(source.FromGraph(sourcetest.CaseGraph()), nil)
	if _, err := ws.Seed(ctx, []string{"aland"}); err != nil {
		t.Fatal(err)
	}
	exp, err := ws.Expand(ctx, []string{"aland"}, source.ExpandOptions{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !exp.Empty() || len(ws.Graph().History()) != 1 {
		t.Errorf("expanding an isolated entity: %+v, %d history records", exp, len(ws.Graph().History()))
	}
}

func TestSeveralIDsAndEntitiesOfTheAnalyst(t *testing.T) {
	ws := view.NewWorkingSet(source.FromGraph(sourcetest.CaseGraph()), nil)
	g := ws.Graph()
	// An entity the analyst made, which the source does not know.
	if err := g.Apply(graph.AddEntity{ID: "mine", Type: "note", Label: "My hunch"}); err != nil {
		t.Fatal(err)
	}
	exp, err := ws.Seed(ctx, []string{"pi", "noyb", "clearview", "pi"})
	if err != nil {
		t.Fatal(err)
	}
	if exp.Name != "add Privacy International and 2 others" {
		t.Errorf("name %q", exp.Name)
	}
	wantIDs(t, g, []string{"mine", "pi", "noyb", "clearview"}, []string{"r01", "r02", "r11", "r14"})
}

// fake is a source whose answer the test writes.
type fake struct {
	sub   *source.Subgraph
	known []string
	do    func()
}

func (f *fake) Expand(ctx context.Context, ids []string, opt source.ExpandOptions) (*source.Subgraph, error) {
	f.known = opt.Known
	if f.do != nil {
		f.do()
	}
	if err := ctx.Err(); err != nil && f.do == nil {
		return nil, err
	}
	return f.sub, nil
}

func TestKnownIDsArePassed(t *testing.T) {
	f := &fake{sub: &source.Subgraph{Entities: []source.Entity{{ID: "b", Type: "t"}}}}
	g := graph.New(0, 0)
	if err := g.Apply(graph.AddEntity{ID: "a", Type: "t"}); err != nil {
		t.Fatal(err)
	}
	ws := view.NewWorkingSet(f, g)
	if _, err := ws.Expand(ctx, []string{"a"}, source.ExpandOptions{Depth: 1, Known: []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.known, []string{"x", "a"}) {
		t.Errorf("known %v, want the caller's and the working set's", f.known)
	}
	if _, err := ws.Expand(ctx, []string{"a"}, source.ExpandOptions{Depth: 1}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.known, []string{"a", "b"}) {
		t.Errorf("known %v, want a and b", f.known)
	}
}

func TestCancelledChangesNothing(t *testing.T) {
	full := sourcetest.CaseGraph()
	ws := view.NewWorkingSet(source.FromGraph(full), nil)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ws.Expand(cancelled, []string{"cnil"}, source.ExpandOptions{Depth: 2}); !errors.Is(err, context.Canceled) {
		t.Errorf("expand with a cancelled context: %v", err)
	}
	// Cancelled while the source answers: the answer is dropped.
	c2, cancel2 := context.WithCancel(ctx)
	sub, err := source.FromGraph(full).Expand(ctx, []string{"cnil"}, source.ExpandOptions{Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	ws2 := view.NewWorkingSet(&fake{sub: sub, do: cancel2}, ws.Graph())
	if _, err := ws2.Expand(c2, []string{"cnil"}, source.ExpandOptions{Depth: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("expand cancelled during the source's work: %v", err)
	}
	if g := ws.Graph(); g.NodeCount() != 0 || len(g.History()) != 0 {
		t.Errorf("a cancelled expansion changed the model: %d entities, %d records", g.NodeCount(), len(g.History()))
	}
}

func TestBadAnswerChangesNothing(t *testing.T) {
	f := &fake{sub: &source.Subgraph{
		Entities:  []source.Entity{{ID: "a", Type: "t", Label: "A"}},
		Relations: []source.Relation{{ID: "r", Source: "a", Target: "ghost", Type: "x"}},
	}}
	ws := view.NewWorkingSet(f, nil)
	_, err := ws.Expand(ctx, []string{"a"}, source.ExpandOptions{Depth: 1})
	if err == nil || !strings.Contains(err.Error(), "expand A") || !strings.Contains(err.Error(), "ghost") {
		t.Errorf("a relation to an entity not in the answer: %v", err)
	}
	if g := ws.Graph(); g.NodeCount() != 0 || len(g.History()) != 0 {
		t.Errorf("a failed expansion changed the model: %d entities", g.NodeCount())
	}
}

func TestCommandForABackgroundTask(t *testing.T) {
	// The task runner's way: fetch against a snapshot's ids in the
	// background, then build the command against the model as it is.
	full := sourcetest.CaseGraph()
	src := source.FromGraph(full)
	ws := view.NewWorkingSet(src, nil)
	if _, err := ws.Seed(ctx, []string{"cnil"}); err != nil {
		t.Fatal(err)
	}
	g := ws.Graph()
	snap := g.Snapshot()
	sub, err := src.Expand(ctx, []string{"cnil"}, source.ExpandOptions{Depth: 1, Known: view.KnownIDs(snap)})
	if err != nil {
		t.Fatal(err)
	}
	// Meanwhile the analyst seeded garante.
	if _, err := ws.Seed(ctx, []string{"garante"}); err != nil {
		t.Fatal(err)
	}
	cmd, exp := view.Command(g, sub, "expand CNIL")
	if !slices.Equal(exp.Entities, []string{"clearview"}) || !slices.Equal(exp.Relations, []string{"r03", "r04", "r05", "r06", "r11"}) {
		t.Errorf("command adds %v %v", exp.Entities, exp.Relations)
	}
	if err := g.Apply(cmd); err != nil {
		t.Fatal(err)
	}
	wantIDs(t, g, []string{"cnil", "garante", "clearview"}, []string{"r15", "r03", "r04", "r05", "r06", "r11"})
	if snap.NodeCount() != 1 || len(snap.Sources) != 1 {
		t.Errorf("the snapshot changed: %d entities, %d sources", snap.NodeCount(), len(snap.Sources))
	}
}
