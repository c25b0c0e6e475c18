// Command gendense writes a dense random dataset in the linkscope/1 JSON
// format, for the cancellation checks of scripts/cancel-bench.sh:
//
//	go run ./scripts/gendense -nodes 2000 -edges 40000 -seed 1 > dense.json
//
// Entities are "A", "B", then "n2", "n3", …; each relation joins two
// distinct entities drawn uniformly (seeded), with one of a few types.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	nodes := flag.Int("nodes", 2000, "entities")
	edges := flag.Int("edges", 40000, "relations")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *nodes < 2 || *edges < 0 {
		fmt.Fprintln(os.Stderr, "gendense: want -nodes >= 2 and -edges >= 0")
		os.Exit(2)
	}
	types := []string{"company", "person", "regulator", "ngo"}
	rels := []string{"owns", "funds", "fined", "works-for", "cooperated-with"}
	id := func(i int) string {
		switch i {
		case 0:
			return "A"
		case 1:
			return "B"
		}
		return fmt.Sprintf("n%d", i)
	}
	r := rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "{\"format\":\"linkscope/1\",\"title\":\"dense %d/%d\",\"nodes\":[\n", *nodes, *edges)
	for i := 0; i < *nodes; i++ {
		sep := ","
		if i == *nodes-1 {
			sep = ""
		}
		fmt.Fprintf(w, "{\"id\":%q,\"type\":%q,\"label\":\"Entity %d\"}%s\n", id(i), types[i%len(types)], i, sep)
	}
	fmt.Fprint(w, "],\"edges\":[\n")
	for e := 0; e < *edges; e++ {
		a := r.IntN(*nodes)
		b := r.IntN(*nodes - 1)
		if b >= a {
			b++
		}
		sep := ","
		if e == *edges-1 {
			sep = ""
		}
		fmt.Fprintf(w, "{\"source\":%q,\"target\":%q,\"type\":%q}%s\n", id(a), id(b), rels[r.IntN(len(rels))], sep)
	}
	fmt.Fprint(w, "]}\n")
}
