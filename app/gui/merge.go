package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// mergeChosen opens the merge dialog for the selected entities.
func (u *ui) mergeChosen() { u.mergeDialog(u.ex.chosenIDs()) }

// mergeDialog asks which entity to keep and, for each field whose values
// differ (type, label, properties), which value the merged entity takes;
// confirming applies view.MergeCommand: one Batch, one undo.
func (u *ui) mergeDialog(ids []string) {
	g := u.ex.g
	if len(ids) < 2 {
		return
	}
	conflicts, err := view.MergeConflicts(g, ids)
	if err != nil {
		u.showError(err)
		return
	}
	names := make([]string, len(ids))
	for k, id := range ids {
		i, _ := g.NodeIndex(id)
		names[k] = fmt.Sprintf("%s (%s, id %s)", nameOf(g.Node(i)), typeLabel(g, g.Node(i).Type), id)
	}
	keep := widget.NewSelect(names, nil)
	choices := make([]*widget.Select, len(conflicts))
	for k, c := range conflicts {
		opts := make([]string, len(c.Values))
		for j, v := range c.Values {
			opts[j] = fmt.Sprintf("%s  (%s)", propString(v), c.From[j])
		}
		choices[k] = widget.NewSelect(opts, nil)
	}
	// the kept entity's values are the default choices
	keep.OnChanged = func(string) {
		i, _ := g.NodeIndex(ids[keep.SelectedIndex()])
		nd := g.Node(i)
		for k, c := range conflicts {
			v, ok := fieldValue(nd, c.Field)
			for j, x := range c.Values {
				if ok && propString(x) == propString(v) {
					choices[k].SetSelectedIndex(j)
				}
			}
			if choices[k].SelectedIndex() < 0 {
				choices[k].SetSelectedIndex(0)
			}
		}
	}
	keep.SetSelectedIndex(0)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Keep"), keep)}
	for k, c := range conflicts {
		items = append(items, widget.NewFormItem(conflictName(c.Field), choices[k]))
	}
	if len(conflicts) == 0 {
		items = append(items, widget.NewFormItem("", widget.NewLabel(lang.L("No conflicting values."))))
	}
	items = append(items, widget.NewFormItem("", lowWrap(lang.L("Relations, aliases, properties and sources are combined; the other labels become aliases. Edit › Undo separates them again."))))
	u.formDialog(fmt.Sprintf(lang.L("Merge %d entities"), len(ids)), lang.L("Merge"), items, func() error {
		into := ids[keep.SelectedIndex()]
		chosen := map[string]any{}
		for k, c := range conflicts {
			if j := choices[k].SelectedIndex(); j >= 0 {
				chosen[c.Field] = c.Values[j]
			}
		}
		cmd, err := view.MergeCommand(g, ids, into, chosen)
		if err != nil {
			return err
		}
		if err := u.apply(cmd); err != nil {
			return err
		}
		if i, ok := u.ex.g.NodeIndex(into); ok {
			u.selectNode(i, false)
		}
		return nil
	})
}

// fieldValue is an entity's value for a conflict's field.
func fieldValue(nd *graph.Node, field string) (any, bool) {
	switch field {
	case "type":
		return nd.Type, true
	case "label":
		return nd.Label, true
	}
	if len(field) > 6 && field[:6] == "props." {
		v, ok := nd.Props.Get(field[6:])
		return v, ok
	}
	return nil, false
}

// conflictName names a conflict's field in the dialog.
func conflictName(field string) string {
	switch field {
	case "type":
		return lang.L("Type")
	case "label":
		return lang.L("Label")

	}
	return field[len("props."):]
}

// duplicatesPanel is the "Possible duplicates" dialog: pairs found by
// view.Duplicates, computed on a snapshot off the UI goroutine, each with
// a Merge button.
type duplicatesPanel struct {
	u     *ui
	g     *graph.Graph // the snapshot the pairs index
	pairs []view.DuplicatePair
	list  *fyne.Container
	state *widget.Label
	task  *task.Task[[]view.DuplicatePair, noProgress]
	dlg   dialog.Dialog
}

// showDuplicates opens the Possible duplicates dialog and starts the
// search.
func (u *ui) showDuplicates() {
	p := &duplicatesPanel{u: u, list: container.NewVBox(), state: widget.NewLabel(lang.L("Looking for duplicates…"))}
	p.task = newTask[[]view.DuplicatePair, noProgress]()
	scr := container.NewVScroll(p.list)
	scr.SetMinSize(fyne.NewSize(560, 360))
	p.dlg = dialog.NewCustom(lang.L("Possible duplicates"), lang.L("Close"), container.NewBorder(p.state, nil, nil, nil, scr), u.win)
	p.dlg.SetOnClosed(func() { p.task.Cancel() })
	u.dups = p
	p.dlg.Show()
	p.refresh()
}

// refresh searches the graph as it is now.
func (p *duplicatesPanel) refresh() {
	g := p.u.ex.snapshot()
	p.task.Start(func(ctx context.Context, _ func(noProgress)) ([]view.DuplicatePair, error) {
		return view.Duplicates(ctx, g)
	}, func(pairs []view.DuplicatePair, err error) {
		if err != nil {
			p.state.SetText(i18n.Message(err))
			return
		}
		p.show(g, pairs)
	})
}

// show lists the pairs found in g.
func (p *duplicatesPanel) show(g *graph.Graph, pairs []view.DuplicatePair) {
	p.g, p.pairs = g, pairs
	p.list.RemoveAll()
	switch len(pairs) {
	case 0:
		p.state.SetText(lang.L("No likely duplicates: no two entities share a name or an alias."))
	case 1:
		p.state.SetText(lang.L("1 pair of entities that may be the same:"))
	default:
		p.state.SetText(fmt.Sprintf(lang.L("%d pairs of entities that may be the same:"), len(pairs)))
	}
	for _, d := range pairs {
		a, b := g.Node(d.A), g.Node(d.B)
		ids := []string{a.ID, b.ID}
		text := fmt.Sprintf("%s (%s) · %s (%s) — %s", nameOf(a), a.Type, nameOf(b), b.Type, d.Reason)
		merge := widget.NewButton(lang.L("Merge…"), func() {
			p.dlg.Hide()
			p.u.mergeDialog(ids)
		})
		p.list.Add(container.NewBorder(nil, nil, nil, merge, widget.NewLabel(text)))
	}
}
