package path

import (
	"context"
	"encoding/binary"
	"slices"
)

// KShortest returns up to k shortest simple paths from one entity to
// another under opt, shortest first (Yen's algorithm). Parallel relations
// make different paths: CNIL→Clearview by the fine and by the penalty are
// two paths of length 1. Paths of equal length come in a deterministic
// order. opt.MaxHops bounds their length. When ctx ends first (or has
// ended), KShortest returns the paths found so far with ctx's error; when
// the paths it keeps (the answer and the candidates of Yen's algorithm)
// reach opt.StoreLimit, the paths found so far with ErrStoreFull.
func (s *Searcher) KShortest(ctx context.Context, from, to int32, k int, opt Options) ([]Path, error) {
	if canceled(ctx) {
		return nil, ctx.Err()
	}
	s.sync()
	if !s.valid(from) || !s.valid(to) {
		return nil, ErrNoSuchNode
	}
	if k <= 0 {
		return nil, nil
	}
	f := s.compile(opt)
	pl := newPoller(ctx)
	first, ok := s.shortest(&pl, &f, from, to, 0, f.maxHops)
	if pl.err != nil {
		return nil, pl.err
	}
	if !ok {
		return nil, nil
	}
	found := []Path{first}
	if from == to {
		return found, nil
	}
	limit := storeLimit(opt.StoreLimit)
	// stored counts the answer, the candidates and their keys in seen
	stored := StoredSize(first) + pathHeader + int64(len(first.Edges)) + 4
	seen := map[string]bool{pathKey(first): true}
	var cands []Path
	for len(found) < k {
		if pl.now() {
			return found, pl.err
		}
		prev := found[len(found)-1]
		var clock int32
		for i := 0; i < len(prev.Edges); i++ {
			if i > 0 && f.dated {
				r := prev.Edges[i-1]
				clock, _ = stepClock(clock, s.adj.first[r], s.adj.last[r])
			}
			hops := 0
			if f.maxHops > 0 {
				if hops = f.maxHops - i; hops <= 0 {
					break
				}
			}
			s.rebans(&f, opt)
			for _, v := range prev.Nodes[:i] {
				s.banNodeNow(&f, v)
			}
			for _, p := range found {
				if len(p.Edges) > i && slices.Equal(p.Edges[:i], prev.Edges[:i]) {
					s.banEdgeNow(&f, p.Edges[i])
				}
			}
			spur, ok := s.shortest(&pl, &f, prev.Nodes[i], to, clock, hops)
			if pl.err != nil {
				return found, pl.err
			}
			if !ok {
				continue
			}
			c := Path{
				Nodes: append(slices.Clip(prev.Nodes[:i]), spur.Nodes...),
				Edges: append(slices.Clip(prev.Edges[:i]), spur.Edges...),
			}
			if key := pathKey(c); !seen[key] {
				// a candidate's header is in cands, then in found; its
				// key in seen
				size := StoredSize(c) + pathHeader + int64(len(c.Edges)) + 4
				if limit >= 0 && stored+size > limit {
					return found, ErrStoreFull
				}
				stored += size
				seen[key] = true
				cands = append(cands, c)
			}
		}
		if len(cands) == 0 {
			break
		}
		best := 0
		for j := range cands {
			if lessPath(cands[j], cands[best]) {
				best = j
			}
		}
		found = append(found, cands[best])
		cands = slices.Delete(cands, best, best+1)
	}
	return found, nil
}

// rebans resets the bans to opt's excluded nodes.
func (s *Searcher) rebans(f *filter, opt Options) {
	s.newBans()
	f.nodeBan, f.edgeBan = false, false
	for _, v := range opt.ExcludeNodes {
		if s.valid(v) {
			s.banNodeNow(f, v)
		}
	}
}

// lessPath orders paths by length, then by their relation indices.
func lessPath(a, b Path) bool {
	if len(a.Edges) != len(b.Edges) {
		return len(a.Edges) < len(b.Edges)
	}
	return slices.Compare(a.Edges, b.Edges) < 0
}

// pathKey identifies a path by its relations (the start node is fixed).
func pathKey(p Path) string {
	if len(p.Edges) == 0 {
		return ""
	}
	b := make([]byte, 0, 4*len(p.Edges))
	for _, r := range p.Edges {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	return string(b)
}
