package cli

import (
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2/lang"
)

// MaxSideFileBytes bounds the small files commands read besides the
// dataset: --pairs and --init.
const MaxSideFileBytes = 64 << 20

// readSideFile reads a --pairs or --init file (what names the flag in
// messages). It stats the file first and refuses what is not a regular file
// (a directory, /dev/zero, a FIFO) and files over limit bytes, and reads
// through a limit in case the file grows meanwhile, so that a hostile path
// never makes it read without end.
func readSideFile(path, what string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO waits for a writer.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkSideFile(st, path, what, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkSideFile(st, path, what, limit); err != nil {
		return nil, err // replaced between the two looks
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf(lang.L("%s %s: file is over the %d-byte limit"), what, path, limit)
	}
	return data, nil
}

func checkSideFile(st os.FileInfo, path, what string, limit int64) error {
	switch {
	case st.IsDir():
		return fmt.Errorf(lang.L("%s %s: is a directory, not a file"), what, path)
	case !st.Mode().IsRegular():
		return fmt.Errorf(lang.L("%s %s: not a regular file (a device, pipe or socket); give a file"), what, path)
	case st.Size() > limit:
		return fmt.Errorf(lang.L("%s %s: file is %d bytes, over the %d-byte limit"), what, path, st.Size(), limit)
	}
	return nil
}
