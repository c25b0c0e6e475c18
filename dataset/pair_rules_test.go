package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/graph"
)

// The CSV pair follows WriteAtomic's rules: links are written through and
// read-only files are refused, with the first file left as it was.
func TestCSVPairFollowsTheSaveRules(t *testing.T) {
	g := graph.New(2, 1)
	g.AddNode(graph.Node{ID: "a", Type: "t", Label: "A"})
	g.AddNode(graph.Node{ID: "b", Type: "t", Label: "B"})
	g.AddEdge(graph.Edge{ID: "e", From: 0, To: 1, Type: "knows"})
	dir := t.TempDir()

	// a link to the node table: the file it names is replaced, the link stays
	real := filepath.Join(dir, "real-nodes.csv")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "x-nodes.csv")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCSVFiles(filepath.Join(dir, "x.csv"), g, nil); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), "A") {
		t.Fatalf("the linked file was not written: %q", b)
	}

	// a read-only edge table: refused, and the node table left as it was
	np, ep := filepath.Join(dir, "y-nodes.csv"), filepath.Join(dir, "y-edges.csv")
	os.WriteFile(np, []byte("old nodes"), 0o644)
	os.WriteFile(ep, []byte("old edges"), 0o444)
	_, err := WriteCSVFiles(filepath.Join(dir, "y.csv"), g, nil)
	// (refused by its mode, so even for root)
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), "y-edges.csv") {
		t.Fatalf("read-only edge table: %v", err)
	}
	if b, _ := os.ReadFile(np); string(b) != "old nodes" {
		t.Fatalf("the node table was replaced: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), ".old") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
