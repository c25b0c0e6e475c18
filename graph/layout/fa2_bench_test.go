package layout

import (
	"testing"
)

// Benchmarks run only with -bench. Graphs come from the peers' shared
// synthetic files when present (synth-N{10000,100000}-d4-s42.json), else
// from a generator of the same shape.

func benchFA2Step(b *testing.B, n int) {
	g := benchGraph(b, n)
	f, err := NewFA2(g, FA2Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	f.Step() // warm buffers
	b.ResetTimer()
	for b.Loop() {
		f.Step()
	}
}

func BenchmarkFA2Step10k(b *testing.B)  { benchFA2Step(b, 10000) }
func BenchmarkFA2Step100k(b *testing.B) { benchFA2Step(b, 100000) }
