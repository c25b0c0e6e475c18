package dataset

import (
	"github.com/linkscope/linkscope/internal/msg"
)

// checkShape walks a syntactically valid document and reports every value
// whose JSON type does not fit the format ("id": 5, "nodes": {}). The
// decoders stop at the first such value and cannot say where it is; this
// walk reports them all, each at its own position.
func (b *builder) checkShape() {
	l := b.jloc
	root := l.skipSpace(0)
	if root >= len(l.data) || l.data[root] != '{' {
		b.failOff(root, "the file must hold one JSON object ({\"nodes\": [...], \"edges\": [...]}), not %s", l.describe(root))
		return
	}
	for key, v := range l.members(root) {
		switch key {
		case "format", "title", "description":
			b.wantString(v, msg.F("%s", quoteID(key)))
		case "types":
			b.checkTypes(v)
		case "sources", "nodes", "edges":
			if !b.want(v, '[', msg.F("%q must be an array", key)) {
				continue
			}
			for i, e := range l.arrayElements(v) {
				b.checkRecord(key, i, e)
			}
		}
	}
}

// checkTypes checks the "types" member: an object of types, each an object
// whose "label" is an object of strings by language.
func (b *builder) checkTypes(v int) {
	l := b.jloc
	if !b.want(v, '{', msg.F(`"types" must be an object ({"fined": {"label": {"fr": "a sanctionné"}}})`)) {
		return
	}
	for t, tv := range l.members(v) {
		if !b.want(tv, '{', msg.F("type %s must be an object ({\"label\": {\"fr\": ...}})", quoteID(t))) {
			continue
		}
		lv := l.member(tv, "label")
		if lv < 0 || !b.want(lv, '{', msg.F("type %s: \"label\" must be an object of labels by language ({\"fr\": ...})", quoteID(t))) {
			continue
		}
		for lang, s := range l.members(lv) {
			b.wantString(s, msg.F("type %s: label %s", quoteID(t), quoteID(lang)))
		}
	}
}

// recordFields lists the members of a source, entity or relation whose type
// is fixed: 's' string, 'a' array of strings, 'o' object, 'c' citations,
// 'b' boolean.
var recordFields = map[string]map[string]byte{
	"sources": {"id": 's', "title": 's', "publisher": 's', "published": 's', "language": 's', "url": 's', "file": 's', "note": 's'},
	"nodes":   {"id": 's', "type": 's', "label": 's', "aliases": 'a', "props": 'o', "sources": 'c'},
	"edges":   {"id": 's', "source": 's', "target": 's', "type": 's', "date": 's', "props": 'o', "sources": 'c', "undirected": 'b', "untyped": 'b'},
}

var recordNoun = map[string]string{"sources": "source", "nodes": "entity", "edges": "relation"}

// recordNumber names record i (0-based) of a top-level list by its number.
func recordNumber(noun string, i int) msg.Text {
	switch noun {
	case "source":
		return msg.F("source %d", i+1)
	case "entity":
		return msg.F("entity %d", i+1)
	}
	return msg.F("relation %d", i+1)
}

// recordNamed names a record by its quoted id.
func recordNamed(noun, quoted string) msg.Text {
	switch noun {
	case "source":
		return msg.F("source %s", quoted)
	case "entity":
		return msg.F("entity %s", quoted)
	}
	return msg.F("relation %s", quoted)
}

// checkRecord checks element i of the top-level array arr.
func (b *builder) checkRecord(arr string, i, off int) {
	l := b.jloc
	noun := recordNoun[arr]
	if l.data[off] == 'n' { // null decodes as an empty record, reported later
		return
	}
	if !b.want(off, '{', msg.F("%s must be an object", recordNumber(noun, i))) {
		return
	}
	owner := recordNumber(noun, i)
	if id := l.member(off, "id"); id >= 0 && l.data[id] == '"' {
		owner = recordNamed(noun, l.text(id))
	}
	fields := recordFields[arr]
	for key, v := range l.members(off) {
		switch fields[key] {
		case 's':
			b.wantString(v, msg.F("%s: %s", owner, quoteID(key)))
		case 'o':
			b.want(v, '{', msg.F("%s: %q must be an object", owner, key))
		case 'b':
			if c := l.data[v]; c != 't' && c != 'f' && c != 'n' {
				b.failOff(v, "%s: %q must be true or false, not %s", owner, key, l.describe(v))
			}
		case 'a':
			if b.want(v, '[', msg.F("%s: %q must be an array of strings", owner, key)) {
				for k, e := range l.arrayElements(v) {
					b.wantString(e, msg.F("%s: alias %d", owner, k+1))
				}
			}
		case 'c':
			if b.want(v, '[', msg.F("%s: %q must be an array of citations", owner, key)) {
				for k, e := range l.arrayElements(v) {
					b.checkCitation(e, msg.F("%s: citation %d", owner, k+1))
				}
			}
		}
	}
}

// checkCitation checks a citation: a source id or {"source", "quote", "gloss"}.
func (b *builder) checkCitation(off int, what msg.Text) {
	l := b.jloc
	switch l.data[off] {
	case '"':
		return
	case '{':
		for key, v := range l.members(off) {
			if key == "source" || key == "quote" || key == "gloss" {
				b.wantString(v, msg.F("%s: %s", what, quoteID(key)))
			}
		}
		return
	}
	b.failOff(off, "%s must be a source id or an object {\"source\", \"quote\", \"gloss\"}, not %s", what, l.describe(off))
}

// wantString reports the value at off, called what, unless it is a string
// or null.
func (b *builder) wantString(off int, what msg.Text) {
	b.want(off, '"', msg.F("%s must be a string", what))
}

// want reports the value at off unless it starts with open ('{', '[' or
// '"') or is null; it returns whether the value is of the wanted kind.
func (b *builder) want(off int, open byte, what msg.Text) bool {
	c := b.jloc.data[off]
	if c == open {
		return true
	}
	if c != 'n' {
		b.failOff(off, "%s, not %s", what, b.jloc.describe(off))
	}
	return false
}

// describe names the value at off for a message: "an object", "the number
// 5", "true".
func (l *locator) describe(off int) msg.Text {
	if off >= len(l.data) {
		return msg.F("nothing")
	}
	switch l.data[off] {
	case '{':
		return msg.F("an object")
	case '[':
		return msg.F("an array")
	case '"':
		return msg.F("the string %s", l.text(off))
	case 't', 'f', 'n':
		return msg.F("%s", l.raw(off))
	}
	return msg.F("the number %s", l.raw(off))
}

// raw returns the text of the value at off, shortened to 40 bytes.
func (l *locator) raw(off int) []byte {
	end := l.skipValue(off)
	if end-off > 40 {
		end = off + 40
	}
	return l.data[off:end]
}

// text returns the string at off quoted for a message, shortened to about
// 40 characters.
func (l *locator) text(off int) string {
	raw := l.data[off:l.skipValue(off)]
	var s string
	if err := stdUnmarshal(raw, &s); err != nil {
		return string(l.raw(off))
	}
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return quoteID(s)
}
