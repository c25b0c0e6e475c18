package dataset

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// GraphML attribute keys Linkscope writes. Besides the readable ones
// (label, type, date, x, y, size, r, g, b — the names Gephi's importer
// knows), the ls_* keys hold the parts of the model that have no flat
// form, as JSON, so that ReadGraphML gives back exactly the graph written.
const (
	gmlProps   = "ls_props"
	gmlAliases = "ls_aliases"
	gmlSources = "ls_sources"
	gmlDataset = "ls_dataset_sources"
	// gmlUndirected marks an undirected relation of a graph that also has
	// directed ones (see WriteGraphML).
	gmlUndirected = "ls_undirected"
)

// WriteGraphML writes g as GraphML (yEd, Gephi, Cytoscape, networkx): a
// multigraph (edgedefault="undirected" when every relation is undirected,
// else directed with ls_undirected on the undirected ones) with one
// attribute per scalar property (see propColumn for the names), positions
// and colours as Gephi reads them, and yEd's node graphics. An untyped
// relation has no label or type data. A graph with a NaN or infinite
// property is refused (see checkFinite).
func WriteGraphML(w io.Writer, g *graph.Graph, vis *Visual) error {
	if err := checkFinite(g); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := xmlText
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">` + "\n")
	nodeProps, nodeTypes := propColumns(g.NodeCount(), func(i int) graph.Props { return g.Node(int32(i)).Props })
	edgeProps, edgeTypes := propColumns(g.EdgeCount(), func(i int) graph.Props { return g.Edge(int32(i)).Props })
	key := func(id, dom, name, typ string) {
		p("  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", esc(id), dom, esc(name), typ)
	}
	key("title", "graph", "title", "string")
	key("description", "graph", "description", "string")
	key(gmlDataset, "graph", gmlDataset, "string")
	key("label", "node", "label", "string")
	key("type", "node", "type", "string")
	key(gmlAliases, "node", gmlAliases, "string")
	key(gmlProps, "node", gmlProps, "string")
	key(gmlSources, "node", gmlSources, "string")
	hasPos := vis != nil && len(vis.X) > 0
	if hasPos {
		key("x", "node", "x", "double")
		key("y", "node", "y", "double")
	}
	if vis != nil && len(vis.Size) > 0 {
		key("size", "node", "size", "double")
	}
	if vis != nil && len(vis.Color) > 0 {
		key("r", "node", "r", "int")
		key("g", "node", "g", "int")
		key("b", "node", "b", "int")
	}
	for _, k := range nodeProps {
		key("np_"+k, "node", propColumn(k), nodeTypes[k])
	}
	p("  <key id=\"yfiles_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
	key("elabel", "edge", "label", "string")
	key("etype", "edge", "type", "string")
	key("date", "edge", "date", "string")
	key("e"+gmlProps, "edge", gmlProps, "string")
	key("e"+gmlSources, "edge", gmlSources, "string")
	// Directions: a graph whose relations are all undirected is
	// edgedefault="undirected". A mixed graph is edgedefault="directed"
	// with ls_undirected=true on its undirected relations, not GraphML's
	// per-edge directed="false", which networkx refuses ("directed=false
	// edge found in directed graph") and so would not read the file.
	allUndirected, anyUndirected := g.EdgeCount() > 0, false
	for i := 0; i < g.EdgeCount(); i++ {
		u := g.Edge(int32(i)).Undirected
		allUndirected = allUndirected && u
		anyUndirected = anyUndirected || u
	}
	mixed := anyUndirected && !allUndirected
	if mixed {
		key("e"+gmlUndirected, "edge", gmlUndirected, "boolean")
	}
	for _, k := range edgeProps {
		key("ep_"+k, "edge", propColumn(k), edgeTypes[k])
	}
	if allUndirected {
		p("  <graph id=\"G\" edgedefault=\"undirected\">\n")
	} else {
		p("  <graph id=\"G\" edgedefault=\"directed\">\n")
	}
	data := func(indent, k, v string) {
		if v != "" {
			p("%s<data key=\"%s\">%s</data>\n", indent, esc(k), esc(v))
		}
	}
	data("    ", "title", g.Title)
	data("    ", "description", g.Description)
	data("    ", gmlDataset, sourcesJSON(g.Sources))
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		p("    <node id=\"%s\">\n", esc(n.ID))
		data("      ", "label", n.Label)
		data("      ", "type", n.Type)
		if len(n.Aliases) > 0 {
			data("      ", gmlAliases, jsonString(n.Aliases))
		}
		if n.Props.Len() > 0 {
			data("      ", gmlProps, jsonString(n.Props))
		}
		data("      ", gmlSources, citationsJSON(n.Sources))
		x, y, okPos := vis.pos(i)
		if okPos {
			data("      ", "x", formatFloat(x))
			data("      ", "y", formatFloat(y))
		}
		r, okSize := vis.size(i)
		if okSize {
			data("      ", "size", formatFloat(r))
		}
		c, okColor := vis.color(i)
		if okColor {
			data("      ", "r", fmt.Sprint(c.R))
			data("      ", "g", fmt.Sprint(c.G))
			data("      ", "b", fmt.Sprint(c.B))
		}
		for _, k := range scalarProps(n.Props) {
			data("      ", "np_"+k, formatScalar(n.Props.Value(k)))
		}
		if okPos || okColor {
			if !okSize {
				r = 10
			}
			fill := "#cccccc"
			if okColor {
				fill = hexRGB(c)
			}
			p("      <data key=\"yfiles_node\"><y:ShapeNode><y:Geometry x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/><y:Fill color=\"%s\" transparent=\"false\"/><y:BorderStyle type=\"line\" width=\"1.0\" color=\"#ffffff\"/><y:NodeLabel modelName=\"sides\" modelPosition=\"e\">%s</y:NodeLabel><y:Shape type=\"ellipse\"/></y:ShapeNode></data>\n",
				formatFloat(x-r), formatFloat(y-r), formatFloat(2*r), formatFloat(2*r), fill, esc(n.Label))
		}
		p("    </node>\n")
	}
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		p("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(e.ID), esc(g.Node(e.From).ID), esc(g.Node(e.To).ID))
		if mixed && e.Undirected {
			data("      ", "e"+gmlUndirected, "true")
		}
		data("      ", "elabel", e.Type)
		data("      ", "etype", e.Type)
		data("      ", "date", e.Date.String())
		if e.Props.Len() > 0 {
			data("      ", "e"+gmlProps, jsonString(e.Props))
		}
		data("      ", "e"+gmlSources, citationsJSON(e.Sources))
		for _, k := range scalarProps(e.Props) {
			data("      ", "ep_"+k, formatScalar(e.Props.Value(k)))
		}
		p("    </edge>\n")
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// xmlText escapes s for XML text and attribute values, dropping the
// characters XML 1.0 cannot carry.
func xmlText(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}
