package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The details panel never shows an entity that is not on the chart
// without saying so: when the selected entity is hidden (its type
// switched off, outside the neighbourhood shown, left without visible
// relations by the timeline or a relation type) the panel opens with a
// note saying why, and each relation the filters hide says so. A filter
// change that changes what the panel says rebuilds it; a graph replaced
// (a new file, a deletion or merge, which rebuild the window) starts with
// nothing selected, and an entity that is gone is never selected
// (explorer.selectNode, grown).

// watchFilters rebuilds the panel when a filter change changes what it
// says about the selection.
func (p *detailsPanel) watchFilters() {
	sig := p.visibilitySig()
	p.ex.onSelect = append(p.ex.onSelect, func() { sig = p.visibilitySig() })
	p.ex.onFilter = append(p.ex.onFilter, func() {
		if s := p.visibilitySig(); s != sig {
			sig = s
			p.update()
		}
	})
}

// visibilitySig sums up what the filters decide about the selection: the
// entity shown or not, each of its relations shown or not.
func (p *detailsPanel) visibilitySig() string {
	i := p.ex.selected
	if i < 0 || int(i) >= p.ex.g.NodeCount() {
		return ""
	}
	b := make([]byte, 0, 1+len(p.ex.g.Out(i))+len(p.ex.g.In(i)))
	bit := func(on bool) byte {
		if on {
			return '1'
		}
		return '0'
	}
	b = append(b, bit(p.ex.nodeVisible(i)))
	for _, e := range p.ex.g.Out(i) {
		b = append(b, bit(p.ex.edgeVisible(e)))
	}
	for _, e := range p.ex.g.In(i) {
		b = append(b, bit(p.ex.edgeVisible(e)))
	}
	return string(b)
}

// hiddenNote is the note that opens the details of a hidden entity (nil
// when it is on the chart).
func (p *detailsPanel) hiddenNote(i int32) fyne.CanvasObject {
	if p.ex.nodeVisible(i) {
		return nil
	}
	l := wrapLabel(lang.L("Not on the chart:") + " " + hiddenReason(p.ex, i))
	l.Importance = widget.WarningImportance
	l.TextStyle.Bold = true
	return l
}

// hiddenReason says why entity i is not on the chart.
func hiddenReason(ex *explorer, i int32) string {
	t := ex.g.Node(i).Type
	switch {
	case ex.filter.nodeTypeOff[t]:
		return fmt.Sprintf(lang.L("its type, %s, is switched off in Filters."), t)
	case ex.g.TypeHidden(t):
		return fmt.Sprintf(lang.L("its type, %s, is hidden on this chart."), t)
	case ex.focus != nil && (int(i) >= len(ex.focus) || !ex.focus[i]):
		return lang.L("it is outside the neighbourhood shown (Esc shows the whole graph).")
	case ex.filter.hideIsolated:
		return lang.L("none of its relations is shown (timeline or relation types), and Filters hides entities without visible relations.")
	}
	return lang.L("hidden by the filters.")

}

// noteIfHidden puts the hidden note at the top of the entity's details.
func (p *detailsPanel) noteIfHidden(i int32) {
	if n := p.hiddenNote(i); n != nil {
		p.box.Objects = append([]fyne.CanvasObject{n}, p.box.Objects...)
		p.box.Refresh()
	}
}
