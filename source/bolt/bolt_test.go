package bolt

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/sourcetest"
)

func anyList[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func paramStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// graphHandler answers the source's queries (told apart by their
// /* linkscope KIND */ comment) from g, as a server holding g in the
// model of MODEL.md would: it is the meaning of each Cypher query,
// written in Go. It checks that every parameter the query names was sent.
func graphHandler(g *graph.Graph) handler {
	t := g.Topology()
	return func(q string, p map[string]any) ([]string, [][]any, error) {
		for _, word := range strings.Fields(strings.NewReplacer("(", " ", ")", " ", ",", " ").Replace(q)) {
			if strings.HasPrefix(word, "$") {
				if _, ok := p[word[1:]]; !ok {
					return nil, nil, fmt.Errorf("parameter %s is not set", word)
				}
			}
		}
		kind := ""
		if i := strings.Index(q, "/* linkscope "); i >= 0 {
			rest := q[i+len("/* linkscope "):]
			kind = rest[:strings.Index(rest, " */")]
		}
		limit := -1
		if l, ok := p["limit"].(int64); ok {
			limit = int(l)
		} else if strings.Contains(q, "LIMIT $limit") {
			return nil, nil, fmt.Errorf("LIMIT $limit without a limit")
		}
		cut := func(rows [][]any) [][]any {
			if limit >= 0 && len(rows) > limit {
				return rows[:limit]
			}
			return rows
		}
		node := func(v int32) map[string]any { return NodeProperties(g, v) }
		nameRow := func(v int32) []any {
			np := node(v)
			return []any{np["id"], np["type"], np["label"], int64(g.Degree(v)),
				anyList(np["names"].([]string)), anyList(np["shown"].([]string)), anyList(np["bonuses"].([]float64))}
		}
		nameFields := []string{"id", "type", "label", "degree", "names", "shown", "bonuses"}
		switch kind {
		case "exists":
			var rows [][]any
			for _, id := range paramStrings(p["ids"]) {
				if _, ok := g.NodeIndex(id); ok {
					rows = append(rows, []any{id})
				}
			}
			return []string{"id"}, cut(rows), nil
		case "info":
			return []string{"title", "description", "entities", "relations"},
				[][]any{{g.Title, g.Description, int64(g.NodeCount()), int64(g.EdgeCount())}}, nil
		case "search":
			fq, _ := p["q"].(string)
			type scored struct {
				v     int32
				score float64
			}
			var ss []scored
			for v := int32(0); v < int32(g.NodeCount()); v++ {
				np := node(v)
				best := 0.0
				for i, n := range np["names"].([]string) {
					if strings.Contains(n, fq) {
						best = max(best, graph.NameScore(fq, n)+np["bonuses"].([]float64)[i])
					}
				}
				if best > 0 {
					ss = append(ss, scored{v, best})
				}
			}
			slices.SortFunc(ss, func(a, b scored) int {
				switch {
				case a.score != b.score:
					if a.score > b.score {
						return -1
					}
					return 1
				case g.Degree(a.v) != g.Degree(b.v):
					return g.Degree(b.v) - g.Degree(a.v)
				}
				return strings.Compare(g.Node(a.v).ID, g.Node(b.v).ID)
			})
			var rows [][]any
			for _, s := range ss {
				rows = append(rows, append(nameRow(s.v), s.score))
			}
			return append(nameFields, "score"), cut(rows), nil
		case "fuzzy":
			// a full-text index returns candidates; here, every entity
			var rows [][]any
			for v := int32(0); v < int32(g.NodeCount()); v++ {
				rows = append(rows, nameRow(v))
			}
			return nameFields, cut(rows), nil
		case "top":
			var rows [][]any
			vs := make([]int32, g.NodeCount())
			for i := range vs {
				vs[i] = int32(i)
			}
			slices.SortFunc(vs, func(a, b int32) int {
				if g.Degree(a) != g.Degree(b) {
					return g.Degree(b) - g.Degree(a)
				}
				return strings.Compare(g.Node(a).ID, g.Node(b).ID)
			})
			for _, v := range vs {
				rows = append(rows, []any{g.Node(v).ID, g.Node(v).Type, g.Node(v).Label, int64(g.Degree(v))})
			}
			return []string{"id", "type", "label", "degree"}, cut(rows), nil
		case "entities":
			var rows [][]any
			for _, id := range paramStrings(p["ids"]) {
				if v, ok := g.NodeIndex(id); ok {
					np := node(v)
					rows = append(rows, []any{id, np["type"], np["label"], anyList(np["aliases"].([]string)), np["props"], np["sources"]})
				}
			}
			return []string{"id", "type", "label", "aliases", "props", "sources"}, cut(rows), nil
		case "relation-records":
			var rows [][]any
			for _, id := range paramStrings(p["ids"]) {
				if r, ok := g.EdgeIndex(id); ok {
					e := g.Edge(r)
					rp := RelationshipProperties(g, r)
					rows = append(rows, []any{id, g.Node(e.From).ID, g.Node(e.To).ID, e.Type, rp["date"], rp["props"], rp["sources"]})
				}
			}
			return []string{"id", "source", "target", "type", "date", "props", "sources"}, cut(rows), nil
		case "sources":
			var rows [][]any
			ids := paramStrings(p["ids"])
			slices.Sort(ids)
			for _, id := range ids {
				if s, ok := g.Source(id); ok {
					rows = append(rows, []any{s.ID, s.Title, s.Publisher, s.Published.String(), s.Language, s.URL, s.File, s.Note})
				}
			}
			return []string{"id", "title", "publisher", "published", "language", "url", "file", "note"}, cut(rows), nil
		case "level":
			frontier, visited := paramStrings(p["frontier"]), set(paramStrings(p["visited"]))
			_, byRel := p["relTypes"]
			_, byType := p["entityTypes"]
			relTypes, entTypes := set(paramStrings(p["relTypes"])), set(paramStrings(p["entityTypes"]))
			out, in := true, true
			if strings.Contains(q, "-[r]->") {
				in = false
			} else if strings.Contains(q, "<-[r]-") {
				out = false
			}
			seen := map[int32]bool{}
			var found []int32
			for _, id := range frontier {
				f, ok := g.NodeIndex(id)
				if !ok {
					continue
				}
				var arcs []graph.Arc
				if out {
					arcs = append(arcs, t.OutArcs(f)...)
				}
				if in {
					arcs = append(arcs, t.InArcs(f)...)
				}
				for _, a := range arcs {
					n := g.Node(a.Node)
					if seen[a.Node] || visited[n.ID] || byRel && !relTypes[g.Edge(a.Rel).Type] || byType && !entTypes[n.Type] {
						continue
					}
					seen[a.Node] = true
					found = append(found, a.Node)
				}
			}
			slices.SortFunc(found, func(a, b int32) int {
				if g.Degree(a) != g.Degree(b) {
					return g.Degree(b) - g.Degree(a)
				}
				return strings.Compare(g.Node(a).ID, g.Node(b).ID)
			})
			var rows [][]any
			for _, v := range found {
				rows = append(rows, []any{g.Node(v).ID, int64(g.Degree(v))})
			}
			return []string{"id", "degree"}, cut(rows), nil
		case "relations":
			result, all, known := set(paramStrings(p["result"])), set(paramStrings(p["all"])), set(paramStrings(p["known"]))
			_, byRel := p["relTypes"]
			relTypes := set(paramStrings(p["relTypes"]))
			var ids []string
			ends := map[string][2]string{}
			for r := int32(0); r < int32(g.EdgeCount()); r++ {
				e := g.Edge(r)
				a, b := g.Node(e.From).ID, g.Node(e.To).ID
				if (result[a] && all[b] || result[b] && known[a]) && (!byRel || relTypes[e.Type]) {
					ids = append(ids, e.ID)
					ends[e.ID] = [2]string{a, b}
				}
			}
			slices.Sort(ids)
			var rows [][]any
			for _, id := range ids {
				rows = append(rows, []any{id, ends[id][0], ends[id][1]})
			}
			return []string{"id", "source", "target"}, cut(rows), nil
		}
		return nil, nil, fmt.Errorf("unknown query %q", q)
	}
}

// openOn starts a responder holding g and opens the source on it.
func openOn(t *testing.T, g *graph.Graph) (*Source, *responder) {
	t.Helper()
	r := startResponder(t, graphHandler(g))
	s, err := Open(context.Background(), r.uri(), "neo4j", "secret", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, r
}

// The conformance suite, over the real driver and the Bolt exchange, with
// the server's side answered from the fixture graphs.
func TestConformanceOverBolt(t *testing.T) {
	sourcetest.Run(t, func(t *testing.T, g *graph.Graph) source.Source {
		s, _ := openOn(t, g)
		return s
	})
}

// Every query the source sends carries a LIMIT and passes ids and types
// as parameters; an expansion's LIMIT is the cap plus one.
func TestQueriesCarryLimitsAndParameters(t *testing.T) {
	g := sourcetest.CaseGraph()
	s, r := openOn(t, g)
	ctx := context.Background()
	if _, err := s.Expand(ctx, []string{"clearview"}, source.ExpandOptions{Depth: 2, Limit: 3, RelationTypes: []string{"fined"}, Direction: source.In}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Search(ctx, "Clearviw", 5); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(ctx, []string{"r03", "cnil"}); err != nil {
		t.Fatal(err)
	}
	calls := r.Calls()
	kinds := map[string]int{}
	for _, c := range calls {
		if !strings.Contains(c.Query, "LIMIT $limit") {
			t.Errorf("no LIMIT in %q", c.Query)
		}
		for _, id := range []string{"clearview", "cnil", "r03", "fined"} {
			if strings.Contains(c.Query, "'"+id+"'") || strings.Contains(c.Query, `"`+id+`"`) {
				t.Errorf("%q spliced into %q", id, c.Query)
			}
		}
		kind := strings.Fields(strings.TrimPrefix(c.Query, "/* linkscope "))[0]
		kinds[kind]++
		if kind == "level" {
			if !strings.Contains(c.Query, "<-[r]-") || !strings.Contains(c.Query, "type(r) IN $relTypes") {
				t.Errorf("level query %q: not the walk asked for", c.Query)
			}
			if kinds[kind] == 1 && c.Params["limit"] != int64(4) {
				t.Errorf("first level's LIMIT %v, want the cap 3 plus one", c.Params["limit"])
			}
		}
	}
	for _, k := range []string{"exists", "level", "relations", "entities", "search", "fuzzy", "relation-records", "sources"} {
		if kinds[k] == 0 {
			t.Errorf("no %s query among %v", k, kinds)
		}
	}
}

// A server's failure comes back as an error, and the source goes on.
func TestServerFailure(t *testing.T) {
	r := startResponder(t, func(q string, p map[string]any) ([]string, [][]any, error) {
		return nil, nil, fmt.Errorf("boom")
	})
	s, err := Open(context.Background(), r.uri(), "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Info(context.Background()); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("info on a failing server: %v", err)
	}
	if _, err := s.Expand(context.Background(), []string{"x"}, source.ExpandOptions{}); err == nil {
		t.Error("expand on a failing server: no error")
	}
}

func TestOpenURL(t *testing.T) {
	s, r := openOn(t, sourcetest.CaseGraph())
	s.Close()
	u, err := OpenURL(context.Background(), strings.Replace(r.uri(), "bolt://", "bolt://neo4j:pw@", 1)+"?database=neo4j")
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if u.database != "neo4j" {
		t.Errorf("database %q", u.database)
	}
	info, err := u.Info(context.Background())
	if err != nil || info.Entities != 12 {
		t.Errorf("info %+v, %v", info, err)
	}
	if hits, err := u.Top(context.Background(), 2); err != nil || len(hits) != 2 || hits[0].ID != "clearview" {
		t.Errorf("top %v, %v", hits, err)
	}
}
