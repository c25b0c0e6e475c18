package graph

import (
	"strings"
)

// Match is one result of a name search.
type Match struct {
	// Node is the matching entity's index.
	Node int32
	// Score ranks matches: 1 for an exact label, less for an alias or id,
	// a prefix, a word prefix, a substring, then typo-tolerant matches.
	Score float64
	// Matched is the name (label, alias or id) that matched best.
	Matched string
}

// Scores of the match kinds, best first. Within a kind, a closer length
// ratio between query and name adds up to 0.05.
const (
	scoreExact     = 0.95
	scorePrefix    = 0.80
	scoreWordStart = 0.65
	scoreSubstring = 0.50
	scoreFuzzy     = 0.40
)

// byteMask has bit maskBit(b) set for every byte b of s. A string cannot be
// within d edits of any part of s if it has more than d distinct bytes
// whose bits are missing from s's mask, as each edit supplies at most one;
// this lets Search skip the edit distance for most names.
func byteMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << maskBit(s[i])
	}
	return m
}

// maskBit gives letters and digits bits of their own (folded names are
// mostly made of them) and shares the rest.
func maskBit(b byte) byte {
	switch {
	case b >= 'a' && b <= 'z':
		return b - 'a'
	case b >= '0' && b <= '9':
		return 26 + b - '0'
	}
	return 36 + b%28
}

// score rates how well the folded query q matches the folded name key;
// 0 means no match. missing is how many of q's byte-mask bits key lacks
// (see byteMask).
func score(q, key string, missing int) float64 {
	ratio := float64(len(q)) / float64(max(len(key), len(q)))
	switch {
	case q == key:
		return scoreExact
	case strings.HasPrefix(key, q):
		return scorePrefix + 0.1*ratio
	}
	if i := strings.Index(key, q); i >= 0 {
		for ; i >= 0; i = nextIndex(key, q, i) {
			if key[i-1] == ' ' {
				return scoreWordStart + 0.1*ratio
			}
		}
		return scoreSubstring + 0.1*ratio
	}
	if len(q) < 3 {
		return 0
	}
	// Typo tolerance: compare with the name's prefix of the query's length
	// and with each word, allowing one edit per four characters.
	budget := len(q) / 4
	if budget < 1 {
		budget = 1
	}
	if missing > budget {
		return 0
	}
	d := editDistance(q, key[:min(len(key), len(q)+budget)], budget)
	for w := 0; w < len(key) && d > 0; w++ {
		if key[w] == ' ' {
			rest := key[w+1:]
			d = min(d, editDistance(q, rest[:min(len(rest), len(q)+budget)], budget))
		}
	}
	if d > budget {
		return 0
	}
	return scoreFuzzy * (1 - float64(d)/float64(len(q)+1))
}

func nextIndex(s, sub string, from int) int {
	j := strings.Index(s[from+1:], sub)
	if j < 0 {
		return -1
	}
	return from + 1 + j
}
