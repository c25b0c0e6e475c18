package gui

import (
	"slices"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
)

// explorer is the window's state and the logic over it, without any
// widget: the graph, its render scene and positions, the filters, the
// selection, the hover, the neighbourhood focus and the highlighted path.
// It is used from the UI goroutine only; panels read it and call its
// methods, and it tells them about changes through onChange.
//
// g is the live model, which the UI goroutine changes (g.Apply). Work on
// another goroutine reads snapshot(), taken on the UI goroutine when the
// work starts, never g.
type explorer struct {
	g     *graph.Graph
	scene *render.Scene
	// search is a path searcher over snap, the snapshot of g at version
	// snapVer (see snapshot and searcher).
	search  *path.Searcher
	snap    *graph.Graph
	snapVer uint64
	// path is the file the graph came from ("" for the embedded case).
	path string

	pos []render.Point
	// posOwned: pos is the explorer's alone (a drag's copy), written in
	// place by moveNodes
	posOwned bool

	filter filterState

	// selected and hovered are node indices, -1 for none.
	selected, hovered int32
	// chosen is the multi-selection (Shift-click, rubber band; see
	// select.go), which includes selected when it is set.
	chosen map[int32]bool
	// focus, when non-nil, restricts the view to these entities (a
	// neighbourhood opened by double-clicking).
	focus []bool
	// pathNodes and pathEdges are the highlighted path result (nil: none).
	pathNodes, pathEdges []int32

	// coll and drawn, when some group is collapsed, are the chart as
	// drawn (view.CollapseGroups: the model's entities at their indices,
	// then the groups) and its scene, which the canvas draws instead of
	// scene (see collapse.go).
	coll  *view.Collapsed
	drawn *render.Scene

	// styled is what the scenes were last styled from (styling.go)
	styled styleKey
	// times caches view.RelationTimes at graph version timesVer.
	times    []view.RelTime
	timesVer uint64

	// mark is a filter change waiting for the frame that shows it
	// (frametrace.go)
	mark filterMark

	// visible caches the filter result; nil until computed.
	nodeVis, edgeVis []bool
	// vis computes it incrementally
	vis view.VisIndex

	// listeners, called after a change of the given kind.
	onSelect    []func()
	onFilter    []func()
	onHighlight []func()
	onPositions []func()
}

// filterState is what the Filters panel chose.
type filterState struct {
	// nodeTypeOff and edgeTypeOff are the types switched off.
	nodeTypeOff, edgeTypeOff map[string]bool
	// asOf hides relations whose time (view.RelationTimes) begins after
	// this YYYYMMDD key (0: no limit); while time is limited, undated
	// relations hide unless showUndated.
	asOf int32
	// from hides relations whose time ends before this YYYYMMDD key (0:
	// no limit); with asOf, a range.
	from int32
	// showUndated keeps relations without a time while the timeline
	// limits time (asOf or from set).
	showUndated bool
	// hideIsolated hides entities with no visible relation.
	hideIsolated bool
}

// newExplorer wraps g, with every entity at the origin until positions
// arrive.
func newExplorer(g *graph.Graph, file string) *explorer {
	ex := &explorer{
		g:        g,
		scene:    sceneFor(g),
		path:     file,
		pos:      make([]render.Point, g.NodeCount()),
		selected: -1,
		hovered:  -1,
		filter:   filterState{nodeTypeOff: map[string]bool{}, edgeTypeOff: map[string]bool{}},
	}
	ex.searcher()
	ex.readChart()
	ex.applyFilters()
	return ex
}

// snapshot returns an immutable copy of the graph for work off the UI
// goroutine, the same one until the graph changes.
func (ex *explorer) snapshot() *graph.Graph {
	if ex.snap == nil || ex.snapVer != ex.g.Version() {
		ex.snap, ex.snapVer = ex.g.Snapshot(), ex.g.Version()
	}
	return ex.snap
}

// searcher returns a path searcher over snapshot() (after a change, one
// for the new snapshot); give each goroutine its own Clone.
func (ex *explorer) searcher() *path.Searcher {
	if s := ex.snapshot(); ex.search == nil || ex.search.Graph() != s {
		ex.search = path.NewSearcher(s)
	}
	return ex.search
}

// grown brings the explorer up to date after the graph grew (entities or
// relations added; the entities before keep their indices): a new scene,
// pos (one per entity) and the filters and highlight applied again. In a
// neighbourhood focus, new entities are shown.
func (ex *explorer) grown(pos []render.Point) {
	n := ex.g.NodeCount()
	if ex.focus != nil && len(ex.focus) < n {
		f := make([]bool, n)
		copy(f, ex.focus)
		for i := len(ex.focus); i < n; i++ {
			f[i] = true
		}
		ex.focus = f
	}
	if ex.selected >= int32(n) {
		ex.selected = -1
	}
	ex.dropChosenFrom(int32(n))
	if ex.hovered >= int32(n) {
		ex.hovered = -1
	}
	ex.pathNodes, ex.pathEdges = validIn(ex.pathNodes, n), validIn(ex.pathEdges, ex.g.EdgeCount())
	ex.scene = render.NewScene(ex.g)
	ex.setPositions(pos)
	ex.applyFilters()
	// the details of the selection may have new relations
	for _, fn := range ex.onSelect {
		fn()
	}
}

// validIn returns xs without the indices outside 0..n-1 (nil stays nil).
func validIn(xs []int32, n int) []int32 {
	if xs == nil {
		return nil
	}
	out := xs[:0:0]
	for _, x := range xs {
		if x >= 0 && int(x) < n {
			out = append(out, x)
		}
	}
	return out
}

// title is the window title for the dataset.
func (ex *explorer) title() string {
	t := ex.g.Title
	if t == "" {
		t = baseName(ex.path)
	}
	if t == "" {
		return "Linkscope"
	}
	return t + " — Linkscope"
}

// setPositions replaces every position (one per node).
func (ex *explorer) setPositions(p []render.Point) {
	ex.pos, ex.posOwned = p, false
	ex.scene.SetPositions(p)
	ex.drawnPositions()
	for _, fn := range ex.onPositions {
		fn()
	}
}

// moveNode puts node i at world point p.
func (ex *explorer) moveNode(i int32, p render.Point) {
	ex.moveNodes([]int32{i}, []render.Point{p})
	ex.posOwned = false
}

// moveNodes puts nodes idx at the world points to (a drag), touching only
// them: ex.pos is copied on the first move after it was handed out (by
// setPositions) and then written in place, and the scene moves them in
// its grid (render.Scene.MoveNodes) rather than copying every position
// and rebuilding the grid on every pointer event (seconds a move at 1M
// entities). The canvas ends a drag with posOwned false again, so that
// what reads ex.pos afterwards keeps what it read.
func (ex *explorer) moveNodes(idx []int32, to []render.Point) {
	if !ex.posOwned {
		ex.pos = slices.Clone(ex.pos)
		ex.posOwned = true
	}
	for k, i := range idx {
		if i >= 0 && int(i) < len(ex.pos) && k < len(to) {
			ex.pos[i] = to[k]
		}
	}
	ex.scene.MoveNodes(idx, to)
	ex.drawnPositions()
	for _, fn := range ex.onPositions {
		fn()
	}
}

// nodeVisible reports whether node i passes the filters.
func (ex *explorer) nodeVisible(i int32) bool {
	return i >= 0 && int(i) < len(ex.nodeVis) && ex.nodeVis[i]
}

// edgeVisible reports whether relation e and both its ends are shown.
func (ex *explorer) edgeVisible(e int32) bool {
	return e >= 0 && int(e) < len(ex.edgeVis) && ex.edgeVis[e]
}

// applyFilters recomputes which entities and relations are shown
// (view.Visible, which also hides the chart's hidden types) and hands the
// result to the scene.
func (ex *explorer) applyFilters() {
	f := &ex.filter
	t0 := time.Now()
	// incremental: a type toggle or a timeline move touches only what it
	// changes (view.VisIndex equals view.Visible)
	v := ex.vis.Update(ex.g, view.Filter{NodeTypesOff: f.nodeTypeOff, RelTypesOff: f.edgeTypeOff,
		AsOf: f.asOf, From: f.from, ShowUndated: f.showUndated, HideIsolated: f.hideIsolated, Only: ex.focus, Threshold: ex.threshold()})
	if tracing("filter") {
		tn, te, full := ex.vis.Touched()
		trace("filter", "visibility", "ms", time.Since(t0), "entities", tn, "relations", te, "full", full)
	}
	nv, ev := v.Nodes, v.Edges
	ex.nodeVis, ex.edgeVis = nv, ev
	ex.scene.SetNodeVisible(nv)
	ex.scene.SetEdgeVisible(ev)
	ex.updateCollapsed()
	ex.applyStyling()
	ex.updateHighlight()
	for _, fn := range ex.onFilter {
		fn()
	}
}

// visibleCount returns how many entities and relations are shown.
func (ex *explorer) visibleCount() (nodes, edges int) {
	return ex.visibility().Count()
}

// visibility is the filters' result.
func (ex *explorer) visibility() view.Visibility {
	return view.Visibility{Nodes: ex.nodeVis, Edges: ex.edgeVis}
}

// setNodeType switches an entity type on or off.
func (ex *explorer) setNodeType(t string, on bool) {
	ex.filter.nodeTypeOff[t] = !on
	ex.applyFilters()
}

// setEdgeType switches a relation type on or off.
func (ex *explorer) setEdgeType(t string, on bool) {
	ex.filter.edgeTypeOff[t] = !on
	ex.applyFilters()
}

// setAllNodeTypes switches every entity type on or off at once.
func (ex *explorer) setAllNodeTypes(on bool) {
	for _, tc := range ex.g.NodeTypes() {
		ex.filter.nodeTypeOff[tc.Type] = !on
	}
	ex.applyFilters()
}

// setAllEdgeTypes switches every relation type on or off at once.
func (ex *explorer) setAllEdgeTypes(on bool) {
	for _, tc := range ex.g.EdgeTypes() {
		ex.filter.edgeTypeOff[tc.Type] = !on
	}
	ex.applyFilters()
}

// setAsOf shows the case as it stood at YYYYMMDD key d (0: everything).
func (ex *explorer) setAsOf(d int32) {
	ex.filter.asOf = d
	ex.applyFilters()
}

// setHideIsolated hides or shows entities left without visible relations.
func (ex *explorer) setHideIsolated(on bool) {
	ex.filter.hideIsolated = on
	ex.applyFilters()
}

// dateRange returns the first and last day (YYYYMMDD) of the dated
// relations; ok is false when none is dated.
func (ex *explorer) dateRange() (first, last int32, ok bool) {
	for e := 0; e < ex.g.EdgeCount(); e++ {
		d := ex.g.Edge(int32(e)).Date
		if d.IsZero() {
			continue
		}
		if !ok || d.First() < first {
			first = d.First()
		}
		if !ok || d.Last() > last {
			last = d.Last()
		}
		ok = true
	}
	return
}

// selectNode selects node i (-1 clears the selection).
func (ex *explorer) selectNode(i int32) {
	if i >= int32(ex.g.NodeCount()) {
		i = -1
	}
	if i == ex.selected && len(ex.chosen) <= 1 {
		return
	}
	ex.selected = i
	ex.chooseOnly(i)
	ex.updateHighlight()
	for _, fn := range ex.onSelect {
		fn()
	}
}

// hover marks node i as under the pointer (-1: none); it reports whether
// that changed anything.
func (ex *explorer) hover(i int32) bool {
	if int(i) >= ex.g.NodeCount() {
		i = -1 // a collapsed group's node
	}
	if i == ex.hovered {
		return false
	}
	ex.hovered = i
	ex.updateHighlight()
	return true
}

// setPath highlights a path (or any subgraph) and dims the rest; nil
// slices clear it.
func (ex *explorer) setPath(nodes, edges []int32) {
	ex.pathNodes, ex.pathEdges = nodes, edges
	ex.updateHighlight()
}

// clearHighlight is Esc: no selection, no hover, no path.
func (ex *explorer) clearHighlight() {
	ex.pathNodes, ex.pathEdges = nil, nil
	ex.hovered = -1
	ex.chosen = nil
	if ex.selected >= 0 {
		ex.selected = -1
		for _, fn := range ex.onSelect {
			fn()
		}
	}
	ex.updateHighlight()
}

// updateHighlight hands the selection, hover and path to the scene. A
// hovered entity lights up with its neighbours (as a path would, without
// dimming the rest) when no path result is shown.
func (ex *explorer) updateHighlight() {
	h := render.Highlight{Selected: ex.selected, Hovered: ex.hovered}
	if h.Hovered == h.Selected {
		// the selection ring says it all (and render labels an entity
		// that is both twice)
		h.Hovered = -1
	}
	switch {
	case ex.pathNodes != nil || ex.pathEdges != nil:
		h.PathNodes, h.PathEdges, h.Dim = uniq(ex.pathNodes), uniq(ex.pathEdges), true
	case ex.hovered >= 0:
		h.PathNodes, h.PathEdges = ex.neighbourhood(ex.hovered)
	case len(ex.chosen) > 1:
		h.PathNodes = ex.chosenList()
	}
	ex.scene.SetHighlight(h)
	if ex.drawn != nil {
		ex.drawn.SetHighlight(h)
	}
	for _, fn := range ex.onHighlight {
		fn()
	}
}

// neighbourhood returns node i's visible neighbours (each once, i not
// included) and the visible relations joining them to i.
func (ex *explorer) neighbourhood(i int32) (nodes, edges []int32) {
	seen := map[int32]bool{i: true}
	for _, list := range [2][]int32{ex.g.Out(i), ex.g.In(i)} {
		for _, e := range list {
			if !ex.edgeVisible(e) || !ex.nodeVisible(ex.g.Edge(e).From) || !ex.nodeVisible(ex.g.Edge(e).To) {
				continue
			}
			edges = append(edges, e)
			r := ex.g.Edge(e)
			other := r.To
			if other == i {
				other = r.From
			}
			if !seen[other] {
				seen[other] = true
				nodes = append(nodes, other)
			}
		}
	}
	return nodes, edges
}

// expandFocus restricts the view to node i's neighbourhood, or, when a
// neighbourhood is already shown, adds i's neighbours to it.
func (ex *explorer) expandFocus(i int32) {
	if i < 0 || int(i) >= ex.g.NodeCount() {
		return
	}
	if ex.focus == nil {
		ex.focus = make([]bool, ex.g.NodeCount())
	}
	ex.focus[i] = true
	for _, e := range ex.g.Out(i) {
		ex.focus[ex.g.Edge(e).To] = true
	}
	for _, e := range ex.g.In(i) {
		ex.focus[ex.g.Edge(e).From] = true
	}
	ex.applyFilters()
}

// clearFocus shows the whole graph again.
func (ex *explorer) clearFocus() {
	if ex.focus == nil {
		return
	}
	ex.focus = nil
	ex.applyFilters()
}

// focused reports whether a neighbourhood focus is active.
func (ex *explorer) focused() bool { return ex.focus != nil }

// uniq returns xs without repeats, in first-seen order.
func uniq(xs []int32) []int32 {
	seen := make(map[int32]bool, len(xs))
	out := make([]int32, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
