package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// datasetFlags are the flags every command that reads a dataset takes.
type datasetFlags struct {
	path      string
	edges     string
	workspace string
	maxBytes  int64
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
	fs.StringVar(&d.db, "db", "", "PostgreSQL `URL` of a graph loaded with 'linkscope db load', in place of -d")
	return d
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
		ws, g, err := dataset.OpenWorkspace(context.Background(), d.workspace, dataset.Options{MaxBytes: d.maxBytes, Warnings: &warnings})
		printWarnings(env.Stderr, warnings)
		d.ws = ws
		return g, time.Since(start), err
	}
	g, warnings, err := openDataset(d.path, d.edges, d.maxBytes)
	if g != nil {
		d.orig = g.Snapshot()
	}
	took := time.Since(start)
	printWarnings(env.Stderr, warnings)
	return g, took, err
}

// openDataset loads path (the embedded case when "" and no edges), or,
// with edges, the CSV node table path and edge table edges (edges alone
// when path is ""), and returns the problems that did not stop the load.
func openDataset(path, edges string, maxBytes int64) (*graph.Graph, []*dataset.Error, error) {
	var warnings []*dataset.Error
	opts := dataset.Options{MaxBytes: maxBytes, Warnings: &warnings}
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

// printWarnings writes each warning as "FILE:LINE:COL: warning: message".
func printWarnings(w io.Writer, warnings []*dataset.Error) {
	for _, e := range warnings {
		fmt.Fprintln(w, termText(fmt.Sprintf("%s:%d:%d: warning: %s", e.File, e.Line, e.Col, e.Msg)))
	}
}
