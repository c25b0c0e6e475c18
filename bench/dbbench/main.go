// Command dbbench times the PostgreSQL source against the in-memory one on
// the same graph: one expansion (cap 500), one name search and shortest
// paths of 6 hops or more. The database must hold the file's graph
// (linkscope db load -d FILE --db URL).
//
//	go run ./bench/dbbench -d FILE --db URL [-n 50]
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/postgres"
)

func main() {
	file := flag.String("d", "", "dataset FILE")
	url := flag.String("db", "", "PostgreSQL URL holding the same graph")
	n := flag.Int("n", 50, "samples of each measure")
	minHops := flag.Int("min-hops", 6, "shortest paths timed are at least this long")
	flag.Parse()
	if *file == "" || *url == "" {
		fmt.Fprintln(os.Stderr, "usage: dbbench -d FILE --db URL")
		os.Exit(2)
	}
	if err := run(*file, *url, *n, *minHops); err != nil {
		fmt.Fprintln(os.Stderr, "dbbench:", err)
		os.Exit(1)
	}
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func p90(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)*9/10]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func run(file, url string, n, minHops int) error {
	ctx := context.Background()
	t0 := time.Now()
	g, err := dataset.LoadAny(file, dataset.Options{MaxBytes: 1 << 40})
	if err != nil {
		return err
	}
	mem := source.FromGraph(g)
	fmt.Printf("graph: %d entities, %d relations (loaded in %v)\n", g.NodeCount(), g.EdgeCount(), time.Since(t0).Round(time.Millisecond))
	db, err := postgres.Open(ctx, url)
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := db.Info(ctx)
	if err != nil {
		return err
	}
	if info.Entities != g.NodeCount() || info.Relations != g.EdgeCount() {
		return fmt.Errorf("the database holds %d entities, %d relations: load the same file", info.Entities, info.Relations)
	}
	rng := rand.New(rand.NewPCG(42, 42))
	pick := func() string { return g.Node(int32(rng.IntN(g.NodeCount()))).ID }

	// expansion, cap 500: random entities and the five most connected
	t := g.Topology()
	hubs := make([]int32, g.NodeCount())
	for i := range hubs {
		hubs[i] = int32(i)
	}
	slices.SortFunc(hubs, func(a, b int32) int { return int(t.Degree[b] - t.Degree[a]) })
	type src struct {
		name string
		s    source.Source
	}
	srcs := []src{{"memory", mem}, {"postgres", db}}
	expand := func(ids []string, depth int) ([]time.Duration, []time.Duration, int, error) {
		var times [2][]time.Duration
		got := 0
		for _, id := range ids {
			for k, s := range srcs {
				start := time.Now()
				sub, err := s.s.Expand(ctx, []string{id}, source.ExpandOptions{Depth: depth, Limit: 500})
				times[k] = append(times[k], time.Since(start))
				if err != nil {
					return nil, nil, 0, err
				}
				if k == 1 {
					got += len(sub.Entities)
				}
			}
		}
		return times[0], times[1], got / len(ids), nil
	}
	var ids []string
	for i := 0; i < n; i++ {
		ids = append(ids, pick())
	}
	for _, id := range ids { // warm-up
		db.Expand(ctx, []string{id}, source.ExpandOptions{Depth: 1, Limit: 500})
	}
	fmt.Println("\n| measure | in memory (median / p90) | PostgreSQL (median / p90) |")
	fmt.Println("|---|---|---|")
	a, b, avg, err := expand(ids, 1)
	if err != nil {
		return err
	}
	fmt.Printf("| expand 1 hop, cap 500, random entity (%d entities on average) | %s / %s | %s / %s |\n", avg, ms(median(a)), ms(p90(a)), ms(median(b)), ms(p90(b)))
	a, b, avg, err = expand(ids, 2)
	if err != nil {
		return err
	}
	fmt.Printf("| expand 2 hops, cap 500, random entity (%d entities on average) | %s / %s | %s / %s |\n", avg, ms(median(a)), ms(p90(a)), ms(median(b)), ms(p90(b)))
	var hubIDs []string
	for _, v := range hubs[:5] {
		hubIDs = append(hubIDs, g.Node(v).ID)
	}
	a, b, avg, err = expand(hubIDs, 1)
	if err != nil {
		return err
	}
	fmt.Printf("| expand 1 hop, cap 500, the 5 most connected (degree %d–%d; %d entities) | %s / %s | %s / %s |\n",
		t.Degree[hubs[4]], t.Degree[hubs[0]], avg, ms(median(a)), ms(p90(a)), ms(median(b)), ms(p90(b)))

	// name search: a random entity's label, and the same with a typo
	search := func(typo bool) ([]time.Duration, []time.Duration, error) {
		var times [2][]time.Duration
		for i := 0; i < n; i++ {
			q := g.Node(int32(rng.IntN(g.NodeCount()))).Label
			if typo && len(q) > 4 {
				b := []byte(q)
				b[1], b[2] = b[2], b[1]
				q = string(b)
			}
			for k, s := range srcs {
				start := time.Now()
				if _, err := s.s.Search(ctx, q, 10); err != nil {
					return nil, nil, err
				}
				times[k] = append(times[k], time.Since(start))
			}
		}
		return times[0], times[1], nil
	}
	a, b, err = search(false)
	if err != nil {
		return err
	}
	fmt.Printf("| search a label, limit 10 | %s / %s | %s / %s |\n", ms(median(a)), ms(p90(a)), ms(median(b)), ms(p90(b)))
	a, b, err = search(true)
	if err != nil {
		return err
	}
	fmt.Printf("| search a label with two letters swapped, limit 10 | %s / %s | %s / %s |\n", ms(median(a)), ms(p90(a)), ms(median(b)), ms(p90(b)))

	// shortest paths of minHops or more, same lengths
	ps := path.NewSearcher(g)
	var memT, dbT []time.Duration
	var queries, reached []int
	hops := map[int]int{}
	tries := 0
	for len(memT) < n && tries < 200*n {
		tries++
		u, v := int32(rng.IntN(g.NodeCount())), int32(rng.IntN(g.NodeCount()))
		start := time.Now()
		p, ok, err := ps.Shortest(ctx, u, v, path.Options{})
		took := time.Since(start)
		if err != nil {
			return err
		}
		if !ok || p.Len() < minHops {
			continue
		}
		start = time.Now()
		nodes, ok, st, err := db.ShortestPath(ctx, g.Node(u).ID, g.Node(v).ID, postgres.PathOptions{})
		dbTook := time.Since(start)
		if err != nil {
			return err
		}
		if !ok || len(nodes)-1 != p.Len() {
			return fmt.Errorf("%s to %s: %d hops in memory, %v in the database", g.Node(u).ID, g.Node(v).ID, p.Len(), nodes)
		}
		memT = append(memT, took)
		dbT = append(dbT, dbTook)
		queries = append(queries, st.Queries)
		reached = append(reached, st.Reached)
		hops[p.Len()]++
	}
	if len(memT) == 0 {
		fmt.Printf("| shortest path, %d+ hops | none found | |\n", minHops)
		return nil
	}
	slices.Sort(reached)
	fmt.Printf("| shortest path, %d+ hops (%d pairs, lengths %v, same in both; %d frontier queries median, %d entities reached median) | %s / %s | %s / %s |\n",
		minHops, len(memT), hops, median(intsToDur(queries)), reached[len(reached)/2], ms(median(memT)), ms(p90(memT)), ms(median(dbT)), ms(p90(dbT)))
	return nil
}

func intsToDur(xs []int) []time.Duration {
	out := make([]time.Duration, len(xs))
	for i, x := range xs {
		out[i] = time.Duration(x)
	}
	return out
}

var _ = graph.Fold
