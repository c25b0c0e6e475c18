package gui

import (
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/graph/layout"
)

func TestLayoutRunnerSettlesWithoutOverlaps(t *testing.T) {
	g := clearview(t)
	s := render.NewScene(g)
	r, err := newLayoutRunner(g, s, initialPositions(g, 42))
	if err != nil {
		t.Fatal(err)
	}
	r.budget = 3 * time.Second
	icoID := node(t, g, "ico")
	pin := render.Point{X: 1234, Y: -567}
	r.Pin(icoID, pin)
	tk := task.New[layoutResult, layoutProgress](func(f func()) { f() })
	var last layoutResult
	finished := false
	tk.Start(r.run, func(res layoutResult, err error) {
		if err != nil {
			t.Error(err)
		}
		last, finished = res, true
	})
	tk.Wait() // the layout stopped by itself and delivered
	if !finished || tk.Running() || tk.State() != task.Done {
		t.Fatalf("finished %v, state %v after the layout stopped", finished, tk.State())
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
	r, _ := newLayoutRunner(g, s, initialPositions(g, 1))
	keepRunning(r)
	q := newUIQueue()
	tk := task.New[layoutResult, layoutProgress](q.post)
	updates := 0
	tk.OnProgress = func(layoutProgress) { updates++ }
	tk.Start(r.run, nil)
	q.wait()
	q.run()
	if updates == 0 {
		t.Fatal("no update from the running layout")
	}
	tk.Pause()
	if tk.Running() {
		t.Fatal("still running after Pause")
	}
	n := updates
	tk.Wait()
	q.run()
	if updates != n {
		t.Fatal("updates keep coming after Pause")
	}
}
