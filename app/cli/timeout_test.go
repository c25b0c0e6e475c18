package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// These tests do not time anything: each asks for far more work than
// the timeout allows (or a timeout already over when the work starts),
// so the outcome does not depend on the machine's speed.

// layout --timeout stops ForceAtlas2 and writes the positions reached.
func TestLayoutTimeout(t *testing.T) {
	g := defaultGraph(t)
	out := filepath.Join(t.TempDir(), "pos.json")
	stdout, stderr, code := runPathCLI("layout", "--iterations", "2000000000", "--timeout", "50ms", "--out", out, "--stats")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var st struct {
		Iterations int  `json:"iterations"`
		TimedOut   bool `json:"timed_out"`
	}
	if err := json.Unmarshal([]byte(stdout), &st); err != nil || !st.TimedOut || st.Iterations >= 2000000000 {
		t.Errorf("stats %s: %v", stdout, err)
	}
	if !strings.Contains(stderr, "stopped at the timeout after") {
		t.Errorf("stderr %q", stderr)
	}
	data, err := os.ReadFile(out)
	var pf positionsFile
	if err != nil || json.Unmarshal(data, &pf) != nil || len(pf.Positions) != g.NodeCount() {
		t.Errorf("positions file: %v, %d positions", err, len(pf.Positions))
	}
	// A static layout has nothing to show when stopped: exit 1, no file.
	for _, algo := range []string{"circular", "radial", "layered"} {
		out := filepath.Join(t.TempDir(), algo+".json")
		_, stderr, code := runPathCLI("layout", "--algo", algo, "--timeout", "1ns", "--out", out)
		if _, err := os.Stat(out); code != 1 || !strings.Contains(stderr, "did not finish within --timeout") || err == nil {
			t.Errorf("%s: exit %d, stderr %q, file %v", algo, code, stderr, err)
		}
	}
	if _, _, code := runPathCLI("layout", "--timeout", "-1s", "--stats"); code != 2 {
		t.Errorf("negative --timeout: exit %d", code)
	}
}

// export --timeout draws what ForceAtlas2 reached.
func TestExportTimeout(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.svg")
	_, stderr, code := runPathCLI("export", "--iterations", "2000000000", "--timeout", "50ms", "--out", out)
	if code != 0 || !strings.Contains(stderr, "stopped the fa2 layout at the timeout") || !strings.Contains(stderr, "wrote "+out) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	_, stderr, code = runPathCLI("export", "--layout", "layered", "--timeout", "1ns", "--out", out+".png")
	if code != 1 || !strings.Contains(stderr, "did not finish within --timeout") {
		t.Errorf("layered: exit %d: %s", code, stderr)
	}
}

// denseFile writes a complete directed graph on n entities, "A", "B",
// "n2", …, as a dataset file: it has more simple paths than any search
// can list.
func denseFile(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	id := func(i int) string {
		switch i {
		case 0:
			return "A"
		case 1:
			return "B"
		}
		return "n" + itoa(i)
	}
	b.WriteString(`{"nodes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"` + id(i) + `","type":"t"}`)
	}
	b.WriteString(`],"edges":[`)
	first := true
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(`{"source":"` + id(i) + `","target":"` + id(j) + `","type":"r"}`)
		}
	}
	b.WriteString("]}")
	path := filepath.Join(t.TempDir(), "dense.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func itoa(i int) string { return strconv.Itoa(i) }

// path and query print what they found when the timeout or the memory
// bound stops them, say so, and exit 0, as when --limit stops them.
func TestPathAndQueryStopped(t *testing.T) {
	file := denseFile(t, 30)
	countLines := func(s string) int { return strings.Count(s, "\n") }

	// The timeout, over before the search starts.
	for _, args := range [][]string{
		{"path", "--all", "--max-hops", "8", "--limit", "100000000", "A", "B"},
		{"path", "--k", "1000", "A", "B"},
		{"path", "A", "B"},
		{"query", "--limit", "100000000", `({id:"A"})-[*..8]-({id:"B"})`},
	} {
		args = append(args, "-d", file, "--timeout", "1ns")
		stdout, stderr, code := runPathCLI(args...)
		if code != 0 || !strings.Contains(stderr, "stopped at the timeout after") || countLines(stdout) != 0 {
			t.Errorf("%v: exit %d, %d lines, stderr %q", args, code, countLines(stdout), stderr)
		}
		stdout, _, code = runPathCLI(append(args, "--json")...)
		var res pathsJSON
		if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 || !res.Truncated || res.Stopped != "timeout" {
			t.Errorf("%v --json: exit %d, %+v, %v", args, code, res, err)
		}
	}

	// The memory bound.
	defer func(old int) { storeLimit = old }(storeLimit)
	storeLimit = 50000
	for _, args := range [][]string{
		{"path", "--all", "--max-hops", "4", "A", "B"},
		{"path", "--k", "100000", "--max-hops", "3", "A", "B"},
		{"query", `({id:"A"})-[*..4]-({id:"B"})`},
		{"query", `(a)-[r*..3]-(b)`},
	} {
		args = append(args, "-d", file, "--limit", "100000000", "--timeout", "1h")
		stdout, stderr, code := runPathCLI(args...)
		n := countLines(stdout)
		if code != 0 || !strings.Contains(stderr, "the memory bound (195 KiB of paths)") || n == 0 || !strings.Contains(stderr, "stopped at "+itoa(n)+" paths") {
			t.Errorf("%v: exit %d, %d lines, stderr %q", args, code, n, stderr)
		}
		stdout, _, code = runPathCLI(append(args, "--json")...)
		var res pathsJSON
		if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 || !res.Truncated || res.Stopped != "memory" || len(res.Paths) != n {
			t.Errorf("%v --json: exit %d, %d paths, truncated %v, stopped %q, %v", args, code, len(res.Paths), res.Truncated, res.Stopped, err)
		}
	}

	// The limit, as before, with "stopped" in JSON.
	stdout, stderr, code := runPathCLI("path", "--all", "-d", file, "--limit", "10", "A", "B")
	if code != 0 || countLines(stdout) != 10 || !strings.Contains(stderr, "stopped at 10 paths: there are more (raise --limit)") {
		t.Errorf("--limit: exit %d, %d lines, stderr %q", code, countLines(stdout), stderr)
	}
	stdout, _, _ = runPathCLI("path", "--all", "-d", file, "--limit", "10", "--json", "A", "B")
	if !strings.HasSuffix(stdout, `],"truncated":true,"stopped":"limit"}`+"\n") {
		t.Errorf("--limit --json ends %q", stdout[max(0, len(stdout)-60):])
	}
}
