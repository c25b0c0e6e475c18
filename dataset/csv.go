package dataset

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

func init() {
	readers[".csv"] = func(path string, opts Options) (*graph.Graph, error) {
		nodes, edges := CSVPaths(path)
		nb, err := readLimited(nodes, opts)
		if err != nil {
			return nil, err
		}
		var eb []byte
		if _, serr := os.Stat(edges); serr == nil {
			if eb, err = readLimited(edges, opts); err != nil {
				return nil, err
			}
		}
		return ReadCSV(nodes, bytes.NewReader(nb), edges, bytes.NewReader(eb))
	}
}

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
		row := []string{e.ID, g.Node(e.From).ID, g.Node(e.To).ID, "Directed", e.Type, e.Date.String(), "", "", "", citationsJSON(e.Sources)}
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

// ReadCSV reads a node table and an edge table (edges may be empty) with
// a header row. Column names are matched without regard to case: id,
// label (or name), type, aliases, props, sources for nodes; id, source,
// target, relation (or type, unless it only says directed/undirected, or
// label), date, props, sources for edges. Other columns become properties
// (numbers when they parse as numbers); x, y, size and color are dropped.
func ReadCSV(nodesName string, nodes io.Reader, edgesName string, edges io.Reader) (g *graph.Graph, err error) {
	defer func() {
		if p := recover(); p != nil {
			g, err = nil, fmt.Errorf("%s: internal error while importing CSV: %v", nodesName, p)
		}
	}()
	ig := &impGraph{}
	nrows, err := readTable(nodesName, nodes)
	if err != nil {
		return nil, err
	}
	if len(nrows) == 0 {
		return nil, fmt.Errorf("%s: no header row", nodesName)
	}
	hdr := columns(nrows[0])
	idCol, ok := hdr["id"]
	if !ok {
		return nil, fmt.Errorf("%s: no Id column", nodesName)
	}
	for r, row := range nrows[1:] {
		line := r + 2
		in := impNode{ID: cell(row, idCol)}
		for c, v := range row {
			name := strings.TrimSpace(nrows[0][c])
			switch strings.ToLower(name) {
			case "id":
			case "label":
				in.Label = v
			case "name":
				if _, has := hdr["label"]; !has {
					in.Label = v
				} else if v != "" {
					setProp(&in.Props, name, v)
				}
			case "type":
				in.Type = v
			case "aliases":
				if in.Aliases, err = parseAliases(v); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", nodesName, line, err)
				}
			case "props":
				m, err := parseProps(v)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", nodesName, line, err)
				}
				for k, x := range m {
					setProp(&in.Props, k, x)
				}
			case "sources":
				if in.Sources, err = parseCitations(v); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", nodesName, line, err)
				}
			default:
				if v != "" && !visualAttrs[strings.ToLower(name)] {
					setProp(&in.Props, name, csvValue(v))
				}
			}
		}
		ig.Nodes = append(ig.Nodes, in)
	}
	erows, err := readTable(edgesName, edges)
	if err != nil {
		return nil, err
	}
	if len(erows) > 0 {
		eh := columns(erows[0])
		sc, ok1 := eh["source"]
		tc, ok2 := eh["target"]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s: the edge table needs Source and Target columns", edgesName)
		}
		_, hasRelation := eh["relation"]
		_, hasProps := eh["props"]
		for r, row := range erows[1:] {
			line := r + 2
			ie := impEdge{Source: cell(row, sc), Target: cell(row, tc)}
			var label, typ string
			for c, v := range row {
				name := strings.TrimSpace(erows[0][c])
				switch low := strings.ToLower(name); low {
				case "source", "target":
				case "id":
					ie.ID = v
				case "relation":
					ie.Type = v
				case "type":
					typ = v
				case "label":
					label = v
				case "date":
					ie.Date = v
				case "props":
					m, err := parseProps(v)
					if err != nil {
						return nil, fmt.Errorf("%s:%d: %v", edgesName, line, err)
					}
					for k, x := range m {
						setProp(&ie.Props, k, x)
					}
				case "sources":
					if ie.Sources, err = parseCitations(v); err != nil {
						return nil, fmt.Errorf("%s:%d: %v", edgesName, line, err)
					}
				case "amount", "currency":
					// ours are also in props; a bare column is a property
					if !hasProps && v != "" {
						setProp(&ie.Props, low, csvValue(v))
					}
				default:
					if v != "" {
						setProp(&ie.Props, name, csvValue(v))
					}
				}
			}
			if !hasRelation {
				switch strings.ToLower(typ) {
				case "directed", "undirected", "mutual", "":
					ie.Type = label
				default:
					ie.Type = typ
				}
			}
			if ie.Type == "" {
				ie.Type = label
			}
			ig.Edges = append(ig.Edges, ie)
		}
	}
	return ig.build(nodesName)
}

func readTable(name string, r io.Reader) ([][]string, error) {
	if r == nil {
		return nil, nil
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(rows) > 0 && len(rows[0]) > 0 {
		rows[0][0] = strings.TrimPrefix(rows[0][0], "\ufeff")
	}
	return rows, nil
}

func columns(hdr []string) map[string]int {
	m := map[string]int{}
	for i, h := range hdr {
		k := strings.ToLower(strings.TrimSpace(h))
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// csvValue reads a number when the text is one, else keeps the text.
func csvValue(s string) any {
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && strings.TrimSpace(s) != "" {
		return f
	}
	return s
}
