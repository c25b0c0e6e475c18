package view

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// DuplicatePair is two entities that are likely the same: their labels
// fold alike (graph.Fold: "Cnil" and "CNIL"), or a name of one (label or
// alias) is a name of the other.
type DuplicatePair struct {
	A, B int32
	// Name is the folded name they share; Reason says how ("same name",
	// "alias").
	Name, Reason string
}

// maxDuplicatePairs bounds the list (a name shared by thousands of
// entities would otherwise make millions of pairs).
const maxDuplicatePairs = 5000

// Duplicates finds the pairs of entities of g that are likely the same,
// the pairs with the same folded label first, then those that share an
// alias, each in index order. ctx stops it on a big graph.
func Duplicates(ctx context.Context, g *graph.Graph) ([]DuplicatePair, error) {
	n := g.NodeCount()
	byLabel := map[string][]int32{}
	byName := map[string][]int32{}
	for i := 0; i < n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		nd := g.Node(int32(i))
		lf := graph.Fold(nd.Label)
		if lf != "" {
			byLabel[lf] = append(byLabel[lf], int32(i))
		}
		seen := map[string]bool{}
		for _, s := range append([]string{nd.Label}, nd.Aliases...) {
			if f := graph.Fold(s); f != "" && !seen[f] {
				seen[f] = true
				byName[f] = append(byName[f], int32(i))
			}
		}
	}
	type key struct{ a, b int32 }
	have := map[key]bool{}
	var out []DuplicatePair
	add := func(buckets map[string][]int32, reason string) error {
		for _, name := range slices.Sorted(maps.Keys(buckets)) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			list := buckets[name]
			for x := 0; x < len(list); x++ {
				for y := x + 1; y < len(list); y++ {
					k := key{list[x], list[y]}
					if have[k] || len(out) >= maxDuplicatePairs {
						continue
					}
					have[k] = true
					out = append(out, DuplicatePair{A: k.a, B: k.b, Name: name, Reason: reason})
				}
			}
		}
		return nil
	}
	if err := add(byLabel, "same name"); err != nil {
		return nil, err
	}
	if err := add(byName, "alias"); err != nil {
		return nil, err
	}
	return out, nil
}

// MergeConflict is a field whose value differs between entities being
// merged: "type", "label" or "props.NAME", with each distinct value and
// the entities that have it.
type MergeConflict struct {
	Field  string
	Values []any
	// From[k] names the entities that have Values[k].
	From []string
}

// MergeConflicts lists the fields that differ between the entities ids
// (type, label, then properties by name), each value once, in the order
// of ids.
func MergeConflicts(g *graph.Graph, ids []string) ([]MergeConflict, error) {
	nodes := make([]*graph.Node, len(ids))
	for k, id := range ids {
		i, ok := g.NodeIndex(id)
		if !ok {
			return nil, fmt.Errorf("no entity %q", id)
		}
		nodes[k] = g.Node(i)
	}
	var out []MergeConflict
	field := func(name string, get func(*graph.Node) (any, bool)) {
		c := MergeConflict{Field: name}
		for _, nd := range nodes {
			v, ok := get(nd)
			if !ok {
				continue
			}
			k := slices.IndexFunc(c.Values, func(x any) bool { return sameValue(x, v) })
			if k < 0 {
				c.Values = append(c.Values, v)
				c.From = append(c.From, "")
				k = len(c.Values) - 1
			}
			if c.From[k] != "" {
				c.From[k] += ", "
			}
			c.From[k] += nameOrID(nd)
		}
		if len(c.Values) > 1 {
			out = append(out, c)
		}
	}
	field("type", func(nd *graph.Node) (any, bool) { return nd.Type, true })
	field("label", func(nd *graph.Node) (any, bool) { return nd.Label, nd.Label != "" })
	keys := map[string]bool{}
	for _, nd := range nodes {
		for k := range nd.Props.All() {
			keys[k] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		field("props."+k, func(nd *graph.Node) (any, bool) { v, ok := nd.Props.Get(k); return v, ok })
	}
	return out, nil
}

// MergeCommand is the one undoable step that merges ids into into and
// then gives the merged entity the values chosen for the conflicting
// fields (chosen: field → value; fields not given keep what the merge
// gives, into's own value). When the label chosen is not into's, into's
// label becomes an alias in its place.
func MergeCommand(g *graph.Graph, ids []string, into string, chosen map[string]any) (graph.Command, error) {
	in, ok := g.NodeIndex(into)
	if !ok {
		return nil, fmt.Errorf("no entity %q", into)
	}
	var others []int32
	for _, id := range ids {
		i, ok := g.NodeIndex(id)
		if !ok {
			return nil, fmt.Errorf("no entity %q", id)
		}
		if i != in && !slices.Contains(others, i) {
			others = append(others, i)
		}
	}
	if len(others) == 0 {
		return nil, fmt.Errorf("merge needs two entities or more")
	}
	merged := graph.MergedNode(g, in, others)
	m := graph.Merge{IDs: ids, Into: into}
	cmds := []graph.Command{m}
	for _, f := range slices.Sorted(maps.Keys(chosen)) {
		v := chosen[f]
		switch {
		case f == "type":
			if v != merged.Type {
				cmds = append(cmds, graph.Set{ID: into, Field: "type", Value: v})
			}
		case f == "label":
			s, _ := v.(string)
			if s == merged.Label {
				continue
			}
			cmds = append(cmds, graph.Set{ID: into, Field: "label", Value: s})
			aliases := slices.DeleteFunc(slices.Clone(merged.Aliases), func(a string) bool { return graph.Fold(a) == graph.Fold(s) })
			if merged.Label != "" && graph.Fold(merged.Label) != graph.Fold(s) {
				aliases = append(aliases, merged.Label)
			}
			cmds = append(cmds, graph.Set{ID: into, Field: "aliases", Value: aliases})
		case strings.HasPrefix(f, "props."):
			if old, ok := merged.Props.Get(strings.TrimPrefix(f, "props.")); !ok || !sameValue(old, v) {
				cmds = append(cmds, graph.Set{ID: into, Field: f, Value: v})
			}
		default:
			return nil, fmt.Errorf("merge: no field %q to choose", f)
		}
	}
	return graph.Batch{Name: m.Describe(g), Cmds: cmds}, nil
}

// sameValue compares property values (JSON-decoded: comparable or not).
func sameValue(a, b any) bool {
	return fmt.Sprint(a) == fmt.Sprint(b) && fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b)
}

func nameOrID(nd *graph.Node) string {
	if nd.Label != "" {
		return nd.Label
	}
	return nd.ID
}
