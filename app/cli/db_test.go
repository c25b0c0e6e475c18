package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/source/postgres/pgtest"
)

// loadedDB loads the embedded Clearview case into a fresh schema with
// `db load` and returns its URL.
func loadedDB(t *testing.T) string {
	t.Helper()
	url := pgtest.Schema(t)
	code, _, stderr := runCLI(t, "db", "load", "--db", url)
	if code != 0 {
		t.Fatalf("db load: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "loaded 49 entities") || !strings.Contains(stderr, "relations") {
		t.Errorf("db load reports %q", stderr)
	}
	return url
}

func TestDBStatsAndFind(t *testing.T) {
	url := loadedDB(t)
	code, out, stderr := runCLI(t, "db", "stats", "--db", url)
	if code != 0 || !strings.Contains(out, "49 entities") || !strings.Contains(out, "regulator") {
		t.Fatalf("db stats: exit %d: %s%s", code, out, stderr)
	}
	// Short queries with a typo are one difference: the in-memory index
	// tries every name within one edit, the database only the names that
	// share enough trigrams with the query ("hoan" finds "Ioannis" in
	// memory); their exact and substring matches are the same.
	for _, q := range []string{"cnil", "CNIL", "clearviw", "clearview ia", "commission nationale", "Hoan Ton-That", "garante", "police", "c", "zzzz", "privacy internationl"} {
		c1, want, _ := runCLI(t, "find", "--json", "--limit", "5", q)
		c2, got, e2 := runCLI(t, "find", "--json", "--limit", "5", "--db", url, q)
		if c1 != c2 || got != want {
			t.Errorf("find %q: --db gives (exit %d) %s%s\nthe file gives (exit %d) %s", q, c2, got, e2, c1, want)
		}
	}
	if code, _, stderr := runCLI(t, "find", "--db", url, "nothing-like-this"); code != 1 || !strings.Contains(stderr, "no entity matches") {
		t.Errorf("find nothing: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "stats", "--db", url); code != 2 || !strings.Contains(stderr, "not --db") {
		t.Errorf("stats --db: exit %d, %q; want a usage error", code, stderr)
	}
}

func TestDBNeighbors(t *testing.T) {
	url := loadedDB(t)
	type nb struct {
		Nodes []struct {
			ID    string `json:"id"`
			Depth int    `json:"depth"`
		} `json:"nodes"`
		Edges []struct {
			ID string `json:"id"`
		} `json:"edges"`
		Truncated bool `json:"truncated"`
	}
	summary := func(s string) (nodes, edges []string, truncated bool) {
		var v nb
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("%v: %s", err, s)
		}
		for _, n := range v.Nodes {
			nodes = append(nodes, fmt.Sprintf("%s@%d", n.ID, n.Depth))
		}
		for _, e := range v.Edges {
			edges = append(edges, e.ID)
		}
		slices.Sort(nodes)
		slices.Sort(edges)
		return nodes, edges, v.Truncated
	}
	for _, c := range [][]string{
		{"clearview"}, {"cnil", "--depth", "2"}, {"cnil", "--depth", "2", "--directed"},
		{"clearview", "--types", "fined"}, {"clearview", "--depth", "2", "--exclude-types", "regulator"},
	} {
		args := append([]string{"neighbors", "--json"}, c...)
		c1, want, e1 := runCLI(t, args...)
		c2, got, e2 := runCLI(t, append(args, "--db", url)...)
		if c1 != 0 || c2 != 0 {
			t.Fatalf("neighbors %v: exit %d %s / --db exit %d %s", c, c1, e1, c2, e2)
		}
		wn, we, _ := summary(want)
		gn, ge, _ := summary(got)
		if !slices.Equal(wn, gn) || !slices.Equal(we, ge) {
			t.Errorf("neighbors %v:\n --db %v %v\n file %v %v", c, gn, ge, wn, we)
		}
	}
	// the cap is the database's: the most connected first
	code, out, stderr := runCLI(t, "neighbors", "--json", "--db", url, "--limit", "4", "clearview")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "neighbors", "--db", url, "--limit", "4", "clearview"); code != 0 || !strings.Contains(stderr, "raise --limit") {
		t.Errorf("neighbors --limit 4: exit %d, %q", code, stderr)
	}
	nodes, _, truncated := summary(out)
	if len(nodes) != 4 || !truncated {
		t.Errorf("neighbors --limit 4: %v truncated %v, %q", nodes, truncated, stderr)
	}
}

func TestDBPathSameLengths(t *testing.T) {
	url := loadedDB(t)
	g, err := dataset.Default()
	if err != nil {
		t.Fatal(err)
	}
	length := func(out string) int {
		var v struct {
			Paths []struct {
				Edges []json.RawMessage `json:"edges"`
			} `json:"paths"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if len(v.Paths) == 0 {
			return -1
		}
		return len(v.Paths[0].Edges)
	}
	rng := rand.New(rand.NewPCG(14, 14))
	compared, long := 0, 0
	for k := 0; k < 40; k++ {
		a, b := g.Node(int32(rng.IntN(g.NodeCount()))).ID, g.Node(int32(rng.IntN(g.NodeCount()))).ID
		for _, extra := range [][]string{nil, {"--directed"}, {"--exclude-types", "regulator"}} {
			args := append([]string{"path", "--json", a, b}, extra...)
			c1, want, e1 := runCLI(t, args...)
			c2, got, e2 := runCLI(t, append(args, "--db", url)...)
			if c1 != c2 {
				t.Errorf("path %v: exit %d (%s) with --db, %d (%s) with the file", args, c2, e2, c1, e1)
				continue
			}
			if c1 != 0 {
				continue
			}
			compared++
			if l1, l2 := length(want), length(got); l1 != l2 {
				t.Errorf("path %v: %d hops with --db, %d with the file", args, l2, l1)
			} else if l1 >= 3 {
				long++
			}
		}
	}
	if compared < 40 || long < 5 {
		t.Errorf("only %d paths compared (%d of 3 hops or more)", compared, long)
	}
	// by label, as in memory, and a human answer
	code, out, stderr := runCLI(t, "path", "--db", url, "CNIL", "Hoan Ton-That")
	if code != 0 || !strings.Contains(out, "CNIL") || !strings.Contains(out, "Hoan Ton-That") {
		t.Errorf("path by label: exit %d: %s%s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "path", "--db", url, "--k", "3", "cnil", "clearview"); code != 2 {
		t.Errorf("path --k with --db: exit %d %s; want a usage error", code, stderr)
	}
}

func TestDBQuery(t *testing.T) {
	url := loadedDB(t)
	lines := func(s string) []string {
		ls := strings.Split(strings.TrimSpace(s), "\n")
		slices.Sort(ls)
		return ls
	}
	for _, q := range []string{
		`(:ngo)-[:complained-against]->(c:company)<-[:fined]-(r:regulator)`,
		`(a)-[:fined]->(b)`,
		`(a:Regulator)-[x]-(b:company)`,
		`(a)-->(b)-->(a)`,
		`(r:regulator)-[*1..2]-({id:"clearview-ai"})`,
		`SHORTEST 2 ({name:"Privacy International"})-[*..4]-({name:"Walmart"})`,
		`(a:person)<-[:nope]-(b)`,
	} {
		c1, want, e1 := runCLI(t, "query", "--limit", "100000", q)
		c2, got, e2 := runCLI(t, "query", "--limit", "100000", "--db", url, q)
		if c1 == 0 && strings.Count(want, "\n") < 1 {
			t.Errorf("query %s: no match in memory: the case tests nothing", q)
		}
		if c1 != c2 || !slices.Equal(lines(want), lines(got)) {
			t.Errorf("query %s:\n--db (exit %d) %s%s\nfile (exit %d) %s%s", q, c2, got, e2, c1, want, e1)
		}
	}
	// the LIMIT is the query's
	code, out, stderr := runCLI(t, "query", "--limit", "3", "--db", url, `(a)-[:fined]->(b)`)
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(stderr, "raise --limit") {
		t.Errorf("query --limit 3: exit %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "query", "--db", url, `(a)-[*1..3]-(b)`); code != 2 || !strings.Contains(stderr, "start from") {
		t.Errorf("unanchored variable-length pattern: exit %d %q", code, stderr)
	}
}

func TestDBExport(t *testing.T) {
	url := loadedDB(t)
	out := t.TempDir() + "/n.json"
	code, _, stderr := runCLI(t, "export", "--db", url, "--focus", "cnil", "--layout", "circular", "--out", out)
	if code != 0 {
		t.Fatalf("export: exit %d %s", code, stderr)
	}
	g, err := dataset.LoadAny(out, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := dataset.Default()
	v, _ := full.NodeIndex("cnil")
	nb, err := path.NewSearcher(full).Neighborhood(context.Background(), []int32{v}, 1, path.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if g.NodeCount() != len(nb.Nodes) || g.EdgeCount() != len(nb.Edges) {
		t.Errorf("export --focus cnil: %d entities, %d relations; the neighbourhood has %d, %d", g.NodeCount(), g.EdgeCount(), len(nb.Nodes), len(nb.Edges))
	}
	if code, _, _ := runCLI(t, "export", "--db", url, "--out", out); code != 2 {
		t.Errorf("export --db without --focus: exit %d, want 2", code)
	}
}
