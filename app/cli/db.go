package cli

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	json "github.com/goccy/go-json"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/graph/query"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/postgres"
)

func init() {
	register(&command{
		name: "db",
		args: "load [-d FILE] --db URL | stats --db URL",
		summary: "load a dataset into PostgreSQL, or describe the graph a database holds\n\n" +
			"load copies the dataset (-d FILE, -e EDGES.csv or -w WS.linkscope; the Clearview\n" +
			"case when none) into the database at URL with COPY, replacing the graph it held,\n" +
			"and reports its progress on stderr. stats prints the graph's counts and types.\n" +
			"URL is a postgres:// URL (search_path=SCHEMA picks a schema). Once loaded, find,\n" +
			"neighbors, path, query and export take --db URL in place of -d FILE, and\n" +
			"`linkscope --db URL` opens the window on it.",
		run: runDB,
	})
}

func runDB(env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("want load or stats")
	}
	switch args[0] {
	case "load":
		return runDBLoad(env, args[1:])
	case "stats":
		return runDBStats(env, args[1:])
	}
	return usagef("unknown db command %q (load, stats)", args[0])
}

func runDBLoad(env *Env, args []string) error {
	fs := newFlags("db load")
	ds := addDatasetFlags(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case ds.db == "":
		return usagef("missing --db URL")
	}
	url := ds.db
	ds.db = ""
	g, took, err := ds.load(env)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "read %d entities, %d relations in %v\n", g.NodeCount(), g.EdgeCount(), took.Round(time.Millisecond))
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("--db: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("--db: %v", err)
	}
	defer pool.Close()
	start := time.Now()
	stage := ""
	err = postgres.Load(ctx, pool, g, func(p postgres.Progress) {
		if p.Stage != stage {
			if stage != "" {
				fmt.Fprintln(env.Stderr)
			}
			stage = p.Stage
		}
		if p.Total > 0 {
			fmt.Fprintf(env.Stderr, "\r%-20s %9d / %d  %5.1f s", p.Stage, p.Done, p.Total, time.Since(start).Seconds())
		} else {
			fmt.Fprintf(env.Stderr, "\r%-20s %5.1f s", p.Stage, time.Since(start).Seconds())
		}
	})
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "loaded %d entities, %d relations in %v\n", g.NodeCount(), g.EdgeCount(), time.Since(start).Round(time.Millisecond))
	return nil
}

func runDBStats(env *Env, args []string) error {
	fs := newFlags("db stats")
	url := fs.String("db", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *url == "":
		return usagef("missing --db URL")
	}
	ctx := context.Background()
	db, err := postgres.Open(ctx, *url)
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := db.Info(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, info)
	}
	fmt.Fprintf(env.Stdout, "%s\n%d entities, %d relations\n", termSafe(info.Title), info.Entities, info.Relations)
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\nENTITY TYPE\tCOUNT")
	for _, t := range info.EntityTypes {
		fmt.Fprintf(w, "%s\t%d\n", termSafe(t.Type), t.Count)
	}
	fmt.Fprintln(w, "\nRELATION TYPE\tCOUNT")
	for _, t := range info.RelationTypes {
		fmt.Fprintf(w, "%s\t%d\n", termSafe(t.Type), t.Count)
	}
	return w.Flush()
}

// openDB opens the --db source.
func openDB(url string) (*postgres.DB, error) {
	return postgres.Open(context.Background(), url)
}

// dbResolve finds the entity ref names in the database, as resolveNode
// does in memory.
func dbResolve(ctx context.Context, db *postgres.DB, ref string) (string, error) {
	ids, err := db.Resolve(ctx, ref, 6)
	if err != nil {
		return "", err
	}
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		hits, err := db.Search(ctx, ref, 5)
		if err != nil {
			return "", err
		}
		if len(hits) == 0 {
			return "", fmt.Errorf("no entity is named %q", ref)
		}
		names := make([]string, len(hits))
		for i, h := range hits {
			names[i] = fmt.Sprintf("%s (%s, %s)", termSafe(h.ID), termSafe(h.Label), termSafe(h.Type))
		}
		return "", fmt.Errorf("no entity is named %q; did you mean: %s?", ref, strings.Join(names, ", "))
	}
	for i := range ids {
		ids[i] = termSafe(ids[i])
	}
	return "", fmt.Errorf("%q is ambiguous, it names several entities: %s; use an id", ref, strings.Join(ids, ", "))
}

// checkDBTypes is checkTypes against the database's types.
func checkDBTypes(ctx context.Context, db *postgres.DB, relTypes, entityTypes []string) error {
	if len(relTypes) == 0 && len(entityTypes) == 0 {
		return nil
	}
	info, err := db.Info(ctx)
	if err != nil {
		return err
	}
	if err := checkTypes("relation", relTypes, info.RelationTypes); err != nil {
		return err
	}
	return checkTypes("entity", entityTypes, info.EntityTypes)
}

// allowedTypes is every entity type of the database but the excluded ones
// (nil when none is excluded).
func allowedTypes(ctx context.Context, db *postgres.DB, exclude []string) ([]string, error) {
	if len(exclude) == 0 {
		return nil, nil
	}
	info, err := db.Info(ctx)
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, t := range info.EntityTypes {
		if !slices.Contains(exclude, t.Type) {
			out = append(out, t.Type)
		}
	}
	return out, nil
}

// findDB is find on a database: its search, with the LIMIT in the query.
func findDB(env *Env, url, text string, limit int, asJSON bool) error {
	db, err := openDB(url)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := db.Search(context.Background(), text, limit)
	if err != nil {
		return err
	}
	out := findJSON{Matches: make([]matchJSON, 0, len(hits))}
	for _, h := range hits {
		out.Matches = append(out.Matches, matchJSON{h.ID, h.Label, h.Type, math.Round(h.Score*1000) / 1000, h.Matched})
	}
	return printFind(env, out, text, asJSON)
}

// dbNeighborhood brings the neighbourhood of ref (depth hops, at most limit
// entities besides it, most connected first) from the database into a
// graph of its own, and returns it with ref's id.
func dbNeighborhood(ctx context.Context, url, ref string, depth, limit int, pf *pathFlags) (*graph.Graph, string, bool, error) {
	db, err := openDB(url)
	if err != nil {
		return nil, "", false, err
	}
	defer db.Close()
	id, err := dbResolve(ctx, db, ref)
	if err != nil {
		return nil, "", false, err
	}
	opt := source.ExpandOptions{Depth: depth, Limit: limit}
	if pf != nil {
		if pf.dated {
			return nil, "", false, usagef("--in-date-order is not supported with --db")
		}
		opt.RelationTypes = splitList(pf.types)
		excl := splitList(pf.excludeTypes)
		if err := checkDBTypes(ctx, db, opt.RelationTypes, excl); err != nil {
			return nil, "", false, err
		}
		if opt.EntityTypes, err = allowedTypes(ctx, db, excl); err != nil {
			return nil, "", false, err
		}
		if pf.directed {
			opt.Direction = source.Out
		}
	}
	ws := view.NewWorkingSet(db, nil)
	exp, err := ws.Expand(ctx, []string{id}, opt)
	if err != nil {
		return nil, "", false, err
	}
	g := ws.Graph()
	if info, err := db.Info(ctx); err == nil {
		g.Title = info.Title
	}
	return g, id, exp.Truncated, nil
}

// dbPath finds a shortest path in the database and brings its entities
// (with the relations among them) into a graph of its own, on which the
// in-memory search then finds a path of the same length; ok is false when
// there is no path (the graph then holds the ends alone).
func dbPath(ctx context.Context, db *postgres.DB, from, to string, pf *pathFlags) (*graph.Graph, bool, postgres.PathStats, error) {
	opt := postgres.PathOptions{Directed: pf.directed, RelTypes: splitList(pf.types), ExcludeTypes: splitList(pf.excludeTypes), MaxHops: pf.maxHops}
	nodes, ok, st, err := db.ShortestPath(ctx, from, to, opt)
	if err != nil {
		return nil, ok, st, err
	}
	if !ok { // the ends alone, on which the in-memory search finds nothing too
		nodes = []string{from, to}
	}
	ws := view.NewWorkingSet(db, nil)
	if _, err := ws.Seed(ctx, nodes); err != nil {
		return nil, false, st, err
	}
	return ws.Graph(), ok, st, nil
}

// pathFromDB resolves FROM and TO in the database and brings a shortest
// path between them into a graph of its own; it returns the ends' ids in
// place of pos.
func pathFromDB(ctx context.Context, url string, pos []string, pf *pathFlags) (*graph.Graph, []string, error) {
	if pf.maxHops < 0 {
		return nil, pos, usagef("--max-hops must not be negative")
	}
	db, err := openDB(url)
	if err != nil {
		return nil, pos, err
	}
	defer db.Close()
	if err := checkDBTypes(ctx, db, splitList(pf.types), splitList(pf.excludeTypes)); err != nil {
		return nil, pos, err
	}
	ids := make([]string, 2)
	for i, ref := range pos {
		if ids[i], err = dbResolve(ctx, db, ref); err != nil {
			return nil, pos, err
		}
	}
	g, _, _, err := dbPath(ctx, db, ids[0], ids[1], pf)
	return g, ids, err
}

// runPairsDB is path --pairs on a database: the length of a shortest path
// for each pair and the median time of one search (its frontier queries
// and nothing else), after an untimed warm-up pass.
func runPairsDB(ctx context.Context, env *Env, url, file string, pf *pathFlags, asJSON bool) error {
	data, err := readSideFile(file, "--pairs", MaxSideFileBytes)
	if err != nil {
		return err
	}
	var raw [][]string
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("%s: want a JSON array of [from, to] pairs: %v", file, err)
	}
	db, err := openDB(url)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := postgres.PathOptions{Directed: pf.directed, RelTypes: splitList(pf.types), ExcludeTypes: splitList(pf.excludeTypes), MaxHops: pf.maxHops}
	ps := make([][2]string, len(raw))
	for i, p := range raw {
		if len(p) != 2 {
			return fmt.Errorf("%s: pair %d has %d elements, want 2", file, i, len(p))
		}
		for j, ref := range p {
			if ps[i][j], err = dbResolve(ctx, db, ref); err != nil {
				return fmt.Errorf("%s: pair %d: %v", file, i, err)
			}
		}
	}
	for _, p := range ps { // warm-up
		if _, _, _, err := db.ShortestPath(ctx, p[0], p[1], opt); err != nil {
			return err
		}
	}
	out := pairsJSON{Results: make([]pairResult, len(ps)), Queries: len(ps), Directed: opt.Directed}
	us := make([]float64, len(ps))
	found, hops := 0, 0
	for i, p := range ps {
		t0 := time.Now()
		nodes, ok, _, err := db.ShortestPath(ctx, p[0], p[1], opt)
		us[i] = float64(time.Since(t0).Nanoseconds()) / 1000
		if err != nil {
			return err
		}
		out.Results[i] = pairResult{raw[i][0], raw[i][1], -1}
		if ok {
			out.Results[i].Length = len(nodes) - 1
			found++
			hops += len(nodes) - 1
		}
	}
	out.summarise(us, found, hops)
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	for _, r := range out.Results {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%d\n", termSafe(r.From), termSafe(r.To), r.Length)
	}
	fmt.Fprintf(env.Stdout, "%d queries, median %.2f µs, mean %.2f µs, p90 %.2f µs, %.0f%% with a path\n",
		out.Queries, out.USMedian, out.USMean, out.USP90, 100*out.FoundFrac)
	return nil
}

// ballCap bounds the entities query --db brings in around the anchors of a
// variable-length pattern.
const ballCap = 20000

// queryDB runs a pattern on the database. A fixed-length pattern is one
// SQL join (postgres.MatchSQL) whose rows are the matches; the records of
// their entities are then brought into a graph of their own to print them.
// Any other pattern (variable-length hops, SHORTEST) needs an anchored
// node ({id: …} or {name: …}): the entities within the pattern's longest
// reach of the anchors (at most ballCap, most connected first, by one
// frontier query per level) are brought in, and the in-memory engine runs
// on them; every match of the whole graph lies there unless the cap cut
// the walk, which stderr then says.
func queryDB(ctx context.Context, env *Env, url string, q *query.Query, limit int) (*graph.Graph, query.Result, error) {
	db, err := openDB(url)
	if err != nil {
		return nil, query.Result{}, err
	}
	defer db.Close()
	if postgres.Fixed(q) {
		rows, truncated, err := db.Match(ctx, q, limit)
		if err != nil {
			return nil, query.Result{}, err
		}
		var ids []string
		for _, r := range rows {
			for i := 0; i < len(r); i += 2 {
				ids = append(ids, r[i])
			}
		}
		ws := view.NewWorkingSet(db, nil)
		if _, err := ws.Seed(ctx, ids); err != nil {
			return nil, query.Result{}, err
		}
		g := ws.Graph()
		res := query.Result{Truncated: truncated}
		for _, r := range rows {
			var m query.Match
			for i, id := range r {
				if i%2 == 0 {
					v, _ := g.NodeIndex(id)
					m.Path.Nodes = append(m.Path.Nodes, v)
					if nv := q.Nodes[i/2].Var; nv != "" {
						if m.Nodes == nil {
							m.Nodes = map[string]int32{}
						}
						m.Nodes[nv] = v
					}
				} else {
					e, _ := g.EdgeIndex(id)
					m.Path.Edges = append(m.Path.Edges, e)
					if rv := q.Rels[i/2].Var; rv != "" {
						if m.Rels == nil {
							m.Rels = map[string][]int32{}
						}
						m.Rels[rv] = []int32{e}
					}
				}
			}
			res.Matches = append(res.Matches, m)
		}
		return g, res, nil
	}
	var anchors []string
	for _, n := range q.Nodes {
		for _, p := range n.Props {
			var ids []string
			switch p.Key {
			case "id":
				if ids, err = db.Resolve(ctx, p.Value, 1); err == nil && (len(ids) != 1 || ids[0] != p.Value) {
					ids = nil
				}
			case "name":
				ids, err = db.Named(ctx, p.Value, 100)
			}
			if err != nil {
				return nil, query.Result{}, err
			}
			anchors = append(anchors, ids...)
		}
	}
	if len(anchors) == 0 {
		return nil, query.Result{}, usagef("with --db, a pattern with a variable-length hop or SHORTEST needs a node with {id: …} or {name: …} to start from")
	}
	reach := 0
	for _, r := range q.Rels {
		reach += r.Max
	}
	ws := view.NewWorkingSet(db, nil)
	exp, err := ws.Expand(ctx, dedupeStrings(anchors), source.ExpandOptions{Depth: reach, Limit: ballCap})
	if err != nil {
		return nil, query.Result{}, err
	}
	if exp.Truncated {
		fmt.Fprintf(env.Stderr, "the %d-hop neighbourhood of the pattern's anchors was cut at %d entities (the most connected first): matches through the others are missing\n", reach, ballCap)
	}
	g := ws.Graph()
	plan, err := query.Compile(q, g)
	if err != nil {
		// a type or name the neighbourhood lacks: nothing matches there
		return g, query.Result{}, nil
	}
	res, err := plan.RunWith(ctx, path.NewSearcher(g), query.RunOptions{Limit: limit, StoreLimit: storeLimit})
	if err != nil {
		return nil, query.Result{}, err
	}
	return g, *res, nil
}

func dedupeStrings(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// DBExportCap bounds the neighbourhood export --db draws.
const DBExportCap = 500
