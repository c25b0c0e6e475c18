package view

import (
	"fmt"
	"slices"
	"strings"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// GroupType is the entity type of the node a collapsed group is drawn as.
const GroupType = "group"

// Collapsed is the chart as drawn when some of its groups are collapsed
// (graph.Group.Collapsed): each such group is one node, at its members'
// centroid, and the relations between its members and the rest are
// summarised, one relation per counterpart, type and direction, with
// their count and the sum of their amounts ("fined ×2 · 25.2 M€").
//
// G is the model's graph extended: its entities and relations keep their
// indices (0..N-1 and 0..M-1), the group nodes follow (N, N+1, ...) and
// then the summary relations, so that the window's selection and
// positions index it as they index the model. Visibility hides the
// members and the relations the summaries replace.
type Collapsed struct {
	G *graph.Graph
	// N and M are the model's counts: G's entities from N on are the
	// groups, its relations from M on the summaries.
	N, M int
	// Groups[k] is the chart group drawn as entity N+k; Members[k] its
	// members (model indices).
	Groups  []graph.Group
	Members [][]int32
	// Vis is what shows: the filters' result for the model, with the
	// members and their replaced relations hidden and the groups and
	// summaries shown.
	Vis Visibility
}

// CollapseGroups builds the drawn chart of g for the visibility vis (the
// filters' result for g: the summaries count only visible relations).
// It returns nil when no group of g is collapsed.
func CollapseGroups(g *graph.Graph, vis Visibility) (*Collapsed, error) {
	n, m := g.NodeCount(), g.EdgeCount()
	// group of each model entity (-1: none), for the collapsed groups
	groupOf := make([]int32, n)
	for i := range groupOf {
		groupOf[i] = -1
	}
	c := &Collapsed{N: n, M: m}
	for _, gr := range g.Chart().Groups {
		if !gr.Collapsed {
			continue
		}
		var members []int32
		for _, id := range gr.Members {
			if i, ok := g.NodeIndex(id); ok && groupOf[i] < 0 {
				groupOf[i] = int32(len(c.Groups))
				members = append(members, i)
			}
		}
		if len(members) == 0 {
			continue
		}
		c.Groups = append(c.Groups, gr)
		c.Members = append(c.Members, members)
	}
	if len(c.Groups) == 0 {
		return nil, nil
	}
	out := graph.New(n+len(c.Groups), m)
	out.Title, out.Description, out.Sources, out.TypeLabels = g.Title, g.Description, g.Sources, g.TypeLabels
	if note := g.Chart().Note; note != "" {
		// the chart's note is drawn with the chart
		if err := out.Apply(graph.Note{Text: note}); err != nil {
			return nil, err
		}
	}
	for i := 0; i < n; i++ {
		if _, err := out.AddNode(*g.Node(int32(i))); err != nil {
			return nil, err
		}
	}
	for e := 0; e < m; e++ {
		if _, err := out.AddEdge(*g.Edge(int32(e))); err != nil {
			return nil, err
		}
	}
	ids := make([]string, len(c.Groups))
	for k, gr := range c.Groups {
		ids[k] = gr.ID
		if _, ok := out.NodeIndex(ids[k]); ok {
			ids[k] = out.FreshID(gr.ID + "-")
		}
		label := gr.Label
		if label == "" {
			label = gr.ID
		}
		label = fmt.Sprintf("%s (%d)", label, len(c.Members[k]))
		if _, err := out.AddNode(graph.Node{ID: ids[k], Type: GroupType, Label: label,
			Props: graph.PropsOf(map[string]any{"members": float64(len(c.Members[k]))})}); err != nil {
			return nil, err
		}
	}
	// drawn index of a model entity's end: its group's node when collapsed
	end := func(i int32) int32 {
		if k := groupOf[i]; k >= 0 {
			return int32(n) + k
		}
		return i
	}
	type key struct {
		from, to int32
		typ      string
	}
	type summary struct {
		count    int
		amount   float64
		money    bool
		currency string
		mixed    bool
		// byCurrency sums the amounts per currency, in the order met
		byCurrency map[string]float64
		currencies []string
		date       graph.Date
		sources    []graph.Citation
	}
	sums := map[key]*summary{}
	var order []key
	nodeVis := make([]bool, n+len(c.Groups))
	copy(nodeVis, vis.Nodes)
	for i := 0; i < n; i++ {
		if k := groupOf[i]; k >= 0 {
			if i < len(vis.Nodes) && vis.Nodes[i] {
				nodeVis[n+int(k)] = true
			}
			nodeVis[i] = false
		}
	}
	edgeVis := make([]bool, m, m+8)
	copy(edgeVis, vis.Edges)
	for e := 0; e < m; e++ {
		r := g.Edge(int32(e))
		a, b := end(r.From), end(r.To)
		if a == r.From && b == r.To {
			continue // neither end is collapsed
		}
		edgeVis[e] = false
		if a == b || e >= len(vis.Edges) || !vis.Edges[e] {
			continue // inside one group, or filtered out
		}
		k := key{a, b, r.Type}
		s := sums[k]
		if s == nil {
			s = &summary{}
			sums[k] = s
			order = append(order, k)
		}
		s.count++
		if amt, cur, ok := r.Amount(); ok {
			if s.money && cur != s.currency {
				s.mixed = true
			}
			s.money, s.currency = true, cur
			s.amount += amt
			if s.byCurrency == nil {
				s.byCurrency = map[string]float64{}
			}
			if _, ok := s.byCurrency[cur]; !ok {
				s.currencies = append(s.currencies, cur)
			}
			s.byCurrency[cur] += amt
		}
		// the earliest date: the summary shows as soon as one of its
		// relations happened
		if !r.Date.IsZero() && (s.date.IsZero() || r.Date.First() < s.date.First()) {
			s.date = r.Date
		}
		for _, src := range r.Sources {
			if !slices.Contains(s.sources, src) {
				s.sources = append(s.sources, src)
			}
		}
	}
	for _, k := range order {
		s := sums[k]
		e := graph.Edge{ID: out.FreshID("sum-"), From: k.from, To: k.to, Type: k.typ, Date: s.date, Sources: s.sources,
			Props: graph.PropsOf(map[string]any{"count": float64(s.count)})}
		switch {
		case s.money && !s.mixed:
			e.Props = e.Props.With("amount", s.amount)
			if s.currency != "" {
				e.Props = e.Props.With("currency", s.currency)
			}
		case s.mixed:
			// amounts in different currencies are not added up
			parts := make([]string, len(s.currencies))
			for j, cur := range s.currencies {
				parts[j] = render.FormatAmount(s.byCurrency[cur], cur)
			}
			e.Props = e.Props.With("amounts", strings.Join(parts, " + "))
		}
		if _, err := out.AddEdge(e); err != nil {
			return nil, err
		}
		edgeVis = append(edgeVis, true)
	}
	c.G = out
	c.Vis = Visibility{Nodes: nodeVis, Edges: edgeVis}
	return c, nil
}

// Positions extends the model's positions (one per model entity) with
// each group node at its members' centroid.
func (c *Collapsed) Positions(pos []render.Point) []render.Point {
	out := make([]render.Point, c.N+len(c.Groups))
	copy(out, pos)
	for k, members := range c.Members {
		var x, y float64
		cnt := 0
		for _, i := range members {
			if int(i) < len(pos) {
				x += pos[i].X
				y += pos[i].Y
				cnt++
			}
		}
		if cnt > 0 {
			out[c.N+k] = render.Point{X: x / float64(cnt), Y: y / float64(cnt)}
		}
	}
	return out
}

// GroupAt returns the chart group drawn as entity i, if it is one.
func (c *Collapsed) GroupAt(i int32) (graph.Group, []int32, bool) {
	if c == nil || int(i) < c.N || int(i) >= c.N+len(c.Groups) {
		return graph.Group{}, nil, false
	}
	k := int(i) - c.N
	return c.Groups[k], c.Members[k], true
}
