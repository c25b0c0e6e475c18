package dataset

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
)

// FormatV1 is the value of the optional "format" member.
const FormatV1 = "linkscope/1"

// document mirrors a linkscope/1 file.
type document struct {
	Format      string       `json:"format"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Sources     []fileSource `json:"sources"`
	Nodes       []fileNode   `json:"nodes"`
	Edges       []fileEdge   `json:"edges"`
}

type fileSource struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Published string `json:"published"`
	Language  string `json:"language"`
	URL       string `json:"url"`
	File      string `json:"file"`
	Note      string `json:"note"`
}

type fileNode struct {
	ID      string         `json:"id"`
	Type    string         `json:"type"`
	Label   string         `json:"label"`
	Aliases []string       `json:"aliases"`
	Props   map[string]any `json:"props"`
	Sources []citation     `json:"sources"`
}

type fileEdge struct {
	ID      string         `json:"id"`
	Source  string         `json:"source"`
	Target  string         `json:"target"`
	Type    string         `json:"type"`
	Date    string         `json:"date"`
	Props   map[string]any `json:"props"`
	Sources []citation     `json:"sources"`
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
	return fmt.Errorf("a citation must be a source id or an object")
}

// MarshalJSON writes the short form when there is no quote or gloss.
func (c citation) MarshalJSON() ([]byte, error) {
	if c.Quote == "" && c.Gloss == "" {
		return stdjson.Marshal(c.Source)
	}
	type plain citation
	return stdjson.Marshal(plain(c))
}
