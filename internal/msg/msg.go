// Package msg keeps a message as a stable English template and its
// arguments, so that the packages below the interface (dataset, graph,
// graph/path, graph/query) can produce messages without knowing the
// user's language and the interface (app/i18n.Message) can translate them
// afterwards. It imports nothing but the standard library.
//
// A Text prints as fmt.Sprintf(Template, Args...), so English output is
// exactly what fmt would have written. An argument that is itself a Text
// or an error carrying one is translated too, recursively.
package msg

import "fmt"

// Text is a message template (a fmt format) and its arguments.
type Text struct {
	Template string
	Args     []any
}

// F returns the Text of template and args.
func F(template string, args ...any) Text { return Text{template, args} }

// String formats the text in English.
func (t Text) String() string {
	if len(t.Args) == 0 {
		return t.Template
	}
	return fmt.Sprintf(t.Template, t.Args...)
}

// Templated is implemented by an error whose message is a Text.
type Templated interface {
	error
	Text() Text
}

// Error is an error whose message is a Text. Like fmt.Errorf, a %w verb
// in the template wraps its argument (errors.Is and errors.As see it).
type Error struct {
	text Text
	err  error // fmt.Errorf's result, for the message and the wrapping
}

// Errorf is fmt.Errorf that keeps its template and arguments.
func Errorf(template string, args ...any) error {
	return &Error{text: Text{template, args}, err: fmt.Errorf(template, args...)}
}

func (e *Error) Error() string { return e.err.Error() }

// Text returns the template and arguments.
func (e *Error) Text() Text { return e.text }

// Unwrap returns the errors the template wrapped with %w.
func (e *Error) Unwrap() []error {
	switch w := e.err.(type) {
	case interface{ Unwrap() []error }:
		return w.Unwrap()
	case interface{ Unwrap() error }:
		return []error{w.Unwrap()}
	}
	return nil
}
