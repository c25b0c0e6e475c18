package query

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that its errors point inside
// the text (or just past it), and that what it accepts prints back to a
// pattern that parses to the same query. Run it with
// go test -fuzz=FuzzParse ./graph/query/; the corpus is in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`,
		`SHORTEST 3 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})`,
		`(a)-[r:fined|ordered*2..5]->(b)<--(c)--(d)`,
		`({id:'x\'y', name:"é"})`,
		"(:`odd``type`)",
		`(a)-[*..9]-(b)`,
		`SHORTEST 0 (`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) returned %T, not *Error", s, err)
			}
			if n := utf8.RuneCountInString(s); e.Col < 1 || e.Col > n+1 {
				t.Fatalf("Parse(%q): column %d outside 1..%d", s, e.Col, n+1)
			}
			_ = e.Caret()
			return
		}
		canon := q.String()
		q2, err := Parse(canon)
		if err != nil && utf8.RuneCountInString(canon) > MaxLength {
			// the canonical form writes a newline in a string as \n: a
			// pattern near the limit can come back over it, which is
			// then the only error allowed
			if !strings.Contains(err.Error(), "longer than") {
				t.Fatalf("Parse(%q) ok, its String %q is over the limit but fails with %v", s, canon, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its String %q does not parse: %v", s, canon, err)
		}
		if again := q2.String(); again != canon {
			t.Fatalf("Parse(%q): String %q reparses to %q", s, canon, again)
		}
	})
}
