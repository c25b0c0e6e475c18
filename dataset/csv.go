package dataset

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
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
// CSVPaths) and returns their names. The two files are replaced together
// or not at all (see writeCSVPair).
func WriteCSVFiles(path string, g *graph.Graph, vis *Visual) ([]string, error) {
	np, ep := CSVPaths(path)
	err := writeCSVPair(np, ep,
		func(w io.Writer) error { return WriteCSVNodes(w, g, vis) },
		func(w io.Writer) error { return WriteCSVEdges(w, g) })
	if err != nil {
		return nil, err
	}
	return []string{np, ep}, nil
}

// csvRename renames a temporary file over its target; tests replace it
// to make the second rename of a pair fail.
var csvRename = os.Rename

// writeCSVPair writes the two tables of a CSV pair so that both are
// replaced or neither: each is written to a temporary file beside its
// target and synced; then the old node table is kept under a backup name
// (a hard link), both temporary files are renamed over their targets,
// and when the second rename fails the first target is restored from its
// backup (or removed, when it did not exist before). A target that is a
// device or a pipe (/dev/stdout) is written directly, one after the
// other, as WriteAtomic does.
func writeCSVPair(np, ep string, wn, we func(io.Writer) error) error {
	sn, err := stage(np, wn)
	if err != nil {
		return err
	}
	defer sn.discard()
	se, err := stage(ep, we)
	if err != nil {
		return err
	}
	defer se.discard()
	if sn == nil || se == nil {
		// a device or a pipe was written directly: write the other too
		if sn != nil {
			return sn.commit(csvRename)
		}
		if se != nil {
			return se.commit(csvRename)
		}
		return nil
	}
	// Keep the old node table until the edge table is in place.
	backup := ""
	if st, serr := os.Lstat(sn.target); serr == nil && st.Mode().IsRegular() {
		backup = sn.tmp + ".old"
		if lerr := os.Link(sn.target, backup); lerr != nil {
			// No hard links here (some file systems): copy it.
			if cerr := copyFile(sn.target, backup); cerr != nil {
				os.Remove(backup)
				return msg.Errorf("%s: cannot keep the previous file while replacing the pair: %v", np, cerr)
			}
		}
		defer os.Remove(backup)
	}
	if err := sn.commit(csvRename); err != nil {
		return err
	}
	if err := se.commit(csvRename); err != nil {
		// Put the first file back as it was.
		if backup != "" {
			if rerr := os.Rename(backup, sn.target); rerr != nil {
				return msg.Errorf("%v; and %s could not be restored: %v", err, np, rerr)
			}
		} else {
			os.Remove(sn.target)
		}
		return msg.Errorf("%w (%s was left as it was)", err, np)
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// formulaStart lists the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV injection").
const formulaStart = "=+-@\t\r"

// needsNeutral reports whether a text cell must be written with a
// leading single quote: it starts with a formula character, after any
// number of single quotes (so that the quote the writer adds can be told
// from one the value had, and the reader can take exactly it away).
func needsNeutral(s string) bool {
	t := strings.TrimLeft(s, "'")
	return t != "" && strings.IndexByte(formulaStart, t[0]) >= 0
}

// neutral neutralises a text cell against formula injection by
// prefixing a single quote when it needs one.
func neutral(s string) string {
	if needsNeutral(s) {
		return "'" + s
	}
	return s
}

// unneutral takes back the quote neutral added (cells of the tables
// Linkscope writes).
func unneutral(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsNeutral(s[1:]) {
		return s[1:]
	}
	return s
}

// WriteCSVNodes writes the entity table. Text cells that a spreadsheet
// would run as a formula get a leading single quote (see neutral).
func WriteCSVNodes(w io.Writer, g *graph.Graph, vis *Visual) error {
	cw := csv.NewWriter(w)
	cw.Write(csvNodeCols)
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		row := []string{neutral(n.ID), neutral(n.Label), neutral(n.Type), "", "", citationsJSON(n.Sources), "", "", "", ""}
		if len(n.Aliases) > 0 {
			row[3] = jsonString(n.Aliases)
		}
		if n.Props.Len() > 0 {
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

// WriteCSVEdges writes the relation table. Type is Gephi's Directed or
// Undirected; text cells are neutralised as in WriteCSVNodes.
func WriteCSVEdges(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(csvEdgeCols)
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		dir := "Directed"
		if e.Undirected {
			dir = "Undirected"
		}
		row := []string{neutral(e.ID), neutral(g.Node(e.From).ID), neutral(g.Node(e.To).ID), dir, neutral(e.Type), e.Date.String(), "", "", "", citationsJSON(e.Sources)}
		if amt, cur, ok := e.Amount(); ok {
			row[6], row[7] = formatFloat(amt), neutral(cur)
		}
		if e.Props.Len() > 0 {
			row[8] = jsonString(e.Props)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
