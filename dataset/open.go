package dataset

import (
	"fmt"
	"path/filepath"
	"sort"
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
		return nil, fmt.Errorf("%s: unsupported file type %q (Linkscope reads %s)", path, ext, readableExtensions())
	}
}

// readers maps other file extensions (".graphml", ".gexf", ...) to their
// importers; each importer registers itself.
var readers = map[string]func(path string, opts Options) (*graph.Graph, error){}

// readableExtensions lists the file types LoadAny reads, for messages.
func readableExtensions() string {
	exts := []string{".json"}
	for e := range readers {
		exts = append(exts, e)
	}
	sort.Strings(exts[1:])
	return strings.Join(exts, ", ")
}
