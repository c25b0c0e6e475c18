package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/linkscope/linkscope/internal/msg"
)

// Limits of the language.
const (
	// MaxHops is the largest upper bound of a variable-length hop.
	MaxHops = 8
	// MaxK is the largest k of SHORTEST k.
	MaxK = 1000
	// MaxLength is the longest pattern text accepted, in characters.
	MaxLength = 4096
)

// Error is a fault in a pattern (syntax, or a name the graph does not
// know), located at a column of the pattern's text.
type Error struct {
	// Query is the pattern text.
	Query string
	// Col is the 1-based column (in characters) of the fault.
	Col int
	// Msg says what is wrong, e.g. "expected ']'".
	Msg string
	// Found, for a syntax error, is what stands at the column ("" at the
	// end of the text).
	Found string
	// Template and Args are Msg before formatting, for translation
	// (app/i18n.Message); Template is "" for a message kept only as Msg.
	Template string
	Args     []any
}

// Text returns the whole message as a template and its arguments.
func (e *Error) Text() msg.Text {
	m := msg.F("%s", e.Msg)
	if e.Template != "" {
		m = msg.F(e.Template, e.Args...)
	}
	switch e.Found {
	case "":
		return msg.F("%s at column %d", m, e.Col)
	case "the end":
		return msg.F("%s at column %d, found the end", m, e.Col)
	}
	return msg.F("%s at column %d, found %s", m, e.Col, e.Found)
}

// Error reads like "expected ']' at column 17, found '-'".
func (e *Error) Error() string {
	s := fmt.Sprintf("%s at column %d", e.Msg, e.Col)
	if e.Found != "" {
		s += ", found " + e.Found
	}
	return s
}

// Caret returns the pattern and, under it, a caret under the fault:
//
//	(:ngo)-[:complained-against->(c)
//	                           ^
func (e *Error) Caret() string {
	line := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, e.Query)
	return line + "\n" + strings.Repeat(" ", max(e.Col-1, 0)) + "^"
}

// Parse parses a pattern:
//
//	query := ["SHORTEST" [k]] node (rel node)*
//	node  := "(" [var] [":" Type] ["{" key ":" "string" {"," key ":" "string"} "}"] ")"
//	rel   := "-[" [var] [":" T {"|" T}] ["*" [min] ".." max] "]->" | "<-[…]-" | "-[…]-"
//
// Keys are name (label or alias, case- and accent-insensitive) and id.
// Strings take double or single quotes, with backslash escapes. "-->",
// "<--" and "--" are short for a hop with no constraint. A variable-length
// hop needs an upper bound, at most MaxHops. Errors are *Error. Parse never
// panics.
func Parse(src string) (*Query, error) {
	p := &parser{src: src, in: []rune(src)}
	if len(p.in) > MaxLength {
		return nil, p.errAt(MaxLength, "the pattern is longer than %d characters", MaxLength)
	}
	q, err := p.query()
	if err != nil {
		return nil, err
	}
	return q, nil
}

type parser struct {
	src string
	in  []rune
	pos int
}

// newError is the Error at col of src, its message fmt.Sprintf(format, args...).
func newError(src string, col int, format string, args ...any) *Error {
	return &Error{Query: src, Col: col, Msg: fmt.Sprintf(format, args...), Template: format, Args: args}
}

func (p *parser) errAt(pos int, format string, args ...any) *Error {
	return newError(p.src, pos+1, format, args...)
}

// expected reports that want was expected at the current position.
func (p *parser) expected(want msg.Text) *Error {
	e := p.errAt(p.pos, "expected %s", want)
	if p.pos >= len(p.in) {
		e.Found = "the end"
	} else {
		e.Found = strconv.QuoteRune(p.in[p.pos])
	}
	return e
}

func (p *parser) skipSpace() {
	for p.pos < len(p.in) && unicode.IsSpace(p.in[p.pos]) {
		p.pos++
	}
}

func (p *parser) peek() rune {
	if p.pos < len(p.in) {
		return p.in[p.pos]
	}
	return 0
}

func (p *parser) peekAt(k int) rune {
	if p.pos+k < len(p.in) {
		return p.in[p.pos+k]
	}
	return 0
}

// accept consumes c (after spaces) when it comes next.
func (p *parser) accept(c rune) bool {
	p.skipSpace()
	if p.peek() == c {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(c rune) error {
	if !p.accept(c) {
		return p.expected(msg.F("'%c'", c))
	}
	return nil
}

func (p *parser) query() (*Query, error) {
	q := &Query{K: 1, Source: p.src}
	p.skipSpace()
	if p.keyword("SHORTEST") {
		q.Shortest = true
		p.skipSpace()
		if isDigit(p.peek()) {
			at := p.pos
			k, err := p.number()
			if err != nil {
				return nil, err
			}
			if k < 1 || k > MaxK {
				return nil, p.errAt(at, "SHORTEST takes k from 1 to %d", MaxK)
			}
			q.K = k
		}
	}
	n, err := p.node()
	if err != nil {
		return nil, err
	}
	q.Nodes = append(q.Nodes, n)
	for {
		p.skipSpace()
		if p.pos >= len(p.in) {
			return q, nil
		}
		if c := p.peek(); c != '-' && c != '<' {
			return nil, p.expected(msg.F("a relation ('-[', '<-[') or the end"))
		}
		r, err := p.rel()
		if err != nil {
			return nil, err
		}
		n, err := p.node()
		if err != nil {
			return nil, err
		}
		q.Rels = append(q.Rels, r)
		q.Nodes = append(q.Nodes, n)
	}
}

// keyword consumes the case-insensitive word w when it comes next as a
// whole word.
func (p *parser) keyword(w string) bool {
	k := len([]rune(w))
	if p.pos+k > len(p.in) || !strings.EqualFold(string(p.in[p.pos:p.pos+k]), w) {
		return false
	}
	if p.pos+k < len(p.in) && isIdentRune(p.in[p.pos+k], false) {
		return false
	}
	p.pos += k
	return true
}

func (p *parser) node() (NodePattern, error) {
	var n NodePattern
	p.skipSpace()
	n.Col = p.pos + 1
	if err := p.expect('('); err != nil {
		return n, err
	}
	p.skipSpace()
	if isIdentRune(p.peek(), true) {
		n.Var = p.ident()
	}
	if p.accept(':') {
		p.skipSpace()
		n.TypeCol = p.pos + 1
		t, err := p.name()
		if err != nil {
			return n, err
		}
		n.Type = t
	}
	if p.accept('{') {
		for {
			p.skipSpace()
			at := p.pos
			if !isIdentRune(p.peek(), true) {
				return n, p.expected(msg.F("a property name (name or id)"))
			}
			key := p.ident()
			if key != "name" && key != "id" {
				return n, p.errAt(at, "unknown property %q (use name or id)", key)
			}
			if err := p.expect(':'); err != nil {
				return n, err
			}
			v, err := p.str()
			if err != nil {
				return n, err
			}
			n.Props = append(n.Props, Prop{Key: key, Value: v, Col: at + 1})
			if p.accept(',') {
				continue
			}
			if err := p.expect('}'); err != nil {
				return n, p.expected(msg.F("',' or '}'"))
			}
			break
		}
	}
	if err := p.expect(')'); err != nil {
		return n, err
	}
	return n, nil
}

func (p *parser) rel() (RelPattern, error) {
	r := RelPattern{Min: 1, Max: 1, Dir: Either}
	p.skipSpace()
	r.Col = p.pos + 1
	left := p.accept('<')
	if err := p.expect('-'); err != nil {
		return r, err
	}
	if p.peek() == '-' { // "--", "-->", "<--"
		p.pos++
	} else {
		if err := p.expect('['); err != nil {
			return r, p.expected(msg.F("'[' or '-'"))
		}
		if err := p.relBody(&r); err != nil {
			return r, err
		}
		if err := p.expect(']'); err != nil {
			return r, err
		}
		if err := p.expect('-'); err != nil {
			return r, err
		}
	}
	right := p.peek() == '>'
	if right {
		p.pos++
	}
	switch {
	case left && right:
		return r, p.errAt(r.Col-1, "a relation cannot point both ways")
	case left:
		r.Dir = Left
	case right:
		r.Dir = Right
	}
	return r, nil
}

func (p *parser) relBody(r *RelPattern) error {
	p.skipSpace()
	if isIdentRune(p.peek(), true) {
		r.Var = p.ident()
	}
	if p.accept(':') {
		for {
			p.skipSpace()
			r.TypeCols = append(r.TypeCols, p.pos+1)
			t, err := p.name()
			if err != nil {
				return err
			}
			r.Types = append(r.Types, t)
			if !p.accept('|') {
				break
			}
			p.accept(':') // Cypher also allows "|:"
		}
	}
	if !p.accept('*') {
		return nil
	}
	r.VarLength = true
	star := p.pos - 1
	p.skipSpace()
	if isDigit(p.peek()) {
		var err error
		if r.Min, err = p.number(); err != nil {
			return err
		}
	}
	p.skipSpace()
	if p.peek() != '.' || p.peekAt(1) != '.' {
		return p.errAt(p.pos, "a variable-length hop needs an upper bound: expected '..' and a maximum (as in *..4 or *1..4)")
	}
	p.pos += 2
	p.skipSpace()
	if !isDigit(p.peek()) {
		return p.errAt(p.pos, "a variable-length hop needs an upper bound: expected a maximum number of hops after '..'")
	}
	at := p.pos
	var err error
	if r.Max, err = p.number(); err != nil {
		return err
	}
	switch {
	case r.Min < 1:
		return p.errAt(star, "a hop spans at least 1 relation")
	case r.Max > MaxHops:
		return p.errAt(at, "a variable-length hop spans at most %d relations", MaxHops)
	case r.Min > r.Max:
		return p.errAt(at, "the maximum %d is below the minimum %d", r.Max, r.Min)
	}
	return nil
}

// ident reads a variable or property name.
func (p *parser) ident() string {
	start := p.pos
	for p.pos < len(p.in) && isIdentRune(p.in[p.pos], p.pos == start) {
		p.pos++
	}
	return string(p.in[start:p.pos])
}

// name reads a type name: plain (letters, digits, '_', '-') or in
// backquotes, where “ stands for a backquote.
func (p *parser) name() (string, error) {
	start := p.pos
	if p.peek() == '`' {
		p.pos++
		var b strings.Builder
		for {
			if p.pos >= len(p.in) {
				return "", p.errAt(start, "unterminated `name`")
			}
			c := p.in[p.pos]
			p.pos++
			if c == '`' {
				if p.peek() != '`' {
					break
				}
				p.pos++
			}
			b.WriteRune(c)
		}
		if b.Len() == 0 {
			return "", p.errAt(start, "empty type name")
		}
		return b.String(), nil
	}
	for p.pos < len(p.in) && isNameRune(p.in[p.pos], p.pos == start) {
		p.pos++
	}
	for p.pos > start+1 && p.in[p.pos-1] == '-' {
		p.pos-- // "-[:fined->" : the dash starts the arrow
	}
	if p.pos == start {
		return "", p.expected(msg.F("a type name"))
	}
	return string(p.in[start:p.pos]), nil
}

// str reads a quoted string.
func (p *parser) str() (string, error) {
	p.skipSpace()
	start := p.pos
	quote := p.peek()
	if quote != '"' && quote != '\'' {
		return "", p.expected(msg.F("a quoted string"))
	}
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.in) {
			return "", p.errAt(start, "unterminated string")
		}
		c := p.in[p.pos]
		p.pos++
		switch {
		case c == quote:
			return b.String(), nil
		case c == '\\':
			if p.pos >= len(p.in) {
				return "", p.errAt(start, "unterminated string")
			}
			e := p.in[p.pos]
			p.pos++
			switch e {
			case 'n':
				e = '\n'
			case 't':
				e = '\t'
			}
			b.WriteRune(e)
		default:
			b.WriteRune(c)
		}
	}
}

// number reads a decimal number of at most 6 digits.
func (p *parser) number() (int, error) {
	start := p.pos
	v := 0
	for p.pos < len(p.in) && isDigit(p.in[p.pos]) {
		if p.pos-start >= 6 {
			return 0, p.errAt(start, "number too large")
		}
		v = v*10 + int(p.in[p.pos]-'0')
		p.pos++
	}
	return v, nil
}

func isDigit(c rune) bool  { return c >= '0' && c <= '9' }
func isLetter(c rune) bool { return unicode.IsLetter(c) }

// isIdentRune tells whether c may appear in a variable or property name.
func isIdentRune(c rune, first bool) bool {
	return c == '_' || isLetter(c) || (!first && isDigit(c))
}
