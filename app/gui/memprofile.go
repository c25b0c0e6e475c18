package gui

import (
	"bufio"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
)

// Measuring the window's memory (bench/NOTES-winmem.md):
//
//   - LINKSCOPE_HEAPPROFILE=FILE: on SIGUSR1 the window writes a heap
//     profile of its live data (after a GC) to FILE, then FILE.2, FILE.3…
//     for the next signals (`go tool pprof -sample_index=inuse_space`).
//   - LINKSCOPE_TRACE=mem: on SIGUSR1 it logs the split of its resident
//     memory: `mem usage rss_mb= hwm_mb= heap_inuse_mb= heap_idle_mb=
//     heap_released_mb= go_sys_mb= anon_mb= file_mb= non_go_mb=`, where
//     non_go is the resident memory the Go runtime did not map (the GL
//     driver, C allocations, fonts, the program's own text).
//
// Neither costs anything until the signal comes.
func memOnSignal() {
	file := os.Getenv("LINKSCOPE_HEAPPROFILE")
	if memSignal == nil || file == "" && !tracing("mem") {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, memSignal)
	go handleMemSignals(ch, file, nil)
}

// handleMemSignals writes a profile (to file, if any) and logs the split
// for each signal from ch; done, if not nil, is called after each.
func handleMemSignals(ch <-chan os.Signal, file string, done func()) {
	for n := 1; ; n++ {
		<-ch
		runtime.GC()
		if file != "" {
			name := file
			if n > 1 {
				name = file + "." + strconv.Itoa(n)
			}
			if err := writeHeapProfile(name); err != nil {
				fmt.Fprintln(os.Stderr, "linkscope: heap profile:", err)
			}
		}
		traceMem()
		if done != nil {
			done()
		}
	}
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// traceMem logs the memory split (LINKSCOPE_TRACE=mem).
func traceMem() {
	if !tracing("mem") {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// the GC's CPU time (the cost of a lower GOGC) against the process's
	// (user and system, from /proc/self/stat), since the start
	rt := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"},
		{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(rt)
	st := procKB("/proc/self/status", "VmRSS", "VmHWM")
	sm := procKB("/proc/self/smaps_rollup", "Rss", "Anonymous")
	mb := func(b uint64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }
	kb := func(k uint64) string { return fmt.Sprintf("%.1f", float64(k)/1024) }
	// resident Go memory: what the runtime mapped minus what it gave back
	goRes := ms.Sys - ms.HeapReleased
	nonGo := int64(st["VmRSS"]*1024) - int64(goRes)
	trace("mem", "usage",
		"rss_mb", kb(st["VmRSS"]), "hwm_mb", kb(st["VmHWM"]),
		"heap_inuse_mb", mb(ms.HeapInuse), "heap_alloc_mb", mb(ms.HeapAlloc),
		"heap_idle_mb", mb(ms.HeapIdle), "heap_released_mb", mb(ms.HeapReleased),
		"go_sys_mb", mb(ms.Sys), "anon_mb", kb(sm["Anonymous"]),
		"file_mb", kb(sm["Rss"]-sm["Anonymous"]),
		"non_go_mb", fmt.Sprintf("%.1f", float64(nonGo)/(1<<20)),
		"gc", ms.NumGC, "gc_cpu_s", fmt.Sprintf("%.2f", rt[0].Value.Float64()),
		"cpu_s", fmt.Sprintf("%.2f", procCPU()),
		"gogc", rt[1].Value.Uint64(), "memlimit_mb", rt[2].Value.Uint64()>>20)
}

// procKB reads the "Key: N kB" lines named by keys from a /proc file
// (absent keys are 0: another system, or no such file).
func procKB(path string, keys ...string) map[string]uint64 {
	out := map[string]uint64{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || !want[k] {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) > 0 {
			n, _ := strconv.ParseUint(fs[0], 10, 64)
			out[k] = n
		}
	}
	return out
}

// procCPU is the process's user and system CPU seconds (0 where there is
// no /proc/self/stat).
func procCPU() float64 {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// the fields after the command's closing parenthesis: utime and stime
	// are the 12th and 13th (clock ticks, 100 a second on Linux)
	_, rest, ok := strings.Cut(string(b), ") ")
	fs := strings.Fields(rest)
	if !ok || len(fs) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(fs[11], 64)
	s, _ := strconv.ParseFloat(fs[12], 64)
	return (u + s) / 100
}
