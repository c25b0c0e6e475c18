// Package query is Linkscope's path-pattern language, a subset of Cypher:
//
//	(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)
//	SHORTEST 3 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})
//
// [Parse] turns the text into a [Query] (errors point at a column),
// [Compile] checks it against a graph and picks an evaluation order, and
// [Plan.Run] finds the matches with a result cap and a context for the
// deadline ([Plan.RunWith] adds a memory bound and a progress callback). A match is a simple path (no entity twice, unless the pattern
// repeats a variable, which asks for that entity again) with the bindings
// of the pattern's variables. The package runs on graph.Graph alone; the
// CLI and the window share it.
package query
