package bolt

import (
	"encoding/json"

	"github.com/linkscope/linkscope/graph"
)

// citation is a citation as the model stores it (JSON text).
type citation struct {
	Source string `json:"source"`
	Quote  string `json:"quote,omitempty"`
	Gloss  string `json:"gloss,omitempty"`
}

func citationsJSON(cs []graph.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	out := make([]citation, len(cs))
	for i, c := range cs {
		out[i] = citation(c)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func propsJSON(p map[string]any) string {
	if p == nil {
		return ""
	}
	b, err := json.Marshal(p)
	if err != nil {
		return ""
	}
	return string(b)
}

// NodeProperties are the properties of entity v's (:Entity) node in the
// model (MODEL.md): its record, its degree, and its names folded for
// search with their byte lengths, shown forms and bonuses, in the
// in-memory index's order.
func NodeProperties(g *graph.Graph, v int32) map[string]any {
	n := g.Node(v)
	var names, shown []string
	var lengths []int
	var bonuses []float64
	add := func(s, kind string) {
		if f := graph.Fold(s); f != "" {
			names, shown = append(names, f), append(shown, s)
			lengths, bonuses = append(lengths, len(f)), append(bonuses, graph.NameBonus(kind))
		}
	}
	add(n.Label, "label")
	if graph.Fold(n.ID) != graph.Fold(n.Label) {
		add(n.ID, "id")
	}
	for _, a := range n.Aliases {
		add(a, "alias")
	}
	aliases := n.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return map[string]any{"id": n.ID, "type": n.Type, "label": n.Label, "aliases": aliases, "degree": g.Degree(v),
		"names": names, "shown": shown, "nameLengths": lengths, "bonuses": bonuses,
		"props": propsJSON(n.Props.Map()), "sources": citationsJSON(n.Sources)}
}

// RelationshipProperties are the properties of relation r's relationship
// in the model; its type is the relation's type.
func RelationshipProperties(g *graph.Graph, r int32) map[string]any {
	e := g.Edge(r)
	return map[string]any{"id": e.ID, "date": e.Date.String(), "props": propsJSON(e.Props.Map()), "sources": citationsJSON(e.Sources)}
}
