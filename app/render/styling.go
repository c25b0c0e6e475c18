package render

import (
	"image/color"
	"math"
)

// LegendRow is one line of a legend section a caller adds (a measure's
// sizes or a partition's colours): a disc of Color (scaled by Scale, 1
// when 0) and its text.
type LegendRow struct {
	Color color.NRGBA
	Scale float64
	Text  string
}

// LegendSection is a block of legend rows under a header, drawn after the
// entity and relation types.
type LegendSection struct {
	Header string
	Rows   []LegendRow
}

// SetSizes sets the world radius of every entity (one per node; a value
// that is not positive and finite keeps the entity's own radius); nil
// restores the radii NewScene gave. The hit-testing grid follows.
func (s *Scene) SetSizes(r []float64) {
	st := *s.static
	base := s.baseRadius()
	if r == nil {
		st.radius, st.ownRadius = base, nil
	} else {
		st.radius = make([]float64, s.n)
		for i := range st.radius {
			st.radius[i] = base[i]
			if i < len(r) && r[i] > 0 && !math.IsInf(r[i], 0) {
				st.radius[i] = r[i]
			}
		}
		st.ownRadius = base
	}
	s.static = &st
	s.grid = buildGrid(s.pos, st.radius)
}

// SetColours sets the fill of every entity (one per node; alpha 0 keeps
// the entity's own colour: the file's, else its type's); nil restores the
// colours NewScene gave.
func (s *Scene) SetColours(c []color.NRGBA) {
	st := *s.static
	base := s.baseFill()
	if c == nil {
		st.fill, st.ownFill, st.fillSet = base, nil, false
	} else {
		st.fill = make([]color.NRGBA, s.n)
		copy(st.fill, base)
		for i := 0; i < s.n && i < len(c); i++ {
			if c[i].A != 0 {
				st.fill[i] = c[i]
			}
		}
		st.ownFill, st.fillSet = base, true
	}
	st.setDensityClasses()
	s.static = &st
}

// SetLegend sets the sections the legend lists after the types (nil:
// none).
func (s *Scene) SetLegend(secs []LegendSection) {
	st := *s.static
	st.extraLegend = secs
	s.static = &st
}

func (s *Scene) baseRadius() []float64 {
	if s.ownRadius != nil {
		return s.ownRadius
	}
	return s.radius
}

func (s *Scene) baseFill() []color.NRGBA {
	if s.fillSet {
		return s.ownFill
	}
	return s.fill
}
