package analysis

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/linkscope/linkscope/graph"
)

// Progress receives how much of a computation is done, from 0 to 1. It
// may be nil.
type Progress func(done float64)

func (p Progress) report(f float64) {
	if p != nil {
		p(f)
	}
}

// DegreeKind chooses which relations a degree counts.
type DegreeKind int

const (
	DegreeTotal DegreeKind = iota
	DegreeIn
	DegreeOut
)

// Degree counts each entity's relations (self-loops count twice in the
// total, once in and once out; parallel relations each count), as
// networkx's degree on a MultiDiGraph does. When weight is non-nil, each
// relation counts weight(r) instead of 1 (a numeric property: an amount, a
// strength). keep, when non-nil, chooses the relations counted.
func Degree(t *graph.Topology, kind DegreeKind, weight func(r int32) float64, keep func(r int32) bool) []float64 {
	d := make([]float64, t.N)
	for r := 0; r < t.M; r++ {
		if keep != nil && !keep(int32(r)) {
			continue
		}
		w := 1.0
		if weight != nil {
			w = weight(int32(r))
		}
		if kind != DegreeIn {
			d[t.Src[r]] += w
		}
		if kind != DegreeOut {
			d[t.Dst[r]] += w
		}
	}
	return d
}

// workers is how many goroutines the all-sources measures use.
func workers(n int) int {
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	if w < 1 {
		w = 1
	}
	return w
}

// forSources runs f(worker, s) for every source s of sources, spread over
// the workers, each with its own state made by mk; it stops early when
// ctx is cancelled and reports progress.
func forSources[S any](ctx context.Context, sources []int32, mk func() S, f func(st S, s int32), progress Progress) ([]S, error) {
	w := workers(len(sources))
	states := make([]S, w)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for k := 0; k < w; k++ {
		states[k] = mk()
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			st := states[k]
			for i := k; i < len(sources); i += w {
				if ctx.Err() != nil {
					return
				}
				f(st, sources[i])
				if (i/w)&63 == 63 {
					mu.Lock()
					done += 64
					progress.report(float64(done) / float64(len(sources)))
					mu.Unlock()
				}
			}
		}(k)
	}
	wg.Wait()
	return states, ctx.Err()
}

// BetweennessOptions choose exact or sampled betweenness.
type BetweennessOptions struct {
	// Samples, when > 0 and below the number of entities, estimates
	// betweenness from that many source entities drawn without
	// replacement (Brandes and Pich 2007), scaled by N/Samples as
	// networkx's k does.
	Samples int
	Seed    uint64
}

// BetweennessBound is the error bound of a sampled betweenness: with
// probability 1-delta, every normalised value is within the returned
// epsilon of the exact one, by Hoeffding's inequality (which holds for
// sampling without replacement): each sampled source adds a term in
// [0, N/(N-1)] and the estimate is their mean, so
// P(|est - exact| >= eps) <= 2 exp(-2 k eps^2 / (N/(N-1))^2).
func BetweennessBound(n, samples int, delta float64) float64 {
	if samples <= 0 || samples >= n || n < 3 {
		return 0
	}
	r := float64(n) / float64(n-1)
	return r * math.Sqrt(math.Log(2/delta)/(2*float64(samples)))
}

// Betweenness is Brandes' (2001) betweenness centrality on the simple
// graph, normalised as networkx's betweenness_centrality(normalized=True):
// the sum over sources of the dependencies, divided by (N-1)(N-2), so
// that a value is the share of the shortest paths between other pairs
// that pass through the entity.
func Betweenness(ctx context.Context, net *Net, o BetweennessOptions, progress Progress) ([]float64, error) {
	n := net.N
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	scale := 1.0
	if o.Samples > 0 && o.Samples < n {
		r := rand.New(rand.NewPCG(o.Seed, 0x6265747765656e))
		r.Shuffle(n, func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
		sources = sources[:o.Samples]
		scale = float64(n) / float64(o.Samples)
	}
	net, perm := bfsOrdered(net)
	newID := make([]int32, n)
	for k, old := range perm {
		newID[old] = int32(k)
	}
	for i, s := range sources {
		sources[i] = newID[s]
	}
	// per-entity search state side by side, so that a neighbour's check
	// touches one cache line
	type cell struct {
		sigma, delta float64
		dist         int32
	}
	type state struct {
		bc    []float64
		c     []cell
		order []int32
	}
	mk := func() *state {
		st := &state{bc: make([]float64, n), c: make([]cell, n), order: make([]int32, 0, n)}
		for i := range st.c {
			st.c[i].dist = -1
		}
		return st
	}
	states, err := forSources(ctx, sources, mk, func(st *state, s int32) {
		c := st.c
		// breadth-first from s; order is the visit order (the queue)
		order := append(st.order[:0], s)
		c[s].sigma, c[s].dist = 1, 0
		for h := 0; h < len(order); h++ {
			v := order[h]
			dv, sv := c[v].dist+1, c[v].sigma
			for _, w := range net.Out[net.OutOff[v]:net.OutOff[v+1]] {
				cw := &c[w]
				if cw.dist < 0 {
					cw.dist = dv
					order = append(order, w)
				}
				if cw.dist == dv {
					cw.sigma += sv
				}
			}
		}
		// dependencies, farthest first; predecessors are the in-neighbours
		// one level closer
		for h := len(order) - 1; h > 0; h-- {
			w := order[h]
			cw := &c[w]
			coeff := (1 + cw.delta) / cw.sigma
			dw := cw.dist - 1
			for _, v := range net.In[net.InOff[w]:net.InOff[w+1]] {
				if cv := &c[v]; cv.dist == dw {
					cv.delta += cv.sigma * coeff
				}
			}
			st.bc[w] += cw.delta
		}
		for _, v := range order {
			c[v] = cell{dist: -1}
		}
		st.order = order
	}, progress)
	if err != nil {
		return nil, err
	}
	bc := make([]float64, n)
	for _, st := range states {
		for v, x := range st.bc {
			bc[perm[v]] += x
		}
	}
	norm := 0.0
	if n > 2 {
		norm = scale / (float64(n-1) * float64(n-2))
	}
	for v := range bc {
		bc[v] *= norm
	}
	return bc, nil
}

// DistanceOptions choose exact or sampled closeness and harmonic
// centrality.
type DistanceOptions struct {
	// Samples, when > 0 and below the number of entities, estimates the
	// measures from that many source entities drawn without replacement
	// (Eppstein and Wang 2004): one breadth-first search from each source
	// gives its distance to every entity, and each entity's share of
	// others reaching it, its sum of distances and its sum of their
	// reciprocals are the sampled sources' (those other than itself),
	// scaled to all N-1 others. Exact otherwise: a search into every
	// entity, N of them.
	Samples int
	Seed    uint64
}

// DistanceBound is the error bound of sampled closeness and harmonic
// centrality, by Hoeffding's inequality (which holds for sampling without
// replacement): with probability 1-delta, an entity's estimated share of
// others reaching it is within epsilon of the exact share, its harmonic
// centrality within epsilon·(N-1) (each sampled term 1/d is in [0, 1]),
// and, where every sampled source reaches it, the mean distance to it
// within epsilon·D, D the longest distance (each term in [0, D]); epsilon
// = sqrt(ln(2/delta) / 2k) for k sources (k-1 for a sampled entity
// itself, so the bound is taken for k-1).
func DistanceBound(n, samples int, delta float64) float64 {
	if samples <= 1 || samples >= n {
		return 0
	}
	return math.Sqrt(math.Log(2/delta) / (2 * float64(samples-1)))
}

// Closeness is networkx's closeness_centrality with wf_improved: for
// entity u reached from r others (along relations into u, when directed),
// r/(N-1) * r/(the sum of their distances); 0 when none. Sampled
// (DistanceOptions), r and the sum are estimated from the sources', so the
// value is the share of sources reaching u over their mean distance to it.
func Closeness(ctx context.Context, net *Net, o DistanceOptions, progress Progress) ([]float64, error) {
	return distances(ctx, net, o, progress, func(n int, r, sum, _ float64) float64 {
		if sum == 0 || n <= 1 {
			return 0
		}
		return r / float64(n-1) * r / sum
	})
}

// Harmonic is the harmonic centrality: the sum over the other entities of
// 1/distance to u (0 for those that do not reach it), as networkx's
// harmonic_centrality; sampled (DistanceOptions), estimated from the
// sources' terms scaled to all N-1 others.
func Harmonic(ctx context.Context, net *Net, o DistanceOptions, progress Progress) ([]float64, error) {
	return distances(ctx, net, o, progress, func(_ int, _, _, harm float64) float64 { return harm })
}

// distances gives f, for every entity u, the number r of others that
// reach u, the sum of their distances to u and the sum of the
// reciprocals: exactly, by a breadth-first search into every entity
// (against direction, when directed), or estimated from o.Samples sources
// (a search from each, along direction).
func distances(ctx context.Context, net *Net, o DistanceOptions, progress Progress, f func(n int, r, sum, harm float64) float64) ([]float64, error) {
	n := net.N
	if o.Samples > 0 && o.Samples < n {
		return sampledDistances(ctx, net, o, progress, f)
	}
	out := make([]float64, n)
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	type state struct {
		dist  []int32
		queue []int32
	}
	mk := func() *state {
		st := &state{dist: make([]int32, n), queue: make([]int32, 0, n)}
		for i := range st.dist {
			st.dist[i] = -1
		}
		return st
	}
	_, err := forSources(ctx, sources, mk, func(st *state, u int32) {
		q := append(st.queue[:0], u)
		st.dist[u] = 0
		sum, harm := 0.0, 0.0
		for h := 0; h < len(q); h++ {
			v := q[h]
			dv := st.dist[v] + 1
			for _, w := range net.InOf(v) {
				if st.dist[w] < 0 {
					st.dist[w] = dv
					sum += float64(dv)
					harm += 1 / float64(dv)
					q = append(q, w)
				}
			}
		}
		out[u] = f(n, float64(len(q)-1), sum, harm)
		for _, v := range q {
			st.dist[v] = -1
		}
		st.queue = q
	}, progress)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// sampledDistances is distances from o.Samples sources drawn at random.
func sampledDistances(ctx context.Context, net *Net, o DistanceOptions, progress Progress, f func(n int, r, sum, harm float64) float64) ([]float64, error) {
	n := net.N
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x636c6f7365))
	rng.Shuffle(n, func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
	sources = sources[:o.Samples]
	// per worker: how many sources reach each entity, and the sums of
	// their distances (whole numbers: exact in any order) and of the
	// reciprocals
	type state struct {
		dist    []int32
		queue   []int32
		reached []int32
		sum     []int64
		harm    []float64
	}
	mk := func() *state {
		st := &state{dist: make([]int32, n), queue: make([]int32, 0, n), reached: make([]int32, n), sum: make([]int64, n), harm: make([]float64, n)}
		for i := range st.dist {
			st.dist[i] = -1
		}
		return st
	}
	// the search is written out again rather than shared with distances':
	// counting where an entity is found, with no call per entity, is a
	// fifth faster (a search taking a callback, or a second pass over the
	// queue, measured at 100k)
	states, err := forSources(ctx, sources, mk, func(st *state, s int32) {
		q := append(st.queue[:0], s)
		st.dist[s] = 0
		for h := 0; h < len(q); h++ {
			v := q[h]
			dv := st.dist[v] + 1
			for _, w := range net.OutOf(v) {
				if st.dist[w] < 0 {
					st.dist[w] = dv
					st.reached[w]++
					st.sum[w] += int64(dv)
					st.harm[w] += 1 / float64(dv)
					q = append(q, w)
				}
			}
		}
		for _, v := range q {
			st.dist[v] = -1
		}
		st.queue = q
	}, progress)
	if err != nil {
		return nil, err
	}
	sampled := make([]bool, n)
	for _, s := range sources {
		sampled[s] = true
	}
	out := make([]float64, n)
	for v := range out {
		reached, sum, harm := int64(0), int64(0), 0.0
		for _, st := range states {
			reached += int64(st.reached[v])
			sum += st.sum[v]
			harm += st.harm[v]
		}
		k := len(sources)
		if sampled[v] {
			k-- // the sources other than v
		}
		if k == 0 {
			continue
		}
		scale := float64(n-1) / float64(k)
		out[v] = f(n, float64(reached)*scale, float64(sum)*scale, harm*scale)
	}
	return out, nil
}

// ErrNotConverged is returned by the power iterations that did not reach
// their tolerance.
var ErrNotConverged = errors.New("the power iteration did not converge")

// Eigenvector is networkx's eigenvector_centrality: power iteration on
// A+I (which converges on bipartite graphs too) from all ones, normalised
// to unit Euclidean length, stopping when the L1 change is below N*1e-6;
// directed, an entity's score comes from the entities pointing to it (the
// left eigenvector).
func Eigenvector(ctx context.Context, net *Net, maxIter int, progress Progress) ([]float64, error) {
	n := net.N
	if n == 0 {
		return nil, nil
	}
	if maxIter <= 0 {
		maxIter = 1000
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	tol := float64(n) * 1e-6
	for it := 0; it < maxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for v := int32(0); v < int32(n); v++ {
			s := x[v]
			for _, u := range net.InOf(v) {
				s += x[u]
			}
			next[v] = s
		}
		norm := 0.0
		for _, s := range next {
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for v := range next {
			next[v] /= norm
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		progress.report(float64(it+1) / float64(maxIter))
		if diff < tol {
			return x, nil
		}
	}
	return x, ErrNotConverged
}

// PageRankOptions are PageRank's parameters.
type PageRankOptions struct {
	// Damping is the probability of following a relation (0.85 when 0).
	Damping float64
	// Tol stops the iteration when the L1 change is below N*Tol (1e-6).
	Tol     float64
	MaxIter int // 1000 when 0
}

// PageRank is networkx's pagerank: a random surfer follows a relation with
// probability Damping (each link weighted by the number of relations it
// stands for, relations of an undirected graph both ways) and otherwise
// jumps to any entity; an entity with no outgoing relation (dangling)
// spreads its score over all entities uniformly. Scores sum to 1.
func PageRank(ctx context.Context, net *Net, o PageRankOptions, progress Progress) ([]float64, error) {
	n := net.N
	if n == 0 {
		return nil, nil
	}
	if o.Damping == 0 {
		o.Damping = 0.85
	}
	if o.Tol == 0 {
		o.Tol = 1e-6
	}
	if o.MaxIter == 0 {
		o.MaxIter = 1000
	}
	// out weight of each entity
	outW := make([]float64, n)
	for v := 0; v < n; v++ {
		for k := net.OutOff[v]; k < net.OutOff[v+1]; k++ {
			outW[v] += float64(net.Mult[k])
		}
	}
	// share[k] for each out link: mult / outW of its source, laid out by
	// the in-rows, so that one pass pulls along in-links
	inShare, inFrom := pullRows(net, outW)
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	a := o.Damping
	for it := 0; it < o.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dangling := 0.0
		for v := 0; v < n; v++ {
			if outW[v] == 0 {
				dangling += x[v]
			}
		}
		base := (a*dangling + 1 - a) / float64(n)
		diff := 0.0
		for v := 0; v < n; v++ {
			s := 0.0
			for k := net.InOff[v]; k < net.InOff[v+1]; k++ {
				s += x[inFrom[k]] * inShare[k]
			}
			next[v] = a*s + base
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		progress.report(float64(it+1) / float64(o.MaxIter))
		if diff < float64(n)*o.Tol {
			return x, nil
		}
	}
	return x, ErrNotConverged
}

// pullRows lays each link's transition probability out along the in-rows.
func pullRows(net *Net, outW []float64) (share []float64, from []int32) {
	share = make([]float64, len(net.In))
	from = net.In
	if !net.Directed {
		// undirected: the in-row of v is its neighbour list; the link u->v
		// has the multiplicity of v->u, which is the same.
		for v := int32(0); v < int32(net.N); v++ {
			for k := net.InOff[v]; k < net.InOff[v+1]; k++ {
				u := net.In[k]
				share[k] = float64(net.Mult[k]) / outW[u]
			}
		}
		return share, from
	}
	pos := make([]int32, net.N)
	copy(pos, net.InOff[:net.N])
	for u := int32(0); u < int32(net.N); u++ {
		for k := net.OutOff[u]; k < net.OutOff[u+1]; k++ {
			v := net.Out[k]
			share[pos[v]] = float64(net.Mult[k]) / outW[u]
			pos[v]++
		}
	}
	return share, from
}

// KCore is each entity's core number (the largest k such that it belongs
// to a subgraph where every entity has at least k links), by peeling in
// order of degree, as Batagelj and Zaversnik's O(m) bucket algorithm, with
// lazy buckets: a neighbour whose degree drops is pushed onto the bucket
// of its new degree (a stack) and its stale entries are skipped, instead
// of being swapped within one array (one write at the end of a bucket in
// use, where the swaps touch three places anywhere in memory). Directed,
// the degree is in plus out, as in networkx's core_number.
func KCore(ctx context.Context, net *Net) ([]float64, error) {
	n := net.N
	deg := make([]int32, n)
	maxd := int32(0)
	for v := int32(0); v < int32(n); v++ {
		d := net.OutOff[v+1] - net.OutOff[v]
		if net.Directed {
			d += net.InOff[v+1] - net.InOff[v]
		}
		deg[v] = d
		maxd = max(maxd, d)
	}
	bucket := degreeBuckets(deg, maxd)
	core := make([]float64, n)
	done := 0
	for k := int32(0); k <= maxd; k++ {
		b := bucket[k]
		for len(b) > 0 {
			v := b[len(b)-1]
			b = b[:len(b)-1]
			if deg[v] != k {
				continue // stale: lowered since, or peeled
			}
			deg[v] = -1
			core[v] = float64(k)
			if done++; done&0xffff == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			b = lowerNeighbours(net.OutOf(v), deg, k, b, bucket)
			if net.Directed {
				b = lowerNeighbours(net.InOf(v), deg, k, b, bucket)
			}
		}
		bucket[k] = nil
	}
	return core, nil
}
