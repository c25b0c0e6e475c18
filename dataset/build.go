package dataset

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// Every reader decodes its format into a document (the records of
// format.go) and hands it to the builder, which checks it and builds the
// graph, so that all formats share one set of rules and defaults and
// report every problem as FILE:LINE:COL.

// DefaultNodeType is the type that GraphML, GEXF and CSV entities without
// one get: those formats, unlike linkscope/1, do not require a type (yEd
// and Gephi files often have none), but the model's edit commands need
// every entity to have one. A relation without a type stays untyped (Type
// ""): nothing is invented for it.
const DefaultNodeType = "entity"

// builder validates a decoded document and builds the graph, collecting
// every problem with its position.
type builder struct {
	files []input
	loc   positioner
	jloc  *locator // the JSON locator, for the checks of shape.go
	errs  ErrorList
	// pending holds problems before they are positioned and sorted.
	pending []pendingErr
	sources map[string]bool

	// defaultTypes gives untyped entities DefaultNodeType and leaves
	// untyped relations untyped instead of reporting them (formats without
	// required types).
	defaultTypes bool
	// implicitNodes creates the entities that relations name but the file
	// does not declare (GraphML and GEXF, as networkx and igraph read
	// them), labelled with their id, each with a warning.
	implicitNodes bool
	// warns are problems that did not stop the load, positioned and
	// sorted into warnings by finish.
	warns    []pendingErr
	warnings []*Error
	// unlistedSources is set for files that do not list the dataset's
	// sources (GEXF and CSV cannot): instead of reporting citations of
	// sources that are not listed, the builder lists each one, with only
	// its id, so that the graph is complete.
	unlistedSources bool
	bare            []string // the sources listed so, in citation order
	// mapped is the mapping that the JSON input is, or nil: the direct
	// path gives back its pages as it resolves the relations' ends.
	mapped *fileMap

	// progress reports a fraction of the building, and returns the
	// context's error; nil means no reports and no cancellation.
	progress func(f float64) error
	err      error // why building stopped (cancellation)
}

type pendingErr struct {
	at   pos
	msg  string
	tmpl string // msg's template and arguments, for translation
	args []any
}

func newBuilder(loc positioner, files ...input) *builder {
	return &builder{files: files, loc: loc}
}

// warn notes a problem that does not stop the load.
func (b *builder) warn(at pos, format string, args ...any) {
	b.warns = append(b.warns, pendingErr{at, fmt.Sprintf(format, args...), format, args})
}

// warnOff notes a warning at an offset of the first file.
func (b *builder) warnOff(off int, format string, args ...any) {
	b.warn(pos{0, off}, format, args...)
}

func (b *builder) fail(at pos, format string, args ...any) {
	b.pending = append(b.pending, pendingErr{at, fmt.Sprintf(format, args...), format, args})
}

// failOff reports a problem at an offset of the first file.
func (b *builder) failOff(off int, format string, args ...any) {
	b.fail(pos{0, off}, format, args...)
}

// tick is called every checkEvery records with the fraction done; it
// returns false when building must stop.
func (b *builder) tick(f float64) bool {
	if b.progress == nil || b.err != nil {
		return b.err == nil
	}
	b.err = b.progress(f)
	return b.err == nil
}

// build checks doc and builds the graph. The error is only ever the
// context's, when the load was cancelled; problems of the file are in
// b.errs after finish.
func (b *builder) build(doc *document) (*graph.Graph, error) {
	if doc.Format != "" && doc.Format != FormatV1 {
		b.fail(b.loc.pos("", 0, "format"), "unknown format %s (this version reads %q)", quoteID(doc.Format), FormatV1)
	}
	// For a big file of the fast JSON scanner, the relations' id map is
	// built on another core while the entities are added, and given to
	// the graph with the relations in one step (addEdges).
	var edgeIDs chan map[string]int32
	edgeRoom := len(doc.Edges)
	if doc.fast && len(doc.Edges) >= parallelIndexAbove {
		edgeIDs, edgeRoom = make(chan map[string]int32, 1), 0
		go func() { edgeIDs <- indexEdges(doc.Edges) }()
	}
	g := graph.New(len(doc.Nodes), edgeRoom)
	g.Title, g.Description = doc.Title, doc.Description
	for t, ft := range doc.Types {
		if len(ft.Label) == 0 {
			continue
		}
		if g.TypeLabels == nil {
			g.TypeLabels = make(map[string]map[string]string, len(doc.Types))
		}
		g.TypeLabels[t] = ft.Label
	}
	b.addSources(g, doc.Sources)
	nodes := len(doc.Nodes)
	b.addNodes(g, doc.Nodes, nodes+len(doc.Edges))
	if doc.fast {
		// the graph has the entities: their records can go (the fast
		// scanner's document is the builder's alone)
		doc.Nodes = nil
	}
	var ids map[string]int32
	if edgeIDs != nil {
		ids = <-edgeIDs
	}
	if b.err == nil {
		b.addEdges(g, doc.Edges, ids, nodes, nodes+len(doc.Edges))
	}
	if b.err != nil {
		return nil, b.err
	}
	for _, id := range b.bare {
		g.Sources = append(g.Sources, graph.Source{ID: id})
	}
	b.finish()
	return g, nil
}

// parallelIndexAbove is the number of relations above which their id map
// is built on another core.
var parallelIndexAbove = 20000

// finish positions and sorts the problems, keeping the first MaxErrors.
// Positions are counted in one pass per file, as the problems are sorted.
func (b *builder) finish() {
	var more int
	b.errs.Errors, more = b.position(b.pending, MaxErrors)
	b.errs.More = more
	b.warnings, _ = b.position(b.warns, MaxWarnings)
	if n := len(b.warns) - MaxWarnings; n > 0 {
		b.warnings = append(b.warnings, &Error{File: b.file(0).name, Line: 1, Col: 1, Msg: fmt.Sprintf("... and %d more warnings", n), Template: "... and %d more warnings", Args: []any{n}})
	}
	b.pending, b.warns = nil, nil
}

// MaxWarnings caps how many warnings one load reports.
const MaxWarnings = 50

// position sorts problems into file order and positions the first limit
// of them; more counts the rest.
func (b *builder) position(ps []pendingErr, limit int) (out []*Error, more int) {
	sort.SliceStable(ps, func(i, j int) bool {
		x, y := ps[i].at, ps[j].at
		return x.file < y.file || x.file == y.file && x.off < y.off
	})
	var c lineCounter
	file := -1
	for i, p := range ps {
		if i == limit {
			return out, len(ps) - limit
		}
		if p.at.file != file {
			file, c = p.at.file, lineCounter{}
		}
		in := b.file(file)
		line, col := c.position(in.data, p.at.off)
		out = append(out, &Error{File: in.name, Line: line, Col: col, Msg: p.msg, Template: p.tmpl, Args: p.args})
	}
	return out, 0
}

func (b *builder) file(k int) input {
	if k >= 0 && k < len(b.files) {
		return b.files[k]
	}
	return input{}
}

// result returns the graph, or the problems when there are any.
func (b *builder) result(g *graph.Graph) (*graph.Graph, error) {
	if len(b.errs.Errors) > 0 {
		return nil, &b.errs
	}
	return g, nil
}

// at formats a position as LINE:COL for a message.
func (b *builder) at(p pos) string {
	line, col := position(b.file(p.file).data, p.off)
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// buildDocument checks and builds a decoded document with the context and
// progress of a load, and returns the graph or every problem found, those
// of the decoder included.
func (b *builder) buildDocument(ctx context.Context, doc *document, progress func(f float64) error) (*graph.Graph, error) {
	b.progress = progress
	if progress == nil {
		b.progress = func(float64) error { return ctx.Err() }
	}
	g, err := b.build(doc)
	if err != nil {
		return nil, err
	}
	return b.result(g)
}

func (b *builder) addSources(g *graph.Graph, srcs []fileSource) {
	b.sources = make(map[string]bool, len(srcs))
	first := make(map[string]int, len(srcs))
	for i, s := range srcs {
		switch {
		case s.ID == "":
			b.fail(b.loc.pos("sources", i, "id"), "source %d has an empty or missing id", i+1)
			continue
		case b.sources[s.ID]:
			b.fail(b.loc.pos("sources", i, "id"), "duplicate source id %s (first used at %s)", quoteID(s.ID), b.at(b.loc.pos("sources", first[s.ID], "id")))
			continue
		}
		b.sources[s.ID] = true
		first[s.ID] = i
		src := graph.Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Language: s.Language, URL: s.URL, File: s.File, Note: s.Note}
		if s.Published != "" {
			d, err := graph.ParseDate(s.Published)
			if err != nil {
				b.fail(b.loc.pos("sources", i, "published"), "source %s: %v", quoteID(s.ID), err)
			}
			src.Published = d
		}
		g.Sources = append(g.Sources, src)
	}
}

// addNodes adds the entities; records counts the records of the file, for
// progress.
func (b *builder) addNodes(g *graph.Graph, nodes []fileNode, records int) {
	var dups []int
	for i := range nodes {
		if i%checkEvery == checkEvery-1 && !b.tick(float64(i)/float64(records)) {
			return
		}
		n := &nodes[i]
		if n.ID == "" {
			b.fail(b.loc.pos("nodes", i, "id"), "entity %d has an empty or missing id", i+1)
			continue
		}
		typ := n.Type
		if typ == "" {
			if b.defaultTypes {
				typ = DefaultNodeType
			} else {
				b.fail(b.loc.pos("nodes", i, "type"), "entity %s has an empty or missing type", quoteID(n.ID))
			}
		}
		label := n.Label
		if label == "" {
			label = n.ID
		}
		what := func() msg.Text { return msg.F("entity %s", quoteID(n.ID)) }
		b.checkMoney(n.Props, "nodes", i, what)
		cites := b.citations(n.Sources, "nodes", i, what)
		// The id is not empty, so AddNode can only fail on a duplicate.
		nd := graph.Node{ID: n.ID, Type: typ, Label: label, Aliases: n.Aliases, Props: graph.PropsOf(n.Props), Sources: cites,
			X: n.X, Y: n.Y, Placed: n.Placed, Color: n.Color, Size: n.Size}
		if _, err := g.AddNode(nd); err != nil {
			dups = append(dups, i)
		}
	}
	if len(dups) > 0 {
		first := firstIndex(len(nodes), func(i int) string { return nodes[i].ID })
		for _, i := range dups {
			b.fail(b.loc.pos("nodes", i, "id"), "duplicate entity id %s (first used at %s)", quoteID(nodes[i].ID), b.at(b.loc.pos("nodes", first[nodes[i].ID], "id")))
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

// addEdges adds the relations; before records of the file come before
// them, of records in all, for progress. ids, when not nil, maps the
// relations' ids (all given, none twice) to their indices: the relations
// are then added in one step at the end, without a map operation each.
func (b *builder) addEdges(g *graph.Graph, edges []fileEdge, ids map[string]int32, before, records int) {
	gen := newIDGenerator(edges)
	if b.implicitNodes {
		b.addImplicitNodes(g, edges)
	}
	if ids != nil && !b.unlistedSources && len(edges) >= parallelCheckAbove && runtime.GOMAXPROCS(0) > 1 {
		b.addEdgesInParallel(g, edges, ids, before, records)
		return
	}
	froms, tos := resolveEnds(g, edges, b.file(0).data)
	var dups []int
	var skipped map[string]bool // ids of relations not added
	var bulk []graph.Edge
	if ids != nil {
		bulk = make([]graph.Edge, 0, len(edges))
	}
	for i := range edges {
		if i%checkEvery == checkEvery-1 && !b.tick(float64(before+i)/float64(records)) {
			return
		}
		e := &edges[i]
		ge, ok := b.checkEdge(e, i, froms[i], tos[i])
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
		if ge.ID == "" {
			ge.ID = gen.next()
		} else if skipped[ge.ID] {
			dups = append(dups, i)
			continue
		}
		if ids != nil {
			bulk = append(bulk, ge)
			continue
		}
		// Both ends exist and the id is set, so AddEdge can only fail on a
		// duplicate id.
		if _, err := g.AddEdge(ge); err != nil {
			dups = append(dups, i)
		}
	}
	// With ids, a relation left out means a problem reported, and the
	// graph is not returned.
	if ids != nil && len(bulk) == len(edges) {
		b.addIndexed(g, bulk, ids)
	}
	if len(dups) > 0 {
		first := firstIndex(len(edges), func(i int) string { return edges[i].ID })
		for _, i := range dups {
			b.fail(b.loc.pos("edges", i, "id"), "duplicate relation id %s (first used at %s)", quoteID(edges[i].ID), b.at(b.loc.pos("edges", first[edges[i].ID], "id")))
		}
	}
}

func (b *builder) addIndexed(g *graph.Graph, bulk []graph.Edge, ids map[string]int32) {
	if err := g.AddEdgesIndexed(bulk, ids); err != nil {
		b.failOff(0, "internal error while loading (please report it): %v", err)
	}
}

// parallelCheckAbove is the number of relations above which they are
// checked on every core.
var parallelCheckAbove = 100000

// addEdgesInParallel is addEdges for relations with ids, all given and
// none twice: each core checks a part of them with a builder of its own
// (its own problems and locator) after resolving their ends, and the
// problems are joined in order.
// The first part reports progress.
func (b *builder) addEdgesInParallel(g *graph.Graph, edges []fileEdge, ids map[string]int32, before, records int) {
	data := b.file(0).data
	workers := min(runtime.GOMAXPROCS(0), 4)
	bulk := make([]graph.Edge, len(edges))
	parts := make([]*builder, workers)
	bad := make([]int, workers)
	r := newResolver(g, data, edges)
	var wg sync.WaitGroup
	chunk := (len(edges) + workers - 1) / workers
	for k := range parts {
		w := *b
		w.pending, w.warns = nil, nil
		if k > 0 {
			w.progress = nil
			if b.jloc != nil {
				w.jloc = newLocator(b.jloc.data)
				w.loc = w.jloc
			}
		}
		parts[k] = &w
		wg.Add(1)
		go func(k, lo, hi int) {
			defer wg.Done()
			w := parts[k]
			const batch = 256
			var from, to [batch]int32
			for i := lo; i < hi; i++ {
				if k == 0 && i%checkEvery == checkEvery-1 && !w.tick(float64(before+i*workers)/float64(records)) {
					return
				}
				j := (i - lo) % batch
				if j == 0 {
					n := min(batch, hi-i)
					r.resolve(edges[i:i+n], from[:n], to[:n])
				}
				ge, ok := w.checkEdge(&edges[i], i, from[j], to[j])
				if !ok {
					bad[k]++
					continue
				}
				bulk[i] = ge
			}
		}(k, min(k*chunk, len(edges)), min((k+1)*chunk, len(edges)))
	}
	wg.Wait()
	for k, w := range parts {
		b.pending = append(b.pending, w.pending...)
		if k == 0 && w.err != nil {
			b.err = w.err
			return
		}
	}
	if sum(bad) == 0 {
		b.addIndexed(g, bulk, ids)
	}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// checkEdge checks relation i, whose ends resolved to from and to (-1:
// none), and returns it as the model's; ok is false when an end is
// missing (the other problems are reported, and do not stop it).
func (b *builder) checkEdge(e *fileEdge, i int, from, to int32) (ge graph.Edge, ok bool) {
	// what names the relation in messages; it is only built for one.
	what := func() msg.Text { return recordName("relation", e.ID, i) }
	ok = true
	// An end that resolved is not empty (entity ids never are); the
	// fast JSON scanner leaves such ends' ids unset (resolveEnds).
	switch {
	case from >= 0:
	case e.Source == "":
		b.fail(b.loc.pos("edges", i, "source"), "%s has an empty or missing source", what())
		ok = false
	default:
		b.fail(b.loc.pos("edges", i, "source"), "%s: source %s is not the id of any entity", what(), quoteID(e.Source))
		ok = false
	}
	switch {
	case to >= 0:
	case e.Target == "":
		b.fail(b.loc.pos("edges", i, "target"), "%s has an empty or missing target", what())
		ok = false
	default:
		b.fail(b.loc.pos("edges", i, "target"), "%s: target %s is not the id of any entity", what(), quoteID(e.Target))
		ok = false
	}
	typ := e.Type
	switch {
	case e.Untyped && typ != "":
		b.fail(b.loc.pos("edges", i, "type"), "%s is marked \"untyped\" but has the type %s", what(), quoteID(typ))
	case typ == "" && (e.Untyped || b.defaultTypes):
		// a relation without a type: said so explicitly (JSON), or
		// none given by a format where the type is optional
	case typ == "":
		b.fail(b.loc.pos("edges", i, "type"), "%s has an empty or missing type", what())
	}
	var date graph.Date
	if e.Date != "" {
		d, err := graph.ParseDate(e.Date)
		if err != nil {
			b.fail(b.loc.pos("edges", i, "date"), "%s: %v", what(), err)
		}
		date = d
	}
	b.checkMoney(e.Props, "edges", i, what)
	cites := b.citations(e.Sources, "edges", i, what)
	return graph.Edge{ID: e.ID, From: from, To: to, Type: typ, Date: date, Props: graph.PropsOf(e.Props), Sources: cites, Undirected: e.Undirected}, ok
}

// addImplicitNodes adds, in order of first mention, the entities that
// relations name but the file does not declare, each labelled with its id
// and warned about at the relation end that names it.
func (b *builder) addImplicitNodes(g *graph.Graph, edges []fileEdge) {
	for i := range edges {
		e := &edges[i]
		for _, end := range [2]struct{ id, field string }{{e.Source, "source"}, {e.Target, "target"}} {
			if end.id == "" {
				continue
			}
			if _, ok := g.NodeIndex(end.id); ok {
				continue
			}
			if _, err := g.AddNode(graph.Node{ID: end.id, Type: DefaultNodeType, Label: end.id}); err == nil {
				b.warn(b.loc.pos("edges", i, end.field), "%s: %s %s is not declared as a node: created the entity, labelled with its id", recordName("relation", e.ID, i), end.field, quoteID(end.id))
			}
		}
	}
}

// checkMoney enforces props.amount as a number and props.currency as an
// ISO 4217 code. An integer amount (a GraphML or GEXF attribute declared
// int or long) becomes the float64 the model's money takes.
func (b *builder) checkMoney(props map[string]any, arr string, i int, what func() msg.Text) {
	if v, has := props["amount"].(int64); has {
		props["amount"] = float64(v)
	}
	if v, has := props["amount"]; has {
		if _, num := v.(float64); !num {
			b.fail(b.loc.pos(arr, i, "props", "amount"), "%s: props.amount must be a number, not %s", what(), describeValue(v))
		}
	}
	if v, has := props["currency"]; has {
		if s, _ := v.(string); !isCurrencyCode(s) {
			b.fail(b.loc.pos(arr, i, "props", "currency"), "%s: props.currency must be an ISO 4217 code such as \"EUR\", not %s", what(), describeValue(v))
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

func describeValue(v any) msg.Text {
	switch v := v.(type) {
	case string:
		return msg.F("%s", quoteID(v))
	case nil:
		return msg.F("null")
	case bool:
		return msg.F("%v", v)
	case []any:
		return msg.F("an array")
	case map[string]any:
		return msg.F("an object")
	}
	return msg.F("%v", v)
}

// citations converts and checks the citations of record i of arr.
func (b *builder) citations(cs []citation, arr string, i int, owner func() msg.Text) []graph.Citation {
	if len(cs) == 0 {
		return nil
	}
	out := make([]graph.Citation, 0, len(cs))
	for k, c := range cs {
		switch {
		case c.Source == "":
			b.fail(b.loc.pos(arr, i, "sources", k), "%s: citation %d names no source", owner(), k+1)
		case !b.sources[c.Source] && b.unlistedSources:
			b.sources[c.Source] = true
			b.bare = append(b.bare, c.Source)
		case !b.sources[c.Source]:
			b.fail(b.loc.pos(arr, i, "sources", k, "source"), "%s cites unknown source %s", owner(), quoteID(c.Source))
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
