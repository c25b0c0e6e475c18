package dataset

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
)

// WriteDOT writes g for Graphviz: a digraph with each relation an edge
// labelled with its type (an untyped relation has no label), and, when vis
// has them, pinned positions (in points, Y up as Graphviz wants: render
// with `neato -n2`), sizes and colours. A graph whose relations are all
// undirected is written as a graph with "--" edges; in a digraph an
// undirected relation has dir=none. Text is always something dot accepts:
// control characters become their visible symbols (U+2400...), invalid
// UTF-8 U+FFFD, and a label longer than MaxDOTLabel characters is cut
// (with "…"), the cut noted in a comment. A graph with a NaN or infinite
// property is refused (see checkFinite).
func WriteDOT(w io.Writer, g *graph.Graph, vis *Visual) error {
	if err := checkFinite(g); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	allUndirected := g.EdgeCount() > 0
	for i := 0; i < g.EdgeCount() && allUndirected; i++ {
		allUndirected = g.Edge(int32(i)).Undirected
	}
	kind, arrow := "digraph", "->"
	if allUndirected {
		kind, arrow = "graph", "--"
	}
	p("%s %s {\n", kind, dotID(g.Title, "linkscope"))
	p("  graph [outputorder=edgesfirst, overlap=true, splines=false, fontname=\"Noto Sans\"];\n")
	p("  node [shape=circle, style=filled, fixedsize=shape, fontname=\"Noto Sans\", fontsize=10, color=white, penwidth=1, fillcolor=\"#9aa0a6\", width=0.2];\n")
	p("  edge [color=\"#6e748088\", arrowsize=0.5, fontname=\"Noto Sans\", fontsize=8];\n")
	label := func(what string, s, def string) string {
		if s == "" {
			s = def
		}
		cut, n := cutLabel(s)
		if n > 0 {
			p("  // %s: label cut from %d to %d characters\n", what, n, MaxDOTLabel)
		}
		return "label=" + dotID(cut, "")
	}
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		attrs := []string{label(fmt.Sprintf("entity %d", i+1), n.Label, n.ID)}
		if n.Type != "" {
			attrs = append(attrs, "type="+dotID(n.Type, ""))
		}
		if x, y, ok := vis.pos(i); ok {
			attrs = append(attrs, fmt.Sprintf("pos=\"%s,%s!\"", formatFloat(x), formatFloat(-y)))
		}
		if r, ok := vis.size(i); ok {
			attrs = append(attrs, fmt.Sprintf("width=%s", trimFloat(2*r/72)))
		}
		if c, ok := vis.color(i); ok {
			attrs = append(attrs, fmt.Sprintf("fillcolor=\"%s\"", hexRGB(c)))
		}
		p("  %s [%s];\n", dotID(n.ID, ""), strings.Join(attrs, ", "))
	}
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		attrs := []string{"id=" + dotID(e.ID, "")}
		if e.Type != "" {
			attrs = append(attrs, label(fmt.Sprintf("relation %d", i+1), e.Type, ""), "type="+dotID(e.Type, ""))
		}
		if e.Undirected && !allUndirected {
			attrs = append(attrs, "dir=none")
		}
		if !e.Date.IsZero() {
			attrs = append(attrs, "date="+dotID(e.Date.String(), ""))
		}
		if amt, cur, ok := e.Amount(); ok {
			attrs = append(attrs, "amount="+dotID(formatFloat(amt), ""))
			if cur != "" {
				attrs = append(attrs, "currency="+dotID(cur, ""))
			}
		}
		p("  %s %s %s [%s];\n", dotID(g.Node(e.From).ID, ""), arrow, dotID(g.Node(e.To).ID, ""), strings.Join(attrs, ", "))
	}
	p("}\n")
	return bw.Flush()
}

// MaxDOTLabel is the longest label WriteDOT writes, in characters.
const MaxDOTLabel = 1000

// cutLabel shortens s to MaxDOTLabel characters, ending in "…"; n is the
// original length when it was cut, else 0.
func cutLabel(s string) (string, int) {
	n := utf8.RuneCountInString(s)
	if n <= MaxDOTLabel {
		return s, 0
	}
	k, i := 0, 0
	for i = range s {
		if k == MaxDOTLabel-1 {
			break
		}
		k++
	}
	return s[:i] + "…", n
}

// dotID quotes s as a DOT string (def when s is empty): quotes and
// backslashes are escaped, a newline is \n, a carriage return dropped,
// other control characters (NUL included, which dot refuses) shown as
// their symbols (U+2400 + c, U+2421 for DEL), C1 controls and invalid
// UTF-8 as U+FFFD.
func dotID(s, def string) string {
	if s == "" {
		s = def
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r >= 0x80 && r < 0xa0, r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.4f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}
