package dataset

import "fmt"

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
			b.wantString(v, quoteID(key))
		case "types":
			b.checkTypes(v)
		case "sources", "nodes", "edges":
			if !b.want(v, '[', fmt.Sprintf("%q must be an array", key)) {
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
	if !b.want(v, '{', `"types" must be an object ({"fined": {"label": {"fr": "a sanctionné"}}})`) {
		return
	}
	for t, tv := range l.members(v) {
		if !b.want(tv, '{', fmt.Sprintf("type %s must be an object ({\"label\": {\"fr\": ...}})", quoteID(t))) {
			continue
		}
		lv := l.member(tv, "label")
		if lv < 0 || !b.want(lv, '{', fmt.Sprintf("type %s: \"label\" must be an object of labels by language ({\"fr\": ...})", quoteID(t))) {
			continue
		}
		for lang, s := range l.members(lv) {
			b.wantString(s, fmt.Sprintf("type %s: label %s", quoteID(t), quoteID(lang)))
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

// checkRecord checks element i of the top-level array arr.
func (b *builder) checkRecord(arr string, i, off int) {
	l := b.jloc
	noun := recordNoun[arr]
	if l.data[off] == 'n' { // null decodes as an empty record, reported later
		return
	}
	if !b.want(off, '{', fmt.Sprintf("%s %d must be an object", noun, i+1)) {
		return
	}
	owner := fmt.Sprintf("%s %d", noun, i+1)
	if id := l.member(off, "id"); id >= 0 && l.data[id] == '"' {
		owner = noun + " " + l.text(id)
	}
	fields := recordFields[arr]
	for key, v := range l.members(off) {
		switch fields[key] {
		case 's':
			b.wantString(v, owner+": "+quoteID(key))
		case 'o':
			b.want(v, '{', fmt.Sprintf("%s: %q must be an object", owner, key))
		case 'b':
			if c := l.data[v]; c != 't' && c != 'f' && c != 'n' {
				b.failOff(v, "%s: %q must be true or false, not %s", owner, key, l.describe(v))
			}
		case 'a':
			if b.want(v, '[', fmt.Sprintf("%s: %q must be an array of strings", owner, key)) {
				for k, e := range l.arrayElements(v) {
					b.wantString(e, fmt.Sprintf("%s: alias %d", owner, k+1))
				}
			}
		case 'c':
			if b.want(v, '[', fmt.Sprintf("%s: %q must be an array of citations", owner, key)) {
				for k, e := range l.arrayElements(v) {
					b.checkCitation(e, fmt.Sprintf("%s: citation %d", owner, k+1))
				}
			}
		}
	}
}

// checkCitation checks a citation: a source id or {"source", "quote", "gloss"}.
func (b *builder) checkCitation(off int, what string) {
	l := b.jloc
	switch l.data[off] {
	case '"':
		return
	case '{':
		for key, v := range l.members(off) {
			if key == "source" || key == "quote" || key == "gloss" {
				b.wantString(v, what+": "+quoteID(key))
			}
		}
		return
	}
	b.failOff(off, "%s must be a source id or an object {\"source\", \"quote\", \"gloss\"}, not %s", what, l.describe(off))
}

// wantString reports the value at off, called what, unless it is a string
// or null.
func (b *builder) wantString(off int, what string) {
	b.want(off, '"', what+" must be a string")
}

// want reports the value at off unless it starts with open ('{', '[' or
// '"') or is null; it returns whether the value is of the wanted kind.
func (b *builder) want(off int, open byte, what string) bool {
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
func (l *locator) describe(off int) string {
	if off >= len(l.data) {
		return "nothing"
	}
	switch l.data[off] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "the string " + l.text(off)
	case 't', 'f', 'n':
		return string(l.raw(off))
	}
	return "the number " + string(l.raw(off))
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
