package dataset

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// This file holds what the GraphML, GEXF and CSV importers share (an
// intermediate model and its conversion into a graph.Graph) and the
// GraphML importer.

func init() {
	readers[".graphml"] = func(path string, opts Options) (*graph.Graph, error) {
		return readFileWith(path, opts, ReadGraphML)
	}
}

// impNode and impEdge are an imported entity and relation before they are
// checked and added to the graph.
type impNode struct {
	ID, Type, Label string
	Aliases         []string
	Props           map[string]any
	Sources         []graph.Citation
}

type impEdge struct {
	ID, Source, Target, Type, Date string
	Props                          map[string]any
	Sources                        []graph.Citation
}

type impGraph struct {
	Title, Description string
	Sources            []graph.Source
	Nodes              []impNode
	Edges              []impEdge
}

// readFileWith opens path (refusing files over the size limit) and
// decodes it with read.
func readFileWith(path string, opts Options, read func(name string, r io.Reader) (*graph.Graph, error)) (*graph.Graph, error) {
	data, err := readLimited(path, opts)
	if err != nil {
		return nil, err
	}
	return read(path, bytes.NewReader(data))
}

func readLimited(path string, opts Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, opts.maxBytes()+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > opts.maxBytes() {
		return nil, fmt.Errorf("%s: file is over the %d-byte limit (raise it with --max-bytes)", path, opts.maxBytes())
	}
	return data, nil
}

// build checks the imported model and makes the graph. Entities without a
// type get "entity", relations without one "related"; a date that is not
// YYYY[-MM[-DD]] is kept as the property "date".
func (ig *impGraph) build(name string) (*graph.Graph, error) {
	g := graph.New(len(ig.Nodes), len(ig.Edges))
	g.Title, g.Description, g.Sources = ig.Title, ig.Description, ig.Sources
	for k, n := range ig.Nodes {
		if n.Type == "" {
			n.Type = "entity"
		}
		if _, err := g.AddNode(graph.Node{ID: n.ID, Type: n.Type, Label: n.Label, Aliases: n.Aliases, Props: n.Props, Sources: n.Sources}); err != nil {
			return nil, fmt.Errorf("%s: entity %d: %v", name, k+1, err)
		}
	}
	for k, e := range ig.Edges {
		from, ok := g.NodeIndex(e.Source)
		if !ok {
			return nil, fmt.Errorf("%s: relation %d: source %q is not an entity", name, k+1, e.Source)
		}
		to, ok := g.NodeIndex(e.Target)
		if !ok {
			return nil, fmt.Errorf("%s: relation %d: target %q is not an entity", name, k+1, e.Target)
		}
		if e.Type == "" {
			e.Type = "related"
		}
		var d graph.Date
		if e.Date != "" {
			var err error
			if d, err = graph.ParseDate(e.Date); err != nil {
				if e.Props == nil {
					e.Props = map[string]any{}
				}
				e.Props["date"] = e.Date
			}
		}
		if _, err := g.AddEdge(graph.Edge{ID: e.ID, From: from, To: to, Type: e.Type, Date: d, Props: e.Props, Sources: e.Sources}); err != nil {
			return nil, fmt.Errorf("%s: relation %d: %v", name, k+1, err)
		}
	}
	return g, nil
}

// typedValue converts attribute text to a property value by declared type.
func typedValue(s, typ string) any {
	switch strings.ToLower(typ) {
	case "int", "long", "float", "double", "integer":
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return f
		}
	case "boolean", "bool":
		if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
			return b
		}
	}
	return s
}

// visualAttrs are attribute names that describe the drawing, not the
// data; importers skip them.
var visualAttrs = map[string]bool{"x": true, "y": true, "z": true, "size": true, "r": true, "g": true, "b": true, "color": true, "colour": true}

// setProp adds a property, creating the map.
func setProp(m *map[string]any, k string, v any) {
	if *m == nil {
		*m = map[string]any{}
	}
	(*m)[k] = v
}

type gmlDoc struct {
	Keys   []gmlKey   `xml:"key"`
	Graphs []gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID      string `xml:"id,attr"`
	For     string `xml:"for,attr"`
	Name    string `xml:"attr.name,attr"`
	Type    string `xml:"attr.type,attr"`
	YType   string `xml:"yfiles.type,attr"`
	Default string `xml:"default"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

type gmlGraph struct {
	Data  []gmlData `xml:"data"`
	Nodes []struct {
		ID   string    `xml:"id,attr"`
		Data []gmlData `xml:"data"`
	} `xml:"node"`
	Edges []struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []gmlData `xml:"data"`
	} `xml:"edge"`
}

// ReadGraphML reads a GraphML file (ours, or one written by yEd, Gephi,
// Cytoscape or networkx) into a graph. Attributes become properties,
// except label, type (or relation, or an edge's label) and date, which
// fill the model's own fields, and drawing attributes, which are dropped.
func ReadGraphML(name string, r io.Reader) (g *graph.Graph, err error) {
	defer func() {
		if p := recover(); p != nil {
			g, err = nil, fmt.Errorf("%s: internal error while importing GraphML: %v", name, p)
		}
	}()
	var doc gmlDoc
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not GraphML: %v", name, err)
	}
	if len(doc.Graphs) == 0 {
		return nil, fmt.Errorf("%s: no <graph> element", name)
	}
	keys := map[string]gmlKey{}
	for _, k := range doc.Keys {
		if k.Name == "" {
			k.Name = k.ID
		}
		keys[k.ID] = k
	}
	gr := doc.Graphs[0]
	ig := &impGraph{}
	for _, d := range gr.Data {
		switch strings.ToLower(keys[d.Key].Name) {
		case "title", "name":
			ig.Title = d.Text
		case "description":
			ig.Description = d.Text
		case gmlDataset:
			if ig.Sources, err = parseSources(d.Text); err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
		}
	}
	defaults := func(dom string) []gmlData {
		var ds []gmlData
		for _, k := range doc.Keys {
			if k.Default != "" && (k.For == dom || k.For == "all") {
				ds = append(ds, gmlData{Key: k.ID, Text: k.Default})
			}
		}
		return ds
	}
	nodeDefaults, edgeDefaults := defaults("node"), defaults("edge")
	for _, n := range gr.Nodes {
		in := impNode{ID: n.ID}
		var yLabel string
		for _, d := range append(append([]gmlData(nil), nodeDefaults...), n.Data...) {
			k := keys[d.Key]
			if k.YType != "" {
				yLabel = yEdLabel(d.Inner)
				continue
			}
			switch nm := strings.ToLower(k.Name); {
			case nm == "label":
				in.Label = d.Text
			case nm == "name" && in.Label == "":
				in.Label = d.Text
			case nm == "type":
				in.Type = d.Text
			case nm == gmlAliases:
				if in.Aliases, err = parseAliases(d.Text); err != nil {
					return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
				}
			case nm == gmlProps:
				if in.Props, err = parseProps(d.Text); err != nil {
					return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
				}
			case nm == gmlSources:
				if in.Sources, err = parseCitations(d.Text); err != nil {
					return nil, fmt.Errorf("%s: entity %q: %v", name, n.ID, err)
				}
			}
		}
		if in.Label == "" {
			in.Label = yLabel
		}
		// other attributes are properties, unless ls_props gave them all
		if _, whole := findKey(n.Data, keys, gmlProps); !whole {
			for _, d := range append(append([]gmlData(nil), nodeDefaults...), n.Data...) {
				k := keys[d.Key]
				nm := strings.ToLower(k.Name)
				if k.YType != "" || nm == "label" || nm == "type" || strings.HasPrefix(nm, "ls_") || visualAttrs[nm] || (nm == "name" && in.Label == d.Text) {
					continue
				}
				setProp(&in.Props, k.Name, typedValue(d.Text, k.Type))
			}
		}
		ig.Nodes = append(ig.Nodes, in)
	}
	for _, e := range gr.Edges {
		ie := impEdge{ID: e.ID, Source: e.Source, Target: e.Target}
		var label, relation string
		data := append(append([]gmlData(nil), edgeDefaults...), e.Data...)
		for _, d := range data {
			k := keys[d.Key]
			switch strings.ToLower(k.Name) {
			case "type":
				ie.Type = d.Text
			case "relation":
				relation = d.Text
			case "label":
				label = d.Text
			case "date":
				ie.Date = d.Text
			case gmlProps:
				if ie.Props, err = parseProps(d.Text); err != nil {
					return nil, fmt.Errorf("%s: relation %q: %v", name, e.ID, err)
				}
			case gmlSources:
				if ie.Sources, err = parseCitations(d.Text); err != nil {
					return nil, fmt.Errorf("%s: relation %q: %v", name, e.ID, err)
				}
			}
		}
		if ie.Type == "" {
			ie.Type = relation
		}
		if ie.Type == "" {
			ie.Type = label
		}
		if _, whole := findKey(e.Data, keys, gmlProps); !whole {
			for _, d := range data {
				k := keys[d.Key]
				nm := strings.ToLower(k.Name)
				if k.YType != "" || nm == "type" || nm == "relation" || nm == "label" || nm == "date" || strings.HasPrefix(nm, "ls_") {
					continue
				}
				setProp(&ie.Props, k.Name, typedValue(d.Text, k.Type))
			}
		}
		ig.Edges = append(ig.Edges, ie)
	}
	return ig.build(name)
}

func findKey(ds []gmlData, keys map[string]gmlKey, name string) (string, bool) {
	for _, d := range ds {
		if strings.EqualFold(keys[d.Key].Name, name) {
			return d.Text, true
		}
	}
	return "", false
}

// yEdLabel returns the text of the first y:NodeLabel in yEd node graphics.
func yEdLabel(inner string) string {
	d := xml.NewDecoder(strings.NewReader(inner))
	in := false
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return strings.TrimSpace(b.String())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "NodeLabel" {
				in = true
			}
		case xml.EndElement:
			if t.Name.Local == "NodeLabel" {
				return strings.TrimSpace(b.String())
			}
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}
