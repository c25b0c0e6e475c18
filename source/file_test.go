package source_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/sourcetest"
)

func TestFileConformance(t *testing.T) {
	sourcetest.Run(t, func(t *testing.T, g *graph.Graph) source.Source { return source.FromGraph(g) })
}

// countingCtx is a context whose Err reports cancellation from its
// (after+1)-th call on, and counts the calls: it stands for a user who
// cancels while a walk is running, with no timing involved.
type countingCtx struct {
	context.Context
	after, calls int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.calls > c.after {
		return context.Canceled
	}
	return nil
}

// chain returns a path n0 - n1 - ... - n(k-1) of "next" relations.
func chain(k int) *graph.Graph {
	g := graph.New(k, k)
	for i := 0; i < k; i++ {
		if _, err := g.AddNode(graph.Node{ID: fmt.Sprintf("n%d", i), Type: "thing", Label: fmt.Sprintf("Thing %d", i)}); err != nil {
			panic(err)
		}
		if i > 0 {
			if _, err := g.AddEdge(graph.Edge{From: int32(i - 1), To: int32(i), Type: "next"}); err != nil {
				panic(err)
			}
		}
	}
	return g
}

func TestExpandCancelledWhileWalking(t *testing.T) {
	f := source.FromGraph(chain(20000))
	// The first look at the context (on entry) passes; one inside the walk
	// sees the cancellation.
	c := &countingCtx{Context: context.Background(), after: 1}
	_, err := f.Expand(c, []string{"n0"}, source.ExpandOptions{Depth: 20000})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("expand cancelled while walking: %v, want context.Canceled", err)
	}
	// The same walk, not cancelled, reaches the end of the chain.
	sub, err := f.Expand(context.Background(), []string{"n0"}, source.ExpandOptions{Depth: 20000})
	if err != nil || len(sub.Entities) != 20000 || sub.Hops["n19999"] != 19999 {
		t.Fatalf("expand the chain: %d entities, %v", len(sub.Entities), err)
	}
}

// TestExpandStopsAtTheLimit checks that the walk goes no further than the
// limit needs: on a chain of 20,000 entities, a limit of 3 walks a few
// steps (the context, looked at every thousand steps, is looked at only on
// entry and exit), where the unlimited walk looks at it at every
// thousand.
func TestExpandStopsAtTheLimit(t *testing.T) {
	f := source.FromGraph(chain(20000))
	c := &countingCtx{Context: context.Background(), after: 1 << 30}
	sub, err := f.Expand(c, []string{"n0"}, source.ExpandOptions{Depth: 20000, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(sub.Entities); got != 4 || !sub.Truncated {
		t.Fatalf("limit 3: %d entities, truncated %v", got, sub.Truncated)
	}
	if c.calls > 2 {
		t.Errorf("limit 3: the context was looked at %d times, as if the walk went on", c.calls)
	}
	c.calls = 0
	if _, err := f.Expand(c, []string{"n0"}, source.ExpandOptions{Depth: 20000}); err != nil {
		t.Fatal(err)
	}
	if c.calls < 20 {
		t.Errorf("no limit: the context was looked at only %d times in a 20,000-step walk", c.calls)
	}
}

func TestFileReadsASnapshot(t *testing.T) {
	g := sourcetest.CaseGraph()
	f := source.FromGraph(g)
	if err := g.Apply(graph.Set{ID: "cnil", Field: "label", Value: "Renamed"}); err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(graph.Delete{ID: "clearview"}); err != nil {
		t.Fatal(err)
	}
	sub, err := f.Fetch(context.Background(), []string{"cnil", "clearview", "r03"})
	if err != nil {
		t.Fatal(err)
	}
	if sub.Entities[0].Label != "CNIL" || len(sub.Relations) != 1 {
		t.Errorf("the file sees changes made after it was made: %+v", sub)
	}
	if hits, _ := f.Search(context.Background(), "Renamed", 5); len(hits) != 0 {
		t.Errorf("search finds a later label: %v", hits)
	}
	if f.Graph().NodeCount() != 12 || g.NodeCount() != 11 {
		t.Errorf("snapshot has %d entities, graph %d", f.Graph().NodeCount(), g.NodeCount())
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.json")
	doc := `{"format": "linkscope/1", "title": "Tiny",
  "sources": [{"id": "a1", "title": "Article", "published": "2022-10-20"}],
  "nodes": [{"id": "cnil", "type": "regulator", "label": "CNIL", "aliases": ["Commission nationale de l'informatique et des libertés"]},
            {"id": "cv", "type": "company", "label": "Clearview AI"}],
  "edges": [{"id": "f1", "source": "cnil", "target": "cv", "type": "fined", "date": "2022-10-17",
             "props": {"amount": 20000000, "currency": "EUR"}, "sources": [{"source": "a1", "quote": "q"}]}]}`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f, err := source.Open(ctx, path, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Info(ctx)
	if err != nil || info.Title != "Tiny" || info.Entities != 2 || info.Relations != 1 {
		t.Fatalf("info %+v, %v", info, err)
	}
	hits, err := f.Search(ctx, "libertes", 1)
	if err != nil || len(hits) != 1 || hits[0].ID != "cnil" {
		t.Fatalf("search: %v, %v", hits, err)
	}
	sub, err := f.Expand(ctx, []string{"cnil"}, source.ExpandOptions{Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := sub.Relations[0]
	if len(sub.Relations) != 1 || r.Date.String() != "2022-10-17" || r.Props["amount"] != 20000000.0 ||
		len(sub.Sources) != 1 || sub.Sources[0].Title != "Article" || sub.Sources[0].Published.String() != "2022-10-20" {
		t.Errorf("expand: %+v", sub)
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"nodes": [{"id": "x"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := source.Open(ctx, bad, dataset.Options{}); err == nil || !strings.Contains(err.Error(), "bad.json:1:") {
		t.Errorf("open a bad file: %v, want the loader's positioned error", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := source.Open(cancelled, path, dataset.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("open with a cancelled context: %v", err)
	}
}

func TestNotFoundError(t *testing.T) {
	err := error(&source.NotFoundError{Op: "fetch", IDs: []string{"a", "b"}})
	if got, want := err.Error(), `source: fetch: no entity or relation "a", "b"`; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if !errors.Is(fmt.Errorf("wrapped: %w", err), source.ErrNotFound) {
		t.Error("a wrapped NotFoundError is not ErrNotFound")
	}
	if got := source.Out.String() + "," + source.In.String() + "," + source.Both.String(); got != "out,in,both" {
		t.Errorf("directions %s", got)
	}
}

func TestSearchTiesByDegreeThenID(t *testing.T) {
	// Four entities with one label: the search must rank them by degree,
	// then by id, whatever their insertion order.
	g := graph.New(6, 4)
	for _, id := range []string{"d", "b", "c", "a", "hub1", "hub2"} {
		label := "Same Name"
		if strings.HasPrefix(id, "hub") {
			label = "Hub " + id
		}
		if _, err := g.AddNode(graph.Node{ID: id, Type: "t", Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	link := func(a, b string) {
		u, _ := g.NodeIndex(a)
		v, _ := g.NodeIndex(b)
		if _, err := g.AddEdge(graph.Edge{From: u, To: v, Type: "r"}); err != nil {
			t.Fatal(err)
		}
	}
	link("c", "hub1")
	link("c", "hub2")
	link("d", "hub1")
	hits, err := source.FromGraph(g).Search(context.Background(), "same name", 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	if want := []string{"c", "d", "a", "b"}; !slices.Equal(ids, want) {
		t.Errorf("ranking %v, want %v", ids, want)
	}
}

// TestConcurrentUse runs searches and expansions on one File from several
// goroutines (run with -race): each gets the answer a lone caller gets.
func TestConcurrentUse(t *testing.T) {
	f := source.FromGraph(sourcetest.RandomGraph(5, 300, 600))
	ctx := context.Background()
	opt := source.ExpandOptions{Depth: 2, Limit: 40}
	want, err := f.Expand(ctx, []string{"n1"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for k := 0; k < 8; k++ {
		go func() {
			hits, err := f.Search(ctx, "company", 10)
			if err == nil && len(hits) != 10 {
				err = fmt.Errorf("search found %d", len(hits))
			}
			if err == nil {
				var sub *source.Subgraph
				if sub, err = f.Expand(ctx, []string{"n1"}, opt); err == nil && !slices.Equal(ids(sub), ids(want)) {
					err = fmt.Errorf("expand gave %v, want %v", ids(sub), ids(want))
				}
			}
			errs <- err
		}()
	}
	for k := 0; k < 8; k++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func ids(sub *source.Subgraph) []string {
	var out []string
	for _, e := range sub.Entities {
		out = append(out, e.ID)
	}
	return out
}

func TestFetchSets(t *testing.T) {
	entity := map[string]bool{"a": true, "b": true, "c": true}
	rel := map[string][2]string{"r1": {"a", "d"}, "r2": {"e", "a"}, "r3": {"d", "e"}}
	isEntity := func(id string) bool { return entity[id] }
	ends := func(id string) (string, string, bool) { e, ok := rel[id]; return e[0], e[1], ok }

	ents, rels, err := source.FetchSets([]string{"b", "r1", "a", "r2", "r3"}, isEntity, ends)
	if err != nil {
		t.Fatal(err)
	}
	// the entities asked for, in order, then the ends not among them, in
	// the order of the relations
	if got, want := strings.Join(ents, ","), "b,a,d,e"; got != want {
		t.Errorf("entities = %s, want %s", got, want)
	}
	if got, want := strings.Join(rels, ","), "r1,r2,r3"; got != want {
		t.Errorf("relations = %s, want %s", got, want)
	}

	_, _, err = source.FetchSets([]string{"a", "x", "r1", "y"}, isEntity, ends)
	var nf *source.NotFoundError
	if !errors.As(err, &nf) || strings.Join(nf.IDs, ",") != "x,y" || !errors.Is(err, source.ErrNotFound) {
		t.Errorf("unknown ids: err = %v, want a NotFoundError for x and y", err)
	}
	if got := source.Dedupe([]string{"b", "a", "b", "c", "a"}); strings.Join(got, ",") != "b,a,c" {
		t.Errorf("Dedupe = %v", got)
	}
}
