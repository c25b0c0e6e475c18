package layout

// csr is a compressed-sparse-row adjacency: the neighbours of node v are
// Nbr[Off[v]:Off[v+1]], and Edge holds the matching edge index. It is built
// once per layout so that per-iteration work touches flat arrays only.
type csr struct {
	Off  []int32
	Nbr  []int32
	Edge []int32
}

// neighbors returns v's neighbour slice.
func (c *csr) neighbors(v int) []int32 { return c.Nbr[c.Off[v]:c.Off[v+1]] }

// edges returns the edge indices matching neighbors(v).
func (c *csr) edges(v int) []int32 { return c.Edge[c.Off[v]:c.Off[v+1]] }

// buildCSR builds the adjacency of g. With out=true it lists, for each node,
// its out-edges (neighbour = Dst); with in=true its in-edges (neighbour =
// Src); both true gives the undirected view (each edge listed at both
// endpoints; a self-loop is listed twice at its node). Neighbour order is
// edge order, so the result is deterministic.
func buildCSR(g *Graph, out, in bool) *csr {
	off := make([]int32, g.N+1)
	for i := range g.Src {
		if out {
			off[g.Src[i]+1]++
		}
		if in {
			off[g.Dst[i]+1]++
		}
	}
	for v := 0; v < g.N; v++ {
		off[v+1] += off[v]
	}
	m := off[g.N]
	c := &csr{Off: off, Nbr: make([]int32, m), Edge: make([]int32, m)}
	pos := make([]int32, g.N)
	copy(pos, off[:g.N])
	for i := range g.Src {
		s, d := g.Src[i], g.Dst[i]
		if out {
			p := pos[s]
			c.Nbr[p], c.Edge[p] = d, int32(i)
			pos[s]++
		}
		if in {
			p := pos[d]
			c.Nbr[p], c.Edge[p] = s, int32(i)
			pos[d]++
		}
	}
	return c
}

// bfs runs an undirected breadth-first search from src over adj, writing hop
// distances into dist (-1 = unreachable) and returning the visit order.
// queue is reused scratch space of length >= N (may be nil).
func bfs(adj *csr, src int, dist []int32, queue []int32) []int32 {
	for i := range dist {
		dist[i] = -1
	}
	if queue == nil {
		queue = make([]int32, 0, len(dist))
	}
	queue = queue[:0]
	dist[src] = 0
	queue = append(queue, int32(src))
	for h := 0; h < len(queue); h++ {
		v := queue[h]
		dv := dist[v] + 1
		for _, w := range adj.neighbors(int(v)) {
			if dist[w] < 0 {
				dist[w] = dv
				queue = append(queue, w)
			}
		}
	}
	return queue
}

// components labels the connected components of the undirected adjacency,
// numbered in order of their smallest node; it returns the labels and count.
func components(adj *csr, n int) ([]int32, int) {
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	stack := make([]int32, 0, 64)
	k := int32(0)
	for s := 0; s < n; s++ {
		if comp[s] >= 0 {
			continue
		}
		comp[s] = k
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, w := range adj.neighbors(int(v)) {
				if comp[w] < 0 {
					comp[w] = k
					stack = append(stack, w)
				}
			}
		}
		k++
	}
	return comp, int(k)
}
