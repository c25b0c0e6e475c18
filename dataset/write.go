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
)

// Visual holds what exporters write besides the data: where each entity
// is drawn, how big and in which colour, one entry per node index (any
// slice may be nil).
type Visual struct {
	// X and Y are picture coordinates, Y growing downwards, as on screen.
	X, Y []float64
	// Size is each disc's radius in the same units.
	Size []float64
	// Color is each disc's fill.
	Color []color.NRGBA
}

func (v *Visual) pos(i int) (x, y float64, ok bool) {
	if v == nil || i >= len(v.X) || i >= len(v.Y) {
		return 0, 0, false
	}
	return v.X[i], v.Y[i], true
}

func (v *Visual) size(i int) (float64, bool) {
	if v == nil || i >= len(v.Size) {
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
func scalarProps(m map[string]any) []string {
	var ks []string
	for k, v := range m {
		switch v.(type) {
		case string, float64, bool:
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	return ks
}

// propColumns collects the scalar prop names used by nodes (or edges) and
// the attribute type each needs: "double" when every value is a number,
// "boolean" when every value is a boolean, else "string".
func propColumns(n int, props func(i int) map[string]any) (names []string, types map[string]string) {
	types = map[string]string{}
	for i := 0; i < n; i++ {
		m := props(i)
		for _, k := range scalarProps(m) {
			t := "string"
			switch m[k].(type) {
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
