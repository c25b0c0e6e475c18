package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
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
