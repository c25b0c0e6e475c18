package dataset

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// WriteGEXF writes g as GEXF 1.3 (Gephi): a directed graph whose parallel
// relations stay separate edges (of distinct kinds, which Gephi needs), with node positions (Y pointing up, as
// in Gephi), colours and sizes in the viz namespace, and typed attributes
// for the properties (see propColumn for their titles). The ls_*
// attributes carry the rest of the model as JSON so that ReadGEXF gives
// back the graph written; GEXF has no place for the dataset's list of
// sources, which is left out. Undirected relations are
// defaultedgetype="undirected" when all are, else ls_undirected=true; an
// untyped relation has no label, kind or type value. A graph with a NaN
// or infinite property is refused (see checkFinite).
func WriteGEXF(w io.Writer, g *graph.Graph, vis *Visual) error {
	if err := checkFinite(g); err != nil {
		return err
	}
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
	// Directions: all undirected is defaultedgetype="undirected"; a mixed
	// graph is directed with the attribute ls_undirected=true on its
	// undirected edges, not type="undirected", which networkx refuses in
	// a directed graph ("Undirected edge found in directed graph").
	allUndirected, anyUndirected := g.EdgeCount() > 0, false
	for i := 0; i < g.EdgeCount(); i++ {
		u := g.Edge(int32(i)).Undirected
		allUndirected = allUndirected && u
		anyUndirected = anyUndirected || u
	}
	mixed := anyUndirected && !allUndirected
	if allUndirected {
		p("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n")
	} else {
		p("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
	}
	nodeProps, nodeTypes := propColumns(g.NodeCount(), func(i int) graph.Props { return g.Node(int32(i)).Props })
	edgeProps, edgeTypes := propColumns(g.EdgeCount(), func(i int) graph.Props { return g.Edge(int32(i)).Props })
	p("    <attributes class=\"node\" mode=\"static\">\n")
	p("      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n")
	for _, k := range []string{gmlAliases, gmlProps, gmlSources} {
		p("      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n", k, k)
	}
	for i, k := range nodeProps {
		p("      <attribute id=\"np%d\" title=\"%s\" type=\"%s\"/>\n", i, esc(propColumn(k)), nodeTypes[k])
	}
	p("    </attributes>\n")
	p("    <attributes class=\"edge\" mode=\"static\">\n")
	p("      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n")
	p("      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n")
	for _, k := range []string{gmlProps, gmlSources} {
		p("      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n", k, k)
	}
	if mixed {
		p("      <attribute id=\"%s\" title=\"%s\" type=\"boolean\"/>\n", gmlUndirected, gmlUndirected)
	}
	for i, k := range edgeProps {
		p("      <attribute id=\"ep%d\" title=\"%s\" type=\"%s\"/>\n", i, esc(propColumn(k)), edgeTypes[k])
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
		if n.Props.Len() > 0 {
			att(gmlProps, jsonString(n.Props))
		}
		att(gmlSources, citationsJSON(n.Sources))
		for k, name := range nodeProps {
			if v, ok := n.Props.Get(name); ok {
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
		// an untyped relation gets no label and no kind: readers take
		// either for its type
		extra := ""
		if e.Type != "" {
			extra = fmt.Sprintf(" label=\"%s\" kind=\"%s\"", esc(e.Type), esc(kind))
		}
		p("      <edge id=\"%s\" source=\"%s\" target=\"%s\"%s>\n        <attvalues>\n",
			esc(e.ID), esc(g.Node(e.From).ID), esc(g.Node(e.To).ID), extra)
		att("type", e.Type)
		att("date", e.Date.String())
		if mixed && e.Undirected {
			att(gmlUndirected, "true")
		}
		if e.Props.Len() > 0 {
			att(gmlProps, jsonString(e.Props))
		}
		att(gmlSources, citationsJSON(e.Sources))
		for k, name := range edgeProps {
			if v, ok := e.Props.Get(name); ok {
				att(fmt.Sprintf("ep%d", k), formatScalar(v))
			}
		}
		p("        </attvalues>\n      </edge>\n")
	}
	p("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// ReadGEXF reads a GEXF file (1.1 to 1.3; ours or Gephi's) into a graph.
// Node and edge attributes become properties, except type (for an edge,
// else its label, else its kind) and date; viz data gives the entities'
// chart position, colour and size, and dynamics the dates (see
// FORMAT.md). Problems
// are an *ErrorList positioned in name, as for Load.
func ReadGEXF(name string, r io.Reader) (*graph.Graph, error) {
	data, err := readAllLimited(name, r)
	if err != nil {
		return nil, err
	}
	return decodeBytes(newMeter(context.Background(), nil, int64(len(data))), name, data, 0, decodeGEXF)
}

func readGEXF(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	return readOne(ctx, path, opts, decodeGEXF)
}

// gexfAttr is an <attribute> of a node or edge class.
type gexfAttr struct {
	id, title, typ string
	def            string
	defOff         int
	hasDef         bool
}

// gexfValue is an <attvalue>, with where its value starts.
type gexfValue struct {
	attr, value string
	off         int
}

// gexfItem is a <node> or <edge>.
type gexfItem struct {
	off                             int
	id, source, target, label, kind string
	// xmlType is an edge's type attribute when it is not a direction
	xmlType   string
	weight    string
	hasWeight bool
	values    []gexfValue
	// parents are the ids of the nodes it is part of (an enclosing
	// <node>, pid, <parents>).
	parents []string
	// undirected: the edge's type, else the graph's defaultedgetype.
	undirected bool
	// viz: position, colour, size
	x, y, size float64
	hasPos     bool
	color      string
	start, end string
	startOff   int
	endOff     int
}

type gexfRaw struct {
	title, description string
	titleOff           int
	attrs              map[string][]gexfAttr // by class: "node", "edge"
	nodes, edges       []*gexfItem
	root               string
	rootOff            int
	hasGraph           bool
	skippedGraphs      int
	skippedGraphOff    int
}

func decodeGEXF(in input, b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
	if root := xmlRoot(in.data); root == "graphml" {
		// a GraphML document in a .gexf file: read it as what it is
		b.warnOff(firstContent(in.data), "this file holds GraphML, not GEXF: read as GraphML")
		return decodeGraphML(in, b, loc, progress)
	}
	raw, ok, err := walkGEXF(in.data, b, progress)
	if err != nil || !ok {
		return nil, ok, err
	}
	switch {
	case raw.root == "":
		b.failOff(firstContent(in.data), "not GEXF: the file holds no XML element")
		return nil, false, nil
	case raw.root != "gexf":
		b.failOff(raw.rootOff, "not GEXF: the root element is <%s>, not <gexf>", raw.root)
		return nil, false, nil
	case !raw.hasGraph:
		b.failOff(raw.rootOff, "not GEXF: the <%s> element holds no <graph> element", raw.root)
		return nil, false, nil
	}
	if raw.skippedGraphs > 0 {
		b.warnOff(raw.skippedGraphOff, "the file holds %d more <graph> elements after the first; only the first was read (%d skipped, the first of them here)", raw.skippedGraphs, raw.skippedGraphs)
	}
	// GEXF has no place for the dataset's sources: citations cannot be
	// checked against them.
	b.unlistedSources = true
	b.implicitNodes = true
	return raw.interpret(in.data, b, loc), true, nil
}

// gexfFrame is an open element of the graph being read.
type gexfFrame struct {
	name  string
	depth int
	item  *gexfItem // for <node> and <edge>
}

// walkGEXF collects the meta data, the attribute declarations and the
// nodes (at every level of nesting) and edges of the first graph.
func walkGEXF(data []byte, b *builder, progress func(f float64) error) (*gexfRaw, bool, error) {
	raw := &gexfRaw{attrs: map[string][]gexfAttr{}}
	w := newXMLWalker(data, progress)
	var (
		stack      []gexfFrame // open elements from <graph> down
		class      string      // class of the <attributes> being read
		attrDef    *gexfAttr
		attrDepth  int
		text       *string // the text being read, with the depth it is at
		textAt     int
		undirected bool // the graph's defaultedgetype
		skipUntil  int
		metaDepth  int
	)
	// item returns the innermost open <node> or <edge>.
	item := func() *gexfItem {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].item != nil {
				return stack[k].item
			}
		}
		return nil
	}
	parentNode := func() string {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].item != nil && stack[k].name == "node" {
				return stack[k].item.id
			}
		}
		return ""
	}
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
			if skipUntil > 0 {
				continue
			}
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1].name
			}
			switch {
			case depth == 1:
				if raw.root == "" {
					raw.root, raw.rootOff = name, w.off
				}
			case depth == 2 && name == "meta":
				metaDepth = depth
			case metaDepth > 0 && depth == 3 && name == "title":
				text, textAt = &raw.title, depth
			case metaDepth > 0 && depth == 3 && name == "description":
				text, textAt = &raw.description, depth
			case depth == 2 && name == "graph":
				if raw.hasGraph {
					if raw.skippedGraphs == 0 {
						raw.skippedGraphOff = w.off
					}
					raw.skippedGraphs++
					skipUntil = depth
					continue
				}
				raw.hasGraph = true
				et, _ := attr(t, "defaultedgetype")
				undirected = isUndirected(et)
				stack = append(stack, gexfFrame{name: name, depth: depth})
			case len(stack) == 0:
			case name == "attributes" && parent == "graph":
				class, _ = attr(t, "class")
				stack = append(stack, gexfFrame{name: name, depth: depth})
			case name == "attribute" && parent == "attributes":
				a := gexfAttr{}
				a.id, _ = attr(t, "id")
				a.title, _ = attr(t, "title")
				a.typ, _ = attr(t, "type")
				raw.attrs[class] = append(raw.attrs[class], a)
				list := raw.attrs[class]
				attrDef, attrDepth = &list[len(list)-1], depth
			case attrDef != nil && depth == attrDepth+1 && name == "default":
				attrDef.hasDef, attrDef.defOff = true, w.content
				text, textAt = &attrDef.def, depth
			case name == "nodes" && (parent == "graph" || parent == "node"), name == "edges" && (parent == "graph" || parent == "node"):
				stack = append(stack, gexfFrame{name: name, depth: depth})
			case name == "node" && parent == "nodes", name == "edge" && parent == "edges":
				it := &gexfItem{off: w.off}
				it.id, _ = attr(t, "id")
				it.label, _ = attr(t, "label")
				if name == "edge" {
					it.source, _ = attr(t, "source")
					it.target, _ = attr(t, "target")
					it.kind, _ = attr(t, "kind")
					it.weight, it.hasWeight = attr(t, "weight")
					it.undirected = undirected
					if et, ok := attr(t, "type"); ok && strings.TrimSpace(et) != "" {
						if isEdgeDirection(et) {
							it.undirected = isUndirected(et)
						} else {
							// networkx writes a relation's "type" data
							// here, where GEXF puts the direction
							it.xmlType = strings.TrimSpace(et)
						}
					}
					raw.edges = append(raw.edges, it)
				} else {
					if p := parentNode(); p != "" {
						it.parents = append(it.parents, p)
					}
					if pid, ok := attr(t, "pid"); ok && strings.TrimSpace(pid) != "" && !slices.Contains(it.parents, pid) {
						it.parents = append(it.parents, pid)
					}
					raw.nodes = append(raw.nodes, it)
				}
				it.dates(t, data, w.off)
				stack = append(stack, gexfFrame{name: name, depth: depth, item: it})
			case item() != nil:
				it := item()
				switch {
				case name == "attvalue" && parent == "attvalues":
					v := gexfValue{off: attrOffset(data, w.off, "value")}
					var ok bool
					if v.attr, ok = attr(t, "for"); !ok {
						v.attr, _ = attr(t, "id") // GEXF 1.0 and 1.1
					}
					v.value, _ = attr(t, "value")
					it.values = append(it.values, v)
				case name == "spell" && parent == "spells":
					it.dates(t, data, w.off)
				case name == "parent" && parent == "parents":
					if p, ok := attr(t, "for"); ok && strings.TrimSpace(p) != "" && !slices.Contains(it.parents, p) {
						it.parents = append(it.parents, p)
					}
				case name == "position" && (parent == "node" || parent == "edge"):
					x, okx := attr(t, "x")
					y, oky := attr(t, "y")
					fx, okx2 := parseNumber(x)
					fy, oky2 := parseNumber(y)
					if okx && oky && okx2 && oky2 && !it.hasPos {
						it.x, it.y, it.hasPos = fx, -fy, true // Y points up in Gephi
					}
				case name == "color" && (parent == "node" || parent == "edge"):
					if hex, ok := attr(t, "hex"); ok {
						if c, ok := parseHexColor(hex); ok {
							it.color = c
						}
					} else {
						var ch [3]float64
						good := true
						for k, n := range []string{"r", "g", "b"} {
							v, _ := attr(t, n)
							if ch[k], good = parseNumber(v); !good {
								break
							}
						}
						if good {
							it.color = rgbHex(ch[0], ch[1], ch[2])
						}
					}
				case name == "size" && (parent == "node" || parent == "edge"):
					if v, ok := attr(t, "value"); ok {
						if f, ok := parseNumber(v); ok && f > 0 {
							it.size = f
						}
					}
				}
				stack = append(stack, gexfFrame{name: name, depth: depth})
			default:
				stack = append(stack, gexfFrame{name: name, depth: depth})
			}
		case xml.EndElement:
			if skipUntil > 0 {
				if depth == skipUntil {
					skipUntil = 0
				}
				continue
			}
			switch {
			case text != nil && depth == textAt:
				text = nil
			case attrDef != nil && depth == attrDepth:
				attrDef = nil
			case metaDepth > 0 && depth == metaDepth:
				metaDepth = 0
			}
			if len(stack) > 0 && stack[len(stack)-1].depth == depth {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if text != nil && depth == textAt {
				*text += string(t)
			}
		}
	}
	return raw, true, nil
}

// isEdgeDirection reports whether an edge's type attribute is one of the
// directions GEXF defines (anything else is a relation type, as networkx
// writes it).
func isEdgeDirection(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "undirected", "mutual", "directed":
		return true
	}
	return false
}

// isUndirected reads a GEXF edge type: "undirected" and "mutual" (both
// ways) have no single direction.
func isUndirected(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "undirected", "mutual":
		return true
	}
	return false
}

// dates notes the start and end of an element (the item or one of its
// spells): the earliest start and the latest end are kept.
func (it *gexfItem) dates(t xml.StartElement, data []byte, off int) {
	for _, n := range []string{"start", "startopen"} {
		if v, ok := attr(t, n); ok && strings.TrimSpace(v) != "" {
			if it.start == "" || v < it.start {
				it.start, it.startOff = strings.TrimSpace(v), attrOffset(data, off, n)
			}
			break
		}
	}
	for _, n := range []string{"end", "endopen"} {
		if v, ok := attr(t, n); ok && strings.TrimSpace(v) != "" {
			if it.end == "" || v > it.end {
				it.end, it.endOff = strings.TrimSpace(v), attrOffset(data, off, n)
			}
			break
		}
	}
}

// gexfDate reads a GEXF time as a date: YYYY-MM-DD, or the date of a
// dateTime; ok is false for other times (timeformat="double"), which are
// kept as text.
func gexfDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, 'T'); i == 10 {
		s = s[:10]
	}
	if _, err := graph.ParseDate(s); err != nil {
		return "", false
	}
	return s, true
}

// interpret turns the collected elements into the document's records.
func (raw *gexfRaw) interpret(data []byte, b *builder, loc *fieldLocator) *document {
	type attrInfo struct{ title, typ string }
	infos := map[string]map[string]attrInfo{"node": {}, "edge": {}}
	for class, as := range raw.attrs {
		m := infos[class]
		if m == nil {
			continue
		}
		for _, a := range as {
			t := a.title
			if t == "" {
				t = a.id
			}
			if _, dup := m[a.id]; !dup {
				m[a.id] = attrInfo{t, a.typ}
			}
		}
	}
	// values returns an item's values by attribute title, defaults first.
	values := func(class string, vs []gexfValue) (map[string]gexfValue, []string) {
		out := map[string]gexfValue{}
		var order []string
		put := func(t string, v gexfValue) {
			if _, seen := out[t]; !seen {
				order = append(order, t)
			}
			out[t] = v
		}
		for _, a := range raw.attrs[class] {
			if a.hasDef {
				put(infos[class][a.id].title, gexfValue{attr: a.id, value: a.def, off: a.defOff})
			}
		}
		for _, v := range vs {
			t := v.attr
			if a, ok := infos[class][v.attr]; ok {
				t = a.title
			}
			put(t, v)
		}
		return out, order
	}
	doc := &document{Title: raw.title, Description: raw.description}
	loc.begin("", 0, 0)
	for i, n := range raw.nodes {
		fn := fileNode{ID: n.id, Label: n.label, X: n.x, Y: n.y, Placed: n.hasPos, Color: n.color, Size: n.size}
		owner := recordName("entity", n.id, i)
		loc.begin("nodes", 0, n.off)
		loc.field("nodes", "id", attrOffset(data, n.off, "id"))
		vs, order := values("node", n.values)
		note := func(key string, v gexfValue) { loc.field("nodes", key, v.off) }
		if v, ok := vs["type"]; ok {
			fn.Type = v.value
			note("type", v)
		}
		var err error
		if v, ok := vs[gmlAliases]; ok {
			if fn.Aliases, err = parseAliases(v.value, gmlAliases); err != nil {
				b.failOff(v.off, "%s: %v", owner, err)
			}
			note("aliases", v)
		}
		if v, ok := vs[gmlSources]; ok {
			if fn.Sources, err = parseCitations(v.value, gmlSources); err != nil {
				b.failOff(v.off, "%s: %v", owner, err)
			}
			note("sources", v)
		}
		if v, ok := vs[gmlProps]; ok {
			if fn.Props, err = parseProps(v.value, gmlProps); err != nil {
				b.failOff(v.off, "%s: %v", owner, err)
			}
			note("props", v)
		} else {
			for _, t := range order {
				if t == "type" || strings.HasPrefix(t, "ls_") || visualAttrs[strings.ToLower(t)] {
					continue
				}
				v := vs[t]
				setTyped(b, &fn.Props, owner, t, infos["node"][v.attr].typ, v.value, v.off, func(key string) { note(key, v) })
			}
		}
		// dynamics: the entity's start and end, as dates when they are
		for _, d := range []struct{ key, v string }{{"start", n.start}, {"end", n.end}} {
			if d.v == "" {
				continue
			}
			if _, set := fn.Props[d.key]; set {
				continue
			}
			v := d.v
			if date, ok := gexfDate(v); ok {
				v = date
			}
			setProp(&fn.Props, d.key, v)
		}
		doc.Nodes = append(doc.Nodes, fn)
	}
	for i, e := range raw.edges {
		fe := fileEdge{ID: e.id, Source: e.source, Target: e.target, Undirected: e.undirected}
		owner := recordName("relation", e.id, i)
		loc.begin("edges", 0, e.off)
		for _, a := range []string{"id", "source", "target"} {
			loc.field("edges", a, attrOffset(data, e.off, a))
		}
		vs, order := values("edge", e.values)
		note := func(key string, v gexfValue) { loc.field("edges", key, v.off) }
		switch v, ok := vs["type"]; {
		case ok && v.value != "":
			fe.Type = v.value
			note("type", v)
		case e.label != "":
			fe.Type = e.label
			loc.field("edges", "type", attrOffset(data, e.off, "label"))
		case e.kind != "":
			fe.Type = e.kind
			loc.field("edges", "type", attrOffset(data, e.off, "kind"))
		case e.xmlType != "":
			fe.Type = e.xmlType
			loc.field("edges", "type", attrOffset(data, e.off, "type"))
		}
		if v, ok := vs["date"]; ok {
			fe.Date = v.value
			note("date", v)
		} else if e.start != "" {
			// dynamics: the relation's date is its start; a start that is
			// not a date (timeformat="double") is kept as a property
			if d, ok := gexfDate(e.start); ok {
				fe.Date = d
				loc.field("edges", "date", e.startOff)
			} else {
				setProp(&fe.Props, "start", e.start)
			}
		}
		if e.end != "" {
			end := e.end
			if d, ok := gexfDate(end); ok {
				end = d
			}
			setProp(&fe.Props, "end", end)
		}
		if v, ok := vs[gmlUndirected]; ok {
			fe.Undirected = strings.EqualFold(strings.TrimSpace(v.value), "true")
		}
		var err error
		if v, ok := vs[gmlSources]; ok {
			if fe.Sources, err = parseCitations(v.value, gmlSources); err != nil {
				b.failOff(v.off, "%s: %v", owner, err)
			}
			note("sources", v)
		}
		if v, ok := vs[gmlProps]; ok {
			if fe.Props, err = parseProps(v.value, gmlProps); err != nil {
				b.failOff(v.off, "%s: %v", owner, err)
			}
			note("props", v)
		} else {
			for _, t := range order {
				if t == "type" || t == "date" || strings.HasPrefix(t, "ls_") {
					continue
				}
				v := vs[t]
				setTyped(b, &fe.Props, owner, t, infos["edge"][v.attr].typ, v.value, v.off, func(key string) { note(key, v) })
			}
			if w := strings.TrimSpace(e.weight); e.hasWeight && w != "" && w != "1" && w != "1.0" {
				off := attrOffset(data, e.off, "weight")
				if f, ok := parseNumber(w); ok {
					setProp(&fe.Props, "weight", f)
					loc.field("edges", "props.weight", off)
				} else {
					b.failOff(off, "%s: weight must be a finite number, not %s", owner, quoteID(shorten(e.weight)))
				}
			}
		}
		doc.Edges = append(doc.Edges, fe)
	}
	// the nesting: each node is part of its parent (enclosing node, pid,
	// <parents>)
	for _, n := range raw.nodes {
		if n.id == "" {
			continue
		}
		for _, p := range n.parents {
			loc.begin("edges", 0, n.off)
			off := attrOffset(data, n.off, "id")
			loc.field("edges", "source", off)
			pidOff := attrOffset(data, n.off, "pid")
			if pidOff == n.off {
				pidOff = off
			}
			loc.field("edges", "target", pidOff)
			doc.Edges = append(doc.Edges, fileEdge{Source: n.id, Target: p, Type: PartOf})
		}
	}
	return doc
}
