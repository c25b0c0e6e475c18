package layout

import (
	"context"
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

// BenchmarkRemoveOverlaps10k removes node and label overlaps from a 10k
// node ForceAtlas2 layout.
func BenchmarkRemoveOverlaps10k(b *testing.B) {
	g := benchGraph(b, 10000)
	f, _ := NewFA2(g, FA2Options{Seed: 1})
	f.Run(context.Background(), 100)
	pos := f.Positions()
	opt := OverlapOptions{Radii: make([]float64, g.N), Labels: make([]Size, g.N), Placement: LabelPlacement{Side: LabelRight, Gap: 1}}
	for i := range opt.Radii {
		opt.Radii[i] = 2
		opt.Labels[i] = Size{W: 12 + float64(i%10)*2, H: 4}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := RemoveOverlaps(pos, opt); err != nil {
			b.Fatal(err)
		}
	}
}
