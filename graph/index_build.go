package graph

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"
	"sync"
)

// NameIndex finds entities by id, label or alias, ignoring case and
// accents, by exact, prefix, word-prefix, substring and typo-tolerant
// (Damerau–Levenshtein) matching.
//
// It gives the results a scan of every name would give (see score), but
// scores only candidates: the distinct folded names (terms) are kept once
// each in one byte arena, in the order of their text, with the sorted
// array of all word starts in it (the terms' starts and the positions
// after a space). A binary search in them finds the exact, prefix and
// word-prefix matches; a walk of the word starts as a trie, computing the
// edit distance one column per byte and dropping a branch once it exceeds
// the budget, finds the typo-tolerant ones (which start at the start of a
// word); substrings inside words come from a trigram index over the
// distinct words (see wordIndex), and only when the better kinds found
// fewer entities than asked for.
type NameIndex struct {
	topo   *Topology // degrees, for ranking ties
	labels []string  // each entity's label, for ranking ties
	core   *nameCore // what depends on the names only
}

// Key kinds and their bonus, in the order an entity lists its names.
const (
	kindLabel uint8 = iota
	kindID
	kindAlias
)

var kindBonus = [...]float64{kindLabel: 0.05, kindID: 0, kindAlias: 0.03}

// nameCore is the part of the index built from the names alone, shared by
// the indexes of later versions whose names did not change.
type nameCore struct {
	nodes int
	// Keys are every name of every entity, in the order the scan scored
	// them (entity by entity: label, id unless it folds like the label,
	// aliases), so that ties between an entity's names go the same way.
	keyNode []int32
	keyKind []uint8
	keyName []string

	// arena holds each distinct folded name (term) once, each followed by
	// a 0 byte (Fold never produces one), then 8 more 0 bytes.
	arena    []byte
	termOff  []int32  // start of term t in arena; termOff[len] = len(arena)-8
	termMask []uint64 // byteMask of each term
	// termKeyOff[t]:termKeyOff[t+1] indexes termKeys, term t's keys in
	// increasing order.
	termKeyOff []int32
	termKeys   []int32

	// starts are the terms' starts sorted by their text: the terms are
	// numbered in that order, so that starts[t] is term t's; words all word
	// starts (the terms' starts and the positions after a space) sorted
	// by the text from there to the term's end, walked as a trie for
	// typos.
	starts  []int32
	words   sortedStarts
	wordsIx wordIndex

	scratch sync.Pool // *searchScratch
}

// Index returns the graph's name index, building it on first use (once:
// a goroutine asking while another builds it waits for that build). The
// names part of the index is kept across changes that leave the names as
// they were (a new relation changes only the degrees that rank ties).
func (g *Graph) Index() *NameIndex {
	t := g.Topology() // before taking the lock, which Topology takes too
	if ix := g.cachedIndex(t); ix != nil {
		return ix
	}
	c := g.cache
	mu, _ := indexBuilds.LoadOrStore(c, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	defer func() {
		indexBuilds.Delete(c)
		mu.(*sync.Mutex).Unlock()
	}()
	if ix := g.cachedIndex(t); ix != nil {
		return ix
	}
	ix := NewNameIndex(g)
	c.mu.Lock()
	c.index, c.indexVer = ix, g.nameVersion
	c.mu.Unlock()
	return ix
}

// IndexBuilt reports whether Index would answer without building.
func (g *Graph) IndexBuilt() bool { return g.cachedIndex(g.Topology()) != nil }

// indexBuilds holds a lock per cache whose index is being built.
var indexBuilds sync.Map // *derived → *sync.Mutex

// cachedIndex returns the cached index for topology t, or nil.
func (g *Graph) cachedIndex(t *Topology) *NameIndex {
	c := g.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	ix := c.index
	if ix == nil || c.indexVer != g.nameVersion {
		return nil
	}
	if ix.topo != t && len(t.Degree) == ix.core.nodes {
		ix = &NameIndex{topo: t, labels: ix.labels, core: ix.core}
		c.index = ix
	}
	if ix.topo != t {
		return nil
	}
	return ix
}

// NewNameIndex indexes the ids, labels and aliases of g's entities. It
// folds the names on all cores.
func NewNameIndex(g *Graph) *NameIndex {
	// The index reads g but never writes it, so that goroutines sharing a
	// snapshot can build one at once; it keeps what it needs.
	labels := make([]string, len(g.nodes))
	for i := range g.nodes {
		labels[i] = g.nodes[i].Label
	}
	return &NameIndex{topo: g.Topology(), labels: labels, core: buildNameCore(g.nodes)}
}

// foldedKeys are the keys of a chunk of entities, in key order: their
// folded names, each followed by a 0 byte, in buf.
type foldedKeys struct {
	buf   []byte
	off   []int32 // key k's folded name is buf[off[k]:off[k+1]-1]
	node  []int32
	kinds []uint8
	names []string
}

// foldNames folds the names of nodes[lo:hi] in key order.
func foldNames(nodes []Node, lo, hi int) *foldedKeys {
	n, nb := 0, 0
	for i := lo; i < hi; i++ {
		n += 2 + len(nodes[i].Aliases)
		nb += len(nodes[i].Label) + len(nodes[i].ID) + 2
		for _, a := range nodes[i].Aliases {
			nb += len(a) + 1
		}
	}
	ch := &foldedKeys{buf: make([]byte, 0, nb+nb/8), off: make([]int32, 1, n+1),
		node: make([]int32, 0, n), kinds: make([]uint8, 0, n), names: make([]string, 0, n)}
	// add folds name as the next key unless it folds to nothing or, for an
	// id, like the label (the key before, from label)
	add := func(i int, name string, kind uint8, label int) int {
		start := len(ch.buf)
		ch.buf = foldAppend(ch.buf, name)
		if len(ch.buf) == start ||
			label >= 0 && string(ch.buf[start:]) == string(ch.buf[label:start-1]) {
			ch.buf = ch.buf[:start]
			return -1
		}
		ch.buf = append(ch.buf, 0)
		ch.off = append(ch.off, int32(len(ch.buf)))
		ch.node = append(ch.node, int32(i))
		ch.kinds = append(ch.kinds, kind)
		ch.names = append(ch.names, name)
		return start
	}
	for i := lo; i < hi; i++ {
		nd := &nodes[i]
		label := add(i, nd.Label, kindLabel, -1)
		if label < 0 {
			// a label folding to nothing: an id folding to nothing too is
			// dropped anyway
			add(i, nd.ID, kindID, -1)
		} else {
			add(i, nd.ID, kindID, label)
		}
		for _, a := range nd.Aliases {
			add(i, a, kindAlias, -1)
		}
	}
	return ch
}

func buildNameCore(nodes []Node) *nameCore {
	c := &nameCore{nodes: len(nodes)}
	// Fold on every core, in chunks of entities.
	parts := min(runtime.GOMAXPROCS(0), max(1, len(nodes)/2048))
	chunks := make([]*foldedKeys, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[p] = foldNames(nodes, p*len(nodes)/parts, (p+1)*len(nodes)/parts)
		}()
	}
	wg.Wait()

	// The keys, and their folded names in one buffer.
	nkeys, nbytes := 0, 0
	for _, ch := range chunks {
		nkeys += len(ch.node)
		nbytes += len(ch.buf)
	}
	c.keyNode = make([]int32, 0, nkeys)
	c.keyKind = make([]uint8, 0, nkeys)
	c.keyName = make([]string, 0, nkeys)
	keyText := make([]byte, 0, nbytes+8)
	keys := make([]startKey, 0, nkeys)
	for p, ch := range chunks {
		base := int32(len(keyText))
		keyText = append(keyText, ch.buf...)
		for k := range ch.node {
			keys = append(keys, startKey{pos: base + ch.off[k], term: int32(len(keys))})
		}
		c.keyNode = append(c.keyNode, ch.node...)
		c.keyKind = append(c.keyKind, ch.kinds...)
		c.keyName = append(c.keyName, ch.names...)
		chunks[p] = nil
	}
	keyText = append(keyText, make([]byte, 8)...)
	for i := range keys {
		keys[i].head = binary.BigEndian.Uint64(keyText[keys[i].pos:])
	}

	// The distinct folded names (terms) in the order of their text: the
	// keys sorted by their folded name, each run of equal ones a term.
	sortRun(keyText, keys, make([]startKey, len(keys)), 0)
	keyTerm := make([]int32, nkeys)
	c.arena = make([]byte, 0, nbytes/2)
	text := func(k startKey) string {
		b := keyText[k.pos:]
		return unsafeString(b[:bytes.IndexByte(b, 0)])
	}
	prev := ""
	for i, k := range keys {
		f := text(k)
		if i == 0 || f != prev {
			c.termOff = append(c.termOff, int32(len(c.arena)))
			c.arena = append(c.arena, f...)
			c.arena = append(c.arena, 0)
			c.termMask = append(c.termMask, byteMask(f))
			prev = f
		}
		keyTerm[k.term] = int32(len(c.termOff) - 1)
	}
	keys, keyText = nil, nil
	nt := len(c.termOff)
	c.termOff = append(c.termOff, int32(len(c.arena)))
	c.arena = append(c.arena, make([]byte, 8)...)
	c.arena = slices.Clip(c.arena)
	c.termOff = slices.Clip(c.termOff)
	c.termMask = slices.Clip(c.termMask)

	// The terms are their starts, sorted; all word starts are sorted on a
	// second core while the keys are grouped by term.
	c.starts = c.termOff[:nt]
	wg.Add(1)
	go func() {
		defer wg.Done()
		var words []startKey
		for t := range nt {
			words = append(words, startKey{binary.BigEndian.Uint64(c.arena[c.termOff[t]:]), c.termOff[t], int32(t)})
			for p := c.termOff[t]; p < c.termOff[t+1]-1; p++ {
				if c.arena[p] == ' ' {
					words = append(words, startKey{binary.BigEndian.Uint64(c.arena[p+1:]), p + 1, int32(t)})
				}
			}
		}
		c.words = c.sortStarts(words)
	}()

	// Each term's keys, by counting.
	c.termKeyOff = make([]int32, nt+1)
	for _, t := range keyTerm {
		c.termKeyOff[t+1]++
	}
	for t := range nt {
		c.termKeyOff[t+1] += c.termKeyOff[t]
	}
	c.termKeys = make([]int32, len(keyTerm))
	fill := slices.Clone(c.termKeyOff[:nt])
	for k, t := range keyTerm {
		c.termKeys[fill[t]] = int32(k)
		fill[t]++
	}
	wg.Wait()
	c.buildWords()
	return c
}

// startKey is an arena position with its first 8 bytes, big-endian (so
// that they compare as the text does), and its term.
type startKey struct {
	head      uint64
	pos, term int32
}

func (c *nameCore) sortStarts(ks []startKey) sortedStarts {
	sortRun(c.arena, ks, make([]startKey, len(ks)), 0)
	st := sortedStarts{pos: make([]int32, len(ks)), term: make([]int32, len(ks))}
	for i, k := range ks {
		st.pos[i], st.term[i] = k.pos, k.term
	}
	return st
}

// sortRun sorts ks, positions in text (whose texts end with a 0 and have
// 8 more bytes after the last), whose texts share their first 8·depth bytes and hold
// the next 8 in their heads, by their texts: a radix sort of the heads,
// then each run of equal heads by the following 8 bytes, unless the run's
// texts ended there (their head holds a 0), when they are equal. buf is
// scratch of ks's length.
func sortRun(text []byte, ks, buf []startKey, depth int32) {
	if len(ks) > 128 {
		radixHeads(ks, buf)
	} else {
		slices.SortFunc(ks, func(a, b startKey) int { return cmp.Compare(a.head, b.head) })
	}
	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ks[j].head == ks[i].head {
			j++
		}
		if j-i > 1 && !hasZero(ks[i].head) {
			// None of these texts ends in the bytes compared so far, and
			// the arena has 8 more bytes after its last term's 0.
			for r := i; r < j; r++ {
				ks[r].head = binary.BigEndian.Uint64(text[ks[r].pos+8*(depth+1):])
			}
			sortRun(text, ks[i:j], buf[i:j], depth+1)
		}
		i = j
	}
}

// radixHeads sorts ks by head, a byte at a time from the lowest (a pass
// is skipped when all share that byte); buf is scratch of ks's length.
func radixHeads(ks, buf []startKey) {
	var count [8][256]int
	for _, k := range ks {
		for d := range 8 {
			count[d][byte(k.head>>(8*d))]++
		}
	}
	src, dst := ks, buf[:len(ks)]
	for d := range 8 {
		cnt := &count[d]
		if cnt[byte(src[0].head>>(8*d))] == len(src) {
			continue
		}
		sum := 0
		for b := range cnt {
			sum, cnt[b] = sum+cnt[b], sum
		}
		for _, k := range src {
			b := byte(k.head >> (8 * d))
			dst[cnt[b]] = k
			cnt[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ks[0] {
		copy(ks, src)
	}
}

// sortedStarts are arena positions sorted by the text from there to the
// end of its term, and the term of each.
type sortedStarts struct {
	pos, term []int32
}

// hasZero reports whether one of x's bytes is 0.
func hasZero(x uint64) bool {
	return (x-0x0101010101010101)&^x&0x8080808080808080 != 0
}

// termAt returns the term whose text holds arena position p.
func (c *nameCore) termAt(p int32) int32 {
	t, _ := slices.BinarySearch(c.termOff, p+1)
	return int32(t - 1)
}

// term returns term t's text.
func (c *nameCore) term(t int32) string {
	return unsafeString(c.arena[c.termOff[t] : c.termOff[t+1]-1])
}
