package gui

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// serialUI makes postUI run one function at a time, as the UI goroutine
// would: another goroutine's post returns once its function has run; a
// post from a function being run (the UI goroutine posting to itself, as
// the canvas does to draw one frame per turn) queues it to run after, as
// fyne.Do does.
func serialUI(t *testing.T) {
	var (
		mu      sync.Mutex // held while a function runs
		qmu     sync.Mutex
		queue   []func()
		running int64 = -1 // the goroutine running them
	)
	// a post that comes after the test ended (a timer of one of its
	// windows, such as the status message's) is dropped: run, it would
	// touch Fyne's shared caches while the next test works on them
	var ended atomic.Bool
	old := postUI
	postUI = func(f func()) {
		if ended.Load() {
			return
		}
		id := goroutineID()
		qmu.Lock()
		if running == id {
			queue = append(queue, f)
			qmu.Unlock()
			return
		}
		qmu.Unlock()
		mu.Lock()
		defer mu.Unlock()
		qmu.Lock()
		running = id
		queue = append(queue, f)
		for len(queue) > 0 {
			g := queue[0]
			queue = queue[1:]
			qmu.Unlock()
			g()
			qmu.Lock()
		}
		running = -1
		qmu.Unlock()
	}
	t.Cleanup(func() { ended.Store(true); postUI = old })
}

// goroutineID is the calling goroutine's number (from its stack trace).
func goroutineID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseInt(string(b), 10, 64)
	return id
}

func TestSlowJobShowsProgressAndFinishes(t *testing.T) {
	serialUI(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("job")
	j := newJob[int](w)
	done := make(chan int, 1)
	postUI(func() {
		j.start("slow", func(ctx context.Context, progress func(string)) (int, error) {
			progress("halfway")
			time.Sleep(3 * progressDelay) // long enough for the progress dialog
			return 42, nil
		}, func(v int, err error) {
			if err != nil {
				t.Error(err)
			}
			done <- v
		})
	})
	select {
	case v := <-done:
		if v != 42 {
			t.Fatalf("result %d", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the job never finished")
	}
	j.t.Wait()
	postUI(func() {
		if j.dlg.dlg != nil {
			t.Error("the progress dialog stayed after the job finished")
		}
	})
}

func TestCancelledJobDropsItsResult(t *testing.T) {
	serialUI(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("job")
	j := newJob[int](w)
	called := make(chan struct{}, 1)
	started := make(chan struct{})
	postUI(func() {
		j.start("cancel me", func(ctx context.Context, _ func(string)) (int, error) {
			close(started)
			<-ctx.Done()
			return 0, errors.New("stopped")
		}, func(int, error) { called <- struct{}{} })
	})
	<-started
	postUI(j.Cancel)
	j.t.Wait() // the work returned and its result went to the UI
	select {
	case <-called:
		t.Fatal("a cancelled job delivered its result")
	default:
	}
}
