package dataset

import (
	"bytes"
	stdjson "encoding/json"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// FormatV1 is the value of the optional "format" member.
const FormatV1 = "linkscope/1"

// document mirrors a linkscope/1 file; the loader decodes into it and
// WriteJSON encodes from it (empty optional members are left out).
type document struct {
	Format      string       `json:"format"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Sources     []fileSource `json:"sources,omitempty"`
	// Types gives entity and relation types labels in other languages:
	// {"fined": {"label": {"fr": "a sanctionné"}}}.
	Types map[string]fileType `json:"types,omitempty"`
	Nodes []fileNode          `json:"nodes"`
	Edges []fileEdge          `json:"edges"`
	// fast marks a document of the fast JSON scanner (fastjson.go);
	// parallel, one whose relations it decoded partly on another core.
	fast, parallel bool
	// direct holds the relations in the model's records when the fast
	// scanner decoded them so (fastDecodeDirect; Edges is then empty).
	direct []graph.Edge
	// directNodes is the same for the entities (Nodes is then empty).
	directNodes []graph.Node
}

// fileType is a member of "types": the type's label by language.
type fileType struct {
	Label map[string]string `json:"label,omitempty"`
}

type fileSource struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file,omitempty"`
	Note      string `json:"note,omitempty"`
}

type fileNode struct {
	ID      string         `json:"id"`
	Type    string         `json:"type"`
	Label   string         `json:"label,omitempty"`
	Aliases []string       `json:"aliases,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []citation     `json:"sources,omitempty"`
	// Chart fields that GraphML and GEXF files may carry (positions,
	// colours, sizes); linkscope/1 has none.
	X, Y   float64 `json:"-"`
	Placed bool    `json:"-"`
	Color  string  `json:"-"`
	Size   float64 `json:"-"`
}

type fileEdge struct {
	ID      string         `json:"id,omitempty"`
	Source  string         `json:"source"`
	Target  string         `json:"target"`
	Type    string         `json:"type"`
	Date    string         `json:"date,omitempty"`
	Props   map[string]any `json:"props,omitempty"`
	Sources []citation     `json:"sources,omitempty"`
	// Undirected marks a relation without direction ("undirected": true
	// in linkscope/1; set by the GraphML, GEXF and CSV readers too).
	Undirected bool `json:"undirected,omitempty"`
	// Untyped marks a relation that has no type ("untyped": true, with
	// "type" absent or empty): linkscope/1 requires a type otherwise.
	Untyped bool `json:"untyped,omitempty"`
	// sourceAt and targetAt are where the fast JSON scanner found the
	// ends (fastjson.go), which it does not copy: Source and Target are
	// then set by resolveEnds only when no entity has the id.
	sourceAt, targetAt span
}

// citation is either "source-id" or {"source", "quote", "gloss"}.
type citation struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	Gloss  string `json:"gloss"`
}

// UnmarshalJSON accepts both citation forms.
func (c *citation) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return stdjson.Unmarshal(b, &c.Source)
	}
	if len(b) > 0 && b[0] == '{' {
		type plain citation
		return stdjson.Unmarshal(b, (*plain)(c))
	}
	return msg.Errorf("a citation must be a source id or an object")
}

// MarshalJSON writes the short form when there is no quote or gloss.
func (c citation) MarshalJSON() ([]byte, error) {
	if c.Quote == "" && c.Gloss == "" {
		return stdjson.Marshal(c.Source)
	}
	type plain citation
	return stdjson.Marshal(plain(c))
}
