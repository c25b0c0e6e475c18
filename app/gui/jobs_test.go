package gui

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// serialUI makes postUI run one function at a time, as the UI goroutine
// would.
func serialUI(t *testing.T) {
	var mu sync.Mutex
	old := postUI
	postUI = func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
	}
	t.Cleanup(func() { postUI = old })
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
