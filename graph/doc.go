// Package graph is Linkscope's model: a typed, dated, sourced multigraph of
// entities (nodes) joined by relations (edges), with a name index and the
// path algorithms that answer "how are these two connected?".
//
// Nodes and relations are addressed by dense int32 indices, in insertion
// order, so that algorithms run over flat slices; string ids map to indices
// through [Graph.NodeIndex] and [Graph.EdgeIndex].
//
// The structure is also exposed as a github.com/dominikbraun/graph graph
// ([Graph.Lib]) backed by the same storage: that library keeps one edge per
// ordered pair, so each of its edges carries, as data, the list of relation
// indices joining that pair ([PairRelations]).
//
// A Graph is append-only and not safe for concurrent mutation; concurrent
// reads are safe once loading is done.
package graph
