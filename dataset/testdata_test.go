package dataset

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden .want files from the loader's output. Review
// every changed position by hand before committing the result.
var update = flag.Bool("update", false, "rewrite testdata/bad/*.want")

// TestBadFiles loads every malformed file of testdata/bad and compares the
// report with its golden file, line for line.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("found %d bad files, want the whole set", len(files))
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".json"), func(t *testing.T) {
			g, err := Load(path, Options{})
			if err == nil {
				t.Fatalf("loaded %d entities, want an error", g.NodeCount())
			}
			var list *ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T %q is not an *ErrorList", err, err)
			}
			data, _ := os.ReadFile(path)
			checkPositions(t, data, list)
			wantPath := strings.TrimSuffix(path, ".json") + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(err.Error()+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, rerr := os.ReadFile(wantPath)
			if rerr != nil {
				t.Fatalf("no golden file: %v", rerr)
			}
			got := strings.Split(err.Error(), "\n")
			wantLines := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
			for i := 0; i < max(len(got), len(wantLines)); i++ {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(wantLines) {
					w = wantLines[i]
				}
				if g != w {
					t.Errorf("line %d:\n got  %s\n want %s", i+1, g, w)
				}
			}
		})
	}
}

// checkPositions makes sure every reported position exists in the file
// (the column may be one past the end of a line, where a truncated file
// ends) and that the list is in file order.
func checkPositions(t *testing.T, data []byte, list *ErrorList) {
	t.Helper()
	if len(list.Errors) == 0 {
		t.Fatal("empty error list")
	}
	if len(list.Errors) > MaxErrors {
		t.Errorf("%d errors listed, over the cap of %d", len(list.Errors), MaxErrors)
	}
	lines := strings.Split(string(data), "\n")
	prevLine, prevCol := 0, 0
	for _, e := range list.Errors {
		if e.Line < 1 || e.Line > len(lines) {
			t.Errorf("%v: line outside the file's %d lines", e, len(lines))
			continue
		}
		if n := len([]rune(lines[e.Line-1])); e.Col < 1 || e.Col > n+1 {
			t.Errorf("%v: column outside line %d's %d characters", e, e.Line, n)
		}
		if e.Line < prevLine || e.Line == prevLine && e.Col < prevCol {
			t.Errorf("%v: listed after %d:%d, out of file order", e, prevLine, prevCol)
		}
		prevLine, prevCol = e.Line, e.Col
	}
}

// TestBadFilesHaveGoldens keeps the set consistent: no orphan golden file.
func TestBadFilesHaveGoldens(t *testing.T) {
	wants, _ := filepath.Glob("testdata/bad/*.want")
	for _, w := range wants {
		if _, err := os.Stat(strings.TrimSuffix(w, ".want") + ".json"); err != nil {
			t.Errorf("%s has no .json beside it", w)
		}
	}
}

// TestTooManyProblems checks the cap: 60 broken relations give 50 listed
// problems and a count of the rest.
func TestTooManyProblems(t *testing.T) {
	_, err := Load("testdata/bad/too-many-problems.json", Options{})
	var list *ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an *ErrorList", err)
	}
	if len(list.Errors) != MaxErrors || list.More != 10 {
		t.Fatalf("listed %d and %d more, want %d and 10 more", len(list.Errors), list.More, MaxErrors)
	}
	if !strings.HasSuffix(err.Error(), "\n... and 10 more problems") {
		t.Errorf("report does not end with the count of unlisted problems:\n%s", err)
	}
}
