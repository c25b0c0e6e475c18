package gui

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph/layout"
)

func TestBudgetFor(t *testing.T) {
	if got := budgetFor(-1, 100000); got != 0 {
		t.Fatalf("no limit gave %v", got)
	}
	if got := budgetFor(0, 100000); got != layoutBudget(100000) {
		t.Fatalf("automatic gave %v, want %v", got, layoutBudget(100000))
	}
	if got := budgetFor(120, 10); got != 2*time.Minute {
		t.Fatalf("120 s gave %v", got)
	}
	if layoutBudget(50) >= layoutBudget(100000) || layoutBudget(100000) >= layoutBudget(1000000) {
		t.Fatal("the automatic budget must grow with the graph")
	}
}

func TestLayoutBudgetIsRememberedAndApplied(t *testing.T) {
	u := newTestUI(t)
	if u.runner == nil {
		t.Fatal("no layout runner")
	}
	n := u.ex.g.NodeCount()
	if got := u.runner.Budget(); got != layoutBudget(n) {
		t.Fatalf("budget %v, want the automatic %v", got, layoutBudget(n))
	}
	u.setLayoutBudget(60)
	if got := u.runner.Budget(); got != time.Minute {
		t.Fatalf("budget %v after choosing 1 min", got)
	}
	if got := u.prefs.budgetSetting(); got != 60 {
		t.Fatalf("remembered %d", got)
	}
	// the menu shows the choice
	var checked []string
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Layout Time Budget" {
				for _, c := range it.ChildMenu.Items {
					if c.Checked {
						checked = append(checked, c.Label)
					}
				}
			}
		}
	}
	if len(checked) != 1 || checked[0] != "1 min" {
		t.Fatalf("checked budget items %q, want [1 min]", checked)
	}
	// a setting that is not offered reads as automatic
	u.prefs.p.SetInt(prefLayoutBudget, 7)
	if got := u.prefs.budgetSetting(); got != 0 {
		t.Fatalf("an unknown setting read as %d", got)
	}
}

func TestLayoutStatusSaysConvergedOnlyWhenItIs(t *testing.T) {
	u := newTestUI(t)
	u.layoutName = layoutFA2
	u.setLayoutBudget(30)
	for _, c := range []struct {
		end  layoutEnd
		want string
		not  string
	}{
		{endConverged, "layout converged (500 steps)", "budget"},
		{endBudget, "layout stopped after its time budget (30 s, 500 steps; ▶ continues)", "converged"},
		{endFixed, "layout done (500 steps)", "converged"},
	} {
		u.layoutIter, u.layoutEnd = 500, c.end
		u.layoutState(task.Done)
		if !strings.Contains(u.status.Text, c.want) || strings.Contains(u.status.Text, c.not) {
			t.Errorf("status %q, want %q (and not %q)", u.status.Text, c.want, c.not)
		}
	}
}

// The runner ends a run by the criterion or by the budget, as the steps
// and the criterion say (the criterion's settings make each outcome
// certain, whatever the machine's speed).
func TestLayoutRunEndsByCriterionOrBudget(t *testing.T) {
	g := clearview(t)
	s := newExplorer(g, "").scene
	noProgress := func(layoutProgress) {}

	r, err := newLayoutRunner(g, s, view.StartPositions(g, view.DefaultSeed))
	if err != nil {
		t.Fatal(err)
	}
	// any block is below this threshold: converged after one block (then
	// once more after the size-adjusting refinement)
	r.conv = &layout.Convergence{Threshold: math.Inf(1), Window: 5, MinBlocks: 3, MinImprove: 0.01}
	r.conv.Reset()
	r.SetBudget(0)
	res, err := r.run(context.Background(), noProgress)
	if err != nil {
		t.Fatal(err)
	}
	// the first step's positions start the criterion, 5 more make a block;
	// the refinement starts it again
	if res.end != endConverged || res.iter != 12 {
		t.Fatalf("ended %v after %d steps, want converged after 12 (twice 1+5)", res.end, res.iter)
	}

	r2, err := newLayoutRunner(g, s, view.StartPositions(g, view.DefaultSeed))
	if err != nil {
		t.Fatal(err)
	}
	// a criterion that never holds and a budget spent by the first step
	r2.conv = &layout.Convergence{Threshold: 0, Window: 1 << 30}
	r2.conv.Reset()
	r2.SetBudget(time.Nanosecond)
	res, err = r2.run(context.Background(), noProgress)
	if err != nil {
		t.Fatal(err)
	}
	if res.end != endBudget || res.iter != 1 {
		t.Fatalf("ended %v after %d steps, want the budget after 1", res.end, res.iter)
	}

	// a cancelled run (a pause) reports neither
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r2.run(ctx, noProgress); err == nil {
		t.Fatal("a cancelled run returned no error")
	}
}

// keepRunning makes r's runs go on until they are paused or cancelled:
// no budget to speak of and a criterion that never holds (a small graph
// converges within a few publications otherwise).
func keepRunning(r *layoutRunner) {
	r.SetBudget(time.Hour)
	r.conv = &layout.Convergence{Threshold: 0, Window: 1 << 30}
	r.conv.Reset()
}
