package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// datasetFlags are the flags every command that reads a dataset takes.
type datasetFlags struct {
	path      string
	edges     string
	workspace string
	maxBytes  int64
	// asOf, from and undated: the timeline's date range (see
	// view.Filter): the commands answer with what the window shows then.
	asOf, from string
	undated    bool
	// db is the --db URL of a PostgreSQL graph (see db.go), for the
	// commands that read one in place of a file.
	db string
	// ws is the workspace loaded with -w (nil without), and orig the
	// data as loaded before any edit (for apply).
	ws   *dataset.Workspace
	orig *graph.Graph
}

func addDatasetFlags(fs *flag.FlagSet) *datasetFlags {
	d := &datasetFlags{}
	fs.StringVar(&d.path, "d", "", "dataset `FILE` (the embedded Clearview case when absent)")
	fs.StringVar(&d.path, "dataset", "", "dataset `FILE`")
	fs.StringVar(&d.edges, "e", "", "CSV edge table `FILE` (the node table is -d; alone, an edge table whose ends are the entities)")
	fs.StringVar(&d.edges, "edges", "", "CSV edge table `FILE`")
	fs.StringVar(&d.workspace, "w", "", "workspace `FILE.linkscope`: work on its edited graph")
	fs.StringVar(&d.workspace, "workspace", "", "workspace `FILE.linkscope`")
	fs.Int64Var(&d.maxBytes, "max-bytes", dataset.DefaultMaxBytes, "refuse files larger than this")
	fs.StringVar(&d.asOf, "as-of", "", "work on the graph as it stood on `DATE` (what the window's timeline shows)")
	fs.StringVar(&d.from, "from", "", "with --as-of: from `DATE` on (a range)")
	fs.BoolVar(&d.undated, "with-undated", false, "with --as-of: keep relations that have no date at all")
	fs.StringVar(&d.db, "db", "", "PostgreSQL `URL` of a graph loaded with 'linkscope db load', in place of -d")
	return d
}

// timeFilter is the timeline filter of --as-of and --from (ok false when
// neither is given).
func (d *datasetFlags) timeFilter() (f view.Filter, ok bool, err error) {
	if d.asOf == "" && d.from == "" {
		if d.undated {
			return f, false, usagef("--with-undated goes with --as-of or --from")
		}
		return f, false, nil
	}
	for _, x := range []struct {
		flag, text string
		last       bool
		to         *int32
	}{{"as-of", d.asOf, true, &f.AsOf}, {"from", d.from, false, &f.From}} {
		if x.text == "" {
			continue
		}
		date, err := graph.ParseDate(x.text)
		if err != nil || date.IsZero() {
			return f, false, usagef("--%s %q: want a date YYYY[-MM[-DD]]", x.flag, x.text)
		}
		// a partial date means its whole interval: as of 2021 is as of
		// the end of 2021, from 2021 from its start
		if x.last {
			*x.to = date.Last()
		} else {
			*x.to = date.First()
		}
	}
	if f.AsOf != 0 && f.From > f.AsOf {
		return f, false, usagef("--from is after --as-of")
	}
	f.ShowUndated = d.undated
	return f, true, nil
}

// asOf restricts g to what the timeline shows for --as-of/--from (g
// itself without them).
func (d *datasetFlags) applyTime(g *graph.Graph) (*graph.Graph, error) {
	f, ok, err := d.timeFilter()
	if err != nil || !ok {
		return g, err
	}
	sub, _, err := view.VisibleSubgraph(g, view.Visible(g, f))
	return sub, err
}

// load reads the dataset (or the embedded default) and says how long it
// took; the load's warnings go to env.Stderr, one per line.
func (d *datasetFlags) load(env *Env) (*graph.Graph, time.Duration, error) {
	start := time.Now()
	if d.db != "" {
		return nil, 0, usagef("this command reads a dataset file, not --db")
	}
	if d.workspace != "" {
		if d.path != "" || d.edges != "" {
			return nil, 0, usagef("give -d (a dataset) or -w (a workspace), not both")
		}
		var warnings []*dataset.Error
		ws, g, err := dataset.OpenWorkspace(context.Background(), d.workspace, dataset.Options{MaxBytes: d.maxBytes, Warnings: &warnings, PauseGC: true})
		printWarnings(env.Stderr, warnings)
		d.ws = ws
		if err == nil {
			g, err = d.applyTime(g)
		}
		return g, time.Since(start), err
	}
	if _, _, err := d.timeFilter(); err != nil {
		return nil, 0, err
	}
	g, warnings, err := openDataset(d.path, d.edges, d.maxBytes)
	if g != nil {
		d.orig = g.Snapshot()
	}
	took := time.Since(start)
	printWarnings(env.Stderr, warnings)
	if err == nil {
		g, err = d.applyTime(g)
	}
	return g, took, err
}

// openDataset loads path (the embedded case when "" and no edges), or,
// with edges, the CSV node table path and edge table edges (edges alone
// when path is ""), and returns the problems that did not stop the load.
func openDataset(path, edges string, maxBytes int64) (*graph.Graph, []*dataset.Error, error) {
	var warnings []*dataset.Error
	opts := dataset.Options{MaxBytes: maxBytes, Warnings: &warnings, PauseGC: true}
	if edges != "" {
		paths := []string{edges}
		if path != "" {
			paths = []string{path, edges}
		}
		g, err := dataset.LoadCSV(context.Background(), paths, opts)
		return g, warnings, err
	}
	if path == "" {
		g, err := dataset.Default()
		return g, nil, err
	}
	g, err := dataset.LoadAny(path, opts)
	if err != nil {
		return nil, warnings, fmt.Errorf("%w", err)
	}
	return g, warnings, nil
}

// printWarnings writes each warning as "FILE:LINE:COL: warning: message",
// in the interface's language.
func printWarnings(w io.Writer, warnings []*dataset.Error) {
	for _, e := range warnings {
		fmt.Fprintln(w, termText(fmt.Sprintf(lang.L("%s:%d:%d: warning: %s"), e.File, e.Line, e.Col, i18n.Text(e.Text()))))
	}
}

// checkDB refuses the flags a --db command does not take.
func (d *datasetFlags) checkDB() error {
	if d.asOf != "" || d.from != "" || d.undated {
		return usagef("--as-of and --from read a dataset file or a workspace, not --db")
	}
	return nil
}
