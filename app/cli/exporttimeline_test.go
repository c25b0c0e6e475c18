package cli

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export --timeline writes the timeline view as PNG and SVG; a wrong id
// is a usage error.
func TestExportTimeline(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"t.png", "t.svg"} {
		out := filepath.Join(dir, name)
		_, errs, code := runPathCLI("export", "--timeline", "--entities", "cnil,ico,clearview-ai", "--out", out)
		if code != 0 || !strings.Contains(errs, "3 entities") {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		if name == "t.png" {
			img, err := png.Decode(f)
			if err != nil || img.Bounds().Dx() != 1600 {
				t.Fatalf("PNG: %v", err)
			}
		} else {
			b, _ := os.ReadFile(out)
			if !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "Clearview AI") {
				t.Fatal("SVG lacks the lines")
			}
		}
		f.Close()
	}
	// as of 2021-12-31: no fine on the timeline
	out := filepath.Join(dir, "asof.svg")
	if _, errs, code := runPathCLI("export", "--timeline", "--as-of", "2021-12-31", "--entities", "cnil,clearview-ai", "--out", out); code != 0 {
		t.Fatalf("as of: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); strings.Contains(string(b), "fined") || !strings.Contains(string(b), "ordered") {
		t.Error("as of 2021-12-31 the timeline should show the order and no fine")
	}
	if _, errs, code := runPathCLI("export", "--timeline", "--entities", "nobody", "--out", filepath.Join(dir, "x.png")); code != 2 || !strings.Contains(errs, "nobody") {
		t.Errorf("unknown id: exit %d %q", code, errs)
	}
	if _, _, code := runPathCLI("export", "--timeline", "--out", filepath.Join(dir, "x.json")); code != 2 {
		t.Errorf("--timeline to .json: exit %d", code)
	}
}

// A picture of the case at a date says which: --as-of, and a workspace's
// chart setting.
func TestExportTimeLabel(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.svg")
	if _, errs, code := runPathCLI("export", "--as-of", "2021-12-31", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "As of 2021-12-31") {
		t.Error("export --as-of has no time label")
	}
	edits := filepath.Join(dir, "e.jsonl")
	os.WriteFile(edits, []byte(`{"op":"set-chart","key":"as-of","value":"2022-12-31"}`+"\n"), 0o644)
	ws := filepath.Join(dir, "w.linkscope")
	if _, errs, code := runPathCLI("apply", edits, "--out", ws); code != 0 {
		t.Fatalf("apply: exit %d: %s", code, errs)
	}
	if _, errs, code := runPathCLI("export", "-w", ws, "--out", out); code != 0 {
		t.Fatalf("export -w: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "As of 2022-12-31") {
		t.Error("export -w of a workspace at a date has no time label")
	}
}
