package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/query"
)

// Fixed reports whether q can be compiled to one SQL join: every hop spans
// exactly one relation and q asks for no SHORTEST.
func Fixed(q *query.Query) bool {
	if q.Shortest {
		return false
	}
	for _, r := range q.Rels {
		if r.Min != 1 || r.Max != 1 {
			return false
		}
	}
	return true
}

// resolveType is graph/query's: the type as written, else one that
// differs only in case; ok is false when the database has neither.
func resolveType(t string, have []graph.TypeCount) (string, bool) {
	for _, h := range have {
		if h.Type == t {
			return h.Type, true
		}
	}
	for _, h := range have {
		if strings.EqualFold(h.Type, t) {
			return h.Type, true
		}
	}
	return "", false
}

// MatchSQL compiles a fixed-length pattern (see [Fixed]) to one query:
// a join of entities n0, n1, … and relations r0, r1, … with the types,
// directions and {id, name} constraints of the pattern, distinct entities
// but where a variable repeats (a match is a simple path), and the LIMIT.
// Its rows are n0.id, r0.id, n1.id, … .
func MatchSQL(q *query.Query, entityTypes, relationTypes []graph.TypeCount, limit int) (string, []any, error) {
	if !Fixed(q) {
		return "", nil, fmt.Errorf("postgres: the pattern has a variable-length hop or SHORTEST: it is not one join")
	}
	var a args
	var sel, from, where []string
	first := map[string]int{} // variable → its first node
	for i, n := range q.Nodes {
		nv := "n" + strconv.Itoa(i)
		if i == 0 {
			from = append(from, "entities "+nv)
		} else {
			r := q.Rels[i-1]
			rv, prev := "r"+strconv.Itoa(i-1), "n"+strconv.Itoa(i-1)
			var on, next string
			switch r.Dir {
			case query.Right:
				on, next = rv+".source = "+prev+".id", rv+".target"
			case query.Left:
				on, next = rv+".target = "+prev+".id", rv+".source"
			default:
				on = "(" + rv + ".source = " + prev + ".id OR " + rv + ".target = " + prev + ".id)"
				next = "(CASE WHEN " + rv + ".source = " + prev + ".id THEN " + rv + ".target ELSE " + rv + ".source END)"
			}
			if len(r.Types) > 0 {
				var ts []string
				for _, t := range r.Types {
					rt, ok := resolveType(t, relationTypes)
					if !ok {
						return "", nil, fmt.Errorf("no relation has type %q", t)
					}
					ts = append(ts, rt)
				}
				on += " AND " + rv + ".type = ANY(" + a.add(ts) + ")"
			}
			on += " AND " + rv + ".source <> " + rv + ".target" // no simple path uses a self-loop
			from = append(from, "JOIN relations "+rv+" ON "+on, "JOIN entities "+nv+" ON "+nv+".id = "+next)
			sel = append(sel, rv+".id")
		}
		sel = append(sel, nv+".id")
		if n.Type != "" {
			t, ok := resolveType(n.Type, entityTypes)
			if !ok {
				return "", nil, fmt.Errorf("no entity has type %q", n.Type)
			}
			where = append(where, nv+".type = "+a.add(t))
		}
		for _, p := range n.Props {
			switch p.Key {
			case "id":
				where = append(where, nv+".id = "+a.add(p.Value))
			case "name":
				where = append(where, "EXISTS (SELECT 1 FROM names m WHERE m.entity = "+nv+".id AND m.bonus > 0 AND m.folded = "+a.add(graph.Fold(p.Value))+")")
			default:
				return "", nil, fmt.Errorf("unknown property %q (id, name)", p.Key)
			}
		}
		// a simple path: each entity once, but for a repeated variable
		if n.Var != "" {
			if j, seen := first[n.Var]; seen {
				where = append(where, nv+".id = n"+strconv.Itoa(j)+".id")
				continue
			}
			first[n.Var] = i
		}
		for j := 0; j < i; j++ {
			if q.Nodes[j].Var != "" && q.Nodes[j].Var == n.Var {
				continue
			}
			where = append(where, nv+".id <> n"+strconv.Itoa(j)+".id")
		}
	}
	sql := "SELECT " + strings.Join(sel, ", ") + " FROM " + strings.Join(from, " ")
	if len(where) > 0 {
		sql += " WHERE " + strings.Join(where, " AND ")
	}
	sql += " ORDER BY " + strings.Join(sel, ", ")
	if limit > 0 {
		sql += " LIMIT " + strconv.Itoa(limit)
	}
	return sql, a, nil
}

// Match runs a fixed-length pattern as one SQL join and returns its
// matches, each as the ids n0, r0, n1, …, at most limit of them (0: no
// limit), in id order; truncated tells whether there were more.
func (db *DB) Match(ctx context.Context, q *query.Query, limit int) (rows [][]string, truncated bool, err error) {
	if err := db.start(ctx); err != nil {
		return nil, false, err
	}
	info, err := db.Info(ctx)
	if err != nil {
		return nil, false, err
	}
	lim := 0
	if limit > 0 {
		lim = limit + 1
	}
	sql, a, err := MatchSQL(q, info.EntityTypes, info.RelationTypes, lim)
	if err != nil {
		return nil, false, err
	}
	rs, err := db.pool.Query(ctx, sql, a...)
	if err != nil {
		return nil, false, wrap(ctx, "query", err)
	}
	rows, err = pgx.CollectRows(rs, func(row pgx.CollectableRow) ([]string, error) {
		ids := make([]string, 2*len(q.Nodes)-1)
		ptrs := make([]any, len(ids))
		for i := range ids {
			ptrs[i] = &ids[i]
		}
		return ids, row.Scan(ptrs...)
	})
	if err != nil {
		return nil, false, wrap(ctx, "query", err)
	}
	if limit > 0 && len(rows) > limit {
		return rows[:limit], true, nil
	}
	return rows, false, nil
}
