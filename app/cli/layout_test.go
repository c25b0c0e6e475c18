package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLayoutCommand(t *testing.T) {
	g := defaultGraph(t)
	dir := t.TempDir()
	for _, algo := range []string{"fa2", "circular", "radial", "layered"} {
		out := filepath.Join(dir, algo+".json")
		args := []string{"layout", "--algo", algo, "--iterations", "20", "--out", out, "--stats", "--no-overlap", "--labels"}
		if algo == "radial" {
			args = append(args, "--focus", "CNIL")
		}
		stdout, stderr, code := runPathCLI(args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", algo, code, stderr)
		}
		var st map[string]any
		if err := json.Unmarshal([]byte(stdout), &st); err != nil || strings.Count(stdout, "\n") != 1 {
			t.Fatalf("%s: stats line %q: %v", algo, stdout, err)
		}
		for _, k := range []string{"algo", "nodes", "edges", "iterations", "ms_per_iter", "load_ms", "node_overlaps", "label_overlaps", "label_node_overlaps", "edge_length_cv", "stress"} {
			if _, ok := st[k]; !ok {
				t.Errorf("%s: stats lack %q", algo, k)
			}
		}
		if st["node_overlaps"].(float64)+st["label_overlaps"].(float64)+st["label_node_overlaps"].(float64) != 0 {
			t.Errorf("%s: overlaps after --no-overlap: %s", algo, stdout)
		}
		if int(st["nodes"].(float64)) != g.NodeCount() {
			t.Errorf("%s: nodes %v", algo, st["nodes"])
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var pf positionsFile
		if err := json.Unmarshal(data, &pf); err != nil {
			t.Fatalf("%s: %v", algo, err)
		}
		if len(pf.Positions) != g.NodeCount() {
			t.Fatalf("%s: %d positions for %d nodes", algo, len(pf.Positions), g.NodeCount())
		}
		if _, ok := pf.Positions["cnil"]; !ok {
			t.Fatalf("%s: no position for cnil", algo)
		}
	}
	// --algo none measures a positions file as given.
	fa2 := filepath.Join(dir, "fa2.json")
	stdout, stderr, code := runPathCLI("layout", "--algo", "none", "--init", fa2, "--stats")
	if code != 0 || !strings.Contains(stdout, `"algo":"none"`) {
		t.Fatalf("none: exit %d: %s %s", code, stdout, stderr)
	}
}

func TestLayoutUsage(t *testing.T) {
	for _, args := range [][]string{
		{"layout"},
		{"layout", "--stats", "--algo", "spring"},
		{"layout", "--stats", "--algo", "none"},
		{"layout", "--stats", "extra"},
	} {
		if _, _, code := runPathCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, _, code := runPathCLI("layout", "--stats", "--algo", "radial", "--focus", "no such entity xyz"); code != 1 {
		t.Errorf("unknown focus: exit %d, want 1", code)
	}
}

func TestLayoutDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, f := range []string{a, b} {
		if _, stderr, code := runPathCLI("layout", "--seed", "7", "--iterations", "30", "--out", f); code != 0 {
			t.Fatal(stderr)
		}
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if string(da) != string(db) {
		t.Fatal("same seed gave different files")
	}
}
