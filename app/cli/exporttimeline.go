package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// exportTimeline writes the i2-style timeline of --entities (the most
// connected few when absent) as PNG or SVG, with the renderer the
// window's timeline view uses.
func exportTimeline(env *Env, g *graph.Graph, f *exportFlags, theme render.Theme, ext string) error {
	var ids []int32
	if f.entities == "" {
		ids = view.TimelineEntities(g, nil, 6)
	} else {
		for _, id := range strings.Split(f.entities, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			i, ok := g.NodeIndex(id)
			if !ok {
				return usagef("--entities: no entity %q (give ids; `linkscope find` finds them)", id)
			}
			ids = append(ids, i)
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("no entity has a dated relation: no timeline to draw")
	}
	title := g.Title
	if f.titleSet {
		title = f.title
	}
	s := view.Timeline(g, view.TimelineSpec{Entities: ids, Selected: -1, SelectedEdge: -1, Title: title})
	h := f.height
	if !f.heightSet {
		h = min(2000, 150+110*len(s.Lines))
	}
	o := render.TimelineOptions{Theme: theme, Width: f.width, Height: h, Scale: f.scale}
	err := writeFile(f.out, func(w io.Writer) error {
		if ext == ".png" {
			return render.WriteTimelinePNG(w, s, o)
		}
		return render.WriteTimelineSVG(w, s, o)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %s (timeline: %d entities, %d events)\n", f.out, len(s.Lines), len(s.Events))
	return nil
}
