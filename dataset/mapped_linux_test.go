package dataset

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// residentKB is the resident size of the mapping that starts at addr, from
// /proc/self/smaps.
func residentKB(t *testing.T, addr uintptr) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err) // Linux always has it: a missing file is a failure, not a reason to skip
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") && !strings.HasSuffix(strings.Fields(line)[0], ":") {
			in = lo == addr
			continue
		}
		var kb int
		if in {
			if n, _ := fmt.Sscanf(line, "Rss: %d kB", &kb); n == 1 {
				return kb
			}
		}
	}
	t.Fatalf("no mapping at %#x in /proc/self/smaps", addr)
	return 0
}

// TestReleaseGivesPagesBack: the pages of a mapped file that were read
// are part of the process's memory until they are given back.
func TestReleaseGivesPagesBack(t *testing.T) {
	const size = 8 << 20
	path := writeTemp(t, "big.json", make([]byte, size))
	fm, err := mapFile(path, size)
	if err != nil {
		t.Fatal(err)
	}
	defer fm.close()
	addr := uintptr(unsafe.Pointer(&fm.data[0]))
	sum := 0
	for i := 0; i < size; i += 4096 {
		sum += int(fm.data[i])
	}
	if rss := residentKB(t, addr); rss < size/1024*9/10 {
		t.Fatalf("read: %d kB resident of %d (sum %d)", rss, size/1024, sum)
	}
	fm.release(fm.data[:size/2+100])
	if rss := residentKB(t, addr); rss > size/1024/2+64 || rss < size/1024/2-64 {
		t.Fatalf("half given back: %d kB resident, want about %d", rss, size/1024/2)
	}
	fm.release(fm.data)
	if rss := residentKB(t, addr); rss > 64 {
		t.Fatalf("all given back: %d kB resident", rss)
	}
}
