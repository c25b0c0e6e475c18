package graph

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// The parts of a big graph's topology built side by side give the same
// topology as built one after another: on random graphs with loops,
// repeated pairs, undirected and dated relations, several types.
func TestTopologyBuiltInParallelIsTheSame(t *testing.T) {
	old := parallelTopologyFrom
	t.Cleanup(func() { parallelTopologyFrom = old })
	rng := rand.New(rand.NewSource(11))
	for k := 0; k < 20; k++ {
		n, m := 1+rng.Intn(300), rng.Intn(1200)
		nodes := make([]Node, n)
		for i := range nodes {
			nodes[i] = Node{ID: fmt.Sprint("n", i), Type: fmt.Sprint("t", rng.Intn(4))}
		}
		edges := make([]Edge, m)
		for r := range edges {
			a := int32(rng.Intn(n))
			b := a
			if rng.Intn(10) > 0 {
				b = int32(rng.Intn(n))
			}
			edges[r] = Edge{From: a, To: b, Type: fmt.Sprint("r", rng.Intn(3)), Undirected: rng.Intn(4) == 0}
			if rng.Intn(3) == 0 {
				edges[r].Date = Date{Year: int16(1990 + rng.Intn(30)), Month: int8(rng.Intn(13))}
			}
		}
		parallelTopologyFrom = 1 << 60
		seq := buildTopology(nodes, edges, &derived{})
		parallelTopologyFrom = 0
		par := buildTopology(nodes, edges, &derived{})
		if !reflect.DeepEqual(seq, par) {
			t.Fatalf("graph %d (%d entities, %d relations): the parallel topology differs", k, n, m)
		}
		if m > 0 && len(par.Out)+len(par.LoopRel) != m {
			t.Fatalf("graph %d: %d arcs and %d loops for %d relations", k, len(par.Out), len(par.LoopRel), m)
		}
	}
}
