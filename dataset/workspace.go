package dataset

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	stdjson "encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// A workspace (a .linkscope file, see FORMAT.md) is an investigation saved
// as a whole: the data it started from (inline, or a reference to the data
// file with its checksum), every change made since (the command history,
// which is also the audit trail) and the view the window showed.

// WorkspaceFormat is the workspace's "format" member.
const WorkspaceFormat = "linkscope-workspace/1"

// WorkspaceExt is a workspace file's extension.
const WorkspaceExt = ".linkscope"

// Hard limits on what a workspace may ask for, beyond its size (the
// dataset limit, Options.MaxBytes): a hostile file cannot make the loader
// hold more than these.
const (
	MaxHistory        = 1_000_000
	MaxViewIDs        = 10_000_000
	workspaceMaxDepth = MaxDepth + 8
)

// Workspace is a saved investigation.
type Workspace struct {
	// Version is the format's version (1).
	Version int
	// Saved is when the file was written (set by SaveWorkspace).
	Saved time.Time
	// Data is what the history starts from.
	Data WorkspaceData
	// History is every change, undo and redo, oldest first
	// (graph.Graph.History).
	History []graph.Record
	// View is what the window showed.
	View View
}

// WorkspaceData is the data a workspace starts from: a reference to a
// data file (Ref) or the data itself (Inline).
type WorkspaceData struct {
	// Ref names the data file; nil for inline data.
	Ref *DataRef
	// Inline is the original dataset as linkscope/1 JSON (WriteJSON).
	Inline []byte
	// Drawing keeps what the original data gave entities beyond
	// linkscope/1 (positions, colours, sizes read from GEXF or GraphML),
	// for inline data.
	Drawing []NodeDrawing
}

// DataRef is a data file a workspace refers to, with its size and SHA-256
// so that a changed file is noticed.
type DataRef struct {
	// Path is the file; in memory as the program can open it, in the
	// workspace file relative to the workspace's directory (with /).
	Path string `json:"path"`
	// Format names the reader: "json", "graphml", "gexf" or "csv".
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// Edges is the CSV edge table read with the node table Path.
	Edges *DataRef `json:"edges,omitempty"`
}

// NodeDrawing is what the data gave one entity to draw it with.
type NodeDrawing struct {
	ID     string  `json:"id"`
	X      float64 `json:"x,omitempty"`
	Y      float64 `json:"y,omitempty"`
	Placed bool    `json:"placed,omitempty"`
	Color  string  `json:"color,omitempty"`
	Size   float64 `json:"size,omitempty"`
}

// View is everything the window shows beyond the model (which holds
// positions set by commands, pins, notes, groups, hidden types and the
// chart's settings): plain data, so that the window can save it and
// `linkscope export -w` can draw it the same way (app/view.FromWorkspace).
// Entities and relations are named by id. Zero values mean the default.
type View struct {
	// Layout is the layout the window last ran ("fa2", "circular",
	// "radial", "layered"); LayoutSettings its parameters ("seed",
	// "iterations", "focus", "paused", ...).
	Layout         string         `json:"layout,omitempty"`
	LayoutSettings map[string]any `json:"layoutSettings,omitempty"`
	// Positions are where the entities were drawn (world units), whether
	// or not a command placed them.
	Positions *Positions `json:"positions,omitempty"`
	// Viewport is the part of the drawing the canvas showed.
	Viewport *Viewport `json:"viewport,omitempty"`
	// Selection is the selected entities (the window selects one).
	Selection []string `json:"selection,omitempty"`
	// HighlightNodes and HighlightEdges are the highlighted path or
	// pattern match (the rest dimmed).
	HighlightNodes []string `json:"highlightNodes,omitempty"`
	HighlightEdges []string `json:"highlightEdges,omitempty"`
	// Focus is the neighbourhood focus: only these entities are shown.
	Focus []string `json:"focus,omitempty"`
	// Filters are the Filters tab's choices.
	Filters ViewFilters `json:"filters"`
	// Legend, Theme ("light", "dark"), Title and the label switches are
	// the picture's options.
	Legend       bool   `json:"legend,omitempty"`
	Theme        string `json:"theme,omitempty"`
	Title        string `json:"title,omitempty"`
	NoLabels     bool   `json:"noLabels,omitempty"`
	NoEdgeLabels bool   `json:"noEdgeLabels,omitempty"`
	// Extra holds other window state (the open tab, search text, ...),
	// kept as it is.
	Extra map[string]string `json:"extra,omitempty"`
	// Server is set when the graph was explored on a graph server
	// (linkscope --db URL): which one, and what each expansion brought.
	Server *ServerView `json:"server,omitempty"`
}

// ServerView is what a workspace keeps of a server exploration: the
// source it came from (described without credentials) and, by entity id,
// the entities and relations each of its expansions brought, so that
// `linkscope --db URL CASE.linkscope` goes on expanding and collapsing
// where the analyst left off.
type ServerView struct {
	Source   string                     `json:"source"`
	Expanded map[string][]ExpansionView `json:"expanded,omitempty"`
}

// ExpansionView is one expansion of an entity.
type ExpansionView struct {
	Entities  []string `json:"entities,omitempty"`
	Relations []string `json:"relations,omitempty"`
}

// Positions are entity positions: IDs, X and Y are parallel.
type Positions struct {
	IDs []string  `json:"ids"`
	X   []float64 `json:"x"`
	Y   []float64 `json:"y"`
}

// Viewport is the canvas's view, as render.Viewport holds it: the world
// point at its centre, the zoom (logical pixels per world unit), its size
// in device pixels and the device pixels per logical pixel.
type Viewport struct {
	CenterX float64 `json:"centerX"`
	CenterY float64 `json:"centerY"`
	Zoom    float64 `json:"zoom"`
	Width   int     `json:"width"`
	Height  int     `json:"height"`
	Scale   float64 `json:"scale,omitempty"`
}

// ViewFilters are the Filters tab's choices (the types the chart hides
// and the timeline date set as a command are in the model).
type ViewFilters struct {
	NodeTypesOff []string `json:"nodeTypesOff,omitempty"`
	RelTypesOff  []string `json:"relTypesOff,omitempty"`
	// AsOf shows the case as it stood at this date (YYYY[-MM[-DD]]).
	AsOf         string `json:"asOf,omitempty"`
	HideIsolated bool   `json:"hideIsolated,omitempty"`
}

// wsFile is a workspace file's JSON.
type wsFile struct {
	Format  string            `json:"format"`
	Saved   string            `json:"saved,omitempty"`
	Data    wsData            `json:"data"`
	View    View              `json:"view"`
	History []json.RawMessage `json:"history"`
}

type wsData struct {
	Ref     *DataRef        `json:"ref,omitempty"`
	Inline  json.RawMessage `json:"inline,omitempty"`
	Drawing []NodeDrawing   `json:"drawing,omitempty"`
}

// RefData makes the data of a workspace that refers to the data file path
// (and, for a CSV node table, its edge table edges; path may then be ""
// for an edge table alone), measuring and hashing them now.
func RefData(path, edges string) (WorkspaceData, error) {
	one := func(p string) (*DataRef, error) {
		sum, size, err := hashFile(p)
		if err != nil {
			return nil, err
		}
		return &DataRef{Path: p, Format: formatName(p), SHA256: sum, Size: size}, nil
	}
	var ref *DataRef
	var err error
	switch {
	case edges != "" && path == "":
		ref, err = one(edges)
		if ref != nil {
			ref.Format = "csv"
		}
	default:
		ref, err = one(path)
		if err == nil && edges != "" {
			ref.Format = "csv"
			ref.Edges, err = one(edges)
			if ref.Edges != nil {
				ref.Edges.Format = "csv"
			}
		}
	}
	if err != nil {
		return WorkspaceData{}, err
	}
	return WorkspaceData{Ref: ref}, nil
}

// InlineData makes the data of a workspace that holds the dataset orig
// itself (the embedded case, or when asked): orig must be the graph as
// loaded, before any change (a Snapshot taken then).
func InlineData(orig *graph.Graph) (WorkspaceData, error) {
	var b bytes.Buffer
	if err := WriteJSON(&b, orig, nil); err != nil {
		return WorkspaceData{}, err
	}
	d := WorkspaceData{Inline: b.Bytes()}
	for i := 0; i < orig.NodeCount(); i++ {
		n := orig.Node(int32(i))
		if n.Placed || n.X != 0 || n.Y != 0 || n.Color != "" || n.Size != 0 {
			d.Drawing = append(d.Drawing, NodeDrawing{ID: n.ID, X: n.X, Y: n.Y, Placed: n.Placed, Color: n.Color, Size: n.Size})
		}
	}
	return d, nil
}

func formatName(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".json", ".graphml", ".gexf", ".csv":
		return ext[1:]
	}
	if f := sniffFile(path); f != nil && len(f.exts) > 0 {
		return f.exts[0][1:]
	}
	return "json"
}

func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, msg.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// SaveWorkspace writes ws to path atomically (WriteAtomic: a failed save
// leaves the previous file as it was). A data reference is written
// relative to path's directory.
func SaveWorkspace(path string, ws *Workspace) error {
	data, err := EncodeWorkspace(path, ws)
	if err != nil {
		return msg.Errorf("%s: %w", path, err)
	}
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// EncodeWorkspace returns the JSON of ws as saved at path.
func EncodeWorkspace(path string, ws *Workspace) ([]byte, error) {
	if (ws.Data.Ref == nil) == (len(ws.Data.Inline) == 0) {
		return nil, msg.Errorf("a workspace needs its data: a reference or the data inline, not both")
	}
	saved := ws.Saved
	if saved.IsZero() {
		saved = time.Now()
	}
	var b bytes.Buffer
	b.WriteString("{\n\"format\": ")
	writeStr(&b, WorkspaceFormat)
	b.WriteString(",\n\"saved\": ")
	writeStr(&b, saved.UTC().Format(time.RFC3339Nano))
	b.WriteString(",\n\"data\": {")
	if ws.Data.Ref != nil {
		ref := relRef(*ws.Data.Ref, filepath.Dir(path))
		b.WriteString("\"ref\": ")
		if err := encodeInto(&b, ref); err != nil {
			return nil, err
		}
	} else {
		b.WriteString("\"inline\": ")
		b.Write(bytes.TrimSpace(ws.Data.Inline))
		if len(ws.Data.Drawing) > 0 {
			b.WriteString(",\n\"drawing\": ")
			if err := encodeInto(&b, ws.Data.Drawing); err != nil {
				return nil, err
			}
		}
	}
	b.WriteString("},\n\"view\": ")
	if err := encodeInto(&b, ws.View); err != nil {
		return nil, msg.Errorf("the view: %w", err)
	}
	b.WriteString(",\n\"history\": [")
	for k, r := range ws.History {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n ")
		data, err := r.MarshalJSON()
		if err != nil {
			return nil, msg.Errorf("history entry %d: %w", k+1, err)
		}
		b.Write(data)
	}
	b.WriteString("\n]\n}\n")
	return b.Bytes(), nil
}

func relRef(r DataRef, dir string) DataRef {
	if abs, err := filepath.Abs(r.Path); err == nil {
		if adir, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(adir, abs); err == nil {
				r.Path = filepath.ToSlash(rel)
			}
		}
	}
	if r.Edges != nil {
		e := relRef(*r.Edges, dir)
		r.Edges = &e
	}
	return r
}

func encodeInto(b *bytes.Buffer, v any) error {
	enc := stdjson.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(len(bytes.TrimRight(b.Bytes(), "\n")))
	return nil
}

func writeStr(b *bytes.Buffer, s string) { _ = encodeInto(b, s) }

// OpenWorkspace reads the workspace at path, loads its data (checking that
// a referenced file is the one saved), replays its history and returns the
// workspace and the edited graph, whose undo and redo stacks are those
// saved. Problems are *ErrorList values positioned FILE:LINE:COL (in the
// workspace, or in an inline dataset's place in it); opts limit the size
// of the workspace and of its data file.
func OpenWorkspace(ctx context.Context, path string, opts Options) (ws *Workspace, g *graph.Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			ws, g, err = nil, nil, msg.Errorf("%s: internal error while opening the workspace (please report it): %v", path, r)
		}
	}()
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Size() > opts.maxBytes() {
		return nil, nil, msg.Errorf("%s: file is %d bytes, over the %d-byte limit (raise it with --max-bytes)", path, st.Size(), opts.maxBytes())
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	data, err := io.ReadAll(io.LimitReader(fh, opts.maxBytes()+1))
	fh.Close()
	if err != nil {
		return nil, nil, msg.Errorf("%s: %w", path, err)
	}
	return DecodeWorkspace(ctx, path, data, opts)
}

// DecodeWorkspace is OpenWorkspace on the contents of the file at path
// (a data reference is resolved against path's directory).
func DecodeWorkspace(ctx context.Context, path string, data []byte, opts Options) (*Workspace, *graph.Graph, error) {
	if int64(len(data)) > opts.maxBytes() {
		return nil, nil, msg.Errorf("%s: file is %d bytes, over the %d-byte limit (raise it with --max-bytes)", path, len(data), opts.maxBytes())
	}
	in := newInput(path, data)
	data = in.data
	if off, m, ok := checkBytes(data); !ok && !strings.HasPrefix(m.Template, "nesting") {
		return nil, nil, single(path, data, off, m)
	}
	if off, deep := tooDeep(data, workspaceMaxDepth); deep {
		return nil, nil, single(path, data, off, msg.F("nesting deeper than %d levels", workspaceMaxDepth))
	}
	if !stdjson.Valid(data) {
		var v any
		err := stdjson.Unmarshal(data, &v)
		var se *stdjson.SyntaxError
		if errors.As(err, &se) {
			off, m := explainSyntax(data, max(int(se.Offset)-1, 0), se.Error())
			return nil, nil, single(path, data, off, m)
		}
		return nil, nil, single(path, data, len(trimRightSpace(data)), msg.F("unexpected end of file: %s", unclosed(data)))
	}
	if off, m, ok := checkTopLevel(data, `{"format": "`+WorkspaceFormat+`", ...}`); !ok {
		return nil, nil, single(path, data, off, m)
	}
	l := newLocator(data)
	at := func(m msg.Text, steps ...any) error {
		return single(path, data, l.path(l.skipSpace(0), steps...), m)
	}
	var f wsFile
	if err := json.Unmarshal(data, &f); err != nil {
		// encoding/json's offsets are exact: find the value at fault
		var te *stdjson.UnmarshalTypeError
		if serr := stdjson.Unmarshal(data, &wsFile{}); errors.As(serr, &te) {
			field := te.Field
			if field == "" {
				field = "value"
			}
			return nil, nil, single(path, data, valueStartBefore(data, int(te.Offset)),
				msg.F("%s must be %s, not %s", field, describeType(te.Type.String()), te.Value))
		}
		return nil, nil, single(path, data, 0, msg.F("cannot read the workspace: %s", plainJSONError(err)))
	}
	switch {
	case f.Format == "":
		return nil, nil, at(msg.F(`not a Linkscope workspace: no "format": "%s"`, WorkspaceFormat))
	case f.Format != WorkspaceFormat:
		return nil, nil, at(msg.F("format %q is not %q (a workspace from a later Linkscope?)", f.Format, WorkspaceFormat), "format")
	case len(f.History) > MaxHistory:
		return nil, nil, at(msg.F("%d history entries, over the limit of %d", len(f.History), MaxHistory), "history")
	}
	if err := checkView(&f.View, func(m msg.Text, steps ...any) error { return at(m, append([]any{"view"}, steps...)...) }); err != nil {
		return nil, nil, err
	}
	ws := &Workspace{Version: 1, View: f.View, Data: WorkspaceData{Ref: f.Data.Ref, Inline: f.Data.Inline, Drawing: f.Data.Drawing}}
	if f.Saved != "" {
		t, err := time.Parse(time.RFC3339Nano, f.Saved)
		if err != nil {
			return nil, nil, at(msg.F("saved: %q is not an RFC 3339 time", f.Saved), "saved")
		}
		ws.Saved = t
	}
	ws.History = make([]graph.Record, len(f.History))
	for k, raw := range f.History {
		if err := ws.History[k].UnmarshalJSON(raw); err != nil {
			steps := []any{"history", k}
			var fe *graph.FieldError
			if errors.As(err, &fe) {
				steps = append(steps, fe.Path...)
			}
			return nil, nil, at(msg.F("history entry %d: %v", k+1, err), steps...)
		}
	}
	// the data
	var g *graph.Graph
	var err error
	switch {
	case f.Data.Ref != nil && len(f.Data.Inline) > 0:
		return nil, nil, at(msg.F(`the data is given twice: "ref" or "inline", not both`), "data")
	case f.Data.Ref != nil:
		ref := resolveRef(*f.Data.Ref, filepath.Dir(path))
		ws.Data.Ref = &ref
		if err := checkRef(path, &ref, at); err != nil {
			return nil, nil, err
		}
		if ref.Edges != nil {
			if err := checkRef(path, ref.Edges, func(m msg.Text, steps ...any) error {
				return at(m, append([]any{"edges"}, steps...)...)
			}); err != nil {
				return nil, nil, err
			}
		}
		if ref.Format == "csv" || ref.Edges != nil {
			paths := []string{ref.Path}
			if ref.Edges != nil {
				paths = append(paths, ref.Edges.Path)
			}
			g, err = LoadCSV(ctx, paths, opts)
		} else {
			g, err = LoadContext(ctx, ref.Path, opts)
		}
		if err != nil {
			return nil, nil, err
		}
	case len(f.Data.Inline) > 0:
		start := l.path(l.skipSpace(0), "data", "inline")
		g, err = Decode(path, f.Data.Inline, opts)
		if err != nil {
			return nil, nil, shiftErrors(err, data, start)
		}
		if len(f.Data.Drawing) > 0 {
			if g, err = withDrawing(g, f.Data.Drawing); err != nil {
				return nil, nil, at(msg.F("%v", err), "data", "drawing")
			}
		}
	default:
		return nil, nil, at(msg.F(`no data: "data" needs "ref" (a data file) or "inline" (the dataset)`), "data")
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := g.Replay(ws.History); err != nil {
		var re *graph.ReplayError
		if errors.As(err, &re) {
			return nil, nil, at(msg.F("%v", err), "history", re.Index)
		}
		return nil, nil, at(msg.F("%v", err), "history")
	}
	return ws, g, nil
}

func checkView(v *View, at func(msg.Text, ...any) error) error {
	n := len(v.Selection) + len(v.HighlightNodes) + len(v.HighlightEdges) + len(v.Focus) +
		len(v.Filters.NodeTypesOff) + len(v.Filters.RelTypesOff)
	if p := v.Positions; p != nil {
		n += len(p.IDs)
		if len(p.X) != len(p.IDs) || len(p.Y) != len(p.IDs) {
			return at(msg.F("positions: ids, x and y differ in length"), "positions")
		}
	}
	if n > MaxViewIDs {
		return at(msg.F("the view names %d ids, over the limit of %d", n, MaxViewIDs))
	}
	if p := v.Viewport; p != nil {
		if !graph.Finite(p.CenterX) || !graph.Finite(p.CenterY) || !(p.Zoom > 0) || !graph.Finite(p.Zoom) ||
			p.Width < 0 || p.Height < 0 || p.Width > 100000 || p.Height > 100000 || p.Scale < 0 || p.Scale > 16 {
			return at(msg.F("viewport: centre and zoom must be finite numbers (zoom above 0), width and height at most 100000, scale at most 16"), "viewport")
		}
	}
	if d := v.Filters.AsOf; d != "" {
		if _, err := graph.ParseDate(d); err != nil {
			return at(msg.F("%v", err), "filters", "asOf")
		}
	}
	return nil
}

func resolveRef(r DataRef, dir string) DataRef {
	p := filepath.FromSlash(r.Path)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	r.Path = p
	if r.Edges != nil {
		e := resolveRef(*r.Edges, dir)
		r.Edges = &e
	}
	return r
}

// checkRef makes sure the referenced file is the one the workspace saw.
func checkRef(wsPath string, ref *DataRef, at func(msg.Text, ...any) error) error {
	if ref.Path == "" {
		return at(msg.F("the data reference has no path"), "data", "ref")
	}
	if len(ref.SHA256) != 64 {
		return at(msg.F("the data reference needs the file's sha256 (64 hex digits)"), "data", "ref", "sha256")
	}
	sum, size, err := hashFile(ref.Path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return at(msg.F("the data file %s is missing (the workspace refers to it; put it back beside %s)", ref.Path, filepath.Base(wsPath)), "data", "ref", "path")
		}
		return at(msg.F("cannot read the data file: %v", err), "data", "ref", "path")
	}
	if size != ref.Size || !strings.EqualFold(sum, ref.SHA256) {
		return at(msg.F("the data file %s has changed since %s was saved (%d bytes, sha256 %s…; the workspace saw %d bytes, sha256 %s…): its history may not apply to it",
			ref.Path, filepath.Base(wsPath), size, sum[:12], ref.Size, ref.SHA256[:min(12, len(ref.SHA256))]), "data", "ref", "sha256")
	}
	return nil
}

// shiftErrors moves the positions of an inline dataset's errors to the
// dataset's place in the workspace file (the dataset is a verbatim part
// of it: lines after its first keep their columns).
func shiftErrors(err error, data []byte, start int) error {
	var list *ErrorList
	if !errors.As(err, &list) {
		return err
	}
	line, col := position(data, start)
	out := &ErrorList{More: list.More}
	for _, e := range list.Errors {
		c := *e
		if c.Line == 1 {
			c.Col += col - 1
		}
		c.Line += line - 1
		out.Errors = append(out.Errors, &c)
	}
	return out
}

// withDrawing returns g with the entities' drawing attributes set (a copy
// built as a loader builds one).
func withDrawing(g *graph.Graph, drawing []NodeDrawing) (*graph.Graph, error) {
	byID := make(map[string]NodeDrawing, len(drawing))
	for _, d := range drawing {
		if _, ok := g.NodeIndex(d.ID); !ok {
			return nil, msg.Errorf("drawing: no entity %q in the data", d.ID)
		}
		if !graph.Finite(d.X) || !graph.Finite(d.Y) || !graph.Finite(d.Size) || d.Size < 0 {
			return nil, msg.Errorf("drawing of %q: positions and sizes must be finite (sizes not negative)", d.ID)
		}
		byID[d.ID] = d
	}
	out := graph.New(g.NodeCount(), g.EdgeCount())
	out.Title, out.Description, out.Sources, out.TypeLabels = g.Title, g.Description, slices.Clone(g.Sources), g.TypeLabels
	for i := 0; i < g.NodeCount(); i++ {
		n := *g.Node(int32(i))
		if d, ok := byID[n.ID]; ok {
			n.X, n.Y, n.Placed, n.Color, n.Size = d.X, d.Y, d.Placed, d.Color, d.Size
		}
		if _, err := out.AddNode(n); err != nil {
			return nil, err
		}
	}
	for i := 0; i < g.EdgeCount(); i++ {
		if _, err := out.AddEdge(*g.Edge(int32(i))); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ---- autosave ----

// AutosavePath is where the autosave of the workspace at path goes:
// beside it, .NAME.linkscope.autosave.
func AutosavePath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".autosave")
}

// WriteAutosave saves ws as the autosave of the workspace at path.
func WriteAutosave(path string, ws *Workspace) error {
	return SaveWorkspace(AutosavePath(path), ws)
}

// FindAutosave returns the autosave of the workspace at path when there
// is one newer than the workspace (or when the workspace is not there).
func FindAutosave(path string) (autosave string, saved time.Time, ok bool) {
	a := AutosavePath(path)
	ast, err := os.Stat(a)
	if err != nil || !ast.Mode().IsRegular() {
		return "", time.Time{}, false
	}
	if st, err := os.Stat(path); err == nil && !ast.ModTime().After(st.ModTime()) {
		return "", time.Time{}, false
	}
	return a, ast.ModTime(), true
}

// RemoveAutosave removes the autosave of the workspace at path, if any.
func RemoveAutosave(path string) error {
	err := os.Remove(AutosavePath(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
