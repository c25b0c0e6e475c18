package dataset

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// WriteDOT writes g for Graphviz: a digraph with each relation an edge
// labelled with its type, and, when vis has them, pinned positions (in
// points, Y up as Graphviz wants: render with `neato -n2`), sizes and
// colours.
func WriteDOT(w io.Writer, g *graph.Graph, vis *Visual) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("digraph %s {\n", dotID(g.Title, "linkscope"))
	p("  graph [outputorder=edgesfirst, overlap=true, splines=false, fontname=\"Noto Sans\"];\n")
	p("  node [shape=circle, style=filled, fixedsize=shape, fontname=\"Noto Sans\", fontsize=10, color=white, penwidth=1, fillcolor=\"#9aa0a6\", width=0.2];\n")
	p("  edge [color=\"#6e748088\", arrowsize=0.5, fontname=\"Noto Sans\", fontsize=8];\n")
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		attrs := []string{"label=" + dotID(n.Label, n.ID), "type=" + dotID(n.Type, "")}
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
		attrs := []string{"id=" + dotID(e.ID, ""), "label=" + dotID(e.Type, ""), "type=" + dotID(e.Type, "")}
		if !e.Date.IsZero() {
			attrs = append(attrs, "date="+dotID(e.Date.String(), ""))
		}
		if amt, cur, ok := e.Amount(); ok {
			attrs = append(attrs, "amount="+dotID(formatFloat(amt), ""))
			if cur != "" {
				attrs = append(attrs, "currency="+dotID(cur, ""))
			}
		}
		p("  %s -> %s [%s];\n", dotID(g.Node(e.From).ID, ""), dotID(g.Node(e.To).ID, ""), strings.Join(attrs, ", "))
	}
	p("}\n")
	return bw.Flush()
}

// dotID quotes s as a DOT string (def when s is empty).
func dotID(s, def string) string {
	if s == "" {
		s = def
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
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
