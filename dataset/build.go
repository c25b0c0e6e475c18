package dataset

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/linkscope/linkscope/graph"
)

// builder validates a decoded document and builds the graph, collecting
// every problem with its position.
type builder struct {
	name string
	data []byte
	loc  *locator
	errs ErrorList
	// pending holds problems before they are positioned and sorted.
	pending []pendingErr
	sources map[string]bool
}

type pendingErr struct {
	off int
	msg string
}

func (b *builder) fail(off int, format string, args ...any) {
	b.pending = append(b.pending, pendingErr{off, fmt.Sprintf(format, args...)})
}

func (b *builder) build(doc *document) *graph.Graph {
	if doc.Format != "" && doc.Format != FormatV1 {
		b.fail(b.loc.path(b.loc.skipSpace(0), "format"), "unknown format %s (this version reads %q)", quoteID(doc.Format), FormatV1)
	}
	g := graph.New(len(doc.Nodes), len(doc.Edges))
	g.Title, g.Description = doc.Title, doc.Description
	b.addSources(g, doc.Sources)
	b.addNodes(g, doc.Nodes)
	b.addEdges(g, doc.Edges)
	b.finish()
	return g
}

// finish positions and sorts the problems, keeping the first MaxErrors.
// Positions are counted in one pass, as the problems are in file order.
func (b *builder) finish() {
	sort.SliceStable(b.pending, func(i, j int) bool { return b.pending[i].off < b.pending[j].off })
	var c lineCounter
	for i, p := range b.pending {
		if i == MaxErrors {
			b.errs.More = len(b.pending) - MaxErrors
			break
		}
		line, col := c.position(b.data, p.off)
		b.errs.Errors = append(b.errs.Errors, &Error{File: b.name, Line: line, Col: col, Msg: p.msg})
	}
}

// at formats the position of off as LINE:COL for a message.
func (b *builder) at(off int) string {
	line, col := position(b.data, off)
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

func (b *builder) addSources(g *graph.Graph, srcs []fileSource) {
	b.sources = make(map[string]bool, len(srcs))
	first := make(map[string]int, len(srcs))
	for i, s := range srcs {
		switch {
		case s.ID == "":
			b.fail(b.loc.field("sources", i, "id"), "source %d has an empty or missing id", i+1)
			continue
		case b.sources[s.ID]:
			b.fail(b.loc.field("sources", i, "id"), "duplicate source id %s (first used at %s)", quoteID(s.ID), b.at(b.loc.field("sources", first[s.ID], "id")))
			continue
		}
		b.sources[s.ID] = true
		first[s.ID] = i
		src := graph.Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Language: s.Language, URL: s.URL, File: s.File, Note: s.Note}
		if s.Published != "" {
			d, err := graph.ParseDate(s.Published)
			if err != nil {
				b.fail(b.loc.field("sources", i, "published"), "source %s: %v", quoteID(s.ID), err)
			}
			src.Published = d
		}
		g.Sources = append(g.Sources, src)
	}
}

func (b *builder) addNodes(g *graph.Graph, nodes []fileNode) {
	var dups []int
	for i := range nodes {
		n := &nodes[i]
		if n.ID == "" {
			b.fail(b.loc.field("nodes", i, "id"), "entity %d has an empty or missing id", i+1)
			continue
		}
		if n.Type == "" {
			b.fail(b.loc.field("nodes", i, "type"), "entity %s has an empty or missing type", quoteID(n.ID))
		}
		label := n.Label
		if label == "" {
			label = n.ID
		}
		what := func() string { return "entity " + quoteID(n.ID) }
		b.checkMoney(n.Props, "nodes", i, what)
		cites := b.citations(n.Sources, func() int { return b.loc.field("nodes", i, "sources") }, what)
		// The id is not empty, so AddNode can only fail on a duplicate.
		if _, err := g.AddNode(graph.Node{ID: n.ID, Type: n.Type, Label: label, Aliases: n.Aliases, Props: n.Props, Sources: cites}); err != nil {
			dups = append(dups, i)
		}
	}
	if len(dups) > 0 {
		first := firstIndex(len(nodes), func(i int) string { return nodes[i].ID })
		for _, i := range dups {
			b.fail(b.loc.field("nodes", i, "id"), "duplicate entity id %s (first used at %s)", quoteID(nodes[i].ID), b.at(b.loc.field("nodes", first[nodes[i].ID], "id")))
		}
	}
}

// firstIndex maps each id to the index of its first occurrence among n
// records.
func firstIndex(n int, id func(int) string) map[string]int {
	first := make(map[string]int, n)
	for i := 0; i < n; i++ {
		if _, seen := first[id(i)]; !seen {
			first[id(i)] = i
		}
	}
	return first
}

func (b *builder) addEdges(g *graph.Graph, edges []fileEdge) {
	gen := newIDGenerator(edges)
	froms, tos := resolveEnds(g, edges)
	var dups []int
	var skipped map[string]bool // ids of relations not added
	for i := range edges {
		e := &edges[i]
		// what names the relation in messages; it is only built for one.
		what := func() string {
			if e.ID != "" {
				return "relation " + quoteID(e.ID)
			}
			return "relation " + strconv.Itoa(i+1)
		}
		ok := true
		from, to := froms[i], tos[i]
		switch {
		case e.Source == "":
			b.fail(b.loc.field("edges", i, "source"), "%s has an empty or missing source", what())
			ok = false
		case from < 0:
			b.fail(b.loc.field("edges", i, "source"), "%s: source %s is not the id of any entity", what(), quoteID(e.Source))
			ok = false
		}
		switch {
		case e.Target == "":
			b.fail(b.loc.field("edges", i, "target"), "%s has an empty or missing target", what())
			ok = false
		case to < 0:
			b.fail(b.loc.field("edges", i, "target"), "%s: target %s is not the id of any entity", what(), quoteID(e.Target))
			ok = false
		}
		if e.Type == "" {
			b.fail(b.loc.field("edges", i, "type"), "%s has an empty or missing type", what())
		}
		var date graph.Date
		if e.Date != "" {
			d, err := graph.ParseDate(e.Date)
			if err != nil {
				b.fail(b.loc.field("edges", i, "date"), "%s: %v", what(), err)
			}
			date = d
		}
		b.checkMoney(e.Props, "edges", i, what)
		cites := b.citations(e.Sources, func() int { return b.loc.field("edges", i, "sources") }, what)
		if !ok {
			if e.ID != "" {
				// Remember the id so that a later duplicate is still reported.
				if _, dup := g.EdgeIndex(e.ID); dup || skipped[e.ID] {
					dups = append(dups, i)
				} else {
					if skipped == nil {
						skipped = map[string]bool{}
					}
					skipped[e.ID] = true
				}
			}
			continue
		}
		id := e.ID
		if id == "" {
			id = gen.next()
		} else if skipped[id] {
			dups = append(dups, i)
			continue
		}
		// Both ends exist and the id is set, so AddEdge can only fail on a
		// duplicate id.
		if _, err := g.AddEdge(graph.Edge{ID: id, From: from, To: to, Type: e.Type, Date: date, Props: e.Props, Sources: cites}); err != nil {
			dups = append(dups, i)
		}
	}
	if len(dups) > 0 {
		first := firstIndex(len(edges), func(i int) string { return edges[i].ID })
		for _, i := range dups {
			b.fail(b.loc.field("edges", i, "id"), "duplicate relation id %s (first used at %s)", quoteID(edges[i].ID), b.at(b.loc.field("edges", first[edges[i].ID], "id")))
		}
	}
}

// checkMoney enforces props.amount as a number and props.currency as an
// ISO 4217 code.
func (b *builder) checkMoney(props map[string]any, arr string, i int, what func() string) {
	if v, has := props["amount"]; has {
		if _, num := v.(float64); !num {
			b.fail(b.loc.path(b.loc.field(arr, i, "props"), "amount"), "%s: props.amount must be a number, not %s", what(), describeValue(v))
		}
	}
	if v, has := props["currency"]; has {
		if s, _ := v.(string); !isCurrencyCode(s) {
			b.fail(b.loc.path(b.loc.field(arr, i, "props"), "currency"), "%s: props.currency must be an ISO 4217 code such as \"EUR\", not %s", what(), describeValue(v))
		}
	}
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func describeValue(v any) string {
	switch v := v.(type) {
	case string:
		return quoteID(v)
	case nil:
		return "null"
	case bool:
		return fmt.Sprint(v)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprint(v)
}

// citations converts and checks citations; off locates the owner's
// "sources" member and is only called when there is a problem.
func (b *builder) citations(cs []citation, off func() int, owner func() string) []graph.Citation {
	if len(cs) == 0 {
		return nil
	}
	out := make([]graph.Citation, 0, len(cs))
	for k, c := range cs {
		switch {
		case c.Source == "":
			b.fail(b.loc.path(off(), k), "%s: citation %d names no source", owner(), k+1)
		case !b.sources[c.Source]:
			b.fail(b.loc.path(off(), k, "source"), "%s cites unknown source %s", owner(), quoteID(c.Source))
		}
		out = append(out, graph.Citation{Source: c.Source, Quote: c.Quote, Gloss: c.Gloss})
	}
	return out
}

// idGenerator makes ids "e1", "e2", ... for relations without one, skipping
// every id that some relation of the file states explicitly.
type idGenerator struct {
	taken map[string]bool
	k     int
}

func newIDGenerator(edges []fileEdge) *idGenerator {
	gen := &idGenerator{}
	for i := range edges {
		if edges[i].ID == "" {
			gen.taken = make(map[string]bool)
			break
		}
	}
	if gen.taken != nil {
		for i := range edges {
			if edges[i].ID != "" {
				gen.taken[edges[i].ID] = true
			}
		}
	}
	return gen
}

func (gen *idGenerator) next() string {
	for {
		gen.k++
		id := "e" + strconv.Itoa(gen.k)
		if !gen.taken[id] {
			gen.taken[id] = true
			return id
		}
	}
}
