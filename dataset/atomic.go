package dataset

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/linkscope/linkscope/internal/msg"
)

// WriteAtomic writes path with fn without ever destroying what was there:
// fn writes to a temporary file beside the file, which is synced and
// renamed over it only when fn and the write succeed. On failure the file
// is left as it was and the temporary file is removed.
//
//   - A path that exists but is not a regular file (/dev/stdout, a named
//     pipe) is written directly.
//   - A symbolic link is written through: the file it points to is
//     replaced (the temporary file is made beside that target) and the
//     link stays a link.
//   - A file the user may not write (read-only mode) is refused, not
//     replaced, even where the directory would allow the rename.
//   - On Windows, a rename over a file that another program holds open
//     is retried for about two seconds, then reported.
//
// Every error names path, the file the caller chose, never the temporary
// file.
func WriteAtomic(path string, fn func(w io.Writer) error) error {
	st, err := stage(path, fn)
	if err != nil || st == nil {
		return err
	}
	defer st.discard()
	return st.commit(os.Rename)
}

// staged is a complete, synced temporary file beside its target, waiting
// to replace it (commit) or to be thrown away (discard). WriteAtomic and
// the CSV pair writer share it, so that both follow the same rules.
type staged struct {
	path   string // what the user chose, named in every error
	target string // the file replaced: path, or what its link points to
	tmp    string
}

// stage writes fn to a temporary file for path. A path that exists but is
// not a regular file is written directly, and stage then returns nil.
func stage(path string, fn func(w io.Writer) error) (_ *staged, err error) {
	target, err := resolveTarget(path)
	if err != nil {
		return nil, err
	}
	mode := os.FileMode(0o644)
	if st, serr := os.Stat(target); serr == nil {
		if !st.Mode().IsRegular() {
			return nil, writeDirect(path, target, fn)
		}
		if err := checkWritable(path, target, st); err != nil {
			return nil, err
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, msg.Errorf("%s: cannot write beside it: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	fail := func(e error) error { return msg.Errorf("%s: %w", path, unwrapPath(e)) }
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err = fn(bw); err != nil {
		return nil, fail(err)
	}
	if err = bw.Flush(); err != nil {
		return nil, fail(err)
	}
	if err = tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		return nil, fail(err)
	}
	if err = tmp.Sync(); err != nil {
		return nil, fail(err)
	}
	if err = tmp.Close(); err != nil {
		return nil, fail(err)
	}
	return &staged{path: path, target: target, tmp: tmp.Name()}, nil
}

// commit renames the temporary file over the target with rename, retried
// on Windows while another program holds the file open.
func (s *staged) commit(rename func(from, to string) error) error {
	if err := renameRetrying(rename, s.tmp, s.target, runtime.GOOS == "windows", 2*time.Second); err != nil {
		return msg.Errorf("%s: %w", s.path, unwrapPath(err))
	}
	s.tmp = ""
	return nil
}

// discard removes the temporary file if it was not committed.
func (s *staged) discard() {
	if s != nil && s.tmp != "" {
		os.Remove(s.tmp)
		s.tmp = ""
	}
}

// resolveTarget is the file a write to path replaces: path itself, or the
// file its symbolic link names (even a link to a file not there yet).
func resolveTarget(path string) (string, error) {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		return resolved, nil
	}
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&os.ModeSymlink != 0 {
		dest, derr := os.Readlink(path)
		if derr != nil {
			return "", msg.Errorf("%s: %w", path, derr)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		return dest, nil
	}
	return path, nil
}

// checkWritable refuses a file that its mode (or, on Windows, its
// read-only attribute) says must not be written: a rename would replace
// it regardless, as only the directory's permission counts for that.
func checkWritable(path, target string, st os.FileInfo) error {
	if st.Mode().Perm()&0o222 == 0 {
		return msg.Errorf("%s: the file is read-only; not replaced (make it writable or choose another name)", path)
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return msg.Errorf("%s: you may not write this file; not replaced", path)
		}
		return nil // let the atomic write report what goes wrong
	}
	f.Close()
	return nil
}

// renameRetrying renames from over to with rename; when retry is set (on
// Windows, where a file another program holds open cannot be replaced),
// a failure is retried with growing pauses for up to wait, then reported
// as the file being in use.
func renameRetrying(rename func(from, to string) error, from, to string, retry bool, wait time.Duration) error {
	err := rename(from, to)
	if err == nil || !retry {
		return err
	}
	deadline := time.Now().Add(wait)
	pause := 10 * time.Millisecond
	for time.Now().Before(deadline) {
		time.Sleep(pause)
		if err = rename(from, to); err == nil {
			return nil
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
	return msg.Errorf("the file is in use by another program (still after %v); close it there and save again: %w", wait, unwrapPath(err))
}

// unwrapPath drops the *PathError or *LinkError wrapping that names our
// temporary file, keeping the reason.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) && strings.Contains(filepath.Base(pe.Path), ".tmp") {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func writeDirect(path, target string, fn func(w io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return msg.Errorf("%s: %w", path, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return msg.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}
