package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/linkscope/linkscope/source"
)

// args numbers a query's parameters as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// walk is what every hop of a walk is restricted to.
type walk struct {
	dir           source.Direction
	relTypes      []string // nil: all
	entityTypes   []string // nil: all
	excludeTypes  []string // entity types not entered (but for allow)
	allow         string   // an entity entered whatever its type (a path's far end)
	reverseFollow bool     // follow relations from object to subject (a path's backward side)
}

// levelSQL is the query for the entities one hop from the frontier $f that
// are not among the visited $v, by degree then id, with its LIMIT (none
// when limit is 0): one index lookup per frontier entity and direction,
// the type filters and the cut inside the query.
func levelSQL(w walk, frontier, visited []string, limit int) (string, args) {
	var a args
	f := a.add(frontier)
	rt := ""
	if w.relTypes != nil {
		rt = " AND r.type = ANY(" + a.add(w.relTypes) + ")"
	}
	var parts []string
	if w.dir != source.In {
		parts = append(parts, "SELECT r.target AS id FROM relations r WHERE r.source = ANY("+f+")"+rt)
	}
	if w.dir != source.Out {
		parts = append(parts, "SELECT r.source AS id FROM relations r WHERE r.target = ANY("+f+")"+rt)
	}
	if len(parts) == 1 { // UNION removes the duplicates of two
		parts[0] = strings.Replace(parts[0], "SELECT", "SELECT DISTINCT", 1)
	}
	var b strings.Builder
	b.WriteString("SELECT e.id FROM (")
	b.WriteString(strings.Join(parts, " UNION "))
	b.WriteString(") nb JOIN entities e ON e.id = nb.id WHERE e.id <> ALL(" + a.add(visited) + ")")
	if w.entityTypes != nil {
		b.WriteString(" AND e.type = ANY(" + a.add(w.entityTypes) + ")")
	}
	if len(w.excludeTypes) > 0 {
		b.WriteString(" AND (e.type <> ALL(" + a.add(w.excludeTypes) + ")")
		if w.allow != "" {
			b.WriteString(" OR e.id = " + a.add(w.allow))
		}
		b.WriteString(")")
	}
	b.WriteString(" ORDER BY e.degree DESC, e.id")
	if limit > 0 {
		b.WriteString(" LIMIT " + strconv.Itoa(limit))
	}
	return b.String(), a
}

// level runs levelSQL.
func (db *DB) level(ctx context.Context, w walk, frontier, visited []string, limit int) ([]string, error) {
	sql, a := levelSQL(w, frontier, visited, limit)
	rows, err := db.pool.Query(ctx, sql, a...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// entitiesIn returns which of ids are entities.
func (db *DB) entitiesIn(ctx context.Context, ids []string) (map[string]bool, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM entities WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	var id string
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error { found[id] = true; return nil })
	return found, err
}

// nilIfEmpty makes an empty type list nil (all types), as ExpandOptions
// means it.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Expand implements [source.Expander] with one query per level of the
// walk (levelSQL, cut at what the limit leaves), one to learn whether a
// walk stopped by the limit had more to give, one for the relations among
// the result and to the known entities, and the records' queries.
func (db *DB) Expand(ctx context.Context, ids []string, opt source.ExpandOptions) (*source.Subgraph, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	if err := checkOptions(opt); err != nil {
		return nil, err
	}
	seeds := source.Dedupe(ids)
	if len(seeds) == 0 {
		return &source.Subgraph{Hops: map[string]int{}}, nil
	}
	found, err := db.entitiesIn(ctx, seeds)
	if err != nil {
		return nil, wrap(ctx, "expand", err)
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
	w := walk{dir: opt.Direction, relTypes: nilIfEmpty(opt.RelationTypes), entityTypes: nilIfEmpty(opt.EntityTypes)}
	hops := make(map[string]int, len(seeds))
	for _, s := range seeds {
		hops[s] = 0
	}
	visited := slices.Clone(seeds)
	var kept []string
	truncated := false
	frontier := seeds
	for d := 1; d <= opt.Depth && len(frontier) > 0; d++ {
		lim := 0
		if opt.Limit > 0 {
			lim = opt.Limit - len(kept) + 1 // one more tells a cut
		}
		next, err := db.level(ctx, w, frontier, visited, lim)
		if err != nil {
			return nil, wrap(ctx, "expand", err)
		}
		if opt.Limit > 0 && len(kept)+len(next) > opt.Limit {
			next = next[:opt.Limit-len(kept)]
			truncated = true
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
			more, err := db.level(ctx, w, next, visited, 1)
			if err != nil {
				return nil, wrap(ctx, "expand", err)
			}
			truncated = len(more) > 0
			break
		}
		frontier = next
	}

	result := append(slices.Clone(seeds), kept...)
	var known []string
	for _, id := range source.Dedupe(opt.Known) {
		if _, in := hops[id]; !in {
			known = append(known, id)
		}
	}
	var a args
	res := a.add(result)
	rt := ""
	if w.relTypes != nil {
		rt = " AND r.type = ANY(" + a.add(w.relTypes) + ")"
	}
	sql := "SELECT r.id, r.source, r.target FROM relations r WHERE r.source = ANY(" + res + ") AND r.target = ANY(" + a.add(append(slices.Clone(result), known...)) + ")" + rt
	if len(known) > 0 {
		sql += " UNION ALL SELECT r.id, r.source, r.target FROM relations r WHERE r.target = ANY(" + res + ") AND r.source = ANY(" + a.add(known) + ")" + rt
	}
	sql += " ORDER BY 1"
	rows, err := db.pool.Query(ctx, sql, a...)
	if err != nil {
		return nil, wrap(ctx, "expand", err)
	}
	var rels, ends []string
	endSeen := map[string]bool{}
	var id, src, dst string
	_, err = pgx.ForEachRow(rows, []any{&id, &src, &dst}, func() error {
		rels = append(rels, id)
		for _, v := range [2]string{src, dst} {
			if _, in := hops[v]; !in && !endSeen[v] {
				endSeen[v] = true
				ends = append(ends, v)
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrap(ctx, "expand", err)
	}
	slices.Sort(ends)
	sub, err := db.records(ctx, append(result, ends...), rels)
	if err != nil {
		return nil, wrap(ctx, "expand", err)
	}
	sub.Truncated = truncated
	sub.Hops = make(map[string]int, len(result))
	for _, v := range result {
		sub.Hops[v] = hops[v]
	}
	return sub, nil
}

// checkOptions rejects what source.ExpandOptions calls errors.
func checkOptions(o source.ExpandOptions) error {
	switch {
	case o.Depth < 0:
		return fmt.Errorf("postgres: expand: depth %d is negative", o.Depth)
	case o.Limit < 0:
		return fmt.Errorf("postgres: expand: limit %d is negative", o.Limit)
	case o.Direction < source.Both || o.Direction > source.In:
		return fmt.Errorf("postgres: expand: unknown direction %d", int(o.Direction))
	}
	return nil
}

// Fetch implements [source.Fetcher].
func (db *DB) Fetch(ctx context.Context, ids []string) (*source.Subgraph, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	ids = source.Dedupe(ids)
	if len(ids) == 0 {
		return &source.Subgraph{}, nil
	}
	isEntity, err := db.entitiesIn(ctx, ids)
	if err != nil {
		return nil, wrap(ctx, "fetch", err)
	}
	var rest []string
	for _, id := range ids {
		if !isEntity[id] {
			rest = append(rest, id)
		}
	}
	type ends struct{ src, dst string }
	relEnds := map[string]ends{}
	if len(rest) > 0 {
		rows, err := db.pool.Query(ctx, `SELECT id, source, target FROM relations WHERE id = ANY($1)`, rest)
		if err != nil {
			return nil, wrap(ctx, "fetch", err)
		}
		var id, s, t string
		_, err = pgx.ForEachRow(rows, []any{&id, &s, &t}, func() error { relEnds[id] = ends{s, t}; return nil })
		if err != nil {
			return nil, wrap(ctx, "fetch", err)
		}
	}
	nodes, rels, err := source.FetchSets(ids, func(id string) bool { return isEntity[id] },
		func(id string) (string, string, bool) {
			e, ok := relEnds[id]
			return e.src, e.dst, ok
		})
	if err != nil {
		return nil, err
	}
	sub, err := db.records(ctx, nodes, rels)
	return sub, wrap(ctx, "fetch", err)
}
