package path

import (
	"context"
	"errors"
)

// Cancellation and memory bounds shared by the searches.
//
// Every search takes a context and polls it every pollEvery steps (a step
// is one relation looked at), so that a deadline or a Cancel stops the work
// itself rather than only dropping its answer. A poll costs a few
// nanoseconds (a non-blocking receive on ctx.Done()), a step a few more, so
// polling every 1024 steps is invisible in the timings and stops a search
// within microseconds.

// pollEvery is the number of steps between two polls of the context; a
// power of two.
const pollEvery = 1024

// canceled polls ctx; it is called every pollEvery steps.
func canceled(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

// poller counts steps and polls a context every pollEvery of them.
type poller struct {
	ctx   context.Context
	steps uint32
	err   error // set once the context has ended
}

func newPoller(ctx context.Context) poller { return poller{ctx: ctx} }

// stop counts one step and reports whether the search must stop.
func (p *poller) stop() bool {
	if p.steps++; p.steps&(pollEvery-1) != 0 {
		return p.err != nil
	}
	return p.now()
}

// now polls the context at once and reports whether it has ended.
func (p *poller) now() bool {
	if p.err == nil && canceled(p.ctx) {
		p.err = p.ctx.Err()
	}
	return p.err != nil
}

// DefaultStoreLimit is the memory bound of a collecting search when
// [Options.StoreLimit] is 0: 64 Mi int32s, 256 MiB.
const DefaultStoreLimit = 64 << 20

// pathHeader is what a stored [Path] costs beyond its entities and
// relations, in int32s: its two slice headers (48 bytes).
const pathHeader = 12

// ErrStoreFull is returned with the paths found so far when they reached
// the store limit of [Options.StoreLimit].
var ErrStoreFull = errors.New("graph: the paths found fill the store limit")

// storeLimit resolves a StoreLimit option: 0 is DefaultStoreLimit and a
// negative value no bound.
func storeLimit(n int) int64 {
	switch {
	case n == 0:
		return DefaultStoreLimit
	case n < 0:
		return -1
	}
	return int64(n)
}

// StoredSize is what a path costs in a collected answer, in int32s: its
// entities, its relations and its slice headers. Store limits count it.
func StoredSize(p Path) int64 { return int64(len(p.Nodes) + len(p.Edges) + pathHeader) }

// pathStore keeps copies of paths in large shared blocks rather than two
// small allocations each, and counts what they cost against a limit.
type pathStore struct {
	buf   []int32
	used  int64
	limit int64 // -1: none
}

// storeBlock is the size of one block of a pathStore, in int32s.
const storeBlock = 1 << 16

// fits reports whether a copy of p stays within the limit.
func (st *pathStore) fits(p Path) bool {
	return st.limit < 0 || st.used+StoredSize(p) <= st.limit
}

// clone copies p into the store. The copy's slices are capped, so that
// appending to one never writes over another.
func (st *pathStore) clone(p Path) Path {
	st.used += StoredSize(p)
	need := len(p.Nodes) + len(p.Edges)
	if cap(st.buf)-len(st.buf) < need {
		st.buf = make([]int32, 0, max(storeBlock, need))
	}
	start := len(st.buf)
	st.buf = append(st.buf, p.Nodes...)
	mid := len(st.buf)
	st.buf = append(st.buf, p.Edges...)
	end := len(st.buf)
	return Path{Nodes: st.buf[start:mid:mid], Edges: st.buf[mid:end:end]}
}
