package gui

import (
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// A theme switch makes Fyne refresh every object of the window on the UI
// goroutine (internal/app.ApplyThemeTo), and a container's Refresh
// refreshes its children again: a label nested n containers deep is
// measured and laid out about n times. The details panel of a selected
// entity is hundreds of wrapped labels nested six to eight deep, which
// made a switch with an entity selected take seconds. So the panel steps
// out of the window while the theme changes and is built again afterwards
// (once, in the new theme).

// suspend takes the panel's content out of the window and returns the
// function that puts it back in the new theme: built off the window, then
// handed to it a few objects per UI turn (feed), so that no turn lays out
// the whole panel.
func (p *detailsPanel) suspend() (restore func()) {
	off := p.scr.Offset
	p.scr.Content = container.NewVBox()
	p.scr.Refresh() // the scroll's renderer lets go of the old content
	return func() {
		live := p.box
		p.box = container.NewVBox() // off the window: nothing is laid out at its size
		p.update()
		objs := p.box.Objects
		p.box = live
		live.Objects = nil
		p.scr.Content = live
		p.scr.Refresh()
		p.feed(objs, off)
	}
}

// feedBudget is how long one UI turn may spend adding rebuilt objects to
// the details panel (at least one is added per turn).
var feedBudget = 15 * time.Millisecond

// feed adds objs to the panel's box in UI turns of about feedBudget each,
// and scrolls to off once all are in. A rebuild of the panel in between
// (a new selection) ends it.
func (p *detailsPanel) feed(objs []fyne.CanvasObject, off fyne.Position) {
	box := p.box
	start := time.Now()
	k := len(box.Objects)
	for k < len(objs) {
		box.Add(objs[k])
		k++
		if time.Since(start) >= feedBudget {
			break
		}
	}
	if k < len(objs) {
		last := objs[k-1]
		postUI(func() {
			// still the objects fed so far, in the same box?
			if p.box != box || len(box.Objects) != k || box.Objects[k-1] != last {
				return
			}
			p.feed(objs, off)
		})
		return
	}
	p.scr.Offset = off
	p.scr.Refresh()
}

// timeThemeSwitch logs, with LINKSCOPE_DEBUG=1, how long a theme switch
// kept the UI goroutine (the call itself) and when the UI goroutine was
// free again (the next function it ran).
func (u *ui) timeThemeSwitch() func() {
	if u.stats == nil {
		return func() {}
	}
	t0 := time.Now()
	return func() {
		sync := time.Since(t0)
		fyne.Do(func() {
			log.Printf("linkscope: theme switch: %v on the UI goroutine, free again after %v", sync.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
		})
	}
}
