package postgres

import (
	"context"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/linkscope/linkscope/source"
)

// PathOptions restrict a shortest-path search as graph/path's Options do.
type PathOptions struct {
	// Directed follows relations only from subject to object (an
	// undirected relation either way).
	Directed bool
	// RelTypes, when not empty, are the relation types followed.
	RelTypes []string
	// ExcludeTypes are entity types a path may not pass through (its ends
	// excepted).
	ExcludeTypes []string
	// MaxHops bounds the path's length; 0 means no bound.
	MaxHops int
}

// PathStats says what a search cost.
type PathStats struct {
	// Queries is the number of frontier queries, Reached the entities
	// the two sides reached.
	Queries, Reached int
}

// side is one end's breadth-first search.
type side struct {
	parent   map[string]string // reached entity → the one it was reached from ("" for the end)
	dist     map[string]int
	frontier []string
	level    int
	forward  bool // follows relations from subject to object
}

// frontierSQL is the query for the entities one hop from the frontier $1,
// with the entity each is reached from (the least id, for a deterministic
// path), that the side has not visited.
func frontierSQL(s *side, opt PathOptions, other string, visited []string) (string, args) {
	var a args
	f := a.add(s.frontier)
	rt := ""
	if len(opt.RelTypes) > 0 {
		rt = " AND r.type = ANY(" + a.add(opt.RelTypes) + ")"
	}
	out := "SELECT r.target AS nb, r.source AS parent FROM relations r WHERE r.source = ANY(" + f + ")" + rt
	in := "SELECT r.source AS nb, r.target AS parent FROM relations r WHERE r.target = ANY(" + f + ")" + rt
	var parts []string
	switch {
	case !opt.Directed:
		parts = []string{out, in}
	case s.forward:
		parts = []string{out, in + " AND NOT r.directed"}
	default:
		parts = []string{in, out + " AND NOT r.directed"}
	}
	var b strings.Builder
	b.WriteString("SELECT DISTINCT ON (x.nb) x.nb, x.parent FROM (")
	b.WriteString(strings.Join(parts, " UNION ALL "))
	b.WriteString(") x")
	if len(opt.ExcludeTypes) > 0 {
		b.WriteString(" JOIN entities e ON e.id = x.nb")
	}
	b.WriteString(" WHERE x.nb <> ALL(" + a.add(visited) + ")")
	if len(opt.ExcludeTypes) > 0 {
		b.WriteString(" AND (e.type <> ALL(" + a.add(opt.ExcludeTypes) + ") OR e.id = " + a.add(other) + ")")
	}
	b.WriteString(" ORDER BY x.nb, x.parent")
	return b.String(), a
}

// ShortestPath returns the entities of a shortest path from one entity to
// another (both ids), from first to last, found by a bidirectional
// breadth-first search that expands, level by level, the side with the
// smaller frontier with one query for the whole level; ok is false when
// there is none. Its length is the in-memory search's (graph/path); when
// several paths are shortest it may pick another. An unknown id is an
// error wrapping source.ErrNotFound.
func (db *DB) ShortestPath(ctx context.Context, from, to string, opt PathOptions) (nodes []string, ok bool, st PathStats, err error) {
	if err := db.start(ctx); err != nil {
		return nil, false, st, err
	}
	found, err := db.entitiesIn(ctx, []string{from, to})
	if err != nil {
		return nil, false, st, wrap(ctx, "path", err)
	}
	var missing []string
	for _, id := range source.Dedupe([]string{from, to}) {
		if !found[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, false, st, &source.NotFoundError{Op: "path", IDs: missing}
	}
	if from == to {
		return []string{from}, true, st, nil
	}
	a := &side{parent: map[string]string{from: ""}, dist: map[string]int{from: 0}, frontier: []string{from}, forward: true}
	b := &side{parent: map[string]string{to: ""}, dist: map[string]int{to: 0}, frontier: []string{to}}
	for len(a.frontier) > 0 && len(b.frontier) > 0 {
		if opt.MaxHops > 0 && a.level+b.level+1 > opt.MaxHops {
			break
		}
		s, o, other := a, b, to
		if len(b.frontier) < len(a.frontier) {
			s, o, other = b, a, from
		}
		visited := make([]string, 0, len(s.dist))
		for v := range s.dist {
			visited = append(visited, v)
		}
		sql, args := frontierSQL(s, opt, other, visited)
		rows, err := db.pool.Query(ctx, sql, args...)
		if err != nil {
			return nil, false, st, wrap(ctx, "path", err)
		}
		st.Queries++
		s.level++
		var next []string
		var meet string
		best := -1
		var nb, par string
		_, err = pgx.ForEachRow(rows, []any{&nb, &par}, func() error {
			s.parent[nb] = par
			s.dist[nb] = s.level
			next = append(next, nb)
			if d, in := o.dist[nb]; in && (best < 0 || s.level+d < best || s.level+d == best && nb < meet) {
				best, meet = s.level+d, nb
			}
			return nil
		})
		if err != nil {
			return nil, false, st, wrap(ctx, "path", err)
		}
		st.Reached += len(next)
		s.frontier = next
		if best >= 0 {
			// from … meet from a's parents, then meet … to from b's
			var head []string
			for v := meet; v != ""; v = a.parent[v] {
				head = append(head, v)
			}
			slices.Reverse(head)
			for v := b.parent[meet]; v != ""; v = b.parent[v] {
				head = append(head, v)
			}
			return head, true, st, nil
		}
	}
	return nil, false, st, nil
}
