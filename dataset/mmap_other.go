//go:build !(linux || darwin || freebsd)

package dataset

import "errors"

// mapFile is not available here: the loader reads the file instead.
func mapFile(path string, size int64) (*fileMap, error) {
	return nil, errors.New("no mapping on this system")
}

func dontNeed(p []byte) {}

func unmap(p []byte) {}
