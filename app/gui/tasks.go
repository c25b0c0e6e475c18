package gui

import (
	"fyne.io/fyne/v2"

	"github.com/linkscope/linkscope/app/task"
)

// postUI is the one bridge from background work to the UI goroutine:
// every task (app/task) of the window reports through it. Tests replace
// it, before building what they test, with a stand-in that runs the
// functions one at a time on the test's goroutine.
var postUI = fyne.Do

// newTask returns a latest-wins task slot that reports through postUI.
func newTask[T, P any]() *task.Task[T, P] { return task.New[T, P](postUI) }

// noProgress is the progress type of work that reports none.
type noProgress = struct{}
