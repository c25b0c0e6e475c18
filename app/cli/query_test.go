package cli

import (
	"strings"
	"testing"
)

func TestQueryComplainedAndFined(t *testing.T) {
	g := defaultGraph(t)
	out, errs, code := runPathCLI("query", "--json", "--limit", "1000", `(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	res := checkPathsJSON(t, g, out)
	// Count the matches directly from the relation lists.
	want := 0
	for n := int32(0); n < int32(g.NodeCount()); n++ {
		if g.Node(n).Type != "ngo" {
			continue
		}
		for _, r1 := range g.Out(n) {
			c := g.Edge(r1).To
			if g.Edge(r1).Type != "complained-against" || g.Node(c).Type != "company" {
				continue
			}
			for _, r2 := range g.In(c) {
				reg := g.Edge(r2).From
				if g.Edge(r2).Type == "fined" && g.Node(reg).Type == "regulator" && reg != n {
					want++
				}
			}
		}
	}
	if want == 0 || len(res.Paths) != want || res.Truncated {
		t.Fatalf("%d matches (truncated %v), want %d", len(res.Paths), res.Truncated, want)
	}
	for _, p := range res.Paths {
		if p.Nodes[0].Type != "ngo" || p.Nodes[1].Type != "company" || p.Nodes[2].Type != "regulator" ||
			p.Edges[0].Source != p.Nodes[0].ID || p.Edges[1].Source != p.Nodes[2].ID || p.Edges[1].Type != "fined" {
			t.Fatalf("bad match %+v", p)
		}
		if p.Bindings["c"] != p.Nodes[1].ID || p.Bindings["r"] != p.Nodes[2].ID || len(p.Bindings) != 2 {
			t.Fatalf("bindings %v for %+v", p.Bindings, p.Nodes)
		}
	}
}

func TestQueryShortest(t *testing.T) {
	g := defaultGraph(t)
	out, errs, code := runPathCLI("query", "--json", `SHORTEST 3 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	res := checkPathsJSON(t, g, out)
	pi, wm := g.Named("privacy international"), g.Named("WALMART")
	if len(pi) != 1 || len(wm) != 1 {
		t.Fatalf("names resolve to %v and %v", pi, wm)
	}
	if len(res.Paths) != 3 || res.Paths[0].Length != bfsLength(g, pi[0], wm[0], false) {
		t.Fatalf("%d paths, first %d hops", len(res.Paths), res.Paths[0].Length)
	}
	for i, p := range res.Paths {
		if p.Length > 4 || (i > 0 && p.Length < res.Paths[i-1].Length) || p.Nodes[0].Label != "Privacy International" || p.Nodes[p.Length].Label != "Walmart" {
			t.Errorf("path %d: %+v", i, p)
		}
	}
	// Human output: one line a path, with bindings when there are variables.
	out, _, _ = runPathCLI("query", `SHORTEST 2 (a {name:"Privacy International"})-[*..4]-({name:"Walmart"})`)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "Privacy International ") || !strings.HasSuffix(lines[0], "[a=privacy-international]") {
		t.Errorf("human output %q", out)
	}
}

func TestQueryErrors(t *testing.T) {
	_, errs, code := runPathCLI("query", "(:ngo)-[:complained-against->(c)")
	if code != 1 || !strings.Contains(errs, "expected ']' at column 28") || !strings.Contains(errs, "\n  "+strings.Repeat(" ", 27)+"^") {
		t.Errorf("exit %d, %q", code, errs)
	}
	_, errs, code = runPathCLI("query", "(:compnay)")
	if code != 1 || !strings.Contains(errs, `no entity has type "compnay"`) || !strings.Contains(errs, "company") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if _, _, code := runPathCLI("query"); code != 2 {
		t.Errorf("no pattern: exit %d", code)
	}
	_, errs, code = runPathCLI("query", `({id:"cnil"})-[:fined]->({id:"cnil"})`)
	if code != 1 || !strings.Contains(errs, "no match") {
		t.Errorf("no match: exit %d %q", code, errs)
	}
}
