package render

import (
	"image/color"
	"sync"
)

// The density view colours each tile by the commonest colour among its
// entities. Without colours of their own (the file's, or a measure's:
// SetColours) an entity's colour is its type's, and the classes are the
// types. With them, the classes are the distinct colours drawn, so that
// colouring by community shows at every zoom and not only once the
// entities are drawn one by one.

// densityClassesMost is how many colour classes the density view keeps
// apart: its histograms take a count per tile and class. Beyond it the
// colours are grouped by a 4-level cube of each channel (64 groups), each
// drawn in the colour of its first entity.
const densityClassesMost = 64

// densityClassSet is a scene's colour classes, derived from its fills
// the first time a density frame needs them (on the renderer's
// goroutine, never for a scene that is not drawn as density); a new one
// replaces it whenever the fills change (setDensityClasses).
type densityClassSet struct {
	once   sync.Once
	class  []int32 // nil: no entity has a colour of its own
	colour []color.NRGBA
}

// classes computes the set from st once.
func (cs *densityClassSet) classes(st *static) *densityClassSet {
	if cs == nil {
		return &densityClassSet{} // no classes yet: the types
	}
	cs.once.Do(func() { cs.class, cs.colour = colourClasses(st) })
	return cs
}

// densityClasses returns each entity's colour class and the classes'
// number: the types when no entity has a colour of its own.
func (s *Scene) densityClasses() (class []int32, n int) {
	cs := s.dclass.classes(s.static)
	if cs.class == nil {
		return s.nodeType, max(1, len(s.types))
	}
	return cs.class, len(cs.colour)
}

// densityColour is the colour of class c (from densityClasses).
func (s *Scene) densityColour(c int32) color.NRGBA {
	cs := s.dclass.classes(s.static)
	if cs.class == nil {
		return s.types[c].Style.Color
	}
	return cs.colour[c]
}

// setDensityClasses makes the colour classes follow the fills (derived
// when next needed).
func (st *static) setDensityClasses() { st.dclass = &densityClassSet{} }

// colourClasses are the colour classes of st's fills (nil when it has
// none: the types').
func colourClasses(st *static) ([]int32, []color.NRGBA) {
	if st.fill == nil {
		return nil, nil
	}
	colourOf := func(i int) color.NRGBA {
		if c := st.fill[i]; c.A != 0 {
			return c
		}
		return st.types[st.nodeType[i]].Style.Color
	}
	class := make([]int32, st.n)
	seen := map[color.NRGBA]int32{}
	var colours []color.NRGBA
	for i := range class {
		c := colourOf(i)
		k, ok := seen[c]
		if !ok {
			if len(colours) == densityClassesMost {
				colours = nil
				break
			}
			k = int32(len(colours))
			seen[c] = k
			colours = append(colours, c)
		}
		class[i] = k
	}
	if colours == nil {
		// too many colours: group them by a coarse cube
		var first [densityClassesMost]int32
		for i := range first {
			first[i] = -1
		}
		for i := range class {
			c := colourOf(i)
			k := int32(c.R>>6)<<4 | int32(c.G>>6)<<2 | int32(c.B>>6)
			if first[k] < 0 {
				first[k] = int32(i)
			}
			class[i] = k
		}
		colours = make([]color.NRGBA, densityClassesMost)
		for k, i := range first {
			if i >= 0 {
				colours[k] = colourOf(int(i))
			}
		}
	}
	return class, colours
}
