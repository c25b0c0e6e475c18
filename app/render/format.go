package render

import (
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph"
)

// EdgeLabel is the text drawn on a relation: its type with underscores as
// spaces, then its amount (for fines and other money) and its date, as in
// "fined · €20M · 17 Oct 2022", in the interface's language (i18n.Current:
// "a sanctionné · 20 M€ · 17 oct. 2022" in French, where the dataset labels
// the type). An untyped relation (Type "") shows only its amount and date:
// no type is invented for it.
func EdgeLabel(e *graph.Edge) string { return edgeLabelIn(nil, e, i18n.Current()) }

// edgeLabelIn is EdgeLabel with the type labels of g (nil: none) in loc.
func edgeLabelIn(g *graph.Graph, e *graph.Edge, loc i18n.Locale) string {
	var parts []string
	if e.Type != "" {
		t := e.Type
		if g != nil {
			t = g.TypeLabel(t, loc.Lang)
		}
		t = strings.ReplaceAll(t, "_", " ")
		// a collapsed group's summary stands for several relations
		if c, ok := e.Props.Value("count").(float64); ok && c > 1 && c < 1e9 {
			t += " ×" + strconv.Itoa(int(c))
		}
		parts = append(parts, t)
	}
	if amt, cur, ok := e.Amount(); ok {
		parts = append(parts, loc.Amount(amt, cur))
	}
	if !e.Date.IsZero() {
		parts = append(parts, loc.Date(e.Date))
	}
	return strings.Join(parts, " · ")
}

// FormatAmount writes a sum of money compactly in the interface's language
// (i18n.Locale.Amount): 20000000 EUR is "€20M" in English, "20 M€" in
// French. A value that is not a finite number is written as what it is
// ("∞ €", "-∞ €", "NaN €"), never as a made-up number.
func FormatAmount(v float64, currency string) string { return i18n.Current().Amount(v, currency) }
