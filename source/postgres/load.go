package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/linkscope/linkscope/graph"
)

// Progress reports a load's advance: Stage names the table being copied or
// the index being built, Done of Total rows (Total 0 for an index).
type Progress struct {
	Stage       string
	Done, Total int
}

// progressEvery is how many rows go between two progress reports.
const progressEvery = 50000

// Load replaces the graph held in the database pool points at (in the first
// schema of its search_path) with g: it drops the tables of a previous
// graph, creates them, copies every record in with COPY, builds the
// indexes and analyses the tables, all in one transaction but the
// analysis. Degrees (a self-loop counting twice) and folded names
// ([graph.Fold]) are computed here, once. progress, when not nil, is
// called from Load's goroutine. The pg_trgm extension must exist or the
// user must be allowed to create it.
func Load(ctx context.Context, pool *pgxpool.Pool, g *graph.Graph, progress func(Progress)) error {
	if progress == nil {
		progress = func(Progress) {}
	}
	g = g.Snapshot()
	t := g.Topology()
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: load: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm`); err != nil {
		return fmt.Errorf("postgres: load: the pg_trgm extension (PostgreSQL's contrib package): %w", err)
	}
	if _, err := tx.Exec(ctx, dropTables); err != nil {
		return fmt.Errorf("postgres: load: %w", err)
	}
	for _, ddl := range tables {
		if _, err := tx.Exec(ctx, ddl); err != nil {
			return fmt.Errorf("postgres: load: %w", err)
		}
	}
	copyRows := func(table string, cols []string, total int, next func(i int) ([]any, error)) error {
		i := 0
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i >= total {
				return nil, nil
			}
			row, err := next(i)
			i++
			if i%progressEvery == 0 {
				progress(Progress{Stage: table, Done: i, Total: total})
			}
			return row, err
		})
		progress(Progress{Stage: table, Done: 0, Total: total})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
			return fmt.Errorf("postgres: load %s: %w", table, err)
		}
		progress(Progress{Stage: table, Done: total, Total: total})
		return nil
	}

	n, m := g.NodeCount(), g.EdgeCount()
	err = copyRows("entities", []string{"id", "type", "label", "aliases", "props", "degree"}, n, func(i int) ([]any, error) {
		nd := g.Node(int32(i))
		props, err := jsonOrNil(nd.Props.Map())
		if err != nil {
			return nil, fmt.Errorf("entity %q: %w", nd.ID, err)
		}
		aliases := nd.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		return []any{nd.ID, nd.Type, nd.Label, aliases, props, int32(t.Degree[i])}, nil
	})
	if err != nil {
		return err
	}

	// names: every key the in-memory index has, in its order (label, id
	// when it folds differently, aliases), so that ties pick the same name
	type name struct {
		entity string
		ord    int
		name   string
		folded string
		bonus  float64
	}
	var names []name
	for i := 0; i < n; i++ {
		nd := g.Node(int32(i))
		ord := 0
		add := func(s, kind string) {
			if f := graph.Fold(s); f != "" {
				names = append(names, name{nd.ID, ord, s, f, graph.NameBonus(kind)})
				ord++
			}
		}
		add(nd.Label, "label")
		if graph.Fold(nd.ID) != graph.Fold(nd.Label) {
			add(nd.ID, "id")
		}
		for _, a := range nd.Aliases {
			add(a, "alias")
		}
	}
	err = copyRows("names", []string{"entity", "ord", "name", "folded", "bonus"}, len(names), func(i int) ([]any, error) {
		k := names[i]
		return []any{k.entity, int32(k.ord), k.name, k.folded, k.bonus}, nil
	})
	if err != nil {
		return err
	}
	names = nil

	err = copyRows("relations", []string{"id", "source", "target", "type", "date", "directed", "props"}, m, func(i int) ([]any, error) {
		e := g.Edge(int32(i))
		props, err := jsonOrNil(e.Props.Map())
		if err != nil {
			return nil, fmt.Errorf("relation %q: %w", e.ID, err)
		}
		var date any
		if !e.Date.IsZero() {
			date = e.Date.String()
		}
		return []any{e.ID, g.Node(e.From).ID, g.Node(e.To).ID, e.Type, date, !e.Undirected, props}, nil
	})
	if err != nil {
		return err
	}

	type cite struct {
		kind  string
		owner string
		ord   int
		c     graph.Citation
	}
	var cites []cite
	for i := 0; i < n; i++ {
		nd := g.Node(int32(i))
		for k, c := range nd.Sources {
			cites = append(cites, cite{"e", nd.ID, k, c})
		}
	}
	for i := 0; i < m; i++ {
		e := g.Edge(int32(i))
		for k, c := range e.Sources {
			cites = append(cites, cite{"r", e.ID, k, c})
		}
	}
	err = copyRows("citations", []string{"kind", "owner", "ord", "source", "quote", "gloss"}, len(cites), func(i int) ([]any, error) {
		c := cites[i]
		return []any{c.kind, c.owner, int32(c.ord), c.c.Source, c.c.Quote, c.c.Gloss}, nil
	})
	if err != nil {
		return err
	}

	// dataset sources: the first of each id, as the in-memory source keeps
	var srcs []graph.Source
	seen := map[string]bool{}
	for _, s := range g.Sources {
		if !seen[s.ID] {
			seen[s.ID] = true
			srcs = append(srcs, s)
		}
	}
	err = copyRows("sources", []string{"id", "title", "publisher", "published", "language", "url", "file", "note"}, len(srcs), func(i int) ([]any, error) {
		s := srcs[i]
		return []any{s.ID, s.Title, s.Publisher, s.Published.String(), s.Language, s.URL, s.File, s.Note}, nil
	})
	if err != nil {
		return err
	}

	var counts [][]any
	for _, c := range g.NodeTypes() {
		counts = append(counts, []any{"e", c.Type, int32(c.Count)})
	}
	for _, c := range g.EdgeTypes() {
		counts = append(counts, []any{"r", c.Type, int32(c.Count)})
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"type_counts"}, []string{"kind", "type", "count"}, pgx.CopyFromRows(counts)); err != nil {
		return fmt.Errorf("postgres: load type_counts: %w", err)
	}
	meta := [][]any{
		{"version", SchemaVersion}, {"title", g.Title}, {"description", g.Description},
		{"entities", strconv.Itoa(n)}, {"relations", strconv.Itoa(m)},
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"meta"}, []string{"key", "value"}, pgx.CopyFromRows(meta)); err != nil {
		return fmt.Errorf("postgres: load meta: %w", err)
	}
	for _, ddl := range indexes {
		progress(Progress{Stage: "index " + indexName(ddl)})
		if _, err := tx.Exec(ctx, ddl); err != nil {
			return fmt.Errorf("postgres: load: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: load: %w", err)
	}
	progress(Progress{Stage: "analyze"})
	if _, err := pool.Exec(ctx, `ANALYZE meta, entities, names, relations, sources, citations, type_counts`); err != nil {
		return fmt.Errorf("postgres: load: %w", err)
	}
	return nil
}

// indexName is the name in a CREATE INDEX statement.
func indexName(ddl string) string {
	var name string
	fmt.Sscanf(ddl, "CREATE INDEX %s", &name)
	return name
}

// jsonOrNil encodes properties as JSON, or NULL when there are none.
func jsonOrNil(p map[string]any) (any, error) {
	if p == nil {
		return nil, nil
	}
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return b, nil
}
