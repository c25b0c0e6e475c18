package cli

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph/analysis"
)

func init() {
	register(&command{
		name: "analyze",
		args: "[-d FILE] --measure M [--types a,b] [--directed] [--weight PROP] [--samples K] [--seed S] [--resolution R] [--passes N] [--damping D] [--top N] [--timeout D] [--json]",
		summary: "network measures: centrality, k-core, components, communities\n\n" +
			"M is one of: " + strings.Join(view.Measures, ", ") + ".\n" +
			"  degree, in-degree, out-degree count relations (each parallel relation, a\n" +
			"    self-loop twice); --weight PROP sums a numeric property instead.\n" +
			"  betweenness (Brandes), closeness, harmonic, eigenvector, pagerank, kcore run\n" +
			"    on the simple graph (one link per pair, self-loops left out), both ways\n" +
			"    unless --directed; betweenness is exact up to 5000 entities and sampled\n" +
			"    from 1000 sources above (--samples K), with its error bound printed;\n" +
			"    closeness and harmonic likewise, exact up to 10000 entities;\n" +
			"    pagerank's damping is 0.85 (--damping), dangling entities spread evenly.\n" +
			"  components, scc: connected and strongly connected components.\n" +
			"  communities: Leiden on modularity (--resolution, default 1; --seed); its passes\n" +
			"    run again from their own result, each ending with a polish of single moves, until two\n" +
			"    in a row gain under 1e-4; by default at most 10 passes, 1 on nets over 100,000 links\n" +
			"    (--passes N: at most N).\n" +
			"--types keeps only relations of those types; --top N (default 20, 0: all)\n" +
			"limits the listing. --json prints {\"measure\", \"ms\", \"results\": [{\"id\",\n" +
			"\"value\"}]} best first (\"community\" instead of \"value\" for partitions, and\n" +
			"\"modularity\" for communities); ms excludes loading.",
		run: runAnalyze,
	})
}

type analyzeJSON struct {
	Measure    string           `json:"measure"`
	MS         float64          `json:"ms"`
	Note       string           `json:"note,omitempty"`
	Modularity *float64         `json:"modularity,omitempty"`
	Groups     *int             `json:"groups,omitempty"`
	Results    []map[string]any `json:"results"`
}

func runAnalyze(env *Env, args []string) error {
	fs := newFlags("analyze")
	ds := addDatasetFlags(fs)
	measure := fs.String("measure", "", "")
	types := fs.String("types", "", "")
	directed := fs.Bool("directed", false, "")
	weight := fs.String("weight", "", "")
	samples := fs.Int("samples", 0, "")
	seed := fs.Uint64("seed", 1, "")
	resolution := fs.Float64("resolution", 1, "")
	passes := fs.Int("passes", 0, "")
	damping := fs.Float64("damping", 0.85, "")
	top := fs.Int("top", 20, "")
	timeout := fs.Duration("timeout", 5*time.Minute, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *measure == "":
		return usagef("--measure is required (one of %s)", strings.Join(view.Measures, ", "))
	case *top < 0:
		return usagef("--top must be >= 0")
	case *samples < 0:
		return usagef("--samples must be >= 0")
	case *passes < 0:
		return usagef("--passes must be >= 0")
	case !(*resolution > 0) || math.IsInf(*resolution, 0):
		return usagef("--resolution must be positive")
	case !(*damping > 0 && *damping < 1):
		return usagef("--damping must be between 0 and 1")
	case *timeout <= 0:
		return usagef("--timeout must be positive")
	}
	req := view.AnalyzeRequest{Measure: *measure, Directed: *directed, Weight: *weight,
		Samples: *samples, Seed: *seed, Resolution: *resolution, Passes: *passes, Damping: *damping}
	if *types != "" {
		req.RelTypes = strings.Split(*types, ",")
	}
	if !slices.Contains(view.Measures, *measure) {
		return usagef("unknown measure %q (one of %s)", *measure, strings.Join(view.Measures, ", "))
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	// The load leaves tens of megabytes of garbage (the file's bytes, the
	// parser's records). Collected now, with the topology built, the
	// measure's arrays reuse that memory instead of faulting in fresh
	// pages and no collection runs during the measure: at 100k entities
	// the whole command took 348 ms instead of 371, communities' own
	// time 75 ms instead of 90 (BENCHMARKS.md).
	g.Topology()
	runtime.GC()
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	res, err := view.Analyze(ctx, g, req, nil)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf(lang.L("analyze: stopped at the timeout (%s); raise --timeout, or sample (--samples)"), *timeout)
	case errors.Is(err, analysis.ErrNotConverged):
		return fmt.Errorf(lang.L("analyze: %s: %w"), *measure, err)
	case err != nil:
		return err
	}
	ranked := res.Ranking(g)
	shown := ranked
	if *top > 0 && len(shown) > *top {
		shown = shown[:*top]
	}
	if *asJSON {
		out := analyzeJSON{Measure: res.Measure, MS: float64(res.Elapsed.Microseconds()) / 1000, Note: res.Note, Results: make([]map[string]any, len(shown))}
		if res.Partition != nil {
			n := len(res.Sizes)
			out.Groups = &n
		}
		if res.Measure == "communities" {
			q := res.Modularity
			out.Modularity = &q
		}
		for k, r := range shown {
			item := map[string]any{"id": g.Node(r.Index).ID}
			if res.Partition != nil {
				item["community"] = r.Group
			} else {
				item["value"] = r.Value
			}
			out.Results[k] = item
		}
		return writeJSON(env.Stdout, out)
	}
	fmt.Fprintf(env.Stdout, lang.L("%s of %d entities in %s"), view.MeasureTitle(res.Measure), g.NodeCount(), res.Elapsed.Round(time.Microsecond))
	if res.LocalNote != "" {
		fmt.Fprintf(env.Stdout, " (%s)", res.LocalNote)
	}
	fmt.Fprintln(env.Stdout)
	if res.Partition != nil {
		fmt.Fprintf(env.Stdout, lang.L("%d groups; largest: %s\n"), len(res.Sizes), sizesLine(res.Sizes, 8))
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	for k, r := range shown {
		nd := g.Node(r.Index)
		if res.Partition != nil {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\n", k+1, r.Group, termSafe(nd.ID), termSafe(nd.Label))
		} else {
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", k+1, formatValue(r.Value), termSafe(nd.ID), termSafe(nd.Label))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(shown) < len(ranked) {
		fmt.Fprintf(env.Stdout, lang.L("(%d more; --top 0 lists all)\n"), len(ranked)-len(shown))
	}
	return nil
}

func sizesLine(sizes []int, n int) string {
	var b strings.Builder
	for k, s := range sizes {
		if k == n {
			b.WriteString(", …")
			break
		}
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, s)
	}
	return b.String()
}

func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.6g", v)
}
