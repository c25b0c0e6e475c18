package bolt

// A tiny Bolt server for the tests: it speaks enough of Bolt 4.4 (the
// handshake, HELLO, BEGIN, RUN, PULL, DISCARD, COMMIT, ROLLBACK, RESET,
// GOODBYE, in chunked PackStream messages) for the official driver, and
// answers each query through a handler. It records every RUN, so that
// tests can check the Cypher and the parameters the source sent.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"sort"
	"sync"
	"testing"
)

// PackStream markers and Bolt message tags.
const (
	tagHello    = 0x01
	tagGoodbye  = 0x02
	tagReset    = 0x0F
	tagRun      = 0x10
	tagBegin    = 0x11
	tagCommit   = 0x12
	tagRollback = 0x13
	tagDiscard  = 0x2F
	tagPull     = 0x3F
	tagRoute    = 0x66
	tagSuccess  = 0x70
	tagRecord   = 0x71
	tagIgnored  = 0x7E
	tagFailure  = 0x7F
)

// ---- PackStream ----

func packValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, 0xC0)
	case bool:
		if x {
			return append(b, 0xC3)
		}
		return append(b, 0xC2)
	case int:
		return packInt(b, int64(x))
	case int64:
		return packInt(b, x)
	case float64:
		b = append(b, 0xC1)
		return binary.BigEndian.AppendUint64(b, math.Float64bits(x))
	case string:
		b = packHeader(b, len(x), 0x80, 0xD0)
		return append(b, x...)
	case []string:
		b = packHeader(b, len(x), 0x90, 0xD4)
		for _, e := range x {
			b = packValue(b, e)
		}
		return b
	case []any:
		b = packHeader(b, len(x), 0x90, 0xD4)
		for _, e := range x {
			b = packValue(b, e)
		}
		return b
	case map[string]any:
		b = packHeader(b, len(x), 0xA0, 0xD8)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b = packValue(b, k)
			b = packValue(b, x[k])
		}
		return b
	}
	panic(fmt.Sprintf("packstream: cannot pack %T", v))
}

func packInt(b []byte, x int64) []byte {
	switch {
	case x >= -16 && x <= 127:
		return append(b, byte(int8(x)))
	case x >= math.MinInt8 && x <= math.MaxInt8:
		return append(b, 0xC8, byte(int8(x)))
	case x >= math.MinInt16 && x <= math.MaxInt16:
		return binary.BigEndian.AppendUint16(append(b, 0xC9), uint16(int16(x)))
	case x >= math.MinInt32 && x <= math.MaxInt32:
		return binary.BigEndian.AppendUint32(append(b, 0xCA), uint32(int32(x)))
	}
	return binary.BigEndian.AppendUint64(append(b, 0xCB), uint64(x))
}

// packHeader writes a size header: tiny (tiny|n below 16), or the 8-,
// 16- and 32-bit forms that follow big8.
func packHeader(b []byte, n int, tiny, big8 byte) []byte {
	switch {
	case n < 16:
		return append(b, tiny|byte(n))
	case n < 1<<8:
		return append(b, big8, byte(n))
	case n < 1<<16:
		return binary.BigEndian.AppendUint16(append(b, big8+1), uint16(n))
	}
	return binary.BigEndian.AppendUint32(append(b, big8+2), uint32(n))
}

type structure struct {
	tag    byte
	fields []any
}

type unpacker struct {
	b   []byte
	err error
}

func (u *unpacker) byte1() byte {
	if len(u.b) < 1 {
		u.err = io.ErrUnexpectedEOF
		return 0
	}
	c := u.b[0]
	u.b = u.b[1:]
	return c
}

func (u *unpacker) bytes(n int) []byte {
	if len(u.b) < n {
		u.err = io.ErrUnexpectedEOF
		return nil
	}
	out := u.b[:n]
	u.b = u.b[n:]
	return out
}

func (u *unpacker) size(m byte, big8 byte) int {
	switch m - big8 {
	case 0:
		return int(u.byte1())
	case 1:
		return int(binary.BigEndian.Uint16(u.bytes(2)))
	}
	return int(binary.BigEndian.Uint32(u.bytes(4)))
}

func (u *unpacker) value() any {
	if u.err != nil {
		return nil
	}
	m := u.byte1()
	switch {
	case m <= 0x7F:
		return int64(m)
	case m >= 0xF0:
		return int64(int8(m))
	case m&0xF0 == 0x80:
		return string(u.bytes(int(m & 0x0F)))
	case m&0xF0 == 0x90:
		return u.list(int(m & 0x0F))
	case m&0xF0 == 0xA0:
		return u.dict(int(m & 0x0F))
	case m&0xF0 == 0xB0:
		s := structure{tag: u.byte1()}
		for i := 0; i < int(m&0x0F); i++ {
			s.fields = append(s.fields, u.value())
		}
		return s
	}
	switch m {
	case 0xC0:
		return nil
	case 0xC2:
		return false
	case 0xC3:
		return true
	case 0xC1:
		return math.Float64frombits(binary.BigEndian.Uint64(u.bytes(8)))
	case 0xC8:
		return int64(int8(u.byte1()))
	case 0xC9:
		return int64(int16(binary.BigEndian.Uint16(u.bytes(2))))
	case 0xCA:
		return int64(int32(binary.BigEndian.Uint32(u.bytes(4))))
	case 0xCB:
		return int64(binary.BigEndian.Uint64(u.bytes(8)))
	case 0xD0, 0xD1, 0xD2:
		return string(u.bytes(u.size(m, 0xD0)))
	case 0xD4, 0xD5, 0xD6:
		return u.list(u.size(m, 0xD4))
	case 0xD8, 0xD9, 0xDA:
		return u.dict(u.size(m, 0xD8))
	}
	u.err = fmt.Errorf("packstream: unknown marker %#x", m)
	return nil
}

func (u *unpacker) list(n int) []any {
	out := make([]any, 0, n)
	for i := 0; i < n && u.err == nil; i++ {
		out = append(out, u.value())
	}
	return out
}

func (u *unpacker) dict(n int) map[string]any {
	out := make(map[string]any, n)
	for i := 0; i < n && u.err == nil; i++ {
		k, _ := u.value().(string)
		out[k] = u.value()
	}
	return out
}

// ---- the server ----

// call is one RUN the server received.
type call struct {
	Query  string
	Params map[string]any
}

// handler answers a query with its columns and rows, or an error that the
// server sends as a FAILURE.
type handler func(query string, params map[string]any) (fields []string, rows [][]any, err error)

type responder struct {
	ln     net.Listener
	handle handler
	mu     sync.Mutex
	calls  []call
	wg     sync.WaitGroup
}

// startResponder listens on a free loopback port until the test ends.
func startResponder(t *testing.T, h handler) *responder {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &responder{ln: ln, handle: h}
	r.wg.Add(1)
	go r.accept(t)
	t.Cleanup(func() {
		ln.Close()
		r.wg.Wait()
	})
	return r
}

func (r *responder) uri() string { return "bolt://" + r.ln.Addr().String() }

func (r *responder) Calls() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

func (r *responder) accept(t *testing.T) {
	defer r.wg.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			defer c.Close()
			if err := r.serve(c); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				t.Errorf("bolt responder: %v", err)
			}
		}()
	}
}

func readMessage(br *bufio.Reader) (structure, error) {
	var msg []byte
	for {
		var hdr [2]byte
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return structure{}, err
		}
		n := int(binary.BigEndian.Uint16(hdr[:]))
		if n == 0 {
			if len(msg) == 0 {
				continue // a NOOP chunk
			}
			break
		}
		chunk := make([]byte, n)
		if _, err := io.ReadFull(br, chunk); err != nil {
			return structure{}, err
		}
		msg = append(msg, chunk...)
	}
	u := &unpacker{b: msg}
	v := u.value()
	s, ok := v.(structure)
	if u.err != nil || !ok {
		return structure{}, fmt.Errorf("bad message %x: %v", msg, u.err)
	}
	return s, nil
}

func writeMessage(w *bufio.Writer, tag byte, fields ...any) error {
	b := packHeader(nil, len(fields), 0xB0, 0)
	b = append(b, tag)
	for _, f := range fields {
		b = packValue(b, f)
	}
	for len(b) > 0 {
		n := min(len(b), 0xFFFF)
		w.Write(binary.BigEndian.AppendUint16(nil, uint16(n)))
		w.Write(b[:n])
		b = b[n:]
	}
	w.Write([]byte{0, 0})
	return w.Flush()
}

func (r *responder) serve(c net.Conn) error {
	br, bw := bufio.NewReader(c), bufio.NewWriter(c)
	hs := make([]byte, 20)
	if _, err := io.ReadFull(br, hs); err != nil {
		return err
	}
	if hs[0] != 0x60 || hs[1] != 0x60 || hs[2] != 0xB0 || hs[3] != 0x17 {
		return fmt.Errorf("bad magic %x", hs[:4])
	}
	bw.Write([]byte{0, 0, 4, 4}) // Bolt 4.4
	bw.Flush()
	var fields []string
	var rows [][]any
	failed := false
	for {
		m, err := readMessage(br)
		if err != nil {
			return err
		}
		if failed && m.tag != tagReset && m.tag != tagGoodbye {
			if err := writeMessage(bw, tagIgnored); err != nil {
				return err
			}
			continue
		}
		switch m.tag {
		case tagHello:
			err = writeMessage(bw, tagSuccess, map[string]any{"server": "Neo4j/4.4.0", "connection_id": "bolt-test"})
		case tagGoodbye:
			return nil
		case tagReset:
			failed = false
			err = writeMessage(bw, tagSuccess, map[string]any{})
		case tagBegin, tagRollback:
			err = writeMessage(bw, tagSuccess, map[string]any{})
		case tagCommit:
			err = writeMessage(bw, tagSuccess, map[string]any{"bookmark": "test:1"})
		case tagRun:
			q, _ := m.fields[0].(string)
			params, _ := m.fields[1].(map[string]any)
			r.mu.Lock()
			r.calls = append(r.calls, call{q, params})
			r.mu.Unlock()
			var herr error
			fields, rows, herr = r.handle(q, params)
			if herr != nil {
				failed = true
				err = writeMessage(bw, tagFailure, map[string]any{"code": "Neo.ClientError.Statement.SyntaxError", "message": herr.Error()})
				break
			}
			fs := make([]any, len(fields))
			for i, f := range fields {
				fs[i] = f
			}
			err = writeMessage(bw, tagSuccess, map[string]any{"fields": fs, "t_first": int64(0), "qid": int64(0)})
		case tagPull:
			for _, row := range rows {
				if err = writeMessage(bw, tagRecord, row); err != nil {
					return err
				}
			}
			rows = nil
			err = writeMessage(bw, tagSuccess, map[string]any{"type": "r", "t_last": int64(0), "db": "neo4j"})
		case tagDiscard:
			rows = nil
			err = writeMessage(bw, tagSuccess, map[string]any{"type": "r", "db": "neo4j"})
		case tagRoute:
			err = writeMessage(bw, tagFailure, map[string]any{"code": "Neo.ClientError.Request.Invalid", "message": "no routing here"})
			failed = true
		default:
			return fmt.Errorf("unexpected message %#x %v", m.tag, m.fields)
		}
		if err != nil {
			return err
		}
	}
}
