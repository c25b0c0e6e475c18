// Package graph is Linkscope's model of an investigation: a typed, dated,
// sourced multigraph of entities (nodes) joined by relations (edges), the
// chart state that belongs to it (positions, pins, hidden types, notes,
// groups), and the name index that finds entities by name.
//
// Files:
//   - graph.go: the Graph, its building methods for loaders (AddNode,
//     AddEdge), accessors and copy-on-write snapshots.
//   - command.go, edit.go, history.go: every change as a Command with its
//     inverse, applied through Graph.Apply; undo, redo and the replayable
//     history (the audit trail).
//   - topology.go, style.go: the one derived structure (arcs, degrees, type
//     ids, date keys) and the type table that decides every type's colour.
//   - index.go, fold.go: accent- and case-insensitive name search.
//   - store.go: a read-only github.com/dominikbraun/graph view.
//
// Paths and finders are in graph/path, the pattern language in
// graph/query, layouts in graph/layout, network measures in
// graph/analysis.
//
// Nodes and relations are addressed by dense int32 indices, in insertion
// order, so that algorithms run over flat slices; string ids map to indices
// through [Graph.NodeIndex] and [Graph.EdgeIndex]. A deletion renumbers the
// indices after it; ids never change.
//
// One goroutine changes a Graph; others read a [Graph.Snapshot].
package graph
