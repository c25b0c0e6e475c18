package graph

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"

	json "github.com/goccy/go-json"
)

// Prop is one property: a name and a value as JSON decodes it (string,
// float64, bool, nil, []any, map[string]any).
type Prop struct {
	Key   string
	Value any
}

// Props are an entity's or a relation's free-form properties: a small
// list of key/value pairs sorted by key, each key once. A Props is a
// value: nothing changes it once made (With and Without return a new
// one), so copies of a Node or an Edge may share it. The zero Props has
// no properties.
//
// It takes about a third of the memory of a map[string]any with the same
// entries (a pointer in the record, a 24-byte slice header and 32 bytes
// per entry, against a map's header and buckets of about 300 bytes even
// for three entries), which at a million entities and three million
// relations is most of a gigabyte; a record without properties pays only
// the pointer, as it did for a nil map.
type Props struct {
	kv *[]Prop // sorted by Key, unique; nil when there are none, never empty
}

// pairs is the list (nil when there are none).
func (p Props) pairs() []Prop {
	if p.kv == nil {
		return nil
	}
	return *p.kv
}

// propsOf wraps a non-empty sorted list.
func propsOf(kv []Prop) Props {
	if len(kv) == 0 {
		return Props{}
	}
	return Props{&kv}
}

// PropsInBlock is PropsFrom for pairs already sorted by key without
// repeats, with the slice header taken from *block (a loader cuts many
// from one allocation: block is appended to, and replaced by a new one of
// blockSize when full, so that earlier Props keep theirs).
func PropsInBlock(kv []Prop, block *[][]Prop, blockSize int) Props {
	if len(kv) == 0 {
		return Props{}
	}
	if cap(*block)-len(*block) < 1 {
		*block = make([][]Prop, 0, max(1, blockSize))
	}
	*block = append(*block, kv)
	b := *block
	return Props{&b[len(b)-1]}
}

// PropsOf makes Props from a map (nil or empty: no properties). The map
// is not kept.
func PropsOf(m map[string]any) Props {
	if len(m) == 0 {
		return Props{}
	}
	kv := make([]Prop, 0, len(m))
	for k, v := range m {
		kv = append(kv, Prop{k, v})
	}
	slices.SortFunc(kv, func(a, b Prop) int { return strings.Compare(a.Key, b.Key) })
	return propsOf(kv)
}

// PropsFrom makes Props from pairs, which it keeps (the caller must not
// change them afterwards). They are sorted by key; of pairs with the same
// key the last one counts, as a JSON decoder into a map would have it.
func PropsFrom(kv []Prop) Props {
	if len(kv) == 0 {
		return Props{}
	}
	sorted := true
	for i := 1; i < len(kv); i++ {
		if kv[i-1].Key >= kv[i].Key {
			sorted = false
			break
		}
	}
	if !sorted {
		// Stable, so that of equal keys the last stays last.
		sort.SliceStable(kv, func(i, j int) bool { return kv[i].Key < kv[j].Key })
		out := kv[:0]
		for i, p := range kv {
			if i+1 < len(kv) && kv[i+1].Key == p.Key {
				continue
			}
			out = append(out, p)
		}
		clear(kv[len(out):])
		kv = out[:len(out):len(out)]
	}
	return propsOf(kv)
}

// Len is the number of properties.
func (p Props) Len() int { return len(p.pairs()) }

// IsZero reports whether there are no properties (for json omitzero).
func (p Props) IsZero() bool { return p.kv == nil }

func (p Props) find(key string) (int, bool) {
	kv := p.pairs()
	if len(kv) <= 8 {
		for i, e := range kv {
			if e.Key >= key {
				return i, e.Key == key
			}
		}
		return len(kv), false
	}
	return slices.BinarySearchFunc(kv, key, func(e Prop, k string) int { return strings.Compare(e.Key, k) })
}

// Get returns the value of a property and whether there is one.
func (p Props) Get(key string) (any, bool) {
	if i, ok := p.find(key); ok {
		return (*p.kv)[i].Value, true
	}
	return nil, false
}

// Value returns the value of a property, nil when there is none (as
// indexing a map would).
func (p Props) Value(key string) any {
	v, _ := p.Get(key)
	return v
}

// Has reports whether there is a property of that name.
func (p Props) Has(key string) bool {
	_, ok := p.find(key)
	return ok
}

// With returns a copy with key set to v (added or replaced).
func (p Props) With(key string, v any) Props {
	i, ok := p.find(key)
	old := p.pairs()
	if ok {
		kv := slices.Clone(old)
		kv[i].Value = v
		return propsOf(kv)
	}
	kv := make([]Prop, 0, len(old)+1)
	kv = append(kv, old[:i]...)
	kv = append(kv, Prop{key, v})
	kv = append(kv, old[i:]...)
	return propsOf(kv)
}

// Without returns a copy without key (p itself when it has no such key).
func (p Props) Without(key string) Props {
	i, ok := p.find(key)
	if !ok {
		return p
	}
	old := p.pairs()
	kv := make([]Prop, 0, len(old)-1)
	kv = append(kv, old[:i]...)
	kv = append(kv, old[i+1:]...)
	return propsOf(kv)
}

// All iterates over the properties in key order.
func (p Props) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for _, e := range p.pairs() {
			if !yield(e.Key, e.Value) {
				return
			}
		}
	}
}

// Keys returns the names of the properties in order (a new slice; nil
// when there are none).
func (p Props) Keys() []string {
	kv := p.pairs()
	if len(kv) == 0 {
		return nil
	}
	out := make([]string, len(kv))
	for i, e := range kv {
		out[i] = e.Key
	}
	return out
}

// Pairs returns the properties in key order. The slice is shared: the
// caller must not change it.
func (p Props) Pairs() []Prop { return p.pairs() }

// Map returns the properties as a new map (nil when there are none), for
// code that hands them on as JSON decodes them.
func (p Props) Map() map[string]any {
	kv := p.pairs()
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv))
	for _, e := range kv {
		m[e.Key] = e.Value
	}
	return m
}

// MarshalJSON writes the properties as an object, keys in order, as
// encoding/json writes a map (without escaping HTML characters: an
// encoder that escapes them does so on this output too).
func (p Props) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, e := range p.pairs() {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(e.Key); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		b.WriteByte(':')
		if err := enc.Encode(e.Value); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object (null: no properties).
func (p *Props) UnmarshalJSON(data []byte) error {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*p = PropsOf(m)
	return nil
}

// String formats the properties as fmt formats the map (map[k:v ...]).
func (p Props) String() string { return fmt.Sprint(p.Map()) }
