package graph

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// namesGraph is a small graph whose names exercise every match kind.
func namesGraph(t testing.TB) *Graph {
	t.Helper()
	g := New(0, 0)
	for _, n := range []Node{
		{ID: "cnil", Type: "regulator", Label: "CNIL", Aliases: []string{"Commission nationale de l'informatique et des libertés"}},
		{ID: "clearview-ai", Type: "company", Label: "Clearview AI", Aliases: []string{"Clearview"}},
		{ID: "noyb", Type: "ngo", Label: "noyb", Aliases: []string{"None of Your Business"}},
		{ID: "clear-skies", Type: "company", Label: "Clear Skies Ltd"},
		{ID: "the-clear-group", Type: "company", Label: "The Clear Group"},
		{ID: "nuclear-watch", Type: "ngo", Label: "Nuclear Watch"},
		{ID: "cleat", Type: "company", Label: "Cleat Holdings"},
		{ID: "cnil-watch", Type: "ngo", Label: "CNIL Watch"},
		{ID: "ico", Type: "regulator", Label: "Information Commissioner's Office"},
	} {
		if _, err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func nodeID(g *Graph, m Match) string { return g.Node(m.Node).ID }

func TestSearchFindsCNILFirst(t *testing.T) {
	g := namesGraph(t)
	for _, q := range []string{
		"cnil", "CNIL", "Cnil", " cnil ",
		"Commission nationale de l'informatique et des libertés",
		"commission nationale de l’informatique",
		"COMMISSION NATIONALE DE L INFORMATIQUE ET DES LIBERTES",
		"libertés", "informatique et des",
	} {
		ms := g.Index().Search(q, 5)
		if len(ms) == 0 || nodeID(g, ms[0]) != "cnil" {
			t.Errorf("Search(%q) = %v, want cnil first", q, ms)
		}
	}
	// The exact label beats the entity whose label starts with it.
	ms := g.Index().Search("cnil", 0)
	if len(ms) < 2 || nodeID(g, ms[1]) != "cnil-watch" || ms[0].Score <= ms[1].Score {
		t.Errorf("Search(cnil) = %v, want cnil then cnil-watch with a lower score", ms)
	}
	if ms[0].Matched != "CNIL" {
		t.Errorf("cnil matched %q, want its label", ms[0].Matched)
	}
	full := g.Index().Search("commission nationale", 1)
	if len(full) != 1 || full[0].Matched != "Commission nationale de l'informatique et des libertés" {
		t.Errorf("Search(commission nationale) = %v, want the alias as Matched", full)
	}
}

// TestSearchRanksMatchKinds checks prefix > word start > substring > typo.
func TestSearchRanksMatchKinds(t *testing.T) {
	g := namesGraph(t)
	ms := g.Index().Search("clear", 0)
	var got []string
	for _, m := range ms {
		got = append(got, nodeID(g, m))
	}
	if len(ms) != 5 {
		t.Fatalf("Search(clear) = %v, want 5 matches", got)
	}
	prefix := map[string]bool{"clearview-ai": true, "clear-skies": true}
	if !prefix[got[0]] || !prefix[got[1]] {
		t.Errorf("Search(clear) = %v, want the two prefix matches first", got)
	}
	want := []string{"the-clear-group", "nuclear-watch", "cleat"} // word start, substring, typo
	for i, id := range want {
		if got[2+i] != id {
			t.Errorf("Search(clear)[%d] = %s, want %s (all: %v)", 2+i, got[2+i], id, got)
		}
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Score > ms[i-1].Score {
			t.Errorf("scores not decreasing: %v", ms)
		}
	}
	if ms[1].Score == ms[2].Score || ms[2].Score == ms[3].Score || ms[3].Score == ms[4].Score {
		t.Errorf("different match kinds share a score: %v", ms)
	}
}

func TestSearchTypos(t *testing.T) {
	g := namesGraph(t)
	for q, want := range map[string]string{
		"clearvew":                "clearview-ai", // deletion
		"claerview":               "clearview-ai", // transposition
		"clearviex ai":            "clearview-ai", // substitution
		"comission nationale":     "cnil",
		"informaton commissioner": "ico",
	} {
		ms := g.Index().Search(q, 3)
		if len(ms) == 0 || nodeID(g, ms[0]) != want {
			t.Errorf("Search(%q) = %v, want %s first", q, ms, want)
		}
	}
	if ms := g.Index().Search("zzzzzz", 0); len(ms) != 0 {
		t.Errorf("Search(zzzzzz) = %v, want nothing", ms)
	}
	// Short queries get no typo tolerance: "cx" must not match "cnil".
	if ms := g.Index().Search("cx", 0); len(ms) != 0 {
		t.Errorf("Search(cx) = %v, want nothing", ms)
	}
}

// TestSearchTies: equal scores go to the better-connected entity, then to
// the label in alphabetical order.
func TestSearchTies(t *testing.T) {
	g := New(0, 0)
	add := func(id, label string) int32 {
		i, err := g.AddNode(Node{ID: id, Type: "company", Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return i
	}
	b := add("b", "Acme B")
	a := add("a", "Acme A")
	lone := add("x", "Acme")
	hub := add("y", "Acme")
	other := add("z", "Zed")
	for _, e := range []Edge{{From: hub, To: other, Type: "owns"}, {From: other, To: hub, Type: "owns"}} {
		if _, err := g.AddEdge(e); err != nil {
			t.Fatal(err)
		}
	}
	ms := g.Index().Search("acme", 0)
	want := []int32{hub, lone, a, b}
	if len(ms) != len(want) {
		t.Fatalf("Search(acme) = %v", ms)
	}
	for i, w := range want {
		if ms[i].Node != w {
			t.Errorf("Search(acme)[%d] = %s, want %s (%v)", i, g.Node(ms[i].Node).ID, g.Node(w).ID, ms)
		}
	}
	if ms[0].Score != ms[1].Score || ms[2].Score != ms[3].Score {
		t.Errorf("expected two ties: %v", ms)
	}
}

func TestSearchLimitAndEmpty(t *testing.T) {
	g := namesGraph(t)
	if ms := g.Index().Search("clear", 2); len(ms) != 2 {
		t.Errorf("limit 2 gave %d matches", len(ms))
	}
	for _, q := range []string{"", "   ", "'’", "--"} {
		if ms := g.Index().Search(q, 0); ms != nil {
			t.Errorf("Search(%q) = %v, want nil", q, ms)
		}
	}
}

func TestExact(t *testing.T) {
	g := namesGraph(t)
	if got := g.Index().Exact("commission nationale de l’informatique et des libertés"); len(got) != 1 || g.Node(got[0]).ID != "cnil" {
		t.Errorf("Exact(alias) = %v", got)
	}
	if got := g.Index().Exact("Clear-Skies"); len(got) != 1 || g.Node(got[0]).ID != "clear-skies" {
		t.Errorf("Exact(id) = %v", got)
	}
	if got := g.Index().Exact("clear"); len(got) != 0 {
		t.Errorf("Exact(clear) = %v, want nothing (only prefixes)", got)
	}
}

// TestIndexFollowsAdds: the cached index is rebuilt after AddNode.
func TestIndexFollowsAdds(t *testing.T) {
	g := namesGraph(t)
	if ms := g.Index().Search("garante", 0); len(ms) != 0 {
		t.Fatalf("found %v before adding it", ms)
	}
	i, err := g.AddNode(Node{ID: "garante", Type: "regulator", Label: "Garante per la protezione dei dati personali"})
	if err != nil {
		t.Fatal(err)
	}
	if ms := g.Index().Search("garante", 0); len(ms) != 1 || ms[0].Node != i {
		t.Errorf("after AddNode, Search(garante) = %v", ms)
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"clearvew", "clearview", 2, 1},
		{"claerview", "clearview", 2, 1}, // one transposition
		{"abc", "abc", 1, 0},
		{"abc", "abcdef", 1, 0},  // a prefix of b is free
		{"abc", "xyz", 1, 2},     // over the limit: limit+1
		{"abcdefgh", "ab", 2, 3}, // length gap alone exceeds the limit
		{"", "abc", 1, 0},
		{"abc", "", 5, 3},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

// TestByteMaskFilterIsSafe: the byte-mask shortcut in score never drops a
// match that the edit distance would find.
func TestByteMaskFilterIsSafe(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "abcdeilnorst 0123'é"
	word := func(n int) string {
		b := make([]byte, 0, n)
		for range n {
			b = append(b, alphabet[r.IntN(len(alphabet))])
		}
		return Fold(string(b))
	}
	matched := 0
	for range 200000 {
		key := word(3 + r.IntN(14))
		q := word(3 + r.IntN(6))
		if q == "" || key == "" {
			continue
		}
		with := score(q, key, bits.OnesCount64(byteMask(q)&^byteMask(key)))
		without := score(q, key, 0)
		if with != without {
			t.Fatalf("score(%q, %q) = %v with the mask filter, %v without", q, key, with, without)
		}
		if without > 0 && without < scoreSubstring {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d typo matches among the random pairs: the test does not exercise the filter", matched)
	}
}
