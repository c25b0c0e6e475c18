package query

import (
	"errors"
	"strings"
	"testing"
)

func TestParseExamples(t *testing.T) {
	q, err := Parse(`(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`)
	if err != nil {
		t.Fatal(err)
	}
	if q.Shortest || len(q.Nodes) != 3 || len(q.Rels) != 2 {
		t.Fatalf("got %+v", q)
	}
	if q.Nodes[0].Type != "ngo" || q.Nodes[1].Var != "c" || q.Nodes[1].Type != "company" || q.Nodes[2].Var != "r" {
		t.Errorf("nodes %+v", q.Nodes)
	}
	if r := q.Rels[0]; r.Dir != Right || len(r.Types) != 1 || r.Types[0] != "complained-against" || r.Min != 1 || r.Max != 1 || r.VarLength {
		t.Errorf("first relation %+v", r)
	}
	if r := q.Rels[1]; r.Dir != Left || r.Types[0] != "fined" {
		t.Errorf("second relation %+v", r)
	}

	q, err = Parse(`SHORTEST 3 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})`)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Shortest || q.K != 3 || q.Rels[0].Dir != Either || !q.Rels[0].VarLength || q.Rels[0].Min != 1 || q.Rels[0].Max != 4 {
		t.Fatalf("got %+v", q)
	}
	if p := q.Nodes[0].Props; len(p) != 1 || p[0].Key != "name" || p[0].Value != "Privacy International" || p[0].Col != 14 {
		t.Errorf("props %+v", p)
	}
}

func TestParseForms(t *testing.T) {
	for _, c := range []struct{ in, canon string }{
		{"()", "()"},
		{"  ( a )  ", "(a)"},
		{"shortest (a)--(b)", "SHORTEST (a)-[]-(b)"},
		{"SHORTEST 1 (a)", "SHORTEST (a)"},
		{"(a)-->(b)<--(c)", "(a)-[]->(b)<-[]-(c)"},
		{"(a)-[r:fined|ordered*2..5]->(b)", "(a)-[r:fined|ordered*2..5]->(b)"},
		{"(a)-[:x|:y]-(b)", "(a)-[:x|y]-(b)"},
		{"(a)-[ * .. 3 ]-(b)", "(a)-[*1..3]-(b)"},
		{"(:`odd type`)", "(:`odd type`)"},
		{"(:`a``b`)", "(:`a``b`)"},
		{`({name:'it\'s', id:"x\"y\\z"})`, `({name:"it's", id:"x\"y\\z"})`},
		{"(n:Type{id:\"é\"})", "(n:Type {id:\"é\"})"},
		{"(a)-[:fined]->(b)", "(a)-[:fined]->(b)"},
	} {
		q, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := q.String(); got != c.canon {
			t.Errorf("Parse(%q).String() = %q, want %q", c.in, got, c.canon)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in  string
		col int
		msg string
	}{
		{"", 1, "expected '('"},
		{"(a", 3, "expected ')'"},
		{"(:ngo)-[:complained-against->(c)", 28, "expected ']'"},
		{"(a)-[:fined-(b)", 12, "expected ']'"},
		{"(a)-[*]-(b)", 7, "needs an upper bound"},
		{"(a)-[*3]-(b)", 8, "needs an upper bound"},
		{"(a)-[*2..]-(b)", 10, "needs an upper bound"},
		{"(a)-[*0..2]-(b)", 6, "at least 1"},
		{"(a)-[*5..2]-(b)", 10, "below the minimum"},
		{"(a)-[*..9]-(b)", 9, "at most 8"},
		{"(a)<-[]->(b)", 4, "both ways"},
		{"(a)-[]-", 8, "expected '('"},
		{"(a)(b)", 4, "expected a relation"},
		{"({nom:\"x\"})", 3, "unknown property"},
		{"({name:x})", 8, "expected a quoted string"},
		{"({name:\"x)", 8, "unterminated string"},
		{"({name:\"x\" id:\"y\"})", 12, "expected ',' or '}'"},
		{"(:)", 3, "expected a type name"},
		{"(:`abc)", 3, "unterminated"},
		{"SHORTEST 0 (a)", 10, "SHORTEST takes k"},
		{"SHORTEST 9999999 (a)", 10, "too large"},
		{"(a)-[:x|]-(b)", 9, "expected a type name"},
		{"(a)-x", 5, "expected '[' or '-'"},
		{"(é)-[ü:ö]->(ß)x", 15, "expected a relation"},
	} {
		_, err := Parse(c.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want an *Error", c.in, err)
			continue
		}
		if e.Col != c.col || !strings.Contains(e.Error(), c.msg) {
			t.Errorf("Parse(%q): %v (column %d), want %q at column %d", c.in, err, e.Col, c.msg, c.col)
		}
	}
}

func TestErrorCaret(t *testing.T) {
	_, err := Parse("(a)-[r:fined->(b)")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	if got, want := e.Error(), "expected ']' at column 13, found '-'"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	lines := strings.Split(e.Caret(), "\n")
	if len(lines) != 2 || lines[0] != "(a)-[r:fined->(b)" || lines[1] != strings.Repeat(" ", 12)+"^" {
		t.Errorf("Caret() = %q", e.Caret())
	}
}
