package layout

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// randomGraph returns a seeded random graph with n nodes and m edges.
func randomGraph(n, m int, seed uint64) *Graph {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &Graph{N: n}
	for e := 0; e < m; e++ {
		s := r.IntN(n)
		d := r.IntN(n)
		if s == d {
			d = (d + 1) % n
		}
		g.Src = append(g.Src, int32(s))
		g.Dst = append(g.Dst, int32(d))
	}
	return g
}

// communityGraph returns a clustered graph like the peers' generator: k
// communities with preferential attachment inside and 3% edges across.
func communityGraph(n int, avgDeg float64, seed uint64) *Graph {
	r := rand.New(rand.NewPCG(seed, 11))
	k := max(1, int(0.5*sqrtF(float64(n))+0.5))
	g := &Graph{N: n}
	m := int(float64(n) * avgDeg / 2)
	comm := make([]int, n)
	members := make([][]int32, k)
	for i := range comm {
		comm[i] = i % k
		members[i%k] = append(members[i%k], int32(i))
	}
	ends := make([][]int32, k) // endpoints list per community, for preferential attachment
	for c := range ends {
		ends[c] = append(ends[c], members[c]...)
	}
	for e := 0; e < m; e++ {
		s := r.IntN(n)
		c := comm[s]
		var d int32
		if r.Float64() < 0.03 {
			d = int32(r.IntN(n))
		} else {
			d = ends[c][r.IntN(len(ends[c]))]
		}
		if int(d) == s {
			d = members[c][r.IntN(len(members[c]))]
			if int(d) == s {
				continue
			}
		}
		g.Src = append(g.Src, int32(s))
		g.Dst = append(g.Dst, d)
		if comm[d] == c {
			ends[c] = append(ends[c], int32(s), d)
		}
	}
	return g
}

func sqrtF(x float64) float64 {
	z := x
	for i := 0; i < 60; i++ {
		if z == 0 {
			return 0
		}
		z = (z + x/z) / 2
	}
	return z
}

// loadSynth loads a peers synthetic graph JSON file of n nodes if one is
// found next to the repository, else returns nil.
func loadSynth(tb testing.TB, n int) *Graph {
	name := "synth-N" + itoa(n) + "-d4-s42.json"
	for _, dir := range []string{"../..", "../../../peers/graphs", "/work/peers/graphs", "../../../shared/peers/graphs"} {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var f struct {
			Nodes []struct {
				ID string `json:"id"`
			} `json:"nodes"`
			Edges []struct {
				Source string `json:"source"`
				Target string `json:"target"`
			} `json:"edges"`
		}
		if err := json.Unmarshal(data, &f); err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		idx := make(map[string]int32, len(f.Nodes))
		for i, nd := range f.Nodes {
			idx[nd.ID] = int32(i)
		}
		g := &Graph{N: len(f.Nodes)}
		for _, e := range f.Edges {
			g.Src = append(g.Src, idx[e.Source])
			g.Dst = append(g.Dst, idx[e.Target])
		}
		return g
	}
	return nil
}

// benchGraph returns the shared synthetic graph of n nodes, or a generated
// one of the same shape.
func benchGraph(tb testing.TB, n int) *Graph {
	if g := loadSynth(tb, n); g != nil {
		return g
	}
	return communityGraph(n, 4, 42)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// mustCircular is Circular with a live context.
func mustCircular(t testing.TB, g *Graph, opt CircularOptions) []Point {
	t.Helper()
	p, err := Circular(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
