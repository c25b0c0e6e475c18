package dataset

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"

	"github.com/linkscope/linkscope/internal/msg"
)

// This file holds what every reader shares before the builder: the files
// being read, positions in them, progress and cancellation, and reading a
// file within the size limit.

// input is one file being read: its name for messages and its bytes (a
// leading UTF-8 byte order mark removed, so that positions count from the
// first character).
type input struct {
	name string
	data []byte
}

func newInput(name string, data []byte) input {
	return input{name: name, data: bytes.TrimPrefix(data, utf8BOM)}
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// pos is where a problem is: a byte offset in one of the inputs of a load
// (CSV reads two files; every other format one, file 0).
type pos struct{ file, off int }

// positioner finds where a value of the decoded document came from. arr is
// "sources", "nodes" or "edges" and i a record of that list, or arr is ""
// for the document itself; steps are member names and indices below it
// ("props", "amount"; "sources", 2, "source"). When the value is not there
// the position of the nearest enclosing one that is comes back. It is only
// asked when there is a problem to report.
type positioner interface {
	pos(arr string, i int, steps ...any) pos
}

// recordLists are the names of the document's lists, in positioner terms.
var recordLists = [...]string{"sources", "nodes", "edges"}

// fieldLocator is the positioner of the formats whose decoders note where
// each record and each of its fields is as they read it (GraphML, GEXF,
// CSV).
type fieldLocator struct {
	doc    recordPos
	lists  [len(recordLists)][]recordPos
	fields []fieldPos
}

// recordPos is where a record starts and the range of its fields in
// fieldLocator.fields.
type recordPos struct {
	file, off int
	lo, hi    int
}

// fieldPos is where the value of a field was read. Keys are the document's
// member names ("id", "type", "date", "props", "sources"), or
// "props.NAME" for a property read from an attribute or column of its own.
type fieldPos struct {
	key string
	off int
}

func listIndex(arr string) int {
	for k, a := range recordLists {
		if a == arr {
			return k
		}
	}
	return -1
}

// begin starts a record of list arr ("" for the document) at off of file.
func (l *fieldLocator) begin(arr string, file, off int) {
	r := recordPos{file: file, off: off, lo: len(l.fields), hi: len(l.fields)}
	if arr == "" {
		l.doc = r
		return
	}
	k := listIndex(arr)
	l.lists[k] = append(l.lists[k], r)
}

// field notes where key of the record begun last (of list arr) was read.
func (l *fieldLocator) field(arr, key string, off int) {
	r := &l.doc
	if arr != "" {
		list := l.lists[listIndex(arr)]
		r = &list[len(list)-1]
	}
	if r.hi != len(l.fields) {
		// Fields of an earlier record: the decoder went back (GraphML
		// document data after the nodes); copy the record's fields to the end.
		l.fields = append(l.fields, l.fields[r.lo:r.hi]...)
		r.lo, r.hi = len(l.fields)-(r.hi-r.lo), len(l.fields)
	}
	l.fields = append(l.fields, fieldPos{key, off})
	r.hi++
}

func (l *fieldLocator) pos(arr string, i int, steps ...any) pos {
	r := l.doc
	if arr != "" {
		k := listIndex(arr)
		if k < 0 || i < 0 || i >= len(l.lists[k]) {
			return pos{}
		}
		r = l.lists[k][i]
	}
	// Try the longest run of leading member names first: "props.amount",
	// then "props", then the record.
	var names []string
	for _, s := range steps {
		name, ok := s.(string)
		if !ok {
			break
		}
		names = append(names, name)
	}
	for n := len(names); n > 0; n-- {
		key := strings.Join(names[:n], ".")
		for _, f := range l.fields[r.lo:r.hi] {
			if f.key == key {
				return pos{r.file, f.off}
			}
		}
	}
	return pos{r.file, r.off}
}

// lineIndex converts the line and byte column that encoding/csv reports to
// a byte offset, for lines that mostly increase.
type lineIndex struct {
	data      []byte
	line, off int // off is where line starts
}

func (x *lineIndex) offset(line, col int) int {
	if x.line == 0 || line < x.line {
		x.line, x.off = 1, 0
	}
	for x.line < line {
		i := bytes.IndexByte(x.data[x.off:], '\n')
		if i < 0 {
			break
		}
		x.off += i + 1
		x.line++
	}
	return min(max(x.off+col-1, 0), len(x.data))
}

// meter reports progress and notices cancellation. Work is counted in
// bytes of input: reading a file counts its size once, and decoding and
// building count it a second time, so done only grows up to total.
type meter struct {
	ctx      context.Context
	fn       func(done, total int64)
	total    int64
	lastDone int64
	reported bool
	// warnings receives the warnings of the load (Options.Warnings).
	warnings *[]*Error
}

func newMeter(ctx context.Context, fn func(done, total int64), total int64) *meter {
	if ctx == nil {
		ctx = context.Background()
	}
	return &meter{ctx: ctx, fn: fn, total: total}
}

// report records that done units are complete and returns ctx.Err().
func (m *meter) report(done int64) error {
	if m.fn != nil {
		done = min(max(done, m.lastDone), m.total)
		if done != m.lastDone || !m.reported {
			m.lastDone, m.reported = done, true
			m.fn(done, m.total)
		}
	}
	return m.ctx.Err()
}

// phase returns a function that reports fraction f (0 to 1) of the span of
// units that starts at base.
func (m *meter) phase(base, span int64) func(f float64) error {
	return func(f float64) error {
		return m.report(base + int64(f*float64(span)))
	}
}

// checkEvery is how many records or tokens a decoder handles between two
// looks at the context.
const checkEvery = 4096

// fileSize stats path before anything is read and refuses files over the
// limit; it refuses devices (such as /dev/zero) and returns the size (0
// for a pipe, which readFile reads only up to the limit).
func fileSize(path string, opts Options) (int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	if st.IsDir() {
		return 0, msg.Errorf("%s: is a directory, not a dataset file", path)
	}
	if st.Mode()&os.ModeDevice != 0 {
		// /dev/zero or /dev/urandom never end; a disk is no dataset.
		return 0, msg.Errorf("%s: is a device, not a dataset file", path)
	}
	if !st.Mode().IsRegular() {
		return 0, nil // a pipe: read through the limit
	}
	if st.Size() > opts.maxBytes() {
		return 0, msg.Errorf("%s: file is %d bytes, over the %d-byte limit (raise it with --max-bytes)", path, st.Size(), opts.maxBytes())
	}
	return st.Size(), nil
}

// readChunk is how much readFile reads between two progress reports.
const readChunk = 4 << 20

// readFile reads path, whose size fileSize returned, reporting progress
// from base and stopping when the context is cancelled. It never reads
// more than the limit plus one byte.
func readFile(m *meter, path string, size, base int64, opts Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := opts.maxBytes()
	buf := make([]byte, 0, min(size, limit)+1)
	r := io.LimitReader(f, limit+1)
	for {
		if err := m.report(base + int64(len(buf))); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, msg.Errorf("%s: %w", path, err)
		}
	}
	if int64(len(buf)) > limit {
		return nil, msg.Errorf("%s: file is over the %d-byte limit (raise it with --max-bytes)", path, limit)
	}
	return buf, nil
}
