// Package dataset reads and writes Linkscope's JSON dataset format
// (linkscope/1, see FORMAT.md and schema.json) and turns it into the model
// of package graph, with every problem reported as FILE:LINE:COL. GraphML,
// GEXF and CSV files are decoded into the same records and checked by the
// same builder, so they are reported the same way; formats.go lists every
// format read or written. LoadContext is the entry point that takes a
// context and reports progress.
package dataset
