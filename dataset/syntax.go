package dataset

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/linkscope/linkscope/internal/msg"
)

// MaxDepth bounds how deeply arrays and objects may nest: the format needs
// about 6 levels; 64 leaves room for rich props and stops stack exhaustion.
const MaxDepth = 64

// checkBytes rejects what must not reach the decoder: empty input, invalid
// UTF-8 and excessive nesting. It returns the byte offset and a message.
func checkBytes(data []byte) (int, msg.Text, bool) {
	if len(data) == 0 {
		return 0, msg.F("empty file: expected a JSON object"), false
	}
	if len(trimSpace(data)) == 0 {
		return 0, msg.F("the file holds only white space: expected a JSON object"), false
	}
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return i, msg.F("invalid UTF-8 (byte 0x%02X): the file must be UTF-8 encoded", data[i]), false
			}
			i += size
		}
	}
	if off, deep := tooDeep(data, MaxDepth); deep {
		return off, msg.F("nesting deeper than %d levels", MaxDepth), false
	}
	return 0, msg.Text{}, true
}

// nestMark classifies the bytes that the nesting scan of checkBytes looks
// at; a table keeps the scan of other bytes to one load and one test.
var nestMark = [256]uint8{'"': markQuote, '\\': markBackslash, '{': markOpen, '[': markOpen, '}': markClose, ']': markClose}

const (
	markQuote = 1 + iota
	markBackslash
	markOpen
	markClose
)

func trimSpace(b []byte) []byte {
	i, j := 0, len(b)
	for i < j && isSpace(b[i]) {
		i++
	}
	for j > i && isSpace(b[j-1]) {
		j--
	}
	return b[i:j]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// locateDecodeError re-decodes data with encoding/json, whose offsets are
// exact, to find where and why the fast decoder failed. It returns the
// offset and a message; ok is false if encoding/json accepts the input, and
// syntax is false for errors that are not syntax errors, such as a value of
// the wrong type ("id": 5), which checkShape reports better.
func locateDecodeError(data []byte) (off int, m msg.Text, ok, syntax bool) {
	var doc document
	err := stdjson.Unmarshal(data, &doc)
	if err == nil {
		return 0, msg.Text{}, false, false
	}
	var se *stdjson.SyntaxError
	if errors.As(err, &se) {
		if se.Error() == "unexpected end of JSON input" {
			return len(trimRightSpace(data)), msg.F("unexpected end of file: %s", unclosed(data)), true, true
		}
		// Offset counts the bytes read, including the offending one.
		off = int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
		off, m = explainSyntax(data, off, se.Error())
		return off, m, true, true
	}
	var te *stdjson.UnmarshalTypeError
	if errors.As(err, &te) {
		// Offset is just past the offending value: point at its start.
		field := te.Field
		if field == "" {
			field = "value"
		}
		if num, ok := strings.CutPrefix(te.Value, "number "); ok && te.Type.String() == "float64" {
			// a number too large for a float64 (1e999): it would be
			// infinite, which no property may be
			at := valueStartBefore(data, int(te.Offset))
			if end := min(int(te.Offset), len(data)); at < end {
				if i := bytes.Index(data[at:end], []byte(num)); i >= 0 {
					at += i // the number itself, inside an object or array
				}
			}
			return at, msg.F("%s: the number %s is out of range (numbers must be finite, at most about 1.8e308)", field, num), true, false
		}
		return valueStartBefore(data, int(te.Offset)), msg.F("%s must be %s, not %s", field, describeType(te.Type.String()), te.Value), true, false
	}
	return 0, msg.F("%s", err.Error()), true, false
}

func trimRightSpace(b []byte) []byte {
	j := len(b)
	for j > 0 && isSpace(b[j-1]) {
		j--
	}
	return b[:j]
}

// unclosed says what a truncated document leaves open: the string, object
// or array that the end of the file interrupts.
func unclosed(data []byte) msg.Text {
	var open []int
	str := -1
	for i := 0; i < len(data); i++ {
		c := data[i]
		if str >= 0 {
			switch c {
			case '\\':
				i++
			case '"':
				str = -1
			}
			continue
		}
		switch c {
		case '"':
			str = i
		case '{', '[':
			open = append(open, i)
		case '}', ']':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	at := func(off int) string {
		l, c := position(data, off)
		return fmt.Sprintf("%d:%d", l, c)
	}
	switch {
	case str >= 0:
		return msg.F("the string that starts at %s has no closing quote (the file may be truncated)", at(str))
	case len(open) > 0:
		o := open[len(open)-1]
		if data[o] == '[' {
			return msg.F("the array opened at %s is never closed (the file may be truncated)", at(o))
		}
		return msg.F("the object opened at %s is never closed (the file may be truncated)", at(o))
	}
	return msg.F("the last value is incomplete (the file may be truncated)")
}

// explainSyntax turns encoding/json's message about the character at off
// into one an analyst can act on, and may move the position to the
// character to fix (the comma of a trailing comma).
func explainSyntax(data []byte, off int, jmsg string) (int, msg.Text) {
	if off >= len(data) || !strings.HasPrefix(jmsg, "invalid character ") {
		return off, msg.F("syntax error: %s", jmsg)
	}
	c := data[off]
	ch := describeChar(data, off)
	prev := lastNonSpace(data, off)
	var p byte
	if prev >= 0 {
		p = data[prev]
	}
	switch {
	case c == '/':
		return off, msg.F("comments are not allowed in JSON")
	case strings.HasSuffix(jmsg, "looking for beginning of value"), strings.HasSuffix(jmsg, "looking for beginning of object key string"):
		switch {
		case c == ']' && p == ',':
			return prev, msg.F("trailing comma: no element follows it before the ']' that closes the array")
		case c == '}' && p == ',':
			return prev, msg.F("trailing comma: no member follows it before the '}' that closes the object")
		case c == '\'':
			return off, msg.F("strings and member names must be in double quotes (\"), not single quotes")
		case strings.HasSuffix(jmsg, "object key string"):
			return off, msg.F("expected a member name in double quotes, found %s", ch)
		}
		return off, msg.F("expected a value (a string, number, object, array, true, false or null), found %s", ch)
	case strings.HasSuffix(jmsg, "after object key"):
		return off, msg.F("expected ':' after the member name, found %s", ch)
	case isDigit(c) && prev == off-1 && isDigit(p):
		for prev > 0 && (isDigit(data[prev-1]) || data[prev-1] == '-') {
			prev--
		}
		return prev, msg.F("invalid number: a number cannot start with 0 followed by more digits")
	case strings.HasSuffix(jmsg, "after object key:value pair"):
		if isValueStart(c) {
			return off, msg.F("missing comma before this member")
		}
		return off, msg.F("expected ',' or '}' after the member's value, found %s", ch)
	case strings.HasSuffix(jmsg, "after array element"):
		if isValueStart(c) {
			return off, msg.F("missing comma before this element")
		}
		return off, msg.F("expected ',' or ']' after the array element, found %s", ch)
	case strings.HasSuffix(jmsg, "after top-level value"):
		return off, msg.F("unexpected %s after the end of the JSON object: a file holds exactly one object", ch)
	case strings.HasSuffix(jmsg, "in string literal"):
		if c == '\n' || c == '\r' {
			return off, msg.F("line break inside a string: a closing quote may be missing (write a line break in a string as \\n)")
		}
		return off, msg.F("control character %s inside a string: write it as \\u%04X", ch, c)
	case strings.HasSuffix(jmsg, "in string escape code"):
		return off - 1, msg.F("invalid escape \\%s in a string (a backslash itself is written \\\\)", strings.Trim(ch.String(), "'"))
	case strings.HasSuffix(jmsg, "in \\u hexadecimal character escape"):
		return off, msg.F("invalid \\u escape: expected 4 hexadecimal digits, found %s", ch)
	case strings.Contains(jmsg, "numeric literal"):
		return off, msg.F("invalid number: unexpected %s", ch)
	case strings.Contains(jmsg, "in literal "):
		word := jmsg[strings.Index(jmsg, "in literal ")+len("in literal "):]
		if sp := strings.IndexByte(word, ' '); sp >= 0 {
			word = word[:sp]
		}
		return off, msg.F("unknown word: expected %s, found %s", word, ch)
	}
	return off, msg.F("syntax error: %s", jmsg)
}

// describeChar quotes the character at off for a message, naming control
// characters by code point.
func describeChar(data []byte, off int) msg.Text {
	r, _ := utf8.DecodeRune(data[off:])
	switch {
	case r == ' ':
		return msg.F("a space")
	case r < 0x20 || r == 0x7F:
		return msg.F("U+%04X", r)
	case r == utf8.RuneError:
		return msg.F("byte 0x%02X", data[off])
	}
	return msg.F("'%s'", string(r))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isValueStart reports whether c can begin a JSON value.
func isValueStart(c byte) bool {
	return c == '"' || c == '{' || c == '[' || c == '-' || c == 't' || c == 'f' || c == 'n' || isDigit(c)
}

func lastNonSpace(data []byte, off int) int {
	for i := off - 1; i >= 0; i-- {
		if !isSpace(data[i]) {
			return i
		}
	}
	return -1
}

// valueStartBefore finds the start of the JSON value that ends at end.
func valueStartBefore(data []byte, end int) int {
	if end > len(data) {
		end = len(data)
	}
	i := end - 1
	for i >= 0 && isSpace(data[i]) {
		i--
	}
	if i < 0 {
		return 0
	}
	switch data[i] {
	case '"':
		for j := i - 1; j >= 0; j-- {
			if data[j] == '"' && (j == 0 || data[j-1] != '\\') {
				return j
			}
		}
	case '}', ']':
		open := byte('{')
		if data[i] == ']' {
			open = '['
		}
		depth := 0
		for j := i; j >= 0; j-- {
			switch data[j] {
			case data[i]:
				depth++
			case open:
				depth--
				if depth == 0 {
					return j
				}
			}
		}
	default:
		j := i
		for j > 0 && !isSpace(data[j-1]) && data[j-1] != ':' && data[j-1] != ',' && data[j-1] != '[' {
			j--
		}
		return j
	}
	return i
}

func describeType(t string) msg.Text {
	switch t {
	case "string":
		return msg.F("a string")
	case "[]string", "[]dataset.fileSource", "[]dataset.fileNode", "[]dataset.fileEdge", "[]dataset.citation":
		return msg.F("an array")
	case "map[string]interface {}", "dataset.fileNode", "dataset.fileEdge", "dataset.fileSource", "dataset.document":
		return msg.F("an object")
	case "float64", "int":
		return msg.F("a number")
	}
	return msg.F("of type %s", t)
}

// keyProblem is a member name that the decoders would read wrongly: a
// repeated one (they keep the last, so that a second "nodes" array
// silently replaces the first) or, among the names the format defines, one
// that differs from them only in case (the decoders match names without
// regard to case, so "Nodes" fills "nodes" while every check looks for
// "nodes").
type keyProblem struct {
	off int
	msg msg.Text
}

// The objects whose member names the format defines.
const (
	kindOther uint8 = iota
	kindRoot
	kindList     // the array of "sources", "nodes" or "edges"
	kindRecord   // one source, entity or relation
	kindCites    // the "sources" array of an entity or relation
	kindCitation // one citation object
)

var (
	rootKeys     = []string{"format", "title", "description", "sources", "nodes", "edges"}
	citationKeys = []string{"source", "quote", "gloss"}
	recordKeys   = map[string][]string{
		"sources": {"id", "title", "publisher", "published", "language", "url", "file", "note"},
		"nodes":   {"id", "type", "label", "aliases", "props", "sources"},
		"edges":   {"id", "source", "target", "type", "date", "props", "sources"},
	}
)

// keyFrame is an open object or array of the scan of duplicateKeys.
type keyFrame struct {
	object bool
	kind   uint8
	arr    string // the list a kindList, kindRecord or kindCites is in
	first  int    // the frame's first name in keys
	seen   map[string]int
}

// keyRef is a member name: where its string starts and the name.
type keyRef struct {
	off  int
	name []byte
}

// maxKeyProblems stops the scan once more problems than a load reports are
// found.
const maxKeyProblems = MaxErrors + 1

// duplicateKeys scans a syntactically valid document for the member names
// the decoders would read wrongly (see keyProblem), in file order. It
// allocates only for names with escapes and for objects of many members.
func duplicateKeys(data []byte) []keyProblem {
	var (
		probs    []keyProblem
		stack    []keyFrame
		keys     []keyRef
		wantKey  bool
		lastKey  string // the canonical name of the last member, in a frame the format defines
		position lineCounter
	)
	at := func(off int) string {
		l, c := position.position(data, off)
		return fmt.Sprintf("%d:%d", l, c)
	}
	for i := 0; i < len(data) && len(probs) < maxKeyProblems; i++ {
		if keyMark[data[i]] == 0 {
			continue
		}
		switch data[i] {
		case '"':
			end := skipJSONString(data, i)
			if len(stack) == 0 || !stack[len(stack)-1].object || !wantKey {
				i = end - 1
				continue
			}
			wantKey = false
			top := &stack[len(stack)-1]
			name := data[i+1 : max(i+1, end-1)]
			if bytes.IndexByte(name, '\\') >= 0 {
				var s string
				if stdjson.Unmarshal(data[i:end], &s) == nil {
					name = []byte(s)
				}
			}
			// A repeated name.
			if first, ok := top.lookup(keys, name); ok {
				probs = append(probs, keyProblem{i, msg.F("member %s appears twice in this object (first at %s): a name may appear once", quoteKey(name), at(first))})
			} else {
				top.add(&keys, keyRef{i, name})
			}
			// A name the format defines, written in another case.
			lastKey = ""
			if known := knownKeys(top); known != nil {
				exact := false
				for _, k := range known {
					if string(name) == k {
						exact, lastKey = true, k
						break
					}
				}
				if !exact {
					for _, k := range known {
						if strings.EqualFold(string(name), k) {
							probs = append(probs, keyProblem{i, msg.F("member %s differs from %q only in case: member names are case-sensitive (write %q)", quoteKey(name), k, k)})
							lastKey = k
							break
						}
					}
				}
			}
			i = end - 1
		case '{', '[':
			f := keyFrame{object: data[i] == '{', first: len(keys)}
			switch {
			case len(stack) == 0:
				if f.object {
					f.kind = kindRoot
				}
			default:
				p := stack[len(stack)-1]
				switch {
				case p.kind == kindRoot && !f.object && (lastKey == "sources" || lastKey == "nodes" || lastKey == "edges"):
					f.kind, f.arr = kindList, lastKey
				case p.kind == kindList && f.object:
					f.kind, f.arr = kindRecord, p.arr
				case p.kind == kindRecord && p.arr != "sources" && !f.object && lastKey == "sources":
					f.kind, f.arr = kindCites, p.arr
				case p.kind == kindCites && f.object:
					f.kind = kindCitation
				}
			}
			stack = append(stack, f)
			wantKey, lastKey = f.object, ""
		case '}', ']':
			if len(stack) > 0 {
				keys = keys[:stack[len(stack)-1].first]
				stack = stack[:len(stack)-1]
			}
			wantKey, lastKey = false, ""
		case ',':
			if len(stack) > 0 && stack[len(stack)-1].object {
				wantKey = true
			}
			if len(stack) > 0 && !stack[len(stack)-1].object {
				lastKey = ""
			}
		}
	}
	return probs
}

// knownKeys returns the member names the format defines for the object of
// frame f, or nil for objects whose names are the user's (props).
func knownKeys(f *keyFrame) []string {
	switch f.kind {
	case kindRoot:
		return rootKeys
	case kindRecord:
		return recordKeys[f.arr]
	case kindCitation:
		return citationKeys
	}
	return nil
}

// lookup finds name among the names of frame f so far and returns where
// it first appeared.
func (f *keyFrame) lookup(keys []keyRef, name []byte) (int, bool) {
	if f.seen != nil {
		off, ok := f.seen[string(name)]
		return off, ok
	}
	for _, k := range keys[f.first:] {
		if bytes.Equal(k.name, name) {
			return k.off, true
		}
	}
	return 0, false
}

// add notes a name of frame f; objects of many members get a map.
func (f *keyFrame) add(keys *[]keyRef, k keyRef) {
	if f.seen != nil {
		f.seen[string(k.name)] = k.off
		return
	}
	*keys = append(*keys, k)
	if len(*keys)-f.first > 16 {
		f.seen = make(map[string]int, 32)
		for _, x := range (*keys)[f.first:] {
			f.seen[string(x.name)] = x.off
		}
	}
}

// keyMark marks the bytes the scan of duplicateKeys looks at.
var keyMark = [256]uint8{'"': 1, '{': 1, '}': 1, '[': 1, ']': 1, ',': 1}

// skipJSONString returns the offset just past the string starting at i.
func skipJSONString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// quoteKey quotes a member name for a message, shortened to 40 characters.
func quoteKey(name []byte) string {
	s := string(name)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return quoteID(s)
}
