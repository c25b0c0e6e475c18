package dataset

import (
	_ "embed"

	"github.com/linkscope/linkscope/graph"
)

// DefaultName is the name under which the embedded dataset reports errors.
const DefaultName = "clearview.json"

//go:embed clearview.json
var defaultJSON []byte

// DefaultJSON returns the embedded Clearview AI case, as stored.
func DefaultJSON() []byte { return defaultJSON }

// Default decodes the embedded Clearview AI case: the facial-recognition
// company fined and ordered to delete data by European regulators after NGO
// complaints, as five French news articles report it.
func Default() (*graph.Graph, error) {
	return Decode(DefaultName, defaultJSON, Options{})
}
