package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/dataset"
)

func init() {
	register(&command{
		name:    "validate",
		args:    "[--max-bytes N] [--time] [FILE | NODES.csv EDGES.csv | -e EDGES.csv [NODES.csv] | -w WS.linkscope]",
		summary: "check a dataset file (the embedded one when no FILE), or a CSV node table and edge table, or a workspace (-w, or a FILE ending in .linkscope: its data, checksum and history), and report every problem as FILE:LINE:COL",
		run:     runValidate,
	})
}

func runValidate(env *Env, args []string) error {
	fs := newFlags("validate")
	maxBytes := fs.Int64("max-bytes", dataset.DefaultMaxBytes, "")
	timed := fs.Bool("time", false, "")
	var edges string
	fs.StringVar(&edges, "e", "", "")
	fs.StringVar(&edges, "edges", "", "")
	var ws string
	fs.StringVar(&ws, "w", "", "")
	fs.StringVar(&ws, "workspace", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if ws == "" && len(pos) == 1 && edges == "" && strings.EqualFold(filepath.Ext(pos[0]), dataset.WorkspaceExt) {
		ws, pos = pos[0], nil
	}
	if ws != "" {
		if len(pos) > 0 || edges != "" {
			return usagef("give a dataset or -w WS.linkscope, not both")
		}
		return validateWorkspace(env, ws, *maxBytes, *timed)
	}
	if len(pos) == 2 && edges == "" {
		edges, pos = pos[1], pos[:1]
	}
	if len(pos) > 1 {
		return usagef("expected at most one FILE, or a CSV node table and edge table")
	}
	path, name := "", dataset.DefaultName+" (embedded)"
	if len(pos) == 1 {
		path, name = pos[0], pos[0]
	}
	if edges != "" {
		name = edges
		if path != "" {
			name = path + " + " + edges
		}
	}
	start := time.Now()
	g, warnings, err := openDataset(path, edges, *maxBytes)
	took := time.Since(start)
	printWarnings(env.Stderr, warnings)
	if err != nil {
		fmt.Fprintln(env.Stderr, termText(i18n.Message(err)))
		return &exitError{1}
	}
	fmt.Fprintf(env.Stdout, lang.L("%s: ok, %d entities (%d types), %d relations (%d types), %d sources"),
		termSafe(name), g.NodeCount(), len(g.NodeTypes()), g.EdgeCount(), len(g.EdgeTypes()), len(g.Sources))
	if len(warnings) > 0 {
		fmt.Fprintf(env.Stdout, lang.L(", %d warnings"), len(warnings))
	}
	if *timed {
		// read, decode, validate and build, measured in-process
		fmt.Fprintf(env.Stdout, lang.L("; loaded in %.1f ms"), float64(took.Microseconds())/1000)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

// validateWorkspace opens a workspace (its data, checksum and history) and
// says what it holds.
func validateWorkspace(env *Env, path string, maxBytes int64, timed bool) error {
	start := time.Now()
	var warnings []*dataset.Error
	ws, g, err := dataset.OpenWorkspace(context.Background(), path, dataset.Options{MaxBytes: maxBytes, Warnings: &warnings, PauseGC: true})
	took := time.Since(start)
	printWarnings(env.Stderr, warnings)
	if err != nil {
		fmt.Fprintln(env.Stderr, termText(i18n.Message(err)))
		return &exitError{1}
	}
	data := "inline data"
	if ws.Data.Ref != nil {
		data = "data " + ws.Data.Ref.Path + " (checksum ok)"
	}
	fmt.Fprintf(env.Stdout, lang.L("%s: ok, %s, %d history entries; edited graph: %d entities (%d types), %d relations (%d types)"),
		termSafe(path), termSafe(data), len(ws.History), g.NodeCount(), len(g.NodeTypes()), g.EdgeCount(), len(g.EdgeTypes()))
	if timed {
		fmt.Fprintf(env.Stdout, lang.L("; opened in %.1f ms"), float64(took.Microseconds())/1000)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}
