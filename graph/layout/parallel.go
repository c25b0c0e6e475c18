package layout

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// chunkSize is the number of items one goroutine claims at a time in
// parallelFor. Work is split into fixed chunks whose boundaries do not depend
// on the number of goroutines, and each item is processed by exactly one
// goroutine, so results never depend on scheduling.
const chunkSize = 512

// parallelFor calls fn(lo, hi) over [0, n) in chunks of chunkSize, on up to
// runtime.GOMAXPROCS goroutines. fn must only write state owned by items
// lo..hi-1.
func parallelFor(n int, fn func(lo, hi int)) {
	chunks := (n + chunkSize - 1) / chunkSize
	workers := runtime.GOMAXPROCS(0)
	if workers > chunks {
		workers = chunks
	}
	if workers <= 1 {
		for lo := 0; lo < n; lo += chunkSize {
			fn(lo, min(lo+chunkSize, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				lo := c * chunkSize
				fn(lo, min(lo+chunkSize, n))
			}
		}()
	}
	wg.Wait()
}
