package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTableEnd bounds the runes foldFast folds by table: below it (Basic
// Latin to the spacing modifiers, before the combining marks) each rune
// folds on its own, so that a name folds rune by rune.
const foldTableEnd = 0x300

// foldTable[r] is what Fold writes for rune r, with ' ' where Fold sees a
// separator (a run of them becomes one space between words).
var foldTable = func() [foldTableEnd]string {
	var t [foldTableEnd]string
	for r := rune(0); r < foldTableEnd; r++ {
		var b strings.Builder
		for _, x := range norm.NFKD.String(string(r)) {
			x = unicode.ToLower(x)
			switch {
			case unicode.Is(unicode.Mn, x):
			case x == '\'' || x == '’' || x == '‘' || x == 'ʼ':
			case x == 'ß':
				b.WriteString("ss")
			case unicode.IsLetter(x) || unicode.IsDigit(x):
				b.WriteRune(x)
			default:
				b.WriteByte(' ')
			}
		}
		t[r] = b.String()
	}
	return t
}()

// foldFast is Fold, by table for names whose runes are all below
// foldTableEnd (the accented Latin of most names), else by Fold.
func foldFast(s string) string {
	if isPlainASCIIFolded(s) {
		return s
	}
	return unsafeString(foldAppend(make([]byte, 0, len(s)+4), s))
}

// foldAppend appends Fold(s) to dst, as foldFast computes it.
func foldAppend(dst []byte, s string) []byte {
	if isPlainASCIIFolded(s) {
		return append(dst, s...)
	}
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r >= foldTableEnd || r == utf8.RuneError {
				return append(dst[:start], Fold(s)...)
			}
		}
		i += size
		t := foldTable[r]
		for j := 0; j < len(t); j++ {
			if t[j] == ' ' {
				space = len(dst) > start
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, t[j])
		}
	}
	return dst
}
