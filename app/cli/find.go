package cli

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"
)

func init() {
	register(&command{
		name:    "find",
		args:    "[-d FILE] [--db URL] [--json] [--limit N] TEXT",
		summary: "find entities by id, label or alias (case- and accent-insensitive, prefix and typo-tolerant), best first",
		run:     runFind,
	})
}

// findJSON is the --json output of find.
type findJSON struct {
	Matches []matchJSON `json:"matches"`
}

type matchJSON struct {
	ID      string  `json:"id"`
	Label   string  `json:"label"`
	Type    string  `json:"type"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

func runFind(env *Env, args []string) error {
	fs := newFlags("find")
	ds := addDatasetFlags(fs)
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 10, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("missing TEXT to find")
	}
	text := strings.Join(pos, " ")
	if ds.db != "" {
		if err := ds.checkDB(); err != nil {
			return err
		}
		return findDB(env, ds.db, text, *limit, *asJSON)
	}
	g, _, err := ds.load(env)
	if err != nil {
		return err
	}
	ms := g.Index().Search(text, *limit)
	out := findJSON{Matches: make([]matchJSON, 0, len(ms))}
	for _, m := range ms {
		n := g.Node(m.Node)
		out.Matches = append(out.Matches, matchJSON{n.ID, n.Label, n.Type, math.Round(m.Score*1000) / 1000, m.Matched})
	}
	return printFind(env, out, text, *asJSON)
}

// printFind writes find's answer.
func printFind(env *Env, out findJSON, text string, asJSON bool) error {
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	if len(out.Matches) == 0 {
		fmt.Fprintf(env.Stderr, lang.L("no entity matches %q\n"), text)
		return &exitError{1}
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SCORE\tID\tLABEL\tTYPE\tMATCHED")
	for _, m := range out.Matches {
		matched := m.Matched
		if matched == m.Label {
			matched = ""
		}
		fmt.Fprintf(w, "%.3f\t%s\t%s\t%s\t%s\n", m.Score, termSafe(m.ID), termSafe(m.Label), termSafe(m.Type), termSafe(matched))
	}
	return w.Flush()
}
