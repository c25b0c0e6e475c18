package view

import (
	"fmt"

	"github.com/linkscope/linkscope/graph"
)

// TimeKind says where a relation's time on the timeline comes from.
type TimeKind uint8

const (
	// TimeUndated: neither the relation nor its sources have a date.
	TimeUndated TimeKind = iota
	// TimeDated: the relation's own date (and its "end" property, when set).
	TimeDated
	// TimeReported: the relation has no date of its own; its time is when it
	// was first reported, its earliest cited source's publication date
	// (shown as "reported 2022-10", never as the event's date).
	TimeReported
)

// RelTime is a relation's time on the timeline: the days [First, Last]
// (YYYYMMDD keys; a partial date is the interval it denotes, "2022-10"
// is 1 to 31 October) and where it comes from.
type RelTime struct {
	First, Last int32
	Kind        TimeKind
}

// RelationTimes gives every relation of g its time on the timeline: its
// own date (to its "end" property's date when it has one), else the
// publication date of the earliest source it cites, else undated.
func RelationTimes(g *graph.Graph) []RelTime {
	pub := make(map[string]graph.Date, len(g.Sources))
	for _, s := range g.Sources {
		if !s.Published.IsZero() {
			pub[s.ID] = s.Published
		}
	}
	out := make([]RelTime, g.EdgeCount())
	for r := range out {
		e := g.Edge(int32(r))
		if !e.Date.IsZero() {
			rt := RelTime{First: e.Date.First(), Last: e.Date.Last(), Kind: TimeDated}
			if end, ok := propDate(e.Props, "end"); ok && end.Last() >= rt.First {
				rt.Last = end.Last()
			}
			out[r] = rt
			continue
		}
		var first graph.Date
		for _, c := range e.Sources {
			if d, ok := pub[c.Source]; ok && (first.IsZero() || d.First() < first.First()) {
				first = d
			}
		}
		if !first.IsZero() {
			out[r] = RelTime{First: first.First(), Last: first.Last(), Kind: TimeReported}
		}
	}
	return out
}

// EntityTime is an entity's own time, from its "date", "start" and "end"
// properties (GEXF spells become start and end); ok is false when it has
// none. An entity with only a start lasts from it on; with only an end,
// until it.
func EntityTime(n *graph.Node) (first, last int32, ok bool) {
	const forever = 99991231
	if d, ok := propDate(n.Props, "date"); ok {
		return d.First(), d.Last(), true
	}
	s, okS := propDate(n.Props, "start")
	e, okE := propDate(n.Props, "end")
	switch {
	case okS && okE:
		return s.First(), max(s.Last(), e.Last()), true
	case okS:
		return s.First(), forever, true
	case okE:
		return 1, e.Last(), true
	}
	return 0, 0, false
}

func propDate(props graph.Props, key string) (graph.Date, bool) {
	s, ok := props.Value(key).(string)
	if !ok || s == "" {
		return graph.Date{}, false
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	d, err := graph.ParseDate(s)
	if err != nil || d.IsZero() {
		return graph.Date{}, false
	}
	return d, true
}

// FormatKey writes a YYYYMMDD day key as YYYY-MM-DD.
func FormatKey(k int32) string {
	if k <= 0 {
		return ""
	}
	b := []byte("0000-00-00")
	put := func(at int, v int32, w int) {
		for i := w - 1; i >= 0; i-- {
			b[at+i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, k/10000, 4)
	put(5, k/100%100, 2)
	put(8, k%100, 2)
	return string(b)
}

// timelineActive reports whether f limits time at all.
func (f Filter) timelineActive() bool { return f.AsOf != 0 || f.From != 0 }

// overlaps reports whether [first, last] meets the filter's [From, AsOf].
func (f Filter) overlaps(first, last int32) bool {
	return (f.AsOf == 0 || first <= f.AsOf) && (f.From == 0 || last >= f.From)
}

// TimeLabel names the filter's date or range for a picture ("As of
// 2021-12-31", "2021-01-01 – 2021-12-31", "From 2022-01-01"; "" when time
// hides nothing).
func (f Filter) TimeLabel() string {
	return TimeLabelOf(f.From, f.AsOf, "As of %s", "From %s", "%s – %s")
}

// TimeLabelOf writes the range [from, asOf] (YYYYMMDD keys, 0 for an open
// end) with the given formats (one %s, one %s, two %s), so that a window
// can pass them translated.
func TimeLabelOf(from, asOf int32, asOfFmt, fromFmt, rangeFmt string) string {
	switch {
	case from != 0 && asOf != 0:
		return fmt.Sprintf(rangeFmt, FormatKey(from), FormatKey(asOf))
	case asOf != 0:
		return fmt.Sprintf(asOfFmt, FormatKey(asOf))
	case from != 0:
		return fmt.Sprintf(fromFmt, FormatKey(from))
	}
	return ""
}
