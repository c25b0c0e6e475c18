package graph

import (
	"math/bits"
	"sort"
)

// scanIndex is the name search as it was before the index: every key
// scored against the query. The tests keep it as the oracle that
// NameIndex.Search must equal exactly (matches, scores, order).
type scanIndex struct {
	topo   *Topology
	labels []string
	keys   []scanKey
}

type scanKey struct {
	folded string
	node   int32
	bonus  float64
	name   string
	mask   uint64
}

func newScanIndex(g *Graph) *scanIndex {
	ix := &scanIndex{topo: g.Topology(), labels: make([]string, len(g.nodes))}
	for i := range g.nodes {
		n := &g.nodes[i]
		ix.labels[i] = n.Label
		add := func(name string, bonus float64) {
			if f := Fold(name); f != "" {
				ix.keys = append(ix.keys, scanKey{f, int32(i), bonus, name, byteMask(f)})
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

func (ix *scanIndex) Search(q string, limit int) []Match {
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

func (ix *scanIndex) Exact(q string) []int32 {
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
