package dataset

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// ReadGraphML reads a GraphML file (ours, or one written by yEd, Gephi,
// Cytoscape or networkx) into a graph. Attributes become properties,
// except label, type (or relation, or an edge's label) and date, which
// fill the model's own fields, and drawing attributes (x, y, size, r, g,
// b, yEd and yFiles graphics), which give the entities' chart position,
// colour and size (see FORMAT.md). Warnings are not returned here:
// LoadContext with Options.Warnings gives them. Problems are an *ErrorList positioned in name, as for Load.
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

// gmlData is a <data> element: its key, its text and where that starts;
// markup is set when it holds elements (yEd graphics, yFiles lists), whose
// text is not a value.
type gmlData struct {
	key, text string
	off       int
	markup    bool
}

// gmlItem is a <node> or <edge> (or, for its data, the <graph>).
type gmlItem struct {
	off                int
	id, source, target string
	data               []gmlData
	// parent is the id of the group node whose <graph> holds the node.
	parent string
	// undirected is the direction of an edge: its directed attribute,
	// else the edgedefault of its graph.
	undirected bool
	// yEd and yFiles graphics: the first label, the first geometry (x, y
	// of the centre) and the first fill colour.
	yLabel      string
	hasLabel    bool
	x, y        float64
	hasGeom     bool
	color       string
	labelAt     int // depth of the label element being read, or 0
	label       strings.Builder
	labelIsAttr bool
}

// gmlRaw is what the token walk collects; keys may follow the elements
// that use them, so they are interpreted after the walk.
type gmlRaw struct {
	keys         []gmlKey
	graph        gmlItem
	nodes, edges []*gmlItem
	root         string
	rootOff      int
	hasGraph     bool
	// what was skipped: further top-level graphs and hyperedges, with the
	// first of each
	skippedGraphs, hyperedges     int
	skippedGraphOff, hyperedgeOff int
}

func decodeGraphML(in input, b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
	if root := xmlRoot(in.data); root == "gexf" {
		// a GEXF document in a .graphml file: read it as what it is
		b.warnOff(firstContent(in.data), "this file holds GEXF, not GraphML: read as GEXF")
		return decodeGEXF(in, b, loc, progress)
	}
	raw, ok, err := walkGraphML(in.data, b, progress)
	if err != nil || !ok {
		return nil, ok, err
	}
	switch {
	case raw.root == "":
		b.failOff(firstContent(in.data), "not GraphML: the file holds no XML element")
		return nil, false, nil
	case raw.root != "graphml":
		b.failOff(raw.rootOff, "not GraphML: the root element is <%s>, not <graphml>", raw.root)
		return nil, false, nil
	case !raw.hasGraph:
		b.failOff(raw.rootOff, "not GraphML: the <%s> element holds no <graph> element", raw.root)
		return nil, false, nil
	}
	if raw.skippedGraphs > 0 {
		b.warnOff(raw.skippedGraphOff, "the file holds %d more <graph> elements after the first; only the first was read (%d skipped, the first of them here)", raw.skippedGraphs, raw.skippedGraphs)
	}
	if raw.hyperedges > 0 {
		b.warnOff(raw.hyperedgeOff, "%d <hyperedge> elements skipped (Linkscope relations join two entities), the first here", raw.hyperedges)
	}
	b.implicitNodes = true
	return raw.interpret(in.data, b, loc), true, nil
}

// gmlFrame is an open <graph>, <node> or <edge> of the graph being read.
type gmlFrame struct {
	kind       byte // 'g', 'n', 'e'
	depth      int
	item       *gmlItem
	undirected bool // a graph's edgedefault
	node       string
}

// walkGraphML collects the keys and the data of the first top-level graph
// and of the graphs nested in its nodes (yEd groups); further top-level
// graphs and hyperedges are counted and skipped, ports ignored.
func walkGraphML(data []byte, b *builder, progress func(f float64) error) (*gmlRaw, bool, error) {
	raw := &gmlRaw{}
	w := newXMLWalker(data, progress)
	var (
		key       *gmlKey // the <key> being read
		keyDepth  int
		dat       *gmlData // the <data> being read
		datItem   *gmlItem
		dataDepth int
		inDefault bool
		stack     []gmlFrame
		skipUntil int // depth of a skipped element being passed over, or 0
	)
	top := func() *gmlFrame {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
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
			f := top()
			switch {
			case depth == 1:
				if raw.root == "" {
					raw.root, raw.rootOff = name, w.off
				}
			case dat != nil:
				dat.markup = true
				readGraphics(datItem, t, depth)
			case name == "key" && (depth == 2 || f != nil && f.kind == 'g' && depth == f.depth+1):
				k := gmlKey{}
				k.id, _ = attr(t, "id")
				k.dom, _ = attr(t, "for")
				k.name, _ = attr(t, "attr.name")
				k.typ, _ = attr(t, "attr.type")
				_, k.yfiles = attr(t, "yfiles.type")
				if _, uri := attr(t, "attr.uri"); uri {
					k.yfiles = true // yFiles for HTML: NodeLabels, NodeGeometry, ...
				}
				raw.keys = append(raw.keys, k)
				key, keyDepth = &raw.keys[len(raw.keys)-1], depth
			case key != nil && depth == keyDepth+1 && name == "default":
				inDefault, key.hasDef, key.defOff = true, true, w.content
			case name == "graph" && depth == 2:
				if raw.hasGraph {
					if raw.skippedGraphs == 0 {
						raw.skippedGraphOff = w.off
					}
					raw.skippedGraphs++
					skipUntil = depth
					continue
				}
				raw.hasGraph = true
				raw.graph.off = w.off
				ed, _ := attr(t, "edgedefault")
				stack = append(stack, gmlFrame{kind: 'g', depth: depth, item: &raw.graph, undirected: strings.EqualFold(strings.TrimSpace(ed), "undirected")})
			case f == nil:
			case name == "graph" && f.kind == 'n' && depth == f.depth+1:
				// a group node's graph: its nodes are entities, part of it
				ed, has := attr(t, "edgedefault")
				und := stack[0].undirected
				if has {
					und = strings.EqualFold(strings.TrimSpace(ed), "undirected")
				}
				stack = append(stack, gmlFrame{kind: 'g', depth: depth, undirected: und, node: f.item.id})
			case f.kind == 'g' && depth == f.depth+1 && (name == "node" || name == "edge"):
				it := &gmlItem{off: w.off}
				it.id, _ = attr(t, "id")
				if name == "edge" {
					it.source, _ = attr(t, "source")
					it.target, _ = attr(t, "target")
					it.undirected = f.undirected
					if d, ok := attr(t, "directed"); ok {
						switch strings.ToLower(strings.TrimSpace(d)) {
						case "false", "0":
							it.undirected = true
						case "true", "1":
							it.undirected = false
						}
					}
					raw.edges = append(raw.edges, it)
				} else {
					it.parent = f.node
					raw.nodes = append(raw.nodes, it)
				}
				stack = append(stack, gmlFrame{kind: name[0], depth: depth, item: it})
			case f.kind == 'g' && depth == f.depth+1 && name == "hyperedge":
				if raw.hyperedges == 0 {
					raw.hyperedgeOff = w.off
				}
				raw.hyperedges++
				skipUntil = depth
			case f.item != nil && depth == f.depth+1 && name == "data":
				d := gmlData{off: w.content}
				d.key, _ = attr(t, "key")
				f.item.data = append(f.item.data, d)
				dat, datItem, dataDepth = &f.item.data[len(f.item.data)-1], f.item, depth
			}
		case xml.EndElement:
			if skipUntil > 0 {
				if depth == skipUntil {
					skipUntil = 0
				}
				continue
			}
			switch f := top(); {
			case dat != nil && depth == dataDepth:
				dat, datItem = nil, nil
			case dat != nil:
				endGraphics(datItem, depth)
			case f != nil && depth == f.depth:
				stack = stack[:len(stack)-1]
			case inDefault && depth == keyDepth+1:
				inDefault = false
			case key != nil && depth == keyDepth:
				key = nil
			}
		case xml.CharData:
			switch {
			case skipUntil > 0:
			case dat != nil && datItem.labelAt > 0 && !datItem.labelIsAttr:
				datItem.label.Write(t)
			case dat != nil && depth == dataDepth:
				dat.text += string(t)
			case inDefault && depth == keyDepth+1:
				key.def += string(t)
			}
		}
	}
	return raw, true, nil
}

// readGraphics notes what yEd and yFiles for HTML graphics inside a <data>
// say: the first label (y:NodeLabel, y:EdgeLabel, y:Label.Text or a
// y:Label Text attribute), the first geometry (y:Geometry x y width
// height, y:RectD X Y Width Height) as the centre, the first fill colour.
func readGraphics(it *gmlItem, t xml.StartElement, depth int) {
	switch t.Name.Local {
	case "NodeLabel", "EdgeLabel", "Label.Text":
		if !it.hasLabel && it.labelAt == 0 {
			it.labelAt, it.labelIsAttr = depth, false
			it.label.Reset()
		}
	case "Label":
		if v, ok := attr(t, "Text"); ok && !it.hasLabel && it.labelAt == 0 {
			it.yLabel, it.hasLabel = strings.TrimSpace(v), true
		}
	case "Geometry", "RectD":
		if it.hasGeom {
			return
		}
		get := func(names ...string) (float64, bool) {
			for _, n := range names {
				if v, ok := attr(t, n); ok {
					return parseNumber(v)
				}
			}
			return 0, false
		}
		x, okx := get("x", "X")
		y, oky := get("y", "Y")
		wd, _ := get("width", "Width")
		ht, _ := get("height", "Height")
		if okx && oky {
			it.x, it.y, it.hasGeom = x+wd/2, y+ht/2, true
		}
	case "Fill":
		if c, ok := attr(t, "color"); ok && it.color == "" {
			if hex, ok := parseHexColor(c); ok {
				it.color = hex
			}
		}
	}
}

// endGraphics ends the label element being read.
func endGraphics(it *gmlItem, depth int) {
	if it.labelAt > 0 && depth == it.labelAt {
		it.yLabel, it.hasLabel, it.labelAt = strings.TrimSpace(it.label.String()), true, 0
	}
}

// parseHexColor reads "#rrggbb" or "#rrggbbaa" as "#rrggbb".
func parseHexColor(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return "", false
	}
	for i := 1; i < len(s); i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(s[i])) {
			return "", false
		}
	}
	return strings.ToLower(s[:7]), true
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
		note := func(key string, d gmlData) { loc.field("nodes", key, d.off) }
		for _, d := range all {
			k := keyOf(d)
			if k.yfiles || d.markup {
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
		if fn.Label == "" && n.hasLabel {
			fn.Label = n.yLabel
		}
		raw.chart(&fn, n, all, keyOf)
		// other attributes are properties, unless ls_props gave them all
		if !hasKey(n.data, keyOf, gmlProps) {
			for _, d := range all {
				k := keyOf(d)
				nm := strings.ToLower(k.name)
				if k.yfiles || d.markup || nm == "" || nm == "label" || nm == "type" || strings.HasPrefix(nm, "ls_") || visualAttrs[nm] || (nm == "name" && fn.Label == d.text) {
					continue
				}
				setTyped(b, &fn.Props, owner, k.name, k.typ, d.text, d.off, func(key string) { note(key, d) })
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
			if k.yfiles || d.markup {
				continue
			}
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
		if fe.Type == "" && e.hasLabel && e.yLabel != "" {
			fe.Type = e.yLabel // a yEd edge label
		}
		fe.Undirected = fe.Undirected || e.undirected // ls_undirected, or the graph's or edge's own direction
		if !hasKey(e.data, keyOf, gmlProps) {
			for _, d := range all {
				k := keyOf(d)
				nm := strings.ToLower(k.name)
				if k.yfiles || d.markup || nm == "" || nm == "type" || nm == "relation" || nm == "label" || nm == "date" || strings.HasPrefix(nm, "ls_") {
					continue
				}
				setTyped(b, &fe.Props, owner, k.name, k.typ, d.text, d.off, func(key string) { note(key, d) })
			}
		}
		doc.Edges = append(doc.Edges, fe)
	}
	// the nesting of yEd groups: each node inside a group node's graph is
	// part of it
	for _, n := range raw.nodes {
		if n.parent == "" || n.id == "" {
			continue
		}
		loc.begin("edges", 0, n.off)
		off := attrOffset(data, n.off, "id")
		loc.field("edges", "source", off)
		loc.field("edges", "target", off)
		doc.Edges = append(doc.Edges, fileEdge{Source: n.id, Target: n.parent, Type: PartOf})
	}
	return doc
}

// PartOf is the type of the relations that keep the nesting of a GraphML
// group node (yEd) or a GEXF parent node: from the child to its parent.
const PartOf = "part-of"

// chart sets the position, colour and size of a node from its GraphML
// x, y, size, r, g, b attributes (as Gephi and Linkscope write them), else
// from its yEd or yFiles geometry and fill.
func (raw *gmlRaw) chart(fn *fileNode, n *gmlItem, all []gmlData, keyOf func(gmlData) gmlKey) {
	num := map[string]float64{}
	for _, d := range all {
		nm := strings.ToLower(keyOf(d).name)
		if visualAttrs[nm] && !d.markup {
			if f, ok := parseNumber(d.text); ok {
				num[nm] = f
			}
		}
	}
	x, okx := num["x"]
	y, oky := num["y"]
	switch {
	case okx && oky:
		fn.X, fn.Y, fn.Placed = x, y, true
	case n.hasGeom:
		fn.X, fn.Y, fn.Placed = n.x, n.y, true
	}
	if sz, ok := num["size"]; ok && sz > 0 {
		fn.Size = sz
	}
	r, okr := num["r"]
	g, okg := num["g"]
	bl, okb := num["b"]
	switch {
	case okr && okg && okb:
		fn.Color = rgbHex(r, g, bl)
	case n.color != "":
		fn.Color = n.color
	}
}

// rgbHex writes channels of 0 to 255 as "#rrggbb", clamping each.
func rgbHex(r, g, b float64) string {
	c := func(v float64) int { return int(math.Round(math.Min(math.Max(v, 0), 255))) }
	return fmt.Sprintf("#%02x%02x%02x", c(r), c(g), c(b))
}

// setTyped sets the property name from text (a GraphML <data> or GEXF
// attribute value, at off) by its declared type,
// or reports the text that does not fit.
func setTyped(b *builder, props *map[string]any, owner msg.Text, name, typ, text string, off int, note func(key string)) {
	v, ok, absent := typedValue(text, typ)
	switch {
	case !ok:
		failType(b, off, owner, name, typ, text)
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
