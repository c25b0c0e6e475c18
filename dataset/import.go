package dataset

import (
	"context"
	stdjson "encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// This file holds what the GraphML, GEXF and CSV readers share: running a
// decoder and the builder over the input, and the conversions of attribute
// and cell text to the document's values.

// foreignDecoder decodes the inputs of one load into a document. It
// reports the problems it finds through b (noting positions in loc) and
// returns ok false when the input cannot be decoded further (malformed XML
// or CSV), in which case the builder does not run. err is only the
// context's error.
type foreignDecoder func(b *builder, loc *fieldLocator, progress func(f float64) error) (doc *document, ok bool, err error)

// decodeShare is the part of the decoding-and-building span of progress
// that decoding takes.
const decodeShare = 0.8

// buildForeign decodes files with decode and builds the graph, reporting
// progress from base to base+span. It never panics.
func buildForeign(m *meter, base, span int64, decode foreignDecoder, files ...input) (g *graph.Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, msg.Errorf("%s: internal error while loading (please report it): %v", files[0].name, r)
		}
	}()
	if err := m.report(base); err != nil {
		return nil, err
	}
	loc := &fieldLocator{}
	b := newBuilder(loc, files...)
	b.defaultTypes = true
	cut := int64(float64(span) * decodeShare)
	doc, ok, err := decode(b, loc, m.phase(base, cut))
	if err != nil {
		return nil, err
	}
	if !ok {
		b.finish()
		if len(b.errs.Errors) == 0 {
			return nil, msg.Errorf("%s: internal error: the file was refused without a reason (please report it)", files[0].name)
		}
		return nil, &b.errs
	}
	g, err = b.buildDocument(m.ctx, doc, m.phase(base+cut, span-cut))
	if m.warnings != nil && b.err == nil {
		*m.warnings = append(*m.warnings, b.warnings...)
	}
	if err != nil {
		return nil, err
	}
	if err := m.report(base + span); err != nil {
		return nil, err
	}
	return g, nil
}

// decodeOne is the decoder of a one-file format.
type decodeOne func(in input, b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error)

// readOne reads the file at path within the limit and decodes it.
func readOne(ctx context.Context, path string, opts Options, decode decodeOne) (*graph.Graph, error) {
	m, data, err := readMetered(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	return decodeBytes(m, path, data, m.total-int64(len(data)), decode)
}

// readMetered reads the one file of a load within the size limit, with a
// meter for the load's progress (reading is the first half of it, decoding
// the second), cancellation and warnings.
func readMetered(ctx context.Context, path string, opts Options) (*meter, []byte, error) {
	size, err := fileSize(path, opts)
	if err != nil {
		return nil, nil, err
	}
	m := newMeter(ctx, opts.Progress, 2*size)
	m.warnings = opts.Warnings
	data, err := readFile(m, path, size, 0, opts)
	if err != nil {
		return nil, nil, err
	}
	m.total = size + int64(len(data))
	return m, data, nil
}

func decodeBytes(m *meter, name string, data []byte, base int64, decode decodeOne) (*graph.Graph, error) {
	in := newInput(name, data)
	return buildForeign(m, base, int64(len(data)), func(b *builder, loc *fieldLocator, progress func(f float64) error) (*document, bool, error) {
		return decode(in, b, loc, progress)
	}, in)
}

// readAllLimited reads r for the exported Read* functions, which take a
// reader: at most DefaultMaxBytes.
func readAllLimited(name string, r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(r, DefaultMaxBytes+1))
	if err != nil {
		return nil, msg.Errorf("%s: %w", name, err)
	}
	if len(data) > DefaultMaxBytes {
		return nil, msg.Errorf("%s: file is over the %d-byte limit", name, DefaultMaxBytes)
	}
	return data, nil
}

// recordName names record i (0-based) of a list for a message: by its id
// when it has one.
func recordName(noun, id string, i int) msg.Text {
	switch {
	case noun == "entity" && id != "":
		return msg.F("entity %s", quoteID(id))
	case noun == "entity":
		return msg.F("entity %d", i+1)
	case id != "":
		return msg.F("relation %s", quoteID(id))
	}
	return msg.F("relation %d", i+1)
}

// parseNumber reads a finite decimal number, with an optional sign and
// exponent; it refuses hexadecimal, "Inf" and "NaN", which the dataset
// cannot hold.
func parseNumber(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !isDigit(c) && c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E' {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// typedValue converts attribute text to a property value by its declared
// type (GraphML attr.type, GEXF attribute type). ok is false for text that
// does not fit a numeric or boolean type; absent is true for a numeric or
// boolean value that is empty, which sets no property.
//
// Integer types (int, long, integer, short, byte, biginteger) give an
// int64, or, beyond its range, the exact digits as a json.Number; an
// integer-typed value written with a fraction ("2.5") stays a float64.
// Booleans are read in any case and with spaces around (" TRUE ").
func typedValue(s, typ string) (v any, ok, absent bool) {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "int", "long", "integer", "short", "byte", "biginteger":
		t := strings.TrimSpace(s)
		if t == "" {
			return nil, true, true
		}
		if n, err := strconv.ParseInt(strings.TrimPrefix(t, "+"), 10, 64); err == nil {
			return n, true, false
		}
		if isInteger(t) {
			return stdjson.Number(strings.TrimPrefix(t, "+")), true, false
		}
		f, ok := parseNumber(s)
		return f, ok, false
	case "float", "double", "bigdecimal":
		if strings.TrimSpace(s) == "" {
			return nil, true, true
		}
		f, ok := parseNumber(s)
		return f, ok, false
	case "boolean", "bool":
		if strings.TrimSpace(s) == "" {
			return nil, true, true
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "1":
			return true, true, false
		case "false", "0":
			return false, true, false
		}
		return nil, false, false
	}
	return s, true, false
}

// isInteger reports whether t is an optionally signed run of digits.
func isInteger(t string) bool {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return false
		}
	}
	return true
}

// typeProblem is the message for text that typedValue refused.
func failType(b *builder, off int, owner msg.Text, name, typ, text string) {
	want := msg.F("a finite number")
	if t := strings.ToLower(typ); t == "boolean" || t == "bool" {
		want = msg.F("true or false")
	}
	b.failOff(off, "%s: attribute %s is declared %s, so its value must be %s, not %s", owner, quoteID(name), typ, want, quoteID(shorten(text)))
}

// shorten cuts s to about 40 characters for a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// visualAttrs are attribute names that describe the drawing, not the
// data; importers skip them.
var visualAttrs = map[string]bool{"x": true, "y": true, "z": true, "size": true, "r": true, "g": true, "b": true, "color": true, "colour": true}

// setProp adds a property, creating the map.
func setProp(m *map[string]any, k string, v any) {
	if *m == nil {
		*m = map[string]any{}
	}
	(*m)[k] = v
}

// The ls_* attributes and the aliases, props and sources columns hold JSON.
// embeddedMaxDepth keeps what they hold within MaxDepth once it is part of
// a linkscope/1 file ({"nodes": [{"props": ...}]} nests three deep).
const embeddedMaxDepth = MaxDepth - 3

// parseEmbedded decodes the JSON text s of the member called what into v.
func parseEmbedded(s, what string, v any) error {
	if off, deep := tooDeep([]byte(s), embeddedMaxDepth); deep {
		return msg.Errorf("%s: JSON nested deeper than %d levels (at character %d)", what, embeddedMaxDepth, len([]rune(s[:off]))+1)
	}
	if err := stdjson.Unmarshal([]byte(s), v); err != nil {
		return msg.Errorf("%s must be JSON (%s), but %v", what, embeddedKind[what], plainJSONError(err))
	}
	return nil
}

var embeddedKind = map[string]msg.Text{
	gmlProps: msg.F("an object"), gmlAliases: msg.F("an array of strings"), gmlSources: msg.F("an array of citations"), gmlDataset: msg.F("an array of sources"),
	"props": msg.F("an object"), "aliases": msg.F("an array of strings"), "sources": msg.F("an array of citations"),
}

// plainJSONError drops the Go type names from encoding/json's messages.
func plainJSONError(err error) msg.Text {
	var te *stdjson.UnmarshalTypeError
	if errors.As(err, &te) {
		v := te.Value
		switch {
		case v == "bool":
			v = "a boolean"
		case v != "" && strings.ContainsRune("aeiou", rune(v[0])):
			v = "an " + v
		default:
			v = "a " + v
		}
		return msg.F("it holds %s where %s belongs", v, describeType(te.Type.String()))
	}
	return msg.F("%s", err.Error())
}

func parseProps(s, what string) (map[string]any, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var m map[string]any
	if err := parseEmbedded(s, what, &m); err != nil {
		return nil, err
	}
	return m, nil
}

func parseAliases(s, what string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var a []string
	if err := parseEmbedded(s, what, &a); err != nil {
		return nil, err
	}
	return a, nil
}

func parseCitations(s, what string) ([]citation, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var cs []citation
	if err := parseEmbedded(s, what, &cs); err != nil {
		return nil, err
	}
	return cs, nil
}

func parseSources(s, what string) ([]fileSource, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var fs []fileSource
	if err := parseEmbedded(s, what, &fs); err != nil {
		return nil, err
	}
	return fs, nil
}

// tooDeep reports whether data, JSON, nests arrays and objects deeper than
// limit, and where.
func tooDeep(data []byte, limit int) (int, bool) {
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		m := nestMark[data[i]]
		if m == 0 {
			continue
		}
		switch {
		case m == markBackslash:
			if inString {
				i++
			}
		case m == markQuote:
			inString = !inString
		case inString:
		case m == markOpen:
			depth++
			if depth > limit {
				return i, true
			}
		default:
			depth--
		}
	}
	return 0, false
}
