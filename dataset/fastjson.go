package dataset

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/linkscope/linkscope/graph"
)

// This file is the fast path of the JSON loader: a scanner written for
// linkscope/1 that decodes the document in one pass over the bytes,
// checking as it goes everything the careful path checks before building
// (UTF-8, nesting, syntax, repeated member names, names that differ from
// the format's only in case). It accepts only documents where it is sure
// to produce exactly what go-json would: at the first thing it does not
// handle (a syntax error, a value of another type than the format's, a
// null where a string belongs, an escaped member name, a repeated or
// miscased name, a number out of range, a lone surrogate, ...) it gives
// up, and the careful path (go-json and the checks of syntax.go and
// shape.go) decodes the file from the start and reports every problem in
// place. So errors and their positions never depend on this file; only
// the time of a load does.
//
// What makes it fast: strings are copied into large shared blocks instead
// of one allocation each, type names and property names are interned as
// they are read, aliases share blocks of slices, the two ends of a
// relation are not copied at all (their offsets are kept and the builder
// looks them up in the id map from the bytes), and the "edges" array is
// decoded on another core while the "nodes" array is decoded on this one.

// fastMinParallel is the size above which the edges are decoded on a
// goroutine of their own.
var fastMinParallel = 1 << 20

// span is the offsets of a string's contents in the input; lo is 0 when
// there is none (a string's contents never start at offset 0).
type span struct{ lo, hi uint32 }

// fastDecode decodes data, a whole linkscope/1 document, into a document,
// or returns ok false when the careful path must decode it instead.
func fastDecode(data []byte) (doc *document, ok bool) {
	return fastDecodeMode(data, false, nil)
}

// fastDecodeDirect is fastDecode that decodes the relations straight into
// the model's records (document.direct, see directEdge), for files whose
// relations all have plain ends and no "untyped" member: it gives up on
// any other (fastDecode may still decode it).
func fastDecodeDirect(data []byte) (doc *document, ok bool) {
	return fastDecodeMode(data, true, nil)
}

// rel, when not nil, is the mapping that data is: the scanners give back
// its pages as they pass them (see readJSONMapped).
func fastDecodeMode(data []byte, direct bool, rel *fileMap) (doc *document, ok bool) {
	limit := 1<<32 - 1 // offsets are uint32 (span)
	if direct {
		limit = 1<<31 - 1 // int32 (directEdge)
	}
	if len(data) == 0 || len(data) >= limit {
		return nil, false
	}
	doc = &document{}
	s := newFastScanner(data)
	s.direct, s.rel = direct, rel
	if len(data) >= fastMinParallel {
		if direct {
			s.dspec = startSpeculation(data, (*fastScanner).directEdge, rel)
			defer s.dspec.stop()
		} else {
			s.spec = startSpeculation(data, (*fastScanner).edge, rel)
			defer s.spec.stop()
		}
	}
	if !s.document(doc) {
		return nil, false
	}
	doc.fast, doc.parallel = true, s.took
	return doc, true
}

// speculation decodes the relations from an offset that probably is the
// start of one in the document's "edges" array, found by a search of the
// bytes, to the end of the array, while the document's scanner decodes
// what comes before (the entities and the first relations). That scanner
// uses the result only if it finds a relation starting at exactly that
// offset: decoding from one offset gives one result, so the guess cannot
// change what is decoded.
//
// The relations of both are decoded into one array: the speculation's
// from an index that counts the relations before the offset (the
// "target" members there), the document's scanner's up to it. When the
// count was right the array is whole without a copy.
type speculation[E any] struct {
	ready  chan struct{} // closed once at, front and full are set
	at     int           // 0: no speculation
	abort  atomic.Bool
	done   sync.WaitGroup
	front  []E // for the relations before at: full[:0:before]
	full   []E
	before int
	edges  []E // the relations from at on
	end    int
	ok     bool
}

// startSpeculation looks for the "edges" array and a relation near the
// middle of data (on the other core too: the search reads much of the
// file) and decodes from there.
func startSpeculation[E any](data []byte, one func(*fastScanner, *E) bool, rel *fileMap) *speculation[E] {
	sp := &speculation[E]{ready: make(chan struct{})}
	sp.done.Add(1)
	go func() {
		defer sp.done.Done()
		ready := false
		debug.SetPanicOnFault(true)
		defer catchFault(func() {
			sp.ok = false
			if !ready {
				close(sp.ready)
			}
		})
		edges := findEdgesArray(data)
		if edges == 0 {
			ready = true
			close(sp.ready)
			return
		}
		at := skipWS(data, edges+1) // the first relation
		if len(data)/2 > edges {
			at = recordStart(data, len(data)/2)
		}
		if at == 0 || at >= len(data) || data[at] != '{' {
			ready = true
			close(sp.ready)
			return
		}
		before := bytes.Count(data[edges:at], []byte(`"target"`))
		_, after := estimateRecords(data[at:])
		sp.full = make([]E, 0, before+after)
		sp.at, sp.front, sp.before = at, sp.full[:0:before], before
		ready = true
		close(sp.ready)
		s := newFastScanner(data)
		s.abort = &sp.abort
		s.i, s.rel, s.released = at, rel, at
		s.depth = 2 // inside the document's object and the array
		sp.edges = sp.full[before:before]
		sp.ok = edgeRecords(s, nil, &sp.edges, false, one)
		sp.end = s.i
	}()
	return sp
}

// join appends the speculation's relations to front, the relations
// before its offset.
func (sp *speculation[E]) join(front []E) []E {
	n := len(front)
	inPlace := cap(sp.edges) == cap(sp.full)-sp.before // not grown
	if n == sp.before && inPlace && (n == 0 || &front[0] == &sp.full[:1][0]) {
		return sp.full[:n+len(sp.edges)]
	}
	return append(front, sp.edges...)
}

func (sp *speculation[E]) stop() {
	sp.abort.Store(true)
	sp.done.Wait()
}

// findEdgesArray returns the offset of the '[' after the last
// `"edges": [` of data that follows a ',' or a '{', or 0. (The last: the
// document's member usually ends the file, and entities' properties may
// hold "edges" members too. Searched forwards: bytes.LastIndex is many
// times slower than bytes.Index.)
func findEdgesArray(data []byte) int {
	last := 0
	for from := 0; ; {
		k := bytes.Index(data[from:], []byte(`"edges"`))
		if k < 0 {
			return last
		}
		k += from
		from = k + 7
		j := skipWS(data, k+7)
		if j >= len(data) || data[j] != ':' {
			continue
		}
		j = skipWS(data, j+1)
		if j >= len(data) || data[j] != '[' {
			continue
		}
		p := k - 1
		for p >= 0 && isSpace(data[p]) {
			p--
		}
		if p >= 0 && (data[p] == ',' || data[p] == '{') {
			last = j
		}
	}
}

// recordStart returns the offset of the first '{' at or after from that
// probably starts a record of an array of records, or 0: one that follows
// a '}' and a ',' and begins with a member name, with a line break before
// it or "id" as its first name (citations and properties are objects in
// arrays too, but seldom one a line, and seldom with an "id").
func recordStart(data []byte, from int) int {
	for limit := min(len(data), from+1<<20); from < limit; {
		k := bytes.IndexByte(data[from:limit], '{')
		if k < 0 {
			return 0
		}
		k += from
		from = k + 1
		n := skipWS(data, k+1)
		if n >= len(data) || data[n] != '"' {
			continue
		}
		p := k - 1
		newline := false
		for p >= 0 && isSpace(data[p]) {
			newline = newline || data[p] == '\n'
			p--
		}
		if p < 0 || data[p] != ',' {
			continue
		}
		for p--; p >= 0 && isSpace(data[p]); p-- {
		}
		if p < 0 || data[p] != '}' {
			continue
		}
		if newline || bytes.HasPrefix(data[n:], []byte(`"id"`)) {
			return k
		}
	}
	return 0
}

func skipWS(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// estimateRecords estimates the numbers of entities and relations in data
// (countRecords, within the caps of presize).
func estimateRecords(data []byte) (nodes, edges int) {
	e, n := countRecords(data)
	return min(max(n, 0), len(data)/21), min(e, len(data)/38)
}

// fastScanner is the state of one decoding goroutine.
type fastScanner struct {
	data  []byte
	i     int
	depth int
	spec  *speculation[fileEdge]
	dspec *speculation[graph.Edge] // for direct
	took  bool                     // the speculation's result was used
	// direct decodes the relations into document.direct (the model's
	// records: see directEdge).
	direct bool
	abort  *atomic.Bool
	// rel is the mapping that data is, or nil; released is where the
	// pages it has given back end (see dropBehind).
	rel      *fileMap
	released int

	strs    strArena
	tmpStrs strArena
	names   map[string]string // interned type and property names
	recent  [64]string        // a cache of names (intern)
	aliases []string          // the block that alias lists are cut from
	tmp     []string
	propBlk []graph.Prop // the block that the model's properties are cut from
	tmpKV   []graph.Prop
	propHdr [][]graph.Prop // the block their slice headers are cut from
	// boxes holds short string values already boxed as properties hold
	// them (country and currency codes): one box for all their uses.
	boxes map[string]any
}

// smallInts are the boxes of the integers 0..4095 as float64 values
// (years, counts), shared by every property that holds one.
var smallInts = func() (t [4096]any) {
	for i := range t {
		t[i] = float64(i)
	}
	return t
}()

// maxBoxes bounds the short strings whose boxes are shared.
const maxBoxes = 4096

// stringValue decodes a string value as str does, sharing the box of a
// short one without escapes.
func (s *fastScanner) stringValue() (any, bool) {
	lo, hi, esc, ok := s.rawString()
	if !ok {
		return nil, false
	}
	if esc {
		var buf [64]byte
		out, ok := unescape(s.data[lo:hi], buf[:0])
		if !ok {
			return nil, false
		}
		return s.strs.add(out), true
	}
	if hi-lo > 4 {
		return s.strs.add(s.data[lo:hi]), true
	}
	if v, ok := s.boxes[string(s.data[lo:hi])]; ok {
		return v, true
	}
	str := s.strs.add(s.data[lo:hi])
	var v any = str
	if s.boxes == nil {
		s.boxes = make(map[string]any, 64)
	}
	if len(s.boxes) < maxBoxes {
		s.boxes[str] = v
	}
	return v, true
}

// dropBehind gives back the pages of a mapped input that the scanner has
// passed, every releaseStep bytes.
func (s *fastScanner) dropBehind() {
	if s.rel != nil && s.i-s.released >= releaseStep {
		s.rel.release(s.data[s.released:s.i])
		s.released = s.i
	}
}

func newFastScanner(data []byte) *fastScanner {
	return &fastScanner{data: data, names: make(map[string]string, 64)}
}

// strArena copies strings into large blocks: one allocation for many
// strings. A block is a strings.Builder that is only ever appended to, so
// the strings cut from it never change.
type strArena struct {
	b strings.Builder
}

const arenaBlock = 128 << 10

func (a *strArena) add(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	if len(p) > arenaBlock/8 {
		return string(p)
	}
	if a.b.Cap()-a.b.Len() < len(p) {
		a.b = strings.Builder{}
		a.b.Grow(arenaBlock)
	}
	start := a.b.Len()
	a.b.Write(p)
	return a.b.String()[start:]
}

// intern returns the interned copy of name; past 4096 names, a plain copy.
// A small cache by length and first and last bytes answers the repeats of
// the few type names of a file without a map look-up.
func (s *fastScanner) intern(p []byte) string {
	var slot *string
	if n := len(p); n > 0 {
		slot = &s.recent[(n*7+int(p[0])*3+int(p[n-1]))&(len(s.recent)-1)]
		if *slot == string(p) {
			return *slot
		}
	}
	if v, ok := s.names[string(p)]; ok {
		if slot != nil {
			*slot = v
		}
		return v
	}
	v := string(p)
	if len(s.names) < 4096 {
		s.names[v] = v
	}
	return v
}

func (s *fastScanner) ws() {
	d := s.data
	i := s.i
	for i < len(d) && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t') {
		i++
	}
	s.i = i
}

// peek returns the next byte after white space, or 0 at the end.
func (s *fastScanner) peek() byte {
	s.ws()
	if s.i >= len(s.data) {
		return 0
	}
	return s.data[s.i]
}

// eat consumes c after white space.
func (s *fastScanner) eat(c byte) bool {
	if s.peek() != c {
		return false
	}
	s.i++
	return true
}

// strClass marks the bytes a string scan stops at: the quote, the
// backslash, control characters and the first byte of non-ASCII UTF-8.
var strClass = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// rawString scans the string at s.i (after white space) and returns the
// span of its contents and whether it has escapes.
func (s *fastScanner) rawString() (lo, hi int, esc, ok bool) {
	if s.peek() != '"' {
		return 0, 0, false, false
	}
	d := s.data
	i := s.i + 1
	lo = i
	for {
		i = plainRun(d, i)
		if i >= len(d) {
			return 0, 0, false, false
		}
		switch c := d[i]; {
		case c == '"':
			s.i = i + 1
			return lo, i, esc, true
		case c == '\\':
			esc = true
			if i+1 >= len(d) {
				return 0, 0, false, false
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(d) || !isHex4(d[i+2:i+6]) {
					return 0, 0, false, false
				}
				i += 6
			default:
				return 0, 0, false, false
			}
		case c < 0x20:
			return 0, 0, false, false
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size <= 1 {
				return 0, 0, false, false
			}
			i += size
		}
	}
}

// plainRun returns the offset of the first byte at or after i that a
// string scan stops at (strClass), or len(d): eight bytes at a time
// (SWAR), then one at a time for the last few.
func plainRun(d []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(d); i += 8 {
		w := binary.LittleEndian.Uint64(d[i:])
		q := w ^ (ones * '"')
		b := w ^ (ones * '\\')
		// A byte's high bit is set in m where the byte is a quote or a
		// backslash (a zero byte of q or b), below 0x20, or non-ASCII; a
		// borrow may set bits above the first such byte, never below it.
		m := ((q - ones) &^ q) | ((b - ones) &^ b) | (w - ones*0x20) | w
		if m &= highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(d) && !strClass[d[i]] {
		i++
	}
	return i
}

func isHex4(p []byte) bool {
	for _, c := range p {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func hex4(p []byte) rune {
	var r rune
	for _, c := range p {
		switch {
		case c <= '9':
			r = r<<4 | rune(c-'0')
		case c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			r = r<<4 | rune(c-'a'+10)
		}
	}
	return r
}

// unescape decodes the contents of a string with escapes (already checked
// by rawString); ok is false for a \u escape of a lone surrogate, which
// the decoders replace by U+FFFD (the careful path decides then).
func unescape(p []byte, out []byte) ([]byte, bool) {
	for i := 0; i < len(p); {
		c := p[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch p[i+1] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(p[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if r >= 0xDC00 || i+6 > len(p) || p[i] != '\\' || p[i+1] != 'u' {
					return nil, false
				}
				r2 := hex4(p[i+2 : i+6])
				if r2 < 0xDC00 || r2 > 0xDFFF {
					return nil, false
				}
				r = utf16.DecodeRune(r, r2)
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default: // '"', '\\', '/'
			out = append(out, p[i+1])
		}
		i += 2
	}
	return out, true
}

// str decodes a string into the arena.
func (s *fastScanner) str() (string, bool) {
	lo, hi, esc, ok := s.rawString()
	if !ok {
		return "", false
	}
	if !esc {
		return s.strs.add(s.data[lo:hi]), true
	}
	var buf [64]byte
	out, ok := unescape(s.data[lo:hi], buf[:0])
	if !ok {
		return "", false
	}
	return s.strs.add(out), true
}

// transient decodes a string that the graph does not keep (a date) into
// blocks of its own, garbage once the load is done.
func (s *fastScanner) transient() (string, bool) {
	lo, hi, esc, ok := s.rawString()
	if !ok {
		return "", false
	}
	if !esc {
		return s.tmpStrs.add(s.data[lo:hi]), true
	}
	var buf [64]byte
	out, ok := unescape(s.data[lo:hi], buf[:0])
	if !ok {
		return "", false
	}
	return s.tmpStrs.add(out), true
}

// name decodes a string that is a type or property name (interned).
func (s *fastScanner) name() (string, bool) {
	lo, hi, esc, ok := s.rawString()
	if !ok {
		return "", false
	}
	if !esc {
		return s.intern(s.data[lo:hi]), true
	}
	var buf [64]byte
	out, ok := unescape(s.data[lo:hi], buf[:0])
	if !ok {
		return "", false
	}
	return s.intern(out), true
}

// key scans a member name of an object whose names the format defines and
// its colon. It refuses escaped names (the careful path compares names
// after decoding them).
func (s *fastScanner) key() ([]byte, bool) {
	lo, hi, esc, ok := s.rawString()
	if !ok || esc || !s.eat(':') {
		return nil, false
	}
	return s.data[lo:hi], true
}

// member starts the next member of an object: after '{' or a member,
// returns more false at the closing '}'.
func (s *fastScanner) next(first bool) (more, ok bool) {
	c := s.peek()
	if c == '}' {
		s.i++
		return false, true
	}
	if !first {
		if c != ',' {
			return false, false
		}
		s.i++
		c = s.peek()
	}
	return c == '"', c == '"'
}

// nextElem is next for arrays.
func (s *fastScanner) nextElem(first bool) (more, ok bool) {
	c := s.peek()
	if c == ']' {
		s.i++
		return false, true
	}
	if !first {
		if c != ',' {
			return false, false
		}
		s.i++
		if s.peek() == ']' { // a trailing comma
			return false, false
		}
	}
	return true, true
}

// open enters an object or array.
func (s *fastScanner) open(c byte) bool {
	if !s.eat(c) {
		return false
	}
	s.depth++
	return s.depth <= MaxDepth
}

// unknownKey decides about a member name the format does not define in an
// object whose names it does: a name that differs from one of known only
// in case, or that is not ASCII, is left to the careful path.
func unknownKey(k []byte, known []string) bool {
	for _, c := range k {
		if c >= 0x80 {
			return false
		}
	}
	for _, n := range known {
		if len(n) == len(k) && strings.EqualFold(string(k), n) {
			return false
		}
	}
	return true
}

// seen notes member bit of an object; a repeated one fails.
func seen(mask *uint32, bit uint32) bool {
	if *mask&bit != 0 {
		return false
	}
	*mask |= bit
	return true
}

// others holds the names of the members of an object that the format
// does not define, to find repeats among them.
type others struct{ names [][]byte }

func (o *others) add(k []byte) bool {
	if len(o.names) >= 32 { // many: the careful path keeps a map
		return false
	}
	for _, n := range o.names {
		if bytes.Equal(n, k) {
			return false
		}
	}
	o.names = append(o.names, k)
	return true
}

var fileKeys = []string{"format", "title", "description", "sources", "nodes", "edges"}

// types decodes the "types" member: {"TYPE": {"label": {"LANG": "text"}}};
// any other shape gives up (the careful path reports it where it is).
func (s *fastScanner) types(doc *document) bool {
	v, ok := s.value()
	if !ok {
		return false
	}
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	out := make(map[string]fileType, len(m))
	for typ, tv := range m {
		tm, ok := tv.(map[string]any)
		if !ok {
			return false
		}
		var ft fileType
		for k, lv := range tm {
			if k != "label" {
				return false
			}
			lm, ok := lv.(map[string]any)
			if !ok {
				return false
			}
			ft.Label = make(map[string]string, len(lm))
			for lang, text := range lm {
				t, ok := text.(string)
				if !ok {
					return false
				}
				ft.Label[lang] = t
			}
		}
		out[typ] = ft
	}
	doc.Types = out
	return true
}

// document decodes the whole input.
func (s *fastScanner) document(doc *document) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "format":
			ok = seen(&mask, 1)
			if ok {
				doc.Format, ok = s.str()
			}
		case "title":
			ok = seen(&mask, 2)
			if ok {
				doc.Title, ok = s.str()
			}
		case "description":
			ok = seen(&mask, 4)
			if ok {
				doc.Description, ok = s.str()
			}
		case "sources":
			ok = seen(&mask, 8) && s.sourceList(&doc.Sources)
		case "nodes":
			ok = seen(&mask, 16)
			if ok {
				n, _ := estimateRecords(s.data[s.i:])
				if s.direct {
					doc.directNodes = make([]graph.Node, 0, n)
					ok = s.directNodeList(&doc.directNodes)
				} else {
					doc.Nodes = make([]fileNode, 0, n)
					ok = s.nodeList(&doc.Nodes)
				}
			}
		case "edges":
			ok = seen(&mask, 32)
			if ok && s.direct {
				ok = s.directEdges(doc)
			} else if ok {
				ok = s.edges(doc)
			}
		case "types":
			ok = seen(&mask, 64) && s.types(doc)
		default:
			ok = unknownKey(k, fileKeys) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	s.ws()
	return s.i == len(s.data)
}

// edges decodes the "edges" array (into the speculation's array when
// there is one).
func (s *fastScanner) edges(doc *document) bool {
	if sp := s.spec; sp != nil {
		<-sp.ready
		if sp.at == 0 {
			s.spec = nil
		}
	}
	if sp := s.spec; sp != nil && sp.front != nil {
		doc.Edges, sp.front = sp.front, nil
	} else {
		_, n := estimateRecords(s.data[s.i:])
		doc.Edges = make([]fileEdge, 0, n)
	}
	return s.edgeList(&doc.Edges)
}

var sourceKeys = []string{"id", "title", "publisher", "published", "language", "url", "file", "note"}

func (s *fastScanner) sourceList(out *[]fileSource) bool {
	if !s.open('[') {
		return false
	}
	*out = []fileSource{}
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		var src fileSource
		if !s.open('{') {
			return false
		}
		var mask uint32
		var other others
		for f := true; ; f = false {
			more, ok := s.next(f)
			if !ok {
				return false
			}
			if !more {
				break
			}
			k, ok := s.key()
			if !ok {
				return false
			}
			var dst *string
			switch string(k) {
			case "id":
				dst, ok = &src.ID, seen(&mask, 1)
			case "title":
				dst, ok = &src.Title, seen(&mask, 2)
			case "publisher":
				dst, ok = &src.Publisher, seen(&mask, 4)
			case "published":
				dst, ok = &src.Published, seen(&mask, 8)
			case "language":
				dst, ok = &src.Language, seen(&mask, 16)
			case "url":
				dst, ok = &src.URL, seen(&mask, 32)
			case "file":
				dst, ok = &src.File, seen(&mask, 64)
			case "note":
				dst, ok = &src.Note, seen(&mask, 128)
			default:
				ok = unknownKey(k, sourceKeys) && other.add(k) && s.skip()
			}
			if ok && dst != nil {
				*dst, ok = s.str()
			}
			if !ok {
				return false
			}
		}
		s.depth--
		*out = append(*out, src)
	}
	s.depth--
	return true
}

var nodeKeys = []string{"id", "type", "label", "aliases", "props", "sources"}

func (s *fastScanner) nodeList(out *[]fileNode) bool {
	if !s.open('[') {
		return false
	}
	if *out == nil {
		*out = []fileNode{}
	}
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		*out = append(*out, fileNode{})
		if !s.node(&(*out)[len(*out)-1]) {
			return false
		}
	}
	s.depth--
	return true
}

func (s *fastScanner) node(n *fileNode) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "id":
			ok = seen(&mask, 1)
			if ok {
				n.ID, ok = s.str()
			}
		case "type":
			ok = seen(&mask, 2)
			if ok {
				n.Type, ok = s.name()
			}
		case "label":
			ok = seen(&mask, 4)
			if ok {
				n.Label, ok = s.str()
			}
		case "aliases":
			ok = seen(&mask, 8)
			if ok {
				n.Aliases, ok = s.stringList()
			}
		case "props":
			ok = seen(&mask, 16)
			if ok {
				n.Props, ok = s.props()
			}
		case "sources":
			ok = seen(&mask, 32)
			if ok {
				n.Sources, ok = s.citations()
			}
		default:
			ok = unknownKey(k, nodeKeys) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	return true
}

// directNodeList is nodeList into the model's records (direct).
func (s *fastScanner) directNodeList(out *[]graph.Node) bool {
	if !s.open('[') {
		return false
	}
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		*out = append(*out, graph.Node{})
		if !s.directNode(&(*out)[len(*out)-1]) {
			return false
		}
		s.dropBehind()
	}
	s.depth--
	return true
}

// directNode is node into the model's record; the builder checks it.
func (s *fastScanner) directNode(n *graph.Node) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "id":
			ok = seen(&mask, 1)
			if ok {
				n.ID, ok = s.str()
			}
		case "type":
			ok = seen(&mask, 2)
			if ok {
				n.Type, ok = s.name()
			}
		case "label":
			ok = seen(&mask, 4)
			if ok {
				n.Label, ok = s.str()
			}
		case "aliases":
			ok = seen(&mask, 8)
			if ok {
				n.Aliases, ok = s.stringList()
			}
		case "props":
			ok = seen(&mask, 16)
			if ok {
				n.Props, ok = s.modelProps()
			}
		case "sources":
			ok = seen(&mask, 32)
			if ok {
				n.Sources, ok = s.modelCitations()
			}
		default:
			ok = unknownKey(k, nodeKeys) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	return true
}

var edgeKeys = []string{"id", "source", "target", "type", "date", "props", "sources", "undirected", "untyped"}

func (s *fastScanner) edgeList(out *[]fileEdge) bool {
	if !s.open('[') {
		return false
	}
	if *out == nil {
		*out = []fileEdge{}
	}
	return edgeRecords(s, s.spec, out, true, (*fastScanner).edge)
}

// directEdges is edges for direct.
func (s *fastScanner) directEdges(doc *document) bool {
	if sp := s.dspec; sp != nil {
		<-sp.ready
		if sp.at == 0 {
			s.dspec = nil
		}
	}
	if sp := s.dspec; sp != nil && sp.front != nil {
		doc.direct, sp.front = sp.front, nil
	} else {
		_, n := estimateRecords(s.data[s.i:])
		doc.direct = make([]graph.Edge, 0, n)
	}
	if !s.open('[') {
		return false
	}
	return edgeRecords(s, s.dspec, &doc.direct, true, (*fastScanner).directEdge)
}

// edgeRecords decodes with one the relations of an array up to its
// closing ']', from its first (first true) or from one after a comma.
// Where the speculation sp started, it takes the speculation's result.
func edgeRecords[E any](s *fastScanner, sp *speculation[E], out *[]E, first bool, one func(*fastScanner, *E) bool) bool {
	var zero E
	if !first {
		*out = append(*out, zero)
		if !one(s, &(*out)[len(*out)-1]) {
			return false
		}
	}
	for ; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		if sp != nil && s.i == sp.at {
			sp.done.Wait()
			if !sp.ok {
				return false
			}
			*out = sp.join(*out)
			sp.edges, sp.full = nil, nil
			s.i, s.took = sp.end, true
			s.depth--
			return true
		}
		if s.abort != nil && len(*out)&1023 == 0 && s.abort.Load() {
			return false
		}
		*out = append(*out, zero)
		if !one(s, &(*out)[len(*out)-1]) {
			return false
		}
		s.dropBehind()
	}
	s.depth--
	return true
}

// end scans a relation end: its offsets, or for a string with escapes the
// decoded id.
func (s *fastScanner) end(id *string, at *span) bool {
	lo, hi, esc, ok := s.rawString()
	if !ok {
		return false
	}
	if esc {
		var buf [64]byte
		out, ok := unescape(s.data[lo:hi], buf[:0])
		if !ok {
			return false
		}
		*id = string(out)
		return true
	}
	*at = span{uint32(lo), uint32(hi)}
	return true
}

func (s *fastScanner) edge(e *fileEdge) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "id":
			ok = seen(&mask, 1)
			if ok {
				e.ID, ok = s.str()
			}
		case "source":
			ok = seen(&mask, 2) && s.end(&e.Source, &e.sourceAt)
		case "target":
			ok = seen(&mask, 4) && s.end(&e.Target, &e.targetAt)
		case "type":
			ok = seen(&mask, 8)
			if ok {
				e.Type, ok = s.name()
			}
		case "date":
			ok = seen(&mask, 16)
			if ok {
				e.Date, ok = s.transient()
			}
		case "props":
			ok = seen(&mask, 32)
			if ok {
				e.Props, ok = s.props()
			}
		case "sources":
			ok = seen(&mask, 64)
			if ok {
				e.Sources, ok = s.citations()
			}
		case "undirected":
			ok = seen(&mask, 128)
			if ok {
				e.Undirected, ok = s.boolean()
			}
		case "untyped":
			ok = seen(&mask, 256)
			if ok {
				e.Untyped, ok = s.boolean()
			}
		default:
			ok = unknownKey(k, edgeKeys) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	return true
}

// directEdge decodes a relation into the model's record, with what the
// builder still has to resolve and check in fields that it then sets:
// From and To are the offsets of the contents of "source" and "target"
// (0: absent), Note is the text of "date". It gives up on an end with
// escapes and an "untyped" member.
func (s *fastScanner) directEdge(e *graph.Edge) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "id":
			ok = seen(&mask, 1)
			if ok {
				e.ID, ok = s.str()
			}
		case "source":
			ok = seen(&mask, 2) && s.plainEnd(&e.From)
		case "target":
			ok = seen(&mask, 4) && s.plainEnd(&e.To)
		case "type":
			ok = seen(&mask, 8)
			if ok {
				e.Type, ok = s.name()
			}
		case "date":
			ok = seen(&mask, 16)
			if ok {
				e.Note, ok = s.transient()
			}
		case "props":
			ok = seen(&mask, 32)
			if ok {
				e.Props, ok = s.modelProps()
			}
		case "sources":
			ok = seen(&mask, 64)
			if ok {
				e.Sources, ok = s.modelCitations()
			}
		case "undirected":
			ok = seen(&mask, 128)
			if ok {
				e.Undirected, ok = s.boolean()
			}
		default:
			ok = unknownKey(k, edgeKeys) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	return true
}

// plainEnd scans a relation end without escapes: the offset of its
// contents.
func (s *fastScanner) plainEnd(at *int32) bool {
	lo, _, esc, ok := s.rawString()
	if !ok || esc {
		return false
	}
	*at = int32(lo)
	return true
}

func (s *fastScanner) boolean() (bool, bool) {
	s.ws()
	d := s.data[s.i:]
	switch {
	case bytes.HasPrefix(d, []byte("true")):
		s.i += 4
		return true, true
	case bytes.HasPrefix(d, []byte("false")):
		s.i += 5
		return false, true
	}
	return false, false
}

// stringList decodes an array of strings (aliases), cut from a shared
// block.
func (s *fastScanner) stringList() ([]string, bool) {
	if !s.open('[') {
		return nil, false
	}
	s.tmp = s.tmp[:0]
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
		v, ok := s.str()
		if !ok {
			return nil, false
		}
		s.tmp = append(s.tmp, v)
	}
	s.depth--
	n := len(s.tmp)
	if n > 64 {
		return append([]string(nil), s.tmp...), true
	}
	if s.aliases == nil || cap(s.aliases)-len(s.aliases) < n {
		s.aliases = make([]string, 0, 4096)
	}
	k := len(s.aliases)
	s.aliases = append(s.aliases, s.tmp...)
	return s.aliases[k : k+n : k+n], true
}

var citationKeys3 = []string{"source", "quote", "gloss"}

// citations decodes a "sources" array of an entity or relation.
func (s *fastScanner) citations() ([]citation, bool) {
	if !s.open('[') {
		return nil, false
	}
	out := []citation{}
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
		var c citation
		switch s.peek() {
		case '"':
			c.Source, ok = s.name()
		case '{':
			ok = s.citationObject(&c)
		default:
			ok = false
		}
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	s.depth--
	return out, true
}

// modelCitations is citations into the model's records.
func (s *fastScanner) modelCitations() ([]graph.Citation, bool) {
	if !s.open('[') {
		return nil, false
	}
	out := []graph.Citation{}
	for first := true; ; first = false {
		more, ok := s.nextElem(first)
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
		var c graph.Citation
		switch s.peek() {
		case '"':
			c.Source, ok = s.name()
		case '{':
			ok = s.citationObject((*citation)(&c))
		default:
			ok = false
		}
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	s.depth--
	return out, true
}

func (s *fastScanner) citationObject(c *citation) bool {
	if !s.open('{') {
		return false
	}
	var mask uint32
	var other others
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return false
		}
		if !more {
			break
		}
		k, ok := s.key()
		if !ok {
			return false
		}
		switch string(k) {
		case "source":
			ok = seen(&mask, 1)
			if ok {
				c.Source, ok = s.name()
			}
		case "quote":
			ok = seen(&mask, 2)
			if ok {
				c.Quote, ok = s.str()
			}
		case "gloss":
			ok = seen(&mask, 4)
			if ok {
				c.Gloss, ok = s.str()
			}
		default:
			ok = unknownKey(k, citationKeys3) && other.add(k) && s.skip()
		}
		if !ok {
			return false
		}
	}
	s.depth--
	return true
}

// props decodes an object of properties.
func (s *fastScanner) props() (map[string]any, bool) {
	if s.peek() != '{' {
		return nil, false
	}
	v, ok := s.value()
	if !ok {
		return nil, false
	}
	return v.(map[string]any), true
}

// modelProps decodes an object of properties into the model's form:
// pairs sorted by name, cut from a shared block (one allocation for many
// entities). A repeated name is a problem (as in props).
func (s *fastScanner) modelProps() (graph.Props, bool) {
	if s.peek() != '{' || !s.open('{') {
		return graph.Props{}, false
	}
	kv := s.tmpKV[:0]
	for first := true; ; first = false {
		more, ok := s.next(first)
		if !ok {
			return graph.Props{}, false
		}
		if !more {
			break
		}
		k, ok := s.name()
		if !ok || !s.eat(':') {
			return graph.Props{}, false
		}
		v, ok := s.value()
		if !ok {
			return graph.Props{}, false
		}
		// Insertion in name order: property lists are short.
		j := len(kv)
		kv = append(kv, graph.Prop{})
		for j > 0 && kv[j-1].Key > k {
			kv[j] = kv[j-1]
			j--
		}
		if j > 0 && kv[j-1].Key == k {
			return graph.Props{}, false
		}
		kv[j] = graph.Prop{Key: k, Value: v}
	}
	s.depth--
	s.tmpKV = kv
	n := len(kv)
	if n == 0 {
		return graph.Props{}, true
	}
	var out []graph.Prop
	if n > 32 {
		out = append([]graph.Prop(nil), kv...)
	} else {
		if cap(s.propBlk)-len(s.propBlk) < n {
			s.propBlk = make([]graph.Prop, 0, 2048)
		}
		k := len(s.propBlk)
		s.propBlk = append(s.propBlk, kv...)
		out = s.propBlk[k : k+n : k+n]
	}
	clear(kv)
	return graph.PropsInBlock(out, &s.propHdr, 1024), true
}

// skip decodes a value the format does not define and drops it (it is
// still checked like the rest).
func (s *fastScanner) skip() bool {
	_, ok := s.value()
	return ok
}

// value decodes any JSON value as go-json decodes it into an interface:
// string, float64, bool, nil, []any, map[string]any.
func (s *fastScanner) value() (any, bool) {
	switch c := s.peek(); {
	case c == '"':
		return s.stringValue()
	case c == '{':
		if !s.open('{') {
			return nil, false
		}
		m := map[string]any{}
		for first := true; ; first = false {
			more, ok := s.next(first)
			if !ok {
				return nil, false
			}
			if !more {
				break
			}
			k, ok := s.name()
			if !ok || !s.eat(':') {
				return nil, false
			}
			v, ok := s.value()
			if !ok {
				return nil, false
			}
			n := len(m)
			m[k] = v
			if len(m) == n { // a repeated name
				return nil, false
			}
		}
		s.depth--
		return m, true
	case c == '[':
		if !s.open('[') {
			return nil, false
		}
		a := []any{}
		for first := true; ; first = false {
			more, ok := s.nextElem(first)
			if !ok {
				return nil, false
			}
			if !more {
				break
			}
			v, ok := s.value()
			if !ok {
				return nil, false
			}
			a = append(a, v)
		}
		s.depth--
		return a, true
	case c == 't' || c == 'f':
		return s.boolean()
	case c == 'n':
		if bytes.HasPrefix(s.data[s.i:], []byte("null")) {
			s.i += 4
			return nil, true
		}
		return nil, false
	case c == '-' || isDigit(c):
		return s.number()
	}
	return nil, false
}

// number decodes a number of strict JSON syntax that is finite as a
// float64.
func (s *fastScanner) number() (any, bool) {
	d := s.data
	lo, i := s.i, s.i
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	default:
		return nil, false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || !isDigit(d[i]) {
			return nil, false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || !isDigit(d[i]) {
			return nil, false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	// A small integer needs no general parse.
	if n := i - lo; n <= 15 && d[lo] != '-' {
		var v int64
		j := lo
		for ; j < i && isDigit(d[j]); j++ {
			v = v*10 + int64(d[j]-'0')
		}
		if j == i {
			s.i = i
			if v < int64(len(smallInts)) {
				return smallInts[v], true
			}
			return float64(v), true
		}
	}
	f, err := strconv.ParseFloat(string(d[lo:i]), 64)
	if err != nil {
		return nil, false
	}
	s.i = i
	return f, true
}
