package dataset

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Every reader measures the file before reading it: a file over the limit
// is refused by its size (a sparse file of 3 GB here, which reading would
// take seconds and gigabytes), and a device by its kind.
func TestEveryReaderChecksTheSizeBeforeReading(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"big.json", "big.graphml", "big.gexf", "big-nodes.csv", "big"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(path, 3<<30); err != nil {
			t.Fatal(err)
		}
		open := path
		if name == "big-nodes.csv" {
			open = filepath.Join(dir, "big.csv")
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		_, err := LoadAny(open, Options{})
		runtime.ReadMemStats(&ms)
		if err == nil || !strings.Contains(err.Error(), "over the") {
			t.Errorf("%s: %v", name, err)
		}
		if got := ms.TotalAlloc - before; got > 1<<20 {
			t.Errorf("%s: allocated %d bytes before refusing it", name, got)
		}
	}
	if runtime.GOOS == "linux" {
		for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
			if _, err := LoadAny(dev, Options{}); err == nil || !strings.Contains(err.Error(), "is a device") {
				t.Errorf("%s: %v", dev, err)
			}
		}
	}
}
