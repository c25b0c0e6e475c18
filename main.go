// Command linkscope is a desktop knowledge-graph explorer. With no
// arguments, or a dataset FILE, it opens the window; with a subcommand
// (validate, stats, find, ...) it runs headless.
package main

import (
	"fmt"
	"os"
	"runtime"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/linkscope/linkscope/app/cli"
	"github.com/linkscope/linkscope/app/gui"
	_ "github.com/linkscope/linkscope/app/locale"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() {
	cli.Version = version
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, cli.StdEnv()))
	}
	if len(args) > 1 {
		fmt.Fprintln(os.Stderr, "linkscope: expected at most one FILE to open")
		cli.Run([]string{"help"}, &cli.Env{Stdout: os.Stderr})
		os.Exit(2)
	}
	if len(args) == 1 {
		if _, err := os.Stat(args[0]); err != nil {
			fmt.Fprintf(os.Stderr, "linkscope: %q is neither a command nor a file to open (%v); run 'linkscope help'\n", args[0], err)
			os.Exit(2)
		}
	}
	if noDisplay() {
		fmt.Fprintln(os.Stderr, "linkscope: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run 'linkscope help' for the headless commands")
		os.Exit(1)
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	gui.Run(fyneapp.NewWithID(gui.AppID), path)
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
