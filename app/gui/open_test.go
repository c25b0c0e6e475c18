package gui

import (
	"strings"
	"testing"

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
