package layout

import (
	"fmt"
	"math"
)

// Grow replaces the graph by g, which must keep nodes 0..N-1 (it may add
// nodes at the end and add or remove edges). Existing nodes keep their
// positions, pins and speed history. Each new node is placed at the mean
// position of its already placed neighbours plus a small seeded jitter
// (new nodes adjacent only to other new nodes are placed in BFS order, so a
// new branch unrolls from where it attaches); new nodes with no path to an
// existing node are placed at random inside the current bounding box.
func (f *FA2) Grow(g *Graph) error {
	if err := g.Validate(); err != nil {
		return err
	}
	old := f.g.N
	if g.N < old {
		return fmt.Errorf("layout: Grow cannot remove nodes (%d -> %d)", old, g.N)
	}
	f.setGraph(g)
	if g.N == old {
		return nil
	}
	placed := make([]bool, g.N)
	for i := 0; i < old; i++ {
		placed[i] = true
	}
	f.pos = growKeep(f.pos, g.N)
	f.pinned = growKeep(f.pinned, g.N)
	jitter := f.meanEdgeLength(old) * 0.2
	if !(jitter > 0) {
		jitter = 1
	}
	r := newRand(f.seed ^ uint64(g.N)*0x9e3779b97f4a7c15 ^ uint64(f.iter))
	// Frontier: new nodes adjacent to a placed node, processed in rounds so
	// that a node's placement only uses nodes placed in earlier rounds.
	var frontier, next []int32
	for v := old; v < g.N; v++ {
		for _, w := range f.adj.neighbors(v) {
			if int(w) < old {
				frontier = append(frontier, int32(v))
				break
			}
		}
	}
	inQueue := make([]bool, g.N)
	for _, v := range frontier {
		inQueue[v] = true
	}
	for len(frontier) > 0 {
		newPos := make([]Point, len(frontier))
		for k, v := range frontier {
			var sx, sy float64
			cnt := 0
			for _, w := range f.adj.neighbors(int(v)) {
				if placed[w] {
					sx += f.pos[w].X
					sy += f.pos[w].Y
					cnt++
				}
			}
			a := r.Float64() * 2 * math.Pi
			d := jitter * (0.5 + r.Float64())
			newPos[k] = Point{sx/float64(cnt) + d*math.Cos(a), sy/float64(cnt) + d*math.Sin(a)}
		}
		next = next[:0]
		for k, v := range frontier {
			f.pos[v] = newPos[k]
			placed[v] = true
		}
		for _, v := range frontier {
			for _, w := range f.adj.neighbors(int(v)) {
				if !placed[w] && !inQueue[w] {
					inQueue[w] = true
					next = append(next, w)
				}
			}
		}
		frontier, next = next, frontier
	}
	// Unreachable new nodes: random inside the bounding box of placed nodes.
	box := emptyBox
	for i := 0; i < g.N; i++ {
		if placed[i] {
			p := f.pos[i]
			box = box.union(bbox{p.X, p.Y, p.X, p.Y})
		}
	}
	if math.IsInf(box.minX, 0) { // nothing placed: random as at start
		side := 10 * math.Sqrt(float64(g.N))
		box = bbox{-side / 2, -side / 2, side / 2, side / 2}
	}
	for i := old; i < g.N; i++ {
		if !placed[i] {
			f.pos[i] = Point{box.minX + r.Float64()*(box.maxX-box.minX), box.minY + r.Float64()*(box.maxY-box.minY)}
		}
	}
	return nil
}

// meanEdgeLength returns the mean length of edges among nodes < limit.
func (f *FA2) meanEdgeLength(limit int) float64 {
	var sum float64
	cnt := 0
	for e := range f.g.Src {
		s, d := int(f.g.Src[e]), int(f.g.Dst[e])
		if s < limit && d < limit && s != d {
			sum += math.Hypot(f.pos[s].X-f.pos[d].X, f.pos[s].Y-f.pos[d].Y)
			cnt++
		}
	}
	if cnt == 0 {
		return 0
	}
	return sum / float64(cnt)
}
