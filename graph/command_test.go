package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// state is everything a model holds, for comparisons.
type state struct {
	Nodes   []Node
	Edges   []Edge
	NodeIDs map[string]int32
	EdgeIDs map[string]int32
	Chart   Chart
	Sources []Source
}

func dump(g *Graph) state {
	return state{slices.Clone(g.nodes), slices.Clone(g.edges), g.nodeIDs, g.edgeIDs, g.chart.clone(), slices.Clone(g.Sources)}
}

func sameState(t *testing.T, what string, got, want state) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
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
		t.Fatalf("%s: state differs (%d/%d nodes, %d/%d edges, chart %+v / %+v)", what,
			len(got.Nodes), len(want.Nodes), len(got.Edges), len(want.Edges), got.Chart, want.Chart)
	}
}

// randomGraph builds a small graph with types, dates, props and aliases.
func editGraph(r *rand.Rand, n, m int) *Graph {
	g := New(n, m)
	types := []string{"company", "regulator", "ngo", "person"}
	for i := 0; i < n; i++ {
		nd := Node{ID: fmt.Sprintf("n%d", i), Type: types[r.IntN(len(types))], Label: fmt.Sprintf("Entity %d", i)}
		if r.IntN(3) == 0 {
			nd.Aliases = []string{fmt.Sprintf("E%d", i)}
		}
		if r.IntN(2) == 0 {
			nd.Props = PropsOf(map[string]any{"country": "FR"})
		}
		if _, err := g.AddNode(nd); err != nil {
			panic(err)
		}
	}
	rels := []string{"fined", "used-by", "complained-to"}
	for k := 0; k < m; k++ {
		e := Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: rels[r.IntN(len(rels))]}
		if r.IntN(2) == 0 {
			e.Date = Date{Year: int16(2019 + r.IntN(5)), Month: int8(1 + r.IntN(12))}
		}
		if _, err := g.AddEdge(e); err != nil {
			panic(err)
		}
	}
	return g
}

// randomCommand returns a command that may or may not apply to g.
func randomCommand(r *rand.Rand, g *Graph, k int) Command {
	node := func() string {
		if g.NodeCount() == 0 || r.IntN(20) == 0 {
			return "missing"
		}
		return g.Node(int32(r.IntN(g.NodeCount()))).ID
	}
	edge := func() string {
		if g.EdgeCount() == 0 {
			return "missing"
		}
		return g.Edge(int32(r.IntN(g.EdgeCount()))).ID
	}
	switch r.IntN(19) {
	case 0:
		return AddEntity{ID: fmt.Sprintf("new%d", k), Type: "media", Label: fmt.Sprintf("New %d", k), Aliases: []string{"x"}}
	case 1:
		return AddRelation{Source: node(), Target: node(), Type: "reported", Date: "2022-10"}
	case 2:
		return Set{ID: node(), Field: "label", Value: fmt.Sprintf("Renamed %d", k)}
	case 3:
		return Set{ID: node(), Field: "props.score", Value: float64(k)}
	case 4:
		return Set{ID: node(), Field: "props.country", Value: nil}
	case 5:
		return Set{ID: edge(), Field: "date", Value: "2021-03-04"}
	case 6:
		return Delete{ID: node()}
	case 7:
		return Delete{IDs: []string{edge(), edge()}}
	case 8:
		a, b := node(), node()
		return Merge{IDs: []string{a, b}, Into: a}
	case 9:
		return Move{ID: node(), X: float64(k), Y: -float64(k)}
	case 10:
		return Pin{ID: node(), Unpin: r.IntN(2) == 0}
	case 11:
		return HideType{Type: "fined", Show: r.IntN(2) == 0}
	case 12:
		return Note{ID: node(), Text: fmt.Sprintf("note %d", k)}
	case 17:
		id := node()
		return SetMeasure{Name: "pagerank", IDs: []string{id}, Values: []float64{float64(k)}, Clear: r.IntN(3) == 0}
	case 14:
		return SetChart{Key: "as-of", Value: []string{"", "2021-12-31", "2022"}[r.IntN(3)]}
	case 15:
		return Set{ID: node(), Field: "color", Value: "#A0b0c0"}
	case 16:
		return Set{ID: node(), Field: "size", Value: float64(r.IntN(40))}
	case 13:
		return AddSources{Sources: []Source{{ID: fmt.Sprintf("s%d", r.IntN(5)), Title: "doc"}}}
	}
	return Batch{Name: "two", Cmds: []Command{Set{ID: node(), Field: "type", Value: "court"}, GroupEntities{IDs: []string{node(), node()}, Label: "G"}}}
}

func TestRandomCommandsUndoRedo(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		g := editGraph(r, 40, 120)
		orig := dump(g)
		origTopo := *g.Topology()
		applied := 0
		for k := 0; applied < 300; k++ {
			if err := g.Apply(randomCommand(r, g, k)); err == nil {
				applied++
			}
			if k > 5000 {
				t.Fatal("too few commands apply")
			}
		}
		edited := dump(g)
		for i := 0; i < applied; i++ {
			if _, err := g.Undo(); err != nil {
				t.Fatalf("seed %d: undo %d: %v", seed, i, err)
			}
		}
		if _, err := g.Undo(); err != ErrNothingToUndo {
			t.Fatalf("undo past the start: %v", err)
		}
		sameState(t, fmt.Sprintf("seed %d after undoing all", seed), dump(g), orig)
		if got := *g.Topology(); !reflect.DeepEqual(got.Src, origTopo.Src) || !reflect.DeepEqual(got.Out, origTopo.Out) || !reflect.DeepEqual(got.Degree, origTopo.Degree) {
			t.Fatalf("seed %d: topology after undo differs", seed)
		}
		for i := 0; i < applied; i++ {
			if _, err := g.Redo(); err != nil {
				t.Fatalf("seed %d: redo %d: %v", seed, i, err)
			}
		}
		sameState(t, fmt.Sprintf("seed %d after redoing all", seed), dump(g), edited)
		// the history replayed on the original data gives the same model
		h := editGraph(rand.New(rand.NewPCG(seed, 7)), 40, 120)
		if err := h.Replay(g.History()); err != nil {
			t.Fatal(err)
		}
		sameState(t, fmt.Sprintf("seed %d replayed", seed), dump(h), edited)
		if len(h.hist.undo) != len(g.hist.undo) || len(h.hist.redo) != len(g.hist.redo) {
			t.Fatalf("replay: stacks %d/%d, want %d/%d", len(h.hist.undo), len(h.hist.redo), len(g.hist.undo), len(g.hist.redo))
		}
	}
}

func TestFailedCommandChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	g := editGraph(r, 10, 20)
	before := dump(g)
	bad := []Command{
		AddEntity{ID: "n1", Type: "x"},
		AddEntity{ID: "e1", Type: "x"},
		AddRelation{Source: "n1", Target: "nope", Type: "x"},
		AddRelation{Source: "n1", Target: "n2", Date: "2022-13"},
		Set{ID: "n1", Field: "colour", Value: "red"},
		Set{ID: "n1", Field: "type", Value: ""},
		Delete{IDs: []string{"n1", "nope"}},
		Merge{IDs: []string{"n1", "n2"}, Into: "n3"},
		Batch{Cmds: []Command{Delete{ID: "n1"}, Move{ID: "n1"}}},
		Move{ID: "n2", X: 1, Y: nan()},
	}
	for _, c := range bad {
		if err := g.Apply(c); err == nil {
			t.Errorf("%s %+v applied", c.Op(), c)
		}
		sameState(t, c.Op(), dump(g), before)
	}
	if len(g.History()) != 0 {
		t.Fatalf("failed commands were recorded: %d", len(g.History()))
	}
}

func nan() float64 { var z float64; return z / z }

func TestMergeAndUndo(t *testing.T) {
	g := New(0, 0)
	addNodeT(t, g, Node{ID: "cnil", Type: "regulator", Label: "CNIL", Props: PropsOf(map[string]any{"country": "FR"})})
	addNodeT(t, g, Node{ID: "cnil2", Type: "regulator", Label: "Cnil", Aliases: []string{"Commission nationale"}, Props: PropsOf(map[string]any{"country": "XX", "founded": float64(1978)}), Sources: []Citation{{Source: "a2", Quote: "q"}}})
	addNodeT(t, g, Node{ID: "cv", Type: "company", Label: "Clearview AI"})
	addEdgeT(t, g, Edge{ID: "f", From: 1, To: 2, Type: "fined"})
	addEdgeT(t, g, Edge{ID: "o", From: 0, To: 2, Type: "ordered"})
	before := dump(g)
	if err := g.Apply(Merge{IDs: []string{"cnil", "cnil2"}, Into: "cnil"}); err != nil {
		t.Fatal(err)
	}
	if g.NodeCount() != 2 || g.EdgeCount() != 2 {
		t.Fatalf("after merge: %d entities, %d relations", g.NodeCount(), g.EdgeCount())
	}
	c := g.Node(0)
	if !slices.Equal(c.Aliases, []string{"Cnil", "Commission nationale"}) {
		// "Cnil" folds like "CNIL": it is not a new alias
		if !slices.Equal(c.Aliases, []string{"Commission nationale"}) {
			t.Errorf("aliases %v", c.Aliases)
		}
	}
	if c.Props.Value("country") != "FR" || c.Props.Value("founded") != float64(1978) || len(c.Sources) != 1 {
		t.Errorf("merged entity %+v", c)
	}
	f, _ := g.EdgeIndex("f")
	if g.Edge(f).From != 0 || g.Edge(f).To != 1 {
		t.Errorf("fine now joins %d-%d", g.Edge(f).From, g.Edge(f).To)
	}
	if name, _ := g.UndoName(); name != "merge cnil2 into CNIL" {
		t.Errorf("undo name %q", name)
	}
	if _, err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	sameState(t, "merge undone", dump(g), before)
}

func TestSnapshotIsolated(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	g := editGraph(r, 30, 60)
	snap := g.Snapshot()
	want := dump(snap)
	topo := snap.Topology()
	for k := 0; k < 100; k++ {
		_ = g.Apply(randomCommand(r, g, k))
	}
	sameState(t, "snapshot after edits", dump(snap), want)
	if snap.Topology() != topo {
		t.Fatal("snapshot's topology was rebuilt")
	}
}

func TestTypeColoursStayAcrossEdits(t *testing.T) {
	g := New(0, 0)
	addNodeT(t, g, Node{ID: "a", Type: "regulator"})
	addNodeT(t, g, Node{ID: "b", Type: "authority"})
	addNodeT(t, g, Node{ID: "c", Type: "authority"})
	tt := g.Topology().Types
	reg, auth := tt.NodeStyle("regulator"), tt.NodeStyle("authority")
	if reg.Color == auth.Color {
		t.Fatal("synonyms share a colour")
	}
	// the more frequent synonym keeps the type's own colour
	if auth.Color != StyleForType("authority").Color {
		t.Errorf("authority (2 entities) lost its colour")
	}
	for _, c := range []Command{Delete{ID: "b"}, Delete{ID: "c"}, AddEntity{ID: "d", Type: "authority"}, AddEntity{ID: "e", Type: "agency"}} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
		tt := g.Topology().Types
		if tt.NodeStyle("regulator") != reg {
			t.Fatalf("after %s: regulator recoloured", c.Op())
		}
		if _, ok := tt.NodeTypeID("authority"); ok && tt.NodeStyle("authority") != auth {
			t.Fatalf("after %s: authority recoloured", c.Op())
		}
	}
	if s := g.Topology().Types.NodeStyle("agency"); s.Color == reg.Color || s.Color == auth.Color {
		t.Error("a new synonym took a colour in use")
	}
}

func addNodeT(t *testing.T, g *Graph, n Node) {
	t.Helper()
	if _, err := g.AddNode(n); err != nil {
		t.Fatal(err)
	}
}

func addEdgeT(t *testing.T, g *Graph, e Edge) {
	t.Helper()
	if _, err := g.AddEdge(e); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentReadersOfASnapshot: goroutines sharing a snapshot may
// build its topology and name index at once (run with -race).
func TestConcurrentReadersOfASnapshot(t *testing.T) {
	g := editGraph(rand.New(rand.NewPCG(4, 4)), 200, 400)
	snap := g.Snapshot()
	done := make(chan []Match)
	for k := 0; k < 4; k++ {
		go func() { done <- snap.Index().Search("Entity 17", 1) }()
	}
	for k := 0; k < 4; k++ {
		if m := <-done; len(m) != 1 || snap.Node(m[0].Node).Label != "Entity 17" {
			t.Fatalf("search %d: %v", k, m)
		}
	}
}
