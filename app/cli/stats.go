package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/i18n"
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
		title = lang.L("(untitled dataset)")
	}
	fmt.Fprintln(env.Stdout, termSafe(title))
	loc := i18n.Current()
	fmt.Fprintf(w, "%s\t%s\t\n", loc.Int(int64(g.NodeCount())), lang.L("entities"))
	for _, c := range nt {
		fmt.Fprintf(w, "%s\t  %s\t\n", loc.Int(int64(c.Count)), termSafe(g.TypeLabel(c.Type, loc.Lang)))
	}
	fmt.Fprintf(w, "%s\t%s\t\n", loc.Int(int64(g.EdgeCount())), lang.L("relations"))
	for _, c := range et {
		fmt.Fprintf(w, "%s\t  %s\t\n", loc.Int(int64(c.Count)), termSafe(g.TypeLabel(c.Type, loc.Lang)))
	}
	if undirected > 0 {
		fmt.Fprintf(w, "%s\t  %s\t\n", loc.Int(int64(undirected)), lang.L("of them undirected"))
	}
	fmt.Fprintf(w, "%s\t"+lang.L("connected components (largest: %s entities)")+"\t\n", loc.Int(int64(cc.Count())), loc.Int(int64(cc.Largest())))
	fmt.Fprintf(w, "%s\t%s\t\n", loc.Int(int64(scc.Count())), lang.L("strongly connected components"))
	return w.Flush()
}

func countMap(cs []graph.TypeCount) map[string]int {
	m := make(map[string]int, len(cs))
	for _, c := range cs {
		m[c.Type] = c.Count
	}
	return m
}
