package analysis

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/linkscope/linkscope/graph"
)

// Net is the simple graph the measures run on, built once from a
// topology: one link per ordered pair of distinct entities (parallel
// relations are one link, self-loops are left out), in compressed sparse
// rows. It is how networkx reads a multigraph after nx.DiGraph(G) or
// nx.Graph(G), the reference the tests compare with.
//
// Undirected (Directed false): Out holds each entity's neighbours and In
// is the same slice. Directed: Out follows relations in their direction
// (an undirected relation both ways), In against it.
type Net struct {
	N        int
	Directed bool
	OutOff   []int32
	Out      []int32
	InOff    []int32
	In       []int32
	// Mult is the number of relations each Out link stands for (the
	// weight for weighted degree and PageRank over a multigraph).
	Mult []int32
}

// NetOptions choose what the measures see.
type NetOptions struct {
	// Directed follows relation directions; otherwise every relation
	// links both ways.
	Directed bool
	// RelTypes, when non-nil, keeps only relations of these type ids
	// (indices into Topology.Types.Rels).
	RelTypes []bool
}

// OutOf returns v's out-neighbours (all neighbours when undirected).
func (n *Net) OutOf(v int32) []int32 { return n.Out[n.OutOff[v]:n.OutOff[v+1]] }

// InOf returns v's in-neighbours (all neighbours when undirected).
func (n *Net) InOf(v int32) []int32 { return n.In[n.InOff[v]:n.InOff[v+1]] }

// Links counts the links (each undirected link once).
func (n *Net) Links() int {
	if n.Directed {
		return len(n.Out)
	}
	return len(n.Out) / 2
}

// NewNet builds the simple graph of t under o.
//
// The topology's rows already hold each entity's arcs, so every row of
// the net is made where it is written: the arcs' other ends copied in,
// sorted (insertion sort, rows being short; a general sort for long
// ones), repeats folded into Mult. Memory is read and written in order,
// with no scatter over the whole graph.
func NewNet(ctx context.Context, t *graph.Topology, o NetOptions) (*Net, error) {
	net := &Net{N: t.N, Directed: o.Directed}
	if !o.Directed {
		// every relation links both ways: the arcs out and in
		net.OutOff, net.Out, net.Mult = netRows(ctx, t, o.RelTypes, t.OutOff, t.Out, t.InOff, t.In, true)
		net.InOff, net.In = net.OutOff, net.Out
		return net, ctx.Err()
	}
	net.OutOff, net.Out, net.Mult = netRows(ctx, t, o.RelTypes, t.OutOff, t.Out, t.RevOutOff, t.RevOut, true)
	if ctx.Err() == nil {
		net.InOff, net.In, _ = netRows(ctx, t, o.RelTypes, t.InOff, t.In, t.RevInOff, t.RevIn, false)
	}
	return net, ctx.Err()
}

// netRows writes, for each entity, the sorted distinct other ends of its
// arcs in two compressed-row arrays (the second may be empty), and when
// withMult how many arcs each stands for.
func netRows(ctx context.Context, t *graph.Topology, keep []bool, off1 []int32, arcs1 []graph.Arc, off2 []int32, arcs2 []graph.Arc, withMult bool) (off, adj, mult []int32) {
	nn := t.N
	size := len(arcs1) + len(arcs2)
	off = make([]int32, nn+1)
	adj = make([]int32, size)
	if withMult {
		mult = make([]int32, size)
	}
	// arcsBefore(v): where v's arcs would start, were none left out or
	// folded; a stretch of rows written from there stays within its arcs
	arcsBefore := func(v int32) int32 {
		a := off1[v]
		if len(arcs2) > 0 {
			a += off2[v]
		}
		return a
	}
	cols := [][]int32{adj}
	if withMult {
		cols = append(cols, mult)
	}
	k := fillHalves(nn, size, arcsBefore, off, func(lo, hi, k int32) int32 {
		return fillRows(ctx, t.RelType, keep, off1, arcs1, off2, arcs2, off, adj, mult, lo, hi, k)
	}, cols...)
	if ctx.Err() != nil {
		return nil, nil, nil
	}
	adj = adj[:k:k]
	if withMult {
		mult = mult[:k:k]
	}
	return off, adj, mult
}

// fillHalves writes the rows of nn entities (size arcs before any is left
// out or folded; arcsBefore(v) is where v's would start) with fill(lo, hi,
// k), which writes rows [lo, hi) from position k on, sets off[v+1] for
// each and returns where they end. When there are two cores it does so in
// two halves of about as many arcs each, one per core, each written in
// place, then moves the second half down in every column (adj, and the
// arrays beside it) to close the gap and shifts its offsets: the same
// rows as one pass writes. It returns the rows' end.
func fillHalves(nn, size int, arcsBefore func(int32) int32, off []int32, fill func(lo, hi, k int32) int32, cols ...[]int32) int32 {
	mid := int32(0)
	if runtime.GOMAXPROCS(0) > 1 && size > 1<<16 {
		mid = int32(sort.Search(nn, func(v int) bool { return int(arcsBefore(int32(v))) >= size/2 }))
	}
	if mid == 0 {
		return fill(0, int32(nn), 0)
	}
	var end1 int32
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		end1 = fill(mid, int32(nn), arcsBefore(mid))
	}()
	k := fill(0, mid, 0)
	wg.Wait()
	from := arcsBefore(mid)
	for _, c := range cols {
		copy(c[k:], c[from:end1])
	}
	gap := from - k
	for v := mid + 1; v <= int32(nn); v++ {
		off[v] -= gap
	}
	return end1 - gap
}

// writeEnds writes the other ends of arcs (those of the kept relation
// types, all when keep is nil) into adj from position k on and returns
// where they end.
func writeEnds(adj []int32, k int32, arcs []graph.Arc, relType []int32, keep []bool) int32 {
	if keep == nil {
		dst := adj[k : int(k)+len(arcs)]
		for i, a := range arcs {
			dst[i] = a.Node
		}
		return k + int32(len(arcs))
	}
	for _, a := range arcs {
		if keep[relType[a.Rel]] {
			adj[k] = a.Node
			k++
		}
	}
	return k
}

// fillRows writes the rows of entities [lo, hi) from position k on
// (see netRows) and returns where they end; off[v+1] is set for each.
func fillRows(ctx context.Context, relType []int32, keep []bool, off1 []int32, arcs1 []graph.Arc, off2 []int32, arcs2 []graph.Arc, off, adj, mult []int32, lo, hi, k int32) int32 {
	withMult := mult != nil
	var scratch []int32
	for v := lo; v < hi; v++ {
		if v&0xffff == 0 && ctx.Err() != nil {
			return k
		}
		start := k
		k = writeEnds(adj, k, arcs1[off1[v]:off1[v+1]], relType, keep)
		k = writeEnds(adj, k, rowOf(off2, arcs2, v), relType, keep)
		row := adj[start:k]
		if len(row) < 2 {
			if withMult && len(row) == 1 {
				mult[start] = 1
			}
			off[v+1] = k
			continue
		}
		if len(row) > radixRow {
			scratch = radixSortRow(row, scratch)
		} else {
			sortRow(row)
		}
		// fold repeats; writes never overtake reads
		w := start
		prev := int32(-1)
		for _, x := range row {
			if x == prev {
				if withMult {
					mult[w-1]++
				}
				continue
			}
			prev = x
			adj[w] = x
			if withMult {
				mult[w] = 1
			}
			w++
		}
		k = w
		off[v+1] = k
	}
	return k
}

// rowOf is v's row of a compressed-row array, nil when the array is
// empty (the topology leaves the reverse arcs' offsets out then).
func rowOf(off []int32, arcs []graph.Arc, v int32) []graph.Arc {
	if len(arcs) == 0 {
		return nil
	}
	return arcs[off[v]:off[v+1]]
}

// radixRow is the shortest row radixSortRow sorts (a hub's: libc6 has
// tens of thousands of links in Debian's package graph).
const radixRow = 512

// radixSortRow sorts a long row by its numbers' bits, 11 at a time (LSD),
// through scratch, which it returns grown for the next row.
func radixSortRow(row, scratch []int32) []int32 {
	top := int32(0)
	for _, x := range row {
		top = max(top, x)
	}
	if cap(scratch) < len(row) {
		scratch = make([]int32, len(row))
	}
	src, dst := row, scratch[:len(row)]
	var count [1 << 11]int32
	for shift := uint(0); shift == 0 || top>>shift > 0; shift += 11 {
		clear(count[:])
		for _, x := range src {
			count[(x>>shift)&(1<<11-1)]++
		}
		sum := int32(0)
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range src {
			d := (x >> shift) & (1<<11 - 1)
			dst[count[d]] = x
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &row[0] {
		copy(row, src)
	}
	return scratch
}

// sortRow sorts a row: by insertion when short, as most are.
func sortRow(row []int32) {
	if len(row) > 16 {
		slices.Sort(row)
		return
	}
	for i := 1; i < len(row); i++ {
		x := row[i]
		j := i
		for j > 0 && row[j-1] > x {
			row[j] = row[j-1]
			j--
		}
		row[j] = x
	}
}

// bfsOrdered returns a copy of net with its entities renumbered in
// breadth-first order (component by component), and perm, where perm[new]
// is the old number. Neighbours then sit nearer each other in memory,
// which helps the all-sources searches on graphs whose ids come in no
// useful order (BENCHMARKS.md has the measured gain).
func bfsOrdered(net *Net) (*Net, []int32) {
	n := net.N
	perm := make([]int32, 0, n)
	newID := make([]int32, n)
	for i := range newID {
		newID[i] = -1
	}
	for s := int32(0); s < int32(n); s++ {
		if newID[s] >= 0 {
			continue
		}
		newID[s] = int32(len(perm))
		perm = append(perm, s)
		for h := len(perm) - 1; h < len(perm); h++ {
			v := perm[h]
			for _, list := range [2][]int32{net.OutOf(v), net.InOf(v)} {
				for _, w := range list {
					if newID[w] < 0 {
						newID[w] = int32(len(perm))
						perm = append(perm, w)
					}
				}
				if !net.Directed {
					break
				}
			}
		}
	}
	relabel := func(off, adj []int32) ([]int32, []int32) {
		no := make([]int32, n+1)
		na := make([]int32, len(adj))
		for k, old := range perm {
			row := adj[off[old]:off[old+1]]
			no[k+1] = no[k] + int32(len(row))
			dst := na[no[k]:no[k+1]]
			for i, w := range row {
				dst[i] = newID[w]
			}
		}
		return no, na
	}
	out := &Net{N: n, Directed: net.Directed}
	out.OutOff, out.Out = relabel(net.OutOff, net.Out)
	if net.Directed {
		out.InOff, out.In = relabel(net.InOff, net.In)
	} else {
		out.InOff, out.In = out.OutOff, out.Out
	}
	return out, perm
}
