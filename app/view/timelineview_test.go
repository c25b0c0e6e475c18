package view

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
)

// The timeline of CNIL, ICO and Clearview AI reads left to right as the
// case unfolded: the order of December 2021, the EUR 20M fine of October
// 2022, the EUR 5.2M penalty of April 2023.
func TestTimelineReadsInOrder(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ids []int32
	for _, id := range []string{"cnil", "ico", "clearview-ai"} {
		i, ok := g.NodeIndex(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		ids = append(ids, i)
	}
	s := Timeline(g, TimelineSpec{Entities: ids, Selected: -1, SelectedEdge: -1})
	if len(s.Lines) != 3 || len(s.Events) == 0 {
		t.Fatalf("%d lines, %d events", len(s.Lines), len(s.Events))
	}
	o := render.TimelineOptions{Width: 1200, Height: 420, Scale: 1}
	geom := s.Layout(o)
	pos := map[string]float64{}
	for k, e := range s.Events {
		if k > 0 && geom.EventX[k] < geom.EventX[k-1] {
			t.Fatalf("event %d (%s) left of the one before", k, e.Label)
		}
		pos[g.Edge(e.Edge).ID] = geom.EventX[k]
	}
	order := []string{"cnil-ordered-clearview-2021", "cnil-fined-clearview-2022", "cnil-fined-clearview-2023-overdue-penalty"}
	for k, id := range order {
		x, ok := pos[id]
		if !ok {
			t.Fatalf("%s not on the timeline", id)
		}
		if k > 0 && x <= pos[order[k-1]] {
			t.Errorf("%s (x %v) not right of %s (x %v)", id, x, order[k-1], pos[order[k-1]])
		}
	}
	for _, e := range s.Events {
		if g.Edge(e.Edge).ID == "cnil-fined-clearview-2022" && !strings.Contains(e.Label, "€20M") {
			t.Errorf("the fine reads %q", e.Label)
		}
		if e.Reported && !strings.Contains(e.Label, "reported ") {
			t.Errorf("a reported event reads %q", e.Label)
		}
	}
	// the same chart as PNG and SVG
	var pb bytes.Buffer
	if err := render.WriteTimelinePNG(&pb, s, o); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&pb)
	if err != nil || img.Bounds().Dx() != 1200 {
		t.Fatalf("PNG: %v %v", err, img)
	}
	var sb bytes.Buffer
	if err := render.WriteTimelineSVG(&sb, s, o); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(sb.Bytes(), new(struct{})); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	if !strings.Contains(sb.String(), "CNIL") || !strings.Contains(sb.String(), ">2022<") {
		t.Error("SVG lacks the line labels or the year ticks")
	}
	// hit-testing finds the fine where it is drawn
	for k, e := range s.Events {
		if g.Edge(e.Edge).ID == "cnil-fined-clearview-2022" {
			y := (geom.LineY[e.From] + geom.LineY[e.To]) / 2
			if hit := geom.HitEvent(s, geom.EventX[k], y); hit < 0 || s.Events[hit].EventDay() != e.EventDay() {
				t.Errorf("hit at the fine's connector: %d", hit)
			}
		}
	}
}

// A workspace's chart settings give its pictures their time label and
// filter (from, as-of, undated), as the window shows them.
func TestFilterOfReadsTheTimeline(t *testing.T) {
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []graph.SetChart{{Key: "as-of", Value: "2022-12-31"}, {Key: "from", Value: "2022-01-01"}, {Key: "undated", Value: "true"}} {
		if err := g.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	f := FilterOf(g, dataset.View{})
	if f.AsOf != 20221231 || f.From != 20220101 || !f.ShowUndated {
		t.Fatalf("filter %+v", f)
	}
	if got := f.TimeLabel(); got != "2022-01-01 – 2022-12-31" {
		t.Fatalf("label %q", got)
	}
	if got := (Filter{AsOf: 20211231}).TimeLabel(); got != "As of 2021-12-31" {
		t.Fatalf("label %q", got)
	}
	if (Filter{}).TimeLabel() != "" {
		t.Fatal("a label without a time limit")
	}
}

// An entity's own start and end become its theme line's span.
func TestTimelineEntitySpan(t *testing.T) {
	file := filepath.Join(t.TempDir(), "life.json")
	os.WriteFile(file, []byte(`{"format":"linkscope/1","title":"t","nodes":[{"id":"a","type":"company","label":"A","props":{"start":"2022-01","end":"2022-06"}},{"id":"b","type":"regulator","label":"B"}],
"edges":[{"id":"e1","source":"b","target":"a","type":"fined","date":"2022-03-01"}]}`), 0o644)
	g, err := dataset.Load(file, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Timeline(g, TimelineSpec{Entities: []int32{0, 1}, Selected: -1, SelectedEdge: -1})
	if l := s.Lines[0]; l.First != 20220101 || l.Last != 20220630 {
		t.Fatalf("A's line spans %d..%d", l.First, l.Last)
	}
	if l := s.Lines[1]; l.First != 0 {
		t.Fatalf("B has no time of its own, its line spans from %d", l.First)
	}
	if len(s.Events) != 1 || s.Events[0].From != 1 || s.Events[0].To != 0 {
		t.Fatalf("events %+v", s.Events)
	}
}
