package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// Names are made of few syllables, so that random queries hit many names
// in every way (prefixes, word starts, substrings, typos) and scores tie.
var equivSyllables = []string{"de", "la", "é", "clé", "ar", "vi", "ew", "Lé", "ô", "ß", "co", "nn", "a", "e", "z", "1", "42", "ü", "ø", "東京", "l'", "’s", "-", " ", "  ", ".", "Ï"}

func randomName(r *rand.Rand, maxParts int) string {
	var b strings.Builder
	for n := 1 + r.IntN(maxParts); n > 0; n-- {
		b.WriteString(equivSyllables[r.IntN(len(equivSyllables))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	s := b.String()
	if r.IntN(4) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

// randomNamesGraph has n entities with random labels, ids and aliases
// (some folding alike, some empty once folded) and random relations.
func randomNamesGraph(t testing.TB, r *rand.Rand, n int) *Graph {
	g := New(n, 2*n)
	for i := 0; i < n; i++ {
		label := randomName(r, 6)
		id := fmt.Sprintf("n%d", i)
		switch r.IntN(4) {
		case 0:
			id = label + fmt.Sprint(i) // folds like the label plus a number
		case 1:
			id = strings.ToLower(randomName(r, 3)) + "#" + fmt.Sprint(i)
		}
		var aliases []string
		for a := r.IntN(4); a > 0; a-- {
			switch r.IntN(5) {
			case 0:
				aliases = append(aliases, strings.ToUpper(label)) // folds like the label
			case 1:
				aliases = append(aliases, "--") // folds to nothing
			default:
				aliases = append(aliases, randomName(r, 4))
			}
		}
		if _, err := g.AddNode(Node{ID: id, Type: "t", Label: label, Aliases: aliases}); err != nil {
			t.Fatal(err)
		}
	}
	for e := r.IntN(2 * n); e > 0; e-- {
		if _, err := g.AddEdge(Edge{From: int32(r.IntN(n)), To: int32(r.IntN(n)), Type: "r"}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// randomQuery is a prefix, a piece or a whole name, with or without typos,
// or a random string.
func randomQuery(r *rand.Rand, g *Graph) string {
	n := g.Node(int32(r.IntN(g.NodeCount())))
	names := append([]string{n.Label, n.ID}, n.Aliases...)
	name := names[r.IntN(len(names))]
	if r.IntN(3) == 0 {
		name = Fold(name)
	}
	runes := []rune(name)
	var q []rune
	switch r.IntN(6) {
	case 0:
		return randomName(r, 3)
	case 1:
		q = runes
	case 2:
		q = runes[:r.IntN(len(runes)+1)]
	default:
		i := r.IntN(len(runes) + 1)
		j := i + r.IntN(len(runes)-i+1)
		q = runes[i:j]
	}
	q = append([]rune(nil), q...)
	for e := r.IntN(4); e > 0 && len(q) > 0; e-- {
		i := r.IntN(len(q))
		switch r.IntN(4) {
		case 0:
			q = append(q[:i], q[i+1:]...)
		case 1:
			q[i] = []rune("aezé x1")[r.IntN(7)]
		case 2:
			q = append(q[:i], append([]rune{[]rune("aezé x1")[r.IntN(7)]}, q[i:]...)...)
		default:
			if i+1 < len(q) {
				q[i], q[i+1] = q[i+1], q[i]
			}
		}
	}
	return string(q)
}

// checkSame fails unless the index answers q as the scan does.
func checkSame(t *testing.T, ix *NameIndex, scan *scanIndex, q string) {
	t.Helper()
	for _, limit := range []int{0, 1, 3, 20} {
		got, want := ix.Search(q, limit), scan.Search(q, limit)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Search(%q, %d):\n index %v\n scan  %v", q, limit, got, want)
		}
	}
	if got, want := ix.Exact(q), scan.Exact(q); !reflect.DeepEqual(got, want) {
		t.Fatalf("Exact(%q): index %v, scan %v", q, got, want)
	}
}

// TestIndexEqualsScan: on random graphs and random queries the index
// gives exactly the scan's matches, scores and order.
func TestIndexEqualsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 15))
	fixed := []string{"", " ", "a", "é", "E", "de", "ß", "ss", "東", "東京", "l'a", "z z", "zzzz", "cle", "clee", "lé co", "42", "\xff", "ÏÏÏÏÏÏÏÏÏÏ"}
	typoMatches := 0
	for round := 0; round < 30; round++ {
		g := randomNamesGraph(t, r, 1+r.IntN(400))
		ix, scan := g.Index(), newScanIndex(g)
		for _, q := range fixed {
			checkSame(t, ix, scan, q)
		}
		for range 150 {
			q := randomQuery(r, g)
			checkSame(t, ix, scan, q)
			for _, m := range scan.Search(q, 0) {
				if m.Score < scoreSubstring {
					typoMatches++
				}
			}
		}
	}
	if typoMatches < 1000 {
		t.Errorf("only %d typo matches: the queries do not exercise the typo search", typoMatches)
	}
}

// TestIndexKeepsNamesAcrossRelations: a new relation reuses the names part
// of the index and ranks by the new degrees, as the scan does.
func TestIndexKeepsNamesAcrossRelations(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := randomNamesGraph(t, r, 200)
	before := g.Index()
	var a, b int32 = 5, 9
	for range 10 {
		if _, err := g.AddEdge(Edge{From: a, To: b, Type: "r"}); err != nil {
			t.Fatal(err)
		}
	}
	after := g.Index()
	if after.core != before.core {
		t.Errorf("a new relation rebuilt the names part of the index")
	}
	scan := newScanIndex(g)
	for range 200 {
		checkSame(t, after, scan, randomQuery(r, g))
	}
	checkSame(t, after, scan, g.Node(a).Label)
}

// FuzzNameIndex compares the index with the scan on a graph whose names
// and query come from the fuzzer.
func FuzzNameIndex(f *testing.F) {
	f.Add("Clearview AI|clearview|CLEARVIEW", "CNIL|Commission nationale de l'informatique", "clearvew", uint8(3))
	f.Add("École Nationale|ENA", "Électricité de France|EDF|edf", "ecole", uint8(0))
	f.Add("a b c", "ab c|b", "b", uint8(1))
	f.Add("Straße", "STRASSE|strasse", "strase", uint8(2))
	f.Fuzz(func(t *testing.T, names1, names2, q string, limit uint8) {
		if !utf8.ValidString(names1) || len(names1)+len(names2) > 400 || len(q) > 80 {
			return
		}
		g := New(0, 0)
		for i, names := range []string{names1, names2, names1 + " " + names2, q + names2} {
			parts := strings.Split(names, "|")
			if _, err := g.AddNode(Node{ID: fmt.Sprintf("%s#%d", parts[0], i), Type: "t", Label: parts[0], Aliases: parts[1:]}); err != nil {
				return
			}
		}
		if _, err := g.AddEdge(Edge{From: 1, To: 2, Type: "r"}); err != nil {
			t.Fatal(err)
		}
		ix, scan := g.Index(), newScanIndex(g)
		got, want := ix.Search(q, int(limit%5)), scan.Search(q, int(limit%5))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Search(%q, %d):\n index %v\n scan  %v", q, limit%5, got, want)
		}
		if got, want := ix.Exact(q), scan.Exact(q); !reflect.DeepEqual(got, want) {
			t.Fatalf("Exact(%q): index %v, scan %v", q, got, want)
		}
	})
}

// TestIndexBuiltOnce: goroutines asking a snapshot for its index at once
// share one build.
func TestIndexBuiltOnce(t *testing.T) {
	g := randomNamesGraph(t, rand.New(rand.NewPCG(8, 9)), 3000)
	s := g.Snapshot()
	if s.IndexBuilt() {
		t.Fatal("IndexBuilt before any build")
	}
	got := make(chan *NameIndex)
	for range 4 {
		go func() { got <- s.Index() }()
	}
	first := <-got
	for range 3 {
		if ix := <-got; ix != first {
			t.Errorf("two builds of one snapshot's index")
		}
	}
	if !s.IndexBuilt() || !g.IndexBuilt() || g.Index() != first {
		t.Errorf("the graph does not share its snapshot's index")
	}
}
