package gui

import (
	"strings"
	"testing"
)

// The details of an entity the filters hide say so, and why; shown again,
// the note goes.
func TestDetailsSayWhenTheSelectionIsHidden(t *testing.T) {
	u := newTestUI(t)
	cnil := node(t, u.ex.g, "cnil")
	u.selectNode(cnil, false)
	if strings.Contains(texts(u.details.box), "Not on the chart") {
		t.Fatal("a visible entity is said to be hidden")
	}
	u.ex.setNodeType("regulator", false)
	if s := texts(u.details.box); !strings.Contains(s, "Not on the chart") || !strings.Contains(s, "regulator") {
		t.Fatalf("CNIL hidden by its type, the details say:\n%s", s)
	}
	u.ex.setNodeType("regulator", true)
	if strings.Contains(texts(u.details.box), "Not on the chart") {
		t.Fatal("the note stays once CNIL is shown again")
	}
	u.ex.expandFocus(node(t, u.ex.g, "walmart"))
	if s := texts(u.details.box); !strings.Contains(s, "outside the neighbourhood") {
		t.Fatalf("CNIL outside the focus, the details say:\n%s", s)
	}
	u.ex.clearFocus()
	// no relation shown, with entities without relations hidden
	u.ex.setHideIsolated(true)
	u.ex.setAllEdgeTypes(false)
	if s := texts(u.details.box); !strings.Contains(s, "none of its relations is shown") {
		t.Fatalf("CNIL left without relations, the details say:\n%s", s)
	}
}

// A relation the filters hide says so in the details, as soon as it is
// hidden (the panel used to be built once per selection).
func TestDetailsFollowTheRelationFilters(t *testing.T) {
	u := newTestUI(t)
	u.selectNode(node(t, u.ex.g, "cnil"), false)
	if strings.Contains(texts(u.details.box), "hidden by the filters") {
		t.Fatal("a shown relation is said to be hidden")
	}
	u.ex.setEdgeType("fined", false)
	if !strings.Contains(texts(u.details.box), "hidden by the filters") {
		t.Fatal("the fines CNIL imposed are hidden, the details do not say so")
	}
}

// A new file starts with nothing selected: the details describe it.
func TestDetailsClearWithANewGraph(t *testing.T) {
	u := newTestUI(t)
	u.selectNode(node(t, u.ex.g, "cnil"), false)
	u.showDefault()
	if u.ex.selected != -1 || strings.Contains(texts(u.details.box), "id cnil") {
		t.Fatal("the new graph's details show the old selection")
	}
}
