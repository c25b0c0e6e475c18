package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/view"
)

func init() {
	register(&command{
		name: "find-clusters",
		args: "[-d FILE] [--types a,b] [--min-strength K] [--min-size N] [--top N] [--timeout D] [--json]",
		summary: "groups of entities ranked by how many relations must be cut to separate them\n\n" +
			"Every two members of a group are joined by at least STRENGTH paths that share\n" +
			"no relation (edge connectivity, relations followed either way, parallel\n" +
			"relations counted once); each group is listed at its highest strength, strongest\n" +
			"first. --min-strength (default 2) and --min-size (default 3) filter the groups;\n" +
			"graphs of up to 20,000 entities (one maximum flow per entity).",
		run: runClusters,
	})
}

type clusterJSON struct {
	Strength int      `json:"strength"`
	Members  []string `json:"members"`
}

func runClusters(env *Env, args []string) error {
	fs := newFlags("find-clusters")
	ds := addDatasetFlags(fs)
	types := fs.String("types", "", "")
	minStrength := fs.Int("min-strength", 2, "")
	minSize := fs.Int("min-size", 3, "")
	top := fs.Int("top", 20, "")
	timeout := fs.Duration("timeout", time.Minute, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *minStrength < 1:
		return usagef("--min-strength must be at least 1")
	case *minSize < 2:
		return usagef("--min-size must be at least 2")
	case *top < 0:
		return usagef("--top must be >= 0")
	case *timeout <= 0:
		return usagef("--timeout must be positive")
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	req := view.ClusterRequest{RelTypes: splitList(*types), MinStrength: *minStrength, MinSize: *minSize}
	cl, err := view.FindClusters(ctx, g, req, nil)
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf(lang.L("find-clusters: stopped at the timeout (%s)"), *timeout)
	}
	if err != nil {
		return err
	}
	shown := cl
	if *top > 0 && len(shown) > *top {
		shown = shown[:*top]
	}
	if *asJSON {
		out := make([]clusterJSON, len(shown))
		for k, c := range shown {
			out[k].Strength = c.Strength
			for _, v := range c.Members {
				out[k].Members = append(out[k].Members, g.Node(v).ID)
			}
		}
		return writeJSON(env.Stdout, map[string]any{"clusters": out})
	}
	if len(cl) == 0 {
		fmt.Fprintf(env.Stderr, lang.L("no group of %d or more entities bound by %d or more relations\n"), *minSize, *minStrength)
		return &exitError{1}
	}
	for _, c := range shown {
		names := make([]string, len(c.Members))
		for k, v := range c.Members {
			names[k] = termSafe(nodeName(g, v))
		}
		fmt.Fprintf(env.Stdout, lang.L("strength %d, %d entities: %s\n"), c.Strength, len(c.Members), strings.Join(names, ", "))
	}
	if len(shown) < len(cl) {
		fmt.Fprintf(env.Stdout, lang.L("(%d more; --top 0 lists all)\n"), len(cl)-len(shown))
	}
	return nil
}
