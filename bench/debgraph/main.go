// Command debgraph turns Debian's package list into a linkscope/1 graph:
// a real network of about 100k entities with a real degree distribution
// (a few libraries everything depends on, long tails of leaf packages),
// for the analysis benchmarks beside the peers' synthetic graphs.
//
//	go run ./bench/debgraph -out /work/peers/graphs/debian-bookworm.json
//
// Entities: every binary package ("package"), every name that is only
// depended on or provided ("virtual": virtual packages, and packages of
// other archive areas), every source package ("source") and every
// maintainer ("person", or "team" for a list or team address), by e-mail
// address. Relations, from the package: depends (Depends and
// Pre-Depends), recommends, suggests (each alternative of "a | b" is a
// relation of its own), provides, built-from (its source) and
// maintained-by (from the source package to its Maintainer). Version
// constraints and architecture qualifiers are dropped. When a package is
// listed twice, the first record wins. The output depends only on the
// input.
//
// The input is the apt list file, read with apt-helper (which undoes its
// lz4 compression), or -in FILE for an uncompressed Packages file ("-":
// standard input).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

const defaultList = "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"

func main() {
	in := flag.String("in", "", "an uncompressed Packages file (- for standard input); default: "+defaultList+" through apt-helper")
	out := flag.String("out", "", "the linkscope/1 file to write (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "debgraph: -out FILE is required")
		os.Exit(2)
	}
	var r io.Reader
	var cmd *exec.Cmd
	switch *in {
	case "":
		cmd = exec.Command("/usr/lib/apt/apt-helper", "cat-file", defaultList)
		cmd.Stderr = os.Stderr
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			fail(err)
		}
		if err := cmd.Start(); err != nil {
			fail(err)
		}
		r = pipe
	case "-":
		r = os.Stdin
	default:
		f, err := os.Open(*in)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		r = f
	}
	g, err := build(r)
	if err != nil {
		fail(err)
	}
	if cmd != nil {
		if err := cmd.Wait(); err != nil {
			fail(fmt.Errorf("apt-helper: %w", err))
		}
	}
	if err := g.write(*out); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "debgraph: %d entities, %d relations -> %s\n", len(g.nodes), len(g.edges), *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "debgraph:", err)
	os.Exit(1)
}

type node struct{ id, typ, label string }
type edge struct{ src, dst, typ string }

type graphOut struct {
	nodes []node
	index map[string]int // id -> position in nodes
	edges []edge
}

// entity adds an entity unless it exists; a "virtual" one becomes a
// "package" when its own record comes.
func (g *graphOut) entity(id, typ, label string) {
	if i, ok := g.index[id]; ok {
		if g.nodes[i].typ == "virtual" && typ == "package" {
			g.nodes[i].typ = typ
		}
		return
	}
	g.index[id] = len(g.nodes)
	g.nodes = append(g.nodes, node{id, typ, label})
}

// record is one stanza's fields (continuation lines joined).
type record map[string]string

func readRecords(r io.Reader, each func(record, int) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	rec := record{}
	var last string
	line, start := 0, 1
	flush := func() error {
		if len(rec) == 0 {
			return nil
		}
		err := each(rec, start)
		rec = record{}
		return err
	}
	for sc.Scan() {
		line++
		t := sc.Text()
		switch {
		case t == "":
			if err := flush(); err != nil {
				return err
			}
			start = line + 1
		case t[0] == ' ' || t[0] == '\t':
			if last != "" {
				rec[last] += "\n" + t
			}
		default:
			k, v, ok := strings.Cut(t, ":")
			if !ok {
				return fmt.Errorf("line %d: no field name: %q", line, t)
			}
			last = k
			rec[k] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}

// names are the package names of a relationship field: each alternative,
// without version constraint or architecture qualifier.
func names(field string) []string {
	var out []string
	for _, dep := range strings.Split(field, ",") {
		for _, alt := range strings.Split(dep, "|") {
			alt = strings.TrimSpace(alt)
			if i := strings.IndexAny(alt, " (["); i >= 0 {
				alt = alt[:i]
			}
			alt, _, _ = strings.Cut(alt, ":")
			if alt != "" {
				out = append(out, alt)
			}
		}
	}
	return out
}

// maintainer splits "Name <address>".
func maintainer(s string) (name, addr string) {
	i := strings.LastIndexByte(s, '<')
	j := strings.LastIndexByte(s, '>')
	if i < 0 || j < i {
		return strings.TrimSpace(s), strings.ToLower(strings.TrimSpace(s))
	}
	return strings.TrimSpace(s[:i]), strings.ToLower(strings.TrimSpace(s[i+1 : j]))
}

func isTeam(name, addr string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"team", "maintainers", "group", "project", "developers", "packagers", "list"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return strings.Contains(addr, "lists.") || strings.HasPrefix(addr, "pkg-") || strings.Contains(addr, "-devel@") || strings.Contains(addr, "-maintainers@")
}

func build(r io.Reader) (*graphOut, error) {
	g := &graphOut{index: map[string]int{}}
	seen := map[string]bool{}
	srcMaint := map[string]bool{}
	err := readRecords(r, func(rec record, line int) error {
		name := rec["Package"]
		if name == "" {
			return fmt.Errorf("record at line %d: no Package field", line)
		}
		if seen[name] {
			return nil
		}
		seen[name] = true
		id := "pkg:" + name
		g.entity(id, "package", name)
		src := rec["Source"]
		if src == "" {
			src = name
		}
		src, _, _ = strings.Cut(src, " ") // "name (version)"
		sid := "src:" + src
		g.entity(sid, "source", src+" (source)")
		g.edges = append(g.edges, edge{id, sid, "built-from"})
		if m := rec["Maintainer"]; m != "" && !srcMaint[src] {
			srcMaint[src] = true
			mname, addr := maintainer(m)
			typ := "person"
			if isTeam(mname, addr) {
				typ = "team"
			}
			label := mname
			if label == "" {
				label = addr
			}
			g.entity("maint:"+addr, typ, label)
			g.edges = append(g.edges, edge{sid, "maint:" + addr, "maintained-by"})
		}
		for _, f := range []struct{ field, typ string }{
			{"Pre-Depends", "depends"}, {"Depends", "depends"}, {"Recommends", "recommends"},
			{"Suggests", "suggests"}, {"Provides", "provides"},
		} {
			for _, dep := range names(rec[f.field]) {
				did := "pkg:" + dep
				g.entity(did, "virtual", dep)
				g.edges = append(g.edges, edge{id, did, f.typ})
			}
		}
		return nil
	})
	return g, err
}

func (g *graphOut) write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	q := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	fmt.Fprintf(w, "{\"format\": \"linkscope/1\",\n\"title\": %s,\n\"description\": %s,\n\"nodes\": [\n",
		q("Debian bookworm main (amd64): packages, sources and maintainers"),
		q("Made by bench/debgraph from apt's package list: depends, recommends, suggests, provides, built-from, maintained-by."))
	for i, n := range g.nodes {
		sep := ",\n"
		if i == len(g.nodes)-1 {
			sep = "\n"
		}
		fmt.Fprintf(w, "{\"id\": %s, \"type\": %q, \"label\": %s}%s", q(n.id), n.typ, q(n.label), sep)
	}
	fmt.Fprint(w, "],\n\"edges\": [\n")
	for i, e := range g.edges {
		sep := ",\n"
		if i == len(g.edges)-1 {
			sep = "\n"
		}
		fmt.Fprintf(w, "{\"source\": %s, \"target\": %s, \"type\": %q}%s", q(e.src), q(e.dst), e.typ, sep)
	}
	fmt.Fprint(w, "]}\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
