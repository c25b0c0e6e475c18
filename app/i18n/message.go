package i18n

import (
	"fmt"
	"strings"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/internal/msg"
)

// The packages below the interface (dataset, graph, graph/path,
// graph/query) write their messages in English and keep each one as a
// template and its arguments (internal/msg): a dataset.Error, a
// graph.FieldError, a query.Error and the errors of msg.Errorf. Message
// and Text translate them here, at the presentation layer, by looking the
// template up in the catalogue (assets/translations/fr.json) and
// formatting the translation with the arguments, themselves translated
// when they are templates too ("relation 3", "the number 5"). A template
// the catalogue lacks stays English; TestEveryTemplateHasAFrenchTranslation
// keeps the catalogue complete.

// Message writes err in the current language: err.Error() in English;
// in French, each problem of a dataset.ErrorList on its own line
// (FILE:LINE:COL: message, the position unchanged), and the message of
// any error that carries a template translated. Wrappers made with
// fmt.Errorf("...: %w", err) keep their own text around the translated
// error.
func Message(err error) string {
	if err == nil {
		return ""
	}
	if Current().Lang != "fr" {
		return err.Error()
	}
	return errText(err)
}

// Text writes t in the current language.
func Text(t msg.Text) string {
	if Current().Lang != "fr" {
		return t.String()
	}
	return text(t)
}

type templated interface{ Text() msg.Text }

func errText(err error) string {
	switch e := err.(type) {
	case *dataset.ErrorList:
		var b strings.Builder
		for i, p := range e.Errors {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(errText(p))
		}
		if e.More > 0 {
			b.WriteByte('\n')
			fmt.Fprintf(&b, T("... and %d more problems"), e.More)
		}
		return b.String()
	case *dataset.Error:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, text(e.Text()))
	case templated:
		return text(e.Text())
	}
	// a wrapper: translate what it wraps, keep its own words (they are
	// the caller's, often already translated)
	var inner []error
	switch w := err.(type) {
	case interface{ Unwrap() error }:
		inner = []error{w.Unwrap()}
	case interface{ Unwrap() []error }:
		inner = w.Unwrap()
	}
	s := err.Error()
	for _, u := range inner {
		if u == nil {
			continue
		}
		if us := u.Error(); us != "" && strings.Contains(s, us) {
			s = strings.Replace(s, us, errText(u), 1)
		}
	}
	return s
}

func text(t msg.Text) string {
	tmpl := T(t.Template)
	if len(t.Args) == 0 {
		return tmpl
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		switch a := a.(type) {
		case msg.Text:
			args[i] = text(a)
		case error:
			args[i] = errText(a)
		default:
			args[i] = a
		}
	}
	// %w is fmt.Errorf's; the argument is written as text here
	return fmt.Sprintf(strings.ReplaceAll(tmpl, "%w", "%v"), args...)
}
