// Package view holds what the window shows of a source: the working set,
// the part of a (possibly huge) source the analyst has brought in.
package view

import (
	"context"
	"fmt"
	"slices"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// WorkingSet is an investigation's model grown from a [source.Source]: it
// starts empty (or from a graph already grown) and each Seed or Expand
// brings in the records the source returns that the model does not have,
// as one undoable command given to [graph.Graph.Apply]. Undo removes an
// expansion; the history replays it; [WorkingSet.Collapse] deletes it as a
// new step.
//
// Every request passes the model's entity ids as ExpandOptions.Known, so
// that relations between what comes in and what is there come in too: a
// working set grown without filters is the source's subgraph induced by
// its entities.
//
// Like the graph, a WorkingSet belongs to one goroutine. A task that
// fetches in the background calls the source itself with [KnownIDs] of a
// snapshot, then, back on the model's goroutine, [Command] and Apply.
type WorkingSet struct {
	g   *graph.Graph
	src source.Expander
}

// NewWorkingSet returns a working set growing g from src; a nil g starts
// an empty graph.
func NewWorkingSet(src source.Expander, g *graph.Graph) *WorkingSet {
	if g == nil {
		g = graph.New(0, 0)
	}
	return &WorkingSet{g: g, src: src}
}

// Graph returns the model. Change it only with Apply.
func (w *WorkingSet) Graph() *graph.Graph { return w.g }

// Expansion is what one Seed or Expand added.
type Expansion struct {
	// Name names the step in the history and the undo menu ("expand
	// CNIL"); Subject is what it grew from ("CNIL", "CNIL and 2 others").
	Name, Subject string
	// Entities and Relations are the ids added, in the source's order.
	Entities, Relations []string
	// Truncated is set when the source's limit left entities out.
	Truncated bool
}

// Empty reports whether the expansion added nothing (and so applied no
// command).
func (e Expansion) Empty() bool { return len(e.Entities) == 0 && len(e.Relations) == 0 }

// Seed brings in the entities with the given ids and the relations joining
// them to each other and to the model.
func (w *WorkingSet) Seed(ctx context.Context, ids []string) (Expansion, error) {
	return w.grow(ctx, "add", ids, source.ExpandOptions{})
}

// Expand brings in the neighbourhood of the given entities under opt (see
// [source.Expander]); opt.Known is extended with the model's entities.
func (w *WorkingSet) Expand(ctx context.Context, ids []string, opt source.ExpandOptions) (Expansion, error) {
	return w.grow(ctx, "expand", ids, opt)
}

func (w *WorkingSet) grow(ctx context.Context, verb string, ids []string, opt source.ExpandOptions) (Expansion, error) {
	opt.Known = append(slices.Clip(opt.Known), KnownIDs(w.g)...)
	sub, err := w.src.Expand(ctx, ids, opt)
	if err != nil {
		return Expansion{}, err
	}
	// A cancelled task changes nothing, even when the source finished.
	if err := ctx.Err(); err != nil {
		return Expansion{}, err
	}
	subject := Subject(w.g, sub, ids)
	cmd, exp := Command(w.g, sub, verb+" "+subject)
	exp.Subject = subject
	if exp.Empty() {
		return exp, nil
	}
	if err := w.g.Apply(cmd); err != nil {
		return Expansion{}, fmt.Errorf("%s: %w", exp.Name, err)
	}
	return exp, nil
}

// Collapse deletes, as one new undoable step, what an expansion added and
// is still in the model: its entities (with every relation touching them,
// including ones added since) and its relations.
func (w *WorkingSet) Collapse(exp Expansion) error {
	var ids []string
	for _, id := range exp.Entities {
		if _, ok := w.g.NodeIndex(id); ok {
			ids = append(ids, id)
		}
	}
	for _, id := range exp.Relations {
		if _, ok := w.g.EdgeIndex(id); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	name := "collapse"
	if exp.Subject != "" {
		name += " " + exp.Subject
	}
	return w.g.Apply(graph.Batch{Name: name, Cmds: []graph.Command{graph.Delete{IDs: ids}}})
}

// KnownIDs returns the ids of g's entities, to pass as
// ExpandOptions.Known.
func KnownIDs(g *graph.Graph) []string {
	ids := make([]string, g.NodeCount())
	for i := range ids {
		ids[i] = g.Node(int32(i)).ID
	}
	return ids
}

// Command turns a source's answer into one command for g: a batch named
// name that adds the entities, then the relations, that g does not have
// (by id), and the Expansion it makes. Records g has are left as g has
// them. The batch is empty when there is nothing new.
func Command(g *graph.Graph, sub *source.Subgraph, name string) (graph.Batch, Expansion) {
	exp := Expansion{Name: name, Truncated: sub.Truncated}
	b := graph.Batch{Name: name}
	var srcs []graph.Source
	for _, s := range sub.Sources {
		if _, ok := g.Source(s.ID); !ok {
			srcs = append(srcs, s)
		}
	}
	seen := map[string]bool{}
	for _, e := range sub.Entities {
		if _, ok := g.NodeIndex(e.ID); ok || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		b.Cmds = append(b.Cmds, graph.AddEntity{ID: e.ID, Type: e.Type, Label: e.Label,
			Aliases: e.Aliases, Props: e.Props, Sources: e.Sources})
		exp.Entities = append(exp.Entities, e.ID)
	}
	for _, r := range sub.Relations {
		if _, ok := g.EdgeIndex(r.ID); ok || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		b.Cmds = append(b.Cmds, graph.AddRelation{ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type,
			Date: r.Date.String(), Props: r.Props, Sources: r.Sources})
		exp.Relations = append(exp.Relations, r.ID)
	}
	if len(srcs) > 0 && len(b.Cmds) > 0 {
		// the documents the new records cite, undone with them
		b.Cmds = append([]graph.Command{graph.AddSources{Sources: srcs}}, b.Cmds...)
	}
	return b, exp
}

// Subject names what a growth step starts from after the first entity
// asked for, by its label in g or in sub: "CNIL", "CNIL and 2 others".
func Subject(g *graph.Graph, sub *source.Subgraph, ids []string) string {
	if len(ids) == 0 {
		return "nothing"
	}
	label := ids[0]
	if i, ok := g.NodeIndex(ids[0]); ok && g.Node(i).Label != "" {
		label = g.Node(i).Label
	} else {
		for _, e := range sub.Entities {
			if e.ID == ids[0] && e.Label != "" {
				label = e.Label
				break
			}
		}
	}
	distinct := map[string]bool{}
	for _, id := range ids {
		distinct[id] = true
	}
	switch n := len(distinct) - 1; n {
	case 0:
		return label
	case 1:
		return label + " and 1 other"
	default:
		return fmt.Sprintf("%s and %d others", label, n)
	}
}
