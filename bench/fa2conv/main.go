// Command fa2conv runs ForceAtlas2 as the window runs it (the window's
// settings and start positions, view.NewFA2) on a file and prints, one
// JSON line every -every steps, the step, the time, the step's relative
// displacement, the criterion's window mean (layout.Convergence) and the
// stress (layout.Stress, 32 sampled BFS sources, seed 1: the measure
// `linkscope layout --stats` prints). It is how the window's convergence
// threshold was chosen (BENCHMARKS.md, "The window's layout and its opening").
//
//	go run ./bench/fa2conv -d FILE -iters 600 -every 25
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph/layout"
)

func main() {
	file := flag.String("d", "", "dataset")
	iters := flag.Int("iters", 600, "steps")
	every := flag.Int("every", 25, "report every N steps")
	flag.Parse()
	g, err := dataset.LoadContext(context.Background(), *file, dataset.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	s := render.NewScene(g)
	req := view.LayoutRequest{Algo: "ForceAtlas2", Seed: view.DefaultSeed, Focus: view.NoFocus}
	req.Initial = view.StartPositions(g, view.DefaultSeed)
	fa, lg, err := view.NewFA2(g, s, req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	conv := layout.NewConvergence()
	conv.Reset()
	conv.ObserveFA2(fa)
	enc := json.NewEncoder(os.Stdout)
	var stepTime time.Duration
	for i := 1; i <= *iters; i++ {
		t := time.Now()
		fa.Step()
		stepTime += time.Since(t)
		disp, done := conv.ObserveFA2(fa)
		if i%*every == 0 || done {
			st, _ := layout.Stress(lg, fa.Positions(), 32, 1)
			enc.Encode(map[string]any{"iter": i, "ms_per_iter": float64(stepTime.Microseconds()) / 1000 / float64(i),
				"disp": disp, "mean": conv.Mean(), "converged": done, "stress": st})
		}
	}
}
