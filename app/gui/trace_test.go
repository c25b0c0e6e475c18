package gui

import (
	"strings"
	"testing"
	"time"
)

func TestTraceWritesOnlyTheKindsAsked(t *testing.T) {
	old := tracer
	defer func() { tracer = old }()
	var got []string
	tracer = newTraceConfig("frames, layout")
	tracer.out = func(s string) { got = append(got, s) }
	trace("frames", "frame", "ms", 12500*time.Microsecond, "n", 3)
	trace("search", "query", "q", "x")
	trace("layout", "step", "iter", 7)
	if len(got) != 2 {
		t.Fatalf("want 2 lines (frames, layout), got %q", got)
	}
	if !strings.HasPrefix(got[0], "linkscope-trace frames ") || !strings.HasSuffix(got[0], " frame ms=12.500 n=3\n") {
		t.Errorf("frame line: %q", got[0])
	}
	if !strings.Contains(got[1], " step iter=7") {
		t.Errorf("layout line: %q", got[1])
	}
	tracer = newTraceConfig("all")
	tracer.out = func(s string) { got = append(got, s) }
	if !tracing("search") {
		t.Error("all should trace every kind")
	}
}
