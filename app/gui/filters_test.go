package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestTimelineSliderSetsTheDate(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newFiltersPanel(ex)
	test.NewTempWindow(t, p.content)
	if p.dateLabel.Text != "All dates" || ex.filter.asOf != 0 {
		t.Fatalf("start: %q asOf %d", p.dateLabel.Text, ex.filter.asOf)
	}
	_, m0 := ex.visibleCount()
	p.setAsOfDate(20211231)
	if ex.filter.asOf != 20211231 || !strings.Contains(p.dateLabel.Text, "31 Dec 2021") {
		t.Fatalf("slider at 2021-12-31: asOf %d, label %q", ex.filter.asOf, p.dateLabel.Text)
	}
	if _, m := ex.visibleCount(); m >= m0 {
		t.Fatalf("as of 2021, %d relations shown of %d", m, m0)
	}
	if !strings.Contains(p.summary.Text, "Showing") {
		t.Fatalf("summary %q", p.summary.Text)
	}
	p.setAsOfDate(0)
	if ex.filter.asOf != 0 || p.dateLabel.Text != "All dates" {
		t.Fatalf("back to all dates: %d %q", ex.filter.asOf, p.dateLabel.Text)
	}
}

func TestTypeChecksFilter(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newFiltersPanel(ex)
	test.NewTempWindow(t, p.content)
	p.setAll(p.nodeTypes, false)
	if n, _ := ex.visibleCount(); n != 0 {
		t.Fatalf("None left %d entities", n)
	}
	test.Tap(p.nodeTypes["regulator"])
	test.Tap(p.nodeTypes["company"])
	n, _ := ex.visibleCount()
	want := 0
	for _, tc := range ex.g.NodeTypes() {
		if tc.Type == "regulator" || tc.Type == "company" {
			want += tc.Count
		}
	}
	if n != want {
		t.Fatalf("regulators and companies: %d shown, want %d", n, want)
	}
	for typ, c := range p.nodeTypes {
		if c.Checked != (typ == "regulator" || typ == "company") {
			t.Fatalf("box %s checked=%v", typ, c.Checked)
		}
	}
}
