package view

import (
	"math"
	"sort"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph/layout"
)

// stretchBundles lengthens the relations that join the same two entities
// several times (the CNIL's fines of Clearview AI) until each of their
// arcs can carry its label at zoom z: the end with fewer relations moves
// away from the other along the line between them.
func stretchBundles(pos []layout.Point, s *render.Scene, radii []float64, z float64) []layout.Point {
	type pair struct{ a, b int32 }
	need := map[pair]float64{} // label width, world units
	for e := int32(0); int(e) < s.EdgeCount(); e++ {
		if s.Parallel(e) < 2 {
			continue
		}
		a, b := s.Ends(e)
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		w, _ := s.EdgeLabelSize(e)
		need[pair{a, b}] = math.Max(need[pair{a, b}], w/z)
	}
	if len(need) == 0 {
		return pos
	}
	out := append([]layout.Point(nil), pos...)
	degree := make([]int, len(pos))
	for e := int32(0); int(e) < s.EdgeCount(); e++ {
		a, b := s.Ends(e)
		degree[a]++
		degree[b]++
	}
	pairs := make([]pair, 0, len(need))
	for p := range need {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		return pairs[i].a < pairs[j].a || (pairs[i].a == pairs[j].a && pairs[i].b < pairs[j].b)
	})
	for _, p := range pairs {
		w := need[p]
		a, b := p.a, p.b
		if degree[a] > degree[b] {
			a, b = b, a // a moves
		}
		want := w*1.25 + radii[a] + radii[b] + 24/z
		dx, dy := out[a].X-out[b].X, out[a].Y-out[b].Y
		d := math.Hypot(dx, dy)
		if d >= want {
			continue
		}
		if d == 0 {
			dx, dy, d = 1, 0, 1
		}
		out[a] = layout.Point{X: out[b].X + dx/d*want, Y: out[b].Y + dy/d*want}
	}
	return out
}

// packComponents brings the smaller connected components next to the
// largest: force layouts let them drift far away, which shrinks the
// picture. Each keeps its direction from the largest one's centre; overlap
// removal then settles any collision.
func packComponents(g *layout.Graph, pos []layout.Point, radii []float64) []layout.Point {
	n := g.N
	if n == 0 {
		return pos
	}
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for e := range g.Src {
		a, b := find(g.Src[e]), find(g.Dst[e])
		if a != b {
			parent[a] = b
		}
	}
	members := map[int32][]int32{}
	for i := int32(0); int(i) < n; i++ {
		r := find(i)
		members[r] = append(members[r], i)
	}
	if len(members) < 2 {
		return pos
	}
	var main int32 = -1
	for r, m := range members {
		if main < 0 || len(m) > len(members[main]) || (len(m) == len(members[main]) && r < main) {
			main = r
		}
	}
	centre := func(m []int32) (cx, cy, rad float64) {
		for _, i := range m {
			cx += pos[i].X
			cy += pos[i].Y
		}
		cx /= float64(len(m))
		cy /= float64(len(m))
		for _, i := range m {
			rad = math.Max(rad, math.Hypot(pos[i].X-cx, pos[i].Y-cy)+radii[i])
		}
		return
	}
	mx, my, mr := centre(members[main])
	out := append([]layout.Point(nil), pos...)
	for r, m := range members {
		if r == main {
			continue
		}
		cx, cy, cr := centre(m)
		dx, dy := cx-mx, cy-my
		d := math.Hypot(dx, dy)
		want := mr + cr + 2*radii[m[0]]
		if d <= want {
			continue
		}
		if d == 0 {
			dx, dy, d = 1, 0, 1
		}
		sx, sy := mx+dx/d*want-cx, my+dy/d*want-cy
		for _, i := range m {
			out[i] = layout.Point{X: pos[i].X + sx, Y: pos[i].Y + sy}
		}
	}
	return out
}

// PackComponents pulls far-off connected components back next to the
// largest, as Layout does after ForceAtlas2 (whose gravity leaves small
// components adrift); the window does it at the end of each run.
func PackComponents(g *layout.Graph, pos []layout.Point, radii []float64) []layout.Point {
	return packComponents(g, pos, radii)
}
