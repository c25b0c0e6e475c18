package dataset

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// fileFormat is one format Linkscope reads or writes.
type fileFormat struct {
	name string
	// exts are the file extensions, lower case, the usual one first.
	exts []string
	// sniff recognises the format from the start of a file, for files
	// whose extension says nothing; nil when it cannot be told.
	sniff func(head []byte) bool
	// read loads the file at path; nil for formats Linkscope only writes.
	read func(ctx context.Context, path string, opts Options) (*graph.Graph, error)
	// write encodes a graph as one file; files writes the files of a
	// format that needs several (CSV) and returns their names. Both are
	// nil for formats Linkscope only reads.
	write Writer
	files func(path string, g *graph.Graph, vis *Visual) ([]string, error)
}

// formats lists every format Linkscope reads or writes: loading, exporting
// and the messages that list supported types all come from it.
var formats = []fileFormat{
	{name: "Linkscope JSON (linkscope/1)", exts: []string{".json"}, sniff: sniffJSON, read: readJSON, write: WriteJSON},
	{name: "GraphML", exts: []string{".graphml"}, sniff: sniffXML("graphml"), read: readGraphML, write: WriteGraphML},
	{name: "GEXF", exts: []string{".gexf"}, sniff: sniffXML("gexf"), read: readGEXF, write: WriteGEXF},
	{name: "CSV (PATH-nodes.csv and PATH-edges.csv)", exts: []string{".csv"}, read: readCSV, files: WriteCSVFiles},
	{name: "Graphviz DOT", exts: []string{".dot", ".gv"}, write: WriteDOT},
}

// formatFor returns the format of a file extension (any case).
func formatFor(ext string) (*fileFormat, bool) {
	ext = strings.ToLower(ext)
	for i := range formats {
		for _, e := range formats[i].exts {
			if e == ext {
				return &formats[i], true
			}
		}
	}
	return nil, false
}

// ReadableExtensions lists the extensions of the formats Linkscope reads.
func ReadableExtensions() []string {
	return extensions(func(f *fileFormat) bool { return f.read != nil })
}

// WritableExtensions lists the extensions of the formats Linkscope writes.
func WritableExtensions() []string {
	return extensions(func(f *fileFormat) bool { return f.write != nil || f.files != nil })
}

func extensions(keep func(*fileFormat) bool) []string {
	var out []string
	for i := range formats {
		if keep(&formats[i]) {
			out = append(out, formats[i].exts...)
		}
	}
	return out
}

// Writers maps file extensions to the exporters of the formats Linkscope
// writes as one file (CSV writes two: see WriteFile). It is derived from
// the format table.
var Writers = func() map[string]Writer {
	m := map[string]Writer{}
	for _, f := range formats {
		if f.write != nil {
			for _, e := range f.exts {
				m[e] = f.write
			}
		}
	}
	return m
}()

// LoadAny loads a dataset file of any format Linkscope reads (see
// LoadContext).
func LoadAny(path string, opts Options) (*graph.Graph, error) {
	return LoadContext(context.Background(), path, opts)
}

// LoadContext loads a dataset file, choosing the reader by extension, or,
// for a file without a known one, by its first bytes (a file without an
// extension that no reader recognises is read as JSON). It returns
// ctx.Err() soon after ctx is done, and reports progress to
// opts.Progress. Problems of the file are an *ErrorList positioned
// FILE:LINE:COL, whatever the format.
func LoadContext(ctx context.Context, path string, opts Options) (*graph.Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ext := filepath.Ext(path)
	if f, ok := formatFor(ext); ok {
		if f.read == nil {
			return nil, msg.Errorf("%s: Linkscope writes %s files but cannot read them (it reads %s)", path, f.name, strings.Join(ReadableExtensions(), ", "))
		}
		return f.read(ctx, path, opts)
	}
	if f := sniffFile(path); f != nil {
		return f.read(ctx, path, opts)
	}
	if ext == "" {
		return readJSON(ctx, path, opts)
	}
	return nil, msg.Errorf("%s: unsupported file type %q (Linkscope reads %s)", path, strings.ToLower(ext), strings.Join(ReadableExtensions(), ", "))
}

// sniffFile recognises a readable format from the first bytes of path, or
// returns nil.
func sniffFile(path string) *fileFormat {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimPrefix(head[:n], utf8BOM)
	for i := range formats {
		if formats[i].read != nil && formats[i].sniff != nil && formats[i].sniff(head) {
			return &formats[i]
		}
	}
	return nil
}

func sniffJSON(head []byte) bool {
	t := trimLeftSpace(head)
	return len(t) > 0 && t[0] == '{'
}

// sniffXML recognises an XML file whose root element is root.
func sniffXML(root string) func([]byte) bool {
	return func(head []byte) bool { return xmlRoot(head) == root }
}

// xmlRoot returns the local name of the first element of head, skipping
// the XML declaration, comments and the document type.
func xmlRoot(head []byte) string {
	t := trimLeftSpace(head)
	for len(t) > 1 && t[0] == '<' {
		switch {
		case bytes.HasPrefix(t, []byte("<?")):
			i := bytes.Index(t, []byte("?>"))
			if i < 0 {
				return ""
			}
			t = trimLeftSpace(t[i+2:])
		case bytes.HasPrefix(t, []byte("<!--")):
			i := bytes.Index(t, []byte("-->"))
			if i < 0 {
				return ""
			}
			t = trimLeftSpace(t[i+3:])
		case t[1] == '!':
			i := bytes.IndexByte(t, '>')
			if i < 0 {
				return ""
			}
			t = trimLeftSpace(t[i+1:])
		default:
			end := 1
			for end < len(t) && !isSpace(t[end]) && t[end] != '>' && t[end] != '/' {
				end++
			}
			name := t[1:end]
			if c := bytes.LastIndexByte(name, ':'); c >= 0 {
				name = name[c+1:]
			}
			return string(name)
		}
	}
	return ""
}

// WriteFile writes g to path in the format its extension names (see
// WritableExtensions; .csv writes PATH-nodes.csv and PATH-edges.csv). It
// returns the files written.
func WriteFile(path string, g *graph.Graph, vis *Visual) ([]string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	f, ok := formatFor(ext)
	if ok && (f.files != nil || f.write != nil) {
		if err := checkFinite(g); err != nil {
			return nil, msg.Errorf("%s: %w", path, err)
		}
	}
	switch {
	case ok && f.files != nil:
		return f.files(path, g, vis)
	case ok && f.write != nil:
		return []string{path}, writeTo(path, func(w io.Writer) error { return f.write(w, g, vis) })
	}
	return nil, msg.Errorf("%s: cannot write %q files (use %s)", path, ext, strings.Join(WritableExtensions(), ", "))
}
