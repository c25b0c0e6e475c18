// Package cli implements linkscope's headless subcommands (validate, stats,
// find, ...). Each subcommand lives in its own file and registers itself.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/i18n"
)

// Env is where a subcommand reads and writes; tests pass buffers.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// StdEnv is the process's standard streams.
func StdEnv() *Env { return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr} }

// command is one subcommand.
type command struct {
	name    string
	args    string // usage after the name, e.g. "[-d FILE] [--json] TEXT"
	summary string
	run     func(env *Env, args []string) error
}

var registry = map[string]*command{}

func register(c *command) { registry[c.name] = c }

// IsCommand reports whether name is a subcommand or a help flag, that is,
// whether main should run the CLI rather than open the window.
func IsCommand(name string) bool {
	_, ok := registry[name]
	return ok || name == "help" || name == "-h" || name == "--help" || name == "version" || name == "--version"
}

// usageError makes Run exit 2 and print the command's usage line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef makes a usage error; the format is translated (lang.L), so a
// literal format is a catalogue key like lang.L's.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(lang.L(format), args...)}
}

// exitError makes Run exit with a code without printing anything more (the
// command has already reported).
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Version is the program's version, set by main.
var Version = "dev"

// Run runs the subcommand named by args[0] and returns the exit status:
// 0 success, 1 failure, 2 usage error.
func Run(args []string, env *Env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := registry[args[1]]; ok {
				fmt.Fprintf(env.Stdout, "%s linkscope %s %s\n\n%s\n", lang.L("usage:"), c.name, withEdges(c.args), summaryText(c.summary))
				return 0
			}
		}
		printHelp(env.Stdout)
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(env.Stdout, "linkscope", Version)
		return 0
	}
	c, ok := registry[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "linkscope: "+lang.L("unknown command %q")+"\n", args[0])
		printHelp(env.Stderr)
		return 2
	}
	err := c.run(env, args[1:])
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintf(env.Stderr, "linkscope %s: %s\n", c.name, termText(ue.msg))
		}
		fmt.Fprintf(env.Stderr, "%s linkscope %s %s\n", lang.L("usage:"), c.name, withEdges(c.args))
		return 2
	default:
		msg := termText(i18n.Message(err))
		if !strings.HasSuffix(msg, "\n") {
			msg += "\n"
		}
		fmt.Fprint(env.Stderr, msg)
		return 1
	}
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, lang.L(helpHead))
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := registry[n]
		fmt.Fprintf(w, "  %-13s %s\n", n, firstLine(summaryText(c.summary)))
	}
	fmt.Fprint(w, lang.L(helpFoot))
}

const helpHead = `usage: linkscope [FILE]            open the explorer window on a dataset or a .linkscope workspace (the Clearview case when no FILE)
       linkscope NODES.csv EDGES.csv  open a CSV node table and edge table
       linkscope --db URL          open the window on a graph held in PostgreSQL ('linkscope help db'; --bolt URL: Neo4j)
       linkscope COMMAND [ARGS]    run headless

commands:
`

const helpFoot = `
Every command that reads a dataset takes --as-of DATE (with --from DATE, a range;
--with-undated keeps undated relations) and answers with the graph as the
window's timeline shows it then: a relation's time is its date, else the date it
was first reported by a cited source (dataset/FORMAT.md, *Time*).

'linkscope help COMMAND' shows a command's arguments.
`

// withEdges adds the edge-table and workspace flags that every command
// reading a dataset takes (see addDatasetFlags) to its usage.
func withEdges(args string) string {
	return strings.Replace(args, "[-d FILE]", "[-d FILE [-e EDGES.csv] | -w WS.linkscope] [--as-of DATE [--from DATE] [--with-undated]]", 1)
}

// summaryText is a command's summary in the interface's language, one
// paragraph at a time: a summary put together at run time (the measures or
// algorithms listed) has its first line translated and the rest as built.
// TestEveryMessageHasAFrenchTranslation checks the paragraphs of the
// summaries written as literals, and the first line of the others.
func summaryText(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		switch {
		case i18n.Translated(p):
			paras[i] = lang.L(p)
		case i == 0:
			if l := firstLine(p); i18n.Translated(l) {
				paras[i] = lang.L(l) + p[len(l):]
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// newFlags returns a flag set that reports errors to Run instead of
// printing or exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses flags that may come before, between or after the
// positional arguments (as in "find --json noyb" and "find noyb --json"),
// and returns the positionals. "--" ends flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usagef("")
			}
			return nil, usagef("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first positional, or after "--".
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
