package query

import (
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// Plan is a query checked against a graph, with the entities each node
// pattern may match and the order in which to match the hops.
type Plan struct {
	q     *Query
	g     *graph.Graph
	nodes []nodeCons
	rels  []relCons
	// anchor is the node pattern matched first: the most selective one.
	anchor int
	order  []segment
}

// nodeCons is a compiled node pattern.
type nodeCons struct {
	typ   string         // "" for any type
	cands []int32        // the entities it may match; nil: any
	in    map[int32]bool // membership of cands, when given
}

// relCons is a compiled relation pattern.
type relCons struct {
	types    []string
	dir      Direction
	min, max int
}

// segment is one hop matched from the pattern position from (already
// bound) to the position to, over relation pattern rel.
type segment struct {
	rel, from, to int
}

// Compile checks q against g — entity and relation types, names and ids
// must exist (an *Error points at the one that does not) — and plans the
// evaluation: matching starts from the node pattern with the fewest
// candidates and extends to the right, then to the left.
func Compile(q *Query, g *graph.Graph) (*Plan, error) {
	src := q.Source
	if src == "" {
		src = q.String()
	}
	p := &Plan{q: q, g: g, nodes: make([]nodeCons, len(q.Nodes)), rels: make([]relCons, len(q.Rels))}
	nodeTypes, relTypes := typeNames(g.NodeTypes()), typeNames(g.EdgeTypes())
	for i := range q.Nodes {
		n := &q.Nodes[i]
		c := &p.nodes[i]
		if n.Type != "" {
			t, ok := resolveType(n.Type, nodeTypes)
			if !ok {
				return nil, newError(src, n.TypeCol, "no entity has type %q (the types are %s)", n.Type, strings.Join(nodeTypes, ", "))
			}
			c.typ = t
		}
		explicit := false
		for _, pr := range n.Props {
			var vs []int32
			switch pr.Key {
			case "id":
				v, ok := g.NodeIndex(pr.Value)
				if !ok {
					return nil, newError(src, pr.Col, "no entity has id %q", pr.Value)
				}
				vs = []int32{v}
			case "name":
				if vs = g.Named(pr.Value); len(vs) == 0 {
					return nil, newError(src, pr.Col, "no entity is named %q", pr.Value)
				}
			}
			if explicit {
				vs = intersect(c.cands, vs)
			}
			c.cands, explicit = vs, true
		}
		switch {
		case explicit && c.typ != "":
			kept := c.cands[:0:0]
			for _, v := range c.cands {
				if g.Node(v).Type == c.typ {
					kept = append(kept, v)
				}
			}
			c.cands = kept
		case !explicit && c.typ != "":
			for v := int32(0); v < int32(g.NodeCount()); v++ {
				if g.Node(v).Type == c.typ {
					c.cands = append(c.cands, v)
				}
			}
			explicit = true
		}
		if explicit {
			if c.cands == nil {
				c.cands = []int32{}
			}
			c.in = make(map[int32]bool, len(c.cands))
			for _, v := range c.cands {
				c.in[v] = true
			}
		}
	}
	for i := range q.Rels {
		r := &q.Rels[i]
		c := &p.rels[i]
		c.dir, c.min, c.max = r.Dir, r.Min, r.Max
		for j, t := range r.Types {
			rt, ok := resolveType(t, relTypes)
			if !ok {
				col := r.Col
				if j < len(r.TypeCols) {
					col = r.TypeCols[j]
				}
				return nil, newError(src, col, "no relation has type %q (the types are %s)", t, strings.Join(relTypes, ", "))
			}
			c.types = append(c.types, rt)
		}
	}
	best := g.NodeCount() + 1
	for i, c := range p.nodes {
		if n := p.count(c); n < best {
			best, p.anchor = n, i
		}
	}
	for i := p.anchor; i < len(p.nodes)-1; i++ {
		p.order = append(p.order, segment{rel: i, from: i, to: i + 1})
	}
	for i := p.anchor; i > 0; i-- {
		p.order = append(p.order, segment{rel: i - 1, from: i, to: i - 1})
	}
	return p, nil
}

func (p *Plan) count(c nodeCons) int {
	if c.in != nil {
		return len(c.cands)
	}
	return p.g.NodeCount()
}

// Query returns the query p was compiled from.
func (p *Plan) Query() *Query { return p.q }

func typeNames(ts []graph.TypeCount) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Type
	}
	return out
}

// resolveType finds t among the graph's types, exactly or else ignoring
// case.
func resolveType(t string, have []string) (string, bool) {
	for _, h := range have {
		if h == t {
			return h, true
		}
	}
	for _, h := range have {
		if strings.EqualFold(h, t) {
			return h, true
		}
	}
	return "", false
}

func intersect(a, b []int32) []int32 {
	var out []int32
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}
