package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/dataset"
)

func TestLoadErrorListsPositionedProblems(t *testing.T) {
	bad := []byte("{\"nodes\": [\n  {\"id\": \"a\", \"type\": \"ngo\"},\n  {\"id\": \"a\", \"type\": 3}\n], \"edges\": [{\"source\": \"a\", \"target\": \"zz\", \"type\": \"x\"}]}")
	_, err := dataset.Decode("bad.json", bad, dataset.Options{})
	if err == nil {
		t.Fatal("the bad file loaded")
	}
	text := loadErrorText(err)
	lines := strings.Split(text, "\n")
	if len(lines) < 1 || text == "" {
		t.Fatalf("no problem listed: %q", text)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "bad.json:") || strings.Count(l, ":") < 3 {
			t.Fatalf("problem %q is not FILE:LINE:COL", l)
		}
	}
}

func TestDroppingAFileOpensIt(t *testing.T) {
	serialUI(t)
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "small.json")
	data := `{"title": "Dropped", "nodes": [{"id": "a", "type": "ngo", "label": "A"}, {"id": "b", "type": "company", "label": "B"}],
		"edges": [{"source": "a", "target": "b", "type": "complained-against"}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	started := false
	postUI(func() {
		u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
		started = u.loading.t.State() != task.Idle
	})
	if !started {
		t.Fatal("dropping a file started no load")
	}
	u.loading.t.Wait() // loaded, and handed to the UI
	postUI(func() {
		if u.ex.g.NodeCount() != 2 || u.ex.g.Title != "Dropped" {
			t.Errorf("window shows %d entities titled %q, want the dropped file", u.ex.g.NodeCount(), u.ex.g.Title)
		}
	})
}
