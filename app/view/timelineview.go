package view

import (
	"fmt"
	"sort"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// TimelineSpec chooses what a timeline chart (render.TimelineScene) shows.
type TimelineSpec struct {
	// Entities are the theme lines, top to bottom.
	Entities []int32
	// Vis, when set, limits the events to the visible relations (the
	// window's filters); nil shows every relation with a time.
	Vis *Visibility
	// Selected and SelectedEdge are highlighted (-1: none).
	Selected, SelectedEdge int32
	// ReportedFmt writes a reported time's month into an event's label
	// ("reported %s" when empty).
	ReportedFmt string
	Title       string
}

// Timeline builds the chart: one line per entity of spec, and every
// relation between two of them that has a time on the timeline (its date,
// else the date it was first reported; undated ones are left out), in
// date order. A relation from an entity to itself is a mark on its line.
func Timeline(g *graph.Graph, spec TimelineSpec) *render.TimelineScene {
	s := &render.TimelineScene{Title: spec.Title}
	line := map[int32]int{}
	for _, i := range spec.Entities {
		if i < 0 || int(i) >= g.NodeCount() {
			continue
		}
		if _, dup := line[i]; dup {
			continue
		}
		line[i] = len(s.Lines)
		n := g.Node(i)
		col := g.Topology().Types.NodeStyle(n.Type).Color
		if c, ok := n.OwnColor(); ok {
			col = c
		}
		tl := render.ThemeLine{Entity: i, Label: n.Label, Color: col, Selected: i == spec.Selected}
		if first, last, ok := EntityTime(n); ok {
			tl.First, tl.Last = max(first, 10101), last
		}
		s.Lines = append(s.Lines, tl)
	}
	repFmt := spec.ReportedFmt
	if repFmt == "" {
		repFmt = "reported %s"
	}
	times := RelationTimes(g)
	types := g.Topology().Types
	for e := int32(0); int(e) < g.EdgeCount(); e++ {
		rt := times[e]
		if rt.Kind == TimeUndated || (spec.Vis != nil && (int(e) >= len(spec.Vis.Edges) || !spec.Vis.Edges[e])) {
			continue
		}
		r := g.Edge(e)
		a, okA := line[r.From]
		b, okB := line[r.To]
		if !okA || !okB {
			continue
		}
		label := r.Type
		if amt, cur, ok := r.Amount(); ok {
			label += " · " + render.FormatAmount(amt, cur)
		}
		if rt.Kind == TimeReported {
			label += " (" + fmt.Sprintf(repFmt, FormatKey(rt.First)[:7]) + ")"
		}
		s.Events = append(s.Events, render.TimelineEvent{Edge: e, From: a, To: b, First: rt.First, Last: rt.Last,
			Label: label, Color: types.RelStyle(r.Type).Color, Reported: rt.Kind == TimeReported, Selected: e == spec.SelectedEdge})
	}
	sort.SliceStable(s.Events, func(i, j int) bool { return s.Events[i].EventDay() < s.Events[j].EventDay() })
	return s
}

// TimelineEntities picks the default lines: the k entities with the most
// relations that have a time (among the visible ones when vis is set),
// most first; ties by label.
func TimelineEntities(g *graph.Graph, vis *Visibility, k int) []int32 {
	times := RelationTimes(g)
	count := make([]int, g.NodeCount())
	for e := range times {
		if times[e].Kind == TimeUndated || (vis != nil && (e >= len(vis.Edges) || !vis.Edges[e])) {
			continue
		}
		r := g.Edge(int32(e))
		count[r.From]++
		if r.To != r.From {
			count[r.To]++
		}
	}
	var out []int32
	for i, c := range count {
		if c > 0 {
			out = append(out, int32(i))
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if count[out[a]] != count[out[b]] {
			return count[out[a]] > count[out[b]]
		}
		return g.Node(out[a]).Label < g.Node(out[b]).Label
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}
