package gui

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/graph"
)

// savedViewPrefix starts the chart settings that keep a named view: the
// highlighted entities and relations, as JSON of their ids.
const savedViewPrefix = "view:"

// savedView is a named view's setting value.
type savedView struct {
	Entities  []string `json:"entities"`
	Relations []string `json:"relations,omitempty"`
}

// savedViews is the Paths tab's "Saved views": save what is highlighted
// under a name (graph.SetChart, undoable and saved with the workspace),
// reopen or delete it.
type savedViews struct {
	u       *ui
	list    *widget.Select
	content fyne.CanvasObject
	built   string
}

func newSavedViews(u *ui) *savedViews {
	v := &savedViews{u: u}
	v.list = widget.NewSelect(nil, func(name string) {
		if name != "" {
			v.open(name)
		}
	})
	v.list.PlaceHolder = lang.L("(no saved view)")
	save := widget.NewButton(lang.L("Save highlighted as view…"), v.askSave)
	del := widget.NewButton(lang.L("Delete"), func() {
		if name := v.list.Selected; name != "" {
			u.do(graph.SetChart{Key: savedViewPrefix + name})
		}
	})
	del.Importance = widget.LowImportance
	v.content = container.NewVBox(
		lowWrap(lang.L("Keep the highlighted path, network or cluster under a name; Export Snapshot draws it.")),
		save, container.NewBorder(nil, nil, nil, del, v.list))
	v.refresh()
	u.ex.onFilter = append(u.ex.onFilter, v.refresh)
	return v
}

// names lists the chart's saved views.
func savedViewNames(g *graph.Graph) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(g.Chart().Settings)) {
		if name, ok := strings.CutPrefix(k, savedViewPrefix); ok && g.Chart().Settings[k] != "" {
			out = append(out, name)
		}
	}
	return out
}

// refresh lists the saved views again when they changed.
func (v *savedViews) refresh() {
	names := savedViewNames(v.u.ex.g)
	if key := strings.Join(names, "\n"); key != v.built {
		v.built = key
		v.list.SetOptions(names)
		if !slices.Contains(names, v.list.Selected) {
			v.list.ClearSelected()
		}
	}
}

// askSave asks for a name and saves the highlight.
func (v *savedViews) askSave() {
	ex := v.u.ex
	if ex.pathNodes == nil && ex.pathEdges == nil {
		dialog.ShowInformation(lang.L("Save view"), lang.L("Nothing is highlighted: choose a path, network or cluster first."), v.u.win)
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(lang.L("Name"))
	dialog.ShowForm(lang.L("Save view"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func(ok bool) {
		if n := strings.TrimSpace(name.Text); ok && n != "" {
			v.save(n)
		}
	}, v.u.win)
}

// save keeps the highlighted entities and relations as view name.
func (v *savedViews) save(name string) bool {
	ex := v.u.ex
	sv := savedView{}
	for _, i := range uniq(ex.pathNodes) {
		sv.Entities = append(sv.Entities, ex.g.Node(i).ID)
	}
	for _, e := range uniq(ex.pathEdges) {
		sv.Relations = append(sv.Relations, ex.g.Edge(e).ID)
	}
	b, _ := json.Marshal(sv)
	return v.u.do(graph.SetChart{Key: savedViewPrefix + name, Value: string(b)})
}

// open highlights saved view name and brings it into view.
func (v *savedViews) open(name string) {
	ex := v.u.ex
	var sv savedView
	if err := json.Unmarshal([]byte(ex.g.Chart().Settings[savedViewPrefix+name]), &sv); err != nil {
		v.u.showError(err)
		return
	}
	nodes, edges := []int32{}, []int32{}
	for _, id := range sv.Entities {
		if i, ok := ex.g.NodeIndex(id); ok {
			nodes = append(nodes, i)
		}
	}
	rel := map[string]bool{}
	for _, id := range sv.Relations {
		rel[id] = true
	}
	for e := 0; e < ex.g.EdgeCount() && len(rel) > 0; e++ {
		if rel[ex.g.Edge(int32(e)).ID] {
			edges = append(edges, int32(e))
		}
	}
	ex.setPath(nodes, edges)
	v.u.canvas.showNodes(nodes)
}
