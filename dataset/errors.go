package dataset

import (
	"fmt"
	"strings"

	"github.com/linkscope/linkscope/internal/msg"
)

// MaxErrors caps how many problems one load reports.
const MaxErrors = 50

// Error is one problem in a dataset file, at a 1-based line and column
// (columns count characters, not bytes).
type Error struct {
	File      string
	Line, Col int
	Msg       string
	// Template and Args are Msg before formatting (Msg is
	// fmt.Sprintf(Template, Args...)), so that the interface can
	// translate it (app/i18n.Message); an argument may be a msg.Text or an
	// error carrying one. Template is "" for a message kept only as Msg.
	Template string
	Args     []any
}

// Text returns the message as its template and arguments (Msg alone when
// it has no template).
func (e *Error) Text() msg.Text {
	if e.Template == "" {
		return msg.Text{Template: "%s", Args: []any{e.Msg}}
	}
	return msg.Text{Template: e.Template, Args: e.Args}
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found in one file, in file order. Its Error
// method prints one per line.
type ErrorList struct {
	Errors []*Error
	// More counts problems found beyond MaxErrors and not listed.
	More int
}

func (l *ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	if l.More > 0 {
		fmt.Fprintf(&b, "\n... and %d more problems", l.More)
	}
	return b.String()
}

// Unwrap returns the listed errors, so errors.As finds an *Error.
func (l *ErrorList) Unwrap() []error {
	out := make([]error, len(l.Errors))
	for i, e := range l.Errors {
		out[i] = e
	}
	return out
}

// position converts a byte offset of data to a 1-based line and column.
func position(data []byte, off int) (line, col int) {
	var c lineCounter
	return c.position(data, off)
}

// lineCounter converts increasing byte offsets of one file to positions in
// a single pass; a smaller offset than the last one starts over.
type lineCounter struct {
	off, line, lineStart int
}

func (c *lineCounter) position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	if c.line == 0 || off < c.off {
		*c = lineCounter{line: 1}
	}
	for i := c.off; i < off; i++ {
		if data[i] == '\n' {
			c.line++
			c.lineStart = i + 1
		}
	}
	c.off = off
	col = 1
	// Count characters, not bytes: skip UTF-8 continuation bytes.
	for i := c.lineStart; i < off; i++ {
		if data[i]&0xC0 != 0x80 {
			col++
		}
	}
	return c.line, col
}
