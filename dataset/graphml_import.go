package dataset

import (
	"context"
	"encoding/xml"
	"io"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// ReadGraphML reads a GraphML file (ours, or one written by yEd, Gephi,
// Cytoscape or networkx) into a graph. Attributes become properties,
// except label, type (or relation, or an edge's label) and date, which
// fill the model's own fields, and drawing attributes, which are dropped.
// Problems are an *ErrorList positioned in name, as for Load.
func ReadGraphML(name string, r io.Reader) (*graph.Graph, error) {
	data, err := readAllLimited(name, r)
	if err != nil {
		return nil, err
	}
	return decodeBytes(newMeter(context.Background(), nil, int64(len(data))), name, data, 0, decodeGraphML)
}

func readGraphML(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	return readOne(ctx, path, opts, decodeGraphML)
}

// gmlKey is a <key>: what the <data> elements that name its id hold.
type gmlKey struct {
	id, dom, name, typ string
	yfiles             bool
	def                string
	defOff             int
	hasDef             bool
}

// gmlData is a <data> element: its key, its text and where that starts,
// and for yEd graphics the text of the first y:NodeLabel.
type gmlData struct {
	key, text string
	off       int
	yLabel    string
}

// gmlItem is a <node> or <edge> (or, for its data, the <graph>).
type gmlItem struct {
	off                int
	id, source, target string
	data               []gmlData
}

// gmlRaw is what the token walk collects; keys may follow the elements
// that use them, so they are interpreted after the walk.
type gmlRaw struct {
	keys         []gmlKey
	graph        gmlItem
	nodes, edges []gmlItem
	root         string
	rootOff      int
	hasGraph     bool
}

func decodeGraphML(in input, b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
	raw, ok, err := walkGraphML(in.data, b, progress)
	if err != nil || !ok {
		return nil, ok, err
	}
	switch {
	case raw.root == "":
		b.failOff(firstContent(in.data), "not GraphML: the file holds no XML element")
		return nil, false, nil
	case !raw.hasGraph:
		b.failOff(raw.rootOff, "not GraphML: the <%s> element holds no <graph> element", raw.root)
		return nil, false, nil
	}
	return raw.interpret(in.data, b, loc), true, nil
}

// walkGraphML collects the keys and the data of the first graph's nodes
// and edges (nested graphs, hyperedges and ports are skipped).
func walkGraphML(data []byte, b *builder, progress func(f float64) error) (*gmlRaw, bool, error) {
	raw := &gmlRaw{}
	w := newXMLWalker(data, progress)
	var (
		key       *gmlKey  // the <key> being read
		item      *gmlItem // the <node>, <edge> or <graph> whose data is read
		itemDepth int
		dat       *gmlData // the <data> being read
		dataDepth int
		inDefault bool
		labelAt   int // depth of the y:NodeLabel being read, or 0
		label     strings.Builder
		inGraph   bool
	)
	for {
		tok, depth, err := w.next()
		if err == io.EOF {
			break
		}
		if p, bad := err.(*xmlProblem); bad {
			b.failOff(p.off, "%s", p.msg)
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case depth == 1:
				if raw.root == "" {
					raw.root, raw.rootOff = name, w.off
				}
			case depth == 2 && name == "key":
				k := gmlKey{}
				k.id, _ = attr(t, "id")
				k.dom, _ = attr(t, "for")
				k.name, _ = attr(t, "attr.name")
				k.typ, _ = attr(t, "attr.type")
				_, k.yfiles = attr(t, "yfiles.type")
				raw.keys = append(raw.keys, k)
				key = &raw.keys[len(raw.keys)-1]
			case depth == 3 && key != nil && name == "default":
				inDefault, key.hasDef, key.defOff = true, true, w.content
			case depth == 2 && name == "graph" && !raw.hasGraph:
				raw.hasGraph, inGraph = true, true
				raw.graph.off = w.off
				item, itemDepth = &raw.graph, depth
			case inGraph && depth == 3 && (name == "node" || name == "edge"):
				it := gmlItem{off: w.off}
				it.id, _ = attr(t, "id")
				list := &raw.nodes
				if name == "edge" {
					it.source, _ = attr(t, "source")
					it.target, _ = attr(t, "target")
					list = &raw.edges
				}
				*list = append(*list, it)
				item, itemDepth = &(*list)[len(*list)-1], depth
			case item != nil && depth == itemDepth+1 && name == "data":
				d := gmlData{off: w.content}
				d.key, _ = attr(t, "key")
				item.data = append(item.data, d)
				dat, dataDepth = &item.data[len(item.data)-1], depth
			case dat != nil && name == "NodeLabel" && labelAt == 0 && dat.yLabel == "":
				labelAt = depth
				label.Reset()
			}
		case xml.EndElement:
			switch {
			case labelAt > 0 && depth == labelAt:
				dat.yLabel, labelAt = strings.TrimSpace(label.String()), 0
				if dat.yLabel == "" {
					dat.yLabel = " " // a label was seen: do not read another
				}
			case dat != nil && depth == dataDepth:
				dat = nil
			case item != nil && depth == itemDepth:
				item = nil
				if depth == 2 {
					inGraph = false
				} else {
					item, itemDepth = &raw.graph, 2
				}
			case inDefault && depth == 3:
				inDefault = false
			case key != nil && depth == 2:
				key = nil
			}
		case xml.CharData:
			switch {
			case labelAt > 0:
				label.Write(t)
			case dat != nil && depth == dataDepth:
				dat.text += string(t)
			case inDefault && depth == 3:
				key.def += string(t)
			}
		}
	}
	return raw, true, nil
}

// interpret turns the collected elements into the document's records,
// reporting problems of values (bad JSON in an ls_* attribute, a number
// that is not one) and noting every position.
func (raw *gmlRaw) interpret(data []byte, b *builder, loc *fieldLocator) *document {
	keys := make(map[string]gmlKey, len(raw.keys))
	for _, k := range raw.keys {
		if k.name == "" {
			k.name = k.id
		}
		if _, dup := keys[k.id]; !dup {
			keys[k.id] = k
		}
	}
	keyOf := func(d gmlData) gmlKey {
		if k, ok := keys[d.key]; ok {
			return k
		}
		return gmlKey{id: d.key, name: d.key}
	}
	defaults := func(dom string) []gmlData {
		var ds []gmlData
		for _, k := range raw.keys {
			if k.hasDef && (k.dom == dom || k.dom == "all") {
				ds = append(ds, gmlData{key: k.id, text: k.def, off: k.defOff})
			}
		}
		return ds
	}
	doc := &document{}
	loc.begin("", 0, raw.graph.off)
	hasSources := false
	var sourcesOff int
	for _, d := range raw.graph.data {
		switch strings.ToLower(keyOf(d).name) {
		case "title", "name":
			doc.Title = d.text
		case "description":
			doc.Description = d.text
		case gmlDataset:
			ss, err := parseSources(d.text, gmlDataset)
			if err != nil {
				b.failOff(d.off, "%v", err)
			}
			doc.Sources, hasSources, sourcesOff = ss, true, d.off
		}
	}
	for range doc.Sources {
		loc.begin("sources", 0, sourcesOff)
	}
	b.unlistedSources = !hasSources

	nodeDefaults, edgeDefaults := defaults("node"), defaults("edge")
	doc.Nodes = make([]fileNode, 0, len(raw.nodes))
	for i, n := range raw.nodes {
		fn := fileNode{ID: n.id}
		owner := recordName("entity", n.id, i)
		loc.begin("nodes", 0, n.off)
		loc.field("nodes", "id", attrOffset(data, n.off, "id"))
		all := append(append([]gmlData(nil), nodeDefaults...), n.data...)
		var yLabel string
		note := func(key string, d gmlData) { loc.field("nodes", key, d.off) }
		for _, d := range all {
			k := keyOf(d)
			if k.yfiles {
				yLabel = strings.TrimSpace(d.yLabel)
				continue
			}
			var err error
			switch nm := strings.ToLower(k.name); {
			case nm == "label":
				fn.Label = d.text
			case nm == "name" && fn.Label == "":
				fn.Label = d.text
			case nm == "type":
				fn.Type = d.text
				note("type", d)
			case nm == gmlAliases:
				fn.Aliases, err = parseAliases(d.text, gmlAliases)
				note("aliases", d)
			case nm == gmlProps:
				fn.Props, err = parseProps(d.text, gmlProps)
				note("props", d)
			case nm == gmlSources:
				fn.Sources, err = parseCitations(d.text, gmlSources)
				note("sources", d)
			}
			if err != nil {
				b.failOff(d.off, "%s: %v", owner, err)
			}
		}
		if fn.Label == "" {
			fn.Label = yLabel
		}
		// other attributes are properties, unless ls_props gave them all
		if !hasKey(n.data, keyOf, gmlProps) {
			for _, d := range all {
				k := keyOf(d)
				nm := strings.ToLower(k.name)
				if k.yfiles || nm == "" || nm == "label" || nm == "type" || strings.HasPrefix(nm, "ls_") || visualAttrs[nm] || (nm == "name" && fn.Label == d.text) {
					continue
				}
				setTyped(b, &fn.Props, owner, k.name, k.typ, d, func(key string) { note(key, d) })
			}
		}
		doc.Nodes = append(doc.Nodes, fn)
	}
	doc.Edges = make([]fileEdge, 0, len(raw.edges))
	for i, e := range raw.edges {
		fe := fileEdge{ID: e.id, Source: e.source, Target: e.target}
		owner := recordName("relation", e.id, i)
		loc.begin("edges", 0, e.off)
		for _, a := range []string{"id", "source", "target"} {
			loc.field("edges", a, attrOffset(data, e.off, a))
		}
		note := func(key string, d gmlData) { loc.field("edges", key, d.off) }
		var label, relation gmlData
		all := append(append([]gmlData(nil), edgeDefaults...), e.data...)
		for _, d := range all {
			k := keyOf(d)
			var err error
			switch strings.ToLower(k.name) {
			case "type":
				fe.Type = d.text
				note("type", d)
			case "relation":
				relation = d
			case "label":
				label = d
			case "date":
				fe.Date = d.text
				note("date", d)
			case gmlProps:
				fe.Props, err = parseProps(d.text, gmlProps)
				note("props", d)
			case gmlSources:
				fe.Sources, err = parseCitations(d.text, gmlSources)
				note("sources", d)
			case gmlUndirected:
				fe.Undirected = strings.EqualFold(strings.TrimSpace(d.text), "true")
			}
			if err != nil {
				b.failOff(d.off, "%s: %v", owner, err)
			}
		}
		for _, d := range []gmlData{relation, label} {
			if fe.Type == "" && d.text != "" {
				fe.Type = d.text
				note("type", d)
			}
		}
		if !hasKey(e.data, keyOf, gmlProps) {
			for _, d := range all {
				k := keyOf(d)
				nm := strings.ToLower(k.name)
				if k.yfiles || nm == "" || nm == "type" || nm == "relation" || nm == "label" || nm == "date" || strings.HasPrefix(nm, "ls_") {
					continue
				}
				setTyped(b, &fe.Props, owner, k.name, k.typ, d, func(key string) { note(key, d) })
			}
		}
		doc.Edges = append(doc.Edges, fe)
	}
	return doc
}

// setTyped sets the property name from the text of d by its declared type,
// or reports the text that does not fit.
func setTyped(b *builder, props *map[string]any, owner, name, typ string, d gmlData, note func(key string)) {
	v, ok, absent := typedValue(d.text, typ)
	switch {
	case !ok:
		b.failOff(d.off, "%s", typeProblem(owner, name, typ, d.text))
	case !absent:
		setProp(props, name, v)
		note("props." + name)
	}
}

func hasKey(ds []gmlData, keyOf func(gmlData) gmlKey, name string) bool {
	for _, d := range ds {
		if strings.EqualFold(keyOf(d).name, name) {
			return true
		}
	}
	return false
}
