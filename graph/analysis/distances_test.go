package analysis

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// Sampled closeness and harmonic centrality (DistanceOptions.Samples)
// against the exact values, on random graphs undirected and directed, one
// of them in two pieces: the estimates keep within DistanceBound (at
// probability 0.95 per entity, so nearly every entity, the bound being
// loose), are the same for the same seed, and every sampled source's
// own value comes from the others only.
func TestSampledDistancesWithinTheirBound(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name     string
		n, m     int
		directed bool
	}{
		{"undirected", 3000, 9000, false},
		{"directed", 3000, 12000, true},
		{"sparse, in pieces", 3000, 2400, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(c.n), uint64(c.m)))
			g := randomGraph(r, c.n, c.m)
			net, err := NewNet(ctx, g.Topology(), NetOptions{Directed: c.directed})
			if err != nil {
				t.Fatal(err)
			}
			const k = 500
			o := DistanceOptions{Samples: k, Seed: 7}
			eps := DistanceBound(net.N, k, 0.05)
			exactH, _ := Harmonic(ctx, net, DistanceOptions{}, nil)
			estH, err := Harmonic(ctx, net, o, nil)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Harmonic(ctx, net, o, nil)
			other, _ := Harmonic(ctx, net, DistanceOptions{Samples: k, Seed: 8}, nil)
			off, differs := 0, false
			for v := range exactH {
				if math.Abs(estH[v]-exactH[v]) > eps*float64(net.N-1) {
					off++
				}
				if math.Abs(again[v]-estH[v]) > 1e-9*math.Max(1, estH[v]) {
					t.Fatalf("entity %d: %g, then %g with the same seed", v, estH[v], again[v])
				}
				differs = differs || other[v] != estH[v]
			}
			if off > net.N/20 {
				t.Errorf("harmonic: %d of %d entities beyond ±%.3f·(N-1)", off, net.N, eps)
			}
			// no bias: over all entities the estimates add up to the
			// exact total, within the sampling error of the sources' own
			// totals (a few per cent at 500 sources)
			var sumEst, sumExact float64
			for v := range exactH {
				sumEst += estH[v]
				sumExact += exactH[v]
			}
			t.Logf("harmonic totals: estimated/exact %.4f", sumEst/sumExact)
			if math.Abs(sumEst/sumExact-1) > 0.03 {
				t.Errorf("harmonic: the estimates total %.4f of the exact values'", sumEst/sumExact)
			}
			if !differs {
				t.Error("another seed gave the same estimates")
			}
			// closeness: the share of others reaching each entity, and the
			// mean distance to it where every source reaches it
			share, mean, diam := exactReach(net)
			estC, err := Closeness(ctx, net, o, nil)
			if err != nil {
				t.Fatal(err)
			}
			exactC, _ := Closeness(ctx, net, DistanceOptions{}, nil)
			offC := 0
			for v := range estC {
				if share[v] == 0 {
					if estC[v] != 0 || exactC[v] != 0 {
						t.Fatalf("entity %d reached by none: closeness %g, exact %g", v, estC[v], exactC[v])
					}
					continue
				}
				// exact closeness is share/mean: check the estimate as
				// share and mean within their bounds
				if exactC[v] != 0 && math.Abs(exactC[v]-share[v]/mean[v]) > 1e-9 {
					t.Fatalf("entity %d: exact closeness %g is not share %g / mean %g", v, exactC[v], share[v], mean[v])
				}
				lo := math.Max(0, share[v]-eps) / (mean[v] + eps*diam)
				hi := (share[v] + eps) / math.Max(1, mean[v]-eps*diam)
				if estC[v] < lo-1e-12 || estC[v] > hi+1e-12 {
					offC++
				}
			}
			if offC > net.N/20 {
				t.Errorf("closeness: %d of %d entities beyond their bound", offC, net.N)
			}
		})
	}
}

// exactReach is, for each entity, the share of the others that reach it
// and their mean distance to it, by a search from every entity, and the
// longest distance found.
func exactReach(net *Net) (share, mean []float64, diam float64) {
	n := net.N
	share, mean = make([]float64, n), make([]float64, n)
	cnt, sum := make([]float64, n), make([]float64, n)
	dist := make([]int32, n)
	for s := int32(0); s < int32(n); s++ {
		for i := range dist {
			dist[i] = -1
		}
		dist[s] = 0
		q := []int32{s}
		for h := 0; h < len(q); h++ {
			v := q[h]
			for _, w := range net.OutOf(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					cnt[w]++
					sum[w] += float64(dist[w])
					diam = math.Max(diam, float64(dist[w]))
					q = append(q, w)
				}
			}
		}
	}
	for v := range share {
		share[v] = cnt[v] / float64(n-1)
		if cnt[v] > 0 {
			mean[v] = sum[v] / cnt[v]
		}
	}
	return share, mean, diam
}

// With as many samples as entities, the measures are exact.
func TestDistancesAllSamplesAreExact(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 5))
	net, err := NewNet(ctx, randomGraph(r, 400, 900).Topology(), NetOptions{Directed: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []func(context.Context, *Net, DistanceOptions, Progress) ([]float64, error){Closeness, Harmonic} {
		a, _ := f(ctx, net, DistanceOptions{}, nil)
		b, _ := f(ctx, net, DistanceOptions{Samples: net.N, Seed: 3}, nil)
		for v := range a {
			if a[v] != b[v] {
				t.Fatalf("entity %d: %g exact, %g with N samples", v, a[v], b[v])
			}
		}
	}
}
