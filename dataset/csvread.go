package dataset

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// ReadCSV reads a node table and an edge table (edges may be nil or
// empty) with a header row. With edges nil, the one table may also be an
// edge table alone, told by its header (see decodeCSV). Column names are
// matched without regard to case: id, label (or name), type, aliases,
// props, sources for nodes; id, source (or from), target (or to),
// relation (or type, unless it only says directed/undirected, or label),
// date, props, sources for edges; and Neo4j admin-import headers (:ID,
// :LABEL, :START_ID, :END_ID, :TYPE, name:int, ...). Other columns become
// properties (numbers when they parse as numbers); x, y, size and color
// are dropped. Problems are an *ErrorList positioned in the two files, as
// for Load.
func ReadCSV(nodesName string, nodes io.Reader, edgesName string, edges io.Reader) (*graph.Graph, error) {
	nb, err := readAllLimited(nodesName, nodes)
	if err != nil {
		return nil, err
	}
	if edges == nil {
		m := newMeter(context.Background(), nil, int64(len(nb)))
		return decodeCSV(m, 0, newInput(nodesName, nb))
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
// which exists itself is read alone: as a node table, or as an edge
// table when its header says so.
func readCSV(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	nodes, edges := CSVPaths(path)
	if _, err := os.Stat(nodes); err != nil && nodes != path {
		if _, perr := os.Stat(path); perr == nil {
			return LoadCSV(ctx, []string{path}, opts)
		}
	}
	if _, err := os.Stat(edges); err != nil {
		return LoadCSV(ctx, []string{nodes}, opts)
	}
	return LoadCSV(ctx, []string{nodes, edges}, opts)
}

// LoadCSV loads CSV tables given by name: one file (a node table, or an
// edge table whose entities are implied by its ends), or a node table
// and an edge table, in that order. Each file is measured against the
// size limit before anything is read.
func LoadCSV(ctx context.Context, paths []string, opts Options) (*graph.Graph, error) {
	if len(paths) < 1 || len(paths) > 2 {
		return nil, msg.Errorf("CSV: expected a node table and an edge table, or one table, not %d files", len(paths))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sizes := make([]int64, len(paths))
	var total int64
	for i, p := range paths {
		s, err := fileSize(p, opts)
		if err != nil {
			return nil, err
		}
		sizes[i] = s
		total += s
	}
	m := newMeter(ctx, opts.Progress, 2*total)
	m.warnings = opts.Warnings
	ins := make([]input, len(paths))
	var base, read int64
	for i, p := range paths {
		data, err := readFile(m, p, sizes[i], base, opts)
		if err != nil {
			return nil, err
		}
		base += sizes[i]
		read += int64(len(data))
		ins[i] = newInput(p, data)
	}
	m.total = total + read
	return decodeCSV(m, total, ins...)
}

// decodeCSV decodes the tables of a load, reporting progress from base:
// a node table and an edge table, or one table alone, which is an edge
// table when its header has source and target columns (Source and
// Target, From and To, or Neo4j's :START_ID and :END_ID) and no id
// column, or a node table. The entities of an edge table alone are its
// ends, each with its id as its label.
func decodeCSV(m *meter, base int64, tables ...input) (*graph.Graph, error) {
	var span int64
	for _, t := range tables {
		span += int64(len(t.data))
	}
	return buildForeign(m, base, span, func(b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
		// CSV has no place for the dataset's sources.
		b.unlistedSources = true
		doc := &document{}
		loc.begin("", 0, 0)
		if len(tables) == 1 && isEdgeTable(tables[0]) {
			okE, err := decodeEdgeTable(tables[0], 0, b, loc, doc, progress)
			if err != nil || !okE {
				return nil, okE, err
			}
			impliedNodes(doc, loc)
			return doc, true, nil
		}
		share := float64(len(tables[0].data)) / float64(max(span, 1))
		okN, err := decodeNodeTable(tables[0], b, loc, doc, func(f float64) error { return progress(f * share) })
		if err != nil {
			return nil, false, err
		}
		if len(tables) == 1 {
			return doc, okN, nil
		}
		okE, err := decodeEdgeTable(tables[1], 1, b, loc, doc, func(f float64) error { return progress(share + f*(1-share)) })
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
	}, tables...)
}

// impliedNodes adds an entity for each end of the relations, in the
// order they first appear, placed where they first appear.
func impliedNodes(doc *document, loc *fieldLocator) {
	seen := map[string]bool{}
	edges := loc.lists[listIndex("edges")]
	for i := range doc.Edges {
		for _, end := range [2]string{"source", "target"} {
			id := doc.Edges[i].Source
			if end == "target" {
				id = doc.Edges[i].Target
			}
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			at := loc.pos("edges", i, end)
			if i >= len(edges) {
				at = pos{}
			}
			doc.Nodes = append(doc.Nodes, fileNode{ID: id})
			loc.begin("nodes", at.file, at.off)
			loc.field("nodes", "id", at.off)
		}
	}
}

// colRole is what a column of a table holds.
type colRole int

const (
	colPlain   colRole = iota // known by its name (Id, Label, Source...) or a property
	colID                     // Neo4j :ID
	colStartID                // :START_ID
	colEndID                  // :END_ID
	colLabels                 // :LABEL
	colType                   // :TYPE
	colIgnore                 // :IGNORE
)

// column is one header cell: a plain name, or a Neo4j admin-import
// header "name:type", ":ID(space)", "name:int[]".
type column struct {
	name  string // the property name: the header without its Neo4j type
	low   string // name in lower case
	role  colRole
	typ   string // a Neo4j value type (int, long, float, boolean, ...), lower case
	array bool   // "[]": values separated by ';'
	space string // the ID space of :ID, :START_ID and :END_ID
}

// neo4jTypes are the value types of Neo4j admin-import headers.
var neo4jTypes = map[string]bool{
	"int": true, "long": true, "short": true, "byte": true, "float": true, "double": true,
	"boolean": true, "string": true, "char": true, "date": true, "localtime": true, "time": true,
	"localdatetime": true, "datetime": true, "duration": true, "point": true,
}

// parseColumn reads a header cell. A suffix after the last ':' is a
// Neo4j type only when it is one (ID, LABEL, int, string[], ...): any
// other colon belongs to the name ("foaf:name").
func parseColumn(h string) column {
	h = strings.TrimSpace(h)
	plain := column{name: h, low: strings.ToLower(h)}
	i := strings.LastIndexByte(h, ':')
	if i < 0 {
		return plain
	}
	name, kw := h[:i], h[i+1:]
	c := column{name: strings.TrimSpace(name), low: strings.ToLower(strings.TrimSpace(name))}
	if p := strings.IndexByte(kw, '('); p >= 0 && strings.HasSuffix(kw, ")") {
		c.space = kw[p+1 : len(kw)-1]
		kw = kw[:p]
	}
	if s, ok := strings.CutSuffix(kw, "[]"); ok {
		c.array, kw = true, s
	}
	switch k := strings.ToLower(strings.TrimSpace(kw)); {
	case k == "id":
		c.role = colID
	case k == "start_id":
		c.role = colStartID
	case k == "end_id":
		c.role = colEndID
	case c.space != "":
		return plain
	case k == "label" && !c.array:
		c.role = colLabels
	case k == "type" && !c.array:
		c.role = colType
	case k == "ignore" && !c.array:
		c.role = colIgnore
	case neo4jTypes[k]:
		c.typ = k
	default:
		return plain
	}
	if c.role != colPlain && c.space == "" && c.array {
		return plain
	}
	return c
}

// tableHeader is a parsed header row.
type tableHeader struct {
	raw  []string
	cols []column
	// ours is set for the tables Linkscope writes (their exact header):
	// their text cells are taken back from formula neutralisation.
	ours bool
}

func parseHeader(fields []string, ours []string) *tableHeader {
	h := &tableHeader{raw: fields, cols: make([]column, len(fields))}
	for i, f := range fields {
		h.cols[i] = parseColumn(f)
	}
	if len(fields) == len(ours) {
		h.ours = true
		for i := range fields {
			if fields[i] != ours[i] {
				h.ours = false
			}
		}
	}
	return h
}

// find returns the first column with role r, or (for colPlain) the
// first plain column called one of names, in the order of names; -1 when
// there is none.
func (h *tableHeader) find(r colRole, names ...string) int {
	if r != colPlain {
		for i, c := range h.cols {
			if c.role == r {
				return i
			}
		}
		return -1
	}
	for _, n := range names {
		for i, c := range h.cols {
			if c.role == colPlain && c.typ == "" && c.low == n {
				return i
			}
		}
	}
	return -1
}

// ends returns the source and target columns of an edge table.
func (h *tableHeader) ends() (sc, tc int) {
	if sc, tc = h.find(colStartID), h.find(colEndID); sc >= 0 || tc >= 0 {
		return sc, tc
	}
	if sc, tc = h.find(colPlain, "source"), h.find(colPlain, "target"); sc >= 0 || tc >= 0 {
		return sc, tc
	}
	if sc, tc = h.find(colPlain, "from"), h.find(colPlain, "to"); sc >= 0 && tc >= 0 {
		return sc, tc
	}
	return h.find(colPlain, "source"), h.find(colPlain, "target")
}

// isEdgeTable tells an edge table from a node table by its header: it
// has both ends and no Neo4j :ID column; a plain Id column is a relation
// id there (Gephi writes one).
func isEdgeTable(in input) bool {
	s := &csvScanner{data: in.data, comma: sniffDelimiter(in.data)}
	fields, _, _, err := s.next()
	if err != nil || len(fields) == 0 {
		return false
	}
	h := parseHeader(fields, nil)
	sc, tc := h.ends()
	return sc >= 0 && tc >= 0 && h.find(colID) < 0
}

// csvRow is a record of a table and where its fields are.
type csvRow struct {
	fields []string
	offs   []int
	off    int // where the row starts
}

// at returns where field c starts (the row's start when it has no field c).
func (r *csvRow) at(c int) int {
	if c < 0 || c >= len(r.offs) {
		return r.off
	}
	return r.offs[c]
}

// readTable reads the rows of a table: the header, then each record,
// with the delimiter sniffed from the header. It reports invalid UTF-8,
// malformed CSV and rows whose length is not the header's, and returns
// false when the table cannot be read to its end. A row is handed to row
// with exactly as many fields as the header.
func readTable(in input, file int, b *builder, progress func(f float64) error, header func(*csvRow) bool, row func(*csvRow)) (bool, error) {
	if !utf8.Valid(in.data) {
		off, _, _ := checkBytes(in.data)
		b.fail(pos{file, off}, "invalid UTF-8 (byte 0x%02X): the file must be UTF-8 encoded", in.data[off])
		return false, nil
	}
	s := &csvScanner{data: in.data, comma: sniffDelimiter(in.data)}
	var hdr []string
	for n := 0; ; n++ {
		if n%checkEvery == checkEvery-1 {
			if err := progress(float64(s.off) / float64(max(len(in.data), 1))); err != nil {
				return false, err
			}
		}
		fields, offs, done, serr := s.next()
		if done {
			break
		}
		if serr != nil {
			if m := serr.msg; m.Template == `bare " in non-quoted-field` || strings.HasPrefix(m.Template, "extraneous") {
				b.fail(pos{file, serr.off}, `malformed CSV: %s (a field that holds a quote must be quoted, with the quote doubled: "say ""hi""")`, m)
			} else {
				b.fail(pos{file, serr.off}, "malformed CSV: %s", m)
			}
			return false, nil
		}
		r := &csvRow{fields: fields, offs: offs, off: offs[0]}
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
			r.fields, r.offs = fields[:len(hdr)], offs[:len(hdr)]
		case len(fields) < len(hdr):
			b.fail(pos{file, r.off}, "row has %s, but the header has %s (%s)", plural(len(fields), "field"), plural(len(hdr), "column"), strings.Join(hdr, string(s.comma)))
			for len(r.fields) < len(hdr) {
				r.fields = append(r.fields, "")
			}
		}
		row(r)
	}
	if hdr == nil {
		return header(nil), nil
	}
	return true, nil
}

// typedCell converts the text of a Neo4j-typed column; absent is true
// for an empty value, which Neo4j reads as no property.
func typedCell(v string, c column) (val any, absent bool, err error) {
	if strings.TrimSpace(v) == "" {
		return nil, true, nil
	}
	if !c.array {
		val, err = neo4jValue(v, c.typ)
		return val, false, err
	}
	parts := strings.Split(v, ";")
	out := make([]any, 0, len(parts))
	for _, p := range parts {
		x, err := neo4jValue(p, c.typ)
		if err != nil {
			return nil, false, err
		}
		out = append(out, x)
	}
	return out, false, nil
}

func neo4jValue(v, typ string) (any, error) {
	t := strings.TrimSpace(v)
	switch typ {
	case "int", "long", "short", "byte":
		if !isInteger(t) {
			return nil, msg.Errorf("must be an integer, not %s", quoteID(shorten(v)))
		}
		return exactInteger(t), nil
	case "float", "double":
		if isInteger(t) {
			return exactInteger(t), nil
		}
		f, ok := parseNumber(t)
		if !ok {
			return nil, msg.Errorf("must be a finite number, not %s", quoteID(shorten(v)))
		}
		return f, nil
	case "boolean":
		switch strings.ToLower(t) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, msg.Errorf("must be true or false, not %s", quoteID(shorten(v)))
	}
	return v, nil
}

// maxExact is the largest integer a float64 holds exactly together with
// all smaller ones (2^53).
const maxExact = 1 << 53

// exactInteger returns an integer's value as a number when a float64
// holds it exactly, else its digits as a string, so that none is lost.
func exactInteger(s string) any {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > maxExact || n < -maxExact {
		return strings.TrimPrefix(s, "+")
	}
	return float64(n)
}

// csvValue reads a number when the text is one, else keeps the text.
// Integers that a float64 cannot hold exactly (beyond 2^53) and integers
// written with leading zeros (postcodes, phone numbers) stay text.
func csvValue(s string) any {
	if t := strings.TrimSpace(s); isInteger(t) {
		d := strings.TrimLeft(t, "+-")
		if len(d) > 1 && d[0] == '0' {
			return s
		}
		if v := exactInteger(t); v != nil {
			if _, isText := v.(string); isText {
				return s
			}
			return v
		}
	}
	if f, ok := parseNumber(s); ok {
		return f
	}
	return s
}

// entityID is the id of a value of an id column: with an ID space
// (Neo4j's :ID(Person)), "Person:value", so that ids of different spaces
// do not collide.
func entityID(v string, c column) string {
	if c.space != "" && v != "" {
		return c.space + ":" + v
	}
	return v
}

// cellValue sets the property of a column that is not one of the
// table's own: typed for a Neo4j-typed column, else a number when the
// text is one. It reports a typed value that does not fit.
func cellValue(props *map[string]any, c column, v string) error {
	if c.typ != "" {
		x, absent, err := typedCell(v, c)
		if err != nil {
			return msg.Errorf("column %s is declared %s, so its value %v", quoteID(c.name+":"+c.typ), c.typ, err)
		}
		if !absent {
			setProp(props, c.name, x)
		}
		return nil
	}
	if v != "" {
		setProp(props, c.name, csvValue(v))
	}
	return nil
}

func decodeNodeTable(in input, b *builder, loc *fieldLocator, doc *document, progress func(f float64) error) (bool, error) {
	var h *tableHeader
	idCol, labelCol := -1, -1
	header := func(r *csvRow) bool {
		if r == nil {
			b.fail(pos{0, 0}, "no header row: the entity table must start with the names of its columns, such as Id,Label,type")
			return false
		}
		h = parseHeader(r.fields, csvNodeCols)
		if idCol = h.find(colID); idCol < 0 {
			idCol = h.find(colPlain, "id")
		}
		if labelCol = h.find(colPlain, "label"); labelCol < 0 {
			labelCol = h.find(colPlain, "name")
		}
		if idCol < 0 {
			if sc, tc := h.ends(); sc >= 0 && tc >= 0 {
				b.fail(pos{0, r.off}, "the entity table has no Id column (its columns are %s); it looks like a relation table: give it as the second file, or alone", strings.Join(h.raw, ","))
			} else {
				b.fail(pos{0, r.off}, "the entity table has no Id column (its columns are %s)", strings.Join(h.raw, ","))
			}
			return false
		}
		return true
	}
	row := func(r *csvRow) {
		if h.ours {
			for c := range r.fields {
				r.fields[c] = unneutral(r.fields[c])
			}
		}
		i := len(doc.Nodes)
		idc := h.cols[idCol]
		fn := fileNode{ID: entityID(r.fields[idCol], idc)}
		owner := recordName("entity", fn.ID, i)
		loc.begin("nodes", 0, r.off)
		loc.field("nodes", "id", r.at(idCol))
		for c, v := range r.fields {
			col := h.cols[c]
			note := func(key string) { loc.field("nodes", key, r.at(c)) }
			var err error
			switch {
			case c == idCol:
				// Neo4j keeps a named id column as a property too.
				if col.role == colID && col.name != "" && col.low != "id" && v != "" {
					setProp(&fn.Props, col.name, v)
				}
			case col.role == colLabels:
				labels := splitList(v)
				if len(labels) > 0 {
					fn.Type = labels[0]
					note("type")
				}
				if len(labels) > 1 {
					all := make([]any, len(labels))
					for k, l := range labels {
						all[k] = l
					}
					setProp(&fn.Props, "labels", all)
					note("props.labels")
				}
			case col.role == colIgnore, col.role == colStartID, col.role == colEndID, col.role == colType:
			case col.role == colID:
				// A second id column: a property.
				if v != "" {
					setProp(&fn.Props, col.name, v)
				}
			case col.typ != "":
				err = cellValue(&fn.Props, col, v)
				note("props." + col.name)
			case c == labelCol:
				fn.Label = v
			case col.low == "type":
				fn.Type = v
				note("type")
			case col.low == "aliases":
				fn.Aliases, err = parseAliases(v, col.low)
				note("aliases")
			case col.low == "props":
				err = mergeProps(&fn.Props, v, col.low)
				note("props")
			case col.low == "sources":
				fn.Sources, err = parseCitations(v, col.low)
				note("sources")
			default:
				if v != "" && !visualAttrs[col.low] {
					setProp(&fn.Props, col.name, csvValue(v))
					note("props." + col.name)
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

// splitList splits Neo4j's ';'-separated labels, dropping empty ones.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// decodeEdgeTable reads the relation table, file number file of the load.
func decodeEdgeTable(in input, file int, b *builder, loc *fieldLocator, doc *document, progress func(f float64) error) (bool, error) {
	if len(in.data) == 0 {
		return true, nil
	}
	var h *tableHeader
	var sc, tc, idCol, neoType, relCol, typeCol, labelCol, propsCol int
	header := func(r *csvRow) bool {
		if r == nil {
			return true // an empty edge table: no relations
		}
		h = parseHeader(r.fields, csvEdgeCols)
		sc, tc = h.ends()
		if idCol = h.find(colID); idCol < 0 {
			idCol = h.find(colPlain, "id")
		}
		neoType = h.find(colType)
		relCol = h.find(colPlain, "relation")
		typeCol = h.find(colPlain, "type")
		labelCol = h.find(colPlain, "label")
		propsCol = h.find(colPlain, "props")
		if sc < 0 || tc < 0 {
			var missing []string
			if sc < 0 {
				missing = append(missing, "Source")
			}
			if tc < 0 {
				missing = append(missing, "Target")
			}
			b.fail(pos{file, r.off}, "the relation table has no %s column (its columns are %s)", strings.Join(missing, " or "), strings.Join(h.raw, ","))
			return false
		}
		return true
	}
	row := func(r *csvRow) {
		if h.ours {
			for c := range r.fields {
				r.fields[c] = unneutral(r.fields[c])
			}
		}
		i := len(doc.Edges)
		fe := fileEdge{Source: entityID(r.fields[sc], h.cols[sc]), Target: entityID(r.fields[tc], h.cols[tc])}
		loc.begin("edges", file, r.off)
		loc.field("edges", "source", r.at(sc))
		loc.field("edges", "target", r.at(tc))
		if idCol >= 0 {
			fe.ID = r.fields[idCol]
			loc.field("edges", "id", r.at(idCol))
		}
		owner := recordName("relation", fe.ID, i)
		for c, v := range r.fields {
			col := h.cols[c]
			note := func(key string) { loc.field("edges", key, r.at(c)) }
			var err error
			switch {
			case c == sc, c == tc, c == idCol, c == neoType, c == relCol, c == typeCol, c == labelCol:
			case col.role != colPlain:
				// :IGNORE, :LABEL, a second :START_ID...
			case col.typ != "":
				err = cellValue(&fe.Props, col, v)
				note("props." + col.name)
			case col.low == "date":
				fe.Date = v
				note("date")
			case col.low == "props":
				err = mergeProps(&fe.Props, v, col.low)
				note("props")
			case col.low == "sources":
				fe.Sources, err = parseCitations(v, col.low)
				note("sources")
			case col.low == "amount", col.low == "currency":
				// ours are also in props; a bare column is a property
				if propsCol < 0 && v != "" {
					setProp(&fe.Props, col.low, csvValue(v))
					note("props." + col.low)
				}
			default:
				if v != "" {
					setProp(&fe.Props, col.name, csvValue(v))
					note("props." + col.name)
				}
			}
			if err != nil {
				b.fail(pos{file, r.at(c)}, "%s: %v", owner, err)
			}
		}
		// The relation type: Neo4j's :TYPE; the relation column; else Type,
		// unless it is Gephi's direction; else Label.
		from := neoType
		if from < 0 {
			from = relCol
		}
		if typeCol >= 0 {
			switch strings.ToLower(strings.TrimSpace(r.fields[typeCol])) {
			case "undirected", "mutual":
				fe.Undirected = true
			case "directed", "":
			default:
				if from < 0 {
					from = typeCol
				}
			}
		}
		if cell(r.fields, from) == "" {
			from = labelCol
		}
		if from >= 0 {
			fe.Type = cell(r.fields, from)
			loc.field("edges", "type", r.at(from))
		}
		if labelCol >= 0 && from != labelCol && r.fields[labelCol] != "" {
			// Gephi's edge label, when it is not the type
			setProp(&fe.Props, h.cols[labelCol].name, r.fields[labelCol])
		}
		doc.Edges = append(doc.Edges, fe)
	}
	return readTable(in, file, b, progress, header, row)
}

// plural counts the fields or columns of a row.
func plural(n int, noun string) msg.Text {
	switch {
	case noun == "field" && n == 1:
		return msg.F("1 field")
	case noun == "field":
		return msg.F("%d fields", n)
	case n == 1:
		return msg.F("1 column")
	}
	return msg.F("%d columns", n)
}

func cell(row []string, i int) string {
	if i >= 0 && i < len(row) {
		return row[i]
	}
	return ""
}

// CSVPairPath names a node table and an edge table as one path, for
// callers that carry a single path (the window's open and its recent
// files): the two joined by the system's path-list separator (':' or
// ';'), as in PATH. SplitCSVPair takes it apart.
func CSVPairPath(nodes, edges string) string {
	return nodes + string(os.PathListSeparator) + edges
}

// SplitCSVPair returns the two tables of a path made by CSVPairPath: ok
// only when path itself does not exist and both parts do.
func SplitCSVPair(path string) (nodes, edges string, ok bool) {
	if _, err := os.Stat(path); err == nil {
		return "", "", false
	}
	for i := 0; i < len(path); i++ {
		if path[i] != os.PathListSeparator {
			continue
		}
		n, e := path[:i], path[i+1:]
		if _, err := os.Stat(n); err != nil {
			continue
		}
		if _, err := os.Stat(e); err == nil {
			return n, e, true
		}
	}
	return "", "", false
}

// mergeProps adds the properties of a props cell (a JSON object) to props.
func mergeProps(props *map[string]any, cell, col string) error {
	m, err := parseProps(cell, col)
	if err != nil {
		return err
	}
	for k, x := range m {
		setProp(props, k, x)
	}
	return nil
}
