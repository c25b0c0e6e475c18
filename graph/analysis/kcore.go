package analysis

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/linkscope/linkscope/graph"
)

// KCoreUndirected is KCore on the undirected simple graph of t (every
// relation a link both ways, parallel ones one link, self-loops left
// out), relations of the types keep marks only when keep is non-nil:
// the same numbers as KCore(NewNet(t, NetOptions{RelTypes: keep})),
// without building the net. Its neighbour lists (coreRows) need no order
// and no multiplicities, so each row is only copied and cleared of
// repeats, and the peeling keeps each entity's core number in its degree.
func KCoreUndirected(ctx context.Context, t *graph.Topology, keep []bool) ([]float64, error) {
	off, adj := coreRows(ctx, t, keep)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	deg := make([]int32, t.N)
	for v := range deg {
		deg[v] = off[v+1] - off[v]
	}
	peelf := peel
	if runtime.GOMAXPROCS(0) > 1 && len(adj) >= parallelPeelLinks {
		peelf = peelShared
	}
	if err := peelf(ctx, off, adj, deg); err != nil {
		return nil, err
	}
	core := make([]float64, t.N)
	for v, d := range deg {
		core[v] = float64(d)
	}
	return core, nil
}

// peel turns deg, each entity's number of distinct neighbours in the rows
// off/adj, into its core number, by Batagelj and Zaversnik's peeling with
// lazy buckets (as KCore). An entity has at most one entry per bucket: it
// enters the bucket of its first degree and of each degree it is lowered
// to, lowering only ever goes down, and only while above the level being
// peeled. So the entry popped at level k with degree k is the one that
// peels it, deg then stays k (its neighbours skip it as at most the
// level), and any later entry finds a degree below its bucket: stale.
func peel(ctx context.Context, off, adj, deg []int32) error {
	maxd := maxDegree(deg)
	bucket := degreeBuckets(deg, maxd)
	done := 0
	for k := int32(0); k <= maxd; k++ {
		b := bucket[k]
		for len(b) > 0 {
			v := b[len(b)-1]
			b = b[:len(b)-1]
			if deg[v] != k {
				continue // stale: lowered since, or peeled
			}
			if done++; done&0xffff == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			b = lowerNeighbours(adj[off[v]:off[v+1]], deg, k, b, bucket)
		}
		bucket[k] = nil
	}
	return nil
}

// coreRows writes each entity's distinct neighbours (the other ends of
// its relations either way, of the kept types), in no particular order,
// in compressed rows. Rows are written where they stand in the
// topology's arcs, in two halves of about as many arcs on two cores, the
// second then moved down to close the gap (as netRows).
func coreRows(ctx context.Context, t *graph.Topology, keep []bool) (off, adj []int32) {
	nn := t.N
	size := len(t.Out) + len(t.In)
	off = make([]int32, nn+1)
	adj = make([]int32, size)
	arcsBefore := func(v int32) int32 { return t.OutOff[v] + t.InOff[v] }
	k := fillHalves(nn, size, arcsBefore, off, func(lo, hi, k int32) int32 {
		return fillCoreRows(ctx, t, keep, off, adj, lo, hi, k)
	}, adj)
	if ctx.Err() != nil {
		return nil, nil
	}
	return off, adj[:k:k]
}

// shortRow is the longest row fillCoreRows clears of repeats by comparing
// each entry with those kept before it; longer rows mark their entries.
const shortRow = 24

// fillCoreRows writes the rows of entities [lo, hi) from position k on
// and returns where they end; off[v+1] is set for each.
func fillCoreRows(ctx context.Context, t *graph.Topology, keep []bool, off, adj []int32, lo, hi, k int32) int32 {
	var seen []int32 // seen[u] == v+1: u is in v's row (long rows only)
	for v := lo; v < hi; v++ {
		if v&0xffff == 0 && ctx.Err() != nil {
			return k
		}
		start := k
		k = writeEnds(adj, k, t.Out[t.OutOff[v]:t.OutOff[v+1]], t.RelType, keep)
		k = writeEnds(adj, k, t.In[t.InOff[v]:t.InOff[v+1]], t.RelType, keep)
		row := adj[start:k]
		w := start + 1
		if len(row) <= shortRow {
			// rows are short and repeats rare: each entry against the
			// kept ones, a loop whose branch is all but always taken
		next:
			for _, x := range row[min(1, len(row)):] {
				for _, y := range adj[start:w] {
					if x == y {
						continue next
					}
				}
				adj[w] = x
				w++
			}
		} else {
			if seen == nil {
				seen = make([]int32, t.N)
			}
			mark := v + 1
			seen[row[0]] = mark
			for _, x := range row[1:] {
				if seen[x] != mark {
					seen[x] = mark
					adj[w] = x
					w++
				}
			}
		}
		if len(row) == 0 {
			w = start
		}
		k = w
		off[v+1] = k
	}
	return k
}

// parallelPeelLinks is the fewest row entries (twice the links) for which
// KCoreUndirected peels on two cores, and parallelLevel the fewest links
// (row entries) of a level's first entities for the level to be shared
// out; variables for the tests.
var (
	parallelPeelLinks = 1 << 17
	parallelLevel     = 4096
)

// peelChunk is how many links a core takes at a time in a shared level
// (a variable for the tests).
var peelChunk int32 = 1024

// peelShared is peel level by level, a level shared out over the cores
// when its first entities (those of degree k, k the level, once the
// levels below are peeled) have many links. Their links are cut in chunks
// of peelChunk (a hub's long row cut too) that the cores take in turn;
// peeling lowers each neighbour above k by one (a compare-and-swap, never
// below k); a neighbour lowered to k goes on the stack of the core that
// lowered it, which peels it before its next chunk, one lowered to more
// than k into that core's own bucket of its degree. The level ends when
// every chunk and both stacks are done: at most one wait per level
// shared out, and none when the second core never started. As in peel,
// an entity has at most one entry per degree, and during level k no
// degree goes below k, so every entity reaching k is peeled exactly once
// (by the core whose swap took it to k), and the degrees end as the core
// numbers.
func peelShared(ctx context.Context, off, adj, deg []int32) error {
	const workers = 2
	maxd := maxDegree(deg)
	// the entities by first degree, then each worker's buckets of the
	// entities it lowered
	first := degreeBuckets(deg, maxd)
	var lowered [workers][][]int32
	for w := range lowered {
		lowered[w] = make([][]int32, maxd+1)
	}
	var stack [workers][]int32
	round := make([]int32, 0, 1024)
	var pre []int32 // pre[i]: the links of round[:i]
	for k := int32(0); k <= maxd; k++ {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		round = round[:0]
		work := int32(0)
		for _, list := range [...][]int32{first[k], lowered[0][k], lowered[1][k]} {
			for _, v := range list {
				if deg[v] == k {
					round = append(round, v)
					work += off[v+1] - off[v]
				}
			}
		}
		lowered[0][k], lowered[1][k] = nil, nil
		if len(round) == 0 {
			continue
		}
		if work < int32(parallelLevel) {
			stack[0] = peelLevel(off, adj, deg, k, round, off[round[0]], off[round[len(round)-1]+1], stack[0], lowered[0], false)
			continue
		}
		// the level's links in chunks, which both cores take in turn;
		// the second core's goroutine helps only if it starts before the
		// first has taken every chunk (on a busy machine it may not be
		// scheduled for milliseconds, and is then not waited for)
		pre = append(pre[:0], 0)
		for _, v := range round {
			pre = append(pre, pre[len(pre)-1]+off[v+1]-off[v])
		}
		size := peelChunk
		chunks := (work + size - 1) / size
		var taken, state atomic.Int32 // state: 0 not started, 1 helping, 2 not needed
		run := func(w int) {
			for {
				c := taken.Add(1) - 1
				if c >= chunks {
					return
				}
				lo, hi := c*size, min(work, (c+1)*size)
				i := sort.Search(len(round), func(i int) bool { return pre[i+1] > lo })
				j := sort.Search(len(round), func(j int) bool { return pre[j+1] >= hi })
				stack[w] = peelLevel(off, adj, deg, k, round[i:j+1], off[round[i]]+lo-pre[i], off[round[j]]+hi-pre[j], stack[w], lowered[w], true)
			}
		}
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if state.CompareAndSwap(0, 1) {
				run(1)
			}
		}()
		run(0)
		if !state.CompareAndSwap(0, 2) {
			wg.Wait()
		}
	}
	return nil
}

// peelLevel peels at level k the links from position from in the first
// entity's row of round to position to in the last one's, then every
// entity it lowers to k, through stack (returned for reuse); entities it
// lowers to d > k go into bucket[d]. shared: another core peels the
// same level at the same time, so degrees are read and lowered
// atomically.
func peelLevel(off, adj, deg []int32, k int32, round []int32, from, to int32, stack []int32, bucket [][]int32, shared bool) []int32 {
	stack = stack[:0]
	for i, v := range round {
		a, b := off[v], off[v+1]
		if i == 0 {
			a = from
		}
		if i == len(round)-1 {
			b = to
		}
		stack = lowerRow(adj[a:b], deg, k, stack, bucket, shared)
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stack = lowerRow(adj[off[v]:off[v+1]], deg, k, stack, bucket, shared)
	}
	return stack
}

// lowerNeighbours lowers the degree of each entity of row above level k
// by one: one that reaches k goes on stack (peeled at this level), the
// others into the bucket of their new degree (the peeling of KCore, peel
// and peelLevel).
func lowerNeighbours(row, deg []int32, k int32, stack []int32, bucket [][]int32) []int32 {
	for _, u := range row {
		du := deg[u]
		if du <= k {
			continue
		}
		du--
		deg[u] = du
		if du == k {
			stack = append(stack, u)
		} else {
			bucket[du] = append(bucket[du], u)
		}
	}
	return stack
}

// lowerRow is lowerNeighbours, with atomic updates when the levels are
// peeled on several cores at once (shared).
func lowerRow(row, deg []int32, k int32, stack []int32, bucket [][]int32, shared bool) []int32 {
	if !shared {
		return lowerNeighbours(row, deg, k, stack, bucket)
	}
	for _, u := range row {
		for {
			du := atomic.LoadInt32(&deg[u])
			if du <= k {
				break
			}
			if atomic.CompareAndSwapInt32(&deg[u], du, du-1) {
				if du--; du == k {
					stack = append(stack, u)
				} else {
					bucket[du] = append(bucket[du], u)
				}
				break
			}
		}
	}
	return stack
}

// maxDegree is the largest of deg (0 when empty).
func maxDegree(deg []int32) int32 {
	maxd := int32(0)
	for _, d := range deg {
		maxd = max(maxd, d)
	}
	return maxd
}

// degreeBuckets sorts the entities by degree (a counting sort, deg[v] ≤
// maxd) into one array and returns, for each degree, the entities of that
// degree as a slice of it, capped so that an append copies instead of
// running into the next bucket (the lazy buckets of KCore, peel and
// peelShared).
func degreeBuckets(deg []int32, maxd int32) [][]int32 {
	start := make([]int32, maxd+2)
	for _, d := range deg {
		start[d+1]++
	}
	for d := int32(1); d < int32(len(start)); d++ {
		start[d] += start[d-1]
	}
	vert := make([]int32, len(deg))
	fill := make([]int32, maxd+1)
	copy(fill, start)
	for v, d := range deg {
		vert[fill[d]] = int32(v)
		fill[d]++
	}
	bucket := make([][]int32, maxd+1)
	for d := range bucket {
		bucket[d] = vert[start[d]:start[d+1]:start[d+1]]
	}
	return bucket
}
