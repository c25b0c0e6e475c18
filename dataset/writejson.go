package dataset

import (
	"io"

	"github.com/linkscope/linkscope/graph"
)

// outDoc mirrors document for writing, leaving out empty members.
type outDoc struct {
	Format      string      `json:"format"`
	Title       string      `json:"title,omitempty"`
	Description string      `json:"description,omitempty"`
	Sources     []outSource `json:"sources,omitempty"`
	Nodes       []outNode   `json:"nodes"`
	Edges       []outEdge   `json:"edges"`
}

type outSource struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file,omitempty"`
	Note      string `json:"note,omitempty"`
}

type outNode struct {
	ID      string         `json:"id"`
	Type    string         `json:"type"`
	Label   string         `json:"label,omitempty"`
	Aliases []string       `json:"aliases,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []citation     `json:"sources,omitempty"`
}

type outEdge struct {
	ID      string         `json:"id"`
	Source  string         `json:"source"`
	Target  string         `json:"target"`
	Type    string         `json:"type"`
	Date    string         `json:"date,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []citation     `json:"sources,omitempty"`
}

// WriteJSON writes g in Linkscope's own format (linkscope/1), which Load
// reads back. Drawing attributes are not part of the format: vis is
// ignored.
func WriteJSON(w io.Writer, g *graph.Graph, vis *Visual) error {
	doc := outDoc{Format: FormatV1, Title: g.Title, Description: g.Description}
	for _, s := range g.Sources {
		doc.Sources = append(doc.Sources, outSource{ID: s.ID, Title: s.Title, Publisher: s.Publisher,
			Published: s.Published.String(), Language: s.Language, URL: s.URL, File: s.File, Note: s.Note})
	}
	doc.Nodes = make([]outNode, g.NodeCount())
	for i := range doc.Nodes {
		n := g.Node(int32(i))
		doc.Nodes[i] = outNode{ID: n.ID, Type: n.Type, Label: n.Label, Aliases: n.Aliases, Props: n.Props, Sources: toCitations(n.Sources)}
	}
	doc.Edges = make([]outEdge, g.EdgeCount())
	for i := range doc.Edges {
		e := g.Edge(int32(i))
		doc.Edges[i] = outEdge{ID: e.ID, Source: g.Node(e.From).ID, Target: g.Node(e.To).ID, Type: e.Type,
			Date: e.Date.String(), Props: e.Props, Sources: toCitations(e.Sources)}
	}
	b := []byte(jsonIndent(doc))
	b = append(b, '\n')
	_, err := w.Write(b)
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
