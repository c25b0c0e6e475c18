// Command loadprof loads one dataset file as `linkscope validate` does
// and writes a CPU profile and, after a collection, a heap profile of the
// loaded graph (helper load1m, issue 15).
//
//	go run ./bench/loadprof -cpu cpu.out -heap heap.out FILE
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/linkscope/linkscope/dataset"
)

func main() {
	cpu := flag.String("cpu", "", "CPU profile of the load")
	heap := flag.String("heap", "", "heap profile once loaded")
	flag.Parse()
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	start := time.Now()
	g, err := dataset.Load(flag.Arg(0), dataset.Options{MaxBytes: 2 << 30, PauseGC: true})
	took := time.Since(start)
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d entities, %d relations in %v\n", g.NodeCount(), g.EdgeCount(), took)
	if *heap != "" {
		runtime.GC()
		f, err := os.Create(*heap)
		if err == nil {
			err = pprof.WriteHeapProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	runtime.KeepAlive(g)
}
