// Package i18n chooses the interface language (the system locale, or the
// Preferences › Language choice) and writes dates, amounts and numbers the
// way that language does: "17 oct. 2022" and "20 M€" in French,
// "17 Oct 2022" and "€20M" in English.
//
// The strings themselves are translated by Fyne's lang package (go-i18n)
// from the catalogues in assets/translations; Setup loads them. The
// formatting half imports neither Fyne nor the catalogues, so the renderer
// and the CLI use it headless.
package i18n

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/linkscope/linkscope/graph"
)

// Locale formats for one language: "en" (the default) or "fr".
type Locale struct{ Lang string }

// English and French are the two languages the interface speaks.
var (
	English = Locale{Lang: "en"}
	French  = Locale{Lang: "fr"}
)

var current atomic.Pointer[Locale]

// Current is the process's language, set by Setup (English until then,
// and in tests).
func Current() Locale {
	if l := current.Load(); l != nil {
		return *l
	}
	return English
}

// SetCurrent makes l the process's language for formatting (Setup calls
// it; tests that check French output call it and restore English).
func SetCurrent(l Locale) { current.Store(&l) }

func (l Locale) fr() bool { return l.Lang == "fr" }

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// French abbreviations as the Imprimerie nationale writes them: the short
// months are not abbreviated.
var monthsFR = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// Date writes d at its own precision: "17 oct. 2022", "oct. 2022", "2022"
// in French; "17 Oct 2022", "Oct 2022", "2022" in English; "" for the zero
// Date.
func (l Locale) Date(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	y := strconv.Itoa(int(d.Year))
	if d.Month < 1 || d.Month > 12 {
		return y
	}
	m := monthsEN[d.Month-1]
	if l.fr() {
		m = monthsFR[d.Month-1]
	}
	if d.Day == 0 {
		return m + " " + y
	}
	day := strconv.Itoa(int(d.Day))
	if l.fr() && d.Day == 1 {
		day = "1er"
	}
	return day + " " + m + " " + y
}

// DateKey writes a YYYYMMDD day key (graph.Date.First) as Date does.
func (l Locale) DateKey(key int32) string {
	return l.Date(graph.Date{Year: int16(key / 10000), Month: int8(key / 100 % 100), Day: int8(key % 100)})
}

// Int writes n with the language's thousands separator: "20 000 000"
// (narrow no-break space) in French, "20,000,000" in English.
func (l Locale) Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if l.fr() {
		sep = "\u202f"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Float writes v with at most prec decimals, trailing zeros dropped, and
// the language's decimal mark ("7,5" / "7.5").
func (l Locale) Float(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if l.fr() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// currencySymbols are the currencies written with a symbol.
var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}

// Amount writes a sum of money compactly, to three significant digits:
// 20000000 EUR is "20 M€" in French and "€20M" in English, 7552800 GBP
// "7,55 M£" / "£7.55M", 1500 USD "1 500 $" / "$1,500"; billions are
// "Md" / "bn", thousands above 10 000 "k". A currency without a symbol is
// written after the number in both languages ("20M CHF"). A value that is
// not a finite number is written as what it is ("∞ €", "NaN €"), never as
// a made-up number.
func (l Locale) Amount(v float64, currency string) string {
	code := strings.ToUpper(currency)
	sym, hasSym := currencySymbols[code]
	if !hasSym {
		sym = code
	}
	if sym == "CHF" {
		hasSym = false
	}
	var num, unit string
	switch {
	case math.IsNaN(v), math.IsInf(v, 0):
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
	default:
		a := math.Abs(v)
		switch {
		case a >= 1e9:
			v, unit = v/1e9, "bn"
			if l.fr() {
				unit = "Md"
			}
		case a >= 1e6:
			v, unit = v/1e6, "M"
		case a >= 1e4:
			v, unit = v/1e3, "k"
		}
		if unit == "" {
			num = l.Int(int64(math.Round(v)))
		} else {
			num = l.Float(v, 3-digitsBeforePoint(v))
		}
	}
	if sym == "" {
		if unit != "" && l.fr() {
			return num + " " + unit
		}
		return num + unit
	}
	if l.fr() {
		// "20 M€", "1 500 €": a space before the unit or symbol
		if unit != "" {
			return num + " " + unit + sym
		}
		return num + " " + sym
	}
	if hasSym {
		// "€20M", "$1,500", "-€3k"
		if strings.HasPrefix(num, "-") {
			return "-" + sym + num[1:] + unit
		}
		return sym + num + unit
	}
	return num + unit + " " + sym
}

func digitsBeforePoint(v float64) int {
	d := 1
	for a := math.Abs(v); a >= 10 && d < 3; a /= 10 {
		d++
	}
	return d
}

// DateTime writes a moment to the minute: "17 oct. 2022 à 14:05",
// "17 Oct 2022, 14:05".
func (l Locale) DateTime(t time.Time) string {
	d := l.Date(graph.Date{Year: int16(t.Year()), Month: int8(t.Month()), Day: int8(t.Day())})
	if l.fr() {
		return d + " à " + t.Format("15:04")
	}
	return d + ", " + t.Format("15:04")
}

// Plural is one when n is 1, else many: the word after a count ("1
// relation", "3 relations"), in English and in French alike (both
// translated by the caller).
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
