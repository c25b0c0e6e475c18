package gui

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
)

// probeSize is the size of the frame-counting probe (see frameStats).
var probeSize = fyne.NewSize(1, 1)

func itoa(i int) string { return strconv.Itoa(i) }

// baseName is the file name of path without its directory ("" for "").
func baseName(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Base(path)
}
