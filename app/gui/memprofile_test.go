//go:build unix

package gui

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// SIGUSR1 makes the window write a heap profile to LINKSCOPE_HEAPPROFILE
// and log its memory split (LINKSCOPE_TRACE=mem) with figures read from
// the process.
func TestMemSignalWritesProfileAndSplit(t *testing.T) {
	old := tracer
	defer func() { tracer = old }()
	lines := make(chan string, 4)
	tracer = newTraceConfig("mem")
	tracer.out = func(s string) { lines <- s }
	file := filepath.Join(t.TempDir(), "heap.pprof")
	// memOnSignal's handler on a channel of the test's own, so that the
	// test knows when it is done (and may put the tracer back)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	defer signal.Stop(ch)
	done := make(chan bool)
	go handleMemSignals(ch, file, func() { done <- true })
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("nothing done 60 s after SIGUSR1")
	}
	var line string
	select {
	case line = <-lines:
	default:
		t.Fatal("no mem line after SIGUSR1")
	}
	for _, k := range []string{"rss_mb", "hwm_mb", "heap_inuse_mb", "go_sys_mb", "anon_mb"} {
		m := regexp.MustCompile(` ` + k + `=([0-9.]+)`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("no %s in %q", k, line)
		}
		if v, _ := strconv.ParseFloat(m[1], 64); v <= 0 {
			t.Errorf("%s = %v in %q", k, v, line)
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) { // pprof's gzipped protobuf
		t.Fatalf("the heap profile is not a pprof file: % x", b[:min(len(b), 8)])
	}
}

// The window lowers GOGC to windowGOGC unless the environment sets it.
func TestTuneGCKeepsTheEnvironmentsGOGC(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	t.Setenv("GOGC", "")
	tuneGC()
	if got := debug.SetGCPercent(100); got != windowGOGC {
		t.Fatalf("GOGC unset: percent %d, want %d", got, windowGOGC)
	}
	t.Setenv("GOGC", "100")
	tuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC=100 in the environment: percent %d, want 100", got)
	}
}
