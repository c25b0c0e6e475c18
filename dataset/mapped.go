package dataset

import (
	"bytes"
	"context"
	"errors"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// A big JSON file is mapped into memory rather than read into the heap,
// so that its pages can leave the process as soon as the loader has
// passed them: the scanners give back what they have decoded (every
// releaseStep bytes) and the relations' check gives back the pages of the
// ends it has resolved. A page given back and read again (by a path that
// goes back, or to report a problem) is mapped again from the file, so
// what is decoded does not depend on it; only the peak memory does (the
// input, 554 MB for 1M entities and 3M relations, was alive until the
// relations' ends were resolved, with everything decoded from it).
//
// Only the direct path (decoding straight into the model's records, for a
// file without a problem) reads the mapping, and nothing it decodes
// refers to it (the scanners copy every string). Any other file is
// decoded by the other paths from a copy in the heap, as before: their
// messages may quote the input as bytes, and they read it more than once.
// A file cut shorter while it is mapped makes reading its
// lost pages fault: every goroutine that reads the input turns that fault
// into a failure (catchFault) and the load reports that the file changed.

// mapAbove is the size from which Load maps a JSON file (a variable for
// the tests).
var mapAbove int64 = 32 << 20

// releaseStep is how far a scanner goes between two releases.
const releaseStep = 1 << 20

// fileMap is a file mapped read-only; nil is no mapping (its methods do
// nothing).
type fileMap struct {
	data []byte
}

// release gives back the whole pages of p, a part of the mapping.
func (f *fileMap) release(p []byte) {
	if f == nil || len(p) == 0 || len(f.data) == 0 {
		return
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(f.data)))
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(p))) - base
	hi := lo + uintptr(len(p))
	if lo >= uintptr(len(f.data)) || hi > uintptr(len(f.data)) {
		return // not in the mapping
	}
	pg := uintptr(os.Getpagesize())
	lo = (lo + pg - 1) &^ (pg - 1)
	hi &^= pg - 1
	if lo < hi {
		dontNeed(f.data[lo:hi])
	}
}

func (f *fileMap) close() {
	if f != nil && f.data != nil {
		unmap(f.data)
		f.data = nil
	}
}

// errNotDirect is decodeJSON's answer for a mapped input that the direct
// path does not take.
var errNotDirect = errors.New("not for the direct path")

// mappedFaults counts the faults caught while reading a mapped input.
var mappedFaults atomic.Int64

// catchFault, deferred by a goroutine that reads a mapped input (and that
// called debug.SetPanicOnFault(true)), turns a memory fault (the file was
// cut shorter) into a count in mappedFaults and a call of then; any other
// panic goes on.
func catchFault(then func()) {
	r := recover()
	if r == nil {
		return
	}
	if !isFault(r) {
		panic(r)
	}
	mappedFaults.Add(1)
	if then != nil {
		then()
	}
}

// isFault reports whether r, a recovered value, is a memory fault at an
// address (what debug.SetPanicOnFault turns a fault into).
func isFault(r any) bool {
	_, ok := r.(interface{ Addr() uintptr })
	return ok
}

// readJSONMapped is readJSON for a file of mapAbove bytes or more that can
// be mapped; ok is false for any other (readJSON reads it then).
func readJSONMapped(ctx context.Context, path string, opts Options) (g *graph.Graph, ok bool, err error) {
	size, err := fileSize(path, opts)
	if err != nil {
		return nil, true, err
	}
	if size < mapAbove || size == 0 {
		return nil, false, nil
	}
	fm, err := mapFile(path, size)
	if err != nil {
		return nil, false, nil
	}
	g, err = decodeMapped(ctx, path, opts, fm)
	return g, true, err
}

// decodeMapped decodes fm, the mapping of the file at path, and unmaps it.
func decodeMapped(ctx context.Context, path string, opts Options, fm *fileMap) (g *graph.Graph, err error) {
	defer fm.close()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	size := int64(len(fm.data))
	if opts.PauseGC {
		defer pauseGC(size)()
	}
	m := newMeter(ctx, opts.Progress, 2*size)
	m.warnings = opts.Warnings
	if err := m.report(size); err != nil { // read: mapped
		return nil, err
	}
	faults := mappedFaults.Load()
	changed := func() error {
		return msg.Errorf("%s: the file changed while it was being read (it is shorter than when the load began)", path)
	}
	g, err = decodeJSON(m, path, fm.data, opts, size, fm)
	if mappedFaults.Load() != faults {
		return nil, changed()
	}
	if err != errNotDirect {
		return g, err // the graph, or the context's error
	}
	// A file that the direct path does not take (a problem, or what only
	// the other paths decode): the other paths decode a copy in the heap,
	// so that no message refers to the mapping and the mapping is not read
	// again and again.
	var data []byte
	func() {
		defer catchFault(nil)
		data = bytes.Clone(fm.data)
	}()
	if mappedFaults.Load() != faults {
		return nil, changed()
	}
	fm.close()
	return decodeJSON(m, path, data, opts, size, nil)
}

// While a big file loads, the collector waits (when the caller asks:
// Options.PauseGC), bounded by a memory limit
// (the process's memory when the load begins plus gcBudget times the
// file's size): what a load allocates is nearly all the graph, so the
// collections that ran during it (three at 1M entities, the last marking
// a gigabyte, about 1.5 s of CPU) found little to free. Once the load is
// done the collector goes on as if it had just collected the loaded heap
// (the next collection when the heap is twice as big, for GOGC=100),
// rather than collecting it at once to find the same: until that next
// collection GOGC is set so that its goal is there (the goal counts from
// the heap marked by the last collection, which came before the load), and
// a finalizer run by that collection puts GOGC back. A limit the program
// has (GOMEMLIMIT) is kept, and GOGC=off is left alone.
const gcBudget = 4

var gcPause struct {
	sync.Mutex
	loads int   // loads under way
	gen   int   // which resume armed the sentinel that puts pct back
	pct   int   // GOGC to put back
	limit int64 // the memory limit to put back
	held  bool  // pct and limit are saved (a load or a sentinel pending)
}

// memStat reads one uint64 metric of runtime/metrics (0 when absent).
func memStat(name string) int64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// pauseGC turns the collector off for a load of size bytes, bounded, and
// returns what turns it back on.
func pauseGC(size int64) (resume func()) {
	gcPause.Lock()
	defer gcPause.Unlock()
	if !gcPause.held {
		gcPause.pct = debug.SetGCPercent(-1)
		gcPause.limit = debug.SetMemoryLimit(-1)
		gcPause.held = true
	}
	if gcPause.pct < 0 {
		debug.SetMemoryLimit(gcPause.limit)
		gcPause.held = false
		return func() {}
	}
	debug.SetGCPercent(-1)
	gcPause.loads++
	used := memStat("/memory/classes/total:bytes") - memStat("/memory/classes/heap/released:bytes")
	limit := used + gcBudget*size
	if gcPause.loads > 1 {
		limit = max(limit, debug.SetMemoryLimit(-1))
	}
	debug.SetMemoryLimit(min(gcPause.limit, limit))
	return func() {
		gcPause.Lock()
		defer gcPause.Unlock()
		if gcPause.loads--; gcPause.loads > 0 {
			return
		}
		debug.SetMemoryLimit(gcPause.limit)
		// The goal of the next collection: twice the heap (for GOGC=100),
		// counted from the heap marked last.
		heap := memStat("/memory/classes/heap/objects:bytes")
		marked := max(memStat("/gc/heap/live:bytes"), 4<<20)
		want := heap + heap*int64(gcPause.pct)/100
		if want <= marked+marked*int64(gcPause.pct)/100 {
			debug.SetGCPercent(gcPause.pct)
			gcPause.held = false
			return
		}
		debug.SetGCPercent(int((want - marked) * 100 / marked))
		gcPause.gen++
		gen := gcPause.gen
		sentinel := &gcSentinel{}
		runtime.SetFinalizer(sentinel, func(*gcSentinel) {
			gcPause.Lock()
			defer gcPause.Unlock()
			if gcPause.gen == gen && gcPause.loads == 0 && gcPause.held {
				debug.SetGCPercent(gcPause.pct)
				gcPause.held = false
			}
		})
	}
}

// gcSentinel is an object of its own (not of the tiny allocator's blocks)
// whose finalizer runs after the first collection that follows a load.
type gcSentinel struct {
	p *int
	_ [3]int64
}
