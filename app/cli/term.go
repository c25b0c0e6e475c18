package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from a dataset (labels, ids, types, file names in messages) goes to
// a terminal through termSafe, so that a file cannot move the cursor,
// rewrite a line (\r, \b), recolour or clear the screen (ANSI escape
// sequences start with ESC, U+001B, or the C1 CSI, U+009B), or reverse
// what follows (bidi overrides and isolates). JSON output does not: the
// encoder escapes control characters itself and the text stays exact.

// termSafe returns s with every control character, bidi control and
// invalid byte escaped: \n \r \t \b as such, other C0, DEL and C1 as \xNN,
// other format characters as \u{NNNN}, invalid UTF-8 as \xNN. A backslash
// stays a backslash, so most text reads as in the file.
func termSafe(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	return escapeTerm(s, false)
}

// termText is termSafe for messages of several lines: it keeps line
// breaks (\n) and escapes everything else termSafe does.
func termText(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	return escapeTerm(s, true)
}

// termQuote is termSafe in double quotes, for naming an id or label in a
// message.
func termQuote(s string) string { return `"` + termSafe(s) + `"` }

func needsEscape(s string, keepNewline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7F {
			if c == '\n' && keepNewline {
				continue
			}
			return true
		}
		if c >= 0x80 {
			return needsEscapeFrom(s[i:], keepNewline)
		}
	}
	return false
}

func needsEscapeFrom(s string, keepNewline bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) || (r < 0x20 && !(r == '\n' && keepNewline)) {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune reports the runes escapeTerm escapes beyond C0: DEL, C1 and
// the invisible characters that reorder or hide text.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true // bidi marks, embeddings, overrides and isolates
	case r >= 0x200B && r <= 0x200D, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return true // zero-width characters, line and paragraph separators
	}
	return false
}

func escapeTerm(s string, keepNewline bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case r == '\n' && keepNewline:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			fmt.Fprintf(&b, `\x%02X`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u{%04X}`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
