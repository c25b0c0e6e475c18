package gui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// The multi-selection: the entities chosen with Shift-click or the rubber
// band, which moves, hides, groups, merges and deletes together. It lives
// in the explorer (chosen) beside the single selection (selected, whose
// details the panel shows), which is one of them when set.

// Chart settings the window keeps in the chart (graph.SetChart), so that
// filter changes are undoable and saved with the workspace.
const (
	chartAsOf         = "as-of"         // the timeline's day, YYYY-MM-DD
	chartHideIsolated = "hide-isolated" // "true"
	chartFrom         = "from"          // the timeline range's first day, YYYY-MM-DD
	chartUndated      = "undated"       // "true": undated relations show while time is limited
)

// chooseOnly makes i (or nothing, for -1) the whole multi-selection.
func (ex *explorer) chooseOnly(i int32) {
	if i < 0 {
		ex.chosen = nil
		return
	}
	ex.chosen = map[int32]bool{i: true}
}

// toggleChosen adds entity i to the multi-selection, or takes it out
// (Shift-click). The single selection follows: the entity added, or
// another chosen one when it is taken out.
func (ex *explorer) toggleChosen(i int32) {
	if i < 0 || int(i) >= ex.g.NodeCount() {
		return
	}
	if ex.chosen == nil {
		ex.chosen = map[int32]bool{}
		if ex.selected >= 0 {
			ex.chosen[ex.selected] = true
		}
	}
	if ex.chosen[i] {
		delete(ex.chosen, i)
		if ex.selected == i {
			ex.selected = -1
			if l := ex.chosenList(); len(l) > 0 {
				ex.selected = l[0]
			}
		}
	} else {
		ex.chosen[i] = true
		ex.selected = i
	}
	ex.selectionChanged()
}

// setChosen replaces the multi-selection (the rubber band); the first is
// the single selection.
func (ex *explorer) setChosen(list []int32) {
	ex.chosen = map[int32]bool{}
	ex.selected = -1
	for _, i := range list {
		if i >= 0 && int(i) < ex.g.NodeCount() {
			ex.chosen[i] = true
			if ex.selected < 0 {
				ex.selected = i
			}
		}
	}
	ex.selectionChanged()
}

// selectionChanged tells the panels and the scene.
func (ex *explorer) selectionChanged() {
	ex.updateHighlight()
	for _, fn := range ex.onSelect {
		fn()
	}
}

// chosenList is the multi-selection in index order (the single selection
// alone when the set is empty).
func (ex *explorer) chosenList() []int32 {
	if len(ex.chosen) == 0 {
		if ex.selected >= 0 {
			return []int32{ex.selected}
		}
		return nil
	}
	out := make([]int32, 0, len(ex.chosen))
	for i := range ex.chosen {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// chosenIDs is chosenList as entity ids.
func (ex *explorer) chosenIDs() []string {
	l := ex.chosenList()
	ids := make([]string, len(l))
	for k, i := range l {
		ids[k] = ex.g.Node(i).ID
	}
	return ids
}

// dropChosenFrom takes entities n and above out of the multi-selection
// (the graph shrank).
func (ex *explorer) dropChosenFrom(n int32) {
	for i := range ex.chosen {
		if i >= n {
			delete(ex.chosen, i)
		}
	}
}

// chooseIDs selects the entities with these ids (after the window was
// rebuilt), the first being the single selection.
func (ex *explorer) chooseIDs(ids []string) {
	var list []int32
	for _, id := range ids {
		if i, ok := ex.g.NodeIndex(id); ok {
			list = append(list, i)
		}
	}
	if len(list) == 0 {
		return
	}
	ex.setChosen(list)
}

// readChart takes the filters kept in the chart (the timeline's day and
// hide isolated; hidden types are read by view.Visible itself).
func (ex *explorer) readChart() {
	st := ex.g.Chart().Settings
	ex.filter.asOf = parseDayKey(st[chartAsOf])
	ex.filter.hideIsolated = st[chartHideIsolated] == "true"
	ex.filter.from = parseDayKey(st[chartFrom])
	ex.filter.showUndated = st[chartUndated] == "true"
}

// parseDayKey turns YYYY-MM-DD into a YYYYMMDD key (0 when empty or not a
// day).
func parseDayKey(s string) int32 {
	if s == "" {
		return 0
	}
	d, err := graph.ParseDate(s)
	if err != nil {
		return 0
	}
	return d.First()
}

// dayKeyString turns a YYYYMMDD key into YYYY-MM-DD ("" for 0).
func dayKeyString(key int32) string {
	if key == 0 {
		return ""
	}
	y, m, d := key/10000, key/100%100, key%100
	return pad(int(y), 4) + "-" + pad(int(m), 2) + "-" + pad(int(d), 2)
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	if len(s) < w {
		s = strings.Repeat("0", w-len(s)) + s
	}
	return s
}

// nodesInRect returns the visible entities whose centre lies in the
// world rectangle with corners a and b.
func (ex *explorer) nodesInRect(a, b render.Point) []int32 {
	minX, maxX := min(a.X, b.X), max(a.X, b.X)
	minY, maxY := min(a.Y, b.Y), max(a.Y, b.Y)
	var out []int32
	for i, p := range ex.pos {
		if ex.nodeVisible(int32(i)) && p.X >= minX && p.X <= maxX && p.Y >= minY && p.Y <= maxY {
			out = append(out, int32(i))
		}
	}
	return out
}
