// Command linkscope is a desktop knowledge-graph explorer. With no
// arguments, a dataset FILE, or a CSV node table and edge table, it
// opens the window; with a subcommand
// (validate, stats, find, ...) it runs headless.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/cli"
	"github.com/linkscope/linkscope/app/gui"
	"github.com/linkscope/linkscope/app/i18n"
	_ "github.com/linkscope/linkscope/app/locale"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/source/bolt"
	"github.com/linkscope/linkscope/source/postgres"
)

// headless runs a subcommand on a goroutine of its own. Fyne's GLFW
// driver and fyne.io/systray lock the main goroutine to the main thread
// from their package init (the window's event loop must run there); a locked goroutine that
// waits can only be woken on that one thread, which costs a hand-over
// between threads each time. The headless commands wait often: Leiden's
// local moving shares out each batch of a thousand nodes and waits for
// it, and on the main goroutine `analyze --measure communities` took a
// third longer (BENCHMARKS.md).
func headless(args []string) int {
	code := make(chan int)
	go func() { code <- cli.Run(args, cli.StdEnv()) }()
	return <-code
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() {
	cli.Version = version
	args := os.Args[1:]
	// the CLI and these first messages speak the system locale's language;
	// the window's preference, read below, may override it
	setupLang(i18n.PrefSystem)
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(headless(args))
	}
	if len(args) > 0 && (args[0] == "--db" || strings.HasPrefix(args[0], "--db=") || args[0] == "--bolt" || strings.HasPrefix(args[0], "--bolt=")) {
		os.Exit(runServer(args))
	}
	if len(args) > 2 {
		fmt.Fprintln(os.Stderr, "linkscope: "+lang.L("expected at most one FILE to open, or a CSV node table and edge table"))
		cli.Run([]string{"help"}, &cli.Env{Stdout: os.Stderr})
		os.Exit(2)
	}
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			fmt.Fprintf(os.Stderr, "linkscope: "+lang.L("%q is neither a command nor a file to open (%v); run 'linkscope help'")+"\n", a, err)
			os.Exit(2)
		}
	}
	if noDisplay() {
		fmt.Fprintln(os.Stderr, "linkscope: "+lang.L("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run 'linkscope help' for the headless commands"))
		os.Exit(1)
	}
	path := ""
	switch len(args) {
	case 1:
		path = args[0]
	case 2:
		// FILE_NODES FILE_EDGES: one path for the window (see SplitCSVPair)
		path = dataset.CSVPairPath(args[0], args[1])
	}
	// every call into Fyne is made on its goroutine (background work
	// reports through fyne.Do): saying so turns off Fyne's per-call
	// goroutine check, a runtime.Stack for every widget refreshed, which
	// was most of a theme switch's time
	fyneapp.SetMetadata(fyne.AppMetadata{ID: gui.AppID, Name: "Linkscope", Version: version,
		Migrations: map[string]bool{"fyneDo": true}})
	a := fyneapp.NewWithID(gui.AppID)
	// Preferences › Language overrides the system locale (on restart)
	if p := a.Preferences().String(i18n.PrefKey); p != i18n.PrefSystem {
		setupLang(p)
	}
	if err := gui.Run(a, path); err != nil {
		fmt.Fprintln(os.Stderr, "linkscope:", err)
		os.Exit(1)
	}
}

func setupLang(pref string) {
	if _, err := i18n.Setup(pref); err != nil {
		fmt.Fprintln(os.Stderr, "linkscope: translations:", err)
	}
}

// noDisplay reports whether, on an X11/Wayland system, there is no display
// to connect to (GLFW would panic).
func noDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == ""
	}
	return false
}

// runServer opens the window on the graph of a server: linkscope --db URL
// (PostgreSQL) or --bolt URL (Neo4j or Memgraph: bolt://user:pw@host:7687;
// not tried on a live server).
func runServer(args []string) int {
	flag, url, rest := args[0], "", args[1:]
	if i := strings.IndexByte(flag, '='); i >= 0 {
		flag, url = flag[:i], flag[i+1:]
	} else if len(args) >= 2 {
		url, rest = args[1], args[2:]
	}
	if url == "" {
		fmt.Fprintf(os.Stderr, "linkscope: %s wants a URL\n", flag)
		return 2
	}
	ws := ""
	if len(rest) == 1 && strings.EqualFold(filepath.Ext(rest[0]), dataset.WorkspaceExt) {
		// a workspace saved from a server window: go on exploring it
		ws, rest = rest[0], nil
		if _, err := os.Stat(ws); err != nil {
			fmt.Fprintln(os.Stderr, "linkscope:", err)
			return 2
		}
	}
	if len(rest) > 0 {
		fmt.Fprintf(os.Stderr, "linkscope: %s URL [CASE.linkscope] opens the server's graph; unexpected %q\n", flag, rest[0])
		return 2
	}
	if noDisplay() {
		fmt.Fprintln(os.Stderr, "linkscope: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run 'linkscope help' for the headless commands")
		return 1
	}
	ctx := context.Background()
	if flag == "--bolt" {
		src, err := bolt.OpenURL(ctx, url)
		if err != nil {
			fmt.Fprintln(os.Stderr, "linkscope:", err)
			return 1
		}
		gui.RunServerWorkspace(fyneapp.NewWithID(gui.AppID), src, "Neo4j "+bolt.Describe(url), ws)
		return 0
	}
	db, err := postgres.Open(ctx, url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "linkscope:", err)
		return 1
	}
	gui.RunServerWorkspace(fyneapp.NewWithID(gui.AppID), db, "PostgreSQL "+postgres.Describe(url), ws)
	return 0
}
