package gui

// The hover and its tooltip describe the entity under the pointer now:
// whenever what is under the pointer can change without the pointer
// moving (the view pans or zooms, the entity moves, the filters hide it,
// the graph changes) the canvas looks again (syncHover), so the tooltip
// never names an entity that is no longer there. Leaving the canvas hides
// it (MouseOut); a graph replaced gets a new canvas, with no tooltip.

// syncHover hovers the entity under the pointer now and updates the
// tooltip; while a drag is in progress, or the pointer is outside, no
// tooltip shows.
func (c *graphCanvas) syncHover() {
	if !c.hovering {
		c.ex.hover(-1)
		c.hideTooltip()
		return
	}
	if c.drag != dragNone {
		c.hideTooltip()
		return
	}
	i, ok := c.nodeAt(c.mouse)
	if !ok {
		i = -1
	}
	c.ex.hover(i)
	c.updateTooltip()
}
