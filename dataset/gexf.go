package dataset

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

func init() {
	readers[".gexf"] = func(path string, opts Options) (*graph.Graph, error) {
		return readFileWith(path, opts, ReadGEXF)
	}
}

// WriteGEXF writes g as GEXF 1.3 (Gephi): a directed graph whose parallel
// relations stay separate edges (of distinct kinds, which Gephi needs), with node positions (Y pointing up, as
// in Gephi), colours and sizes in the viz namespace, and typed attributes
// for the properties. The ls_* attributes carry the rest of the model as
// JSON so that ReadGEXF gives back the graph written; GEXF has no place
// for the dataset's list of sources, which is left out.
func WriteGEXF(w io.Writer, g *graph.Graph, vis *Visual) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := xmlText
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	p("  <meta>\n    <creator>Linkscope</creator>\n")
	if g.Title != "" {
		p("    <title>%s</title>\n", esc(g.Title))
	}
	if g.Description != "" {
		p("    <description>%s</description>\n", esc(g.Description))
	}
	p("  </meta>\n")
	p("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
	nodeProps, nodeTypes := propColumns(g.NodeCount(), func(i int) map[string]any { return g.Node(int32(i)).Props })
	edgeProps, edgeTypes := propColumns(g.EdgeCount(), func(i int) map[string]any { return g.Edge(int32(i)).Props })
	p("    <attributes class=\"node\" mode=\"static\">\n")
	p("      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n")
	for _, k := range []string{gmlAliases, gmlProps, gmlSources} {
		p("      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n", k, k)
	}
	for i, k := range nodeProps {
		p("      <attribute id=\"np%d\" title=\"%s\" type=\"%s\"/>\n", i, esc(k), nodeTypes[k])
	}
	p("    </attributes>\n")
	p("    <attributes class=\"edge\" mode=\"static\">\n")
	p("      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n")
	p("      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n")
	for _, k := range []string{gmlProps, gmlSources} {
		p("      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n", k, k)
	}
	for i, k := range edgeProps {
		p("      <attribute id=\"ep%d\" title=\"%s\" type=\"%s\"/>\n", i, esc(k), edgeTypes[k])
	}
	p("    </attributes>\n")
	att := func(id, v string) {
		if v != "" {
			p("          <attvalue for=\"%s\" value=\"%s\"/>\n", id, esc(v))
		}
	}
	p("    <nodes>\n")
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		p("      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(n.ID), esc(n.Label))
		att("type", n.Type)
		if len(n.Aliases) > 0 {
			att(gmlAliases, jsonString(n.Aliases))
		}
		if len(n.Props) > 0 {
			att(gmlProps, jsonString(n.Props))
		}
		att(gmlSources, citationsJSON(n.Sources))
		for k, name := range nodeProps {
			if v, ok := n.Props[name]; ok {
				att(fmt.Sprintf("np%d", k), formatScalar(v))
			}
		}
		p("        </attvalues>\n")
		if c, ok := vis.color(i); ok {
			p("        <viz:color r=\"%d\" g=\"%d\" b=\"%d\" a=\"1.0\"/>\n", c.R, c.G, c.B)
		}
		if x, y, ok := vis.pos(i); ok {
			p("        <viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>\n", formatFloat(x), formatFloat(-y))
		}
		if r, ok := vis.size(i); ok {
			p("        <viz:size value=\"%s\"/>\n", formatFloat(r))
		}
		p("      </node>\n")
	}
	p("    </nodes>\n    <edges>\n")
	// Gephi merges parallel edges of the same kind: the second fine of
	// the same regulator gets the kind "fined #2" so that it stays an edge
	type triple struct {
		a, b int32
		t    string
	}
	seen := map[triple]int{}
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		kind := e.Type
		k := triple{e.From, e.To, e.Type}
		if seen[k]++; seen[k] > 1 {
			kind = fmt.Sprintf("%s #%d", e.Type, seen[k])
		}
		p("      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\" kind=\"%s\">\n        <attvalues>\n",
			esc(e.ID), esc(g.Node(e.From).ID), esc(g.Node(e.To).ID), esc(e.Type), esc(kind))
		att("type", e.Type)
		att("date", e.Date.String())
		if len(e.Props) > 0 {
			att(gmlProps, jsonString(e.Props))
		}
		att(gmlSources, citationsJSON(e.Sources))
		for k, name := range edgeProps {
			if v, ok := e.Props[name]; ok {
				att(fmt.Sprintf("ep%d", k), formatScalar(v))
			}
		}
		p("        </attvalues>\n      </edge>\n")
	}
	p("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

type gexfDoc struct {
	Meta struct {
		Title       string `xml:"title"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID      string `xml:"id,attr"`
				Title   string `xml:"title,attr"`
				Type    string `xml:"type,attr"`
				Default string `xml:"default"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string        `xml:"id,attr"`
			Label  string        `xml:"label,attr"`
			Values []gexfAttrVal `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Label  string        `xml:"label,attr"`
			Kind   string        `xml:"kind,attr"`
			Weight string        `xml:"weight,attr"`
			Values []gexfAttrVal `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type gexfAttrVal struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// ReadGEXF reads a GEXF file (1.1 to 1.3; ours or Gephi's) into a graph.
// Node and edge attributes become properties, except type (for an edge,
// else its label, else its kind) and date; viz data is dropped.
func ReadGEXF(name string, r io.Reader) (g *graph.Graph, err error) {
	defer func() {
		if p := recover(); p != nil {
			g, err = nil, fmt.Errorf("%s: internal error while importing GEXF: %v", name, p)
		}
	}()
	var doc gexfDoc
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not GEXF: %v", name, err)
	}
	type attr struct{ title, typ, def string }
	attrs := map[string]map[string]attr{"node": {}, "edge": {}}
	for _, c := range doc.Graph.Attributes {
		m := attrs[c.Class]
		if m == nil {
			continue
		}
		for _, a := range c.Attrs {
			t := a.Title
			if t == "" {
				t = a.ID
			}
			m[a.ID] = attr{t, a.Type, a.Default}
		}
	}
	values := func(class string, vs []gexfAttrVal) map[string]gexfAttrVal {
		out := map[string]gexfAttrVal{}
		for id, a := range attrs[class] {
			if a.def != "" {
				out[a.title] = gexfAttrVal{For: id, Value: a.def}
			}
		}
		for _, v := range vs {
			t := v.For
			if a, ok := attrs[class][v.For]; ok {
				t = a.title
			}
			out[t] = v
		}
		return out
	}
	ig := &impGraph{Title: doc.Meta.Title, Description: doc.Meta.Description}
	for _, n := range doc.Graph.Nodes {
		in := impNode{ID: n.ID, Label: n.Label}
		vs := values("node", n.Values)
		in.Type = vs["type"].Value
		if in.Aliases, err = parseAliases(vs[gmlAliases].Value); err != nil {
			return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
		}
		if in.Sources, err = parseCitations(vs[gmlSources].Value); err != nil {
			return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
		}
		if v, ok := vs[gmlProps]; ok {
			if in.Props, err = parseProps(v.Value); err != nil {
				return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
			}
		} else {
			for t, v := range vs {
				if t == "type" || strings.HasPrefix(t, "ls_") || visualAttrs[strings.ToLower(t)] {
					continue
				}
				setProp(&in.Props, t, typedValue(v.Value, attrs["node"][v.For].typ))
			}
		}
		ig.Nodes = append(ig.Nodes, in)
	}
	for _, e := range doc.Graph.Edges {
		ie := impEdge{ID: e.ID, Source: e.Source, Target: e.Target}
		vs := values("edge", e.Values)
		ie.Type = vs["type"].Value
		if ie.Type == "" {
			ie.Type = e.Label
		}
		if ie.Type == "" {
			ie.Type = e.Kind
		}
		ie.Date = vs["date"].Value
		if ie.Sources, err = parseCitations(vs[gmlSources].Value); err != nil {
			return nil, fmt.Errorf("%s: relation %q: %v", name, e.ID, err)
		}
		if v, ok := vs[gmlProps]; ok {
			if ie.Props, err = parseProps(v.Value); err != nil {
				return nil, fmt.Errorf("%s: relation %q: %v", name, e.ID, err)
			}
		} else {
			for t, v := range vs {
				if t == "type" || t == "date" || strings.HasPrefix(t, "ls_") {
					continue
				}
				setProp(&ie.Props, t, typedValue(v.Value, attrs["edge"][v.For].typ))
			}
			if e.Weight != "" && e.Weight != "1" && e.Weight != "1.0" {
				setProp(&ie.Props, "weight", typedValue(e.Weight, "double"))
			}
		}
		ig.Edges = append(ig.Edges, ie)
	}
	return ig.build(name)
}
