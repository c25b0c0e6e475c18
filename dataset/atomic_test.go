package dataset

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestWriteAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("previous"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half a file")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "previous" {
		t.Fatalf("file now holds %q, want the previous content kept", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("temporary file left behind: %v", ents)
	}
}

func TestWriteAtomicReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("previous"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("got %q mode %v, want \"new\" mode 0600", got, st.Mode().Perm())
	}
	fresh := filepath.Join(dir, "fresh.json")
	if err := WriteAtomic(fresh, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o644 {
		t.Fatalf("new file mode %v, want 0644", st.Mode().Perm())
	}
}

func TestWriteAtomicWritesDevicesInPlace(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	if err := WriteAtomic(os.DevNull, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(os.DevNull); st.Mode().IsRegular() {
		t.Fatalf("%s was replaced by a regular file", os.DevNull)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteAtomicWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "real")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(sub, "data.json")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(filepath.Join("real", "data.json"), link); err != nil {
		if runtime.GOOS == "windows" {
			t.Skip("symbolic links need a privilege on Windows:", err)
		}
		t.Fatal(err)
	}
	if err := WriteAtomic(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v, %v)", st.Mode(), err)
	}
	got, _ := os.ReadFile(target)
	st, _ := os.Stat(target)
	if string(got) != "new" || st.Mode().Perm() != 0o640 {
		t.Fatalf("target holds %q mode %v, want \"new\" 0640", got, st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(sub); len(ents) != 1 {
		t.Fatalf("temporary file left beside the target: %v", ents)
	}
	// a dangling link: the file it names is created
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink(filepath.Join("real", "later.json"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(dangling, writeString("later")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(sub, "later.json")); string(got) != "later" {
		t.Fatalf("dangling link's target holds %q", got)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the dangling link was replaced by a file")
	}
}

func TestWriteAtomicRefusesReadOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locked.json")
	if err := os.WriteFile(path, []byte("keep me"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteAtomic(path, writeString("new"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("err = %v, want a read-only refusal naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != "keep me" {
		t.Fatalf("read-only file now holds %q", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("temporary file left behind: %v", ents)
	}
}

func TestWriteAtomicErrorsNameTheChosenFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.graphml")
	err := WriteAtomic(path, func(w io.Writer) error { return errors.New("cannot encode") })
	if err == nil || !strings.HasPrefix(err.Error(), path+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("err = %v, want it to name %s and not the temporary file", err, path)
	}
	// a directory that does not exist
	missing := filepath.Join(dir, "no", "such", "out.json")
	err = WriteAtomic(missing, writeString("x"))
	if err == nil || !strings.HasPrefix(err.Error(), missing+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("err = %v, want it to name %s and not the temporary file", err, missing)
	}
}

func TestRenameRetryingWaitsForAFileInUse(t *testing.T) {
	inUse := &os.LinkError{Op: "rename", Old: ".x.123.tmp", New: "x", Err: errors.New("The process cannot access the file because it is being used by another process.")}
	calls := 0
	flaky := func(from, to string) error {
		calls++
		if calls < 3 {
			return inUse
		}
		return nil
	}
	if err := renameRetrying(flaky, "a", "b", true, time.Second); err != nil || calls != 3 {
		t.Fatalf("err = %v after %d calls, want success on the third", err, calls)
	}
	calls = 0
	always := func(from, to string) error { calls++; return inUse }
	start := time.Now()
	err := renameRetrying(always, "a", "b", true, 100*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "in use by another program") || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("err = %v, want a clear in-use report without the temporary name", err)
	}
	if calls < 2 || time.Since(start) < 100*time.Millisecond || time.Since(start) > 2*time.Second {
		t.Fatalf("%d calls in %v: want retries for about the wait", calls, time.Since(start))
	}
	// elsewhere (retry false) the first failure is reported at once
	calls = 0
	if err := renameRetrying(always, "a", "b", false, time.Second); err == nil || calls != 1 {
		t.Fatalf("no retry wanted: err = %v, %d calls", err, calls)
	}
}
