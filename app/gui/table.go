package gui

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/task"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// newTable makes the entity table of the graph on screen (shown in its
// own window, Analysis › Entity Table, when open).
func (u *ui) newTable() {
	u.table = newTablePanel(u.ex, func(i int32) { u.selectNode(i, true) })
	if u.tableWin != nil {
		u.tableWin.SetContent(u.table.content)
	}
}

// showTable opens (or brings up) the entity table's window; closing it
// only hides it.
func (u *ui) showTable() {
	if u.tableWin == nil {
		w := u.app.NewWindow(lang.L("Entities") + " — Linkscope")
		w.SetCloseIntercept(w.Hide)
		w.Resize(fyne.NewSize(720, 560))
		u.tableWin = w
	}
	u.tableWin.SetContent(u.table.content)
	u.tableWin.Show()
	u.tableWin.RequestFocus()
}

// tableSyncLimit is the most rows sorted on the UI goroutine; larger
// tables sort in the table's task.
const tableSyncLimit = 20000

// tablePanel is the Table tab: the visible entities with label, type,
// degree and every computed measure, sorted by clicking a column's
// header; choosing a row selects the entity. The table is virtual (only
// the rows on screen are laid out).
type tablePanel struct {
	ex       *explorer
	table    *widget.Table
	rows     []int32  // entity indices in display order
	measures []string // the measure columns
	sortCol  int
	desc     bool
	built    string // measureSet the columns were made for
	// groups names each partition measure's groups (view.PartitionGroups)
	groups   map[string]map[float64]string
	sorter   *task.Task[[]int32, noProgress]
	onSelect func(int32)
	content  fyne.CanvasObject
}

const (
	colLabel = iota
	colType
	colDegree
	colMeasures
)

func newTablePanel(ex *explorer, onSelect func(int32)) *tablePanel {
	p := &tablePanel{ex: ex, onSelect: onSelect, sortCol: colDegree, desc: true}
	p.sorter = newTask[[]int32, noProgress]()
	p.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(p.rows), colMeasures + len(p.measures) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(p.rows) {
				o.(*widget.Label).SetText(p.cell(p.rows[id.Row], id.Col))
			}
		})
	p.table.ShowHeaderColumn = false
	p.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Row >= 0 || id.Col < 0 {
			return
		}
		text := p.header(id.Col)
		if id.Col == p.sortCol {
			if p.desc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { p.sortBy(col) }
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.rows) && p.onSelect != nil {
			p.onSelect(p.rows[id.Row])
		}
	}
	p.content = p.table
	ex.onFilter = append(ex.onFilter, p.reload)
	p.reload()
	return p
}

func (p *tablePanel) header(col int) string {
	switch col {
	case colLabel:
		return lang.L("Label")
	case colType:
		return lang.L("Type")
	case colDegree:
		return lang.L("Degree")
	}
	if k := col - colMeasures; k < len(p.measures) {
		return view.MeasureLabel(p.measures[k])
	}
	return ""
}

func (p *tablePanel) cell(i int32, col int) string {
	g := p.ex.g
	if int(i) >= g.NodeCount() {
		return ""
	}
	switch col {
	case colLabel:
		n := g.Node(i)
		if n.Label == "" {
			return n.ID
		}
		return n.Label
	case colType:
		return g.Node(i).Type
	case colDegree:
		return itoa(int(g.Topology().Degree[i]))
	}
	if k := col - colMeasures; k < len(p.measures) {
		v, ok := g.MeasureOf(p.measures[k], i)
		if !ok {
			return "–"
		}
		if names := p.groups[p.measures[k]]; names != nil {
			return names[v]
		}
		return view.FormatValue(v)
	}
	return ""
}

// reload lists the visible entities again (after a filter or measure
// change) in the current order.
func (p *tablePanel) reload() {
	g := p.ex.g
	if s := measureSet(g); s != p.built {
		p.built = s
		p.measures = slices.Sorted(maps.Keys(g.Chart().Measures))
		p.groups = map[string]map[float64]string{}
		for _, name := range p.measures {
			if m := g.Chart().Measures[name]; m.Partition {
				names := map[float64]string{}
				for k, grp := range view.PartitionGroups(g, m) {
					names[grp.Value] = fmt.Sprintf("%d · %s", k+1, grp.Name)
				}
				p.groups[name] = names
			}
		}
		if p.sortCol >= colMeasures+len(p.measures) {
			p.sortCol, p.desc = colDegree, true
		}
		for c := 0; c < colMeasures+len(p.measures); c++ {
			w := float32(92)
			switch c {
			case colLabel:
				w = 150
			case colType:
				w = 88
			default:
				if k := c - colMeasures; k >= 0 && p.groups[p.measures[k]] != nil {
					w = 150 // "2 · Privacy International"
				}
			}
			p.table.SetColumnWidth(c, w)
		}
	}
	p.sort()
}

// sortBy sorts by column col (again: the other way).
func (p *tablePanel) sortBy(col int) {
	if col == p.sortCol {
		p.desc = !p.desc
	} else {
		// numbers highest first; text and partition groups (largest
		// first) in order
		p.sortCol, p.desc = col, col >= colDegree
		if k := col - colMeasures; k >= 0 && k < len(p.measures) && p.groups[p.measures[k]] != nil {
			p.desc = false
		}
	}
	p.sort()
}

// sort orders the visible entities by the sort column: here for small
// tables, in the sorter task (on a snapshot) for large ones.
func (p *tablePanel) sort() {
	rows := p.ex.visibility().NodeList()
	g := p.ex.snapshot()
	col, desc := p.sortCol, p.desc
	var measure string
	if k := col - colMeasures; k >= 0 && k < len(p.measures) {
		measure = p.measures[k]
	}
	if len(rows) <= tableSyncLimit {
		sortRows(context.Background(), g, rows, col, measure, desc)
		p.show(rows)
		return
	}
	p.sorter.Start(func(ctx context.Context, _ func(noProgress)) ([]int32, error) {
		return rows, sortRows(ctx, g, rows, col, measure, desc)
	}, func(r []int32, err error) {
		if err == nil {
			p.show(r)
		}
	})
}

func (p *tablePanel) show(rows []int32) {
	p.rows = rows
	p.table.UnselectAll()
	p.table.Refresh()
}

// sortRows sorts rows of g by column col (measure names a measure
// column), ties by label then index.
func sortRows(ctx context.Context, g *graph.Graph, rows []int32, col int, measure string, desc bool) error {
	n := len(rows)
	key := make([]float64, g.NodeCount())
	var text []string
	switch {
	case col == colLabel || col == colType:
		text = make([]string, g.NodeCount())
		for _, i := range rows {
			nd := g.Node(i)
			if col == colType {
				text[i] = nd.Type
			} else if text[i] = strings.ToLower(nd.Label); text[i] == "" {
				text[i] = strings.ToLower(nd.ID)
			}
		}
	case col == colDegree:
		for _, i := range rows {
			key[i] = float64(g.Topology().Degree[i])
		}
	default:
		m := g.Chart().Measures[measure]
		for _, i := range rows {
			v, ok := 0.0, false
			if m != nil {
				v, ok = m.Values[g.Node(i).ID]
			}
			if !ok || !graph.Finite(v) {
				v = math.NaN()
			}
			key[i] = v
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	less := func(a, b int32) int {
		if text != nil {
			return strings.Compare(text[a], text[b])
		}
		x, y := key[a], key[b]
		switch {
		case math.IsNaN(x) && math.IsNaN(y):
			return 0
		case math.IsNaN(x):
			return 1
		case math.IsNaN(y):
			return -1
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	sort.SliceStable(rows[:n], func(a, b int) bool {
		c := less(rows[a], rows[b])
		if desc && !(text == nil && (math.IsNaN(key[rows[a]]) || math.IsNaN(key[rows[b]]))) {
			c = -c
		}
		if c != 0 {
			return c < 0
		}
		return rows[a] < rows[b]
	})
	return ctx.Err()
}
