package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// datasetFlags are the flags every command that reads a dataset takes.
type datasetFlags struct {
	path     string
	maxBytes int64
}

func addDatasetFlags(fs *flag.FlagSet) *datasetFlags {
	d := &datasetFlags{}
	fs.StringVar(&d.path, "d", "", "dataset `FILE` (the embedded Clearview case when absent)")
	fs.StringVar(&d.path, "dataset", "", "dataset `FILE`")
	fs.Int64Var(&d.maxBytes, "max-bytes", dataset.DefaultMaxBytes, "refuse files larger than this")
	return d
}

// load reads the dataset (or the embedded default) and says how long it
// took; the load's warnings go to env.Stderr, one per line.
func (d *datasetFlags) load(env *Env) (*graph.Graph, time.Duration, error) {
	start := time.Now()
	g, warnings, err := openDataset(d.path, d.maxBytes)
	took := time.Since(start)
	printWarnings(env.Stderr, warnings)
	return g, took, err
}

// openDataset loads the file at path (the embedded default when empty)
// and returns the problems that did not stop the load.
func openDataset(path string, maxBytes int64) (*graph.Graph, []*dataset.Error, error) {
	if path == "" {
		g, err := dataset.Default()
		return g, nil, err
	}
	var warnings []*dataset.Error
	g, err := dataset.LoadAny(path, dataset.Options{MaxBytes: maxBytes, Warnings: &warnings})
	if err != nil {
		return nil, warnings, fmt.Errorf("%w", err)
	}
	return g, warnings, nil
}

// printWarnings writes each warning as "FILE:LINE:COL: warning: message".
func printWarnings(w io.Writer, warnings []*dataset.Error) {
	for _, e := range warnings {
		fmt.Fprintf(w, "%s:%d:%d: warning: %s\n", e.File, e.Line, e.Col, e.Msg)
	}
}
