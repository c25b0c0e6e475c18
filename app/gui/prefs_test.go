package gui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestRecentFiles(t *testing.T) {
	p := newPrefs(test.NewTempApp(t))
	for i := 0; i < maxRecent+3; i++ {
		p.addRecent(fmt.Sprintf("/data/%d.json", i))
	}
	p.addRecent("/data/5.json")
	r := p.recent()
	if len(r) != maxRecent || r[0] != "/data/5.json" || r[1] != fmt.Sprintf("/data/%d.json", maxRecent+2) {
		t.Fatalf("recent = %v", r)
	}
	if slices.Index(r[1:], "/data/5.json") >= 0 {
		t.Fatal("a file is listed twice")
	}
	p.clearRecent()
	if len(p.recent()) != 0 {
		t.Fatal("clearRecent left files")
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	p := newPrefs(test.NewTempApp(t))
	if p.windowSize() != defaultWindowSize {
		t.Fatalf("first size %v", p.windowSize())
	}
	p.setWindowSize(fyne.NewSize(1000, 700))
	if p.windowSize() != fyne.NewSize(1000, 700) {
		t.Fatalf("size %v", p.windowSize())
	}
	p.setWindowSize(fyne.NewSize(10, 10)) // a minimised window is not remembered
	if p.windowSize() != fyne.NewSize(1000, 700) {
		t.Fatalf("size after a tiny window %v", p.windowSize())
	}
}
