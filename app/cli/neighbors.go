package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

func init() {
	register(&command{
		name:    "neighbors",
		args:    "[-d FILE] [--db URL] [--json] [--depth N] [--types a,b] [--exclude-types a,b] [--directed] [--limit N] NODE",
		summary: "the entities within --depth hops (default 1) of an entity, and the relations among them",
		run:     runNeighbors,
	})
}

// neighborsJSON is the --json output of neighbors.
type neighborsJSON struct {
	Nodes     []neighborJSON `json:"nodes"`
	Edges     []edgeJSON     `json:"edges"`
	Truncated bool           `json:"truncated"`
}

type neighborJSON struct {
	nodeJSON
	Depth int `json:"depth"`
	// Via is the id of the relation by which the entity was first reached.
	Via string `json:"via,omitempty"`
}

func runNeighbors(env *Env, args []string) error {
	fs := newFlags("neighbors")
	ds := addDatasetFlags(fs)
	pf := addPathFlags(fs)
	asJSON := fs.Bool("json", false, "")
	depth := fs.Int("depth", 1, "")
	limit := fs.Int("limit", 10000, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return usagef("want one NODE, got %d arguments", len(pos))
	case *depth < 0:
		return usagef("--depth must not be negative")
	case *limit < 1:
		return usagef("--limit must be at least 1")
	}
	var g *graph.Graph
	var opt path.Options
	ref, dbTruncated := pos[0], false
	if ds.db != "" {
		if err := ds.checkDB(); err != nil {
			return err
		}
		// the neighbourhood, cut at --limit by the database's query
		g, ref, dbTruncated, err = dbNeighborhood(context.Background(), ds.db, ref, *depth, *limit-1, pf)
		if err != nil {
			return err
		}
		opt = pf.searchOptions()
	} else {
		if g, _, err = ds.load(env); err != nil {
			return err
		}
		if opt, err = pf.options(g); err != nil {
			return err
		}
	}
	start, err := resolveNode(g, ref)
	if err != nil {
		return err
	}
	nb, err := path.NewSearcher(g).Neighborhood(context.Background(), []int32{start}, *depth, opt, *limit)
	if err != nil {
		return err
	}
	nb.Truncated = nb.Truncated || dbTruncated
	if *asJSON {
		out := neighborsJSON{Nodes: make([]neighborJSON, len(nb.Nodes)), Edges: make([]edgeJSON, len(nb.Edges)), Truncated: nb.Truncated}
		for i, v := range nb.Nodes {
			out.Nodes[i] = neighborJSON{nodeJSON: toNodeJSON(g, v), Depth: nb.Depth[i]}
			if nb.Via[i] >= 0 {
				out.Nodes[i].Via = g.Edge(nb.Via[i]).ID
			}
		}
		for i, r := range nb.Edges {
			out.Edges[i] = toEdgeJSON(g, r)
		}
		return writeJSON(env.Stdout, out)
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "DEPTH\tID\tLABEL\tTYPE\tREACHED BY")
	for i, v := range nb.Nodes {
		n := g.Node(v)
		via := ""
		if r := nb.Via[i]; r >= 0 {
			e := g.Edge(r)
			from := e.From
			if from == v {
				from = e.To
			}
			via = formatPath(g, path.Path{Nodes: []int32{from, v}, Edges: []int32{r}})
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", nb.Depth[i], termSafe(n.ID), termSafe(n.Label), termSafe(n.Type), via)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, lang.L("%d entities, %d relations among them\n"), len(nb.Nodes), len(nb.Edges))
	if nb.Truncated {
		fmt.Fprintf(env.Stderr, lang.L("stopped at %d entities (raise --limit)\n"), len(nb.Nodes))
	}
	return nil
}
