package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNeighbors(t *testing.T) {
	g := defaultGraph(t)
	cnil := mustNode(t, g, "cnil")
	out, errs, code := runPathCLI("neighbors", "--json", "CNIL")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res neighborsJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"cnil": true}
	for _, r := range g.Out(cnil) {
		want[g.Node(g.Edge(r).To).ID] = true
	}
	for _, r := range g.In(cnil) {
		want[g.Node(g.Edge(r).From).ID] = true
	}
	got := map[string]bool{}
	for _, n := range res.Nodes {
		got[n.ID] = true
		if (n.ID == "cnil") != (n.Depth == 0) || (n.Depth > 0 && n.Via == "") {
			t.Errorf("node %+v", n)
		}
	}
	if len(got) != len(want) || len(res.Nodes) != len(want) {
		t.Fatalf("neighbours %v, want %v", got, want)
	}
	for id := range want {
		if !got[id] {
			t.Errorf("missing %s", id)
		}
	}
	for _, e := range res.Edges {
		if !got[e.Source] || !got[e.Target] {
			t.Errorf("edge %+v leaves the neighbourhood", e)
		}
	}
	// Directed, fines only: CNIL fined Clearview and nobody fined CNIL.
	out, _, _ = runPathCLI("neighbors", "--directed", "--types", "fined", "--depth", "3", "cnil")
	if !strings.Contains(out, "clearview-ai") || !strings.Contains(out, "CNIL —fined") || !strings.Contains(out, "2 entities") {
		t.Errorf("directed fines: %q", out)
	}
	out, errs, _ = runPathCLI("neighbors", "--limit", "2", "--depth", "2", "cnil")
	if !strings.Contains(out, "2 entities") || !strings.Contains(errs, "raise --limit") {
		t.Errorf("limit: %q %q", out, errs)
	}
	if _, _, code := runPathCLI("neighbors", "--depth", "-1", "cnil"); code != 2 {
		t.Errorf("negative depth: exit %d", code)
	}
}
