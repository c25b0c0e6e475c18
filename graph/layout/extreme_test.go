package layout

import (
	"context"
	"errors"
	"math"
	"testing"
)

func checkFiniteSpread(t *testing.T, p []Point) {
	t.Helper()
	spread := 0.0
	for i, q := range p {
		if !finite(q.X) || !finite(q.Y) {
			t.Fatalf("position %d is (%g, %g)", i, q.X, q.Y)
		}
		spread = max(spread, math.Abs(q.X-p[0].X), math.Abs(q.Y-p[0].Y))
	}
	if spread == 0 {
		t.Fatal("every position is the same")
	}
}

func TestFA2RefusesExtremeSettings(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, c := range []struct {
		name string
		set  func(*FA2Settings)
	}{
		{"gravity +Inf", func(s *FA2Settings) { s.Gravity = inf }},
		{"gravity NaN", func(s *FA2Settings) { s.Gravity = nan }},
		{"gravity 1e300", func(s *FA2Settings) { s.Gravity = 1e300 }},
		{"scaling +Inf", func(s *FA2Settings) { s.ScalingRatio = inf }},
		{"scaling 1e308", func(s *FA2Settings) { s.ScalingRatio = 1e308 }},
		{"slow-down +Inf", func(s *FA2Settings) { s.SlowDown = inf }},
		{"theta +Inf", func(s *FA2Settings) { s.Theta = inf }},
		{"edge weight -Inf", func(s *FA2Settings) { s.EdgeWeightInfluence = math.Inf(-1) }},
		{"jitter +Inf", func(s *FA2Settings) { s.JitterTolerance = inf }},
	} {
		s := InferFA2Settings(10)
		c.set(&s)
		if err := s.Validate(); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
		if _, err := NewFA2(randomGraph(10, 20, 1), FA2Options{Settings: &s}); err == nil {
			t.Errorf("%s: NewFA2 accepted", c.name)
		}
	}
	s := InferFA2Settings(10)
	s.Gravity, s.ScalingRatio = MaxFA2Gravity, MaxFA2Scaling
	if err := s.Validate(); err != nil {
		t.Errorf("the largest settings are refused: %v", err)
	}
}

func TestFA2ExtremeInitialPositions(t *testing.T) {
	g := randomGraph(30, 60, 2)
	init := RandomPositions(g.N, 3)
	init[0] = Point{1e308, -1e308}
	init[1] = Point{-1e308, 1e308}
	f, err := NewFA2(g, FA2Options{Initial: init})
	if err != nil {
		t.Fatalf("finite starting positions refused: %v", err)
	}
	if _, err := f.Run(context.Background(), 100); err != nil {
		t.Fatalf("run after rescaling: %v", err)
	}
	checkFiniteSpread(t, f.Positions())

	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		init := RandomPositions(g.N, 3)
		init[5].Y = bad
		if _, err := NewFA2(g, FA2Options{Initial: init}); err == nil {
			t.Errorf("starting position %g accepted", bad)
		}
	}
}

func TestFA2UndoesAStepThatOverflows(t *testing.T) {
	g := randomGraph(30, 60, 2)
	f, err := NewFA2(g, FA2Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Run(context.Background(), 5); err != nil {
		t.Fatal(err)
	}
	// Positions the engine takes as they are: finite but far apart.
	f.SetPosition(0, Point{1.7e308, 1.7e308})
	f.SetPosition(1, Point{-1.7e308, -1.7e308})
	if _, err := f.Run(context.Background(), 20); err != nil && !errors.Is(err, ErrDiverged) {
		t.Fatal(err)
	}
	checkFiniteSpread(t, f.Positions())

	// A step that leaves a coordinate NaN (here given, as an overflow
	// would make it) is reported, not carried on.
	f.pos[3].X = math.NaN()
	done, err := f.Run(context.Background(), 50)
	if !errors.Is(err, ErrDiverged) || done != 0 {
		t.Fatalf("Run = %d, %v; want 0 steps and ErrDiverged", done, err)
	}
	if f.Iterations() != 25+1 {
		t.Errorf("%d iterations counted", f.Iterations())
	}
}
