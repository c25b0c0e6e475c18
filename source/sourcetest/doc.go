// Package sourcetest is the conformance suite of [source.Source]: every
// source (the file, a PostgreSQL or a Neo4j one) must pass [Run], which
// builds sources over fixture graphs it generates and checks their answers
// against the graphs themselves.
//
// Fixtures: [CaseGraph], a small hand-made case whose answers the suite
// writes out, and [RandomGraph], random multigraphs checked against the
// definition.
package sourcetest
