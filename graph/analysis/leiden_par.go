package analysis

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// Leiden's refinement and aggregation, each spread over the cores. Both
// work community by community, and communities share no state, so the
// result does not depend on how many cores there are or which one took
// which community: the refinement draws its random numbers from a
// generator of the community's own (seeded by the level's seed and the
// community's number), not from one shared stream.

// parallelFor runs f(worker, i) for i in [0, n) in chunks, over up to
// GOMAXPROCS workers (worker < that number).
func parallelFor(n, chunk int, f func(worker, lo, hi int)) {
	w := workers((n + chunk - 1) / chunk)
	if w <= 1 {
		f(0, 0, n)
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				f(k, lo, min(lo+chunk, n))
			}
		}(k)
	}
	wg.Wait()
}

// members buckets g's nodes by part (k parts): the nodes of part c are
// nodes[off[c]:off[c+1]], in increasing order.
func members(part []int32, k int, bufs *leidenBufs) (off, nodes []int32) {
	off = zeroed(&bufs.memOff, k+1)
	for _, c := range part {
		off[c+1]++
	}
	for c := 0; c < k; c++ {
		off[c+1] += off[c]
	}
	nodes = sized(&bufs.memNodes, len(part))
	pos := sized(&bufs.memPos, k)
	copy(pos, off[:k])
	for v, c := range part {
		nodes[pos[c]] = int32(v)
		pos[c]++
	}
	return off, nodes
}

// refine splits each community of part into well-connected refined
// communities (Leiden's RefinePartition and MergeNodesSubset): starting
// from singletons, each well-connected node still alone, in a random
// order, joins a well-connected refined community of its community,
// chosen at random with a probability growing with the modularity gain
// (theta 0.01), never a loss. A refined community is numbered by one of
// its nodes.
func refine(g *wgraph, part []int32, ncomm int, gamma float64, seed uint64, bufs *leidenBufs) []int32 {
	n := g.n
	refined := sized(&bufs.refined, n)
	kr := sized(&bufs.kr, n)   // strength of each refined community
	ext := sized(&bufs.ext, n) // its links to the rest of its community
	single := sized(&bufs.single, n)
	ks := zeroed(&bufs.ks, ncomm) // strength of each community
	for v := 0; v < n; v++ {
		refined[v] = int32(v)
		kr[v] = float64(g.k[v])
		single[v] = true
		ks[part[v]] += float64(g.k[v])
	}
	off, nodes := members(part, ncomm, bufs)
	states := bufs.workers(runtime.GOMAXPROCS(0), n)
	// a few communities at a time: on the upper levels there are only
	// hundreds, of very different sizes, and chunks of many would leave
	// one core with most of the work (a community's result does not
	// depend on which core takes it)
	parallelFor(ncomm, refineChunk, func(worker, lo, hi int) {
		st := states[worker]
		wc := st.wc
		var pcg rand.PCG
		for s := int32(lo); s < int32(hi); s++ {
			mem := nodes[off[s]:off[s+1]]
			if len(mem) < 2 {
				continue
			}
			// ext of each member: weight to the others of its community
			for _, v := range mem {
				adj, w := g.row(v)
				e := int32(0)
				for i, u := range adj {
					if u != v && part[u] == s {
						e += weightAt(w, i)
					}
				}
				ext[v] = float64(e)
			}
			pcg.Seed(seed, uint64(s))
			// a random order of the members (mem is this community's own
			// stretch of nodes: shuffling it in place is safe)
			for i := len(mem) - 1; i > 0; i-- {
				j := int(pcg.Uint64() % uint64(i+1))
				mem[i], mem[j] = mem[j], mem[i]
			}
			for _, v := range mem {
				if !single[v] {
					continue
				}
				kv := float64(g.k[v])
				// v must be well connected to its community
				if ext[v] < gamma*kv*(ks[s]-kv)/g.m2 {
					continue
				}
				touched := st.touched[:0]
				adj, w := g.row(v)
				for i, u := range adj {
					if u == v || part[u] != s {
						continue
					}
					c := refined[u]
					if wc[c] == 0 {
						touched = append(touched, c)
					}
					wc[c] += weightAt(w, i)
				}
				cand, weight := st.cand[:0], st.weight[:0]
				bestGain := 0.0
				for _, c := range touched {
					if c == refined[v] {
						continue
					}
					if ext[c] < gamma*kr[c]*(ks[s]-kr[c])/g.m2 {
						continue
					}
					gain := float64(wc[c]) - gamma*kv*kr[c]/g.m2
					if gain >= 0 {
						cand = append(cand, c)
						weight = append(weight, gain)
						bestGain = math.Max(bestGain, gain)
					}
				}
				if len(cand) > 0 {
					const theta = 0.01
					// staying alone (gain 0) is one of the choices
					total := math.Exp((0 - bestGain) / theta)
					for i := range weight {
						weight[i] = math.Exp((weight[i] - bestGain) / theta)
						total += weight[i]
					}
					x := float64(pcg.Uint64()>>11) * 0x1p-53 * total
					chosen := int32(-1)
					for i, c := range cand {
						if x < weight[i] {
							chosen = c
							break
						}
						x -= weight[i]
					}
					if chosen >= 0 {
						own := refined[v]
						refined[v] = chosen
						single[v] = false
						kr[chosen] += kv
						kr[own] = 0
						ext[chosen] = ext[chosen] + ext[v] - 2*float64(wc[chosen])
						// the community chosen is no longer a singleton either
						// (only members of s: other communities' nodes belong
						// to other workers)
						for _, u := range adj {
							if part[u] == s && refined[u] == chosen {
								single[u] = false
							}
						}
					}
				}
				for _, c := range touched {
					wc[c] = 0
				}
				st.touched, st.cand, st.weight = touched, cand, weight
			}
		}
	})
	return refined
}

// refineChunk is how many communities a core takes at a time in refine.
const refineChunk = 4

// aggregate collapses each part of g into one node, the rows of the
// aggregate made in chunks of parts over the cores and then joined.
func aggregate(g *wgraph, part []int32, k int, bufs *leidenBufs) *wgraph {
	off, nodes := members(part, k, bufs)
	a := &wgraph{n: k, off: make([]int32, k+1), self: make([]float64, k), k: make([]int32, k), m2: g.m2}
	const chunk = 1024
	nchunks := (k + chunk - 1) / chunk
	type piece struct {
		adj []int32
		w   []int32
	}
	pieces := make([]piece, nchunks)
	states := bufs.workers(runtime.GOMAXPROCS(0), k)
	rowLen := sized(&bufs.rowLen, k)
	parallelFor(k, chunk, func(worker, lo, hi int) {
		st := states[worker]
		acc := st.wc
		touched := st.touched[:0]
		p := piece{}
		// a guess at the piece's size: the arcs of its nodes
		guess := 0
		for _, v := range nodes[off[lo]:off[hi]] {
			guess += int(g.off[v+1] - g.off[v])
		}
		p.adj = make([]int32, 0, guess)
		p.w = make([]int32, 0, guess)
		for c := lo; c < hi; c++ {
			touched = touched[:0]
			self, strength := 0.0, int32(0)
			for _, v := range nodes[off[c]:off[c+1]] {
				self += g.self[v]
				strength += g.k[v]
				adj, w := g.row(v)
				for i, u := range adj {
					d := part[u]
					wi := weightAt(w, i)
					if int(d) == c {
						// each internal link is seen from both ends
						self += float64(wi) / 2
						continue
					}
					if acc[d] == 0 {
						touched = append(touched, d)
					}
					acc[d] += wi
				}
			}
			a.self[c], a.k[c] = self, strength
			for _, d := range touched {
				p.adj = append(p.adj, d)
				p.w = append(p.w, acc[d])
				acc[d] = 0
			}
			rowLen[c] = int32(len(touched))
		}
		st.touched = touched
		pieces[lo/chunk] = p
	})
	for c := 0; c < k; c++ {
		a.off[c+1] = a.off[c] + rowLen[c]
	}
	a.adj = make([]int32, a.off[k])
	a.w = make([]int32, a.off[k])
	parallelFor(nchunks, 1, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			at := a.off[i*chunk]
			copy(a.adj[at:], pieces[i].adj)
			copy(a.w[at:], pieces[i].w)
		}
	})
	return a
}
