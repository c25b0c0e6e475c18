package dataset

import (
	stdjson "encoding/json"
	"iter"
	"strconv"
)

// locator finds byte offsets of values in a syntactically valid JSON
// document by path ("edges", 17, "target"), so semantic errors can name a
// line and column. Array element offsets are computed once per array.
type locator struct {
	data  []byte
	elems map[string][]int // top-level array key -> element offsets
}

func newLocator(data []byte) *locator {
	return &locator{data: data, elems: map[string][]int{}}
}

// element returns the offset of element i of the top-level array key, or
// of the array itself if i is out of range, or 0.
func (l *locator) element(key string, i int) int {
	offs, ok := l.elems[key]
	if !ok {
		start := l.member(l.skipSpace(0), key)
		if start >= 0 {
			offs = l.arrayElements(start)
		}
		l.elems[key] = offs
	}
	if i >= 0 && i < len(offs) {
		return offs[i]
	}
	return 0
}

// field returns the offset of the value of member key in element i of the
// top-level array arr (or of the element when it has no such member).
func (l *locator) field(arr string, i int, key string) int {
	e := l.element(arr, i)
	if key == "" {
		return e
	}
	if off := l.member(e, key); off >= 0 {
		return off
	}
	return e
}

// pos implements positioner for a JSON file.
func (l *locator) pos(arr string, i int, steps ...any) pos {
	if arr == "" {
		return pos{0, l.path(l.skipSpace(0), steps...)}
	}
	if len(steps) == 0 {
		return pos{0, l.element(arr, i)}
	}
	key, _ := steps[0].(string)
	return pos{0, l.path(l.field(arr, i, key), steps[1:]...)}
}

// path follows further keys and indices from a starting value offset.
func (l *locator) path(off int, steps ...any) int {
	for _, s := range steps {
		var next int
		switch s := s.(type) {
		case string:
			next = l.member(off, s)
		case int:
			next = -1
			if es := l.arrayElements(off); s < len(es) {
				next = es[s]
			}
		}
		if next < 0 {
			return off
		}
		off = next
	}
	return off
}

// member returns the offset of the value of key in the object at off, or -1.
// When the key is repeated it is the last one, which the decoders keep.
func (l *locator) member(off int, key string) int {
	found := -1
	for k, v := range l.members(off) {
		if k == key {
			found = v
		}
	}
	return found
}

// members yields the name and value offset of each member of the object at
// off, in file order (nothing if off is not an object).
func (l *locator) members(off int) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		d := l.data
		if off < 0 || off >= len(d) || d[off] != '{' {
			return
		}
		i := l.skipSpace(off + 1)
		for i < len(d) && d[i] == '"' {
			end := l.skipString(i)
			k := string(d[i+1 : max(i+1, end-1)])
			if containsByte(d[i:end], '\\') {
				_ = stdjson.Unmarshal(d[i:end], &k)
			}
			i = l.skipSpace(end)
			if i >= len(d) || d[i] != ':' {
				return
			}
			i = l.skipSpace(i + 1)
			if !yield(k, i) {
				return
			}
			i = l.skipSpace(l.skipValue(i))
			if i < len(d) && d[i] == ',' {
				i = l.skipSpace(i + 1)
			}
		}
	}
}

// arrayElements returns the offsets of the elements of the array at off.
func (l *locator) arrayElements(off int) []int {
	d := l.data
	if off < 0 || off >= len(d) || d[off] != '[' {
		return nil
	}
	var out []int
	i := l.skipSpace(off + 1)
	for i < len(d) && d[i] != ']' {
		out = append(out, i)
		i = l.skipSpace(l.skipValue(i))
		if i < len(d) && d[i] == ',' {
			i = l.skipSpace(i + 1)
		} else {
			break
		}
	}
	return out
}

func (l *locator) skipSpace(i int) int {
	for i < len(l.data) && isSpace(l.data[i]) {
		i++
	}
	return i
}

// skipString returns the offset just past the string starting at i.
func (l *locator) skipString(i int) int {
	d := l.data
	for j := i + 1; j < len(d); j++ {
		switch d[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(d)
}

// skipValue returns the offset just past the value starting at i.
func (l *locator) skipValue(i int) int {
	d := l.data
	if i >= len(d) {
		return i
	}
	switch d[i] {
	case '"':
		return l.skipString(i)
	case '{', '[':
		depth := 0
		for j := i; j < len(d); j++ {
			switch d[j] {
			case '"':
				j = l.skipString(j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(d)
	}
	j := i
	for j < len(d) && !isSpace(d[j]) && d[j] != ',' && d[j] != '}' && d[j] != ']' {
		j++
	}
	return j
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// quoteID quotes an id for messages.
func quoteID(s string) string { return strconv.Quote(s) }
