package graph

import (
	"math/bits"
	"sort"
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

// NameIndex finds entities by id, label or alias, ignoring case and
// accents, by exact, prefix, word-prefix, substring and typo-tolerant
// (Damerau–Levenshtein) matching.
type NameIndex struct {
	topo   *Topology // degrees, for ranking ties
	labels []string  // each entity's label, for ranking ties
	keys   []indexKey
}

type indexKey struct {
	folded string
	node   int32
	bonus  float64 // 0.05 for labels, 0.03 for aliases, 0 for ids
	name   string
	mask   uint64 // byteMask(folded)
}

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

// Index returns the graph's name index, building it on first use.
func (g *Graph) Index() *NameIndex {
	t := g.Topology() // before taking the lock, which Topology takes too
	c := g.cache
	c.mu.Lock()
	if c.index != nil && c.indexVer == g.nameVersion && c.index.topo == t {
		ix := c.index
		c.mu.Unlock()
		return ix
	}
	c.mu.Unlock()
	ix := NewNameIndex(g)
	c.mu.Lock()
	c.index, c.indexVer = ix, g.nameVersion
	c.mu.Unlock()
	return ix
}

// NewNameIndex indexes the ids, labels and aliases of g's entities.
func NewNameIndex(g *Graph) *NameIndex {
	// The index reads g but never writes it, so that goroutines sharing a
	// snapshot can build one at once; it keeps what it needs.
	ix := &NameIndex{topo: g.Topology(), labels: make([]string, len(g.nodes)), keys: make([]indexKey, 0, 2*len(g.nodes))}
	for i := range g.nodes {
		n := &g.nodes[i]
		ix.labels[i] = n.Label
		add := func(name string, bonus float64) {
			if f := Fold(name); f != "" {
				ix.keys = append(ix.keys, indexKey{f, int32(i), bonus, name, byteMask(f)})
			}
		}
		add(n.Label, 0.05)
		if Fold(n.ID) != Fold(n.Label) {
			add(n.ID, 0)
		}
		for _, a := range n.Aliases {
			add(a, 0.03)
		}
	}
	return ix
}

// Search returns up to limit entities matching q, best first; ties go to
// the better-connected entity, then to the label in alphabetical order.
// limit <= 0 means no limit.
func (ix *NameIndex) Search(q string, limit int) []Match {
	fq := Fold(q)
	if fq == "" {
		return nil
	}
	best := map[int32]Match{}
	qmask := byteMask(fq)
	for k := range ix.keys {
		key := &ix.keys[k]
		s := score(fq, key.folded, bits.OnesCount64(qmask&^key.mask))
		if s == 0 {
			continue
		}
		s += key.bonus
		if m, ok := best[key.node]; !ok || s > m.Score {
			best[key.node] = Match{key.node, s, key.name}
		}
	}
	out := make([]Match, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if da, db := ix.topo.Degree[a.Node], ix.topo.Degree[b.Node]; da != db {
			return da > db
		}
		la, lb := ix.labels[a.Node], ix.labels[b.Node]
		if la != lb {
			return la < lb
		}
		return a.Node < b.Node
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Exact returns the entities one of whose names folds exactly to q.
func (ix *NameIndex) Exact(q string) []int32 {
	fq := Fold(q)
	var out []int32
	seen := map[int32]bool{}
	for k := range ix.keys {
		if ix.keys[k].folded == fq && !seen[ix.keys[k].node] {
			seen[ix.keys[k].node] = true
			out = append(out, ix.keys[k].node)
		}
	}
	return out
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
