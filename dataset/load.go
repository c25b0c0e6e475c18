package dataset

import (
	"bytes"
	"context"

	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// DefaultMaxBytes is the largest file Load reads unless told otherwise.
const DefaultMaxBytes = 512 << 20

// Options tune loading. The zero value is ready to use.
type Options struct {
	// MaxBytes refuses larger files; 0 means DefaultMaxBytes. Files are
	// measured before they are read.
	MaxBytes int64
	// Progress, when set, is called from the loading goroutine as the load
	// advances, with done <= total. Both count bytes of input: the file's
	// size once for reading it and once more for decoding and building, so
	// total is twice the size of what is read (for Decode, which reads
	// nothing, once). done never decreases.
	Progress func(done, total int64)
	// Warnings, when set, receives the problems that did not stop a load
	// (positioned FILE:LINE:COL like errors): in GraphML and GEXF, a
	// relation to an entity the file does not declare (the entity is
	// created), graphs and hyperedges that were skipped. They are
	// appended, at most MaxWarnings and a line that counts the rest.
	Warnings *[]*Error
	// PauseGC lets the load of a big file (one mapped into memory, see
	// readJSONMapped) turn the collector off while it decodes, bounded by
	// a memory limit, and put the program's settings back afterwards
	// (pauseGC). Those settings are the whole process's, so only a
	// program that owns them asks for it: the window and the CLI do; a
	// library caller that leaves it false keeps its collector as it is.
	PauseGC bool
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Load reads and validates the linkscope/1 (JSON) file at path, whatever
// its extension; LoadContext reads every format. Errors are an *ErrorList
// whose entries are positioned FILE:LINE:COL, or an I/O error naming the
// file.
func Load(path string, opts Options) (*graph.Graph, error) {
	return readJSON(context.Background(), path, opts)
}

// readJSON is the JSON reader of the format table.
func readJSON(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	if g, ok, err := readJSONMapped(ctx, path, opts); ok {
		return g, err
	}
	m, data, err := readMetered(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	return decodeJSON(m, path, data, opts, int64(len(data)), nil)
}

// Decode validates data, the contents of the file called name, as
// linkscope/1 and builds the graph. It never panics: an unexpected failure
// is reported as an error.
func Decode(name string, data []byte, opts Options) (*graph.Graph, error) {
	return DecodeContext(context.Background(), name, data, opts)
}

// DecodeContext is Decode with cancellation and progress (see Options):
// it returns ctx.Err() once ctx is done.
func DecodeContext(ctx context.Context, name string, data []byte, opts Options) (*graph.Graph, error) {
	return decodeJSON(newMeter(ctx, opts.Progress, int64(len(data))), name, data, opts, 0, nil)
}

// decodeJSON decodes data, reporting progress from base to base+len(data).
// fm is the mapping that data is, or nil (see readJSONMapped).
func decodeJSON(m *meter, name string, data []byte, opts Options, base int64, fm *fileMap) (g *graph.Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			if fm != nil && isFault(r) {
				mappedFaults.Add(1) // readJSONMapped says what happened
			}
			g, err = nil, msg.Errorf("%s: internal error while loading (please report it): %v", name, r)
		}
	}()
	if int64(len(data)) > opts.maxBytes() {
		return nil, msg.Errorf("%s: file is %d bytes, over the %d-byte limit (raise it with --max-bytes)", name, len(data), opts.maxBytes())
	}
	if err := m.report(base); err != nil {
		return nil, err
	}
	// A UTF-8 byte order mark is not JSON, but editors write it unseen.
	in := newInput(name, data)
	data = in.data
	half := int64(len(data)) / 2
	// The fast scanner decodes the usual files; it gives up on anything
	// else, and the careful path below decodes them and says what is wrong.
	if !carefulOnly && !fastOnly {
		if doc, ok := fastDecodeMode(data, true, fm); ok {
			if g, ok, err := buildDirectJSON(m, in, doc, base, fm); ok || err != nil {
				return g, err
			}
		}
	}
	if fm != nil {
		return nil, errNotDirect // decodeMapped decodes a copy
	}
	if doc, ok := fastDecode(data); ok && !carefulOnly {
		return buildJSON(m, in, doc, base)
	}
	if off, m, ok := checkBytes(data); !ok {
		return nil, single(name, data, off, m)
	}
	var doc document
	presize(&doc, data)
	// Unmarshal on the whole buffer: go-json's stream decoder panics on
	// truncated input. It cannot be interrupted; the context is looked at
	// before and after.
	derr := json.Unmarshal(data, &doc)
	if err := m.report(base + half); err != nil {
		return nil, err
	}
	if derr != nil {
		off, m, found, syntax := locateDecodeError(data)
		switch {
		case !found:
			// The fast decoder refused what encoding/json accepts: trust the
			// careful one and go on with its result.
			doc = document{}
			if serr := stdUnmarshal(data, &doc); serr != nil {
				return nil, single(name, data, 0, msg.F("%s", derr.Error()))
			}
		case syntax:
			return nil, single(name, data, off, m)
		default:
			// A value of the wrong type: report every one, in place.
			b := newJSONBuilder(in)
			b.checkShape()
			b.failKeys(duplicateKeys(data))
			b.finish()
			if len(b.errs.Errors) == 0 {
				return nil, single(name, data, off, m)
			}
			return nil, &b.errs
		}
	}
	if off, m, ok := checkTopLevel(data, `{"nodes": [...], "edges": [...]}`); !ok {
		return nil, single(name, data, off, m)
	}
	if probs := duplicateKeys(data); len(probs) > 0 {
		b := newJSONBuilder(in)
		b.failKeys(probs)
		b.finish()
		return nil, &b.errs
	}
	return buildJSON(m, in, &doc, base)
}

// buildJSON checks and builds a decoded document, reporting progress from
// the middle of the input's span to its end.
func buildJSON(m *meter, in input, doc *document, base int64) (*graph.Graph, error) {
	size := int64(len(in.data))
	half := size / 2
	if err := m.report(base + half); err != nil {
		return nil, err
	}
	b := newJSONBuilder(in)
	g, err := b.buildDocument(m.ctx, doc, m.phase(base+half, size-half))
	if err != nil {
		return nil, err
	}
	if err := m.report(base + size); err != nil {
		return nil, err
	}
	return g, nil
}

// buildDirectJSON is buildJSON for a document of fastDecodeDirect; ok is
// false when the file has a problem (see buildDirect).
func buildDirectJSON(m *meter, in input, doc *document, base int64, fm *fileMap) (*graph.Graph, bool, error) {
	size := int64(len(in.data))
	half := size / 2
	if err := m.report(base + half); err != nil {
		return nil, false, err
	}
	b := newJSONBuilder(in)
	b.mapped = fm
	b.progress = m.phase(base+half, size-half)
	if b.progress == nil {
		ctx := m.ctx
		b.progress = func(float64) error { return ctx.Err() }
	}
	g, ok, err := b.buildDirect(doc)
	if !ok {
		return nil, false, err
	}
	if err := m.report(base + size); err != nil {
		return nil, false, err
	}
	return g, true, nil
}

// carefulOnly turns the fast scanner off (for tests comparing the paths);
// fastOnly turns its direct path off (the same).
var carefulOnly, fastOnly = false, false

// failKeys reports the member names of duplicateKeys.
func (b *builder) failKeys(probs []keyProblem) {
	for _, p := range probs {
		b.failOff(p.off, "%s", p.msg)
	}
}

func newJSONBuilder(in input) *builder {
	l := newLocator(in.data)
	b := newBuilder(l, in)
	b.jloc = l
	return b
}

// presize gives the document's arrays about the capacity they will need, so
// that the decoder does not grow and copy them: the key "target" occurs
// once per relation and "type" once per entity or relation (a props member
// may add to either count; the caps keep such a file from asking for more
// than the smallest records could fill).
func presize(doc *document, data []byte) {
	edges, nodes := countRecords(data)
	doc.Edges = make([]fileEdge, 0, min(edges, len(data)/38))
	doc.Nodes = make([]fileNode, 0, min(max(nodes, 0), len(data)/21))
}

// countRecords estimates the numbers of relations and entities. Counting
// every "target": and "type": of a big file costs a sixth of its load, so
// above sampleAbove bytes it counts in evenly spread samples and
// extrapolates, with a margin (an estimate too low only costs go-json one
// more growth of the slice).
func countRecords(data []byte) (edges, nodes int) {
	count := func(b []byte) (int, int) {
		e := bytes.Count(b, []byte(`"target":`))
		return e, bytes.Count(b, []byte(`"type":`)) - e
	}
	const sampleAbove, samples, chunk = 4 << 20, 32, 32 << 10
	if len(data) <= sampleAbove {
		return count(data)
	}
	step := len(data) / samples
	for i := 0; i < samples; i++ {
		e, n := count(data[i*step : i*step+chunk])
		edges += e
		nodes += n
	}
	scale := float64(len(data)) / float64(samples*chunk) * 1.1
	return int(float64(edges)*scale) + 64, int(float64(max(nodes, 0))*scale) + 64
}

// checkTopLevel makes sure the document is an object (json.Unmarshal into a
// struct accepts null).
func checkTopLevel(data []byte, example string) (int, msg.Text, bool) {
	t := trimSpace(data)
	if len(t) == 0 || t[0] != '{' {
		off := len(data) - len(trimLeftSpace(data))
		return off, msg.F("the file must hold one JSON object (%s), not %s", example, newLocator(data).describe(off)), false
	}
	return 0, msg.Text{}, true
}

func trimLeftSpace(b []byte) []byte {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return b[i:]
}

func single(name string, data []byte, off int, m msg.Text) *ErrorList {
	line, col := position(data, off)
	return &ErrorList{Errors: []*Error{{File: name, Line: line, Col: col, Msg: m.String(), Template: m.Template, Args: m.Args}}}
}
