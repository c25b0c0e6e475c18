package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// datasetFlags are the flags every command that reads a dataset takes.
type datasetFlags struct {
	path     string
	edges    string
	maxBytes int64
}

func addDatasetFlags(fs *flag.FlagSet) *datasetFlags {
	d := &datasetFlags{}
	fs.StringVar(&d.path, "d", "", "dataset `FILE` (the embedded Clearview case when absent)")
	fs.StringVar(&d.path, "dataset", "", "dataset `FILE`")
	fs.StringVar(&d.edges, "e", "", "CSV edge table `FILE` (the node table is -d; alone, an edge table whose ends are the entities)")
	fs.StringVar(&d.edges, "edges", "", "CSV edge table `FILE`")
	fs.Int64Var(&d.maxBytes, "max-bytes", dataset.DefaultMaxBytes, "refuse files larger than this")
	return d
}

// load reads the dataset (or the embedded default) and says how long it took.
func (d *datasetFlags) load() (*graph.Graph, time.Duration, error) {
	start := time.Now()
	g, err := openDataset(d.path, d.edges, d.maxBytes)
	return g, time.Since(start), err
}

// openDataset loads path (the embedded case when "" and no edges), or,
// with edges, the CSV node table path and edge table edges (edges alone
// when path is "").
func openDataset(path, edges string, maxBytes int64) (*graph.Graph, error) {
	opts := dataset.Options{MaxBytes: maxBytes}
	if edges != "" {
		paths := []string{edges}
		if path != "" {
			paths = []string{path, edges}
		}
		return dataset.LoadCSV(context.Background(), paths, opts)
	}
	if path == "" {
		return dataset.Default()
	}
	g, err := dataset.LoadAny(path, opts)
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return g, nil
}
