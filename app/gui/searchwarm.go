package gui

// warmAfterFrameAbove is the size above which the search index is built
// only once the canvas has shown its first frame: at a million entities
// the build (seconds of CPU and allocation, hence collections of a
// 1.7 GB heap) shared the two cores with the first frame (a variable for
// the tests).
var warmAfterFrameAbove = deferLayoutLimit

// warmSearch starts building the search panel's index for the graph
// shown: at once up to warmAfterFrameAbove entities, after the canvas's
// first frame above. A search typed before then builds the index itself.
// It is the one place that decides.
func (u *ui) warmSearch() {
	p, ex := u.search, u.ex
	if p == nil || ex == nil {
		return
	}
	c := u.canvas
	if ex.g.NodeCount() <= warmAfterFrameAbove || c == nil || c.synchronous || c.frame.img != nil {
		p.runner.warm(ex.snapshot())
		return
	}
	u.afterFirstFrame(func() {
		if u.search == p && u.ex == ex {
			p.runner.warm(ex.snapshot())
		}
	})
}
