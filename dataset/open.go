package dataset

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// LoadAny loads a dataset file, choosing the reader by extension. JSON is
// the native format.
func LoadAny(path string, opts Options) (*graph.Graph, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json", "":
		return Load(path, opts)
	default:
		if r, ok := readers[ext]; ok {
			return r(path, opts)
		}
		return nil, fmt.Errorf("%s: unsupported file type %q (Linkscope reads .json)", path, ext)
	}
}

// readers maps other file extensions (".graphml", ".gexf", ...) to their
// importers; each importer registers itself.
var readers = map[string]func(path string, opts Options) (*graph.Graph, error){}
