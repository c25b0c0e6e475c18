package graph

import (
	"math"
	"slices"
	"strings"

	"github.com/linkscope/linkscope/internal/msg"
)

// Command is one change to an investigation. Every change (adding,
// editing, deleting or merging entities and relations, moving or pinning,
// hiding a type, a note, a group) is a Command given to [Graph.Apply],
// which records it with its inverse: undo, redo, the saved history and the
// audit trail are that one list.
//
// Commands are plain values; the exported ones marshal to the one-object-
// a-line form of an edits file ({"op":"move","id":"cnil","x":10,"y":20}).
type Command interface {
	// Op is the command's name in an edits file ("add-entity", "move", ...).
	Op() string
	// Describe names the action for a menu, in the graph it applies to
	// ("move CNIL").
	Describe(g *Graph) string
	// apply changes g and returns the command as applied (with generated
	// values such as ids filled in, so that redo repeats it exactly) and
	// its inverse. On error g is unchanged.
	apply(g *Graph) (done, inverse Command, err error)
}

// ---- entities and relations ----

// AddEntity adds an entity.
type AddEntity struct {
	ID      string         `json:"id"`
	Type    string         `json:"type"`
	Label   string         `json:"label,omitempty"`
	Aliases []string       `json:"aliases,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []Citation     `json:"sources,omitempty"`
	// X and Y place the new entity when Placed is set.
	X      float64 `json:"x,omitempty"`
	Y      float64 `json:"y,omitempty"`
	Placed bool    `json:"placed,omitempty"`
}

func (AddEntity) Op() string { return "add-entity" }

func (c AddEntity) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText is Describe as a template and its arguments (see [DescribeText]).
func (c AddEntity) DescribeText(*Graph) msg.Text { return msg.F("add %s", nameOr(c.Label, c.ID)) }

func (c AddEntity) apply(g *Graph) (Command, Command, error) {
	if c.ID == "" {
		c.ID = g.FreshID("n")
	}
	if _, ok := g.edgeIDs[c.ID]; ok {
		return nil, nil, msg.Errorf("id %q is already a relation's", c.ID)
	}
	if c.Type == "" {
		return nil, nil, msg.Errorf("entity %q has no type", c.ID)
	}
	nd := Node{ID: c.ID, Type: c.Type, Label: c.Label, Aliases: slices.Clone(c.Aliases),
		Props: PropsOf(c.Props), Sources: slices.Clone(c.Sources), X: c.X, Y: c.Y, Placed: c.Placed}
	if _, err := g.AddNode(nd); err != nil {
		return nil, nil, err
	}
	return c, popNodeCmd{}, nil
}

// AddRelation adds a relation between two entities, given by id.
type AddRelation struct {
	ID      string         `json:"id,omitempty"`
	Source  string         `json:"source"`
	Target  string         `json:"target"`
	Type    string         `json:"type"`
	Date    string         `json:"date,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []Citation     `json:"sources,omitempty"`
}

func (AddRelation) Op() string { return "add-relation" }

func (c AddRelation) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c AddRelation) DescribeText(g *Graph) msg.Text {
	return msg.F("add %s %s %s", labelOf(g, c.Source), nameOr(c.Type, "relation"), labelOf(g, c.Target))
}

func (c AddRelation) apply(g *Graph) (Command, Command, error) {
	from, ok := g.nodeIDs[c.Source]
	if !ok {
		return nil, nil, msg.Errorf("no entity %q", c.Source)
	}
	to, ok := g.nodeIDs[c.Target]
	if !ok {
		return nil, nil, msg.Errorf("no entity %q", c.Target)
	}
	var d Date
	if c.Date != "" {
		var err error
		if d, err = ParseDate(c.Date); err != nil {
			return nil, nil, err
		}
	}
	if c.ID == "" {
		c.ID = g.FreshID("e")
	}
	if _, ok := g.nodeIDs[c.ID]; ok {
		return nil, nil, msg.Errorf("id %q is already an entity's", c.ID)
	}
	e := Edge{ID: c.ID, From: from, To: to, Type: c.Type, Date: d, Props: PropsOf(c.Props), Sources: slices.Clone(c.Sources)}
	if _, err := g.AddEdge(e); err != nil {
		return nil, nil, err
	}
	return c, popEdgeCmd{}, nil
}

// Set changes one field of an entity or relation: "label", "type", "date"
// (relations), "aliases" (entities; a list of strings) or "props.NAME" (a
// nil Value removes the property).
type Set struct {
	ID    string `json:"id"`
	Field string `json:"field"`
	Value any    `json:"value"`
}

func (Set) Op() string { return "set" }

func (c Set) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Set) DescribeText(g *Graph) msg.Text { return msg.F("set %s of %s", c.Field, labelOf(g, c.ID)) }

func (c Set) apply(g *Graph) (Command, Command, error) {
	if i, ok := g.nodeIDs[c.ID]; ok {
		nd := *g.Node(i)
		if err := setNodeField(&nd, c.Field, c.Value); err != nil {
			return nil, nil, err
		}
		old := g.putNode(i, nd)
		return c, putNodeCmd{c.ID, old}, nil
	}
	if i, ok := g.edgeIDs[c.ID]; ok {
		e := *g.Edge(i)
		if err := setEdgeField(&e, c.Field, c.Value); err != nil {
			return nil, nil, err
		}
		old, err := g.putEdge(i, e)
		if err != nil {
			return nil, nil, err
		}
		return c, putEdgeCmd{c.ID, old}, nil
	}
	return nil, nil, msg.Errorf("no entity or relation %q", c.ID)
}

func setNodeField(nd *Node, field string, v any) error {
	switch {
	case field == "label":
		s, err := str(field, v)
		nd.Label = s
		return err
	case field == "type":
		s, err := str(field, v)
		if err == nil && s == "" {
			err = msg.Errorf("an entity's type cannot be empty")
		}
		nd.Type = s
		return err
	case field == "aliases":
		list, err := strs(v)
		nd.Aliases = list
		return err
	case field == "color":
		s, err := str(field, v)
		if err == nil && s != "" && !isHexColour(s) {
			err = msg.Errorf("color %q is not #rrggbb", s)
		}
		if err == nil {
			nd.Color = strings.ToLower(s)
		}
		return err
	case field == "size":
		f, ok := v.(float64)
		if !ok || !Finite(f) || f < 0 {
			return msg.Errorf("size must be a number >= 0")
		}
		nd.Size = f
		return nil
	case strings.HasPrefix(field, "props."):
		p, err := setProp(nd.Props, field, v)
		nd.Props = p
		return err
	}
	return msg.Errorf("an entity has no field %q (label, type, aliases, color, size, props.NAME)", field)
}

func setEdgeField(e *Edge, field string, v any) error {
	switch {
	case field == "type":
		s, err := str(field, v)
		e.Type = s
		return err
	case field == "date":
		s, err := str(field, v)
		if err != nil {
			return err
		}
		if s == "" {
			e.Date = Date{}
			return nil
		}
		d, err := ParseDate(s)
		e.Date = d
		return err
	case strings.HasPrefix(field, "props."):
		p, err := setProp(e.Props, field, v)
		e.Props = p
		return err
	}
	return msg.Errorf("a relation has no field %q (type, date, props.NAME)", field)
}

func str(field string, v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", msg.Errorf("%s must be a string", field)
	}
	return s, nil
}

func strs(v any) ([]string, error) {
	switch l := v.(type) {
	case nil:
		return nil, nil
	case []string:
		return slices.Clone(l), nil
	case []any:
		out := make([]string, len(l))
		for i, x := range l {
			s, ok := x.(string)
			if !ok {
				return nil, msg.Errorf("aliases must be strings")
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, msg.Errorf("aliases must be a list of strings")
}

// setProp returns a copy of props with the change: maps inside the model
// are never written in place, so that an old value stays an exact record.
func setProp(props Props, field string, v any) (Props, error) {
	name := strings.TrimPrefix(field, "props.")
	if name == "" {
		return props, msg.Errorf("a property needs a name (props.NAME)")
	}
	if f, ok := v.(float64); ok && !Finite(f) {
		return props, msg.Errorf("property %s: %v is not a number a dataset can hold", name, f)
	}
	if v == nil {
		return props.Without(name), nil
	}
	return props.With(name, v), nil
}

// Delete deletes entities or relations by id; deleting an entity deletes
// its relations. ID and IDs may be used together.
type Delete struct {
	ID  string   `json:"id,omitempty"`
	IDs []string `json:"ids,omitempty"`
}

func (Delete) Op() string { return "delete" }

func (c Delete) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Delete) DescribeText(g *Graph) msg.Text {
	ids := c.all()
	if len(ids) == 1 {
		return msg.F("delete %s", labelOf(g, ids[0]))
	}
	return msg.F("delete %d items", len(ids))
}

func (c Delete) all() []string {
	if c.ID == "" {
		return c.IDs
	}
	return append([]string{c.ID}, c.IDs...)
}

func (c Delete) apply(g *Graph) (Command, Command, error) {
	var nodes, edges []int32
	for _, id := range c.all() {
		if i, ok := g.nodeIDs[id]; ok {
			nodes = append(nodes, i)
		} else if i, ok := g.edgeIDs[id]; ok {
			edges = append(edges, i)
		} else {
			return nil, nil, msg.Errorf("no entity or relation %q", id)
		}
	}
	rm := g.remove(nodes, edges)
	return c, restoreCmd{rm}, nil
}

// Merge merges entities that are the same into one (Into, which must be
// one of IDs): their relations move to it, their labels become its
// aliases, and their aliases, properties (Into's value wins a conflict)
// and sources are added to its own. The others are deleted.
type Merge struct {
	IDs  []string `json:"ids"`
	Into string   `json:"into"`
}

func (Merge) Op() string { return "merge" }

func (c Merge) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Merge) DescribeText(g *Graph) msg.Text {
	var others []string
	for _, id := range c.IDs {
		if id != c.Into {
			others = append(others, labelOf(g, id))
		}
	}
	return msg.F("merge %s into %s", strings.Join(others, ", "), labelOf(g, c.Into))
}

func (c Merge) apply(g *Graph) (Command, Command, error) {
	into, ok := g.nodeIDs[c.Into]
	if !ok {
		return nil, nil, msg.Errorf("no entity %q", c.Into)
	}
	if !slices.Contains(c.IDs, c.Into) {
		return nil, nil, msg.Errorf("merge: %q (into) must be one of ids", c.Into)
	}
	var others []int32
	seen := map[int32]bool{into: true}
	for _, id := range c.IDs {
		i, ok := g.nodeIDs[id]
		if !ok {
			return nil, nil, msg.Errorf("no entity %q", id)
		}
		if !seen[i] {
			seen[i] = true
			others = append(others, i)
		}
	}
	merged := MergedNode(g, into, others)
	drop := func(v int32) bool { return v != into && seen[v] }
	// the steps, as one batch, so that one inverse undoes them all
	var steps []Command
	steps = append(steps, putNodeCmd{c.Into, merged})
	for r := range g.edges {
		e := g.edges[r]
		if !drop(e.From) && !drop(e.To) {
			continue
		}
		if drop(e.From) {
			e.From = into
		}
		if drop(e.To) {
			e.To = into
		}
		steps = append(steps, putEdgeCmd{e.ID, e})
	}
	var ids []string
	for _, o := range others {
		ids = append(ids, g.nodes[o].ID)
	}
	if len(ids) > 0 {
		steps = append(steps, Delete{IDs: ids})
	}
	_, inv, err := Batch{Cmds: steps}.apply(g)
	if err != nil {
		return nil, nil, err
	}
	return c, inv, nil
}

// MergedNode is what entity into becomes when others are merged into it.
func MergedNode(g *Graph, into int32, others []int32) Node {
	nd := *g.Node(into)
	aliases := slices.Clone(nd.Aliases)
	have := map[string]bool{Fold(nd.Label): true}
	for _, a := range aliases {
		have[Fold(a)] = true
	}
	addAlias := func(s string) {
		if f := Fold(s); s != "" && !have[f] {
			have[f] = true
			aliases = append(aliases, s)
		}
	}
	props := nd.Props
	sources := slices.Clone(nd.Sources)
	for _, o := range others {
		on := g.Node(o)
		addAlias(on.Label)
		for _, a := range on.Aliases {
			addAlias(a)
		}
		for k, v := range on.Props.All() {
			if !props.Has(k) {
				props = props.With(k, v)
			}
		}
		for _, s := range on.Sources {
			if !slices.Contains(sources, s) {
				sources = append(sources, s)
			}
		}
		if nd.Note == "" {
			nd.Note = on.Note
		} else if on.Note != "" && on.Note != nd.Note {
			nd.Note += "\n" + on.Note
		}
	}
	nd.Aliases, nd.Props, nd.Sources = aliases, props, sources
	return nd
}

// AddSources adds dataset sources (the documents citations refer to) that
// the graph does not list yet (by id); those it lists are left as they are.
type AddSources struct {
	Sources []Source `json:"sources"`
}

func (AddSources) Op() string { return "add-sources" }

func (c AddSources) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c AddSources) DescribeText(*Graph) msg.Text { return msg.F("add %d sources", len(c.Sources)) }

func (c AddSources) apply(g *Graph) (Command, Command, error) {
	old := g.Sources
	var add []Source
	for _, s := range c.Sources {
		if s.ID == "" {
			return nil, nil, msg.Errorf("a source needs an id")
		}
		if _, ok := g.Source(s.ID); ok || slices.ContainsFunc(add, func(a Source) bool { return a.ID == s.ID }) {
			continue
		}
		add = append(add, s)
	}
	// a new array: snapshots share the old one
	g.Sources = append(slices.Clip(old), add...)
	g.changed(false, false)
	return c, putSourcesCmd{old}, nil
}

type putSourcesCmd struct{ sources []Source }

func (putSourcesCmd) Op() string             { return "put-sources" }
func (putSourcesCmd) Describe(*Graph) string { return "sources" }
func (c putSourcesCmd) apply(g *Graph) (Command, Command, error) {
	old := g.Sources
	g.Sources = c.sources
	g.changed(false, false)
	return c, putSourcesCmd{old}, nil
}

// ---- the chart ----

// Move places an entity at (X, Y) in world coordinates.
type Move struct {
	ID string  `json:"id"`
	X  float64 `json:"x"`
	Y  float64 `json:"y"`
}

func (Move) Op() string { return "move" }

func (c Move) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Move) DescribeText(g *Graph) msg.Text { return msg.F("move %s", labelOf(g, c.ID)) }

func (c Move) apply(g *Graph) (Command, Command, error) {
	if !Finite(c.X) || !Finite(c.Y) {
		return nil, nil, msg.Errorf("move %s: the position must be finite", c.ID)
	}
	return editNode(g, c, c.ID, func(nd *Node) error {
		nd.X, nd.Y, nd.Placed = c.X, c.Y, true
		return nil
	})
}

// Place gives many entities their positions at once (a finished layout),
// one undoable step. IDs, X and Y are parallel.
type Place struct {
	IDs []string  `json:"ids"`
	X   []float64 `json:"x"`
	Y   []float64 `json:"y"`
	// Name names the step ("ForceAtlas2 layout").
	Name string `json:"name,omitempty"`
}

func (Place) Op() string { return "place" }

func (c Place) Describe(*Graph) string { return nameOr(c.Name, "layout") }

func (c Place) apply(g *Graph) (Command, Command, error) {
	if len(c.X) != len(c.IDs) || len(c.Y) != len(c.IDs) {
		return nil, nil, msg.Errorf("place: ids, x and y differ in length")
	}
	for k, id := range c.IDs {
		if !Finite(c.X[k]) || !Finite(c.Y[k]) {
			return nil, nil, msg.Errorf("place %s: the position must be finite", id)
		}
	}
	placed := make([]bool, len(c.IDs))
	for k := range placed {
		placed[k] = true
	}
	_, inv, err := placeCmd{ids: c.IDs, x: c.X, y: c.Y, placed: placed}.apply(g)
	if err != nil {
		return nil, nil, err
	}
	return c, inv, nil
}

// Pin keeps an entity where it is when layouts run (Unpin releases it).
type Pin struct {
	ID    string `json:"id"`
	Unpin bool   `json:"unpin,omitempty"`
}

func (c Pin) Op() string { return "pin" }

func (c Pin) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Pin) DescribeText(g *Graph) msg.Text {
	if c.Unpin {
		return msg.F("unpin %s", labelOf(g, c.ID))
	}
	return msg.F("pin %s", labelOf(g, c.ID))
}

func (c Pin) apply(g *Graph) (Command, Command, error) {
	return editNode(g, c, c.ID, func(nd *Node) error {
		nd.Pinned = !c.Unpin
		return nil
	})
}

// Note sets the note on an entity, a relation, or (empty ID) the chart.
type Note struct {
	ID   string `json:"id,omitempty"`
	Text string `json:"text"`
}

func (Note) Op() string { return "note" }

func (c Note) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Note) DescribeText(g *Graph) msg.Text {
	if c.ID == "" {
		return msg.F("note on the chart")
	}
	return msg.F("note on %s", labelOf(g, c.ID))
}

func (c Note) apply(g *Graph) (Command, Command, error) {
	if c.ID == "" {
		ch := g.chart.clone()
		ch.Note = c.Text
		return c, putChartCmd{g.putChart(ch)}, nil
	}
	if i, ok := g.edgeIDs[c.ID]; ok {
		e := *g.Edge(i)
		e.Note = c.Text
		old, err := g.putEdge(i, e)
		if err != nil {
			return nil, nil, err
		}
		return c, putEdgeCmd{c.ID, old}, nil
	}
	return editNode(g, c, c.ID, func(nd *Node) error {
		nd.Note = c.Text
		return nil
	})
}

// HideType hides (or, with Show, shows again) an entity or relation type.
type HideType struct {
	Type string `json:"type"`
	Show bool   `json:"show,omitempty"`
}

func (HideType) Op() string { return "hide-type" }

func (c HideType) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c HideType) DescribeText(*Graph) msg.Text {
	if c.Show {
		return msg.F("show %s", nameOr(c.Type, "untyped"))
	}
	return msg.F("hide %s", nameOr(c.Type, "untyped"))
}

func (c HideType) apply(g *Graph) (Command, Command, error) {
	ch := g.chart.clone()
	i, hidden := slices.BinarySearch(ch.HiddenTypes, c.Type)
	switch {
	case c.Show && hidden:
		ch.HiddenTypes = slices.Delete(ch.HiddenTypes, i, i+1)
	case !c.Show && !hidden:
		ch.HiddenTypes = slices.Insert(ch.HiddenTypes, i, c.Type)
	}
	return c, putChartCmd{g.putChart(ch)}, nil
}

// SetChart sets one of the chart's view settings ([Chart.Settings]); an
// empty Value restores the default.
type SetChart struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func (SetChart) Op() string { return "set-chart" }

func (c SetChart) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c SetChart) DescribeText(*Graph) msg.Text {
	if c.Value == "" {
		return msg.F("reset %s", c.Key)
	}
	return msg.F("set %s to %s", c.Key, c.Value)
}

func (c SetChart) apply(g *Graph) (Command, Command, error) {
	if c.Key == "" {
		return nil, nil, msg.Errorf("set-chart: no key")
	}
	ch := g.chart.clone()
	if c.Value == "" {
		delete(ch.Settings, c.Key)
	} else {
		if ch.Settings == nil {
			ch.Settings = map[string]string{}
		}
		ch.Settings[c.Key] = c.Value
	}
	return c, putChartCmd{g.putChart(ch)}, nil
}

// SetMeasure stores a computed measure (see [Measure]); an empty IDs with
// Clear removes it. IDs and Values are parallel.
type SetMeasure struct {
	Name      string    `json:"name"`
	IDs       []string  `json:"ids,omitempty"`
	Values    []float64 `json:"values,omitempty"`
	Partition bool      `json:"partition,omitempty"`
	Note      string    `json:"note,omitempty"`
	Clear     bool      `json:"clear,omitempty"`
}

func (SetMeasure) Op() string { return "set-measure" }

func (c SetMeasure) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c SetMeasure) DescribeText(*Graph) msg.Text {
	if c.Clear {
		return msg.F("clear %s", c.Name)
	}
	return msg.F("compute %s", c.Name)
}

func (c SetMeasure) apply(g *Graph) (Command, Command, error) {
	if c.Name == "" {
		return nil, nil, msg.Errorf("set-measure: no name")
	}
	if len(c.IDs) != len(c.Values) {
		return nil, nil, msg.Errorf("set-measure: ids and values differ in length")
	}
	ch := g.chart.clone()
	if c.Clear {
		delete(ch.Measures, c.Name)
	} else {
		m := &Measure{Name: c.Name, Values: make(map[string]float64, len(c.IDs)), Partition: c.Partition, Note: c.Note}
		for k, id := range c.IDs {
			if _, ok := g.nodeIDs[id]; !ok {
				return nil, nil, msg.Errorf("set-measure: no entity %q", id)
			}
			if !Finite(c.Values[k]) {
				return nil, nil, msg.Errorf("set-measure: the value for %q is not finite", id)
			}
			m.Values[id] = c.Values[k]
		}
		if ch.Measures == nil {
			ch.Measures = map[string]*Measure{}
		}
		ch.Measures[c.Name] = m
	}
	return c, putChartCmd{g.putChart(ch)}, nil
}

// MeasureOf returns a computed measure's value for entity i.
func (g *Graph) MeasureOf(name string, i int32) (float64, bool) {
	m := g.chart.Measures[name]
	if m == nil {
		return 0, false
	}
	v, ok := m.Values[g.nodes[i].ID]
	return v, ok
}

func isHexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, r := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// GroupEntities makes a named group of entities.
type GroupEntities struct {
	ID    string   `json:"id"`
	IDs   []string `json:"ids"`
	Label string   `json:"label,omitempty"`
}

func (GroupEntities) Op() string { return "group" }

func (c GroupEntities) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c GroupEntities) DescribeText(*Graph) msg.Text { return msg.F("group %s", nameOr(c.Label, c.ID)) }

func (c GroupEntities) apply(g *Graph) (Command, Command, error) {
	if c.ID == "" {
		c.ID = g.FreshID("g")
	}
	for _, gr := range g.chart.Groups {
		if gr.ID == c.ID {
			return nil, nil, msg.Errorf("group %q exists", c.ID)
		}
	}
	if _, ok := g.nodeIDs[c.ID]; ok {
		return nil, nil, msg.Errorf("id %q is already an entity's", c.ID)
	}
	for _, id := range c.IDs {
		if _, ok := g.nodeIDs[id]; !ok {
			return nil, nil, msg.Errorf("no entity %q", id)
		}
	}
	ch := g.chart.clone()
	ch.Groups = append(ch.Groups, Group{ID: c.ID, Label: c.Label, Members: slices.Clone(c.IDs)})
	return c, putChartCmd{g.putChart(ch)}, nil
}

// Ungroup removes a group (its entities stay).
type Ungroup struct {
	ID string `json:"id"`
}

func (Ungroup) Op() string { return "ungroup" }

func (c Ungroup) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Ungroup) DescribeText(*Graph) msg.Text { return msg.F("ungroup %s", c.ID) }

func (c Ungroup) apply(g *Graph) (Command, Command, error) {
	return editGroup(g, c, c.ID, func(ch *Chart, k int) { ch.Groups = slices.Delete(ch.Groups, k, k+1) })
}

// Collapse draws a group as one node (or, with Expand, as its members).
type Collapse struct {
	ID     string `json:"id"`
	Expand bool   `json:"expand,omitempty"`
}

func (Collapse) Op() string { return "collapse" }

func (c Collapse) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText].
func (c Collapse) DescribeText(*Graph) msg.Text {
	if c.Expand {
		return msg.F("expand %s", c.ID)
	}
	return msg.F("collapse %s", c.ID)
}

func (c Collapse) apply(g *Graph) (Command, Command, error) {
	return editGroup(g, c, c.ID, func(ch *Chart, k int) { ch.Groups[k].Collapsed = !c.Expand })
}

func editGroup(g *Graph, c Command, id string, f func(*Chart, int)) (Command, Command, error) {
	ch := g.chart.clone()
	for k := range ch.Groups {
		if ch.Groups[k].ID == id {
			f(&ch, k)
			return c, putChartCmd{g.putChart(ch)}, nil
		}
	}
	return nil, nil, msg.Errorf("no group %q", id)
}

// Batch applies commands as one step: all or none, undone together.
type Batch struct {
	// Name names the step for menus; empty names it after its commands.
	Name string    `json:"name,omitempty"`
	Cmds []Command `json:"-"`
}

func (Batch) Op() string { return "batch" }

func (c Batch) Describe(g *Graph) string { return c.DescribeText(g).String() }

// DescribeText: see [DescribeText]. A batch's Name is the caller's words,
// kept as they are (a translation of it is looked up as a whole).
func (c Batch) DescribeText(g *Graph) msg.Text {
	switch {
	case c.Name != "":
		return msg.Text{Template: c.Name}
	case len(c.Cmds) == 1:
		return DescribeText(c.Cmds[0], g)
	}
	return msg.F("%d changes", len(c.Cmds))
}

func (c Batch) apply(g *Graph) (Command, Command, error) {
	done := make([]Command, 0, len(c.Cmds))
	inv := make([]Command, 0, len(c.Cmds))
	for _, cmd := range c.Cmds {
		d, u, err := cmd.apply(g)
		if err != nil {
			for k := len(inv) - 1; k >= 0; k-- {
				if _, _, uerr := inv[k].apply(g); uerr != nil {
					panic("graph: undoing a failed batch: " + uerr.Error())
				}
			}
			return nil, nil, err
		}
		done = append(done, d)
		inv = append(inv, u)
	}
	slices.Reverse(inv)
	return Batch{Name: c.Name, Cmds: done}, Batch{Name: c.Name, Cmds: inv}, nil
}

// ---- inverses (never written to a file: replaying the history recomputes
// them) ----

type popNodeCmd struct{}

func (popNodeCmd) Op() string             { return "pop-entity" }
func (popNodeCmd) Describe(*Graph) string { return "remove the last entity" }
func (c popNodeCmd) apply(g *Graph) (Command, Command, error) {
	if len(g.nodes) == 0 {
		return nil, nil, msg.Errorf("no entity to remove")
	}
	last := int32(len(g.nodes) - 1)
	for r := range g.edges {
		if g.edges[r].From == last || g.edges[r].To == last {
			return nil, nil, msg.Errorf("entity %q still has relations", g.nodes[last].ID)
		}
	}
	nd := g.nodes[last]
	g.popNode()
	return c, restoreCmd{removed{nodes: []Node{nd}, nodeIdx: []int32{last}}}, nil
}

type popEdgeCmd struct{}

func (popEdgeCmd) Op() string             { return "pop-relation" }
func (popEdgeCmd) Describe(*Graph) string { return "remove the last relation" }
func (c popEdgeCmd) apply(g *Graph) (Command, Command, error) {
	if len(g.edges) == 0 {
		return nil, nil, msg.Errorf("no relation to remove")
	}
	last := int32(len(g.edges) - 1)
	e := g.edges[last]
	g.popEdge()
	return c, restoreCmd{removed{edges: []Edge{e}, edgeIdx: []int32{last}}}, nil
}

type restoreCmd struct{ rm removed }

func (restoreCmd) Op() string             { return "restore" }
func (restoreCmd) Describe(*Graph) string { return "restore" }
func (c restoreCmd) apply(g *Graph) (Command, Command, error) {
	for _, nd := range c.rm.nodes {
		if _, ok := g.nodeIDs[nd.ID]; ok {
			return nil, nil, msg.Errorf("restore: id %q is in use", nd.ID)
		}
	}
	for _, e := range c.rm.edges {
		if _, ok := g.edgeIDs[e.ID]; ok {
			return nil, nil, msg.Errorf("restore: id %q is in use", e.ID)
		}
	}
	g.restore(c.rm)
	return c, removeCmd{nodeIdx: c.rm.nodeIdx, edgeIdx: c.rm.edgeIdx}, nil
}

type removeCmd struct{ nodeIdx, edgeIdx []int32 }

func (removeCmd) Op() string             { return "remove" }
func (removeCmd) Describe(*Graph) string { return "remove" }
func (c removeCmd) apply(g *Graph) (Command, Command, error) {
	return c, restoreCmd{g.remove(c.nodeIdx, c.edgeIdx)}, nil
}

type putNodeCmd struct {
	id string
	nd Node
}

func (putNodeCmd) Op() string               { return "put-entity" }
func (c putNodeCmd) Describe(*Graph) string { return "change " + c.id }
func (c putNodeCmd) apply(g *Graph) (Command, Command, error) {
	i, ok := g.nodeIDs[c.id]
	if !ok {
		return nil, nil, msg.Errorf("no entity %q", c.id)
	}
	return c, putNodeCmd{c.id, g.putNode(i, c.nd)}, nil
}

type putEdgeCmd struct {
	id string
	e  Edge
}

func (putEdgeCmd) Op() string               { return "put-relation" }
func (c putEdgeCmd) Describe(*Graph) string { return "change " + c.id }
func (c putEdgeCmd) apply(g *Graph) (Command, Command, error) {
	i, ok := g.edgeIDs[c.id]
	if !ok {
		return nil, nil, msg.Errorf("no relation %q", c.id)
	}
	old, err := g.putEdge(i, c.e)
	if err != nil {
		return nil, nil, err
	}
	return c, putEdgeCmd{c.id, old}, nil
}

type putChartCmd struct{ ch Chart }

func (putChartCmd) Op() string             { return "put-chart" }
func (putChartCmd) Describe(*Graph) string { return "change the chart" }
func (c putChartCmd) apply(g *Graph) (Command, Command, error) {
	return c, putChartCmd{g.putChart(c.ch)}, nil
}

type placeCmd struct {
	ids    []string
	x, y   []float64
	placed []bool
}

func (placeCmd) Op() string             { return "unplace" }
func (placeCmd) Describe(*Graph) string { return "positions" }
func (c placeCmd) apply(g *Graph) (Command, Command, error) {
	idx := make([]int32, len(c.ids))
	for k, id := range c.ids {
		i, ok := g.nodeIDs[id]
		if !ok {
			return nil, nil, msg.Errorf("no entity %q", id)
		}
		idx[k] = i
	}
	g.ownNodes()
	old := placeCmd{ids: c.ids, x: make([]float64, len(c.ids)), y: make([]float64, len(c.ids)), placed: make([]bool, len(c.ids))}
	for k, i := range idx {
		nd := &g.nodes[i]
		old.x[k], old.y[k], old.placed[k] = nd.X, nd.Y, nd.Placed
		nd.X, nd.Y, nd.Placed = c.x[k], c.y[k], c.placed[k]
	}
	g.changed(false, false)
	return c, old, nil
}

// editNode applies f to a copy of entity id and puts it back.
func editNode(g *Graph, c Command, id string, f func(*Node) error) (Command, Command, error) {
	i, ok := g.nodeIDs[id]
	if !ok {
		return nil, nil, msg.Errorf("no entity %q", id)
	}
	nd := *g.Node(i)
	if err := f(&nd); err != nil {
		return nil, nil, err
	}
	return c, putNodeCmd{id, g.putNode(i, nd)}, nil
}

func labelOf(g *Graph, id string) string {
	if i, ok := g.nodeIDs[id]; ok {
		return nameOr(g.nodes[i].Label, id)
	}
	return id
}

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Finite reports whether f is a number a dataset can hold (not NaN or ±Inf).
func Finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// DescribeText names what c does in g as a message template and its
// arguments ("move %s", "CNIL"), for the interface to show in the user's
// language; Describe is the same in English.
func DescribeText(c Command, g *Graph) msg.Text {
	if d, ok := c.(interface{ DescribeText(*Graph) msg.Text }); ok {
		return d.DescribeText(g)
	}
	return msg.Text{Template: c.Describe(g)}
}
