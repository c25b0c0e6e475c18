package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold normalises a name for matching: case-folded, accents removed
// (é→e, ß→ss), apostrophes dropped, and every other run of punctuation or
// space turned into one space, trimmed. "Commission Nationale de
// l’Informatique" and "commission nationale de linformatique" fold alike.
func Fold(s string) string {
	if isPlainASCIIFolded(s) {
		return s
	}
	// Invalid UTF-8 stops the normalisation of what follows it: replace it
	// (U+FFFD then separates words like any other symbol).
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	it := norm.NFKD.String(s)
	for _, r := range it {
		r = unicode.ToLower(r) // before the ß test: "ẞ" lowers to "ß"
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			continue
		case r == 'ß':
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString("ss")
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlainASCIIFolded reports whether s is already folded: lower-case ASCII
// letters and digits separated by single spaces.
func isPlainASCIIFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return utf8.ValidString(s)
}
