package graph

import (
	stdjson "encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestPropsOfSortsAndAnswersLikeTheMap(t *testing.T) {
	m := map[string]any{"z": 1.0, "a": "x", "m": true, "b": nil, "n": []any{1.0, "two"}}
	p := PropsOf(m)
	if p.Len() != len(m) {
		t.Fatalf("Len %d, want %d", p.Len(), len(m))
	}
	if got := p.Keys(); !slices.Equal(got, []string{"a", "b", "m", "n", "z"}) {
		t.Errorf("keys %v", got)
	}
	for k, v := range m {
		got, ok := p.Get(k)
		if !ok || !stdjsonEqual(t, got, v) {
			t.Errorf("Get(%q) = %v, %v; want %v", k, got, ok, v)
		}
	}
	if v, ok := p.Get("absent"); ok || v != nil || p.Has("absent") || p.Value("absent") != nil {
		t.Errorf("an absent key answered %v, %v", v, ok)
	}
	if _, ok := p.Get("b"); !ok || !p.Has("b") {
		t.Errorf("a key with a nil value is still there")
	}
	if !maps.Equal(mapKeys(p.Map()), mapKeys(m)) {
		t.Errorf("Map %v", p.Map())
	}
	if PropsOf(nil).Len() != 0 || !PropsOf(map[string]any{}).IsZero() || PropsOf(nil).Map() != nil {
		t.Errorf("empty props are not zero")
	}
}

func mapKeys(m map[string]any) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func stdjsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	x, err1 := stdjson.Marshal(a)
	y, err2 := stdjson.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

func TestPropsManyKeysBinarySearch(t *testing.T) {
	m := map[string]any{}
	for i := 0; i < 40; i++ {
		m[string(rune('A'+i))+"k"] = float64(i)
	}
	p := PropsOf(m)
	for k, v := range m {
		if got, ok := p.Get(k); !ok || got != v {
			t.Errorf("Get(%q) = %v, %v", k, got, ok)
		}
		if p.Has(k + "x") {
			t.Errorf("Has(%q)", k+"x")
		}
	}
}

func TestPropsWithAndWithoutCopy(t *testing.T) {
	p := PropsOf(map[string]any{"b": 1.0, "d": 2.0})
	q := p.With("c", 3.0)
	r := q.With("b", "changed")
	s := r.Without("d")
	if got := p.Keys(); !slices.Equal(got, []string{"b", "d"}) || p.Value("b") != 1.0 {
		t.Errorf("p changed: %v", p.Map())
	}
	if got := q.Keys(); !slices.Equal(got, []string{"b", "c", "d"}) || q.Value("b") != 1.0 {
		t.Errorf("q = %v", q.Map())
	}
	if r.Value("b") != "changed" || r.Len() != 3 {
		t.Errorf("r = %v", r.Map())
	}
	if got := s.Keys(); !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("s = %v", s.Map())
	}
	if got := s.With("a", 0.0).With("z", 9.0).Keys(); !slices.Equal(got, []string{"a", "b", "c", "z"}) {
		t.Errorf("keys %v", got)
	}
	if e := PropsOf(map[string]any{"x": 1.0}).Without("x"); !e.IsZero() || e.Pairs() != nil {
		t.Errorf("removing the last key leaves %v", e.Pairs())
	}
	if u := p.Without("nothing"); u.Len() != 2 {
		t.Errorf("Without an absent key: %v", u.Map())
	}
	var zero Props
	if z := zero.With("k", "v"); z.Value("k") != "v" || zero.Len() != 0 {
		t.Errorf("With on the zero Props")
	}
}

func TestPropsFromSortsAndLastWins(t *testing.T) {
	p := PropsFrom([]Prop{{"b", 1.0}, {"a", 2.0}, {"b", 3.0}, {"c", 4.0}, {"a", 5.0}})
	if got := p.Keys(); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("keys %v", got)
	}
	if p.Value("a") != 5.0 || p.Value("b") != 3.0 || p.Value("c") != 4.0 {
		t.Errorf("values %v", p.Map())
	}
	if !PropsFrom(nil).IsZero() || !PropsFrom([]Prop{}).IsZero() {
		t.Errorf("no pairs is not zero")
	}
}

func TestPropsJSONIsTheMapsJSON(t *testing.T) {
	m := map[string]any{"html": "<a href='x'>&amp;</a>", "é": "ü", "n": 1.5e300, "i": 3.0, "nested": map[string]any{"y": []any{true, nil}, "x": "q\"uote"}, "": "empty key"}
	var want strings.Builder
	enc := stdjson.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	got, err := PropsOf(m).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != strings.TrimSuffix(want.String(), "\n") {
		t.Errorf("got  %s\nwant %s", got, want.String())
	}
	// Through encoding/json, HTML escaping applies as it does to a map.
	a, _ := stdjson.Marshal(struct{ P Props }{PropsOf(m)})
	b, _ := stdjson.Marshal(struct{ P map[string]any }{m})
	if string(a) != string(b) {
		t.Errorf("in a struct:\n%s\n%s", a, b)
	}
	var back Props
	if err := stdjson.Unmarshal(got, &back); err != nil || !stdjsonEqual(t, back.Map(), m) {
		t.Errorf("round trip: %v %v", back.Map(), err)
	}
	if err := stdjson.Unmarshal([]byte("null"), &back); err != nil || !back.IsZero() {
		t.Errorf("null: %v %v", back.Map(), err)
	}
	if err := stdjson.Unmarshal([]byte("[1]"), &back); err == nil {
		t.Errorf("an array was accepted as properties")
	}
}

func TestPropsInBlockKeepsEarlierOnes(t *testing.T) {
	var block [][]Prop
	var all []Props
	for i := 0; i < 10; i++ {
		all = append(all, PropsInBlock([]Prop{{"k", float64(i)}}, &block, 3))
	}
	for i, p := range all {
		if p.Len() != 1 || p.Value("k") != float64(i) {
			t.Errorf("props %d = %v", i, p.Map())
		}
	}
	if p := PropsInBlock(nil, &block, 3); !p.IsZero() {
		t.Errorf("no pairs is not zero")
	}
}
