package gui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// Engine calls the window's background work makes that take no context
// (yet): each wrapper takes one anyway, giving up before the call when it
// is already done, so that the work functions are all of the form
// func(ctx, progress). When the engine functions gain a ctx parameter,
// these wrappers pass it on.

// loadFile reads a dataset in any format the loader knows.
func loadFile(ctx context.Context, path string, progress func(string)) (*graph.Graph, error) {
	progress(fmt.Sprintf(lang.L("Loading %s…"), path))

	if nodes, edges, ok := dataset.SplitCSVPair(path); ok {
		return dataset.LoadCSV(ctx, []string{nodes, edges}, dataset.Options{PauseGC: true})
	}
	return dataset.LoadContext(ctx, path, dataset.Options{PauseGC: true})
}

// searchNames runs the fuzzy name search of snapshot g.
func searchNames(ctx context.Context, g *graph.Graph, q string, limit int) ([]graph.Match, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return g.Index().Search(q, limit), nil
}

// writeData is dataset.WriteFile.
func writeData(ctx context.Context, path string, g *graph.Graph, vis *dataset.Visual) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return dataset.WriteFile(path, g, vis)
}

// ctxWriter fails writes once ctx is done, so that a cancelled export
// stops (and WriteAtomic leaves the previous file in place).
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
