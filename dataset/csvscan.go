package dataset

import (
	"bytes"
	"strings"

	"github.com/linkscope/linkscope/internal/msg"
)

// csvScanner splits a CSV table into records (RFC 4180, with the
// delimiter sniffed from the header). Unlike encoding/csv it keeps a
// quoted value exactly as written, "\r\n" included, and gives the byte
// offset of every field. Empty lines are skipped; a line may end in
// "\n" or "\r\n".
type csvScanner struct {
	data  []byte
	comma byte
	off   int
}

// csvSyntaxError is malformed CSV at off.
type csvSyntaxError struct {
	off int
	msg msg.Text
}

// delimiters are the field separators the reader recognises, the
// preferred first when a header has as many of two.
const delimiters = ",;\t|"

// sniffDelimiter returns the separator of the table: the one of
// delimiters found most often outside quotes in its first record (its
// header), or a comma.
func sniffDelimiter(data []byte) byte {
	var n [len(delimiters)]int
	quoted := false
	for i := 0; i < len(data) && i < 1<<20; i++ {
		c := data[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			i = len(data)
		default:
			if k := strings.IndexByte(delimiters, c); k >= 0 {
				n[k]++
			}
		}
	}
	best := 0
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	return delimiters[best]
}

// next returns the next record's fields and where each starts; done is
// true at the end of the data.
func (s *csvScanner) next() (fields []string, offs []int, done bool, err *csvSyntaxError) {
	// Skip empty lines.
	for s.off < len(s.data) {
		switch {
		case s.data[s.off] == '\n':
			s.off++
			continue
		case s.data[s.off] == '\r' && s.off+1 < len(s.data) && s.data[s.off+1] == '\n':
			s.off += 2
			continue
		}
		break
	}
	if s.off >= len(s.data) {
		return nil, nil, true, nil
	}
	var sb strings.Builder
	for {
		start := s.off
		offs = append(offs, start)
		if s.off < len(s.data) && s.data[s.off] == '"' {
			sb.Reset()
			i := s.off + 1
			for {
				j := bytes.IndexByte(s.data[i:], '"')
				if j < 0 {
					return nil, nil, false, &csvSyntaxError{start, msg.F(`unterminated quoted field: the " that opens it is never closed`)}
				}
				sb.Write(s.data[i : i+j])
				i += j + 1
				if i < len(s.data) && s.data[i] == '"' {
					sb.WriteByte('"')
					i++
					continue
				}
				break
			}
			fields = append(fields, sb.String())
			s.off = i
		} else {
			i := s.off
			for i < len(s.data) && s.data[i] != s.comma && s.data[i] != '\n' {
				if s.data[i] == '"' {
					return nil, nil, false, &csvSyntaxError{i, msg.F(`bare " in non-quoted-field`)} // csv.ErrBareQuote's text
				}
				i++
			}
			end := i
			if end > s.off && s.data[end-1] == '\r' && (end == len(s.data) || s.data[end] == '\n') {
				end--
			}
			fields = append(fields, string(s.data[s.off:end]))
			s.off = i
		}
		// After a field: a delimiter, the end of the line or of the data.
		switch {
		case s.off >= len(s.data):
			return fields, offs, false, nil
		case s.data[s.off] == s.comma:
			s.off++
			if s.off >= len(s.data) {
				// A delimiter at the very end: one more, empty, field.
				offs = append(offs, s.off)
				fields = append(fields, "")
				return fields, offs, false, nil
			}
		case s.data[s.off] == '\n':
			s.off++
			return fields, offs, false, nil
		case s.data[s.off] == '\r' && (s.off+1 == len(s.data) || s.data[s.off+1] == '\n'):
			s.off = min(s.off+2, len(s.data))
			return fields, offs, false, nil
		default:
			return nil, nil, false, &csvSyntaxError{s.off, msg.F(`extraneous or missing " in quoted-field`)}
		}
	}
}
