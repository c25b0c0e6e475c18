package gui

import "github.com/linkscope/linkscope/app/render"

// One frame per change.
//
// A change on the UI goroutine often asks for a frame several times: a
// filter toggle goes through applyFilters → updateHighlight →
// onHighlight → scheduleRender, and graphChanged asks again at its end;
// choosing a search result selects it, then centres the view on it. Each
// request used to hand a job to the render queue, so a toggle drew two
// frames of the same picture (the second waiting behind the first), and
// the settle timer scheduleRender armed drew a third.
//
// Now the first request of a UI turn submits its frame at once (so that
// drawing starts while the turn goes on, as before) and posts the turn's
// end (postUI runs it after the current event); later requests of the
// turn only mark it, and at its end one more frame is submitted only if
// the picture changed after the first (render.SamePicture on the scene,
// the viewport and the options), named by the strongest reason asked
// for. A change made of steps that each change the picture runs inside
// together, which submits once at its end. The settle timer likewise draws only when the picture differs from the
// last frame submitted (a pan or zoom within interactInterval of the
// frame before); after a filter change it draws nothing.

// renderTurn is the canvas's frame requests of the current UI turn.
type renderTurn struct {
	// open: the turn's first request was submitted and its end posted
	open bool
	// holding: inside together, requests are only noted
	holding bool
	// again: a later request of the turn; why the strongest reason of
	// those (see whyRank)
	again bool
	why   string
	// last is the last job submitted: what the frame on screen, or the
	// one coming, shows
	last *renderJob
	// submitted counts the jobs handed to the render queue (tests)
	submitted int
}

// whyRank orders the reasons of a frame request: the strongest of a turn
// names its frame. A filter change is named by its mark (frametrace.go),
// which beats them all.
func whyRank(why string) int {
	switch why {
	case "drag":
		return 5
	case "zoom":
		return 4
	case "pan":
		return 3
	case "layout":
		return 2
	case "hover":
		return 1
	}
	return 0
}

// stronger returns the stronger of two reasons.
func stronger(a, b string) string {
	if whyRank(b) > whyRank(a) {
		return b
	}
	return a
}

// coalesce submits the first frame request of a UI turn and posts the
// turn's end; a later one is only noted.
func (c *graphCanvas) coalesce() {
	if c.turn.open || c.turn.holding {
		c.turn.again = true
		c.turn.why = stronger(c.turn.why, c.why)
		c.why = ""
		return
	}
	c.turn.open = true
	postUI(c.endTurn)
	c.submitFrame()
}

// together runs fn, a change made of steps that each ask for a frame
// (select an entity, then centre the view on it), so that they make one
// frame, submitted when fn returns.
func (c *graphCanvas) together(fn func()) {
	if c.turn.holding || c.synchronous {
		fn()
		return
	}
	c.turn.holding = true
	fn()
	c.turn.holding = false
	if c.turn.again && !c.turn.open {
		c.why = stronger(c.turn.why, c.why)
		c.turn.again, c.turn.why = false, ""
		c.coalesce()
	}
}

// endTurn submits one more frame if a request came after the turn's first
// and the picture changed since.
func (c *graphCanvas) endTurn() {
	if !c.turn.open {
		return
	}
	again, why := c.turn.again, c.turn.why
	c.turn.open, c.turn.again, c.turn.why = false, false, ""
	if again && !c.showsCurrent() {
		c.why = stronger(why, c.why)
		c.submitFrame()
	}
}

// showsCurrent reports whether the last frame submitted is the picture of
// the scene and view as they are now.
func (c *graphCanvas) showsCurrent() bool {
	j := c.turn.last
	return j != nil && j.view == c.view && j.opts == c.options() && render.SamePicture(j.scene, c.ex.view())
}

// settled is the settle timer's end (scheduleRender): the view has been
// still for settleDelay. It asks for a frame only when the picture
// differs from the last frame submitted.
func (c *graphCanvas) settled() {
	if c.showsCurrent() {
		c.settleWhy = ""
		return
	}
	c.requestRender()
}
