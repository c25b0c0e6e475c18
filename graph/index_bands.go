package graph

import (
	"container/heap"
	"slices"
)

// A band's scores are bounded by its kind and by the length of the name:
// bound(L) is the highest score (bonus included) a name of L bytes can get
// in the band; it does not increase with L.
type bandBound func(length int) float64

// maxBonus is the highest bonus of a name's kind (a label's).
var maxBonus = kindBonus[kindLabel]

// prefixBound bounds the exact and prefix band for a query of n bytes.
func prefixBound(n int) bandBound {
	return func(L int) float64 {
		if L == n {
			return scoreExact + maxBonus
		}
		return scorePrefix + 0.1*(float64(n)/float64(max(L, n))) + maxBonus
	}
}

// ratioBound bounds the word-prefix or substring band (base) for a query
// of n bytes.
func ratioBound(base float64, n int) bandBound {
	return func(L int) float64 { return base + 0.1*(float64(n)/float64(max(L, n))) + maxBonus }
}

// scoreBand scores the candidate terms of one band, shortest first (the
// best scores within a band), and reports whether the search is done:
// limit entities matched and none still unscored, in this band or a worse
// one, can get a score above the limit-th best. An entity's score only
// rises as more of its names are scored, so the limit-th best score only
// rises; an unscored name of the band scores at most bound of its length.
func (c *nameCore) scoreBand(s *searchScratch, fq string, qmask uint64, limit int, bound bandBound) bool {
	if limit <= 0 {
		c.scoreTerms(s, fq, qmask)
		return false
	}
	if len(s.terms) < 4*limit {
		c.scoreTerms(s, fq, qmask)
		return len(s.nodes) >= limit
	}
	// Counting sort of the candidates by length.
	length := func(t int32) int { return int(c.termOff[t+1] - c.termOff[t] - 1) }
	longest := 0
	for _, t := range s.terms {
		longest = max(longest, length(t))
	}
	start := make([]int, longest+2)
	for _, t := range s.terms {
		start[length(t)+1]++
	}
	for L := 1; L <= longest+1; L++ {
		start[L] += start[L-1]
	}
	sorted := make([]int32, len(s.terms))
	fill := slices.Clone(start)
	for _, t := range s.terms {
		sorted[fill[length(t)]] = t
		fill[length(t)]++
	}
	for L := 0; L <= longest; L++ {
		if start[L] == start[L+1] {
			continue
		}
		s.terms = append(s.terms[:0], sorted[start[L]:start[L+1]]...)
		c.scoreTerms(s, fq, qmask)
		if len(s.nodes) < limit {
			continue
		}
		next := L + 1
		for next <= longest && start[next] == start[next+1] {
			next++
		}
		if next > longest || s.kthBest(limit) > bound(next) {
			return true
		}
	}
	return len(s.nodes) >= limit
}

// kthBest returns the k-th best score of the entities matched so far
// (k <= len(s.nodes)).
func (s *searchScratch) kthBest(k int) float64 {
	h := minScores(s.kth[:0])
	for _, n := range s.nodes {
		v := s.bestScore[n]
		switch {
		case len(h) < k:
			heap.Push(&h, v)
		case v > h[0]:
			h[0] = v
			heap.Fix(&h, 0)
		}
	}
	s.kth = h
	return h[0]
}

// minScores is a heap of scores whose root is the lowest.
type minScores []float64

func (h minScores) Len() int           { return len(h) }
func (h minScores) Less(i, j int) bool { return h[i] < h[j] }
func (h minScores) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minScores) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *minScores) Pop() any {
	x := (*h)[len(*h)-1]
	*h = (*h)[:len(*h)-1]
	return x
}
