package gui

import (
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph/layout"
)

func TestLayoutRunnerSettlesWithoutOverlaps(t *testing.T) {
	g := clearview(t)
	s := render.NewScene(g)
	updates := make(chan layoutUpdate, 4096)
	r, err := newLayoutRunner(g, s, initialPositions(g, 42), func(u layoutUpdate) { updates <- u })
	if err != nil {
		t.Fatal(err)
	}
	r.post = func(f func()) { f() }
	r.budget = 3 * time.Second
	icoID := node(t, g, "ico")
	pin := render.Point{X: 1234, Y: -567}
	r.Pin(icoID, pin)
	r.Start()
	var last layoutUpdate
	timeout := time.After(60 * time.Second)
	for done := false; !done; {
		select {
		case last = <-updates:
			done = !last.running
		case <-timeout:
			t.Fatal("the layout never stopped")
		}
	}
	if r.Running() {
		t.Fatal("Running after the last update")
	}
	if last.pos[icoID] != pin {
		t.Fatalf("pinned ICO moved to %v", last.pos[icoID])
	}
	pos := make([]layout.Point, len(last.pos))
	for i, p := range last.pos {
		pos[i] = layout.Point(p)
	}
	if ov := layout.CountOverlaps(pos, s.Radii(), nil, layout.LabelPlacement{}); ov.NodeNode != 0 {
		t.Fatalf("%d entities overlap after the layout", ov.NodeNode)
	}
}

func TestLayoutRunnerStops(t *testing.T) {
	g := clearview(t)
	s := render.NewScene(g)
	updates := make(chan layoutUpdate, 4096)
	r, _ := newLayoutRunner(g, s, initialPositions(g, 1), func(u layoutUpdate) { updates <- u })
	r.post = func(f func()) { f() }
	r.budget = time.Hour
	r.Start()
	<-updates
	r.Stop()
	if r.Running() {
		t.Fatal("still running after Stop")
	}
	time.Sleep(3 * publishEvery)
	for len(updates) > 0 {
		<-updates
	}
	time.Sleep(3 * publishEvery)
	if len(updates) != 0 {
		t.Fatal("updates keep coming after Stop")
	}
}
