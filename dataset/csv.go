package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
)

// CSVPaths returns the node and edge table paths for a CSV export or
// import named path: X-nodes.csv and X-edges.csv for X.csv, and the pair
// of either member.
func CSVPaths(path string) (nodes, edges string) {
	dir, base := filepath.Split(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	low := strings.ToLower(stem)
	switch {
	case strings.HasSuffix(low, "nodes"):
		stem = stem[:len(stem)-5]
	case strings.HasSuffix(low, "edges"):
		stem = stem[:len(stem)-5]
	default:
		stem += "-"
	}
	return filepath.Join(dir, stem+"nodes.csv"), filepath.Join(dir, stem+"edges.csv")
}

// The columns Linkscope writes. Id, Label, Source and Target are the
// names Gephi's spreadsheet import and Cytoscape expect; Gephi reads an
// edge column "Type" as directed/undirected, so the relation type is in
// "relation". aliases, props and sources are JSON.
var (
	csvNodeCols = []string{"Id", "Label", "type", "aliases", "props", "sources", "x", "y", "size", "color"}
	csvEdgeCols = []string{"Id", "Source", "Target", "Type", "relation", "date", "amount", "currency", "props", "sources"}
)

// WriteCSVFiles writes the node and edge tables of g next to path (see
// CSVPaths) and returns their names.
func WriteCSVFiles(path string, g *graph.Graph, vis *Visual) ([]string, error) {
	np, ep := CSVPaths(path)
	if err := writeTo(np, func(w io.Writer) error { return WriteCSVNodes(w, g, vis) }); err != nil {
		return nil, err
	}
	if err := writeTo(ep, func(w io.Writer) error { return WriteCSVEdges(w, g) }); err != nil {
		return nil, err
	}
	return []string{np, ep}, nil
}

// WriteCSVNodes writes the entity table.
func WriteCSVNodes(w io.Writer, g *graph.Graph, vis *Visual) error {
	cw := csv.NewWriter(w)
	cw.Write(csvNodeCols)
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		row := []string{n.ID, n.Label, n.Type, "", "", citationsJSON(n.Sources), "", "", "", ""}
		if len(n.Aliases) > 0 {
			row[3] = jsonString(n.Aliases)
		}
		if len(n.Props) > 0 {
			row[4] = jsonString(n.Props)
		}
		if x, y, ok := vis.pos(i); ok {
			row[6], row[7] = formatFloat(x), formatFloat(y)
		}
		if r, ok := vis.size(i); ok {
			row[8] = formatFloat(r)
		}
		if c, ok := vis.color(i); ok {
			row[9] = hexRGB(c)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVEdges writes the relation table.
func WriteCSVEdges(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(csvEdgeCols)
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		dir := "Directed"
		if e.Undirected {
			dir = "Undirected"
		}
		row := []string{e.ID, g.Node(e.From).ID, g.Node(e.To).ID, dir, e.Type, e.Date.String(), "", "", "", citationsJSON(e.Sources)}
		if amt, cur, ok := e.Amount(); ok {
			row[6], row[7] = formatFloat(amt), cur
		}
		if len(e.Props) > 0 {
			row[8] = jsonString(e.Props)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads a node table and an edge table (edges may be nil or
// empty) with a header row. Column names are matched without regard to
// case: id, label (or name), type, aliases, props, sources for nodes; id,
// source, target, relation (or type, unless it only says
// directed/undirected, or label), date, props, sources for edges. Other
// columns become properties (numbers when they parse as numbers); x, y,
// size and color are dropped. Problems are an *ErrorList positioned in
// the two files, as for Load.
func ReadCSV(nodesName string, nodes io.Reader, edgesName string, edges io.Reader) (*graph.Graph, error) {
	nb, err := readAllLimited(nodesName, nodes)
	if err != nil {
		return nil, err
	}
	eb, err := readAllLimited(edgesName, edges)
	if err != nil {
		return nil, err
	}
	m := newMeter(context.Background(), nil, int64(len(nb)+len(eb)))
	return decodeCSV(m, 0, newInput(nodesName, nb), newInput(edgesName, eb))
}

// readCSV reads the node and edge tables that path names (see CSVPaths;
// the edge table may be absent). A path whose tables do not exist but
// which exists itself is read as a node table alone.
func readCSV(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	nodes, edges := CSVPaths(path)
	if _, err := os.Stat(nodes); err != nil && nodes != path {
		if _, perr := os.Stat(path); perr == nil {
			nodes, edges = path, ""
		}
	}
	ns, err := fileSize(nodes, opts)
	if err != nil {
		return nil, err
	}
	var es int64
	hasEdges := false
	if edges != "" {
		if _, serr := os.Stat(edges); serr == nil {
			if es, err = fileSize(edges, opts); err != nil {
				return nil, err
			}
			hasEdges = true
		}
	}
	m := newMeter(ctx, opts.Progress, 2*(ns+es))
	nb, err := readFile(m, nodes, ns, 0, opts)
	if err != nil {
		return nil, err
	}
	var eb []byte
	if hasEdges {
		if eb, err = readFile(m, edges, es, ns, opts); err != nil {
			return nil, err
		}
	}
	read := int64(len(nb) + len(eb))
	m.total = ns + es + read
	if edges == "" {
		edges = "(no edge table)"
	}
	return decodeCSV(m, ns+es, newInput(nodes, nb), newInput(edges, eb))
}

// decodeCSV decodes the two tables, reporting progress from base.
func decodeCSV(m *meter, base int64, nodes, edges input) (*graph.Graph, error) {
	span := int64(len(nodes.data) + len(edges.data))
	return buildForeign(m, base, span, func(b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
		// CSV has no place for the dataset's sources.
		b.unlistedSources = true
		doc := &document{}
		loc.begin("", 0, 0)
		share := float64(len(nodes.data)) / float64(max(span, 1))
		okN, err := decodeNodeTable(nodes, b, loc, doc, func(f float64) error { return progress(f * share) })
		if err != nil {
			return nil, false, err
		}
		okE, err := decodeEdgeTable(edges, b, loc, doc, func(f float64) error { return progress(share + f*(1-share)) })
		if err != nil {
			return nil, false, err
		}
		if !okE {
			// The entities can still be checked; the relations cannot.
			doc.Edges = nil
			loc.lists[listIndex("edges")] = nil
		}
		// Without its entities, every relation would be reported.
		return doc, okN, nil
	}, nodes, edges)
}

// csvRow is a record of a table and where its fields are.
type csvRow struct {
	fields []string
	r      *csv.Reader
	lines  *lineIndex
	off    int // where the row starts
}

// at returns where field c starts (the row's start when it has no field c).
func (r *csvRow) at(c int) int {
	if c < 0 || c >= len(r.fields) {
		return r.off
	}
	line, col := r.r.FieldPos(c)
	return r.lines.offset(line, col)
}

// readTable reads the rows of a table: the header, then each record. It
// reports invalid UTF-8, malformed CSV and rows whose length is not the
// header's, and returns false when the table cannot be read to its end.
func readTable(in input, file int, b *builder, progress func(f float64) error, header func(*csvRow) bool, row func(*csvRow)) (bool, error) {
	if !utf8.Valid(in.data) {
		off, _, _ := checkBytes(in.data)
		b.fail(pos{file, off}, "invalid UTF-8 (byte 0x%02X): the file must be UTF-8 encoded", in.data[off])
		return false, nil
	}
	cr := csv.NewReader(bytes.NewReader(in.data))
	cr.FieldsPerRecord = -1
	lines := &lineIndex{data: in.data}
	var hdr []string
	for n := 0; ; n++ {
		if n%checkEvery == checkEvery-1 {
			if err := progress(float64(cr.InputOffset()) / float64(max(len(in.data), 1))); err != nil {
				return false, err
			}
		}
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			off := int(cr.InputOffset())
			msg := err.Error()
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				off = lines.offset(pe.Line, pe.Column)
				msg = pe.Err.Error()
				if pe.Err == csv.ErrBareQuote || pe.Err == csv.ErrQuote {
					msg += ` (a field that holds a quote must be quoted, with the quote doubled: "say ""hi""")`
				}
			}
			b.fail(pos{file, off}, "malformed CSV: %s", msg)
			return false, nil
		}
		r := &csvRow{fields: fields, r: cr, lines: lines}
		r.off = r.at(0)
		if hdr == nil {
			hdr = fields
			if !header(r) {
				return false, nil
			}
			continue
		}
		switch {
		case len(fields) > len(hdr):
			b.fail(pos{file, r.at(len(hdr))}, "row has %s, but the header has %s: this field has no column", plural(len(fields), "field"), plural(len(hdr), "column"))
		case len(fields) < len(hdr):
			b.fail(pos{file, r.off}, "row has %s, but the header has %s (%s)", plural(len(fields), "field"), plural(len(hdr), "column"), strings.Join(hdr, ","))
		}
		row(r)
	}
	if hdr == nil {
		return header(nil), nil
	}
	return true, nil
}

// tableColumns maps lower-case column names to their first index.
func tableColumns(hdr []string) map[string]int {
	m := map[string]int{}
	for i, h := range hdr {
		k := strings.ToLower(strings.TrimSpace(h))
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}

func decodeNodeTable(in input, b *builder, loc *fieldLocator, doc *document, progress func(f float64) error) (bool, error) {
	var hdr []string
	var cols map[string]int
	idCol := -1
	hasLabel := false
	header := func(r *csvRow) bool {
		if r == nil {
			b.fail(pos{0, 0}, "no header row: the entity table must start with the names of its columns, such as Id,Label,type")
			return false
		}
		hdr, cols = r.fields, tableColumns(r.fields)
		_, hasLabel = cols["label"]
		var ok bool
		if idCol, ok = cols["id"]; !ok {
			b.fail(pos{0, r.off}, "the entity table has no Id column (its columns are %s)", strings.Join(hdr, ","))
			return false
		}
		return true
	}
	row := func(r *csvRow) {
		i := len(doc.Nodes)
		fn := fileNode{ID: cell(r.fields, idCol)}
		owner := recordName("entity", fn.ID, i)
		loc.begin("nodes", 0, r.off)
		loc.field("nodes", "id", r.at(idCol))
		for c, v := range r.fields {
			if c >= len(hdr) {
				break
			}
			name := strings.TrimSpace(hdr[c])
			note := func(key string) { loc.field("nodes", key, r.at(c)) }
			var err error
			switch low := strings.ToLower(name); low {
			case "id":
			case "label":
				fn.Label = v
			case "name":
				if !hasLabel {
					fn.Label = v
				} else if v != "" {
					setProp(&fn.Props, name, v)
					note("props." + name)
				}
			case "type":
				fn.Type = v
				note("type")
			case "aliases":
				fn.Aliases, err = parseAliases(v, low)
				note("aliases")
			case "props":
				var m map[string]any
				if m, err = parseProps(v, low); err == nil {
					for k, x := range m {
						setProp(&fn.Props, k, x)
					}
				}
				note("props")
			case "sources":
				fn.Sources, err = parseCitations(v, low)
				note("sources")
			default:
				if v != "" && !visualAttrs[low] {
					setProp(&fn.Props, name, csvValue(v))
					note("props." + name)
				}
			}
			if err != nil {
				b.fail(pos{0, r.at(c)}, "%s: %v", owner, err)
			}
		}
		doc.Nodes = append(doc.Nodes, fn)
	}
	return readTable(in, 0, b, progress, header, row)
}

func decodeEdgeTable(in input, b *builder, loc *fieldLocator, doc *document, progress func(f float64) error) (bool, error) {
	if len(in.data) == 0 {
		return true, nil
	}
	var hdr []string
	var cols map[string]int
	var sc, tc int
	var hasRelation, hasProps bool
	header := func(r *csvRow) bool {
		if r == nil {
			return true // an empty edge table: no relations
		}
		hdr, cols = r.fields, tableColumns(r.fields)
		var okS, okT bool
		sc, okS = cols["source"]
		tc, okT = cols["target"]
		_, hasRelation = cols["relation"]
		_, hasProps = cols["props"]
		if !okS || !okT {
			var missing []string
			if !okS {
				missing = append(missing, "Source")
			}
			if !okT {
				missing = append(missing, "Target")
			}
			b.fail(pos{1, r.off}, "the relation table has no %s column (its columns are %s)", strings.Join(missing, " or "), strings.Join(hdr, ","))
			return false
		}
		return true
	}
	row := func(r *csvRow) {
		i := len(doc.Edges)
		fe := fileEdge{Source: cell(r.fields, sc), Target: cell(r.fields, tc)}
		loc.begin("edges", 1, r.off)
		loc.field("edges", "source", r.at(sc))
		loc.field("edges", "target", r.at(tc))
		var owner string
		if c, ok := cols["id"]; ok {
			fe.ID = cell(r.fields, c)
		}
		owner = recordName("relation", fe.ID, i)
		typeCol, labelCol, relCol := -1, -1, -1
		for c, v := range r.fields {
			if c >= len(hdr) {
				break
			}
			name := strings.TrimSpace(hdr[c])
			note := func(key string) { loc.field("edges", key, r.at(c)) }
			var err error
			switch low := strings.ToLower(name); low {
			case "source", "target":
			case "id":
				note("id")
			case "relation":
				relCol = c
			case "type":
				typeCol = c
			case "label":
				labelCol = c
			case "date":
				fe.Date = v
				note("date")
			case "props":
				var m map[string]any
				if m, err = parseProps(v, low); err == nil {
					for k, x := range m {
						setProp(&fe.Props, k, x)
					}
				}
				note("props")
			case "sources":
				fe.Sources, err = parseCitations(v, low)
				note("sources")
			case "amount", "currency":
				// ours are also in props; a bare column is a property
				if !hasProps && v != "" {
					setProp(&fe.Props, low, csvValue(v))
					note("props." + low)
				}
			default:
				if v != "" {
					setProp(&fe.Props, name, csvValue(v))
					note("props." + name)
				}
			}
			if err != nil {
				b.fail(pos{1, r.at(c)}, "%s: %v", owner, err)
			}
		}
		// The relation type: the relation column; else Type, unless it is
		// Gephi's direction; else Label.
		from := relCol
		if !hasRelation {
			switch strings.ToLower(cell(r.fields, typeCol)) {
			case "directed", "undirected", "mutual", "":
				from = labelCol
			default:
				from = typeCol
			}
		}
		if cell(r.fields, from) == "" {
			from = labelCol
		}
		if from >= 0 {
			fe.Type = cell(r.fields, from)
			loc.field("edges", "type", r.at(from))
		}
		// Gephi's Type column gives the direction
		if from != typeCol && strings.EqualFold(strings.TrimSpace(cell(r.fields, typeCol)), "undirected") {
			fe.Undirected = true
		}
		doc.Edges = append(doc.Edges, fe)
	}
	return readTable(in, 1, b, progress, header, row)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func cell(row []string, i int) string {
	if i >= 0 && i < len(row) {
		return row[i]
	}
	return ""
}

// csvValue reads a number when the text is one, else keeps the text.
func csvValue(s string) any {
	if f, ok := parseNumber(s); ok {
		return f
	}
	return s
}
