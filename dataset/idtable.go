package dataset

import (
	"hash/maphash"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/linkscope/linkscope/graph"
)

// idTable maps the entity ids of a graph to their indices, for resolving
// the ends of many relations at once (resolveEnds): an open-addressing
// table of 8-byte slots, each the high half of a 64-bit hash of an id and
// its index + 1 (0 is an empty slot), in parts chosen by the hash's top
// bits so that each core builds one. An id is compared with the entity's
// only when the hash halves match, so a look-up costs one slot read and,
// for an id that is there, one comparison.
//
// Look-ups go in batches (lookupBatch): the slot reads of a batch do not
// depend on each other, so the processor overlaps their cache misses,
// where a look-up at a time in a map waits for each.
type idTable struct {
	seed  maphash.Seed
	ids   []string   // the entities' ids, by index
	parts [][]uint64 // slots; part = hash >> partShift
	shift uint       // partShift
	mask  uint64     // slots per part - 1
	// touched sums bytes that resolve reads only to have them in the
	// cache before it compares them (so that the reads are not dropped).
	touched atomic.Uint32
}

// newIDTable indexes the ids of g's entities (which are unique: AddNode
// refuses a repeat), hashing them on every core.
func newIDTable(g *graph.Graph) *idTable {
	n := g.NodeCount()
	t := &idTable{seed: maphash.MakeSeed(), ids: make([]string, n)}
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, n/10000))
	pbits := bits.Len(uint(workers - 1)) // 1 part for 1 worker, 2 for 2, 4 for 3-4
	nparts := 1 << pbits
	t.shift = uint(64 - pbits)
	hashes := make([]uint64, n)
	parallel(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			id := g.Node(int32(i)).ID
			t.ids[i] = id
			hashes[i] = maphash.String(t.seed, id)
		}
	})
	t.parts = make([][]uint64, nparts)
	// Slots per part: a power of two over twice the largest part (so that
	// a probe always meets an empty slot).
	counts := make([]int, nparts)
	for _, h := range hashes {
		counts[t.part(h)]++
	}
	size := 1 << bits.Len(uint(max(16, 2*slices.Max(counts))))
	t.mask = uint64(size - 1)
	var wg sync.WaitGroup
	for p := range t.parts {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			slots := make([]uint64, size)
			for i, h := range hashes {
				if t.part(h) != p {
					continue
				}
				k := h & t.mask
				for slots[k] != 0 {
					k = (k + 1) & t.mask
				}
				slots[k] = h&^(1<<32-1) | uint64(i+1)
			}
			t.parts[p] = slots
		}(p)
	}
	wg.Wait()
	return t
}

func (t *idTable) part(h uint64) int {
	if len(t.parts) == 1 {
		return 0
	}
	return int(h >> t.shift)
}

// lookup returns the index of the entity with the given id, or -1.
func (t *idTable) lookup(id []byte) int32 {
	h := maphash.Bytes(t.seed, id)
	return t.probe(h, id)
}

func (t *idTable) probe(h uint64, id []byte) int32 {
	slots := t.parts[t.part(h)]
	tag := h &^ (1<<32 - 1)
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		s := slots[k]
		if s == 0 {
			return -1
		}
		if s&^(1<<32-1) == tag {
			if i := int32(uint32(s)) - 1; t.ids[i] == string(id) {
				return i
			}
		}
	}
}

// resolve sets from[i] and to[i] to the entity indices of the ends of
// edges[i] (-1: none), copying an end that no entity has into the record
// for its message (see resolveEnds). It goes by batches of relations, in
// stages whose memory reads do not depend on each other within a batch,
// so that the processor overlaps their cache misses: every end's hash,
// then its candidate (the first slot whose hash half matches), then a
// read of the candidate's id, then the comparisons.
func (t *idTable) resolve(g *graph.Graph, data []byte, edges []fileEdge, from, to []int32) {
	const batch = 16
	var hs [2 * batch]uint64
	var cand [2 * batch]int32
	var touch byte
	for lo := 0; lo < len(edges); lo += batch {
		es := edges[lo:min(lo+batch, len(edges))]
		for k := range es {
			e := &es[k]
			hs[2*k] = maphash.Bytes(t.seed, data[e.sourceAt.lo:e.sourceAt.hi])
			hs[2*k+1] = maphash.Bytes(t.seed, data[e.targetAt.lo:e.targetAt.hi])
		}
		touch += t.candidates(hs[:2*len(es)], cand[:])
		for k := range es {
			e := &es[k]
			from[lo+k] = t.end(g, data, &e.Source, e.sourceAt, hs[2*k], cand[2*k])
			to[lo+k] = t.end(g, data, &e.Target, e.targetAt, hs[2*k+1], cand[2*k+1])
		}
	}
	t.touched.Add(uint32(touch))
}

// candidates sets cand[k] to the candidate of hs[k] for a batch, then
// reads the first byte of each candidate's id, so that the cache misses
// of the batch overlap (the stages of resolve); it returns the bytes'
// sum, which the caller adds to touched so that the reads stay.
func (t *idTable) candidates(hs []uint64, cand []int32) byte {
	for k, h := range hs {
		cand[k] = t.candidate(h)
	}
	var touch byte
	for _, c := range cand[:len(hs)] {
		if c >= 0 {
			touch += t.ids[c][0] // ids are never empty
		}
	}
	return touch
}

// candidate returns the index in the first slot for h whose hash half
// matches, or -1.
func (t *idTable) candidate(h uint64) int32 {
	slots := t.parts[t.part(h)]
	tag := h &^ (1<<32 - 1)
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		s := slots[k]
		if s == 0 {
			return -1
		}
		if s&^(1<<32-1) == tag {
			return int32(uint32(s)) - 1
		}
	}
}

// end resolves one relation end whose hash is h and candidate c (see
// resolveEnd).
func (t *idTable) end(g *graph.Graph, data []byte, id *string, at span, h uint64, c int32) int32 {
	if at.lo == 0 { // an id with escapes, decoded (or the careful path's)
		return nodeIndex(g, *id)
	}
	raw := data[at.lo:at.hi]
	if c >= 0 && t.ids[c] == string(raw) {
		return c
	}
	if c >= 0 {
		if i := t.probe(h, raw); i >= 0 {
			return i
		}
	}
	*id = string(raw)
	return -1
}

// parallel runs f on [0, n) cut into workers parts, each on a goroutine
// (on this one when workers is 1).
func parallel(n, workers int, f func(lo, hi int)) {
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			f(lo, hi)
		}(lo, min(lo+chunk, n))
	}
	wg.Wait()
}
