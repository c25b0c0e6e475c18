//go:build !unix

package gui

import "os"

// memSignal is nil where there is no SIGUSR1 (Windows): the window's
// memory is then not reported on a signal (memprofile.go).
var memSignal os.Signal
