package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSortedStartsOrder: the radix sort of the starts (used above 128
// entries) orders them as the texts compare, on names sharing long
// prefixes (runs of equal 8-byte heads, several levels deep) and names
// that end inside a head.
func TestSortedStartsOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := New(0, 0)
	stems := []string{"etablissements agricoles", "etablissements", "etab", "mutuelle francaise du", "q100", ""}
	for i := range 4000 {
		name := stems[r.IntN(len(stems))] + randomName(r, 1+r.IntN(3))
		if r.IntN(3) == 0 {
			name = fmt.Sprintf("q%d", 1000000+r.IntN(3000))
		}
		if _, err := g.AddNode(Node{ID: fmt.Sprint("n", i), Type: "t", Label: name}); err != nil {
			t.Fatal(err)
		}
	}
	c := NewNameIndex(g).core
	terms := make([]int32, len(c.starts))
	for t := range terms {
		terms[t] = int32(t)
	}
	for name, st := range map[string]*sortedStarts{"starts": {pos: c.starts, term: terms}, "words": &c.words} {
		if len(st.pos) < 500 {
			t.Fatalf("%s: only %d entries", name, len(st.pos))
		}
		texts := make([]string, len(st.pos))
		for i, p := range st.pos {
			term := c.term(st.term[i])
			texts[i] = term[p-c.termOff[st.term[i]]:]
			if !strings.HasSuffix(term, texts[i]) {
				t.Fatalf("%s[%d]: %q not in its term %q", name, i, texts[i], term)
			}
		}
		if !slices.IsSorted(texts) {
			for i := 1; i < len(texts); i++ {
				if texts[i-1] > texts[i] {
					t.Fatalf("%s: %q before %q", name, texts[i-1], texts[i])
				}
			}
		}
	}
}
