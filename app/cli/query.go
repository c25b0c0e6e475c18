package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/graph/query"
)

func init() {
	register(&command{
		name: "query",
		args: "[-d FILE] [--db URL] [--json] [--limit N] [--timeout D] 'PATTERN'",
		summary: "find paths matching a pattern (a Cypher subset)\n\n" +
			"  (:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)\n" +
			"  SHORTEST 3 ({name:\"Privacy International\"})-[*..4]-({name:\"Walmart\"})\n\n" +
			"Node: (var:Type {name:\"…\", id:\"…\"}); name matches a label or alias, ignoring case\n" +
			"and accents. Relation: -[var:T1|T2*min..max]->, <-[…]-, -[…]- (a variable-length\n" +
			"hop needs an upper bound, at most 8). Matches are simple paths, shortest first.\n" +
			"--timeout D (default 10s) bounds the search, and the matches kept are bounded to\n" +
			"128 MiB: stopped by either, or by --limit, it prints the matches found so far,\n" +
			"says so on stderr (in --json, \"truncated\" and \"stopped\": timeout, memory or\n" +
			"limit) and exits 0. No match at all exits 1.",
		run: runQuery,
	})
}

func runQuery(env *Env, args []string) error {
	fs := newFlags("query")
	ds := addDatasetFlags(fs)
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 100, "")
	timeout := fs.Duration("timeout", 10*time.Second, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("missing PATTERN")
	case *limit < 1:
		return usagef("--limit must be at least 1")
	case *timeout <= 0:
		return usagef("--timeout must be positive")
	}
	pattern := strings.Join(pos, " ")
	q, err := query.Parse(pattern)
	if err != nil {
		return queryError(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var g *graph.Graph
	var res query.Result
	if ds.db != "" {
		if err := ds.checkDB(); err != nil {
			return err
		}
		if g, res, err = queryDB(ctx, env, ds.db, q, *limit); err != nil {
			return err
		}
	} else {
		if g, _, err = ds.load(env); err != nil {
			return err
		}
		plan, err := query.Compile(q, g)
		if err != nil {
			return queryError(err)
		}
		r, err := plan.RunWith(ctx, path.NewSearcher(g), query.RunOptions{Limit: *limit, StoreLimit: storeLimit})
		if err != nil {
			return err
		}
		res = *r
	}
	set := path.Set{Truncated: res.Truncated, TimedOut: res.TimedOut, Full: res.Full, Paths: make([]path.Path, len(res.Matches))}
	for i, m := range res.Matches {
		set.Paths[i] = m.Path
	}
	bindings := func(i int) map[string]any { return bindingsOf(g, q, res.Matches[i]) }
	return printPaths(env, g, set, *asJSON, bindings, "no match")
}

// queryError shows a pattern error with a caret under the fault.
func queryError(err error) error {
	var e *query.Error
	if errors.As(err, &e) {
		return fmt.Errorf("%w\n  %s", e, strings.ReplaceAll(e.Caret(), "\n", "\n  "))
	}
	return err
}

// bindingsOf maps node variables to entity ids and relation variables to
// a relation id (plain hop) or a list of them (variable-length hop).
func bindingsOf(g *graph.Graph, q *query.Query, m query.Match) map[string]any {
	b := map[string]any{}
	for v, n := range m.Nodes {
		b[v] = g.Node(n).ID
	}
	for _, r := range q.Rels {
		rs, ok := m.Rels[r.Var]
		if r.Var == "" || !ok {
			continue
		}
		ids := make([]string, len(rs))
		for i, e := range rs {
			ids[i] = g.Edge(e).ID
		}
		if r.VarLength {
			b[r.Var] = ids
		} else if len(ids) == 1 {
			b[r.Var] = ids[0]
		}
	}
	return b
}

// formatBindings renders query bindings as "[c=clearview-ai r=cnil]".
func formatBindings(b map[string]any) string {
	keys := make([]string, 0, len(b))
	for k := range b {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		v := b[k]
		if list, ok := v.([]string); ok {
			v = strings.Join(list, ",")
		}
		parts[i] = termSafe(fmt.Sprintf("%s=%v", k, v))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
