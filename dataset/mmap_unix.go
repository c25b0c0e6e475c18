//go:build linux || darwin || freebsd

package dataset

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapFile maps the size bytes of the file at path read-only into memory
// (see fileMap).
func mapFile(path string, size int64) (*fileMap, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // the mapping outlives the descriptor
	data, err := unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_PRIVATE)
	if err != nil {
		return nil, err
	}
	return &fileMap{data: data}, nil
}

// dontNeed gives the pages of p (page-aligned, inside a mapping) back:
// they leave the process's memory and a later read maps them again from
// the file.
func dontNeed(p []byte) { _ = unix.Madvise(p, unix.MADV_DONTNEED) }

func unmap(p []byte) { _ = unix.Munmap(p) }
