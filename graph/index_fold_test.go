package graph

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFoldFastIsFold: the index's table fold equals Fold on every rune of
// the table alone, between letters and in random names mixing them with
// runes beyond the table.
func TestFoldFastIsFold(t *testing.T) {
	for r := rune(0); r < foldTableEnd+40; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + " " + string(r), "É" + string(r) + string(r) + "ß"} {
			if got, want := foldFast(s), Fold(s); got != want {
				t.Fatalf("foldFast(%q) = %q, Fold = %q", s, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	extra := []rune("’‘ʼ东京ẞﬁ\u0301\u0327 \t-.'")
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			if rng.IntN(8) == 0 {
				b.WriteRune(extra[rng.IntN(len(extra))])
			} else {
				b.WriteRune(rune(rng.IntN(foldTableEnd)))
			}
		}
		s := b.String()
		if rng.IntN(20) == 0 {
			s += "\xff"
		}
		if got, want := foldFast(s), Fold(s); got != want {
			t.Fatalf("foldFast(%q) = %q, Fold = %q", s, got, want)
		}
	}
}

func FuzzFoldFast(f *testing.F) {
	f.Add("Société Générale de l'Île-de-France")
	f.Add("Straße ½ ĳ ǆ ¨")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldFast(s), Fold(s); got != want {
			t.Fatalf("foldFast(%q) = %q, Fold = %q", s, got, want)
		}
	})
}
