package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// hubGraph is a random graph of planted groups of 50 with a few hubs
// linked to a tenth of all entities, so that local moving's batches meet
// rows long enough to have their weights corrected instead of re-read.
func hubGraph(r *rand.Rand, n int) *graph.Graph {
	g := graph.New(n, 0)
	for i := 0; i < n; i++ {
		g.AddNode(graph.Node{ID: fmt.Sprint(i), Type: "t"})
	}
	link := func(a, b int) { g.AddEdge(graph.Edge{From: int32(a), To: int32(b), Type: "r"}) }
	for v := 0; v < n; v++ {
		for k := 0; k < 3; k++ {
			if r.IntN(5) == 0 {
				link(v, r.IntN(n))
			} else {
				link(v, v/50*50+r.IntN(50))
			}
		}
	}
	for h := 0; h < 5; h++ {
		for k := 0; k < n/10; k++ {
			link(h, r.IntN(n))
		}
	}
	return g
}

// TestMoveNodesFastBatchesOnAnyCores: local moving decides its batches
// over the cores; the partition it reaches, hubs included, is the same on
// one core as on four, and raises modularity from singletons.
func TestMoveNodesFastBatchesOnAnyCores(t *testing.T) {
	net, err := NewNet(context.Background(), hubGraph(rand.New(rand.NewPCG(4, 4)), 20000).Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if net.OutOff[1]-net.OutOff[0] <= patchRow {
		t.Fatalf("hub row of %d: no correction to test", net.OutOff[1]-net.OutOff[0])
	}
	g := weightedFromNet(net)
	run := func(procs int) []int32 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		part := make([]int32, g.n)
		for i := range part {
			part[i] = int32(i)
		}
		moveNodesFast(g, part, 1, rand.New(rand.NewPCG(2, 2)), false, nil)
		return part
	}
	one, four := run(1), run(4)
	if !slices.Equal(one, four) {
		t.Fatal("local moving differs between one core and four")
	}
	single := make([]int32, g.n)
	for i := range single {
		single[i] = int32(i)
	}
	if q0, q := modularity(g, single, 1), modularity(g, one, 1); q < q0+0.2 {
		t.Fatalf("modularity %.4f after local moving, %.4f before", q, q0)
	}
}

// TestMoveNodesFastAsOneLoop: the three steps of a batch (decide over the
// cores, apply in order, queue the movers' neighbours over the cores)
// give the partition the one loop gave, applying each move and queueing
// its neighbours at once: on the unit-weight first level, on an
// aggregate with weights, and in the polish (boundaryOnly), on one core
// and on two.
func TestMoveNodesFastAsOneLoop(t *testing.T) {
	net, err := NewNet(context.Background(), hubGraph(rand.New(rand.NewPCG(6, 6)), 30000).Topology(), NetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	base := weightedFromNet(net)
	singles := func(n int) []int32 {
		p := make([]int32, n)
		for i := range p {
			p[i] = int32(i)
		}
		return p
	}
	// an aggregate: local moving, then refinement, then the graph of the
	// refined parts (weighted links and self-loops)
	first := singles(base.n)
	moveNodesFast(base, first, 1, rand.New(rand.NewPCG(1, 1)), false, nil)
	ncomm := compact(first)
	bufs := &leidenBufs{}
	refined := refine(base, first, ncomm, 1, 7, bufs)
	nref := compact(refined)
	agg := aggregate(base, refined, nref, bufs)
	if agg.w == nil || agg.n < 1000 {
		t.Fatalf("aggregate of %d nodes: nothing weighted to test", agg.n)
	}
	polishFrom := slices.Clone(first)
	cases := []struct {
		name     string
		g        *wgraph
		start    []int32
		boundary bool
	}{
		{"first level", base, singles(base.n), false},
		{"aggregate", agg, singles(agg.n), false},
		{"polish", base, polishFrom, true},
	}
	for _, c := range cases {
		want := slices.Clone(c.start)
		moveNodesOneLoop(c.g, want, 1, rand.New(rand.NewPCG(3, 3)), c.boundary)
		for _, procs := range []int{1, 2} {
			got := slices.Clone(c.start)
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				moveNodesFast(c.g, got, 1, rand.New(rand.NewPCG(3, 3)), c.boundary, bufs)
			}()
			if !slices.Equal(got, want) {
				diff := 0
				for i := range got {
					if got[i] != want[i] {
						diff++
					}
				}
				t.Errorf("%s, %d cores: %d of %d nodes in another community than the one loop's", c.name, procs, diff, len(got))
			}
		}
		if slices.Equal(want, c.start) {
			t.Errorf("%s: nothing moved", c.name)
		}
	}
}

// moveNodesOneLoop is moveNodesFast as it was before its three steps:
// each move applied and its neighbours queued in one loop, reading the
// mover's row for both. The reference the steps must agree with.
func moveNodesOneLoop(g *wgraph, part []int32, gamma float64, r *rand.Rand, boundaryOnly bool) {
	n := g.n
	kc := make([]float64, n)
	size := make([]int32, n)
	for v := 0; v < n; v++ {
		kc[part[v]] += g.k[v]
		size[part[v]]++
	}
	var empty []int32
	for c := int32(n - 1); c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, c)
		}
	}
	queue := make([]int32, 0, n)
	inQueue := make([]bool, n)
	for v := int32(0); v < int32(n); v++ {
		if boundaryOnly {
			adj, _ := g.row(v)
			inner := true
			for _, u := range adj {
				if part[u] != part[v] {
					inner = false
					break
				}
			}
			if inner {
				continue
			}
		}
		queue = append(queue, v)
		inQueue[v] = true
	}
	r.Shuffle(len(queue), func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	// per worker: the weights to each community and the ones touched
	type scratch struct {
		wc      []int32
		touched []int32
	}
	states := make([]*scratch, workers(moveBatch/256))
	for i := range states {
		states[i] = &scratch{wc: make([]int32, n)}
	}
	// decide is v's best community against the current state (read only)
	decide := func(st *scratch, v int32) moveDecision {
		wc := st.wc
		old := part[v]
		touched := st.touched[:0]
		adj, w := g.row(v)
		for i, u := range adj {
			c := part[u]
			if wc[c] == 0 {
				touched = append(touched, c)
			}
			wc[c] += weightAt(w, i)
		}
		kv := g.k[v]
		kf := gamma * kv / g.m2
		best, bestGain := old, float64(wc[old])-kf*(kc[old]-kv)
		for _, c := range touched {
			if c == old {
				continue
			}
			if gain := float64(wc[c]) - kf*kc[c]; gain > bestGain {
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
	moved := make([]int32, n)
	// tag[v] - base is v's place in the batch when base <= tag[v] (the
	// bases grow by moveBatch from batch to batch; int64 so they cannot
	// wrap)
	tag := make([]int64, n)
	decisions := make([]moveDecision, moveBatch)
	head := 0
	for base := int64(moveBatch); head < len(queue); base += moveBatch {
		if head > n && head*2 > len(queue) {
			queue = append(queue[:0], queue[head:]...)
			head = 0
		}
		batch := queue[head:min(head+moveBatch, len(queue))]
		head += len(batch)
		for i, v := range batch {
			tag[v] = base + int64(i)
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
			kv := g.k[v]
			kc[old] -= kv
			size[old]--
			kf := gamma * kv / g.m2
			best, bestGain := old, d.wOld-kf*kc[old]
			if d.best != old {
				if gain := d.wBest - kf*kc[d.best]; gain > bestGain {
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
			kc[best] += kv
			size[best]++
			if best == old {
				continue
			}
			adj, w := g.row(v)
			for j, u := range adj {
				if at := tag[u] - base; at > int64(i) {
					// u decides later in this batch: a short row is read
					// again then; a long one's two weights are corrected
					du := &decisions[at]
					if g.off[u+1]-g.off[u] <= patchRow {
						du.dirty = true
					} else {
						if part[u] == old {
							du.wOld -= float64(weightAt(w, j))
						} else if part[u] == best {
							du.wOld += float64(weightAt(w, j))
						}
						if du.best == old {
							du.wBest -= float64(weightAt(w, j))
						} else if du.best == best {
							du.wBest += float64(weightAt(w, j))
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
}
