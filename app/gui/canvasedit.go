package gui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/linkscope/linkscope/app/render"
)

// canvasEdit is the canvas's editing state: the modifier of the last
// press, the entities a drag moves (with where they started), and the
// rubber band.
type canvasEdit struct {
	shift    bool
	dragSet  []int32
	dragFrom []render.Point
	// bandFrom and bandTo are the rubber band's corners (logical pixels).
	bandFrom, bandTo fyne.Position
	band             *canvas.Rectangle
}

// bandRect is the rubber band's rectangle (hidden until a band is drawn).
func (c *graphCanvas) bandRect() *canvas.Rectangle {
	if c.edit.band == nil {
		r := canvas.NewRectangle(color.NRGBA{60, 120, 220, 40})
		r.StrokeColor = color.NRGBA{60, 120, 220, 200}
		r.StrokeWidth = 1
		r.Hide()
		c.edit.band = r
	}
	return c.edit.band
}

// beginNodeDrag starts moving entity i: with the whole multi-selection
// when i is part of it, else alone.
func (c *graphCanvas) beginNodeDrag(i int32) {
	set := []int32{i}
	if c.ex.chosen[i] && len(c.ex.chosen) > 1 {
		set = c.ex.chosenList()
	}
	if _, members, ok := c.ex.groupAt(i); ok {
		set = members // a collapsed group moves its members
	}
	c.edit.dragSet = set
	c.edit.dragFrom = make([]render.Point, len(set))
	for k, j := range set {
		c.edit.dragFrom[k] = c.ex.pos[j]
	}
}

// moveDragged moves the dragged entities by (dx, dy) world units.
func (c *graphCanvas) moveDragged(dx, dy float64) {
	if len(c.edit.dragSet) == 0 {
		return
	}
	set := c.edit.dragSet
	to := make([]render.Point, len(set))
	for k, i := range set {
		if int(i) < len(c.ex.pos) {
			to[k] = render.Point{X: c.ex.pos[i].X + dx, Y: c.ex.pos[i].Y + dy}
		}
	}
	// only the dragged entities change (explorer.moveNodes)
	c.ex.moveNodes(set, to)
	if c.onNodeMoved != nil {
		for k, i := range set {
			if int(i) < len(c.ex.pos) {
				c.onNodeMoved(i, to[k])
			}
		}
	}
}

// endNodeDrag reports the move (one undoable step).
func (c *graphCanvas) endNodeDrag() {
	set, from := c.edit.dragSet, c.edit.dragFrom
	c.edit.dragSet, c.edit.dragFrom = nil, nil
	c.ex.posOwned = false // the drag's copy of the positions is shared from now on
	if len(set) == 0 || c.onDragEnd == nil {
		return
	}
	moved := false
	for k, i := range set {
		if int(i) < len(c.ex.pos) && c.ex.pos[i] != from[k] {
			moved = true
		}
	}
	if moved {
		c.onDragEnd(set, from)
	}
}

// beginBand starts a rubber band at logical point p.
func (c *graphCanvas) beginBand(p fyne.Position) {
	c.edit.bandFrom, c.edit.bandTo = p, p
	c.placeBand()
	c.bandRect().Show()
}

// extendBand moves the band's free corner to p.
func (c *graphCanvas) extendBand(p fyne.Position) {
	c.edit.bandTo = p
	c.placeBand()
}

func (c *graphCanvas) placeBand() {
	a, b := c.edit.bandFrom, c.edit.bandTo
	r := c.bandRect()
	r.Move(fyne.NewPos(float32(math.Min(float64(a.X), float64(b.X))), float32(math.Min(float64(a.Y), float64(b.Y)))))
	r.Resize(fyne.NewSize(float32(math.Abs(float64(b.X-a.X))), float32(math.Abs(float64(b.Y-a.Y)))))
	r.Refresh()
}

// endBand selects the visible entities inside the band.
func (c *graphCanvas) endBand() {
	c.bandRect().Hide()
	nodes := c.ex.nodesInRect(c.worldAt(c.edit.bandFrom), c.worldAt(c.edit.bandTo))
	c.edit.shift = false
	if c.onBand != nil {
		c.onBand(nodes)
	} else {
		c.ex.setChosen(nodes)
	}
}

// TappedSecondary opens the context menu of the entity under the pointer
// (or of the chart on the background).
func (c *graphCanvas) TappedSecondary(ev *fyne.PointEvent) {
	i, hit := c.nodeAt(ev.Position)
	if !hit {
		i = -1
	}
	c.hideTooltip()
	if c.onContext != nil {
		c.onContext(i, ev.AbsolutePosition)
	}
}
