package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/linkscope/linkscope/graph"
)

// pickerSuggestions is the number of suggestions under a picker.
const pickerSuggestions = 6

// entityPicker is an entry with autocomplete: typing lists matching
// entities under it (fuzzy, over labels and aliases); Enter or a click
// chooses one. A button takes the canvas's selection.
type entityPicker struct {
	ex      *explorer
	entry   *escEntry
	list    *fyne.Container
	chosen  int32
	setting bool
	runner  searchRunner
	content fyne.CanvasObject
	// onChange is called when the choice changes.
	onChange func()
	// onSubmit is called after Enter has chosen an entity.
	onSubmit func()
}

func newEntityPicker(ex *explorer, placeholder string) *entityPicker {
	p := &entityPicker{ex: ex, chosen: -1}
	p.entry = newEscEntry()
	p.entry.SetPlaceHolder(placeholder)
	p.entry.OnChanged = func(s string) {
		if p.setting {
			return
		}
		p.chosen = -1
		p.suggest(s)
		if p.onChange != nil {
			p.onChange()
		}
	}
	p.entry.OnSubmitted = func(s string) {
		if m := ex.g.Index().Search(s, 1); len(m) > 0 {
			p.set(m[0].Node)
			if p.onSubmit != nil {
				p.onSubmit()
			}
		}
	}
	p.list = container.NewVBox()
	useSel := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() {
		if ex.selected >= 0 {
			p.set(ex.selected)
		}
	})
	useSel.Importance = widget.LowImportance
	p.content = container.NewVBox(container.NewBorder(nil, nil, nil, useSel, p.entry), p.list)
	return p
}

// set chooses entity i and shows its label.
func (p *entityPicker) set(i int32) {
	p.runner.cancel()
	p.chosen = i
	p.setting = true
	p.entry.SetText(p.ex.g.Node(i).Label)
	p.setting = false
	p.list.RemoveAll()
	if p.onChange != nil {
		p.onChange()
	}
}

// suggest lists the entities matching s.
func (p *entityPicker) suggest(s string) {
	if s == "" {
		p.runner.cancel()
		p.list.RemoveAll()
		return
	}
	p.runner.run(p.ex.snapshot(), s, pickerSuggestions, p.showSuggestions)
}

// showSuggestions lists matches under the entry.
func (p *entityPicker) showSuggestions(ms []graph.Match) {
	p.list.RemoveAll()
	for _, m := range ms {
		i := m.Node
		n := p.ex.g.Node(i)
		text := n.Label + "  ·  " + typeLabel(p.ex.g, n.Type)
		if m.Matched != n.Label {
			text = n.Label + " (“" + m.Matched + "”)  ·  " + typeLabel(p.ex.g, n.Type)
		}
		b := widget.NewButton(text, func() { p.set(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		p.list.Add(b)
	}
}

// node returns the chosen entity: the one picked, else the best match of
// the text; ok is false when nothing matches.
func (p *entityPicker) node() (int32, bool) {
	if p.chosen >= 0 {
		return p.chosen, true
	}
	if p.entry.Text == "" {
		return -1, false
	}
	if r := p.ex.g.Resolve(p.entry.Text); len(r) == 1 {
		return r[0], true
	}
	if m := p.ex.g.Index().Search(p.entry.Text, 1); len(m) > 0 {
		return m[0].Node, true
	}
	return -1, false
}
