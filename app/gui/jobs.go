package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/task"
)

// progressDelay is how long a job runs before its progress dialog shows,
// so that quick jobs do not flash one.
const progressDelay = 250 * time.Millisecond

// job is a task slot for long work the user waits for (loading a file,
// an export): while its latest run takes longer than progressDelay, the
// window shows a dialog with the title, the latest progress, an infinite
// bar and Cancel. Its methods are called on the UI goroutine.
type job[T any] struct {
	t   *task.Task[T, string]
	dlg progressDialog
}

// newJob returns a job whose dialog shows over win (none when nil).
func newJob[T any](win fyne.Window) *job[T] {
	j := &job[T]{t: newTask[T, string](), dlg: progressDialog{win: win}}
	j.t.OnProgress = j.dlg.setText
	j.t.OnState = func(s task.State) {
		if s != task.Running {
			j.dlg.hide()
		}
	}
	return j
}

// start runs work as the job's latest run (cancelling the one before);
// finish gets the result on the UI goroutine unless the run was cancelled
// or replaced first.
func (j *job[T]) start(title string, work task.Work[T, string], finish func(T, error)) {
	j.t.Start(work, finish)
	j.dlg.arm(j.t, title)
}

// Cancel abandons the job's run: its result is dropped.
func (j *job[T]) Cancel() { j.t.Cancel() }

// progressDialog is the "Working…" dialog of a task that runs longer than
// progressDelay. The task's OnState hides it when the run ends.
type progressDialog struct {
	win   fyne.Window
	dlg   dialog.Dialog
	label *widget.Label
	text  string
}

// cancellable is what the dialog needs of a task.
type cancellable interface {
	After(time.Duration, func())
	Cancel() bool
}

// arm shows the dialog, titled title, after progressDelay if t's latest
// run is still running then; its Cancel cancels t.
func (d *progressDialog) arm(t cancellable, title string) {
	d.hide()
	d.text = title
	if d.win == nil {
		return
	}
	t.After(progressDelay, func() { d.show(t.Cancel) })
}

func (d *progressDialog) show(cancel func() bool) {
	d.hide()
	bar := widget.NewProgressBarInfinite()
	d.label = widget.NewLabel(d.text)
	d.label.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(lang.L("Working…"), lang.L("Cancel"), container.NewVBox(d.label, bar), d.win)
	dlg.SetOnClosed(func() {
		if d.dlg == dlg { // Cancel pressed, not hidden by the task's end
			d.dlg, d.label = nil, nil
			cancel()
		}
	})
	dlg.Resize(fyne.NewSize(420, 0))
	d.dlg = dlg
	dlg.Show()
}

// setText shows a progress report.
func (d *progressDialog) setText(s string) {
	d.text = s
	if d.label != nil {
		d.label.SetText(s)
	}
}

// hide removes the dialog, if shown.
func (d *progressDialog) hide() {
	if d.dlg == nil {
		return
	}
	dlg := d.dlg
	d.dlg, d.label = nil, nil
	dlg.Hide()
}
