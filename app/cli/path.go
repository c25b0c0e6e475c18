package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2/lang"
	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

func init() {
	register(&command{
		name: "path",
		args: "[-d FILE] [--db URL] [--json] [--types a,b] [--exclude-types a,b] [--directed] [--max-hops N] [--k K | --all] [--limit N] [--timeout D] [--in-date-order] [--earliest-arrival [--since DATE] | --latest-departure [--until DATE]] [--max-gap DAYS] [--undated stop|continue|reported] FROM TO\n" +
			"       linkscope path [-d FILE] --pairs PAIRS.json [--directed] [--json]",
		summary: "how two entities are connected: shortest path, k shortest or all simple paths\n\n" +
			"FROM and TO are ids, labels or aliases. --k K gives the K shortest simple paths,\n" +
			"--all every simple path up to --max-hops (default 4, at most 8) and at most --limit;\n" +
			"--in-date-order keeps paths whose dated relations do not go back in time.\n" +
			"--earliest-arrival finds the time-respecting path that arrives first, leaving\n" +
			"no earlier than --since; --latest-departure the one that leaves last and still\n" +
			"arrives by --until; --max-gap bounds the days between consecutive relations;\n" +
			"--undated says what an undated relation does: stop (the default: it cannot be\n" +
			"followed), continue (followed, no date), reported (takes the date it was first\n" +
			"reported in a cited source). Partial dates are intervals (FORMAT.md).\n" +
			"--timeout D (default 10s) bounds the search, and the paths kept are bounded to\n" +
			"128 MiB: stopped by either, or by --limit, it prints the paths found so far, says\n" +
			"so on stderr (in --json, \"truncated\" and \"stopped\": timeout, memory or limit)\n" +
			"and exits 0. No path at all exits 1.\n" +
			"--pairs runs the shortest-path query for each [from, to] pair of a JSON array and\n" +
			"reports lengths (-1: no path) and the median time of one query in microseconds.",
		run: runPath,
	})
}

// storeLimit bounds the memory of the paths (and query matches) path,
// query and export keep, in int32s (see path.Options.StoreLimit):
// 128 MiB, half the library's default, because the commands print every
// path they keep once the search is over. A path of 8 hops costs 116 bytes
// kept and about 170 printed, so 128 MiB is some 1.2 million lines and
// 200 MB of text, which take about as long to write as the search took
// to find them. Tests lower it.
var storeLimit = path.DefaultStoreLimit / 2

// storeLimitText says storeLimit in bytes, for messages.
func storeLimitText() string {
	if b := storeLimit * 4; b >= 1<<20 {
		return fmt.Sprintf("%d MiB", b>>20)
	}
	return fmt.Sprintf("%d KiB", storeLimit*4>>10)
}

// pathFlags are the search options shared by path and neighbors.
type pathFlags struct {
	types, excludeTypes string
	directed, dated     bool
	maxHops             int
}

func addPathFlags(fs *flag.FlagSet) *pathFlags {
	p := &pathFlags{}
	fs.StringVar(&p.types, "types", "", "follow only these relation types (comma-separated)")
	fs.StringVar(&p.excludeTypes, "exclude-types", "", "do not pass through entities of these types")
	fs.BoolVar(&p.directed, "directed", false, "follow relations only from subject to object")
	fs.BoolVar(&p.dated, "in-date-order", false, "dated relations must not go back in time along the path")
	fs.IntVar(&p.maxHops, "max-hops", 0, "longest path (relations)")
	return p
}

// options checks the flags against g and returns the search options.
func (p *pathFlags) options(g *graph.Graph) (path.Options, error) {
	o := p.searchOptions()
	if p.maxHops < 0 {
		return o, usagef("--max-hops must not be negative")
	}
	if err := checkTypes("relation", o.RelTypes, g.EdgeTypes()); err != nil {
		return o, err
	}
	return o, checkTypes("entity", o.ExcludeNodeTypes, g.NodeTypes())
}

// searchOptions are the flags as search options, unchecked (--db checks
// them against the database).
func (p *pathFlags) searchOptions() path.Options {
	return path.Options{
		Directed: p.directed, InDateOrder: p.dated, MaxHops: p.maxHops,
		RelTypes: splitList(p.types), ExcludeNodeTypes: splitList(p.excludeTypes),
		StoreLimit: storeLimit,
	}
}

func runPath(env *Env, args []string) error {
	fs := newFlags("path")
	ds := addDatasetFlags(fs)
	pf := addPathFlags(fs)
	asJSON := fs.Bool("json", false, "")
	k := fs.Int("k", 1, "")
	all := fs.Bool("all", false, "")
	limit := fs.Int("limit", 100, "")
	timeout := fs.Duration("timeout", 10*time.Second, "")
	pairs := fs.String("pairs", "", "")
	earliest := fs.Bool("earliest-arrival", false, "")
	latest := fs.Bool("latest-departure", false, "")
	since := fs.String("since", "", "")
	until := fs.String("until", "", "")
	maxGap := fs.Int("max-gap", 0, "")
	undated := fs.String("undated", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	kSet := false
	fs.Visit(func(f *flag.Flag) { kSet = kSet || f.Name == "k" })
	switch {
	case *pairs != "" && len(pos) != 0:
		return usagef("--pairs takes no FROM TO")
	case *pairs == "" && len(pos) != 2:
		return usagef("want FROM and TO, got %d arguments", len(pos))
	case *all && kSet:
		return usagef("--k and --all exclude each other")
	case *k < 1:
		return usagef("--k must be at least 1")
	case *limit < 1:
		return usagef("--limit must be at least 1")
	case *timeout <= 0:
		return usagef("--timeout must be positive")
	case *all && pf.maxHops > path.MaxAllPathsHops:
		return usagef("--all takes --max-hops up to %d", path.MaxAllPathsHops)
	case *earliest && *latest:
		return usagef("--earliest-arrival and --latest-departure exclude each other")
	case (*earliest || *latest) && (*all || kSet || pf.dated):
		return usagef("--earliest-arrival and --latest-departure give one path (no --k, --all or --in-date-order)")
	case (*since != "" || *until != "" || *maxGap != 0 || *undated != "") && !*earliest && !*latest:
		return usagef("--since, --until, --max-gap and --undated go with --earliest-arrival or --latest-departure")
	}
	var timed path.TimeOptions
	if *earliest || *latest {
		timed = path.TimeOptions{Objective: path.EarliestArrival, MaxGapDays: *maxGap, Undated: *undated}
		if *latest {
			timed.Objective = path.LatestDeparture
		}
		for _, d := range []struct {
			flag, text string
			to         *graph.Date
		}{{"since", *since, &timed.Since}, {"until", *until, &timed.Until}} {
			if d.text == "" {
				continue
			}
			v, err := graph.ParseDate(d.text)
			if err != nil {
				return usagef("--%s: %v", d.flag, err)
			}
			*d.to = v
		}
		if err := timed.Check(); err != nil {
			return usagef("%v", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var g *graph.Graph
	var opt path.Options
	if ds.db != "" {
		if err := ds.checkDB(); err != nil {
			return err
		}
		if *all || *k > 1 || pf.dated {
			return usagef("with --db, path finds the shortest path only (no --k, --all or --in-date-order)")
		}
		if *pairs != "" {
			return runPairsDB(context.Background(), env, ds.db, *pairs, pf, *asJSON) // untimed, as in memory
		}
		if g, pos, err = pathFromDB(ctx, ds.db, pos, pf); err != nil {
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
		if *pairs != "" {
			return runPairs(env, g, *pairs, opt, *asJSON)
		}
	}
	from, err := resolveNode(g, pos[0])
	if err != nil {
		return err
	}
	to, err := resolveNode(g, pos[1])
	if err != nil {
		return err
	}
	req := view.PathRequest{From: from, To: to, Mode: view.Shortest, K: *k, Limit: *limit, Options: opt}
	switch {
	case *all:
		req.Mode = view.AllPaths
	case *k > 1:
		req.Mode = view.KShortest
	case *earliest || *latest:
		req.Mode, req.Time = view.Timed, timed
	}
	set, err := view.RunPaths(ctx, path.NewSearcher(g), req)
	if err != nil {
		return err
	}
	return printPaths(env, g, set, *asJSON, nil, fmt.Sprintf("no path from %s to %s", nodeName(g, from), nodeName(g, to)))
}

// printPaths writes a path set as JSON or one path a line; bindings, when
// given, makes the query bindings of the i-th path (as it is printed, so
// that they are not all held at once). An empty human answer prints
// none on stderr and exits 1. A set stopped by the timeout, the memory
// bound or the limit is printed all the same, with a note on stderr, and
// exits 0. The output is buffered and the JSON written path by path, so
// that printing millions of paths takes little time and memory.
func printPaths(env *Env, g *graph.Graph, set path.Set, asJSON bool, bindings func(i int) map[string]any, none string) error {
	w := bufio.NewWriterSize(env.Stdout, 256<<10)
	if asJSON {
		if err := writePathsJSON(w, g, set, bindings); err != nil {
			return err
		}
		return w.Flush()
	}
	pp := newPathPrinter(g)
	var line []byte
	for i, p := range set.Paths {
		line = pp.appendPath(line[:0], p)
		if bindings != nil {
			if b := bindings(i); len(b) > 0 {
				line = append(line, "   "...)
				line = append(line, formatBindings(b)...)
			}
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	switch {
	case set.TimedOut:
		fmt.Fprintf(env.Stderr, lang.L("stopped at the timeout after %d paths: there may be more (raise --timeout)\n"), len(set.Paths))
	case set.Full:
		fmt.Fprintf(env.Stderr, lang.L("stopped at %d paths, the memory bound (%s of paths): there are more\n"), len(set.Paths), storeLimitText())
	case set.Truncated:
		fmt.Fprintf(env.Stderr, lang.L("stopped at %d paths: there are more (raise --limit)\n"), len(set.Paths))
	case len(set.Paths) == 0:
		fmt.Fprintln(env.Stderr, none)
		return &exitError{1}
	}
	return nil
}

// writePathsJSON writes the pathsJSON document one path at a time.
func writePathsJSON(w io.Writer, g *graph.Graph, set path.Set, bindings func(i int) map[string]any) error {
	if _, err := io.WriteString(w, `{"paths":[`); err != nil {
		return err
	}
	for i, p := range set.Paths {
		j := toPathJSON(g, p)
		if bindings != nil {
			j.Bindings = bindings(i)
		}
		b, err := json.Marshal(j)
		if err != nil {
			return err
		}
		if i > 0 {
			b = append([]byte{','}, b...)
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	// the end of the document, in pathsJSON's field order
	tail := fmt.Sprintf(`],"truncated":%t`, set.Truncated)
	if st := stoppedBy(set); st != "" {
		tail += fmt.Sprintf(`,"stopped":%q`, st)
	}
	_, err := io.WriteString(w, tail+"}\n")
	return err
}

// stoppedBy names what stopped a path set early: "timeout", "memory",
// "limit", or "" when it is complete.
func stoppedBy(set path.Set) string {
	switch {
	case set.TimedOut:
		return "timeout"
	case set.Full:
		return "memory"
	case set.Truncated:
		return "limit"
	}
	return ""
}

// pairsJSON is the output of path --pairs.
type pairsJSON struct {
	Results   []pairResult `json:"results"`
	USMedian  float64      `json:"us_median"`
	USMean    float64      `json:"us_mean"`
	USP90     float64      `json:"us_p90"`
	Queries   int          `json:"queries"`
	Directed  bool         `json:"directed"`
	FoundFrac float64      `json:"found_frac"`
	MeanHops  float64      `json:"mean_hops"`
	PrepareMS float64      `json:"prepare_ms"`
}

// summarise fills the timings (us, microseconds per query, sorted here),
// the share of pairs with a path and their mean length.
func (out *pairsJSON) summarise(us []float64, found, hops int) {
	if len(us) > 0 {
		sum := 0.0
		for _, u := range us {
			sum += u
		}
		out.USMean = round2(sum / float64(len(us)))
		slices.Sort(us)
		out.USMedian = round2(quantile(us, 0.5))
		out.USP90 = round2(quantile(us, 0.9))
		out.FoundFrac = math.Round(float64(found)/float64(len(us))*10000) / 10000
	}
	if found > 0 {
		out.MeanHops = math.Round(float64(hops)/float64(found)*1000) / 1000
	}
}

type pairResult struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Length int    `json:"length"`
}

// runPairs times one shortest-path query per pair, after one untimed
// warm-up pass over all pairs (as graphology's sp.mjs does).
func runPairs(env *Env, g *graph.Graph, file string, opt path.Options, asJSON bool) error {
	data, err := readSideFile(file, "--pairs", MaxSideFileBytes)
	if err != nil {
		return err
	}
	var raw [][]string
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf(lang.L("%s: want a JSON array of [from, to] pairs: %v"), file, err)
	}
	type pair struct{ from, to int32 }
	ps := make([]pair, len(raw))
	for i, p := range raw {
		if len(p) != 2 {
			return fmt.Errorf(lang.L("%s: pair %d has %d elements, want 2"), file, i, len(p))
		}
		var ends [2]int32
		for j, ref := range p {
			v, ok := g.NodeIndex(ref)
			if !ok {
				if v, err = resolveNode(g, ref); err != nil {
					return fmt.Errorf(lang.L("%s: pair %d: %v"), file, i, err)
				}
			}
			ends[j] = v
		}
		ps[i] = pair{ends[0], ends[1]}
	}
	start := time.Now()
	s := path.NewSearcher(g)
	prepare := time.Since(start)
	ctx := context.Background()
	for _, p := range ps { // warm-up
		s.Shortest(ctx, p.from, p.to, opt)
	}
	out := pairsJSON{Results: make([]pairResult, len(ps)), Queries: len(ps), Directed: opt.Directed}
	us := make([]float64, len(ps))
	found, hops := 0, 0
	for i, p := range ps {
		t0 := time.Now()
		path, ok, _ := s.Shortest(ctx, p.from, p.to, opt)
		us[i] = float64(time.Since(t0).Nanoseconds()) / 1000
		out.Results[i] = pairResult{raw[i][0], raw[i][1], -1}
		if ok {
			out.Results[i].Length = path.Len()
			found++
			hops += path.Len()
		}
	}
	out.summarise(us, found, hops)
	out.PrepareMS = round2(float64(prepare.Microseconds()) / 1000)
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	for _, r := range out.Results {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%d\n", termSafe(r.From), termSafe(r.To), r.Length)
	}
	fmt.Fprintf(env.Stdout, lang.L("%d queries, median %.2f µs, mean %.2f µs, p90 %.2f µs, %.0f%% with a path\n"),
		out.Queries, out.USMedian, out.USMean, out.USP90, 100*out.FoundFrac)
	return nil
}

// quantile of sorted values, interpolating linearly (as graphology's
// harness does).
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
