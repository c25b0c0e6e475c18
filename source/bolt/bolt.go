// Package bolt is the [source.Source] over a graph held in Neo4j or
// Memgraph, through the official Go driver (Bolt protocol), speaking
// Cypher with parameters and a LIMIT in every query (cypher.go). The
// graph's shape on the server is described in MODEL.md.
//
// It has not been run against a live server (none can run where it was
// written): its tests drive the real driver against an in-test Bolt
// responder that answers each query from an in-memory graph, which checks
// the protocol exchange, the parameters and this package's logic, not the
// Cypher's meaning on a real server.
package bolt

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// maxRows bounds the queries whose answer the request itself bounds (the
// records of given ids, the relations among a result).
const maxRows = 10_000_000

// Source is the [source.Source] over a Neo4j or Memgraph database.
type Source struct {
	driver   neo4j.DriverWithContext
	database string
	closed   atomic.Bool
}

var _ source.Source = (*Source)(nil)

// Open connects to uri (bolt://host:7687, neo4j://…) with user and
// password (no authentication when user is empty) and the database
// (the server's default when empty).
func Open(ctx context.Context, uri, user, password, database string) (*Source, error) {
	auth := neo4j.NoAuth()
	if user != "" {
		auth = neo4j.BasicAuth(user, password, "")
	}
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return nil, fmt.Errorf("bolt: %w", err)
	}
	return &Source{driver: d, database: database}, nil
}

// Close implements [source.Source].
func (s *Source) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.driver.Close(context.Background())
}

func (s *Source) start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.closed.Load() {
		return source.ErrClosed
	}
	return nil
}

// run sends one read query and returns its records as maps.
func (s *Source) run(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		if c := ctx.Err(); c != nil {
			return nil, fmt.Errorf("bolt: %w (%v)", c, err)
		}
		return nil, fmt.Errorf("bolt: %w", err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func integer(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, str(x))
	}
	return out
}

func floats(v any) []float64 {
	l, _ := v.([]any)
	out := make([]float64, 0, len(l))
	for _, x := range l {
		f, _ := x.(float64)
		out = append(out, f)
	}
	return out
}

// Info implements [source.Source]; types are not counted (nil), as that
// would scan the graph.
func (s *Source) Info(ctx context.Context) (source.Info, error) {
	if err := s.start(ctx); err != nil {
		return source.Info{}, err
	}
	rows, err := s.run(ctx, qInfo, nil)
	if err != nil {
		return source.Info{}, err
	}
	info := source.Info{Entities: -1, Relations: -1}
	if len(rows) == 1 {
		r := rows[0]
		info.Title, info.Description = str(r["title"]), str(r["description"])
		info.Entities, info.Relations = integer(r["entities"]), integer(r["relations"])
	}
	return info, nil
}

// Search implements [source.Searcher]: the names containing the folded
// query, scored by Cypher as the in-memory index scores them, ORDER BY and
// LIMIT in the query; when they do not fill the limit, typo-tolerant
// candidates from the full-text index (fuzzy Lucene terms), scored in Go
// with the in-memory index's edit distance.
func (s *Source) Search(ctx context.Context, query string, limit int) ([]source.Hit, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	q := graph.Fold(query)
	if q == "" {
		return nil, nil
	}
	lim := limit
	if lim <= 0 {
		lim = maxRows
	}
	rows, err := s.run(ctx, qSearch, map[string]any{"q": q, "qlen": len(q), "limit": lim})
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	var hits []source.Hit
	for _, r := range rows {
		h, ok := hit(q, r, false)
		if ok {
			hits = append(hits, h)
			found[h.ID] = true
		}
	}
	sortHits(hits)
	if len(q) < 3 || limit > 0 && len(hits) >= limit {
		return hits, nil
	}
	rows, err = s.run(ctx, qFuzzy, map[string]any{"lucene": luceneFuzzy(q), "limit": 2000})
	if err != nil {
		return nil, err
	}
	var fuzzy []source.Hit
	for _, r := range rows {
		if h, ok := hit(q, r, true); ok && !found[h.ID] {
			found[h.ID] = true
			fuzzy = append(fuzzy, h)
		}
	}
	sortHits(fuzzy)
	hits = append(hits, fuzzy...)
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// hit scores a search row's names in Go (the entity's best name, the
// first of equal ones); fuzzyOnly keeps typo-tolerant matches only.
func hit(q string, r map[string]any, fuzzyOnly bool) (source.Hit, bool) {
	names, shown, bonuses := strs(r["names"]), strs(r["shown"]), floats(r["bonuses"])
	h := source.Hit{ID: str(r["id"]), Type: str(r["type"]), Label: str(r["label"]), Degree: integer(r["degree"])}
	for i, n := range names {
		if fuzzyOnly && strings.Contains(n, q) {
			return h, false
		}
		sc := graph.NameScore(q, n)
		if sc == 0 {
			continue
		}
		if i < len(bonuses) {
			sc += bonuses[i]
		}
		if sc > h.Score {
			h.Score = sc
			if i < len(shown) {
				h.Matched = shown[i]
			}
		}
	}
	return h, h.Score > 0
}

func sortHits(hs []source.Hit) {
	slices.SortFunc(hs, func(a, b source.Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Degree, a.Degree); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// luceneFuzzy is the full-text query for the words of a folded query, each
// allowed one edit per four characters (Lucene allows at most two).
func luceneFuzzy(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		d := min(max(len(w)/4, 1), 2)
		terms = append(terms, fmt.Sprintf("%s~%d", w, d))
	}
	return strings.Join(terms, " OR ")
}

// Top lists the n most connected entities.
func (s *Source) Top(ctx context.Context, n int) ([]source.Hit, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	rows, err := s.run(ctx, qTop, map[string]any{"limit": n})
	if err != nil {
		return nil, err
	}
	hits := make([]source.Hit, len(rows))
	for i, r := range rows {
		hits[i] = source.Hit{ID: str(r["id"]), Type: str(r["type"]), Label: str(r["label"]), Degree: integer(r["degree"]), Score: 1}
		hits[i].Matched = hits[i].Label
	}
	return hits, nil
}

func (s *Source) existing(ctx context.Context, ids []string) (map[string]bool, error) {
	rows, err := s.run(ctx, qExists, map[string]any{"ids": ids, "limit": len(ids)})
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	for _, r := range rows {
		found[str(r["id"])] = true
	}
	return found, nil
}

// Expand implements [source.Expander]: one Cypher query per level of the
// walk (levelCypher, LIMIT what the limit leaves plus one), one for the
// relations of the result, and the records' queries.
func (s *Source) Expand(ctx context.Context, ids []string, opt source.ExpandOptions) (*source.Subgraph, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	switch {
	case opt.Depth < 0:
		return nil, fmt.Errorf("bolt: expand: depth %d is negative", opt.Depth)
	case opt.Limit < 0:
		return nil, fmt.Errorf("bolt: expand: limit %d is negative", opt.Limit)
	case opt.Direction < source.Both || opt.Direction > source.In:
		return nil, fmt.Errorf("bolt: expand: unknown direction %d", int(opt.Direction))
	}
	seeds := source.Dedupe(ids)
	if len(seeds) == 0 {
		return &source.Subgraph{Hops: map[string]int{}}, nil
	}
	found, err := s.existing(ctx, seeds)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, id := range seeds {
		if !found[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, &source.NotFoundError{Op: "expand", IDs: missing}
	}
	base := map[string]any{}
	if len(opt.RelationTypes) > 0 {
		base["relTypes"] = opt.RelationTypes
	}
	if len(opt.EntityTypes) > 0 {
		base["entityTypes"] = opt.EntityTypes
	}
	level := func(frontier, visited []string, limit int) ([]string, error) {
		p := maps.Clone(base)
		p["frontier"], p["visited"] = frontier, visited
		if limit > 0 {
			p["limit"] = limit
		}
		rows, err := s.run(ctx, levelCypher(opt.Direction, len(opt.RelationTypes) > 0, len(opt.EntityTypes) > 0, limit > 0), p)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(rows))
		for i, r := range rows {
			out[i] = str(r["id"])
		}
		return out, nil
	}
	hops := map[string]int{}
	for _, id := range seeds {
		hops[id] = 0
	}
	visited := slices.Clone(seeds)
	var kept []string
	truncated := false
	frontier := seeds
	for d := 1; d <= opt.Depth && len(frontier) > 0; d++ {
		lim := 0
		if opt.Limit > 0 {
			lim = opt.Limit - len(kept) + 1
		}
		next, err := level(frontier, visited, lim)
		if err != nil {
			return nil, err
		}
		if opt.Limit > 0 && len(kept)+len(next) > opt.Limit {
			next, truncated = next[:opt.Limit-len(kept)], true
		}
		for _, v := range next {
			hops[v] = d
		}
		kept = append(kept, next...)
		visited = append(visited, next...)
		if truncated {
			break
		}
		if opt.Limit > 0 && len(kept) == opt.Limit && d < opt.Depth {
			more, err := level(next, visited, 1)
			if err != nil {
				return nil, err
			}
			truncated = len(more) > 0
			break
		}
		frontier = next
	}
	result := append(slices.Clone(seeds), kept...)
	known := []string{}
	for _, id := range source.Dedupe(opt.Known) {
		if _, in := hops[id]; !in {
			known = append(known, id)
		}
	}
	p := maps.Clone(base)
	p["result"], p["all"], p["known"], p["limit"] = result, append(slices.Clone(result), known...), known, maxRows
	rows, err := s.run(ctx, relationsCypher(len(opt.RelationTypes) > 0), p)
	if err != nil {
		return nil, err
	}
	var rels, ends []string
	endSeen := map[string]bool{}
	for _, r := range rows {
		rels = append(rels, str(r["id"]))
		for _, v := range []string{str(r["source"]), str(r["target"])} {
			if _, in := hops[v]; !in && !endSeen[v] {
				endSeen[v] = true
				ends = append(ends, v)
			}
		}
	}
	slices.Sort(ends)
	sub, err := s.records(ctx, append(result, ends...), rels)
	if err != nil {
		return nil, err
	}
	sub.Truncated = truncated
	sub.Hops = make(map[string]int, len(result))
	for _, v := range result {
		sub.Hops[v] = hops[v]
	}
	return sub, nil
}

// Fetch implements [source.Fetcher].
func (s *Source) Fetch(ctx context.Context, ids []string) (*source.Subgraph, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	ids = source.Dedupe(ids)
	if len(ids) == 0 {
		return &source.Subgraph{}, nil
	}
	isEntity, err := s.existing(ctx, ids)
	if err != nil {
		return nil, err
	}
	var rest []string
	for _, id := range ids {
		if !isEntity[id] {
			rest = append(rest, id)
		}
	}
	relRows := map[string]map[string]any{}
	if len(rest) > 0 {
		rows, err := s.run(ctx, qRelationRecords, map[string]any{"ids": rest, "limit": len(rest)})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			relRows[str(r["id"])] = r
		}
	}
	nodes, rels, err := source.FetchSets(ids, func(id string) bool { return isEntity[id] },
		func(id string) (string, string, bool) {
			r := relRows[id]
			return str(r["source"]), str(r["target"]), r != nil
		})
	if err != nil {
		return nil, err
	}
	return s.records(ctx, nodes, rels)
}

// decodeJSON decodes a property held as JSON text (props, citations).
func decodeJSON[T any](v any, what string) (T, error) {
	var out T
	text := str(v)
	if text == "" {
		return out, nil
	}
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		return out, fmt.Errorf("bolt: %s: %w", what, err)
	}
	return out, nil
}

func decodeCitations(v any, what string) ([]graph.Citation, error) {
	cs, err := decodeJSON[[]citation](v, what+" sources")
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	out := make([]graph.Citation, len(cs))
	for i, c := range cs {
		out[i] = graph.Citation(c)
	}
	return out, nil
}

// records loads the records of entities and relations (ids that exist) in
// that order, and the dataset sources they cite.
func (s *Source) records(ctx context.Context, entities, relations []string) (*source.Subgraph, error) {
	sub := &source.Subgraph{Entities: []source.Entity{}, Relations: []source.Relation{}}
	cited := map[string]bool{}
	if len(entities) > 0 {
		rows, err := s.run(ctx, qEntities, map[string]any{"ids": entities, "limit": len(entities)})
		if err != nil {
			return nil, err
		}
		byID := map[string]source.Entity{}
		for _, r := range rows {
			e := source.Entity{ID: str(r["id"]), Type: str(r["type"]), Label: str(r["label"])}
			if a := strs(r["aliases"]); len(a) > 0 {
				e.Aliases = a
			}
			if e.Props, err = decodeJSON[map[string]any](r["props"], "entity "+e.ID+" props"); err != nil {
				return nil, err
			}
			if e.Sources, err = decodeCitations(r["sources"], "entity "+e.ID); err != nil {
				return nil, err
			}
			byID[e.ID] = e
		}
		for _, id := range entities {
			if e, ok := byID[id]; ok {
				sub.Entities = append(sub.Entities, e)
				for _, c := range e.Sources {
					cited[c.Source] = true
				}
			}
		}
	}
	if len(relations) > 0 {
		rows, err := s.run(ctx, qRelationRecords, map[string]any{"ids": relations, "limit": len(relations)})
		if err != nil {
			return nil, err
		}
		byID := map[string]source.Relation{}
		for _, r := range rows {
			rel := source.Relation{ID: str(r["id"]), Source: str(r["source"]), Target: str(r["target"]), Type: str(r["type"])}
			if d := str(r["date"]); d != "" {
				if rel.Date, err = graph.ParseDate(d); err != nil {
					return nil, fmt.Errorf("bolt: relation %s: %w", rel.ID, err)
				}
			}
			if rel.Props, err = decodeJSON[map[string]any](r["props"], "relation "+rel.ID+" props"); err != nil {
				return nil, err
			}
			if rel.Sources, err = decodeCitations(r["sources"], "relation "+rel.ID); err != nil {
				return nil, err
			}
			byID[rel.ID] = rel
		}
		for _, id := range relations {
			if r, ok := byID[id]; ok {
				sub.Relations = append(sub.Relations, r)
				for _, c := range r.Sources {
					cited[c.Source] = true
				}
			}
		}
	}
	if len(cited) > 0 {
		ids := slices.Sorted(maps.Keys(cited))
		rows, err := s.run(ctx, qSources, map[string]any{"ids": ids, "limit": len(ids)})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			src := graph.Source{ID: str(r["id"]), Title: str(r["title"]), Publisher: str(r["publisher"]), Language: str(r["language"]),
				URL: str(r["url"]), File: str(r["file"]), Note: str(r["note"])}
			if p := str(r["published"]); p != "" {
				if src.Published, err = graph.ParseDate(p); err != nil {
					return nil, fmt.Errorf("bolt: source %s: %w", src.ID, err)
				}
			}
			sub.Sources = append(sub.Sources, src)
		}
	}
	return sub, nil
}

// OpenURL opens a source from one URL: bolt://user:password@host:7687
// (or neo4j://…, bolt+s://…), with ?database=NAME for a database other
// than the server's default.
func OpenURL(ctx context.Context, raw string) (*Source, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bolt: %w", err)
	}
	user, password := "", ""
	if u.User != nil {
		user = u.User.Username()
		password, _ = u.User.Password()
	}
	database := u.Query().Get("database")
	u.User, u.RawQuery = nil, ""
	return Open(ctx, u.String(), user, password, database)
}

// Describe names the server a URL points at, without its credentials.
func Describe(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "server"
	}
	return u.Host
}
