// Package dataset reads and writes Linkscope's JSON dataset format
// (linkscope/1, see FORMAT.md and schema.json) and turns it into the model
// of package graph, with every problem reported as FILE:LINE:COL.
package dataset
