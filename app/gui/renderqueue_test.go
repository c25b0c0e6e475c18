package gui

import (
	"sync"
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/render"
)

func TestRenderQueueCoalesces(t *testing.T) {
	ex := placedExplorer(t)
	var mu sync.Mutex
	var frames []renderedFrame
	done := make(chan struct{}, 100)
	q := &renderQueue{
		deliver: func(f renderedFrame) {
			mu.Lock()
			frames = append(frames, f)
			mu.Unlock()
			done <- struct{}{}
		},
		post: func(f func()) { f() },
	}
	v := render.Fit(ex.scene, 300, 200, 1, 10)
	const n = 30
	for k := 0; k < n; k++ {
		vk := v
		vk.CenterX += float64(k)
		q.submit(&renderJob{scene: ex.scene.Snapshot(), view: vk, opts: lightOptions()})
	}
	deadline := time.After(30 * time.Second)
	for !q.idle() {
		select {
		case <-done:
		case <-deadline:
			t.Fatal("the queue did not drain")
		case <-time.After(10 * time.Millisecond):
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(frames) < 1 || len(frames) >= n {
		t.Fatalf("%d requests gave %d frames; a burst should be coalesced", n, len(frames))
	}
	last := frames[len(frames)-1]
	if last.view.CenterX != v.CenterX+n-1 {
		t.Fatalf("the last frame shows centre %g, not the last request's %g", last.view.CenterX, v.CenterX+n-1)
	}
	if b := last.img.Bounds(); b.Dx() != 300 || b.Dy() != 200 {
		t.Fatalf("frame size %v", b)
	}
}
