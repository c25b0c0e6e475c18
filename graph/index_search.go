package graph

import (
	"bytes"
	"container/heap"
	"math/bits"
	"slices"
	"sort"
	"unsafe"
)

func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// searchScratch is one search's working memory, reused across searches:
// stamps mark the terms and entities seen by the search numbered gen.
type searchScratch struct {
	gen       uint32
	termSeen  []uint32
	nodeSeen  []uint32
	bestScore []float64
	bestKey   []int32
	nodes     []int32 // entities matched, in the order found
	terms     []int32 // candidate terms not scored yet
	cols      []int   // the typo walk's columns
	path      []byte
	kth       minScores
}

func (c *nameCore) getScratch() *searchScratch {
	s, _ := c.scratch.Get().(*searchScratch)
	if s == nil {
		s = &searchScratch{termSeen: make([]uint32, len(c.termOff)-1), nodeSeen: make([]uint32, c.nodes),
			bestScore: make([]float64, c.nodes), bestKey: make([]int32, c.nodes)}
	}
	s.gen++
	if s.gen == 0 { // wrapped: forget every stamp
		clear(s.termSeen)
		clear(s.nodeSeen)
		s.gen = 1
	}
	s.nodes, s.terms = s.nodes[:0], s.terms[:0]
	return s
}

// addTerm makes term t a candidate.
func (s *searchScratch) addTerm(t int32) {
	if s.termSeen[t] != s.gen {
		s.termSeen[t] = s.gen
		s.terms = append(s.terms, t)
	}
}

// scoreTerms scores the candidate terms added since the last call and
// keeps each entity's best name as the scan does: the highest score, the
// first of the entity's names on a tie.
func (c *nameCore) scoreTerms(s *searchScratch, fq string, qmask uint64) {
	c.scoreTermsAs(s, func(t int32) float64 { return score(fq, c.term(t), bits.OnesCount64(qmask&^c.termMask[t])) })
}

// scoreTermsAs is scoreTerms with the score of each term given by sc.
func (c *nameCore) scoreTermsAs(s *searchScratch, sc func(t int32) float64) {
	for _, t := range s.terms {
		sc := sc(t)
		if sc == 0 {
			continue
		}
		for _, k := range c.termKeys[c.termKeyOff[t]:c.termKeyOff[t+1]] {
			v := sc + kindBonus[c.keyKind[k]]
			n := c.keyNode[k]
			switch {
			case s.nodeSeen[n] != s.gen:
				s.nodeSeen[n] = s.gen
				s.nodes = append(s.nodes, n)
				s.bestScore[n], s.bestKey[n] = v, k
			case v > s.bestScore[n] || v == s.bestScore[n] && k < s.bestKey[n]:
				s.bestScore[n], s.bestKey[n] = v, k
			}
		}
	}
	s.terms = s.terms[:0]
}

// Search returns up to limit entities matching q, best first; ties go to
// the better-connected entity, then to the label in alphabetical order.
// limit <= 0 means no limit.
//
// The match kinds score in separate bands (exact ≥ 0.95 > prefix > 0.80 >
// word prefix > 0.65 > substring > 0.50 > typo), so that once limit
// entities matched by the better kinds, the worse kinds cannot enter the
// results and are not looked for.
func (ix *NameIndex) Search(q string, limit int) []Match {
	fq := Fold(q)
	if fq == "" {
		return nil
	}
	c := ix.core
	s := c.getScratch()
	defer c.scratch.Put(s)
	qmask := byteMask(fq)
	n := len(fq)
	done := func(bound bandBound) bool { return c.scoreBand(s, fq, qmask, limit, bound) }
	// Exact and prefix matches.
	lo, hi := c.prefixRange(c.starts, fq)
	for t := int32(lo); t < int32(hi); t++ {
		s.addTerm(t)
	}
	if !done(prefixBound(n)) {
		// Word prefixes (the terms not seen yet have none of the above;
		// the terms' starts among the word starts were all seen).
		lo, hi = c.prefixRange(c.words.pos, fq)
		for _, t := range c.words.term[lo:hi] {
			s.addTerm(t)
		}
		if !done(ratioBound(scoreWordStart, n)) {
			c.substrings(s, fq)
			if !done(ratioBound(scoreSubstring, n)) && n >= 3 {
				c.typos(s, fq, qmask, limit)
			}
		}
	}
	return ix.ranked(s, limit)
}

// ranked sorts the matched entities as the scan did and keeps the first
// limit.
func (ix *NameIndex) ranked(s *searchScratch, limit int) []Match {
	less := func(a, b int32) bool {
		sa, sb := s.bestScore[a], s.bestScore[b]
		if sa != sb {
			return sa > sb
		}
		if da, db := ix.topo.Degree[a], ix.topo.Degree[b]; da != db {
			return da > db
		}
		la, lb := ix.labels[a], ix.labels[b]
		if la != lb {
			return la < lb
		}
		return a < b
	}
	nodes := s.nodes
	if limit > 0 && len(nodes) > limit {
		// keep the best limit in a heap whose root is the worst of them
		h := &worstFirst{less: less, n: slices.Clone(nodes[:limit])}
		heap.Init(h)
		for _, n := range nodes[limit:] {
			if less(n, h.n[0]) {
				h.n[0] = n
				heap.Fix(h, 0)
			}
		}
		nodes = h.n
	} else {
		nodes = slices.Clone(nodes)
	}
	sort.Slice(nodes, func(i, j int) bool { return less(nodes[i], nodes[j]) })
	out := make([]Match, len(nodes))
	for i, n := range nodes {
		out[i] = Match{n, s.bestScore[n], ix.core.keyName[s.bestKey[n]]}
	}
	return out
}

// worstFirst is a heap of entities whose root ranks last.
type worstFirst struct {
	less func(a, b int32) bool
	n    []int32
}

func (h *worstFirst) Len() int           { return len(h.n) }
func (h *worstFirst) Less(i, j int) bool { return h.less(h.n[j], h.n[i]) }
func (h *worstFirst) Swap(i, j int)      { h.n[i], h.n[j] = h.n[j], h.n[i] }
func (h *worstFirst) Push(x any)         { h.n = append(h.n, x.(int32)) }
func (h *worstFirst) Pop() any {
	x := h.n[len(h.n)-1]
	h.n = h.n[:len(h.n)-1]
	return x
}

// prefixRange returns the range of sorted (arena positions) whose text
// starts with fq.
func (c *nameCore) prefixRange(sorted []int32, fq string) (int, int) {
	at := func(i int) []byte { return c.arena[sorted[i]:] }
	// the text's first len(fq) bytes, which stop at its end
	head := func(b []byte) []byte {
		n := min(len(fq), len(b))
		if z := bytes.IndexByte(b[:n], 0); z >= 0 {
			n = z
		}
		return b[:n]
	}
	lo := sort.Search(len(sorted), func(i int) bool { return string(head(at(i))) >= fq })
	hi := lo + sort.Search(len(sorted)-lo, func(i int) bool { return string(head(at(lo+i))) != fq })
	return lo, hi
}

// scanSubstrings adds the terms that contain fq anywhere, by a scan of
// the arena.
func (c *nameCore) scanSubstrings(s *searchScratch, fq string) {
	text := c.arena[:len(c.arena)-8]
	pat := []byte(fq)
	t := int32(0)
	for p := 0; p < len(text); {
		i := bytes.Index(text[p:], pat)
		if i < 0 {
			return
		}
		p += i
		// the term holding p: the next few in turn, else a binary search
		for n := 0; c.termOff[t+1] <= int32(p); n++ {
			if n == 4 {
				t += int32(sort.Search(len(c.termOff)-int(t), func(j int) bool { return c.termOff[int(t)+j] > int32(p) })) - 1
				break
			}
			t++
		}
		s.addTerm(t)
		p = int(c.termOff[t+1])
	}
}

// typos adds the terms with a word start where fq is within its edit
// budget (one edit per four bytes, at least one) of a prefix, as score
// computes it: a walk of the sorted word starts as a trie, one column of
// the edit-distance matrix per byte.
//
// It walks with a budget of 1 edit, then, unless limit entities matched
// and none can still beat the limit-th best (a name at d edits scores at
// most scoreFuzzy·(1−d/(n+1)) plus the highest bonus), with the full
// budget. (Raising the budget one edit at a time measured slower: the
// walks with smaller budgets cost nearly as much as the last one.)
func (c *nameCore) typos(s *searchScratch, fq string, qmask uint64, limit int) {
	k := max(1, len(fq)/4)
	n := len(fq)
	if need := (n + k + 1) * (n + 1); cap(s.cols) < need {
		s.cols = make([]int, need)
	}
	s.cols = s.cols[:(n+k+1)*(n+1)]
	if cap(s.path) < n+k {
		s.path = make([]byte, n+k)
	}
	s.path = s.path[:n+k]
	for i := 0; i <= n; i++ {
		s.cols[i] = i
	}
	b := 1
	if limit <= 0 {
		b = k // every match is wanted: one walk
	}
	for ; b <= k; b = max(b+1, k) {
		w := typoWalk{c: c, s: s, q: fq, k: b, depth: n + b}
		for _, st := range []*sortedStarts{&c.words} {
			w.sorted, w.terms = st.pos, st.term
			w.walk(0, len(st.pos), 0)
		}
		if b == 1 {
			// The terms found are at exactly one edit (those containing
			// fq were all seen before, and the byte mask never rejects a
			// name within the budget): their score needs no computing.
			one := scoreFuzzy * (1 - float64(1)/float64(len(fq)+1))
			c.scoreTermsAs(s, func(int32) float64 { return one })
		} else {
			c.scoreTerms(s, fq, qmask)
		}
		if limit > 0 && len(s.nodes) >= limit && s.kthBest(limit) > scoreFuzzy*(1-float64(b+1)/float64(n+1))+maxBonus {
			return
		}
	}
}

type typoWalk struct {
	c      *nameCore
	s      *searchScratch
	q      string
	k      int
	depth  int
	sorted []int32 // arena positions
	terms  []int32 // the term of each
}

// groupEnd returns the end of the entries from i on (before hi) whose byte
// at depth d is b, given that those bytes do not decrease: a galloping
// search, as most groups are short.
func (w *typoWalk) groupEnd(i, hi, d int, b byte) int {
	arena, sorted := w.c.arena, w.sorted
	step := 1
	lo := i + 1 // arena[sorted[lo-1]+d] == b
	for lo < hi {
		j := min(lo+step-1, hi-1)
		if arena[int(sorted[j])+d] != b {
			hi = j
			break
		}
		lo = j + 1
		step *= 2
	}
	for lo < hi { // the end is in [lo, hi]
		m := int(uint(lo+hi) >> 1)
		if arena[int(sorted[m])+d] == b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// walk visits the children of the trie node of entries [lo, hi), which
// share their first d bytes and whose column d of the matrix is computed,
// (the transpositions look back to column d-1 too).
//
// Only the rows r of column d+1 with |r-(d+1)| <= k can be within the
// budget k; the rows just outside them are set to k+1 (the next column
// reads them) and the others are not computed: a value above k counts
// only as being above k.
func (w *typoWalk) walk(lo, hi, d int) {
	if d >= w.depth {
		return
	}
	n, k := len(w.q), w.k
	cols := w.s.cols
	prev := cols[d*(n+1) : (d+1)*(n+1)]
	rlo, rhi := max(1, d+1-k), min(n, d+1+k)
	for i := lo; i < hi; {
		b := w.c.arena[int(w.sorted[i])+d]
		j := w.groupEnd(i, hi, d, b)
		if b != 0 {
			w.s.path[d] = b
			col := cols[(d+1)*(n+1) : (d+2)*(n+1)]
			col[0] = min(d+1, k+1)
			if rlo > 1 {
				col[rlo-1] = k + 1
			}
			m := col[0]
			for r := rlo; r <= rhi; r++ {
				cost := 1
				if w.q[r-1] == b {
					cost = 0
				}
				v := min(prev[r]+1, col[r-1]+1, prev[r-1]+cost)
				if r > 1 && d > 0 && w.q[r-1] == w.s.path[d-1] && w.q[r-2] == b {
					v = min(v, cols[(d-1)*(n+1)+r-2]+1)
				}
				col[r] = v
				m = min(m, v)
			}
			last := k + 1
			if rhi < n {
				col[rhi+1] = k + 1
			} else {
				last = col[n]
			}
			switch {
			case last <= k:
				// every text here is within the budget of a prefix
				for _, t := range w.terms[i:j] {
					w.s.addTerm(t)
				}
			case m > k:
				// No extension comes back within the budget: a column's
				// minimum is at least the previous one's or the one
				// before plus one, and a column exceeds its predecessor's
				// minimum by at most one.
			default:
				w.walk(i, j, d+1)
			}
		}
		i = j
	}
}

// Exact returns the entities one of whose names folds exactly to q.
func (ix *NameIndex) Exact(q string) []int32 {
	fq := Fold(q)
	c := ix.core
	var out []int32
	if fq == "" {
		return nil
	}
	lo, hi := c.prefixRange(c.starts, fq)
	for t := int32(lo); t < int32(hi); t++ {
		if c.term(t) != fq {
			continue
		}
		for _, k := range c.termKeys[c.termKeyOff[t]:c.termKeyOff[t+1]] {
			if n := c.keyNode[k]; len(out) == 0 || out[len(out)-1] != n {
				out = append(out, n)
			}
		}
	}
	return out
}
