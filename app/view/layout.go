package view

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

// Algorithm is one entry of the layout registry: its name on the command
// line, the other names it answers to, the name the window shows, and how
// it runs.
type Algorithm struct {
	// Name is the command-line name (--algo, --layout).
	Name string
	// Aliases are other accepted names.
	Aliases []string
	// Display is the name the window's View menu and toolbar show; it is
	// accepted too.
	Display string
	// Summary is a one-line description, for help texts.
	Summary string
	// NeedsFocus is set when the layout is centred on an entity
	// (LayoutRequest.Focus; the most connected one when none is given).
	NeedsFocus bool
	// Iterative is set for ForceAtlas2, which runs LayoutRequest.Iterations
	// steps, starts from LayoutRequest.Initial or a seeded random
	// drawing, and, stopped by its context, still returns the positions
	// reached.
	Iterative bool
	// pack brings far-drifted components back next to the largest.
	pack bool
	run  func(ctx context.Context, lg *layout.Graph, req LayoutRequest, progress func(done, total int)) ([]layout.Point, error)
}

// DefaultSeed is the seed the window uses and the commands default to.
const DefaultSeed = 1

// NoFocus asks a focused layout (radial) for the most connected entity.
const NoFocus = -1

// Algorithms is the layout registry, in the order the window offers it.
// The first is the default.
var Algorithms = []Algorithm{
	{Name: "fa2", Aliases: []string{"forceatlas2"}, Display: "ForceAtlas2",
		Summary:   "ForceAtlas2 (Barnes-Hut, settings inferred from the graph size)",
		Iterative: true, pack: true, run: runFA2},
	{Name: "circular", Display: "Circular",
		Summary: "one circle, entity types on contiguous arcs, hubs first",
		run: func(ctx context.Context, lg *layout.Graph, _ LayoutRequest, _ func(int, int)) ([]layout.Point, error) {
			return layout.Circular(ctx, lg, layout.CircularOptions{ByDegree: true})
		}},
	{Name: "radial", Display: "Radial", NeedsFocus: true,
		Summary: "breadth-first rings around the focus (default: the best connected entity)",
		run: func(ctx context.Context, lg *layout.Graph, req LayoutRequest, progress func(int, int)) ([]layout.Point, error) {
			r, err := layout.Radial(ctx, lg, layout.RadialOptions{Focus: int(req.Focus), Progress: progress})
			if err != nil {
				return nil, err
			}
			return r.Pos, nil
		}},
	{Name: "layered", Display: "Layered",
		Summary: "Sugiyama layers, top to bottom (or left to right)",
		run: func(ctx context.Context, lg *layout.Graph, req LayoutRequest, progress func(int, int)) ([]layout.Point, error) {
			dir := layout.TopToBottom
			if req.LeftToRight {
				dir = layout.LeftToRight
			}
			r, err := layout.Layered(ctx, lg, layout.LayeredOptions{Direction: dir, Progress: progress})
			if err != nil {
				return nil, err
			}
			return r.Pos, nil
		}},
}

// Names lists the registry's command-line names.
func Names() []string {
	out := make([]string, len(Algorithms))
	for i, a := range Algorithms {
		out[i] = a.Name
	}
	return out
}

// DisplayNames lists the names the window shows, in registry order.
func DisplayNames() []string {
	out := make([]string, len(Algorithms))
	for i, a := range Algorithms {
		out[i] = a.Display
	}
	return out
}

// Lookup finds an algorithm by its name, an alias or its display name,
// ignoring case; "" is the default (ForceAtlas2). The error for an
// unknown name lists every accepted one.
func Lookup(name string) (*Algorithm, error) {
	if name == "" {
		return &Algorithms[0], nil
	}
	for i := range Algorithms {
		a := &Algorithms[i]
		if strings.EqualFold(name, a.Name) || strings.EqualFold(name, a.Display) {
			return a, nil
		}
		for _, al := range a.Aliases {
			if strings.EqualFold(name, al) {
				return a, nil
			}
		}
	}
	var all []string
	for _, a := range Algorithms {
		all = append(all, a.Name)
		all = append(all, a.Aliases...)
	}
	return nil, fmt.Errorf("unknown layout %q (%s)", name, strings.Join(all, ", "))
}

// LayoutRequest is one layout: the algorithm and its options. The same
// request on the same graph gives the same positions wherever it is made
// (the window, `linkscope layout`, `linkscope export`).
type LayoutRequest struct {
	// Algo is a registry name, alias or display name ("": ForceAtlas2).
	Algo string
	// Seed seeds ForceAtlas2's random start (DefaultSeed in the window).
	Seed uint64
	// Iterations of ForceAtlas2 (0: DefaultIterations of the graph size).
	Iterations int
	// Focus centres a focused layout (radial); NoFocus (-1): the most
	// connected entity.
	Focus int32
	// LeftToRight lays the layered layout out left to right.
	LeftToRight bool
	// Initial, when set (one point per entity), is ForceAtlas2's start
	// instead of the seeded random one.
	Initial []render.Point
	// FA2, when set, replaces FA2Settings of the graph size.
	FA2 *layout.FA2Settings
}

// DefaultIterations is the number of ForceAtlas2 steps run for a graph of
// n entities when the request does not say.
func DefaultIterations(n int) int {
	switch {
	case n <= 1000:
		return 1500
	case n <= 20000:
		return 300
	default:
		return 120
	}
}

// FA2Settings are ForceAtlas2's settings for a graph of n entities: those
// inferred from its size, with node sizes kept apart on graphs of at most
// MaxLabelAdjust entities.
func FA2Settings(n int) layout.FA2Settings {
	st := layout.InferFA2Settings(n)
	st.AdjustSizes = n <= MaxLabelAdjust
	return st
}

// settleSettings are the settings of ForceAtlas2's first phase (and of the
// window's animation): size adjustment slows convergence, so it waits for
// the end.
func settleSettings(st layout.FA2Settings) layout.FA2Settings {
	st.AdjustSizes = false
	return st
}

// Input converts the model into the index-based input of package layout:
// node i is entity i, relation e runs Src[e] -> Dst[e] (the Topology's
// slices, shared, not copied), Group is the entity type, numbered in
// sorted order of the type names so that the grouping does not depend on
// the order the entities came in. With a scene, Size is the drawn radius
// and a bundle of parallel relations pulls like one relation.
func Input(g *graph.Graph, s *render.Scene) *layout.Graph {
	t := g.Topology()
	lg := &layout.Graph{N: t.N, Src: t.Src, Dst: t.Dst, Group: groups(t)}
	if s != nil {
		lg.Size = s.Radii()
		lg.Weight = make([]float64, len(lg.Src))
		for e := range lg.Weight {
			lg.Weight[e] = 1 / float64(s.Parallel(int32(e)))
		}
	}
	return lg
}

// groups numbers the entity types in sorted name order; when the type
// table is already in that order, the Topology's NodeType is shared.
func groups(t *graph.Topology) []int32 {
	types := t.Types.Nodes
	order := make([]int32, len(types))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(a, b int) bool { return types[order[a]].Name < types[order[b]].Name })
	rank := make([]int32, len(types))
	same := true
	for r, id := range order {
		rank[id] = int32(r)
		same = same && int32(r) == id
	}
	if same {
		return t.NodeType
	}
	out := make([]int32, t.N)
	for i, id := range t.NodeType {
		out[i] = rank[id]
	}
	return out
}

// PlacedPositions returns the positions the entities of g were given (by
// the file, such as a Gephi or yEd layout, or a layout saved with them)
// when every entity is Placed, so that the graph can open as drawn; nil
// when some entity is not placed or g is empty.
func PlacedPositions(g *graph.Graph) []render.Point {
	n := g.NodeCount()
	if n == 0 {
		return nil
	}
	pos := make([]render.Point, n)
	for i := 0; i < n; i++ {
		nd := g.Node(int32(i))
		if !nd.Placed || !graph.Finite(nd.X) || !graph.Finite(nd.Y) {
			return nil
		}
		pos[i] = render.Point{X: nd.X, Y: nd.Y}
	}
	return toChartScale(pos)
}

// placedSpacing is the room, in world units, that a drawing opened as
// drawn gives each entity on average: what Linkscope's layouts give them,
// so that discs and labels are drawn at their usual sizes. yEd and Gephi
// drawings use pixel-like units (hundreds to thousands); geographic ones
// degrees.
const placedSpacing = 12.0

// toChartScale scales a drawing from a file (about its centre, keeping its
// shape) to the density of Linkscope's own layouts, unless it is already
// within a factor of four of it.
func toChartScale(pos []render.Point) []render.Point {
	if len(pos) < 2 {
		return pos
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	w, h := maxX-minX, maxY-minY
	side := math.Max(math.Max(w, h), 1e-12)
	// area per entity, with a thin drawing counted as a strip
	area := math.Max(w, side/10) * math.Max(h, side/10)
	spacing := math.Sqrt(area / float64(len(pos)))
	if spacing <= 0 || math.IsNaN(spacing) || math.IsInf(spacing, 0) {
		return pos
	}
	k := placedSpacing / spacing
	if k > 0.25 && k < 4 {
		return pos
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	out := make([]render.Point, len(pos))
	for i, p := range pos {
		out[i] = render.Point{X: (p.X - cx) * k, Y: (p.Y - cy) * k}
	}
	return out
}

// StartPositions is ForceAtlas2's seeded random start for g (a square of
// constant density, as Gephi and graphology use).
func StartPositions(g *graph.Graph, seed uint64) []render.Point {
	return ToRender(layout.RandomPositions(g.NodeCount(), seed))
}

// NewFA2 builds the ForceAtlas2 that Layout runs for req, with its
// first-phase settings: the window animates it step by step, so that the
// same seed (or Initial) gives the same start and the same first steps.
// It also returns the layout input, which must not be modified.
func NewFA2(g *graph.Graph, s *render.Scene, req LayoutRequest) (*layout.FA2, *layout.Graph, error) {
	lg := Input(g, s)
	fa, err := newFA2(lg, req, nil)
	return fa, lg, err
}

func fa2Settings(n int, req LayoutRequest) layout.FA2Settings {
	if req.FA2 != nil {
		return *req.FA2
	}
	return FA2Settings(n)
}

func newFA2(lg *layout.Graph, req LayoutRequest, progress func(done, total int)) (*layout.FA2, error) {
	st0 := settleSettings(fa2Settings(lg.N, req))
	var init []layout.Point
	if req.Initial != nil {
		init = toLayout(req.Initial)
	}
	return layout.NewFA2(lg, layout.FA2Options{Settings: &st0, Seed: req.Seed, Initial: init, Progress: progress})
}

// runFA2 runs ForceAtlas2: four fifths of the steps without size
// adjustment, then the rest with the final settings. When ctx ends it
// returns the positions reached with ctx's error.
func runFA2(ctx context.Context, lg *layout.Graph, req LayoutRequest, progress func(done, total int)) ([]layout.Point, error) {
	if lg.N == 0 {
		return nil, nil
	}
	iters := req.Iterations
	if iters <= 0 {
		iters = DefaultIterations(lg.N)
	}
	first := iters * 4 / 5
	offset := 0
	var prog func(done, total int)
	if progress != nil {
		prog = func(done, _ int) { progress(offset+done, iters) }
	}
	st := fa2Settings(lg.N, req)
	if !st.AdjustSizes {
		first = iters // one phase: the settings do not change
	}
	f, err := newFA2(lg, req, prog)
	if err != nil {
		return nil, err
	}
	if _, err := f.Run(ctx, first); err != nil {
		return f.Positions(), err
	}
	if first == iters {
		return f.Positions(), nil
	}
	if err := f.SetSettings(st); err != nil {
		return nil, err
	}
	offset = first
	_, err = f.Run(ctx, iters-first)
	return f.Positions(), err
}

// Layout lays g out as req asks: s must be g's scene (it gives the node
// sizes and the bundles of parallel relations; nil: a new one). progress, when set, is
// called on the calling goroutine as the layout goes. When ctx ends first,
// a static layout fails with ctx's error, while ForceAtlas2 stops where it
// is: Layout then returns the positions reached together with ctx's
// error. The positions are in world units, as laid out; FitPicture
// arranges them for a picture.
func Layout(ctx context.Context, g *graph.Graph, s *render.Scene, req LayoutRequest, progress func(done, total int)) ([]render.Point, error) {
	alg, err := Lookup(req.Algo)
	if err != nil {
		return nil, err
	}
	n := g.NodeCount()
	if req.Initial != nil && len(req.Initial) != n {
		return nil, fmt.Errorf("%d initial positions for %d entities", len(req.Initial), n)
	}
	if req.Focus < NoFocus || int(req.Focus) >= max(n, 1) {
		return nil, fmt.Errorf("focus %d out of range (%d entities)", req.Focus, n)
	}
	if n == 0 {
		return []render.Point{}, nil
	}
	if s == nil {
		s = render.NewScene(g)
	}
	lg := Input(g, s)
	pos, err := alg.run(ctx, lg, req, progress)
	if pos == nil && err != nil {
		return nil, err
	}
	if alg.pack {
		pos = packComponents(lg, pos, lg.Size)
	}
	return ToRender(pos), err
}

// ToRender converts layout positions to the scene's (the same points).
func ToRender(p []layout.Point) []render.Point {
	out := make([]render.Point, len(p))
	for i, q := range p {
		out[i] = render.Point(q)
	}
	return out
}

func toLayout(p []render.Point) []layout.Point {
	out := make([]layout.Point, len(p))
	for i, q := range p {
		out[i] = layout.Point(q)
	}
	return out
}
