package gui

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/linkscope/linkscope/app/cli"
	"github.com/linkscope/linkscope/app/view"
)

// cliStats runs `linkscope stats --json ARGS...` on the embedded case.
func cliStats(t *testing.T, args ...string) (nodes, edges int, types map[string]int) {
	t.Helper()
	var out, errs bytes.Buffer
	if code := cli.Run(append([]string{"stats", "--json"}, args...), &cli.Env{Stdout: &out, Stderr: &errs}); code != 0 {
		t.Fatalf("stats %v: exit %d: %s", args, code, errs.String())
	}
	var st struct {
		Nodes     int            `json:"nodes"`
		Edges     int            `json:"edges"`
		EdgeTypes map[string]int `json:"edgeTypes"`
	}
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	return st.Nodes, st.Edges, st.EdgeTypes
}

// visibleRel reports whether the window shows the relation with this id.
func visibleRel(u *ui, id string) bool {
	for e := 0; e < u.ex.g.EdgeCount(); e++ {
		if u.ex.g.Edge(int32(e)).ID == id {
			return u.ex.edgeVisible(int32(e))
		}
	}
	return false
}

// The window at a date and `linkscope stats --as-of` at that date agree.
func TestWindowAsOfAgreesWithStats(t *testing.T) {
	u := newTestUI(t)
	for _, c := range []struct {
		day       int32
		date      string
		shown     []string
		notShown  []string
		wantFines int
	}{
		{20211231, "2021-12-31", []string{"cnil-ordered-clearview-2021"}, []string{"cnil-fined-clearview-2022", "cnil-fined-clearview-2023-overdue-penalty"}, 0},
		{20221231, "2022-12-31", []string{"cnil-fined-clearview-2022"}, []string{"cnil-fined-clearview-2023-overdue-penalty"}, 1},
	} {
		u.filters.setAsOfDate(c.day)
		if got := u.ex.g.Chart().Settings[chartAsOf]; got != c.date {
			t.Fatalf("chart as-of %q, want %s", got, c.date)
		}
		n, m := u.ex.visibleCount()
		wn, wm, types := cliStats(t, "--as-of", c.date)
		if n != wn || m != wm {
			t.Errorf("%s: window shows %d entities and %d relations, stats --as-of %d and %d", c.date, n, m, wn, wm)
		}
		vn, vm := view.Visible(u.ex.g, view.Filter{AsOf: c.day}).Count()
		if n != vn || m != vm {
			t.Errorf("%s: window %d/%d, view.Visible %d/%d", c.date, n, m, vn, vm)
		}
		if types["fined"] != c.wantFines {
			t.Errorf("%s: stats counts %d fines, want %d", c.date, types["fined"], c.wantFines)
		}
		for _, id := range c.shown {
			if !visibleRel(u, id) {
				t.Errorf("%s: %s not shown", c.date, id)
			}
		}
		for _, id := range c.notShown {
			if visibleRel(u, id) {
				t.Errorf("%s: %s shown", c.date, id)
			}
		}
		if got := u.renderOptions().TimeLabel; got != "As of "+c.date {
			t.Errorf("canvas time label %q", got)
		}
	}
}

// The brush records from and to as one undoable step; the undated switch
// shows the undated relations, as --with-undated does.
func TestBrushAndUndatedSwitch(t *testing.T) {
	u := newTestUI(t)
	p := u.filters
	from, to := float64(dayNumber(20220101)), float64(dayNumber(20221231))
	p.previewRange(from, to)
	if u.ex.filter.from != 20220101 || u.ex.filter.asOf != 20221231 {
		t.Fatalf("preview: from %d as of %d", u.ex.filter.from, u.ex.filter.asOf)
	}
	if u.ex.g.Chart().Settings[chartFrom] != "" {
		t.Fatal("a preview was recorded")
	}
	steps := len(u.ex.g.History())
	p.commitRange(from, to)
	if st := u.ex.g.Chart().Settings; st[chartFrom] != "2022-01-01" || st[chartAsOf] != "2022-12-31" {
		t.Fatalf("chart %v", st)
	}
	if got := len(u.ex.g.History()); got != steps+1 {
		t.Fatalf("history %d steps, want %d", got, steps+1)
	}
	n, m := u.ex.visibleCount()
	wn, wm, _ := cliStats(t, "--from", "2022-01-01", "--as-of", "2022-12-31")
	if n != wn || m != wm {
		t.Errorf("range: window %d/%d, stats %d/%d", n, m, wn, wm)
	}
	if visibleRel(u, "cnil-ordered-clearview-2021") {
		t.Error("the 2021 order shows in 2022")
	}
	if !strings.Contains(p.dateLabel.Text, "From 1 January 2022") {
		t.Errorf("date label %q", p.dateLabel.Text)
	}
	test.Tap(p.undated)
	if u.ex.g.Chart().Settings[chartUndated] != "true" || !u.ex.filter.showUndated {
		t.Fatal("the undated switch did not record")
	}
	n, m = u.ex.visibleCount()
	wn, wm, _ = cliStats(t, "--from", "2022-01-01", "--as-of", "2022-12-31", "--with-undated")
	if n != wn || m != wm {
		t.Errorf("with undated: window %d/%d, stats %d/%d", n, m, wn, wm)
	}
	u.undo()
	u.undo()
	if u.ex.filter.from != 0 || u.ex.filter.asOf != 0 || u.ex.filter.showUndated {
		t.Errorf("after two undos: %+v", u.ex.filter)
	}
	if p.hist.from != p.first-1 || p.hist.to != p.last {
		t.Errorf("handles not back at the ends: %v %v", p.hist.from, p.hist.to)
	}
}

// Dragging a handle previews; letting go records.
func TestBrushDrag(t *testing.T) {
	u := newTestUI(t)
	p := u.filters
	h := p.hist
	h.Resize(fyne.NewSize(300, 64))
	x := float32((float64(dayNumber(20220601)) - h.lo) / (h.hi - h.lo) * 300)
	// drag the right handle from the right end to mid-2022
	h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, 30)}, Dragged: fyne.NewDelta(x-300, 0)})
	if u.ex.filter.asOf == 0 || u.ex.g.Chart().Settings[chartAsOf] != "" {
		t.Fatalf("during the drag: as of %d, chart %q", u.ex.filter.asOf, u.ex.g.Chart().Settings[chartAsOf])
	}
	h.DragEnd()
	if got := u.ex.g.Chart().Settings[chartAsOf]; got == "" || got[:4] != "2022" {
		t.Fatalf("after the drag: chart as-of %q", got)
	}
}

// Play moves the date through time; pausing leaves it there and records
// one step.
func TestPlayPause(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	q.run()
	p := u.filters
	steps := len(u.ex.g.History())
	p.togglePlay()
	defer p.stopPlay(false)
	start := p.slider.Value
	if start >= p.last || u.ex.filter.asOf == 0 {
		t.Fatalf("play did not start from the beginning: %v", start)
	}
	// the ticker's frames come through the UI bridge
	q.wait()
	q.run()
	if p.slider.Value <= start {
		t.Fatalf("a frame posted by the ticker did not move the date: %v -> %v", start, p.slider.Value)
	}
	p.playStep()
	p.playStep()
	if p.slider.Value <= start {
		t.Fatalf("two frames did not move the date: %v -> %v", start, p.slider.Value)
	}
	if len(u.ex.g.History()) != steps {
		t.Fatal("frames were recorded")
	}
	at := u.ex.filter.asOf
	p.togglePlay()
	if p.playing != nil || u.ex.filter.asOf != at {
		t.Fatalf("pause: playing %v, as of %d (was %d)", p.playing != nil, u.ex.filter.asOf, at)
	}
	if len(u.ex.g.History()) != steps+1 || u.ex.g.Chart().Settings[chartAsOf] != dayKeyString(at) {
		t.Fatalf("pause recorded %d steps, chart %q", len(u.ex.g.History())-steps, u.ex.g.Chart().Settings[chartAsOf])
	}
	// playing to the end stops there, showing everything
	p.togglePlay()
	for i := 0; i < 2*playFrames && p.playing != nil; i++ {
		p.playStep()
	}
	if p.playing != nil || u.ex.filter.asOf != 0 {
		t.Fatalf("at the end: playing %v, as of %d", p.playing != nil, u.ex.filter.asOf)
	}
}

// A relation known only from its report is shown as "reported YYYY-MM".
func TestReportedTime(t *testing.T) {
	ex := placedExplorer(t)
	for e := 0; e < ex.g.EdgeCount(); e++ {
		r := ex.g.Edge(int32(e))
		got := ex.reportedText(int32(e))
		if !r.Date.IsZero() && got != "" {
			t.Fatalf("%s is dated %s but reads %q", r.ID, r.Date, got)
		}
		if r.ID == "cnil-investigated-clearview" && got != "reported 2021-12" {
			t.Fatalf("%s: %q", r.ID, got)
		}
	}
}

// The histogram counts every relation with a time once, the reported ones
// apart.
func TestHistogramCounts(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newFiltersPanel(ex)
	total, reported := 0, 0
	for _, b := range p.hist.bins {
		for _, s := range b {
			total += s.n
			if s.reported {
				reported += s.n
			}
		}
	}
	want, wantRep := 0, 0
	for _, rt := range ex.relTimes() {
		if rt.Kind != view.TimeUndated {
			want++
		}
		if rt.Kind == view.TimeReported {
			wantRep++
		}
	}
	if total != want || reported != wantRep || reported == 0 {
		t.Fatalf("histogram holds %d relations (%d reported), want %d (%d)", total, reported, want, wantRep)
	}
}

// The details panel gives a relation known only from its report the
// month it was reported, named as such, and no date of its own.
func TestDetailsShowReportedTime(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newDetailsPanel(ex, nil)
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(400, 3000))
	ex.selectNode(node(t, ex.g, "cnil"))
	if got := texts(p.box); !strings.Contains(got, "reported 2021-12") {
		t.Fatalf("CNIL's investigation (undated, reported in December 2021) lacks its reported time:\n%s", got)
	}
}
