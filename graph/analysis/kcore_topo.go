package analysis

import (
	"context"

	"github.com/linkscope/linkscope/graph"
)

// KCoreOf is KCore on the simple net of t under o, computed without
// building that net when undirected: the peeling reads the topology's
// rows in place and counts each neighbour once through a per-entity mark
// (parallel relations are one link, self-loops are not in the rows). The
// numbers are the same as KCore(NewNet(t, o)) gives. Directed, it builds
// the net (in plus out degree needs both directions' distinct ends).
func KCoreOf(ctx context.Context, t *graph.Topology, o NetOptions) ([]float64, error) {
	if o.Directed {
		net, err := NewNet(ctx, t, o)
		if err != nil {
			return nil, err
		}
		return KCore(ctx, net)
	}
	n := t.N
	keep, relType := o.RelTypes, t.RelType
	// st[v]: v's degree in the simple net (then what is left of it while
	// peeling, -1 once peeled) and the last stamp that counted v as a
	// neighbour, side by side so that one cache line serves both
	type state struct{ deg, mark int32 }
	st := make([]state, n)
	// the degrees, in chunks over the cores, each worker with marks of
	// its own (stamps v+1)
	marks := make([][]int32, workers(n/4096+1))
	parallelFor(n, 4096, func(w, lo, hi int) {
		if marks[w] == nil {
			marks[w] = make([]int32, n)
		}
		mark := marks[w]
		for v := int32(lo); v < int32(hi); v++ {
			stamp, d := v+1, int32(0)
			for _, arcs := range [2][]graph.Arc{t.Out[t.OutOff[v]:t.OutOff[v+1]], t.In[t.InOff[v]:t.InOff[v+1]]} {
				for _, a := range arcs {
					if mark[a.Node] == stamp || (keep != nil && !keep[relType[a.Rel]]) {
						continue
					}
					mark[a.Node] = stamp
					d++
				}
			}
			st[v].deg = d
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	maxd := int32(0)
	for i := range st {
		maxd = max(maxd, st[i].deg)
	}
	// lazy buckets as in KCore (a stack per degree; a linked pool of
	// entries instead was twice as slow on Debian's graph: each pop a
	// random read)
	start := make([]int32, maxd+2)
	for i := range st {
		start[st[i].deg+1]++
	}
	for d := int32(1); d < int32(len(start)); d++ {
		start[d] += start[d-1]
	}
	vert := make([]int32, n)
	fill := make([]int32, maxd+1)
	copy(fill, start)
	for v := range st {
		d := st[v].deg
		vert[fill[d]] = int32(v)
		fill[d]++
	}
	bucket := make([][]int32, maxd+1)
	for d := range bucket {
		bucket[d] = vert[start[d]:start[d+1]:start[d+1]]
	}
	core := make([]float64, n)
	done := int32(0)
	for k := int32(0); k <= maxd; k++ {
		b := bucket[k]
		for len(b) > 0 {
			v := b[len(b)-1]
			b = b[:len(b)-1]
			if st[v].deg != k {
				continue // stale: lowered since, or peeled
			}
			st[v].deg = -1
			core[v] = float64(k)
			// stamps here are -1, -2, … (the degrees' were positive)
			done++
			stamp := -done
			if done&0xffff == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			for _, arcs := range [2][]graph.Arc{t.Out[t.OutOff[v]:t.OutOff[v+1]], t.In[t.InOff[v]:t.InOff[v+1]]} {
				for _, a := range arcs {
					s := &st[a.Node]
					if s.deg <= k || s.mark == stamp || (keep != nil && !keep[relType[a.Rel]]) {
						continue
					}
					s.mark = stamp
					s.deg--
					if s.deg == k {
						b = append(b, a.Node)
					} else {
						bucket[s.deg] = append(bucket[s.deg], a.Node)
					}
				}
			}
		}
		bucket[k] = nil
	}
	return core, nil
}
