package gui

import (
	"bytes"
	"image"
	"testing"
	"time"
)

// frameCounter is the window (newTestUI) with its canvas drawing as in
// the real window: frames are asked for through postUI and drawn off the
// UI goroutine by the render queue, the test playing the UI goroutine
// (queueUI). The settle timer is set never to fire on its own: the test
// calls settled, as the timer would. shown counts the frames put on
// screen.
type frameCounter struct {
	u     *ui
	q     *uiQueue
	c     *graphCanvas
	shown int
}

func newFrameCounter(t *testing.T) *frameCounter {
	t.Helper()
	q := queueUI(t)
	u := newTestUI(t)
	q.run()
	fc := &frameCounter{u: u, q: q, c: u.canvas}
	c := fc.c
	c.synchronous = false
	c.settleDelay = time.Hour
	t.Cleanup(func() {
		if c.settle != nil {
			c.settle.Stop()
		}
	})
	deliver := c.queue.deliver
	c.queue.deliver = func(f renderedFrame) {
		fc.shown++
		deliver(f)
	}
	if c.view.Width <= 0 || c.frame.img == nil {
		t.Fatal("the canvas has no size or no frame")
	}
	fc.drain(t)
	return fc
}

// drain plays the UI goroutine until no frame is waiting to be submitted,
// drawn or shown.
func (fc *frameCounter) drain(t *testing.T) {
	t.Helper()
	for {
		fc.q.run()
		if !fc.c.turn.open && fc.c.queue.idle() {
			return
		}
		fc.q.wait()
	}
}

// change runs do as one UI turn some time after the last frame (so that
// scheduleRender asks for one at once), plays the UI goroutine until its
// frames are on screen, then ends the settle delay; it returns the frames
// submitted and shown.
func (fc *frameCounter) change(t *testing.T, do func()) (submitted, shown int) {
	t.Helper()
	s0, n0 := fc.c.turn.submitted, fc.shown
	fc.c.lastRequest = time.Time{}
	do()
	fc.drain(t)
	fc.c.settled()
	fc.drain(t)
	return fc.c.turn.submitted - s0, fc.shown - n0
}

// wantFrame checks that the frame on screen is the picture of the scene
// and view as they are now.
func (fc *frameCounter) wantFrame(t *testing.T, what string) {
	t.Helper()
	c := fc.c
	want := drawFrame(&renderJob{scene: c.ex.view().Snapshot(), view: c.view, opts: c.options()})
	if c.frame.view != c.view {
		t.Fatalf("%s: the frame on screen shows view %+v, the canvas is at %+v", what, c.frame.view, c.view)
	}
	if !bytes.Equal(c.frame.img.Pix, want.img.Pix) {
		t.Fatalf("%s: the frame on screen is not the picture of the scene after the change", what)
	}
}

// pixel is the colour of the frame on screen at entity i's centre.
func (fc *frameCounter) pixel(i int32) [4]byte {
	x, y := fc.c.view.ToScreen(fc.c.ex.pos[i])
	img := fc.c.frame.img
	p := image.Pt(int(x), int(y))
	if !p.In(img.Rect) {
		return [4]byte{}
	}
	o := img.PixOffset(p.X, p.Y)
	return [4]byte(img.Pix[o : o+4])
}

// TestFilterToggleDrawsOneFrame: switching an entity type off and on
// again asks for exactly one frame each (applyFilters' highlight listener
// and graphChanged both ask, in one UI turn), the settle timer adds none,
// and each frame is the picture after the change, the type's entities
// gone and back.
func TestFilterToggleDrawsOneFrame(t *testing.T) {
	fc := newFrameCounter(t)
	u := fc.u
	const typ = "company"
	var hidden []int32
	for i := range u.ex.g.NodeCount() {
		if u.ex.g.Node(int32(i)).Type == typ {
			hidden = append(hidden, int32(i))
		}
	}
	if len(hidden) == 0 {
		t.Fatalf("no %s in the case", typ)
	}
	before := map[int32][4]byte{}
	for _, i := range hidden {
		before[i] = fc.pixel(i)
	}
	for _, on := range []bool{false, true} {
		sub, shown := fc.change(t, func() { u.filters.showType(typ, on) })
		if sub != 1 || shown != 1 {
			t.Fatalf("type %s on=%v: %d frames submitted, %d shown; want one", typ, on, sub, shown)
		}
		if u.ex.nodeVisible(hidden[0]) != on {
			t.Fatalf("type %s on=%v: entity visible=%v", typ, on, !on)
		}
		fc.wantFrame(t, "type toggle")
		for _, i := range hidden {
			if got := fc.pixel(i); (got == before[i]) != on {
				t.Fatalf("type %s on=%v: %s's centre is %v, %v before", typ, on, u.ex.g.Node(i).ID, got, before[i])
			}
		}
	}
	// a relation type, and undo
	rt := u.ex.g.EdgeTypes()[0].Type
	if sub, shown := fc.change(t, func() { u.filters.showType(rt, false) }); sub != 1 || shown != 1 {
		t.Fatalf("relation type off: %d frames submitted, %d shown", sub, shown)
	}
	fc.wantFrame(t, "relation type toggle")
	if sub, shown := fc.change(t, u.undo); sub != 1 || shown != 1 {
		t.Fatalf("undo: %d frames submitted, %d shown", sub, shown)
	}
	fc.wantFrame(t, "undo")
}

// TestTimelineAndSearchDrawOneFrame: a timeline slider step and choosing
// a search result (a selection, then centring on it) draw one frame
// each, showing the change.
func TestTimelineAndSearchDrawOneFrame(t *testing.T) {
	fc := newFrameCounter(t)
	u := fc.u
	p := u.filters
	if p.slider == nil {
		t.Fatal("no timeline in the Clearview case")
	}
	_, m0 := u.ex.visibleCount()
	mid := (p.first + p.last) / 2
	if sub, shown := fc.change(t, func() { p.setDay(mid) }); sub != 1 || shown != 1 {
		t.Fatalf("slider step: %d frames submitted, %d shown", sub, shown)
	}
	if _, m := u.ex.visibleCount(); m >= m0 {
		t.Fatalf("halfway along the timeline %d of %d relations shown", m, m0)
	}
	fc.wantFrame(t, "slider step")

	i := int32(3)
	if sub, shown := fc.change(t, func() { u.search.onChoose(i) }); sub != 1 || shown != 1 {
		t.Fatalf("search result chosen: %d frames submitted, %d shown", sub, shown)
	}
	if u.ex.selected != i || fc.c.view.CenterX != u.ex.pos[i].X || fc.c.view.CenterY != u.ex.pos[i].Y {
		t.Fatalf("search result %d: selected %d, view centred at (%g, %g)", i, u.ex.selected, fc.c.view.CenterX, fc.c.view.CenterY)
	}
	fc.wantFrame(t, "search result")
}

// TestSettleDrawsOnlyWhatChanged: during a pan the frames are paced (one
// at once, the moves within interactInterval wait), and the settle timer
// draws the last position once; a settle with nothing new after the last
// frame draws nothing.
func TestSettleDrawsOnlyWhatChanged(t *testing.T) {
	fc := newFrameCounter(t)
	c := fc.c
	s0, n0 := c.turn.submitted, fc.shown
	c.lastRequest = time.Time{}
	c.pan(10, 0) // a frame at once
	fc.drain(t)
	// the next moves come within interactInterval of that frame: none
	c.lastRequest = time.Now().Add(time.Hour)
	c.pan(10, 0)
	c.pan(10, 0)
	fc.drain(t)
	if got := c.turn.submitted - s0; got != 1 {
		t.Fatalf("three pan moves, the last two paced: %d frames submitted, want 1", got)
	}
	c.settled()
	fc.drain(t)
	if sub, shown := c.turn.submitted-s0, fc.shown-n0; sub != 2 || shown != 2 {
		t.Fatalf("after the settle: %d frames submitted, %d shown; want 2", sub, shown)
	}
	fc.wantFrame(t, "settled pan")
	c.settled()
	fc.drain(t)
	if got := c.turn.submitted - s0; got != 2 {
		t.Fatalf("a second settle with nothing new drew a frame (%d submitted)", got)
	}
}
