package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// Shared by path, query and neighbors: naming entities on the command line
// and printing paths for people (one a line, arrows showing direction) and
// as JSON.

// pathsJSON is the --json output of path and query.
type pathsJSON struct {
	Paths     []pathJSON `json:"paths"`
	Truncated bool       `json:"truncated"`
	// Stopped says what made the answer incomplete: "timeout", "memory"
	// (the bound on the paths kept) or "limit"; absent when complete.
	Stopped string `json:"stopped,omitempty"`
}

type pathJSON struct {
	Length int        `json:"length"`
	Nodes  []nodeJSON `json:"nodes"`
	Edges  []edgeJSON `json:"edges"`
	// Bindings maps a query's variables to entity ids (and relation
	// variables to a relation id, or a list of them for a variable-length
	// hop).
	Bindings map[string]any `json:"bindings,omitempty"`
}

type nodeJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Type  string `json:"type"`
}

type edgeJSON struct {
	ID       string   `json:"id"`
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Type     string   `json:"type"`
	Date     string   `json:"date,omitempty"`
	Amount   *float64 `json:"amount,omitempty"`
	Currency string   `json:"currency,omitempty"`
}

func toNodeJSON(g *graph.Graph, v int32) nodeJSON {
	n := g.Node(v)
	return nodeJSON{n.ID, n.Label, n.Type}
}

func toEdgeJSON(g *graph.Graph, r int32) edgeJSON {
	e := g.Edge(r)
	j := edgeJSON{ID: e.ID, Source: g.Node(e.From).ID, Target: g.Node(e.To).ID, Type: e.Type, Date: e.Date.String()}
	if a, c, ok := e.Amount(); ok {
		j.Amount, j.Currency = &a, c
	}
	return j
}

func toPathJSON(g *graph.Graph, p path.Path) pathJSON {
	j := pathJSON{Length: p.Len(), Nodes: make([]nodeJSON, len(p.Nodes)), Edges: make([]edgeJSON, len(p.Edges))}
	for i, v := range p.Nodes {
		j.Nodes[i] = toNodeJSON(g, v)
	}
	for i, r := range p.Edges {
		j.Edges[i] = toEdgeJSON(g, r)
	}
	return j
}

// formatPath renders p on one line, e.g.
// "CNIL —fined 2022-10-17 €20,000,000→ Clearview AI ←complained-against— noyb".
func formatPath(g *graph.Graph, p path.Path) string {
	return string(newPathPrinter(g).appendPath(nil, p))
}

// pathPrinter formats many paths as formatPath does, remembering each
// relation's arrow once made.
type pathPrinter struct {
	g    *graph.Graph
	hops map[int64]string // relation*2 + 1 when followed forward
}

func newPathPrinter(g *graph.Graph) *pathPrinter {
	return &pathPrinter{g: g, hops: map[int64]string{}}
}

// appendPath appends p's line (without newline) to b.
func (pp *pathPrinter) appendPath(b []byte, p path.Path) []byte {
	g := pp.g
	b = append(b, nodeName(g, p.Nodes[0])...)
	for i, r := range p.Edges {
		fwd := p.Forward(g, i)
		key := int64(r) * 2
		if fwd {
			key++
		}
		hop, ok := pp.hops[key]
		if !ok {
			hop = formatHop(g, r, fwd)
			pp.hops[key] = hop
		}
		b = append(b, ' ')
		b = append(b, hop...)
		b = append(b, ' ')
		b = append(b, nodeName(g, p.Nodes[i+1])...)
	}
	return b
}

// formatHop renders one relation as an arrow: "—fined 2022-10-17 €20,000,000→"
// when followed from subject to object, "←fined …—" against it.
func formatHop(g *graph.Graph, r int32, forward bool) string {
	e := g.Edge(r)
	parts := []string{termSafe(e.Type)}
	if !e.Date.IsZero() {
		parts = append(parts, e.Date.String())
	}
	if a, c, ok := e.Amount(); ok {
		parts = append(parts, termSafe(formatMoney(a, c)))
	}
	s := strings.Join(parts, " ")
	if forward {
		return "—" + s + "→"
	}
	return "←" + s + "—"
}

func nodeName(g *graph.Graph, v int32) string {
	n := g.Node(v)
	if n.Label != "" {
		return termSafe(n.Label)
	}
	return termSafe(n.ID)
}

var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}

// formatMoney writes an amount with thousands separators: €20,000,000,
// CHF 1,500.50.
func formatMoney(a float64, currency string) string {
	neg := a < 0
	a = math.Abs(a)
	whole := math.Floor(a)
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sym, ok := currencySymbols[currency]
	switch {
	case ok:
		b.WriteString(sym)
	case currency != "":
		b.WriteString(currency + " ")
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if cents := math.Round((a - whole) * 100); cents > 0 && cents < 100 {
		fmt.Fprintf(&b, ".%02d", int(cents))
	}
	return b.String()
}

// resolveNode turns a command-line reference (id, label or alias) into an
// entity; an ambiguous or unknown name is an error listing candidates.
func resolveNode(g *graph.Graph, ref string) (int32, error) {
	vs := g.Resolve(ref)
	switch len(vs) {
	case 1:
		return vs[0], nil
	case 0:
		ms := g.Index().Search(ref, 5)
		if len(ms) == 0 {
			return -1, fmt.Errorf(lang.L("no entity is named %q"), ref)
		}
		names := make([]string, len(ms))
		for i, m := range ms {
			names[i] = describeNode(g, m.Node)
		}
		return -1, fmt.Errorf(lang.L("no entity is named %q; did you mean: %s?"), ref, strings.Join(names, ", "))
	}
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = describeNode(g, v)
	}
	return -1, fmt.Errorf(lang.L("%q is ambiguous, it names %d entities: %s; use an id"), ref, len(vs), strings.Join(names, ", "))
}

// describeNode is "id (Label, type)".
func describeNode(g *graph.Graph, v int32) string {
	n := g.Node(v)
	return fmt.Sprintf("%s (%s, %s)", termSafe(n.ID), termSafe(n.Label), termSafe(n.Type))
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// checkTypes returns an error naming the types in want that no entity or
// relation of the graph has (kind is "relation" or "entity").
func checkTypes(kind string, want []string, have []graph.TypeCount) error {
	known := map[string]bool{}
	names := make([]string, len(have))
	for i, t := range have {
		known[t.Type] = true
		names[i] = t.Type
	}
	for _, t := range want {
		if !known[t] {
			return fmt.Errorf(lang.L("no %s has type %q; the %s types are: %s"), kind, t, kind, strings.Join(names, ", "))
		}
	}
	return nil
}
