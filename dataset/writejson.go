package dataset

import (
	stdjson "encoding/json"
	"io"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// WriteJSON writes g in Linkscope's own format (linkscope/1), which Load
// reads back. Drawing attributes are not part of the format: vis is
// ignored.
func WriteJSON(w io.Writer, g *graph.Graph, vis *Visual) error {
	if err := checkFinite(g); err != nil {
		return err
	}
	doc := document{Format: FormatV1, Title: g.Title, Description: g.Description}
	for t, l := range g.TypeLabels {
		if len(l) == 0 {
			continue
		}
		if doc.Types == nil {
			doc.Types = make(map[string]fileType, len(g.TypeLabels))
		}
		doc.Types[t] = fileType{Label: l}
	}
	for _, s := range g.Sources {
		doc.Sources = append(doc.Sources, fileSource{ID: s.ID, Title: s.Title, Publisher: s.Publisher,
			Published: s.Published.String(), Language: s.Language, URL: s.URL, File: s.File, Note: s.Note})
	}
	doc.Nodes = make([]fileNode, g.NodeCount())
	for i := range doc.Nodes {
		n := g.Node(int32(i))
		doc.Nodes[i] = fileNode{ID: n.ID, Type: n.Type, Label: n.Label, Aliases: n.Aliases, Props: n.Props.Map(), Sources: toCitations(n.Sources)}
	}
	doc.Edges = make([]fileEdge, g.EdgeCount())
	for i := range doc.Edges {
		e := g.Edge(int32(i))
		doc.Edges[i] = fileEdge{ID: e.ID, Source: g.Node(e.From).ID, Target: g.Node(e.To).ID, Type: e.Type,
			Date: e.Date.String(), Props: e.Props.Map(), Sources: toCitations(e.Sources),
			Undirected: e.Undirected, Untyped: e.Type == ""}
	}
	var b strings.Builder
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		// checkFinite catches what JSON cannot hold first; this is a
		// last guard: an encoding that fails writes nothing.
		return msg.Errorf("cannot encode the graph as JSON: %w", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func toCitations(cs []graph.Citation) []citation {
	if len(cs) == 0 {
		return nil
	}
	out := make([]citation, len(cs))
	for i, c := range cs {
		out[i] = citation{Source: c.Source, Quote: c.Quote, Gloss: c.Gloss}
	}
	return out
}
