package layout

import (
	"fmt"
	"math"
)

// SpeedMode selects how ForceAtlas2 turns forces into displacements.
type SpeedMode int

const (
	// SpeedGlobal is the adaptive speed of the ForceAtlas2 paper (§"Adaptive
	// speed") and Gephi's ForceAtlas2.java: a global speed derived from the
	// total swinging and effective traction with an automatically tuned
	// jitter tolerance, and a local speed per node lowered by its swinging:
	// displacement = F * speed / (1 + sqrt(speed*swing(n))).
	SpeedGlobal SpeedMode = iota
	// SpeedPerNode is graphology-layout-forceatlas2 0.10.1's variant: no
	// global speed; each node keeps a "convergence" factor and moves by
	// F * convergence*ln(1+traction)/(1+sqrt(swing)).
	SpeedPerNode
)

// String returns "global" or "per-node".
func (m SpeedMode) String() string {
	if m == SpeedPerNode {
		return "per-node"
	}
	return "global"
}

// FA2Settings are the ForceAtlas2 parameters. Names follow the paper; the
// Gephi / graphology names are given where they differ.
type FA2Settings struct {
	// ScalingRatio is kr, the repulsion coefficient: F_r = kr (deg1+1)(deg2+1) / d.
	ScalingRatio float64
	// Gravity is kg: F_g = kg (deg+1), towards the origin.
	Gravity float64
	// StrongGravity makes gravity grow with distance: F_g = kg (deg+1) d.
	StrongGravity bool
	// LinLog uses the attraction log(1+d) instead of d (Noack's LinLog
	// energy model), which tightens clusters.
	LinLog bool
	// DissuadeHubs divides a node's attraction by its mass (deg+1), pushing
	// hubs to the periphery (graphology: outboundAttractionDistribution).
	DissuadeHubs bool
	// AdjustSizes prevents overlap using node sizes: distances are measured
	// between node borders, overlapping nodes repulse 100x harder and
	// attraction stops (the paper's anti-collision variant).
	AdjustSizes bool
	// EdgeWeightInfluence is delta: an edge of weight w attracts with w^delta.
	EdgeWeightInfluence float64
	// SlowDown divides every displacement (graphology's slowDown; Gephi has
	// none, i.e. 1).
	SlowDown float64
	// JitterTolerance is tau, how much swinging the global speed tolerates
	// (Gephi default 1). Only used with SpeedGlobal.
	JitterTolerance float64
	// BarnesHut enables the Barnes–Hut approximation of repulsion
	// (O(n log n) instead of O(n²)).
	BarnesHut bool
	// Theta is the Barnes–Hut opening criterion: a cell of width s whose
	// centre of mass is at distance d from the node is used as one body when
	// s/d < Theta. Smaller is more exact. Note graphology's barnesHutTheta
	// tests 2s/d < theta, so its default 0.5 equals Theta = 0.25 here.
	Theta float64
	// Speed selects the speed adaptation (default SpeedGlobal, as the paper).
	Speed SpeedMode
}

// InferFA2Settings returns the settings graphology-layout-forceatlas2 0.10.1
// infers from the graph order n (its inferSettings): Barnes–Hut when
// n > 2000, strong gravity with gravity 0.05, scalingRatio 10 and
// slowDown 1+ln(n); its defaults for the rest (edge weight influence 1,
// no LinLog, no hub dissuasion, no size adjustment). The speed adaptation
// is the paper's global speed with jitter tolerance 1 (Gephi's default).
// Theta is 0.8, between graphology's (0.25 in this package's convention)
// and Gephi's 1.2: on the peers' synthetic graphs it gives the same stress
// as 0.5 at 60% of the cost.
func InferFA2Settings(n int) FA2Settings {
	return FA2Settings{
		ScalingRatio:        10,
		Gravity:             0.05,
		StrongGravity:       true,
		EdgeWeightInfluence: 1,
		SlowDown:            1 + math.Log(float64(max(n, 1))),
		JitterTolerance:     1,
		BarnesHut:           n > 2000,
		Theta:               0.8,
		Speed:               SpeedGlobal,
	}
}

// GephiFA2Settings returns Gephi 0.10's ForceAtlas2 defaults for a graph of
// n nodes (ForceAtlas2.resetPropertiesValues): scaling 10 below 100 nodes
// else 2, gravity 1 (not strong), Barnes–Hut from 1000 nodes with
// Gephi's theta 1.2, jitter tolerance 1, no slow-down.
func GephiFA2Settings(n int) FA2Settings {
	s := FA2Settings{
		ScalingRatio:        2,
		Gravity:             1,
		EdgeWeightInfluence: 1,
		SlowDown:            1,
		JitterTolerance:     1,
		BarnesHut:           n >= 1000,
		Theta:               1.2,
		Speed:               SpeedGlobal,
	}
	if n < 100 {
		s.ScalingRatio = 10
	}
	return s
}

// Bounds of the settings Validate accepts: far beyond any useful layout,
// and low enough that forces stay finite.
const (
	MaxFA2Scaling   = 1e6
	MaxFA2Gravity   = 1e6
	MaxFA2SlowDown  = 1e9
	MaxFA2Theta     = 10
	MaxFA2EdgePower = 100
	MaxFA2Jitter    = 1e6
)

// Validate reports settings out of range: negative, NaN, infinite or
// absurdly large.
func (s *FA2Settings) Validate() error {
	switch {
	case !(s.ScalingRatio >= 0 && s.ScalingRatio <= MaxFA2Scaling):
		return fmt.Errorf("layout: FA2 ScalingRatio must be between 0 and %g, not %g", float64(MaxFA2Scaling), s.ScalingRatio)
	case !(s.Gravity >= 0 && s.Gravity <= MaxFA2Gravity):
		return fmt.Errorf("layout: FA2 Gravity must be between 0 and %g, not %g", float64(MaxFA2Gravity), s.Gravity)
	case !(s.SlowDown > 0 && s.SlowDown <= MaxFA2SlowDown):
		return fmt.Errorf("layout: FA2 SlowDown must be > 0 and at most %g, not %g", float64(MaxFA2SlowDown), s.SlowDown)
	case !(s.Theta >= 0 && s.Theta <= MaxFA2Theta):
		return fmt.Errorf("layout: FA2 Theta must be between 0 and %g, not %g", float64(MaxFA2Theta), s.Theta)
	case s.Speed == SpeedGlobal && !(s.JitterTolerance > 0 && s.JitterTolerance <= MaxFA2Jitter):
		return fmt.Errorf("layout: FA2 JitterTolerance must be > 0 and at most %g, not %g", float64(MaxFA2Jitter), s.JitterTolerance)
	case !(math.Abs(s.EdgeWeightInfluence) <= MaxFA2EdgePower):
		return fmt.Errorf("layout: FA2 EdgeWeightInfluence must be between -%g and %g, not %g", float64(MaxFA2EdgePower), float64(MaxFA2EdgePower), s.EdgeWeightInfluence)
	}
	return nil
}
