package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// TestResolveEndsInParallel decodes a graph big enough for resolveEnds to
// split the lookups among goroutines (run it with -race) and checks every
// relation's ends, and that unknown ends are still reported in file order.
func TestResolveEndsInParallel(t *testing.T) {
	const nodes, edges = 1000, 45000
	var b bytes.Buffer
	b.WriteString("{\"nodes\": [\n")
	for i := 0; i < nodes; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "n%d", "type": "t"}`, i)
	}
	b.WriteString("],\n\"edges\": [\n")
	end := func(k int) string { return fmt.Sprintf("n%d", (k*7919)%nodes) }
	for k := 0; k < edges; k++ {
		if k > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"source": %q, "target": %q, "type": "r"}`, end(k), end(k+1))
	}
	b.WriteString("]}\n")
	g, err := Decode("big.json", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.EdgeCount() != edges {
		t.Fatalf("%d relations", g.EdgeCount())
	}
	for k := int32(0); k < edges; k++ {
		e := g.Edge(k)
		if g.Node(e.From).ID != end(int(k)) || g.Node(e.To).ID != end(int(k)+1) {
			t.Fatalf("relation %d joins %s and %s, want %s and %s", k, g.Node(e.From).ID, g.Node(e.To).ID, end(int(k)), end(int(k)+1))
		}
	}

	// Break one end near the start and one near the end of the list.
	data := bytes.Replace(b.Bytes(), []byte(`{"source": "n0",`), []byte(`{"source": "x0",`), 1)
	data = bytes.Replace(data, []byte(fmt.Sprintf(`"target": %q, "type": "r"}]}`, end(edges))), []byte(`"target": "y1", "type": "r"}]}`), 1)
	_, err = Decode("big.json", data, Options{})
	var list *ErrorList
	if !errors.As(err, &list) || len(list.Errors) != 2 {
		t.Fatalf("got %v, want two problems", err)
	}
	if e := list.Errors[0]; e.Line != nodes+3 || e.Msg != `relation 1: source "x0" is not the id of any entity` {
		t.Errorf("first problem %v", e)
	}
	if e := list.Errors[1]; e.Line != nodes+2+edges || e.Msg != fmt.Sprintf(`relation %d: target "y1" is not the id of any entity`, edges) {
		t.Errorf("second problem %v", e)
	}
}
