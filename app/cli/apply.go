package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"
	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

func init() {
	register(&command{
		name: "apply",
		args: "[-d FILE] [--inline] EDITS.jsonl --out WS.linkscope",
		summary: "apply a file of edits (one JSON command a line) and save the workspace\n\n" +
			"EDITS.jsonl holds one command a line, such as\n" +
			`  {"op":"add-entity","id":"x","type":"person","label":"X"}` + "\n" +
			`  {"op":"add-relation","source":"x","target":"cnil","type":"complained-to","date":"2024-01"}` + "\n" +
			`  {"op":"set","id":"cnil","field":"label","value":"CNIL"}   (label, type, date, props.NAME)` + "\n" +
			`  {"op":"delete","id":"x"}  {"op":"merge","ids":["a","b"],"into":"a"}  {"op":"move","id":"a","x":10,"y":20}` + "\n" +
			`  {"op":"pin","id":"a"}  {"op":"hide-type","type":"media"}  {"op":"note","id":"a","text":"…"}` + "\n" +
			`  {"op":"group","ids":["a","b"],"id":"g","label":"G"}  {"op":"undo"}  {"op":"redo"}` + "\n" +
			"(every op and its members: dataset/FORMAT.md, Workspaces); blank lines and lines\n" +
			"starting with # are skipped. The edits apply to the dataset (-d, the embedded case\n" +
			"when absent) or to a workspace's edited graph (-w), and --out gets the workspace:\n" +
			"the data (a reference to the data file with its checksum, or with --inline and for\n" +
			"the embedded case the data itself), the history with each command's time (the\n" +
			"audit trail; undo works after reopening) and, with -w, the saved view.\n" +
			"A line that does not decode or does not apply is reported as EDITS.jsonl:LINE:\n" +
			"message (every line that does not decode, then the first that does not apply),\n" +
			"and nothing is saved (exit 1).",
		run: runApply,
	})
}

// edit is one line of an edits file: a command, or undo or redo.
type edit struct {
	line int
	cmd  graph.Command
	op   string // "do", "undo", "redo"
}

func runApply(env *Env, args []string) error {
	fs := newFlags("apply")
	ds := addDatasetFlags(fs)
	var out string
	var inline bool
	fs.StringVar(&out, "out", "", "")
	fs.StringVar(&out, "o", "", "")
	fs.BoolVar(&inline, "inline", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("missing EDITS.jsonl")
	case len(pos) > 1:
		return usagef("unexpected argument %q (one edits file)", pos[1])
	case out == "":
		return usagef("missing --out WS.linkscope")
	}
	editsPath := pos[0]
	edits, err := readEdits(editsPath, ds.maxBytes)
	if err != nil {
		return err
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	ws := &dataset.Workspace{Version: 1}
	switch {
	case ds.ws != nil:
		ws.Data, ws.View = ds.ws.Data, ds.ws.View
		if inline && ws.Data.Ref != nil {
			orig, _, err := openDataset(ws.Data.Ref.Path, edgesOf(ws.Data.Ref), ds.maxBytes)
			if err != nil {
				return err
			}
			if ws.Data, err = dataset.InlineData(orig); err != nil {
				return err
			}
		}
	case inline || (ds.path == "" && ds.edges == ""):
		if ws.Data, err = dataset.InlineData(ds.orig); err != nil {
			return err
		}
	default:
		if ws.Data, err = dataset.RefData(ds.path, ds.edges); err != nil {
			return err
		}
	}
	for _, e := range edits {
		var err error
		switch e.op {
		case "undo":
			_, err = g.Undo()
		case "redo":
			_, err = g.Redo()
		default:
			err = g.Apply(e.cmd)
			if err != nil {
				err = fmt.Errorf("%s: %w", e.cmd.Op(), err)
			}
		}
		if err != nil {
			return fmt.Errorf(lang.L("%s:%d: %v (nothing saved)"), editsPath, e.line, i18n.Message(err))
		}
	}
	ws.History = g.History()
	if err := dataset.SaveWorkspace(out, ws); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, lang.L("wrote %s (%d edits applied; %d entities, %d relations; history of %d entries)\n"),
		out, len(edits), g.NodeCount(), g.EdgeCount(), len(ws.History))
	return nil
}

func edgesOf(r *dataset.DataRef) string {
	if r.Edges != nil {
		return r.Edges.Path
	}
	return ""
}

// readEdits decodes an edits file, reporting every line that does not
// decode as PATH:LINE: message.
func readEdits(path string, maxBytes int64) ([]edit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf(lang.L("%s: over the %d-byte limit (raise it with --max-bytes)"), path, maxBytes)
	}
	var edits []edit
	var problems []string
	const maxProblems = 50
	more := 0
	for k, line := range bytes.Split(data, []byte("\n")) {
		n := k + 1
		line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF")))
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		e, err := decodeEdit(line)
		if err != nil {
			if len(problems) < maxProblems {
				problems = append(problems, fmt.Sprintf("%s:%d: %v", path, n, i18n.Message(err)))
			} else {
				more++
			}
			continue
		}
		e.line = n
		edits = append(edits, e)
	}
	if len(problems) > 0 {
		msg := strings.Join(problems, "\n")
		if more > 0 {
			msg += "\n" + fmt.Sprintf(lang.L("... and %d more lines"), more)
		}
		return nil, errors.New(msg + "\n" + lang.L("nothing saved"))
	}
	return edits, nil
}

// decodeEdit decodes one line: {"op":"undo"}, {"op":"redo"} or a command.
func decodeEdit(line []byte) (edit, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err == nil {
		var op string
		if json.Unmarshal(m["op"], &op) == nil && (op == "undo" || op == "redo") {
			for k := range m {
				if k != "op" {
					return edit{}, fmt.Errorf(lang.L("field %q: unknown field for %s (it takes none)"), k, op)
				}
			}
			return edit{op: op}, nil
		}
	}
	c, err := graph.DecodeCommand(line)
	if err != nil {
		var fe *graph.FieldError
		if errors.As(err, &fe) && len(fe.Path) == 1 && fe.Path[0] == "op" && strings.HasSuffix(fe.Msg, ")") {
			// an edits file also knows undo and redo
			known := *fe
			known.Msg = strings.TrimSuffix(fe.Msg, ")") + ", undo, redo)"
			if len(fe.Args) == 2 {
				if ops, ok := fe.Args[1].(string); ok {
					known.Args = []any{fe.Args[0], ops + ", undo, redo"}
				}
			} else {
				known.Template, known.Args = "", nil
			}
			return edit{}, &known
		}
		return edit{}, err
	}
	return edit{op: "do", cmd: c}, nil
}
