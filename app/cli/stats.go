package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/analysis"
)

func init() {
	register(&command{
		name:    "stats",
		args:    "[-d FILE] [--json]",
		summary: "count entities and relations, by type",
		run:     runStats,
	})
}

// statsJSON is the --json output of stats.
type statsJSON struct {
	Nodes     int            `json:"nodes"`
	Edges     int            `json:"edges"`
	NodeTypes map[string]int `json:"nodeTypes"`
	EdgeTypes map[string]int `json:"edgeTypes"`
	// Components counts the connected components (relations followed
	// either way); Largest is the size of the biggest; Strong counts the
	// strongly connected components.
	Components int `json:"components"`
	Largest    int `json:"largestComponent"`
	Strong     int `json:"stronglyConnected"`
	// Undirected counts the relations with no direction.
	Undirected int `json:"undirectedEdges"`
}

func runStats(env *Env, args []string) error {
	fs := newFlags("stats")
	ds := addDatasetFlags(fs)
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q (use -d FILE)", pos[0])
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	nt, et := g.NodeTypes(), g.EdgeTypes()
	undirected := 0
	for e := 0; e < g.EdgeCount(); e++ {
		if g.Edge(int32(e)).Undirected {
			undirected++
		}
	}
	ctx := context.Background()
	cc, err := analysis.Connected(ctx, g.Topology())
	if err != nil {
		return err
	}
	scc, err := analysis.StronglyConnected(ctx, g.Topology())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, statsJSON{g.NodeCount(), g.EdgeCount(), countMap(nt), countMap(et), cc.Count(), cc.Largest(), scc.Count(), undirected})
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	title := g.Title
	if title == "" {
		title = "(untitled dataset)"
	}
	fmt.Fprintln(env.Stdout, termSafe(title))
	fmt.Fprintf(w, "%d\tentities\t\n", g.NodeCount())
	for _, c := range nt {
		fmt.Fprintf(w, "%d\t  %s\t\n", c.Count, termSafe(c.Type))
	}
	fmt.Fprintf(w, "%d\trelations\t\n", g.EdgeCount())
	for _, c := range et {
		fmt.Fprintf(w, "%d\t  %s\t\n", c.Count, termSafe(c.Type))
	}
	if undirected > 0 {
		fmt.Fprintf(w, "%d\t  of them undirected\t\n", undirected)
	}
	fmt.Fprintf(w, "%d\tconnected components (largest: %d entities)\t\n", cc.Count(), cc.Largest())
	fmt.Fprintf(w, "%d\tstrongly connected components\t\n", scc.Count())
	return w.Flush()
}

func countMap(cs []graph.TypeCount) map[string]int {
	m := make(map[string]int, len(cs))
	for _, c := range cs {
		m[c.Type] = c.Count
	}
	return m
}
