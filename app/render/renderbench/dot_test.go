package renderbench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/linkscope/linkscope/app/render"
)

// TestWriteDOT writes the benchmark frames' drawings as DOT into
// $RENDER_DOT (skipped when unset) for `neato -n2 -Tpng`: the same
// positions in the 1920×1080 frame, the same disc sizes and colours, no
// labels (the frames have none at this zoom).
func TestWriteDOT(t *testing.T) {
	dir := os.Getenv("RENDER_DOT")
	if dir == "" {
		t.Skip("set RENDER_DOT=DIR to write the DOT files")
	}
	for _, c := range []struct{ n, iters int }{{10000, 300}, {100000, 100}} {
		g, s := synthScene(t, c.n, c.iters)
		v := render.Fit(s, 1920, 1080, 1, 10)
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("synth-%d.dot", c.n)))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		fmt.Fprintf(w, "digraph G {\n  graph [bb=\"0,0,1920,1080\", size=\"20,11.25!\", dpi=96, outputorder=edgesfirst];\n")
		fmt.Fprintf(w, "  node [shape=circle, style=filled, fixedsize=true, label=\"\", penwidth=0];\n  edge [color=\"#6e74804d\", arrowhead=none];\n")
		types := s.Types()
		for i := 0; i < g.NodeCount(); i++ {
			x, y := v.ToScreen(s.Positions()[i])
			r := render.ScreenRadius(s, v, int32(i))
			c := types[s.NodeType(int32(i))].Style.Color
			fmt.Fprintf(w, "  n%d [pos=\"%.2f,%.2f!\", width=%.4f, fillcolor=\"#%02x%02x%02x\"];\n", i, x, 1080-y, 2*r/72, c.R, c.G, c.B)
		}
		for e := 0; e < g.EdgeCount(); e++ {
			ed := g.Edge(int32(e))
			fmt.Fprintf(w, "  n%d -> n%d;\n", ed.From, ed.To)
		}
		fmt.Fprintln(w, "}")
		w.Flush()
		f.Close()
	}
}
