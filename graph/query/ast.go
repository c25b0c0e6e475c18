package query

import (
	"strconv"
	"strings"
)

// Query is a parsed path pattern: a chain of node patterns joined by
// relation patterns.
type Query struct {
	// Shortest asks for the K shortest matches only.
	Shortest bool
	// K is the number of matches SHORTEST asks for (1 when not given).
	K int
	// Nodes has one more element than Rels: Rels[i] joins Nodes[i] and
	// Nodes[i+1].
	Nodes []NodePattern
	Rels  []RelPattern
	// Source is the text Parse read (columns refer to it).
	Source string
}

// NodePattern is "(var:Type {name:"…", id:"…"})"; every part is optional.
type NodePattern struct {
	Var   string
	Type  string
	Props []Prop
	// Col is the 1-based column of "(" (TypeCol of the type, when given).
	Col, TypeCol int
}

// Prop is one `key: "value"` constraint of a node pattern.
type Prop struct {
	Key, Value string
	// Col is the 1-based column of the key.
	Col int
}

// Direction is the way a relation pattern points.
type Direction int8

// Directions of a relation pattern, relative to the text's left-to-right
// order.
const (
	// Right is "-[…]->": the left node is the relation's subject.
	Right Direction = iota
	// Left is "<-[…]-": the right node is the subject.
	Left
	// Either is "-[…]-": either way.
	Either
)

// RelPattern is "-[var:T1|T2*min..max]->" and its mirrored and undirected
// forms.
type RelPattern struct {
	Var   string
	Types []string
	Dir   Direction
	// Min and Max bound the number of relations the hop spans; both are 1
	// for a plain hop. VarLength tells whether "*" was written.
	Min, Max  int
	VarLength bool
	// Col is the 1-based column where the pattern starts; TypeCols give
	// the columns of Types.
	Col      int
	TypeCols []int
}

// String writes q back in canonical form; parsing it gives q again
// (columns aside).
func (q *Query) String() string {
	var b strings.Builder
	if q.Shortest {
		b.WriteString("SHORTEST ")
		if q.K != 1 {
			b.WriteString(strconv.Itoa(q.K))
			b.WriteByte(' ')
		}
	}
	for i := range q.Nodes {
		if i > 0 {
			q.Rels[i-1].write(&b)
		}
		q.Nodes[i].write(&b)
	}
	return b.String()
}

func (n *NodePattern) write(b *strings.Builder) {
	b.WriteByte('(')
	b.WriteString(n.Var)
	if n.Type != "" {
		b.WriteByte(':')
		writeName(b, n.Type)
	}
	if len(n.Props) > 0 {
		if n.Var != "" || n.Type != "" {
			b.WriteByte(' ')
		}
		b.WriteByte('{')
		for i, p := range n.Props {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.Key)
			b.WriteByte(':')
			writeString(b, p.Value)
		}
		b.WriteByte('}')
	}
	b.WriteByte(')')
}

func (r *RelPattern) write(b *strings.Builder) {
	if r.Dir == Left {
		b.WriteByte('<')
	}
	b.WriteString("-[")
	b.WriteString(r.Var)
	for i, t := range r.Types {
		if i == 0 {
			b.WriteByte(':')
		} else {
			b.WriteByte('|')
		}
		writeName(b, t)
	}
	if r.VarLength {
		b.WriteByte('*')
		b.WriteString(strconv.Itoa(r.Min))
		b.WriteString("..")
		b.WriteString(strconv.Itoa(r.Max))
	}
	b.WriteString("]-")
	if r.Dir == Right {
		b.WriteByte('>')
	}
}

// writeName writes a type name, in backquotes when it is not a plain name.
func writeName(b *strings.Builder, s string) {
	plain := s != "" && s[len(s)-1] != '-'
	for i, c := range s {
		if !isNameRune(c, i == 0) {
			plain = false
		}
	}
	if plain {
		b.WriteString(s)
		return
	}
	b.WriteByte('`')
	b.WriteString(strings.ReplaceAll(s, "`", "``"))
	b.WriteByte('`')
}

// isNameRune tells whether c may appear in an unquoted type name (letters,
// digits, '_' and, after the first character, '-').
func isNameRune(c rune, first bool) bool {
	return c == '_' || isLetter(c) || isDigit(c) || (c == '-' && !first)
}

// writeString writes s in double quotes, escaping only what the parser
// needs escaped.
func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
}
