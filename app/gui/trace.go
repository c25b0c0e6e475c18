package gui

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// LINKSCOPE_TRACE=kind[,kind…] logs measurements from inside the window to
// standard error, one line per event, for the benchmarks of bench/ to read
// (rather than screenshots):
//
//	linkscope-trace <kind> <ms since start> <event> key=value …
//
// Kinds: frames (a frame drawn: its time), layout (layout steps and their
// times, convergence), search (a query and its time), filter (a filter or
// timeline change and its time), load (opening a file), mem (the memory
// split, on SIGUSR1: memprofile.go), or all.
var tracer = newTraceConfig(os.Getenv("LINKSCOPE_TRACE"))

type traceConfig struct {
	kinds map[string]bool
	all   bool
	start time.Time
	mu    sync.Mutex
	out   func(string)
}

func newTraceConfig(spec string) *traceConfig {
	c := &traceConfig{kinds: map[string]bool{}, start: time.Now(),
		out: func(s string) { fmt.Fprint(os.Stderr, s) }}
	for _, k := range strings.Split(spec, ",") {
		k = strings.TrimSpace(k)
		if k == "all" {
			c.all = true
		} else if k != "" {
			c.kinds[k] = true
		}
	}
	return c
}

// tracing reports whether events of kind are logged; callers test it
// before measuring anything costly.
func tracing(kind string) bool { return tracer.all || tracer.kinds[kind] }

// trace logs one event of kind with its fields (written as key=value
// pairs, in order) when LINKSCOPE_TRACE asks for kind.
func trace(kind, event string, kv ...any) {
	if !tracing(kind) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "linkscope-trace %s %.1f %s", kind, float64(time.Since(tracer.start).Microseconds())/1000, event)
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1]
		if d, ok := v.(time.Duration); ok {
			v = fmt.Sprintf("%.3f", float64(d.Microseconds())/1000)
		}
		fmt.Fprintf(&b, " %v=%v", kv[i], v)
	}
	b.WriteByte('\n')
	tracer.mu.Lock()
	tracer.out(b.String())
	tracer.mu.Unlock()
}
