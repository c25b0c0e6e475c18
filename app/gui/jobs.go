package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// progressDelay is how long a job runs before its progress dialog shows,
// so that quick jobs do not flash one.
const progressDelay = 250 * time.Millisecond

// postUI runs a function on the UI goroutine (tests replace it with a
// serialising stand-in: the test driver runs fyne.Do on the caller).
var postUI = fyne.Do

// job is long work running off the UI goroutine.
type job struct {
	cancel context.CancelFunc
	// done is closed when the work has returned and its result has been
	// handed to the UI goroutine.
	done chan struct{}
}

// Cancel abandons the job: its result is dropped.
func (j *job) Cancel() { j.cancel() }

// runJob runs work on its own goroutine. While it runs longer than
// progressDelay, win shows a dialog with an infinite progress bar, the
// title and a Cancel button. finish is called on the UI goroutine with
// the result, unless the job was cancelled (then never).
func runJob[T any](win fyne.Window, title string, work func(ctx context.Context) (T, error), finish func(T, error)) *job {
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{cancel: cancel, done: make(chan struct{})}
	var dlg dialog.Dialog
	// finished (UI goroutine) tells the dialog's close callback that the
	// job ended by itself, not by Cancel
	finished := false
	timer := time.AfterFunc(progressDelay, func() {
		postUI(func() {
			if ctx.Err() != nil || win == nil || finished {
				return
			}
			bar := widget.NewProgressBarInfinite()
			label := widget.NewLabel(title)
			label.Wrapping = fyne.TextWrapWord
			dlg = dialog.NewCustom("Working…", "Cancel", container.NewVBox(label, bar), win)
			dlg.SetOnClosed(func() {
				if !finished {
					cancel()
				}
			})
			dlg.Resize(fyne.NewSize(420, 0))
			dlg.Show()
		})
	})
	go func() {
		v, err := work(ctx)
		defer close(j.done)
		timer.Stop()
		postUI(func() {
			finished = true
			if dlg != nil {
				dlg.Hide()
			}
			if ctx.Err() != nil {
				return
			}
			cancel()
			finish(v, err)
		})
	}()
	return j
}
