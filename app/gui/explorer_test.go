package gui

import (
	"slices"
	"testing"

	"github.com/linkscope/linkscope/app/view"
)

func TestFilterEntityTypeHidesItsRelations(t *testing.T) {
	ex := placedExplorer(t)
	g := ex.g
	ex.setNodeType("regulator", false)
	for i := 0; i < g.NodeCount(); i++ {
		if want := g.Node(int32(i)).Type != "regulator"; ex.nodeVisible(int32(i)) != want {
			t.Fatalf("%s visible=%v, want %v", g.Node(int32(i)).ID, !want, want)
		}
	}
	for e := 0; e < g.EdgeCount(); e++ {
		r := g.Edge(int32(e))
		touches := g.Node(r.From).Type == "regulator" || g.Node(r.To).Type == "regulator"
		if ex.edgeVisible(int32(e)) == touches {
			t.Fatalf("relation %s visible=%v although it touches a regulator=%v", r.ID, !touches, touches)
		}
	}
	ex.setNodeType("regulator", true)
	if n, m := ex.visibleCount(); n != g.NodeCount() || m != g.EdgeCount() {
		t.Fatalf("after switching back on: %d/%d entities, %d/%d relations", n, g.NodeCount(), m, g.EdgeCount())
	}
}

func TestTimelineHidesLaterRelationsOnly(t *testing.T) {
	ex := placedExplorer(t)
	g := ex.g
	const asOf = 20211231
	ex.setAsOf(asOf)
	later, undated := 0, 0
	for e := 0; e < g.EdgeCount(); e++ {
		r := g.Edge(int32(e))
		switch {
		case r.Date.IsZero():
			// its time is the date it was first reported (view.RelationTimes)
			undated++
			if rt := view.RelationTimes(g)[e]; ex.edgeVisible(int32(e)) != (rt.Kind == view.TimeReported && rt.First <= asOf) {
				t.Fatalf("undated relation %s (reported %v) visible=%v as of 2021", r.ID, rt, ex.edgeVisible(int32(e)))
			}
		case r.Date.First() > asOf:
			later++
			if ex.edgeVisible(int32(e)) {
				t.Fatalf("relation %s dated %s shown as of 2021", r.ID, r.Date)
			}
		default:
			if !ex.edgeVisible(int32(e)) {
				t.Fatalf("relation %s dated %s hidden as of 2021", r.ID, r.Date)
			}
		}
	}
	if later == 0 || undated == 0 {
		t.Fatalf("the case should have relations after 2021 (%d) and undated ones (%d)", later, undated)
	}
	// the CNIL fines of 2022 and 2023 are gone
	cnil, cv := node(t, g, "cnil"), node(t, g, "clearview-ai")
	for _, e := range g.Between(cnil, cv, false) {
		if g.Edge(e).Type == "fined" && ex.edgeVisible(e) {
			t.Fatalf("CNIL fine %s visible as of 2021", g.Edge(e).Date)
		}
	}
}

func TestHideIsolated(t *testing.T) {
	ex := placedExplorer(t)
	g := ex.g
	ex.setAllEdgeTypes(false)
	ex.setEdgeType("fined", true)
	ex.setHideIsolated(true)
	for i := 0; i < g.NodeCount(); i++ {
		has := false
		for _, e := range append(slices.Clone(g.Out(int32(i))), g.In(int32(i))...) {
			has = has || g.Edge(e).Type == "fined"
		}
		if ex.nodeVisible(int32(i)) != has {
			t.Fatalf("%s visible=%v, has a fine=%v", g.Node(int32(i)).ID, ex.nodeVisible(int32(i)), has)
		}
	}
}

func TestDateRangeCoversEveryDatedRelation(t *testing.T) {
	ex := placedExplorer(t)
	first, last, ok := ex.dateRange()
	if !ok || first >= last {
		t.Fatalf("dateRange = %d, %d, %v", first, last, ok)
	}
	for e := 0; e < ex.g.EdgeCount(); e++ {
		d := ex.g.Edge(int32(e)).Date
		if !d.IsZero() && (d.First() < first || d.Last() > last) {
			t.Fatalf("relation dated %s outside %d..%d", d, first, last)
		}
	}
}

func TestSelectionNotifiesAndHighlights(t *testing.T) {
	ex := placedExplorer(t)
	calls := 0
	ex.onSelect = append(ex.onSelect, func() { calls++ })
	noyb := node(t, ex.g, "noyb")
	ex.selectNode(noyb)
	ex.selectNode(noyb) // no change, no call
	if calls != 1 || ex.scene.Highlight().Selected != noyb {
		t.Fatalf("calls=%d highlight=%+v", calls, ex.scene.Highlight())
	}
	ex.clearHighlight()
	if calls != 2 || ex.selected != -1 || ex.scene.Highlight().Selected != -1 {
		t.Fatalf("after Esc: calls=%d selected=%d", calls, ex.selected)
	}
}

func TestHoverLightsNeighbours(t *testing.T) {
	ex := placedExplorer(t)
	cnil := node(t, ex.g, "cnil")
	ex.hover(cnil)
	h := ex.scene.Highlight()
	if h.Hovered != cnil || h.Dim {
		t.Fatalf("hover highlight = %+v", h)
	}
	want := map[int32]bool{}
	for _, e := range append(slices.Clone(ex.g.Out(cnil)), ex.g.In(cnil)...) {
		want[ex.g.Edge(e).From], want[ex.g.Edge(e).To] = true, true
	}
	delete(want, cnil) // it has its own hover ring
	for _, v := range h.PathNodes {
		if !want[v] {
			t.Fatalf("%s lit up twice, or is not a neighbour of CNIL", ex.g.Node(v).ID)
		}
		delete(want, v)
	}
	if len(want) != 0 {
		t.Fatalf("%d neighbours not lit", len(want))
	}
	if len(h.PathEdges) != ex.g.Degree(cnil) {
		t.Fatalf("%d relations lit, CNIL has %d", len(h.PathEdges), ex.g.Degree(cnil))
	}
}

func TestExpandFocus(t *testing.T) {
	ex := placedExplorer(t)
	noyb := node(t, ex.g, "noyb")
	ex.expandFocus(noyb)
	n, _ := ex.visibleCount()
	if n != 1+ex.g.Degree(noyb) {
		t.Fatalf("focus on noyb shows %d entities, want noyb and its %d neighbours", n, ex.g.Degree(noyb))
	}
	coalition := ex.g.Edge(ex.g.Out(noyb)[0]).To
	ex.expandFocus(coalition)
	n2, _ := ex.visibleCount()
	if n2 <= n {
		t.Fatalf("expanding the focus did not add entities: %d then %d", n, n2)
	}
	ex.clearFocus()
	if n3, _ := ex.visibleCount(); n3 != ex.g.NodeCount() {
		t.Fatalf("clearFocus shows %d of %d", n3, ex.g.NodeCount())
	}
}
