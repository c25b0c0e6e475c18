//go:build unix

package gui

import (
	"os"
	"syscall"
)

// memSignal asks the window for its memory split and heap profile
// (memprofile.go).
var memSignal os.Signal = syscall.SIGUSR1
