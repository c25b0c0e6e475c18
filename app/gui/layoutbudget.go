package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// The layout's time budget: how long one ForceAtlas2 run (a start, a
// resume with ▶, a growth) may go on before it stops unconverged. The
// user chooses it in View › Layout Time Budget; the choice is remembered
// in the preferences (seconds; 0 automatic, by the graph's size; -1 no
// limit).

// prefLayoutBudget is the preference key of the budget.
const prefLayoutBudget = "layout.budget"

// budgetChoices are the budgets offered, in seconds (0: automatic, -1:
// no limit).
var budgetChoices = []int{0, 10, 30, 60, 120, 300, -1}

// budgetFor is the budget of a run on n entities for the setting s (0:
// none).
func budgetFor(s, n int) time.Duration {
	switch {
	case s < 0:
		return 0
	case s == 0:
		return layoutBudget(n)
	}
	return time.Duration(s) * time.Second
}

// layoutBudget is the automatic budget, growing with the graph.
func layoutBudget(n int) time.Duration {
	switch {
	case n > 200000:
		return 120 * time.Second
	case n > 20000:
		// ForceAtlas2 converges after about 500 steps on 100k entities,
		// some 25 s at the engine's speed on a laptop
		return 60 * time.Second
	case n > 1000:
		return 12 * time.Second
	}
	return 4 * time.Second
}

// budgetLabel names a budget setting in the menu.
func budgetLabel(s int) string {
	switch {
	case s < 0:
		return lang.L("No Limit")
	case s == 0:
		return lang.L("Automatic (by size)")
	case s%60 == 0:
		return fmt.Sprintf(lang.L("%d min"), s/60)
	}
	return fmt.Sprintf(lang.L("%d s"), s)
}

// budgetSetting is the remembered setting (0 when it is not one offered).
func (p *prefs) budgetSetting() int {
	s := p.p.IntWithFallback(prefLayoutBudget, 0)
	for _, c := range budgetChoices {
		if c == s {
			return s
		}
	}
	return 0
}

// budgetItem is the View menu's Layout Time Budget submenu.
func (u *ui) budgetItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Layout Time Budget"), nil)
	item.ChildMenu = fyne.NewMenu("")
	cur := u.prefs.budgetSetting()
	for _, s := range budgetChoices {
		it := fyne.NewMenuItem(budgetLabel(s), func() { u.setLayoutBudget(s) })
		it.Checked = s == cur
		item.ChildMenu.Items = append(item.ChildMenu.Items, it)
	}
	return item
}

// setLayoutBudget remembers budget setting s and applies it to the
// layout, the run in flight included.
func (u *ui) setLayoutBudget(s int) {
	u.prefs.p.SetInt(prefLayoutBudget, s)
	u.applyLayoutBudget()
	if u.win != nil {
		u.win.SetMainMenu(u.mainMenu())
	}
}

// applyLayoutBudget gives the runner the remembered budget for its
// graph.
func (u *ui) applyLayoutBudget() {
	if u.runner != nil && u.prefs != nil {
		u.runner.SetBudget(budgetFor(u.prefs.budgetSetting(), u.runner.N()))
	}
}

// layoutDoneText is the status of a ForceAtlas2 run that ended by itself
// after iter steps: converged only when the criterion held.
func layoutDoneText(end layoutEnd, iter int, budget time.Duration) string {
	switch end {
	case endConverged:
		return fmt.Sprintf(lang.L("layout converged (%d steps)"), iter)
	case endBudget:
		return fmt.Sprintf(lang.L("layout stopped after its time budget (%d s, %d steps; ▶ continues)"), int(budget.Round(time.Second)/time.Second), iter)
	}
	return fmt.Sprintf(lang.L("layout done (%d steps)"), iter)
}

// layoutDoneText is the status of the last ForceAtlas2 run.
func (u *ui) layoutDoneText() string {
	var b time.Duration
	if u.runner != nil {
		b = u.runner.Budget()
	}
	return layoutDoneText(u.layoutEnd, u.layoutIter, b)
}
