package gui

import (
	"os"
	"runtime/debug"
)

// windowGOGC is the window's GC target (GOGC), unless the environment
// sets GOGC: the heap may grow by half its live size between two
// collections instead of by all of it. The Go runtime keeps the heap's
// peak mapped (its scavenger returns only what lies above the goal plus
// 10%), so at 100 a window on a realistic 100k-entity file (240–290 MB
// live) kept ~530 MB of heap resident, ~670 MB in all with the GL driver
// and the fonts; at 50 it keeps ~400 MB, ~530 MB in all, for about twice
// the GC's CPU time (bench/NOTES-winmem.md). Headless commands keep Go's
// default: they are short and their peak is what they report.
const windowGOGC = 50

// tuneGC sets windowGOGC for the window's process (Run calls it).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(windowGOGC)
	}
}
