package dataset

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/linkscope/linkscope/internal/msg"
)

// xmlWalker reads the tokens of an XML input and knows where each starts,
// which elements are open, and where each of them started, so that the
// GraphML and GEXF decoders can position every problem.
type xmlWalker struct {
	data []byte
	d    *xml.Decoder
	open []xmlOpen
	// off is where the last token starts, content where the text of the
	// element it opened starts.
	off, content int
	n            int
	progress     func(f float64) error
}

type xmlOpen struct {
	name string
	off  int
}

func newXMLWalker(data []byte, progress func(f float64) error) *xmlWalker {
	return &xmlWalker{data: data, d: xml.NewDecoder(bytes.NewReader(data)), progress: progress}
}

// next returns the next token and the depth of the element it opens or
// closes (1 for the root), or, for text, of the element that holds it. At
// the end of the input it returns io.EOF; a cancelled load returns the
// context's error, and malformed XML an *xmlProblem.
func (w *xmlWalker) next() (xml.Token, int, error) {
	w.n++
	if w.n%checkEvery == 0 && w.progress != nil {
		if err := w.progress(float64(w.d.InputOffset()) / float64(max(len(w.data), 1))); err != nil {
			return nil, 0, err
		}
	}
	w.off = int(w.d.InputOffset())
	tok, err := w.d.Token()
	if err != nil {
		if err == io.EOF && len(w.open) == 0 {
			return nil, 0, io.EOF
		}
		return nil, 0, w.problem(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		w.open = append(w.open, xmlOpen{t.Name.Local, w.off})
		w.content = int(w.d.InputOffset())
		return tok, len(w.open), nil
	case xml.EndElement:
		depth := len(w.open)
		if depth > 0 {
			w.open = w.open[:depth-1]
		}
		return tok, depth, nil
	}
	return tok, len(w.open), nil
}

// xmlProblem is malformed XML, at an offset of the input.
type xmlProblem struct {
	off int
	msg msg.Text
}

func (p *xmlProblem) Error() string { return p.msg.String() }

// problem explains a decoder error and finds where it is: the token that
// closes the wrong element, the entity that is not known, the end of a
// truncated file, else the byte the decoder stopped at.
func (w *xmlWalker) problem(err error) *xmlProblem {
	after := min(int(w.d.InputOffset()), len(w.data))
	off := max(after-1, w.off)
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		m := strings.TrimPrefix(err.Error(), "xml: ")
		if strings.Contains(m, "CharsetReader") {
			m = strings.TrimSuffix(m, " but Decoder.CharsetReader is nil")
			return &xmlProblem{w.off, msg.F("malformed XML: %s: Linkscope reads UTF-8 XML only", m)}
		}
		return &xmlProblem{off, msg.F("malformed XML: %s", m)}
	}
	m := se.Msg
	switch {
	case m == "unexpected EOF":
		if len(w.open) > 0 {
			o := w.open[len(w.open)-1]
			line, col := position(w.data, o.off)
			return &xmlProblem{len(w.data), msg.F("unexpected end of file: the element <%s> opened at %d:%d is never closed (the file may be truncated)", o.name, line, col)}
		}
		return &xmlProblem{len(w.data), msg.F("unexpected end of file inside markup (the file may be truncated)")}
	case strings.Contains(m, "closed by"), strings.HasPrefix(m, "unexpected end element"):
		off = w.off
	case strings.HasPrefix(m, "invalid character entity"):
		if amp := bytes.LastIndexByte(w.data[w.off:after], '&'); amp >= 0 {
			off = w.off + amp
		}
	}
	return &xmlProblem{off, msg.F("malformed XML: %s", m)}
}

// attr returns the value of the attribute with the given local name.
func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// attrOffset returns where the value of the attribute with the given local
// name starts in the start tag at off (its '<'), or off when the tag has
// no such attribute. The decoder has already checked the tag's syntax.
func attrOffset(data []byte, off int, name string) int {
	i := off + 1
	skipName := func() {
		for i < len(data) && !isSpace(data[i]) && data[i] != '=' && data[i] != '>' && data[i] != '/' {
			i++
		}
	}
	skipSpace := func() {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
	}
	skipName()
	for {
		skipSpace()
		if i >= len(data) || data[i] == '>' || data[i] == '/' {
			return off
		}
		start := i
		skipName()
		attrName := data[start:i]
		if c := bytes.LastIndexByte(attrName, ':'); c >= 0 {
			attrName = attrName[c+1:]
		}
		skipSpace()
		if i >= len(data) || data[i] != '=' {
			return off
		}
		i++
		skipSpace()
		if i >= len(data) || data[i] != '"' && data[i] != '\'' {
			return off
		}
		q := data[i]
		i++
		if string(attrName) == name {
			return i
		}
		end := bytes.IndexByte(data[i:], q)
		if end < 0 {
			return off
		}
		i += end + 1
	}
}

// firstElement returns where the first element or non-space text of data
// is, for a file that holds no element.
func firstContent(data []byte) int {
	return len(data) - len(trimLeftSpace(data))
}
