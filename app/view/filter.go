package view

import (
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// Filter is what the window's Filters tab chose (and what a filtered
// export asks for). The zero Filter shows everything except the types the
// chart hides (graph.Chart.HiddenTypes).
type Filter struct {
	// NodeTypesOff and RelTypesOff are the entity and relation types
	// switched off.
	NodeTypesOff, RelTypesOff map[string]bool
	// AsOf and From limit time to the days [From, AsOf] (YYYYMMDD keys;
	// 0: no limit on that side): "what was on the record as of AsOf", or
	// a range. A relation shows when its time on the timeline (see
	// RelationTimes: its date, else the date it was first reported)
	// meets the range; an undated one only with ShowUndated; an entity
	// with a date of its own ("date", "start", "end") when that meets the
	// range, and one without when one of its relations shows. With both
	// zero, time hides nothing.
	AsOf, From int32
	// ShowUndated keeps relations that have no time while the timeline
	// limits time.
	ShowUndated bool
	// HideIsolated hides entities left without a visible relation.
	HideIsolated bool
	// Only, when set (one flag per entity), restricts the view to these
	// entities (the window's neighbourhood focus).
	Only []bool
	// Threshold, when its Measure is set, hides the entities whose value
	// of that computed measure is below Min (entities without a value
	// stay).
	Threshold Threshold
}

// Visibility is which entities and relations a filter lets through, one
// flag per index. A visible relation's two ends are visible.
type Visibility struct {
	Nodes, Edges []bool
}

// Count returns how many entities and relations are visible.
func (v Visibility) Count() (nodes, edges int) {
	for _, on := range v.Nodes {
		if on {
			nodes++
		}
	}
	for _, on := range v.Edges {
		if on {
			edges++
		}
	}
	return
}

// NodeList and EdgeList return the visible indices in order.
func (v Visibility) NodeList() []int32 { return trueIndices(v.Nodes) }

// EdgeList returns the visible relations in index order.
func (v Visibility) EdgeList() []int32 { return trueIndices(v.Edges) }

func trueIndices(b []bool) []int32 {
	var out []int32
	for i, on := range b {
		if on {
			out = append(out, int32(i))
		}
	}
	return out
}

// ChartHidden is the chart setting (graph.SetChart) that lists the
// entities hidden one by one: their ids, one a line.
const ChartHidden = "hidden"

// HiddenEntities returns the indices of the entities the chart hides one
// by one (ChartHidden); ids no longer in g are skipped.
func HiddenEntities(g *graph.Graph) []int32 {
	v := g.Chart().Settings[ChartHidden]
	if v == "" {
		return nil
	}
	var out []int32
	for _, id := range strings.Split(v, "\n") {
		if i, ok := g.NodeIndex(id); ok {
			out = append(out, i)
		}
	}
	return out
}

// Visible applies f to g: an entity shows unless its type is switched off
// or hidden in the chart, it is hidden one by one (ChartHidden), or it is outside f.Only; a relation shows when
// both its ends show, its type is neither switched off nor hidden, and it
// is undated or dated no later than f.AsOf; with f.HideIsolated, only the
// entities at the end of a visible relation stay.
func Visible(g *graph.Graph, f Filter) Visibility {
	t := g.Topology()
	n, m := t.N, t.M
	nodeOff := make([]bool, len(t.Types.Nodes))
	for id, ti := range t.Types.Nodes {
		nodeOff[id] = f.NodeTypesOff[ti.Name] || g.TypeHidden(ti.Name)
	}
	relOff := make([]bool, len(t.Types.Rels))
	for id, ti := range t.Types.Rels {
		relOff[id] = f.RelTypesOff[ti.Name] || g.TypeHidden(ti.Name)
	}
	base := make([]bool, n)
	for i := range base {
		base[i] = !nodeOff[t.NodeType[i]] && (f.Only == nil || (i < len(f.Only) && f.Only[i]))
	}
	for _, i := range HiddenEntities(g) {
		base[i] = false
	}
	if m := g.Chart().Measures[f.Threshold.Measure]; m != nil {
		for i := range base {
			if v, ok := m.Values[g.Node(int32(i)).ID]; ok && v < f.Threshold.Min {
				base[i] = false
			}
		}
	}
	if f.timelineActive() {
		// entities with a date of their own outside the range hide, with
		// their relations
		dated := make([]bool, n)
		for i := range base {
			if first, last, ok := EntityTime(g.Node(int32(i))); ok {
				dated[i] = true
				if !f.overlaps(first, last) {
					base[i] = false
				}
			}
		}
		times := RelationTimes(g)
		ev := make([]bool, m)
		nv := make([]bool, n)
		for e := range ev {
			rt := times[e]
			ok := base[t.Src[e]] && base[t.Dst[e]] && !relOff[t.RelType[e]]
			if rt.Kind == TimeUndated {
				ok = ok && f.ShowUndated
			} else {
				ok = ok && f.overlaps(rt.First, rt.Last)
			}
			if ok {
				ev[e] = true
				nv[t.Src[e]], nv[t.Dst[e]] = true, true
			}
		}
		if !f.HideIsolated {
			for i := range nv {
				nv[i] = nv[i] || base[i] && dated[i]
			}
		}
		return Visibility{Nodes: nv, Edges: ev}
	}
	ev := make([]bool, m)
	for e := range ev {
		ev[e] = base[t.Src[e]] && base[t.Dst[e]] && !relOff[t.RelType[e]]
	}
	nv := base
	if f.HideIsolated {
		nv = make([]bool, n)
		for e, on := range ev {
			if on {
				nv[t.Src[e]], nv[t.Dst[e]] = true, true
			}
		}
	}
	return Visibility{Nodes: nv, Edges: ev}
}
