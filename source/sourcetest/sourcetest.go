package sourcetest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/source"
)

// Opener makes a source holding exactly the entities, relations and
// dataset sources of g (a database source loads g into a fresh database).
// It must not change g.
type Opener func(t *testing.T, g *graph.Graph) source.Source

// Run checks a source implementation: search by label, alias and folded
// accents; expansion's depth, type filters, direction, limit, ordering and
// known entities against hand-written answers and against the definition
// in the source package's documentation on random graphs; exact records
// from fetch; errors for unknown ids and bad options; cancelled contexts;
// and, as gonum's path tests do with incrementally revealed graphs, that
// shortest paths on a working set grown by repeated expansion are those
// of the complete graph within the radius it covers. Run closes the
// sources it opens.
func Run(t *testing.T, open func(t *testing.T, g *graph.Graph) source.Source) {
	opener := Opener(func(t *testing.T, g *graph.Graph) source.Source {
		t.Helper()
		s := open(t, g)
		t.Cleanup(func() { s.Close() })
		return s
	})
	t.Run("Info", func(t *testing.T) { testInfo(t, opener) })
	t.Run("Search", func(t *testing.T) { testSearch(t, opener) })
	t.Run("SearchRandom", func(t *testing.T) { testSearchRandom(t, opener) })
	t.Run("ExpandCase", func(t *testing.T) { testExpandCase(t, opener) })
	t.Run("ExpandRandom", func(t *testing.T) { testExpandRandom(t, opener) })
	t.Run("ExpandErrors", func(t *testing.T) { testExpandErrors(t, opener) })
	t.Run("Fetch", func(t *testing.T) { testFetch(t, opener) })
	t.Run("FetchRandom", func(t *testing.T) { testFetchRandom(t, opener) })
	t.Run("Cancelled", func(t *testing.T) { testCancelled(t, opener) })
	t.Run("Closed", func(t *testing.T) { testClosed(t, opener) })
	t.Run("IncrementalShortestPaths", func(t *testing.T) { testIncremental(t, opener) })
	t.Run("IncrementalInduced", func(t *testing.T) { testInduced(t, opener) })
}

var ctx = context.Background()

// checkSubgraph checks what every answer must be: records exactly as in g,
// no duplicates, no relation with an end outside the answer, and the
// dataset sources they cite.
func checkSubgraph(t *testing.T, g *graph.Graph, sub *source.Subgraph, what string) {
	t.Helper()
	if sub == nil {
		t.Fatalf("%s: nil subgraph", what)
	}
	ents := map[string]bool{}
	for _, e := range sub.Entities {
		v, ok := g.NodeIndex(e.ID)
		switch {
		case !ok:
			t.Errorf("%s: entity %q is not in the graph", what, e.ID)
			continue
		case ents[e.ID]:
			t.Errorf("%s: entity %q twice", what, e.ID)
		case !sameEntity(e, entityRecord(g, v)):
			t.Errorf("%s: entity record\n got %+v\nwant %+v", what, e, entityRecord(g, v))
		}
		ents[e.ID] = true
	}
	rels := map[string]bool{}
	for _, r := range sub.Relations {
		i, ok := g.EdgeIndex(r.ID)
		switch {
		case !ok:
			t.Errorf("%s: relation %q is not in the graph", what, r.ID)
			continue
		case rels[r.ID]:
			t.Errorf("%s: relation %q twice", what, r.ID)
		case !sameRelation(r, relationRecord(g, i)):
			t.Errorf("%s: relation record\n got %+v\nwant %+v", what, r, relationRecord(g, i))
		}
		rels[r.ID] = true
		if !ents[r.Source] || !ents[r.Target] {
			t.Errorf("%s: relation %s (%s -> %s) has an end outside the result", what, r.ID, r.Source, r.Target)
		}
	}
	if want := citedSources(g, sub); !slices.Equal(sub.Sources, want) {
		t.Errorf("%s: sources\n got %+v\nwant %+v", what, sub.Sources, want)
	}
}

func entityIDs(sub *source.Subgraph) []string {
	ids := make([]string, len(sub.Entities))
	for i, e := range sub.Entities {
		ids[i] = e.ID
	}
	return ids
}

func relationIDs(sub *source.Subgraph) []string {
	ids := make([]string, len(sub.Relations))
	for i, r := range sub.Relations {
		ids[i] = r.ID
	}
	return ids
}

// checkAnswer compares an expansion with the answer it must be.
func checkAnswer(t *testing.T, g *graph.Graph, sub *source.Subgraph, want answer, what string) {
	t.Helper()
	checkSubgraph(t, g, sub, what)
	if got := entityIDs(sub); !slices.Equal(got, want.entities) {
		t.Errorf("%s: entities\n got %v\nwant %v", what, got, want.entities)
	}
	if got := relationIDs(sub); !slices.Equal(got, want.relations) {
		t.Errorf("%s: relations\n got %v\nwant %v", what, got, want.relations)
	}
	if !maps.Equal(sub.Hops, want.hops) {
		t.Errorf("%s: hops\n got %v\nwant %v", what, sub.Hops, want.hops)
	}
	if sub.Truncated != want.truncated {
		t.Errorf("%s: truncated = %v, want %v", what, sub.Truncated, want.truncated)
	}
}

func testInfo(t *testing.T, open Opener) {
	g := CaseGraph()
	info, err := open(t, g).Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != g.Title {
		t.Errorf("title %q, want %q", info.Title, g.Title)
	}
	if info.Entities >= 0 && info.Entities != g.NodeCount() || info.Relations >= 0 && info.Relations != g.EdgeCount() {
		t.Errorf("counts %d entities, %d relations; want %d, %d", info.Entities, info.Relations, g.NodeCount(), g.EdgeCount())
	}
	if info.Entities < -1 || info.Relations < -1 {
		t.Errorf("counts %d, %d: unknown is -1", info.Entities, info.Relations)
	}
	if info.EntityTypes != nil && !slices.Equal(info.EntityTypes, g.NodeTypes()) {
		t.Errorf("entity types %v, want %v", info.EntityTypes, g.NodeTypes())
	}
	if info.RelationTypes != nil && !slices.Equal(info.RelationTypes, g.EdgeTypes()) {
		t.Errorf("relation types %v, want %v", info.RelationTypes, g.EdgeTypes())
	}
}

// checkHits checks what every search answer must be: at most limit hits,
// no entity twice, records as in g, best first with ties by degree then id.
func checkHits(t *testing.T, g *graph.Graph, hits []source.Hit, limit int, what string) {
	t.Helper()
	if limit > 0 && len(hits) > limit {
		t.Errorf("%s: %d hits, over the limit %d", what, len(hits), limit)
	}
	seen := map[string]bool{}
	for i, h := range hits {
		v, ok := g.NodeIndex(h.ID)
		if !ok {
			t.Errorf("%s: hit %q is not in the graph", what, h.ID)
			continue
		}
		if seen[h.ID] {
			t.Errorf("%s: %q found twice", what, h.ID)
		}
		seen[h.ID] = true
		n := g.Node(v)
		if h.Type != n.Type || h.Label != n.Label || h.Degree != g.Degree(v) {
			t.Errorf("%s: hit %+v, but the entity is %s %q of degree %d", what, h, n.Type, n.Label, g.Degree(v))
		}
		if i > 0 {
			p := hits[i-1]
			if p.Score < h.Score || p.Score == h.Score && (p.Degree < h.Degree || p.Degree == h.Degree && p.ID > h.ID) {
				t.Errorf("%s: hit %d %+v ranks after %+v", what, i, h, p)
			}
		}
	}
}

func testSearch(t *testing.T, open Opener) {
	g := CaseGraph()
	s := open(t, g)
	for _, c := range []struct{ q, want string }{
		{"CNIL", "cnil"},
		{"cnil", "cnil"},
		{"commission nationale de l'informatique et des libertes", "cnil"}, // alias, accents and apostrophe folded
		{"COMMISSION NATIONALE DE L’INFORMATIQUE", "cnil"},
		{"SOCIETE GENERALE", "sg"},
		{"Société Générale", "sg"},
		{"muller", "muller"},
		{"Jurgen Muller", "muller"},
		{"aland", "aland"},
		{"clearv", "clearview"},      // prefix
		{"Clearviw AI", "clearview"}, // typo
		{"smartcheckr", "clearview"}, // alias
		{"none of your business", "noyb"},
		{"information commissioners office", "ico"},
		{"ICO", "ico"},
	} {
		hits, err := s.Search(ctx, c.q, 5)
		if err != nil {
			t.Fatalf("search %q: %v", c.q, err)
		}
		checkHits(t, g, hits, 5, fmt.Sprintf("search %q", c.q))
		if len(hits) == 0 || hits[0].ID != c.want {
			t.Errorf("search %q: %v, want %s first", c.q, hits, c.want)
		}
	}
	for _, q := range []string{"", "   ", "--", "zzzqqqxxx"} {
		hits, err := s.Search(ctx, q, 5)
		if err != nil || len(hits) != 0 {
			t.Errorf("search %q: %v, %v; want nothing", q, hits, err)
		}
	}
	// the limit, and the same answer twice
	all, err := s.Search(ctx, "c", 0)
	if err != nil {
		t.Fatal(err)
	}
	checkHits(t, g, all, 0, `search "c"`)
	if len(all) < 3 {
		t.Fatalf(`search "c" found %v, want at least CNIL, Clearview AI and the ICO`, all)
	}
	two, err := s.Search(ctx, "c", 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(two, all[:2]) {
		t.Errorf(`search "c" limit 2 = %v, want the first two of %v`, two, all)
	}
}

func testSearchRandom(t *testing.T, open Opener) {
	g := RandomGraph(3, 150, 300)
	s := open(t, g)
	for v := int32(0); v < int32(g.NodeCount()); v++ {
		n := g.Node(v)
		qs := []string{n.Label, strings.ToUpper(n.Label)}
		for _, a := range n.Aliases {
			qs = append(qs, a, graph.Fold(a))
		}
		for _, q := range qs {
			hits, err := s.Search(ctx, q, 3)
			if err != nil {
				t.Fatal(err)
			}
			checkHits(t, g, hits, 3, fmt.Sprintf("search %q", q))
			if len(hits) == 0 || hits[0].ID != n.ID {
				t.Errorf("search %q: %v, want %s first", q, hits, n.ID)
			}
		}
	}
	companies := 0
	for v := int32(0); v < int32(g.NodeCount()); v++ {
		if g.Node(v).Type == "company" {
			companies++
		}
	}
	hits, err := s.Search(ctx, "company", 5)
	if err != nil {
		t.Fatal(err)
	}
	checkHits(t, g, hits, 5, `search "company"`)
	if len(hits) != min(5, companies) {
		t.Fatalf(`search "company" limit 5: %d hits (%d companies)`, len(hits), companies)
	}
	for _, h := range hits {
		if h.Type != "company" {
			t.Errorf(`search "company": %+v ranks among the first 5, before companies`, h)
		}
	}
	all, err := s.Search(ctx, "company", 0)
	if err != nil {
		t.Fatal(err)
	}
	checkHits(t, g, all, 0, `search "company"`)
	if len(all) < companies {
		t.Errorf(`search "company" without limit: %d hits for %d companies`, len(all), companies)
	}
}

// expandCase is an expansion of CaseGraph and its answer, written out.
type expandCase struct {
	name      string
	ids       []string
	opt       source.ExpandOptions
	entities  []string
	relations []string
	hops      map[string]int
	truncated bool
}

var expandCases = []expandCase{
	{name: "depth 1", ids: []string{"cnil"}, opt: source.ExpandOptions{Depth: 1},
		entities:  []string{"cnil", "clearview", "garante"},
		relations: []string{"r03", "r04", "r05", "r06", "r11", "r15"},
		hops:      map[string]int{"cnil": 0, "clearview": 1, "garante": 1}},
	{name: "limit keeps the most connected", ids: []string{"cnil"}, opt: source.ExpandOptions{Depth: 1, Limit: 1},
		entities: []string{"cnil", "clearview"}, relations: []string{"r03", "r04", "r05", "r11"},
		hops: map[string]int{"cnil": 0, "clearview": 1}, truncated: true},
	{name: "relation types", ids: []string{"cnil"}, opt: source.ExpandOptions{Depth: 2, RelationTypes: []string{"fined"}},
		entities:  []string{"cnil", "clearview", "garante", "ico"},
		relations: []string{"r03", "r04", "r06", "r07"},
		hops:      map[string]int{"cnil": 0, "clearview": 1, "garante": 2, "ico": 2}},
	{name: "out, ties by id", ids: []string{"clearview"}, opt: source.ExpandOptions{Depth: 1, Direction: source.Out},
		entities:  []string{"clearview", "sg", "police", "walmart"},
		relations: []string{"r08", "r09", "r11", "r13"},
		hops:      map[string]int{"clearview": 0, "sg": 1, "police": 1, "walmart": 1}},
	{name: "in", ids: []string{"clearview"}, opt: source.ExpandOptions{Depth: 1, Direction: source.In},
		entities:  []string{"clearview", "cnil", "garante", "noyb", "pi", "hoan", "ico"},
		relations: []string{"r01", "r02", "r03", "r04", "r05", "r06", "r07", "r10", "r11", "r14", "r15"},
		hops:      map[string]int{"clearview": 0, "cnil": 1, "garante": 1, "noyb": 1, "pi": 1, "hoan": 1, "ico": 1}},
	{name: "in, limit 3 of 6", ids: []string{"clearview"}, opt: source.ExpandOptions{Depth: 4, Direction: source.In, Limit: 3},
		entities:  []string{"clearview", "cnil", "garante", "noyb"},
		relations: []string{"r02", "r03", "r04", "r05", "r06", "r11", "r15"},
		hops:      map[string]int{"clearview": 0, "cnil": 1, "garante": 1, "noyb": 1}, truncated: true},
	{name: "out stops at a sink", ids: []string{"muller"}, opt: source.ExpandOptions{Depth: 5, Direction: source.Out},
		entities: []string{"muller", "sg"}, relations: []string{"r12"},
		hops: map[string]int{"muller": 0, "sg": 1}},
	{name: "in from a subject only", ids: []string{"muller"}, opt: source.ExpandOptions{Depth: 5, Direction: source.In},
		entities: []string{"muller"}, hops: map[string]int{"muller": 0}},
	{name: "entity types", ids: []string{"clearview"}, opt: source.ExpandOptions{Depth: 2, EntityTypes: []string{"ngo"}},
		entities: []string{"clearview", "noyb", "pi"}, relations: []string{"r01", "r02", "r11", "r14"},
		hops: map[string]int{"clearview": 0, "noyb": 1, "pi": 1}},
	{name: "entity types are not crossed", ids: []string{"pi"}, opt: source.ExpandOptions{Depth: 3, EntityTypes: []string{"regulator"}},
		entities: []string{"pi"}, hops: map[string]int{"pi": 0}},
	{name: "an unknown relation type allows nothing", ids: []string{"cnil"}, opt: source.ExpandOptions{Depth: 2, RelationTypes: []string{"nope"}},
		entities: []string{"cnil"}, hops: map[string]int{"cnil": 0}},
	{name: "depth 0, seeds deduplicated", ids: []string{"cnil", "clearview", "cnil"}, opt: source.ExpandOptions{},
		entities: []string{"cnil", "clearview"}, relations: []string{"r03", "r04", "r05", "r11"},
		hops: map[string]int{"cnil": 0, "clearview": 0}},
	{name: "depth 0 with known", ids: []string{"walmart"}, opt: source.ExpandOptions{Known: []string{"clearview", "pi", "not-in-source"}},
		entities: []string{"walmart", "clearview"}, relations: []string{"r08"},
		hops: map[string]int{"walmart": 0}},
	{name: "known ends", ids: []string{"hoan"}, opt: source.ExpandOptions{Depth: 1, Known: []string{"cnil", "ico"}},
		entities:  []string{"hoan", "clearview", "cnil", "ico"},
		relations: []string{"r03", "r04", "r05", "r07", "r10", "r11"},
		hops:      map[string]int{"hoan": 0, "clearview": 1}},
	{name: "known entity cut by the limit is an end", ids: []string{"cnil"}, opt: source.ExpandOptions{Depth: 1, Limit: 1, Known: []string{"garante"}},
		entities:  []string{"cnil", "clearview", "garante"},
		relations: []string{"r03", "r04", "r05", "r06", "r11", "r15"},
		hops:      map[string]int{"cnil": 0, "clearview": 1}, truncated: true},
	{name: "limit reached at the last level", ids: []string{"walmart"}, opt: source.ExpandOptions{Depth: 1, Limit: 1},
		entities: []string{"walmart", "clearview"}, relations: []string{"r08", "r11"},
		hops: map[string]int{"walmart": 0, "clearview": 1}},
	{name: "limit reached with a level to go", ids: []string{"walmart"}, opt: source.ExpandOptions{Depth: 2, Limit: 1},
		entities: []string{"walmart", "clearview"}, relations: []string{"r08", "r11"},
		hops: map[string]int{"walmart": 0, "clearview": 1}, truncated: true},
	{name: "isolated", ids: []string{"aland"}, opt: source.ExpandOptions{Depth: 3, Limit: 1},
		entities: []string{"aland"}, hops: map[string]int{"aland": 0}},
	{name: "depth 2 ordered by hops first", ids: []string{"muller"}, opt: source.ExpandOptions{Depth: 2, Limit: 2},
		entities: []string{"muller", "sg", "clearview"}, relations: []string{"r11", "r12", "r13"},
		hops: map[string]int{"muller": 0, "sg": 1, "clearview": 2}},
	{name: "no ids", opt: source.ExpandOptions{Depth: 2}, hops: map[string]int{}},
}

func testExpandCase(t *testing.T, open Opener) {
	g := CaseGraph()
	s := open(t, g)
	for _, c := range expandCases {
		sub, err := s.Expand(ctx, c.ids, c.opt)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		want := answer{entities: c.entities, relations: c.relations, hops: c.hops, truncated: c.truncated}
		checkAnswer(t, g, sub, want, c.name)
		// the hand-written answer is the definition's
		if ref := reference(g, c.ids, c.opt); !slices.Equal(ref.entities, want.entities) ||
			!slices.Equal(ref.relations, want.relations) || !maps.Equal(ref.hops, want.hops) || ref.truncated != want.truncated {
			t.Errorf("%s: the suite's reference gives %+v", c.name, ref)
		}
	}
}

func testExpandRandom(t *testing.T, open Opener) {
	for _, size := range []struct {
		seed uint64
		n, m int
	}{{1, 60, 140}, {2, 200, 320}} {
		g := RandomGraph(size.seed, size.n, size.m)
		s := open(t, g)
		rng := rand.New(rand.NewPCG(size.seed, 99))
		pick := func() string { return g.Node(int32(rng.IntN(g.NodeCount()))).ID }
		subset := func(all []string) []string {
			var out []string
			for _, x := range all {
				if rng.IntN(2) == 0 {
					out = append(out, x)
				}
			}
			return out
		}
		for k := 0; k < 400; k++ {
			ids := []string{"n1"}
			switch k % 4 {
			case 1:
				ids = []string{pick()}
			case 2:
				ids = []string{pick(), pick(), pick()}
			case 3:
				ids = []string{g.Node(int32(g.NodeCount() - 1)).ID, pick()} // an isolated one
			}
			opt := source.ExpandOptions{Depth: rng.IntN(4), Direction: source.Direction(rng.IntN(3))}
			if rng.IntN(3) == 0 {
				opt.RelationTypes = subset(randomRelationTypes)
			}
			if rng.IntN(3) == 0 {
				opt.EntityTypes = subset(randomEntityTypes)
			}
			opt.Limit = []int{0, 0, 1, 2, 5, 17}[rng.IntN(6)]
			if rng.IntN(2) == 0 {
				for j := rng.IntN(20); j > 0; j-- {
					opt.Known = append(opt.Known, pick())
				}
			}
			sub, err := s.Expand(ctx, ids, opt)
			what := fmt.Sprintf("graph %d, expand %v %+v", size.seed, ids, opt)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			checkAnswer(t, g, sub, reference(g, ids, opt), what)
		}
	}
}

func testExpandErrors(t *testing.T, open Opener) {
	s := open(t, CaseGraph())
	_, err := s.Expand(ctx, []string{"nosuch", "cnil", "other"}, source.ExpandOptions{Depth: 1})
	if !errors.Is(err, source.ErrNotFound) || !strings.Contains(err.Error(), "nosuch") || !strings.Contains(err.Error(), "other") {
		t.Errorf("expand from unknown ids: %v, want a not-found error naming both", err)
	}
	_, err = s.Expand(ctx, []string{"r01"}, source.ExpandOptions{Depth: 1})
	if !errors.Is(err, source.ErrNotFound) {
		t.Errorf("expand from a relation id: %v, want a not-found error", err)
	}
	for _, opt := range []source.ExpandOptions{{Depth: -1}, {Depth: 1, Limit: -1}, {Depth: 1, Direction: 7}} {
		if _, err := s.Expand(ctx, []string{"cnil"}, opt); err == nil || errors.Is(err, source.ErrNotFound) {
			t.Errorf("expand %+v: %v, want an error about the options", opt, err)
		}
	}
}

func testFetch(t *testing.T, open Opener) {
	g := CaseGraph()
	s := open(t, g)
	sub, err := s.Fetch(ctx, []string{"r06", "cnil", "r12", "cnil", "r06"})
	if err != nil {
		t.Fatal(err)
	}
	checkSubgraph(t, g, sub, "fetch")
	if got, want := entityIDs(sub), []string{"cnil", "garante", "clearview", "muller", "sg"}; !slices.Equal(got, want) {
		t.Errorf("fetch: entities %v, want %v", got, want)
	}
	if got, want := relationIDs(sub), []string{"r06", "r12"}; !slices.Equal(got, want) {
		t.Errorf("fetch: relations %v, want %v", got, want)
	}
	if len(sub.Sources) != 2 || sub.Sources[0].ID != "a1" || sub.Sources[1].ID != "a2" {
		t.Errorf("fetch: sources %+v, want a1 and a2 (a3 is cited by nothing)", sub.Sources)
	}
	// The records belong to the caller.
	sub.Entities[0].Props["country"] = "XX"
	sub.Entities[2].Props["founders"].([]any)[0] = "nobody"
	sub.Entities[2].Aliases[0] = "changed"
	again, err := s.Fetch(ctx, []string{"cnil", "clearview"})
	if err != nil {
		t.Fatal(err)
	}
	// compared with a fresh copy of the fixture, in case the change reached g
	checkSubgraph(t, CaseGraph(), again, "fetch after changing an earlier answer")

	sub, err = s.Fetch(ctx, nil)
	if err != nil || len(sub.Entities) != 0 || len(sub.Relations) != 0 {
		t.Errorf("fetch nothing: %+v, %v", sub, err)
	}
	_, err = s.Fetch(ctx, []string{"cnil", "nosuch", "r01", "nosuch2"})
	if !errors.Is(err, source.ErrNotFound) || !strings.Contains(err.Error(), `"nosuch"`) || !strings.Contains(err.Error(), `"nosuch2"`) {
		t.Errorf("fetch unknown ids: %v, want a not-found error naming both", err)
	}
}

func testFetchRandom(t *testing.T, open Opener) {
	g := RandomGraph(4, 80, 200)
	s := open(t, g)
	var all []string
	for v := int32(0); v < int32(g.NodeCount()); v++ {
		id := g.Node(v).ID
		all = append(all, id)
		sub, err := s.Fetch(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		checkSubgraph(t, g, sub, "fetch "+id)
		if len(sub.Entities) != 1 || sub.Entities[0].ID != id || len(sub.Relations) != 0 {
			t.Errorf("fetch %s: %v %v", id, entityIDs(sub), relationIDs(sub))
		}
	}
	for r := int32(0); r < int32(g.EdgeCount()); r++ {
		e := g.Edge(r)
		all = append(all, e.ID)
		sub, err := s.Fetch(ctx, []string{e.ID})
		if err != nil {
			t.Fatal(err)
		}
		checkSubgraph(t, g, sub, "fetch "+e.ID)
		ends := []string{g.Node(e.From).ID, g.Node(e.To).ID}
		if e.From == e.To {
			ends = ends[:1]
		}
		if !slices.Equal(entityIDs(sub), ends) || !slices.Equal(relationIDs(sub), []string{e.ID}) {
			t.Errorf("fetch %s: %v %v, want %v and itself", e.ID, entityIDs(sub), relationIDs(sub), ends)
		}
	}
	rng := rand.New(rand.NewPCG(4, 4))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	sub, err := s.Fetch(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	checkSubgraph(t, g, sub, "fetch everything")
	var wantE, wantR []string
	for _, id := range all {
		if _, ok := g.NodeIndex(id); ok {
			wantE = append(wantE, id)
		} else {
			wantR = append(wantR, id)
		}
	}
	if !slices.Equal(entityIDs(sub), wantE) || !slices.Equal(relationIDs(sub), wantR) {
		t.Errorf("fetch everything: not in the order asked")
	}
}

func testCancelled(t *testing.T, open Opener) {
	s := open(t, CaseGraph())
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	expired, cancel2 := context.WithDeadline(ctx, time.Unix(0, 0))
	defer cancel2()
	for _, c := range []struct {
		ctx  context.Context
		want error
	}{{cancelled, context.Canceled}, {expired, context.DeadlineExceeded}} {
		_, err := s.Info(c.ctx)
		if !errors.Is(err, c.want) {
			t.Errorf("info: %v, want %v", err, c.want)
		}
		if _, err := s.Search(c.ctx, "cnil", 5); !errors.Is(err, c.want) {
			t.Errorf("search: %v, want %v", err, c.want)
		}
		if _, err := s.Expand(c.ctx, []string{"cnil"}, source.ExpandOptions{Depth: 2}); !errors.Is(err, c.want) {
			t.Errorf("expand: %v, want %v", err, c.want)
		}
		if _, err := s.Fetch(c.ctx, []string{"cnil"}); !errors.Is(err, c.want) {
			t.Errorf("fetch: %v, want %v", err, c.want)
		}
	}
}

func testClosed(t *testing.T, open Opener) {
	s := open(t, CaseGraph())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Search(ctx, "cnil", 5); err == nil {
		t.Error("search on a closed source: no error")
	}
	if _, err := s.Expand(ctx, []string{"cnil"}, source.ExpandOptions{Depth: 1}); err == nil {
		t.Error("expand on a closed source: no error")
	}
	if _, err := s.Fetch(ctx, []string{"cnil"}); err == nil {
		t.Error("fetch on a closed source: no error")
	}
}

// walkOptions are the path options that walk the graph as an expansion
// with the given direction and relation types does (In walks backwards:
// its paths are read from the far entity to the seed).
func walkOptions(dir source.Direction, rels []string) path.Options {
	return path.Options{Directed: dir != source.Both, RelTypes: rels}
}

// hopsIn returns the length of a shortest path from a to b (by id) in g,
// or -1.
func hopsIn(s *path.Searcher, a, b string, opt path.Options) int {
	g := s.Graph()
	u, ok1 := g.NodeIndex(a)
	v, ok2 := g.NodeIndex(b)
	if !ok1 || !ok2 {
		return -1
	}
	p, ok, err := s.Shortest(context.Background(), u, v, opt)
	if err != nil || !ok {
		return -1
	}
	return p.Len()
}

// testIncremental is gonum's check of a path algorithm on an incrementally
// revealed graph: a working set grown from a seed by expanding, round
// after round, what the last round brought in, holds after r rounds the
// entities within r hops, and shortest paths in it are those of the
// complete graph for every pair whose shortest path cannot leave that
// radius.
func testIncremental(t *testing.T, open Opener) {
	full := RandomGraph(7, 150, 190)
	src := open(t, full)
	fs := path.NewSearcher(full)
	const rounds = 4
	checked := 0
	for _, c := range []struct {
		name string
		dir  source.Direction
		rels []string
	}{
		{"both", source.Both, nil},
		{"out", source.Out, nil},
		{"in", source.In, nil},
		{"two relation types", source.Both, []string{"fined", "owns", "funds"}},
	} {
		for _, seed := range []string{"n1", "n5", "n60", "n150"} {
			what := fmt.Sprintf("%s from %s", c.name, seed)
			ws := view.NewWorkingSet(src, nil)
			if _, err := ws.Seed(ctx, []string{seed}); err != nil {
				t.Fatalf("%s: seed: %v", what, err)
			}
			frontier := []string{seed}
			for r := 1; r <= rounds; r++ {
				exp, err := ws.Expand(ctx, frontier, source.ExpandOptions{Depth: 1, Direction: c.dir, RelationTypes: c.rels})
				if err != nil {
					t.Fatalf("%s: round %d: %v", what, r, err)
				}
				frontier = exp.Entities
				ball := reference(full, []string{seed}, source.ExpandOptions{Depth: r, Direction: c.dir, RelationTypes: c.rels})
				if got := view.KnownIDs(ws.Graph()); !sameSet(got, ball.entities) {
					t.Fatalf("%s: after %d rounds the working set holds %v, want the %d-hop ball %v", what, r, got, r, ball.entities)
				}
			}
			// One expansion of the whole radius gives the same entities.
			once := view.NewWorkingSet(src, nil)
			if _, err := once.Expand(ctx, []string{seed}, source.ExpandOptions{Depth: rounds, Direction: c.dir, RelationTypes: c.rels}); err != nil {
				t.Fatal(err)
			}
			if a, b := view.KnownIDs(once.Graph()), view.KnownIDs(ws.Graph()); !sameSet(a, b) {
				t.Errorf("%s: one expansion of depth %d holds %v, %d rounds of depth 1 hold %v", what, rounds, a, rounds, b)
			}

			opt := walkOptions(c.dir, c.rels)
			wsS := path.NewSearcher(ws.Graph())
			ids := view.KnownIDs(ws.Graph())
			// fromSeed is the walk's distance of each entity from the seed.
			fromSeed := map[string]int{}
			for _, v := range ids {
				if c.dir == source.In {
					fromSeed[v] = hopsIn(fs, v, seed, opt)
				} else {
					fromSeed[v] = hopsIn(fs, seed, v, opt)
				}
			}
			for _, a := range ids {
				for _, b := range ids {
					if a == b {
						continue
					}
					want, got := hopsIn(fs, a, b, opt), hopsIn(wsS, a, b, opt)
					if got >= 0 && (want < 0 || got < want) {
						t.Fatalf("%s: %s to %s takes %d hops in the working set, %d in the graph", what, a, b, got, want)
					}
					// Every entity on a shortest a-b path is within reach
					// of the seed when a (or, walking in, b) is close enough.
					near := fromSeed[a]
					if c.dir == source.In {
						near = fromSeed[b]
					}
					if want >= 0 && near+want <= rounds {
						checked++
						if got != want {
							t.Errorf("%s: %s to %s takes %d hops in the working set, %d in the graph", what, a, b, got, want)
						}
					}
				}
			}
		}
	}
	t.Logf("%d pairs within the radius", checked)
	if checked < 100 {
		t.Errorf("only %d pairs were within the radius: the fixture is too sparse to test anything", checked)
	}
}

// testInduced grows a working set as an analyst clicks: random entities,
// random depths, directions and small limits. Whatever the order, the
// working set is the subgraph of the source induced by its entities, its
// records are exact, no shortest path in it is shorter than in the
// complete graph, and undoing every step empties it.
func testInduced(t *testing.T, open Opener) {
	full := RandomGraph(11, 90, 200)
	src := open(t, full)
	ws := view.NewWorkingSet(src, nil)
	g := ws.Graph()
	if _, err := ws.Seed(ctx, []string{"n1"}); err != nil {
		t.Fatal(err)
	}
	steps := 1
	rng := rand.New(rand.NewPCG(11, 11))
	for k := 0; k < 30; k++ {
		from := g.Node(int32(rng.IntN(g.NodeCount()))).ID
		opt := source.ExpandOptions{Depth: 1 + rng.IntN(2), Limit: 1 + rng.IntN(4), Direction: source.Direction(rng.IntN(3))}
		exp, err := ws.Expand(ctx, []string{from}, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !exp.Empty() {
			steps++
			if name, _ := g.UndoName(); name != exp.Name {
				t.Errorf("undo would %q, want %q", name, exp.Name)
			}
		}
		if len(exp.Entities) > opt.Limit {
			t.Errorf("expand %s %+v added %d entities", from, opt, len(exp.Entities))
		}
		checkInduced(t, full, g, fmt.Sprintf("after expanding %s %+v", from, opt))
	}
	fs, wsS := path.NewSearcher(full), path.NewSearcher(g)
	for i := int32(0); i < int32(g.NodeCount()); i++ {
		for j := int32(0); j < int32(g.NodeCount()); j++ {
			a, b := g.Node(i).ID, g.Node(j).ID
			if want, got := hopsIn(fs, a, b, path.Options{}), hopsIn(wsS, a, b, path.Options{}); got >= 0 && got < want || got >= 0 && want < 0 {
				t.Fatalf("%s to %s: %d hops in the working set, %d in the graph", a, b, got, want)
			}
		}
	}
	for ; steps > 0; steps-- {
		if _, err := g.Undo(); err != nil {
			t.Fatal(err)
		}
		checkInduced(t, full, g, "after an undo")
	}
	if g.NodeCount() != 0 || g.EdgeCount() != 0 {
		t.Errorf("undoing every step left %d entities, %d relations", g.NodeCount(), g.EdgeCount())
	}
}

// checkInduced checks that ws holds the records of full exactly, and every
// relation of full between two of its entities.
func checkInduced(t *testing.T, full, ws *graph.Graph, what string) {
	t.Helper()
	for v := int32(0); v < int32(ws.NodeCount()); v++ {
		n := ws.Node(v)
		fv, ok := full.NodeIndex(n.ID)
		if !ok || !sameEntity(entityRecord(ws, v), entityRecord(full, fv)) {
			t.Fatalf("%s: entity %s differs from the source's", what, n.ID)
		}
	}
	want := 0
	for r := int32(0); r < int32(full.EdgeCount()); r++ {
		e := full.Edge(r)
		_, ok1 := ws.NodeIndex(full.Node(e.From).ID)
		_, ok2 := ws.NodeIndex(full.Node(e.To).ID)
		if !ok1 || !ok2 {
			continue
		}
		want++
		wr, ok := ws.EdgeIndex(e.ID)
		if !ok {
			t.Fatalf("%s: relation %s joins two entities of the working set but is not in it", what, e.ID)
		}
		if !sameRelation(relationRecord(ws, wr), relationRecord(full, r)) {
			t.Fatalf("%s: relation %s differs from the source's", what, e.ID)
		}
	}
	if ws.EdgeCount() != want {
		t.Fatalf("%s: %d relations, want %d", what, ws.EdgeCount(), want)
	}
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
