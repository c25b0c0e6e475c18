package render

import "sync"

// typeCounts returns the visible entities of each type and the visible
// relations of each type. They are counted once per pair of visibility
// masks (the setters replace the masks rather than change them, so a
// mask's first element identifies it): a frame of a million entities
// then does not pay a pass over every relation for its legend.
func (s *Scene) typeCounts() (nodes, rels []int) {
	key := countsKey{n: maskID(s.nodeVisible), e: maskID(s.edgeVisible)}
	c := s.static.counts
	if c == nil {
		c = &countsCache{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && c.key == key {
		return c.nodes, c.rels
	}
	nodes = make([]int, len(s.types))
	for i := 0; i < s.n; i++ {
		if s.nodeVisible == nil || s.nodeVisible[i] {
			nodes[s.nodeType[i]]++
		}
	}
	rels = make([]int, len(s.topo.Types.Rels))
	for e := int32(0); int(e) < s.m; e++ {
		if s.EdgeVisible(e) {
			rels[s.topo.RelType[e]]++
		}
	}
	c.key, c.nodes, c.rels, c.valid = key, nodes, rels, true
	return nodes, rels
}

// countsCache is the last typeCounts result and the masks it is for.
type countsCache struct {
	mu          sync.Mutex
	valid       bool
	key         countsKey
	nodes, rels []int
}

type countsKey struct{ n, e *bool }

// maskID identifies a visibility mask (nil for none or an empty one).
func maskID(m []bool) *bool {
	if len(m) == 0 {
		return nil
	}
	return &m[0]
}

// frameBuffers are a frame's per-entity arrays, kept between frames of
// big scenes: a frame of a million entities would otherwise allocate 13
// MB, and the garbage collections that follows scan the whole graph.
type frameBuffers struct {
	sx, sy, sr []float32
	onScr      []bool
}

var framePool sync.Pool

// pooledFrom is the number of entities from which frame arrays are pooled.
const pooledFrom = 50000

// frameArrays returns zeroed arrays for n entities.
func frameArrays(n int) (sx, sy, sr []float32, onScr []bool) {
	if n >= pooledFrom {
		if b, ok := framePool.Get().(*frameBuffers); ok && cap(b.sx) >= n {
			sx, sy, sr, onScr = b.sx[:n], b.sy[:n], b.sr[:n], b.onScr[:n]
			clear(sx)
			clear(sy)
			clear(sr)
			clear(onScr)
			return
		}
	}
	return make([]float32, n), make([]float32, n), make([]float32, n), make([]bool, n)
}

// release hands the frame's arrays back for the next frame; the frame is
// not used afterwards.
func (f *frame) release() {
	if len(f.sx) < pooledFrom {
		return
	}
	framePool.Put(&frameBuffers{sx: f.sx, sy: f.sy, sr: f.sr, onScr: f.onScr})
	f.sx, f.sy, f.sr, f.onScr = nil, nil, nil, nil
}
