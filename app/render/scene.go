package render

import (
	"image/color"
	"math"
	"sort"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/graph"
)

// Point is a position in world coordinates (y grows downwards, as on
// screen).
type Point struct{ X, Y float64 }

// Highlight is what the user singled out. Node and edge indices are the
// graph's; -1 means none.
type Highlight struct {
	// Selected is the selected entity, or -1.
	Selected int32
	// Hovered is the entity under the pointer, or -1.
	Hovered int32
	// PathNodes and PathEdges are a highlighted path (or any subgraph).
	PathNodes, PathEdges []int32
	// Dim fades everything that is not selected, hovered, on the path or
	// a relation of the selected entity (and its other end).
	Dim bool
}

// NoHighlight highlights nothing.
var NoHighlight = Highlight{Selected: -1, Hovered: -1}

// node and edge state flags.
const (
	flagSelected uint8 = 1 << iota
	flagHovered
	flagPath
	flagNeighbor // adjacent to the selected node (or a relation of it)
	flagDim
)

// Scene is everything Render needs about one graph. The graph-derived part
// (types, labels, sizes, parallel-relation arcs) is fixed by NewScene; the
// positions, visibility masks and highlight are set with the setters,
// which replace rather than modify, so that Snapshot is cheap and safe.
//
// A Scene must not be changed while Render reads it; render a Snapshot
// instead when the UI thread keeps changing the scene.
type Scene struct {
	*static

	pos         []Point
	grid        *grid
	nodeVisible []bool // nil: all visible
	edgeVisible []bool // nil: all visible
	hl          Highlight
	nodeFlags   []uint8 // nil: nothing highlighted
	edgeFlags   []uint8
	// shared is set once a Snapshot or Positions shares pos and grid:
	// MoveNodes copies them before writing (SetPositions replaces them)
	shared bool
}

// static is the part of a Scene fixed at construction and shared by its
// snapshots. The structure (ends, types, degrees, adjacency) is the
// model's own Topology, shared rather than copied; only what drawing adds
// (labels, sizes, parallel arcs, label order) is the scene's.
type static struct {
	n, m     int
	topo     *graph.Topology
	src, dst []int32 // topo.Src, topo.Dst
	nodeType []int32 // topo.NodeType: index into types
	types    []TypeInfo
	labels   []string
	// brief are the labels drawn for entities not singled out: long
	// labels cut at a word (BriefLabel); nil when none is long
	brief     []string
	edgeLabel []string
	edgeRank  []uint8 // label priority: 0 money, 1 dated, 2 other
	// undirected marks the relations drawn without an arrowhead; nil
	// when every relation is directed.
	undirected []bool
	degree     []int32 // topo.Degree
	maxDegree  int32
	radius     []float64 // world units
	// fill is the colour the file gave an entity (alpha 0: none; the
	// type's colour is drawn)
	fill []color.NRGBA
	// ownRadius and ownFill, when SetSizes or SetColours replaced radius
	// or fill, are the ones NewScene gave (fillSet: ownFill is set, nil
	// meaning no file colours)
	ownRadius []float64
	ownFill   []color.NRGBA
	fillSet   bool
	// dclass is the density view's colour classes of fill, derived when
	// first needed (density_class.go)
	dclass *densityClassSet
	// extraLegend are the legend sections a caller added (SetLegend)
	extraLegend []LegendSection
	// parallel arcs: position of the relation among the relations joining
	// the same two entities (either direction), and their number.
	parIndex, parCount []uint16
	// priority lists nodes most important first (degree, then index), the
	// order labels are placed in.
	priority []int32
	text     *textEngine
	// Title is the dataset's title.
	title string
	// the analyst's notes: per entity and per relation (nil: none), and
	// the chart's
	nodeNote, edgeNote []string
	chartNote          string
	// typeLabels are the types' names in other languages (the model's
	// TypeLabels), for the legend
	typeLabels map[string]map[string]string
	// counts caches the legend's counts (counts.go)
	counts *countsCache
}

// typeLabel is type t's name in language lang, else t.
func (st *static) typeLabel(t, lang string) string {
	if l := st.typeLabels[t][lang]; l != "" {
		return l
	}
	return t
}

// isUndirected reports whether relation e has no direction (and so no
// arrowhead).
func (st *static) isUndirected(e int32) bool {
	return st.undirected != nil && st.undirected[e]
}

// TypeInfo describes an entity type present in the scene, for legends: its
// name, count and style, as the model's type table gives them.
type TypeInfo = graph.TypeInfo

// NewScene derives a scene from g: every entity visible, nothing
// highlighted, all positions at the origin until SetPositions.
func NewScene(g *graph.Graph) *Scene {
	t := g.Topology()
	n, m := t.N, t.M
	st := &static{n: n, m: m, topo: t, title: g.Title, text: newTextEngine(), typeLabels: g.TypeLabels, counts: &countsCache{}}
	st.src, st.dst = t.Src, t.Dst
	// the bundles of parallel relations need only the ends: numbered on
	// another core while the labels are made
	bundled := make(chan struct{})
	go func() {
		st.parallel()
		close(bundled)
	}()
	st.edgeLabel = make([]string, m)
	loc := i18n.Current()
	st.edgeRank = make([]uint8, m)
	for i := 0; i < m; i++ {
		e := g.Edge(int32(i))
		st.edgeLabel[i] = ShortLabel(edgeLabelIn(g, e, loc))
		if e.Undirected {
			if st.undirected == nil {
				st.undirected = make([]bool, m)
			}
			st.undirected[i] = true
		}
		switch _, _, money := e.Amount(); {
		case money:
			st.edgeRank[i] = 0
		case !e.Date.IsZero():
			st.edgeRank[i] = 1
		default:
			st.edgeRank[i] = 2
		}
	}
	st.nodeType = t.NodeType
	st.types = t.Types.Nodes
	st.degree, st.maxDegree = t.Degree, t.MaxDegree
	st.labels = make([]string, n)
	for i := 0; i < n; i++ {
		nd := g.Node(int32(i))
		st.labels[i] = ShortLabel(nd.Label)
		if st.labels[i] == "" {
			st.labels[i] = ShortLabel(nd.ID)
		}
		if b := BriefLabel(st.labels[i]); b != st.labels[i] {
			if st.brief == nil {
				st.brief = append([]string(nil), st.labels[:i]...)
			}
			st.brief = append(st.brief, b)
		} else if st.brief != nil {
			st.brief = append(st.brief, b)
		}
	}
	st.groupWeight(g)
	st.radius = make([]float64, n)
	for i := range st.radius {
		st.radius[i] = NodeRadius(int(st.degree[i]))
	}
	st.fileStyle(g)
	st.setDensityClasses()
	st.notesOf(g)
	<-bundled
	st.priority = byDegree(st.degree, st.maxDegree)
	s := &Scene{static: st, hl: NoHighlight}
	s.pos = make([]Point, n)
	s.grid = buildGrid(s.pos, st.radius)
	return s
}

// NodeRadius is the world-space radius of an entity with the given number
// of relations; layouts take the same sizes for overlap removal.
func NodeRadius(degree int) float64 {
	return 1 + 0.6*math.Sqrt(float64(degree))
}

// parallel numbers the relations that join the same two entities so each
// is drawn as its own arc: relations in the order of their unordered pair
// of ends (then index), and each run of equal pairs is a bundle. The order
// comes from two stable counting passes (by the larger end, then by the
// smaller), linear in entities and relations: a comparison sort of 3M
// relations took most of a second.
func (st *static) parallel() {
	st.parIndex = make([]uint16, st.m)
	st.parCount = make([]uint16, st.m)
	if st.m == 0 {
		return
	}
	ends := func(e int32) (int32, int32) {
		a, b := st.src[e], st.dst[e]
		if a > b {
			a, b = b, a
		}
		return a, b
	}
	count := make([]int32, st.n+1)
	byMax := make([]int32, st.m)
	for e := 0; e < st.m; e++ {
		_, b := ends(int32(e))
		count[b+1]++
	}
	for i := 1; i <= st.n; i++ {
		count[i] += count[i-1]
	}
	for e := 0; e < st.m; e++ {
		_, b := ends(int32(e))
		byMax[count[b]] = int32(e)
		count[b]++
	}
	clear(count)
	for e := 0; e < st.m; e++ {
		a, _ := ends(int32(e))
		count[a+1]++
	}
	for i := 1; i <= st.n; i++ {
		count[i] += count[i-1]
	}
	order := make([]int32, st.m)
	for _, e := range byMax {
		a, _ := ends(e)
		order[count[a]] = e
		count[a]++
	}
	for lo := 0; lo < len(order); {
		a, b := ends(order[lo])
		hi := lo + 1
		for hi < len(order) {
			x, y := ends(order[hi])
			if x != a || y != b {
				break
			}
			hi++
		}
		for j := lo; j < hi; j++ {
			st.parIndex[order[j]] = uint16(min(j-lo, math.MaxUint16))
			st.parCount[order[j]] = uint16(min(hi-lo, math.MaxUint16))
		}
		lo = hi
	}
}

// byDegree lists the entities most connected first, ties in index order
// (a stable counting pass over the degrees).
func byDegree(degree []int32, maxDegree int32) []int32 {
	count := make([]int32, int(maxDegree)+2)
	for _, d := range degree {
		count[maxDegree-d+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out := make([]int32, len(degree))
	for i, d := range degree {
		k := maxDegree - d
		out[count[k]] = int32(i)
		count[k]++
	}
	return out
}

// Topology is the model's structure the scene was made from.
func (s *Scene) Topology() *graph.Topology { return s.topo }

// NodeCount is the number of entities.
func (s *Scene) NodeCount() int { return s.n }

// EdgeCount is the number of relations.
func (s *Scene) EdgeCount() int { return s.m }

// Types lists the entity types in order of first appearance, with counts
// and styles (the model's type table).
func (s *Scene) Types() []TypeInfo { return append([]TypeInfo(nil), s.types...) }

// TypeTable is the model's type table: the colour of every entity and
// relation type, as the canvas and every panel show it.
func (s *Scene) TypeTable() *graph.TypeTable { return s.topo.Types }

// NodeType is the index in Types of node i's type.
func (s *Scene) NodeType(i int32) int { return int(s.nodeType[i]) }

// Radius is node i's radius in world units.
func (s *Scene) Radius(i int32) float64 { return s.radius[i] }

// Radii returns every node's world radius (a copy), e.g. for a layout's
// node sizes.
func (s *Scene) Radii() []float64 { return append([]float64(nil), s.radius...) }

// labelOf is the label drawn for entity i: its brief label, or the full
// one when full is set.
func (st *static) labelOf(i int32, full bool) string {
	if full || st.brief == nil {
		return st.labels[i]
	}
	return st.brief[i]
}

// Label is node i's label.
func (s *Scene) Label(i int32) string { return s.labels[i] }

// Title is the dataset's title.
func (s *Scene) Title() string { return s.title }

// Positions returns the positions in use. The slice must not be modified.
func (s *Scene) Positions() []Point {
	if !s.shared {
		s.shared = true
	}
	return s.pos
}

// SetPositions copies pos (one point per node; missing ones stay at the
// origin, non-finite ones are treated as the origin) and rebuilds the
// hit-testing grid.
func (s *Scene) SetPositions(pos []Point) {
	p := make([]Point, s.n)
	copy(p, pos)
	for i := range p {
		if !finite(p[i].X) || !finite(p[i].Y) {
			p[i] = Point{}
		}
	}
	s.pos = p
	s.grid = buildGrid(p, s.radius)
	s.shared = false
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// SetNodeVisible sets which entities are shown (nil: all). Relations of a
// hidden entity are hidden too.
func (s *Scene) SetNodeVisible(v []bool) {
	if v == nil {
		s.nodeVisible = nil
		return
	}
	c := make([]bool, s.n)
	copy(c, v)
	s.nodeVisible = c
}

// SetEdgeVisible sets which relations are shown (nil: all).
func (s *Scene) SetEdgeVisible(v []bool) {
	if v == nil {
		s.edgeVisible = nil
		return
	}
	c := make([]bool, s.m)
	copy(c, v)
	s.edgeVisible = c
}

// NodeVisible reports whether node i is shown.
func (s *Scene) NodeVisible(i int32) bool {
	return i >= 0 && int(i) < s.n && (s.nodeVisible == nil || s.nodeVisible[i])
}

// EdgeVisible reports whether relation e and both its ends are shown.
func (s *Scene) EdgeVisible(e int32) bool {
	if e < 0 || int(e) >= s.m || (s.edgeVisible != nil && !s.edgeVisible[e]) {
		return false
	}
	return s.NodeVisible(s.src[e]) && s.NodeVisible(s.dst[e])
}

// Highlight returns the highlight state.
func (s *Scene) Highlight() Highlight { return s.hl }

// SetHighlight sets the selection, hover, highlighted path and dimming.
// Out-of-range indices are ignored.
func (s *Scene) SetHighlight(h Highlight) {
	s.hl = h
	if h.Selected < 0 && h.Hovered < 0 && len(h.PathNodes) == 0 && len(h.PathEdges) == 0 {
		s.nodeFlags, s.edgeFlags = nil, nil
		return
	}
	nf := make([]uint8, s.n)
	ef := make([]uint8, s.m)
	for _, v := range h.PathNodes {
		if v >= 0 && int(v) < s.n {
			nf[v] |= flagPath
		}
	}
	for _, e := range h.PathEdges {
		if e >= 0 && int(e) < s.m {
			ef[e] |= flagPath
		}
	}
	if v := h.Hovered; v >= 0 && int(v) < s.n {
		nf[v] |= flagHovered
	}
	if v := h.Selected; v >= 0 && int(v) < s.n {
		nf[v] |= flagSelected
		for _, list := range [][]graph.Arc{s.topo.OutArcs(v), s.topo.InArcs(v)} {
			for _, a := range list {
				ef[a.Rel] |= flagNeighbor
				nf[a.Node] |= flagNeighbor
			}
		}
		for _, e := range s.topo.Loops(v) {
			ef[e] |= flagNeighbor
		}
	}
	if h.Dim {
		for i := range nf {
			if nf[i] == 0 {
				nf[i] = flagDim
			}
		}
		for i := range ef {
			if ef[i] == 0 {
				ef[i] = flagDim
			}
		}
	}
	s.nodeFlags, s.edgeFlags = nf, ef
}

// Snapshot returns a copy of the scene that later setter calls on s do not
// affect. It shares all data, so it costs almost nothing.
func (s *Scene) Snapshot() *Scene {
	if !s.shared {
		s.shared = true // (a snapshot's snapshot writes nothing)
	}
	c := *s
	return &c
}

func (s *Scene) nodeFlag(i int32) uint8 {
	if s.nodeFlags == nil {
		return 0
	}
	return s.nodeFlags[i]
}

func (s *Scene) edgeFlag(e int32) uint8 {
	if s.edgeFlags == nil {
		return 0
	}
	return s.edgeFlags[e]
}

// Bounds returns the bounding box of the visible nodes' discs in world
// coordinates; ok is false when no node is visible.
func (s *Scene) Bounds() (minX, minY, maxX, maxY float64, ok bool) {
	minX, minY = math.Inf(1), math.Inf(1)
	maxX, maxY = math.Inf(-1), math.Inf(-1)
	for i := 0; i < s.n; i++ {
		if s.nodeVisible != nil && !s.nodeVisible[i] {
			continue
		}
		p, r := s.pos[i], s.radius[i]
		minX, maxX = math.Min(minX, p.X-r), math.Max(maxX, p.X+r)
		minY, maxY = math.Min(minY, p.Y-r), math.Max(maxY, p.Y+r)
		ok = true
	}
	return
}

// fileStyle takes the colours and sizes the file gave its entities (GEXF
// viz:color and viz:size, GraphML r/g/b and size), so that a chart made in
// Gephi opens as it was drawn. Sizes keep their proportions, scaled so
// that their median is the median of the sizes Linkscope would draw.
func (st *static) fileStyle(g *graph.Graph) {
	var sizes, ours []float64
	for i := 0; i < st.n; i++ {
		nd := g.Node(int32(i))
		if c, ok := nd.OwnColor(); ok {
			if st.fill == nil {
				st.fill = make([]color.NRGBA, st.n)
			}
			st.fill[i] = c
		}
		if nd.Size > 0 && !math.IsInf(nd.Size, 0) {
			sizes = append(sizes, nd.Size)
			ours = append(ours, st.radius[i])
		}
	}
	if len(sizes) == 0 {
		return
	}
	ms, mr := median(sizes), median(ours)
	if ms <= 0 {
		return
	}
	for i := 0; i < st.n; i++ {
		if sz := g.Node(int32(i)).Size; sz > 0 && !math.IsInf(sz, 0) {
			st.radius[i] = math.Min(math.Max(mr*sz/ms, 0.3*mr), 6*mr)
		}
	}
}

func median(v []float64) float64 {
	c := append([]float64(nil), v...)
	sort.Float64s(c)
	return c[len(c)/2]
}

// groupWeight counts, for the node a collapsed group is drawn as (type
// "group", app/view.CollapseGroups), each summary relation as the number
// of relations it stands for (its "count"), so that the group is sized
// and labelled as important as its members together.
func (st *static) groupWeight(g *graph.Graph) {
	var deg []int32
	for e := 0; e < g.EdgeCount(); e++ {
		r := g.Edge(int32(e))
		c, ok := r.Props.Value("count").(float64)
		if !ok || c <= 1 || c > 1e6 {
			continue
		}
		for _, end := range [2]int32{r.From, r.To} {
			if g.Node(end).Type != "group" {
				continue
			}
			if deg == nil {
				deg = append([]int32(nil), st.degree...)
			}
			deg[end] += int32(c) - 1
			st.maxDegree = max(st.maxDegree, deg[end])
		}
	}
	if deg != nil {
		st.degree = deg
	}
}
