package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEdgeTableFlag: -d NODES -e EDGES on the commands that load, the
// edge table alone with -e, and validate NODES EDGES.
func TestEdgeTableFlag(t *testing.T) {
	dir := t.TempDir()
	nodes := filepath.Join(dir, "people.csv")
	edges := filepath.Join(dir, "links.csv")
	os.WriteFile(nodes, []byte("Id;Label;type\na;Alice;person\nb;Bob;person\nc;Carol;person\n"), 0o644)
	os.WriteFile(edges, []byte("Source,Target,Label\na,b,knows\nb,c,knows\n"), 0o644)
	out, errs, code := runPathCLI("path", "-d", nodes, "--edges", edges, "Alice", "Carol")
	if code != 0 || !strings.Contains(out, "Alice —knows→ Bob —knows→ Carol") {
		t.Errorf("path -d -e: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runPathCLI("stats", "-e", edges)
	if code != 0 || !strings.Contains(out, "3") {
		t.Errorf("stats -e alone: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runPathCLI("validate", nodes, edges)
	if code != 0 || !strings.Contains(out, "ok, 3 entities (1 types), 2 relations") {
		t.Errorf("validate NODES EDGES: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = runPathCLI("validate", "-e", edges)
	if code != 0 || !strings.Contains(out, "ok, 3 entities") {
		t.Errorf("validate -e: exit %d\n%s%s", code, out, errs)
	}
	// Problems are positioned in the file they are in.
	os.WriteFile(edges, []byte("Source,Target\na,b,c\n"), 0o644)
	_, errs, code = runPathCLI("validate", nodes, edges)
	if code != 1 || !strings.Contains(errs, edges+":2:5: row has 3 fields") {
		t.Errorf("validate with a long row: exit %d\n%s", code, errs)
	}
	if _, _, code = runPathCLI("validate", nodes, edges, nodes); code != 2 {
		t.Errorf("three files: exit %d, want 2", code)
	}
}
