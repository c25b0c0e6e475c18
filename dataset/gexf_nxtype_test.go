package dataset

import (
	"strings"
	"testing"
)

// networkx writes a relation's "type" data as the edge's type attribute,
// where GEXF puts the direction: a value that is not a direction is the
// relation's type, and the graph's default direction stands.
func TestGEXFEdgeTypeThatIsNotADirection(t *testing.T) {
	src := `<?xml version="1.0" encoding="utf-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed" mode="static">
    <nodes><node id="cnil" label="CNIL"/><node id="cv" label="Clearview AI"/></nodes>
    <edges>
      <edge source="cnil" target="cv" id="0" type="fined"/>
      <edge source="cv" target="cnil" id="1" type="undirected"/>
    </edges>
  </graph>
</gexf>`
	g, err := ReadGEXF("nx.gexf", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	e0, e1 := g.Edge(0), g.Edge(1)
	if e0.Type != "fined" || e0.Undirected {
		t.Errorf("edge 0: type %q undirected %v, want fined, directed", e0.Type, e0.Undirected)
	}
	if e1.Type != "" || !e1.Undirected {
		t.Errorf("edge 1: type %q undirected %v, want untyped, undirected", e1.Type, e1.Undirected)
	}
}
