package cli

import (
	"flag"
	"fmt"
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

// load reads the dataset (or the embedded default) and says how long it took.
func (d *datasetFlags) load() (*graph.Graph, time.Duration, error) {
	start := time.Now()
	g, err := openDataset(d.path, d.maxBytes)
	return g, time.Since(start), err
}

func openDataset(path string, maxBytes int64) (*graph.Graph, error) {
	if path == "" {
		return dataset.Default()
	}
	g, err := dataset.LoadAny(path, dataset.Options{MaxBytes: maxBytes})
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return g, nil
}
