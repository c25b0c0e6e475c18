package graph

import (
	"bytes"
	"slices"
	"strings"
)

// wordIndex holds the distinct words of the terms (a term's words are
// separated by single spaces) with the terms holding each, and a trigram
// index over them, so that a substring inside a word is looked for in the
// few words holding one of its trigrams rather than in the whole arena.
type wordIndex struct {
	pos []int32 // an arena position of each word, in the words' order
	// termOff[w]:termOff[w+1] indexes terms, the terms holding word w.
	termOff []int32
	terms   []int32
	// gramOff[g]:gramOff[g+1] indexes gramWords, the words holding
	// trigram g (see gramID) in increasing order.
	gramOff   []int32
	gramWords []int32
	other     map[uint32]int32 // ids of the trigrams not all [a-z0-9]
}

// denseGrams is the number of trigrams of [a-z0-9] bytes, which have fixed
// ids; the others are numbered from it on in other.
const denseGrams = 36 * 36 * 36

func alnum(b byte) (int32, bool) {
	switch {
	case b >= 'a' && b <= 'z':
		return int32(b - 'a'), true
	case b >= '0' && b <= '9':
		return int32(26 + b - '0'), true
	}
	return 0, false
}

// gramID returns the id of the trigram s[0:3], or false if no word has it
// (when add is false) .
func (x *wordIndex) gramID(s []byte, add bool) (int32, bool) {
	a, ok1 := alnum(s[0])
	b, ok2 := alnum(s[1])
	c, ok3 := alnum(s[2])
	if ok1 && ok2 && ok3 {
		return (a*36+b)*36 + c, true
	}
	key := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	id, ok := x.other[key]
	if !ok && add {
		id = denseGrams + int32(len(x.other))
		x.other[key] = id
		ok = true
	}
	return id, ok
}

// wordAt returns the word starting at arena position p.
func (c *nameCore) wordAt(p int32) []byte {
	b := c.arena[p:]
	for i, ch := range b {
		if ch == ' ' || ch == 0 {
			return b[:i]
		}
	}
	return b
}

// buildWords lists the distinct words from the sorted word starts (the
// texts starting with the same
// word are contiguous in each array, as folded names hold no byte below
// the space but 0), then indexes their trigrams.
func (c *nameCore) buildWords() {
	x := &c.wordsIx
	x.other = map[uint32]int32{}
	nt := len(c.termOff) - 1
	lastWord := make([]int32, nt) // the last word given term t, plus one
	arrays := [...]*sortedStarts{&c.words}
	var at [len(arrays)]int
	x.termOff = append(x.termOff, 0)
	for {
		// the smaller of the two arrays' next words
		var w []byte
		var wpos int32
		have := false
		for a, st := range arrays {
			if at[a] < len(st.pos) {
				v := c.wordAt(st.pos[at[a]])
				if !have || bytes.Compare(v, w) < 0 {
					w, wpos, have = v, st.pos[at[a]], true
				}
			}
		}
		if !have {
			break
		}
		wi := int32(len(x.pos))
		x.pos = append(x.pos, wpos)
		for a, st := range arrays {
			for ; at[a] < len(st.pos) && bytes.Equal(c.wordAt(st.pos[at[a]]), w); at[a]++ {
				if t := st.term[at[a]]; lastWord[t] != wi+1 {
					lastWord[t] = wi + 1
					x.terms = append(x.terms, t)
				}
			}
		}
		x.termOff = append(x.termOff, int32(len(x.terms)))
	}
	x.pos, x.terms = slices.Clip(x.pos), slices.Clip(x.terms)
	lastWord = nil

	// Trigrams: count, then fill, each word's distinct ones.
	var ids []int32
	wordGrams := func(w []byte) []int32 {
		ids = ids[:0]
		for i := 0; i+3 <= len(w); i++ {
			id, _ := x.gramID(w[i:], true)
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	counts := make([]int32, denseGrams+1)
	for _, p := range x.pos {
		for _, id := range wordGrams(c.wordAt(p)) {
			if int(id) >= len(counts)-1 {
				counts = append(counts, make([]int32, int(id)-len(counts)+2)...)
			}
			counts[id+1]++
		}
	}
	for g := 1; g < len(counts); g++ {
		counts[g] += counts[g-1]
	}
	x.gramOff = counts
	x.gramWords = make([]int32, counts[len(counts)-1])
	fill := slices.Clone(counts)
	for w, p := range x.pos {
		for _, id := range wordGrams(c.wordAt(p)) {
			x.gramWords[fill[id]] = int32(w)
			fill[id]++
		}
	}
}

// substrings adds the terms that contain fq anywhere.
func (c *nameCore) substrings(s *searchScratch, fq string) {
	if sp := strings.IndexByte(fq, ' '); sp >= 0 {
		// What follows fq's first space starts a word: look it up among
		// the word starts and check what precedes it.
		head, rest := fq[:sp+1], fq[sp+1:]
		lo, hi := c.prefixRange(c.words.pos, rest)
		for i := lo; i < hi; i++ {
			p, t := c.words.pos[i], c.words.term[i]
			if from := p - int32(len(head)); from >= c.termOff[t] && string(c.arena[from:p]) == head {
				s.addTerm(t)
			}
		}
		return
	}
	if len(fq) < 3 {
		c.scanSubstrings(s, fq)
		return
	}
	// fq lies inside one word, which holds each of its trigrams: check
	// the words holding the rarest.
	x := &c.wordsIx
	best := int32(-1)
	for i := 0; i+3 <= len(fq); i++ {
		id, ok := x.gramID([]byte(fq[i:i+3]), false)
		if !ok || int(id) >= len(x.gramOff)-1 {
			return // no word holds this trigram
		}
		if best < 0 || x.gramOff[id+1]-x.gramOff[id] < x.gramOff[best+1]-x.gramOff[best] {
			best = id
		}
	}
	for _, w := range x.gramWords[x.gramOff[best]:x.gramOff[best+1]] {
		if bytes.Contains(c.wordAt(x.pos[w]), []byte(fq)) {
			for _, t := range x.terms[x.termOff[w]:x.termOff[w+1]] {
				s.addTerm(t)
			}
		}
	}
}
