package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// EdgeLabel is the text drawn on a relation: its type with underscores as
// spaces, then its amount (for fines and other money) and its date, as in
// "fined · 20 M€ · 2022-10-17". An untyped relation (Type "") shows only
// its amount and date: no type is invented for it.
func EdgeLabel(e *graph.Edge) string {
	var parts []string
	if e.Type != "" {
		t := strings.ReplaceAll(e.Type, "_", " ")
		// a collapsed group's summary stands for several relations
		if c, ok := e.Props["count"].(float64); ok && c > 1 && c < 1e9 {
			t += " ×" + strconv.Itoa(int(c))
		}
		parts = append(parts, t)
	}
	if amt, cur, ok := e.Amount(); ok {
		parts = append(parts, FormatAmount(amt, cur))
	}
	if !e.Date.IsZero() {
		parts = append(parts, e.Date.String())
	}
	return strings.Join(parts, " · ")
}

// currencySymbols are the currencies written with a symbol.
var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}

// FormatAmount writes a sum of money compactly: 20000000 EUR is "20 M€",
// 7552800 GBP "7.55 M£", 1500 USD "1,500 $". A value that is not a finite
// number is written as what it is ("∞ €", "-∞ €", "NaN €"), never as a
// made-up number.
func FormatAmount(v float64, currency string) string {
	sym := strings.ToUpper(currency)
	if s, ok := currencySymbols[sym]; ok {
		sym = s
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		num := "NaN"
		switch {
		case math.IsInf(v, 1):
			num = "∞"
		case math.IsInf(v, -1):
			num = "-∞"
		}
		if sym == "" {
			return num
		}
		return num + " " + sym
	}
	unit := ""
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		v, unit = v/1e9, " bn"
	case a >= 1e6:
		v, unit = v/1e6, " M"
	case a >= 1e4:
		v, unit = v/1e3, " k"
	}
	var num string
	if unit == "" {
		num = groupThousands(int64(math.Round(v)))
	} else {
		num = strconv.FormatFloat(v, 'f', 3-digitsBeforePoint(v), 64)
		if strings.Contains(num, ".") {
			num = strings.TrimRight(strings.TrimRight(num, "0"), ".")
		}
	}
	if sym == "" {
		return num + unit
	}
	if unit == "" {
		return num + " " + sym
	}
	return num + unit + sym
}

func digitsBeforePoint(v float64) int {
	d := 1
	for a := math.Abs(v); a >= 10 && d < 3; a /= 10 {
		d++
	}
	return min(d, 3)
}

func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
