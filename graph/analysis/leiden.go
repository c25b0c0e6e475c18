package analysis

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
)

// CommunityOptions are Leiden's parameters.
type CommunityOptions struct {
	// Resolution is the modularity's resolution (gamma); 1 when 0. Higher
	// values give more, smaller communities.
	Resolution float64
	// Seed fixes the random order the nodes are visited in and the
	// refinement's random choices: one seed gives one partition, on any
	// number of cores (the refinement and aggregation run over the cores,
	// but each community draws from a generator of its own).
	Seed uint64
	// Passes is the most times the whole algorithm runs (each pass from
	// the previous one's result, and each can only improve the
	// partition); later passes stop once two in a row improve modularity
	// by less than MinGain. When 0: 10 on nets of up to ManyPassesLinks
	// links, where a pass takes milliseconds and a second one can still
	// gain 0.01; 1 above, where one pass and its polish (see Leiden) come
	// within 0.0004 of what more give (the 100k synthetic graph: 0.9618,
	// against 0.9622 after three passes) for a third of the time.
	Passes int
	// MinGain is 1e-4 when 0.
	MinGain float64
}

// ManyPassesLinks is the largest net Leiden runs several passes on by
// default (CommunityOptions.Passes).
const ManyPassesLinks = 100_000

// Communities is a partition into communities, numbered largest first
// (ties by smallest member), with its modularity.
type Communities struct {
	Of         []int32
	Sizes      []int
	Modularity float64
}

// Leiden finds communities by the Leiden algorithm (Traag, Waltman and van
// Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
// communities") maximising modularity on the undirected simple graph:
// Louvain's local moving (the fast, queue-based variant), then a
// refinement that splits each community into well-connected parts before
// aggregating, so that no community ends up badly connected (every
// community it returns is connected). The links are unweighted, as in
// networkx's and igraph's defaults on a simple graph.
//
// Each pass ends with a polish: the first step of the next pass, the fast
// local moving of single entities on the original graph from the pass's
// partition (after aggregation, Leiden moves only whole refined parts),
// then a split of any community that moving left disconnected into its
// connected parts (which only raises modularity, as the links inside stay
// inside and the squared strengths shrink). It gets most of a second
// pass's gain for a fraction of its cost.
func Leiden(ctx context.Context, net *Net, o CommunityOptions, progress Progress) (Communities, error) {
	if o.Resolution == 0 {
		o.Resolution = 1
	}
	if o.Passes == 0 {
		o.Passes = 1
		if net.Links() <= ManyPassesLinks {
			o.Passes = 10
		}
	}
	if o.MinGain == 0 {
		o.MinGain = 1e-4
	}
	base := weightedFromNet(net)
	n := net.N
	of := make([]int32, n)
	for i := range of {
		of[i] = int32(i)
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x6c656964656e))
	bufs := &leidenBufs{}
	// the first pass's result is taken whatever it scores (the
	// singletons' modularity is not worth a sweep over the graph)
	best := 0.0
	// stop after two passes in a row that gain under MinGain (one random
	// pass that finds nothing better is common on small graphs)
	stalled := 0
	for pass := 0; pass < o.Passes && stalled < 2; pass++ {
		next, err := leidenPass(ctx, base, of, o.Resolution, r, bufs)
		if err != nil {
			return Communities{}, err
		}
		moveNodesFast(base, next, o.Resolution, r, true, bufs)
		splitDisconnected(base, next)
		q := modularity(base, next, o.Resolution)
		progress.report(float64(pass+1) / float64(o.Passes))
		if pass > 0 && q-best < o.MinGain {
			stalled++
		} else {
			stalled = 0
		}
		if q > best || pass == 0 {
			of, best = next, q
		}
	}
	k := compact(of)
	sizes := make([]int, k)
	for _, x := range of {
		sizes[x]++
	}
	c := renumber(of, sizes)
	return Communities{Of: c.Of, Sizes: c.Sizes, Modularity: best}, nil
}

// wgraph is an undirected weighted graph with self-loops, the aggregate
// networks Leiden works on. The links of the simple graph are unweighted,
// so every weight is a whole number of links: int32, half the memory of a
// float64, and sums of them are exact either way (the gains come out the
// same to the last bit).
type wgraph struct {
	n    int
	off  []int32
	adj  []int32
	w    []int32   // nil: every link weighs 1 (the first level)
	self []float64 // the self-loop's weight (an edge counted once)
	k    []int32   // strength: sum of w plus twice self
	m2   float64   // sum of k: twice the total weight
}

func (g *wgraph) row(v int32) ([]int32, []int32) {
	if g.w == nil {
		return g.adj[g.off[v]:g.off[v+1]], nil
	}
	return g.adj[g.off[v]:g.off[v+1]], g.w[g.off[v]:g.off[v+1]]
}

// weightAt is the weight of a row's i-th link (w from row: nil when all
// weigh 1).
func weightAt(w []int32, i int) int32 {
	if w == nil {
		return 1
	}
	return w[i]
}

func weightedFromNet(net *Net) *wgraph {
	n := net.N
	g := &wgraph{n: n, off: net.OutOff, adj: net.Out, self: make([]float64, n), k: make([]int32, n)}
	if net.Directed {
		// should not happen: communities use the undirected net
		panic("analysis: Leiden on a directed net")
	}
	for v := 0; v < n; v++ {
		g.k[v] = net.OutOff[v+1] - net.OutOff[v]
		g.m2 += float64(g.k[v])
	}
	return g
}

// modularity of the partition of g: sum over communities of
// in_c/m - gamma (K_c/2m)^2.
func modularity(g *wgraph, of []int32, gamma float64) float64 {
	if g.m2 == 0 {
		return 0
	}
	nc := int32(0)
	for _, c := range of {
		nc = max(nc, c+1)
	}
	// over the cores, each with sums of its own, added up after: every
	// term is a whole number of links, so the sums are exact in any order
	// and the value is the same on any number of cores
	nw := workers((g.n + 1<<15 - 1) >> 15)
	ins, kcs := make([][]float64, nw), make([][]float64, nw)
	for k := range ins {
		ins[k], kcs[k] = make([]float64, nc), make([]float64, nc)
	}
	parallelFor(g.n, 1<<15, func(worker, lo, hi int) {
		in, kc := ins[worker], kcs[worker]
		for v := int32(lo); v < int32(hi); v++ {
			c := of[v]
			kc[c] += float64(g.k[v])
			in[c] += g.self[v]
			adj, w := g.row(v)
			for i, u := range adj {
				if of[u] == c && u > v {
					in[c] += float64(weightAt(w, i))
				}
			}
		}
	})
	in, kc := ins[0], kcs[0]
	for k := 1; k < nw; k++ {
		for c := range in {
			in[c] += ins[k][c]
			kc[c] += kcs[k][c]
		}
	}
	m := g.m2 / 2
	q := 0.0
	for c := range in {
		q += in[c]/m - gamma*(kc[c]/g.m2)*(kc[c]/g.m2)
	}
	return q
}

// leidenPass runs the Leiden algorithm once from the partition start of
// g's nodes and returns the partition found.
func leidenPass(ctx context.Context, base *wgraph, start []int32, gamma float64, r *rand.Rand, bufs *leidenBufs) ([]int32, error) {
	g := base
	// member[v] is the aggregate node of each original node
	member := make([]int32, base.n)
	for i := range member {
		member[i] = int32(i)
	}
	part := slices.Clone(start)
	for level := 0; ; level++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		moveNodesFast(g, part, gamma, r, false, bufs)
		ncomm := compact(part)
		if ncomm == g.n {
			break
		}
		refined := refine(g, part, ncomm, gamma, r.Uint64(), bufs)
		nref := compact(refined)
		// the aggregate's initial partition: each refined community in
		// the community of its members
		agPart := make([]int32, nref)
		for v := 0; v < g.n; v++ {
			agPart[refined[v]] = part[v]
		}
		for i, m := range member {
			member[i] = refined[m]
		}
		if nref == g.n {
			// refinement could not merge anything: aggregating would not
			// shrink the graph; the partition is final
			break
		}
		g = aggregate(g, refined, nref, bufs)
		part = agPart
	}
	out := make([]int32, base.n)
	for i, m := range member {
		out[i] = part[m]
	}
	return out, nil
}

// compact renumbers a partition 0..k-1 in order of first appearance and
// returns k.
func compact(part []int32) int {
	top := int32(0)
	for _, c := range part {
		top = max(top, c+1)
	}
	ids := make([]int32, top)
	for i := range ids {
		ids[i] = -1
	}
	k := int32(0)
	for i, c := range part {
		if ids[c] < 0 {
			ids[c] = k
			k++
		}
		part[i] = ids[c]
	}
	return int(k)
}

// hubShare: see moveNodesFast.
const hubShare = 8

// moveBatch is how many nodes of the queue moveNodesFast decides on at
// once, over the cores (a constant, so the partition does not depend on
// their number).
const moveBatch = 1024

// patchRow: see moveNodesFast.
const patchRow = 32

// moveDecision is a node's choice in a batch: the neighbouring community
// (or its own) of best gain, with the node's link weights to it and to
// its own community.
type moveDecision struct {
	best        int32
	dirty       bool // a neighbour moved since: decide again
	wBest, wOld float64
}

// moveNodesFast is Leiden's fast local moving: nodes in a queue (random
// order at first); each moves to the neighbouring community (or an empty
// one) that most increases modularity, and when it moves its neighbours
// outside its new community are queued again, except that a node of more
// than hubShare neighbours is queued again only once 1/hubShare of them
// moved since it was last looked at (a hub's choice rarely turns on one
// leaf, and looking costs its whole row).
//
// The queue is taken moveBatch nodes at a time: every node of a batch
// reads its row and picks its best community against the state at the
// batch's start, over the cores; then the moves are applied one by one
// in queue order, each checked against the community strengths of that
// moment (a move that no longer gains is not made). A node of up to
// patchRow neighbours with a neighbour that moved earlier in the batch
// decides again then, from the current state; a longer row (a hub's,
// which a leaf's move would otherwise have read again in full) keeps its
// choice, its weights to its own and its chosen community corrected as
// the neighbours move. So every move made gains, counted exactly. The
// result depends on the seed only, not on the cores.
//
// boundaryOnly starts the queue with only the nodes that have a neighbour
// in another community (the others join it when a neighbour moves): for
// the polish, which starts from a finished partition where an inner node
// has nowhere better to go.
func moveNodesFast(g *wgraph, part []int32, gamma float64, r *rand.Rand, boundaryOnly bool, bufs *leidenBufs) {
	if bufs == nil {
		bufs = &leidenBufs{}
	}
	n := g.n
	// int32 like the strengths: half the cache lines of float64 in
	// decide's random reads
	kc := zeroed(&bufs.kc, n)
	size := zeroed(&bufs.size, n)
	for v := 0; v < n; v++ {
		kc[part[v]] += g.k[v]
		size[part[v]]++
	}
	empty := bufs.empty[:0]
	for c := int32(n - 1); c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, c)
		}
	}
	queue := bufs.queue[:0]
	// all false between calls: every node queued is taken off by the end
	inQueue := sized(&bufs.inQueue, n)
	if boundaryOnly {
		// the nodes with a neighbour in another community, marked over
		// the cores, then queued in order
		parallelFor(n, 1<<14, func(_, lo, hi int) {
			for v := int32(lo); v < int32(hi); v++ {
				adj, _ := g.row(v)
				for _, u := range adj {
					if part[u] != part[v] {
						inQueue[v] = true
						break
					}
				}
			}
		})
		for v := int32(0); v < int32(n); v++ {
			if inQueue[v] {
				queue = append(queue, v)
			}
		}
	} else {
		for v := int32(0); v < int32(n); v++ {
			queue = append(queue, v)
			inQueue[v] = true
		}
	}
	r.Shuffle(len(queue), func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	states := bufs.workers(workers(moveBatch/256), n)
	// decide is v's best community against the current state (read only)
	decide := func(st *leidenScratch, v int32) moveDecision {
		wc := st.wc
		old := part[v]
		touched := st.touched[:0]
		adj, w := g.row(v)
		if w == nil {
			for _, u := range adj {
				c := part[u]
				if wc[c] == 0 {
					touched = append(touched, c)
				}
				wc[c]++
			}
		} else {
			for i, u := range adj {
				c := part[u]
				if wc[c] == 0 {
					touched = append(touched, c)
				}
				wc[c] += w[i]
			}
		}
		kv := float64(g.k[v])
		kf := gamma * kv / g.m2
		best, bestGain := old, float64(wc[old])-kf*(float64(kc[old])-kv)
		for _, c := range touched {
			if c == old {
				continue
			}
			if gain := float64(wc[c]) - kf*float64(kc[c]); gain > bestGain {
				best, bestGain = c, gain
			}
		}
		d := moveDecision{best: best, wBest: float64(wc[best]), wOld: float64(wc[old])}
		for _, c := range touched {
			wc[c] = 0
		}
		st.touched = touched
		return d
	}
	moved := zeroed(&bufs.moved, n)
	// tag[v] - base is v's place in the batch when base <= tag[v] (the
	// bases grow by moveBatch from batch to batch, and start again from a
	// cleared tag before they could overflow)
	tag := zeroed(&bufs.tag, n)
	decisions := bufs.decisions[:moveBatch]
	head := 0
	for base := int32(moveBatch); head < len(queue); base += moveBatch {
		if base > math.MaxInt32-2*moveBatch {
			clear(tag)
			base = moveBatch
		}
		if head > n && head*2 > len(queue) {
			queue = append(queue[:0], queue[head:]...)
			head = 0
		}
		batch := queue[head:min(head+moveBatch, len(queue))]
		head += len(batch)
		for i, v := range batch {
			tag[v] = base + int32(i)
		}
		if len(batch) >= 512 {
			parallelFor(len(batch), 256, func(worker, lo, hi int) {
				st := states[worker]
				for i := lo; i < hi; i++ {
					decisions[i] = decide(st, batch[i])
				}
			})
		} else {
			for i, v := range batch {
				decisions[i] = decide(states[0], v)
			}
		}
		for i, v := range batch {
			inQueue[v] = false
			moved[v] = 0
			d := decisions[i]
			if d.dirty {
				d = decide(states[0], v)
			}
			old := part[v]
			ki := g.k[v]
			kc[old] -= ki
			kv := float64(ki)
			size[old]--
			kf := gamma * kv / g.m2
			best, bestGain := old, d.wOld-kf*float64(kc[old])
			if d.best != old {
				if gain := d.wBest - kf*float64(kc[d.best]); gain > bestGain {
					best, bestGain = d.best, gain
				}
			}
			if bestGain < 0 && size[old] > 0 {
				// alone in an empty community gains 0
				if len(empty) > 0 {
					best = empty[len(empty)-1]
					empty = empty[:len(empty)-1]
				}
			}
			if size[old] == 0 && best != old {
				empty = append(empty, old)
			}
			part[v] = best
			kc[best] += ki
			size[best]++
			if best == old {
				continue
			}
			adj, w := g.row(v)
			for j, u := range adj {
				if at := tag[u] - base; at > int32(i) {
					// u decides later in this batch: a short row is read
					// again then; a long one's two weights are corrected
					du := &decisions[at]
					if g.off[u+1]-g.off[u] <= patchRow {
						du.dirty = true
					} else {
						wj := float64(weightAt(w, j))
						if part[u] == old {
							du.wOld -= wj
						} else if part[u] == best {
							du.wOld += wj
						}
						if du.best == old {
							du.wBest -= wj
						} else if du.best == best {
							du.wBest += wj
						}
					}
				}
				if part[u] == best || inQueue[u] {
					continue
				}
				// a hub is looked at again once an eighth of its
				// neighbours moved since its last look, not at each
				moved[u]++
				if moved[u]*hubShare >= g.off[u+1]-g.off[u] {
					inQueue[u] = true
					queue = append(queue, u)
				}
			}
		}
	}
	bufs.queue, bufs.empty = queue[:0], empty[:0]
}

// splitDisconnected gives each connected part of a community a community
// of its own (numbered after the existing ones), in place.
func splitDisconnected(g *wgraph, part []int32) {
	k := int32(compact(part))
	n := g.n
	// the first part of each community found keeps its number
	kept := make([]bool, k)
	label := make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	stack := make([]int32, 0, 64)
	for s := int32(0); s < int32(n); s++ {
		if label[s] >= 0 {
			continue
		}
		c := part[s]
		id := c
		if kept[c] {
			id = k
			k++
		}
		kept[c] = true
		label[s] = id
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			adj, _ := g.row(v)
			for _, u := range adj {
				if label[u] < 0 && part[u] == c {
					label[u] = id
					stack = append(stack, u)
				}
			}
		}
	}
	copy(part, label)
}
