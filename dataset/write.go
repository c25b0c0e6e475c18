package dataset

import (
	stdjson "encoding/json"
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// Visual holds what exporters write besides the data: where each entity
// is drawn, how big and in which colour, one entry per node index (any
// slice may be nil).
type Visual struct {
	// X and Y are picture coordinates, Y growing downwards, as on screen.
	// A position or size that is not finite is not written.
	X, Y []float64
	// Size is each disc's radius in the same units.
	Size []float64
	// Color is each disc's fill.
	Color []color.NRGBA
}

func (v *Visual) pos(i int) (x, y float64, ok bool) {
	if v == nil || i >= len(v.X) || i >= len(v.Y) || !finite(v.X[i], v.Y[i]) {
		return 0, 0, false
	}
	return v.X[i], v.Y[i], true
}

func (v *Visual) size(i int) (float64, bool) {
	if v == nil || i >= len(v.Size) || !finite(v.Size[i]) {
		return 0, false
	}
	return v.Size[i], true
}

func (v *Visual) color(i int) (color.NRGBA, bool) {
	if v == nil || i >= len(v.Color) {
		return color.NRGBA{}, false
	}
	return v.Color[i], true
}

// Writer writes a graph in some format.
type Writer func(w io.Writer, g *graph.Graph, vis *Visual) error

// writeTo writes path with fn, keeping the previous file on failure.
func writeTo(path string, fn func(io.Writer) error) error {
	return WriteAtomic(path, fn)
}

// jsonString encodes v as compact JSON without HTML escaping.
func jsonString(v any) string {
	var b strings.Builder
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// jsonIndent encodes v as indented JSON without HTML escaping.
func jsonIndent(v any) string {
	var b strings.Builder
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// citationsJSON encodes citations in the dataset's own form.
func citationsJSON(cs []graph.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	out := make([]citation, len(cs))
	for i, c := range cs {
		out[i] = citation{Source: c.Source, Quote: c.Quote, Gloss: c.Gloss}
	}
	return jsonString(out)
}

func sourcesJSON(ss []graph.Source) string {
	if len(ss) == 0 {
		return ""
	}
	out := make([]fileSource, len(ss))
	for i, s := range ss {
		out[i] = fileSource{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Published: s.Published.String(),
			Language: s.Language, URL: s.URL, File: s.File, Note: s.Note}
	}
	return jsonString(out)
}

// scalarProps lists the props with a string, number or boolean value,
// sorted by name, for formats whose attributes are typed columns.
func scalarProps(m graph.Props) []string {
	var ks []string
	for k, v := range m.All() {
		switch v.(type) {
		case string, float64, bool:
			ks = append(ks, k)
		}
	}
	return ks
}

// propColumns collects the scalar prop names used by nodes (or edges) and
// the attribute type each needs: "double" when every value is a number,
// "boolean" when every value is a boolean, else "string".
func propColumns(n int, props func(i int) graph.Props) (names []string, types map[string]string) {
	types = map[string]string{}
	for i := 0; i < n; i++ {
		m := props(i)
		for _, k := range scalarProps(m) {
			t := "string"
			switch m.Value(k).(type) {
			case float64:
				t = "double"
			case bool:
				t = "boolean"
			}
			if old, seen := types[k]; !seen {
				types[k] = t
				names = append(names, k)
			} else if old != t {
				types[k] = "string"
			}
		}
	}
	sort.Strings(names)
	return names, types
}

// formatScalar writes a prop value as attribute text.
func formatScalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	case float64:
		return formatFloat(x)
	}
	return jsonString(v)
}

func formatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%g", f)
}

func hexRGB(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// checkFinite refuses a graph with a number that is not finite (NaN,
// +Inf, -Inf) in a property, at any depth: no format Linkscope writes can
// hold one as a number (JSON cannot at all), and writing it as 0 or as
// text would make a fake number. The export fails and leaves any previous
// file as it was.
func checkFinite(g *graph.Graph) error {
	for i := 0; i < g.NodeCount(); i++ {
		n := g.Node(int32(i))
		if k, v, bad := nonFinite(n.Props, ""); bad {
			return msg.Errorf("entity %s: property %s is %v, which cannot be written as a number; change or remove it before exporting", quoteID(n.ID), quoteID(k), v)
		}
	}
	for i := 0; i < g.EdgeCount(); i++ {
		e := g.Edge(int32(i))
		if k, v, bad := nonFinite(e.Props, ""); bad {
			return msg.Errorf("relation %s: property %s is %v, which cannot be written as a number; change or remove it before exporting", quoteID(e.ID), quoteID(k), v)
		}
	}
	return nil
}

// nonFinite finds a NaN or infinite number in v, returning its path.
func nonFinite(v any, at string) (string, float64, bool) {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return at, x, true
		}
	case float32:
		return nonFinite(float64(x), at)
	case graph.Props:
		for k, v := range x.All() {
			p := k
			if at != "" {
				p = at + "." + k
			}
			if k, f, bad := nonFinite(v, p); bad {
				return k, f, true
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if at != "" {
				p = at + "." + k
			}
			if k, f, bad := nonFinite(x[k], p); bad {
				return k, f, true
			}
		}
	case []any:
		for i, e := range x {
			if k, f, bad := nonFinite(e, fmt.Sprintf("%s[%d]", at, i)); bad {
				return k, f, true
			}
		}
	}
	return "", 0, false
}

func finite(f ...float64) bool {
	for _, x := range f {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Readable property columns (GraphML keys, GEXF attributes) are named by
// the property, except where the name is one the readers (Linkscope's or
// another tool's) take for a field of the format: then the column is
// "prop.NAME", so that a property called "type", "label", "date", "id",
// "source", "target" or "ls_props" never shadows the real field nor is
// shadowed by it. The exact properties, names and all, are in the ls_props
// JSON attribute, which Linkscope's readers restore them from.
const propPrefix = "prop."

var reservedColumns = map[string]bool{
	"id": true, "label": true, "name": true, "type": true, "title": true, "description": true,
	"source": true, "target": true, "relation": true, "date": true, "weight": true, "kind": true,
	"directed": true, "undirected": true, "start": true, "end": true, "pid": true,
	"x": true, "y": true, "z": true, "size": true, "r": true, "g": true, "b": true, "color": true, "colour": true,
}

// propColumn is the name of property k's readable column.
func propColumn(k string) string {
	low := strings.ToLower(strings.TrimSpace(k))
	if reservedColumns[low] || strings.HasPrefix(low, "ls_") || strings.HasPrefix(low, propPrefix) || low == "" {
		return propPrefix + k
	}
	return k
}
