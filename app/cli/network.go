package cli

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph/path"
)

func init() {
	register(&command{
		name:    "find-network",
		args:    "[-d FILE] [--json] [--exclude a,b] [--types a,b] [--max-hops N] [--timeout D] ENTITY ENTITY...",
		summary: "the smallest network of relations found that joins the entities (a Steiner tree approximation)",
		run:     runFindNetwork,
	})
}

type networkJSON struct {
	Seeds []nodeJSON `json:"seeds"`
	Nodes []nodeJSON `json:"nodes"`
	Edges []edgeJSON `json:"edges"`
	// Apart lists groups of seed ids that no path joins to the others.
	Apart [][]string `json:"apart,omitempty"`
	// Bound is the approximation factor: at most Bound times the fewest
	// relations that could join the seeds.
	Bound float64 `json:"bound"`
}

func runFindNetwork(env *Env, args []string) error {
	fs := newFlags("find-network")
	ds := addDatasetFlags(fs)
	asJSON := fs.Bool("json", false, "")
	exclude := fs.String("exclude", "", "")
	types := fs.String("types", "", "")
	maxHops := fs.Int("max-hops", 0, "")
	timeout := fs.Duration("timeout", 0, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usagef("want at least two entities to join, got %d", len(pos))
	}
	if *maxHops < 0 {
		return usagef("--max-hops must not be negative")
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	opt := path.NetworkOptions{RelTypes: splitList(*types), MaxHops: *maxHops}
	if err := checkTypes("relation", opt.RelTypes, g.EdgeTypes()); err != nil {
		return err
	}
	var seeds []int32
	for _, ref := range pos {
		v, err := resolveNode(g, ref)
		if err != nil {
			return err
		}
		seeds = append(seeds, v)
	}
	for _, ref := range splitList(*exclude) {
		v, err := resolveNode(g, ref)
		if err != nil {
			return err
		}
		opt.Exclude = append(opt.Exclude, v)
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	net, err := path.ConnectingNetwork(ctx, g.Topology(), seeds, opt)
	if err == context.DeadlineExceeded {
		return fmt.Errorf(lang.L("find-network: stopped at the --timeout of %v"), *timeout)
	}
	if err != nil {
		return err
	}
	bound := path.ApproximationFactor(len(net.Seeds))
	if *asJSON {
		out := networkJSON{Bound: bound}
		for _, v := range net.Seeds {
			out.Seeds = append(out.Seeds, toNodeJSON(g, v))
		}
		for _, v := range net.Nodes {
			out.Nodes = append(out.Nodes, toNodeJSON(g, v))
		}
		for _, r := range net.Edges {
			out.Edges = append(out.Edges, toEdgeJSON(g, r))
		}
		for _, grp := range net.Apart {
			var ids []string
			for _, v := range grp {
				ids = append(ids, g.Node(v).ID)
			}
			out.Apart = append(out.Apart, ids)
		}
		return writeJSON(env.Stdout, out)
	}
	names := make([]string, len(net.Seeds))
	for i, v := range net.Seeds {
		names[i] = nodeName(g, v)
	}
	others := len(net.Nodes) - len(net.Seeds)
	fmt.Fprintf(env.Stdout, lang.L("Network joining %s: %d %s through %d %s")+"\n", strings.Join(names, ", "),
		len(net.Edges), i18n.Plural(len(net.Edges), lang.L("relation"), lang.L("relations")),
		others, i18n.Plural(others, lang.L("other entity"), lang.L("other entities")))
	isSeed := map[int32]bool{}
	for _, v := range net.Seeds {
		isSeed[v] = true
	}
	for _, r := range net.Edges {
		e := g.Edge(r)
		fmt.Fprintf(env.Stdout, "  %s\n", formatPath(g, path.Path{Nodes: []int32{e.From, e.To}, Edges: []int32{r}}))
	}
	var via []string
	for _, v := range net.Nodes {
		if !isSeed[v] {
			via = append(via, nodeName(g, v))
		}
	}
	if len(via) > 0 {
		fmt.Fprintf(env.Stdout, lang.L("Through: %s\n"), strings.Join(via, ", "))
	}
	for k, grp := range net.Apart {
		var ns []string
		for _, v := range grp {
			ns = append(ns, nodeName(g, v))
		}
		if k == 0 {
			fmt.Fprintf(env.Stdout, lang.L("No path joins these groups: [%s]"), strings.Join(ns, ", "))
		} else {
			fmt.Fprintf(env.Stdout, " [%s]", strings.Join(ns, ", "))
		}
	}
	if len(net.Apart) > 0 {
		fmt.Fprintln(env.Stdout)
	}
	fmt.Fprintf(env.Stdout, lang.L("(at most %.2f× the fewest relations that could join them: Kou–Markowsky–Berman)\n"), bound)
	return nil
}
