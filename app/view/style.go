package view

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/graph"
)

// Chart settings (graph.SetChart) that style the chart from its computed
// measures (graph.Chart.Measures): the measure entity sizes follow, the
// partition their colours follow, and the threshold that hides entities
// whose measure is below a value ("NAME>=VALUE").
const (
	ChartSizeBy    = "size-by"
	ChartColourBy  = "colour-by"
	ChartThreshold = "threshold"
)

// Size scale: an entity sized by a measure is drawn between MinSizeFactor
// and MaxSizeFactor times the chart's median radius, by its value's rank
// among the measure's distinct values (the smallest value the smallest
// disc, the largest the largest, evenly between), so that a measure
// whose values crowd near zero (betweenness) still tells its middle
// entities apart.
const (
	MinSizeFactor = 0.6
	MaxSizeFactor = 3.0
)

// PartitionPalette colours a partition's groups, largest first; smaller
// groups are drawn in PartitionOther.
var PartitionPalette = []color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff}, {0xd6, 0x27, 0x28, 0xff},
	{0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff}, {0xe3, 0x77, 0xc2, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
	{0x17, 0xbe, 0xcf, 0xff}, {0x39, 0x3b, 0x79, 0xff}, {0xad, 0x49, 0x4a, 0xff}, {0x63, 0x79, 0x39, 0xff},
}

// PartitionOther is the colour of the groups beyond the palette.
var PartitionOther = color.NRGBA{0xa0, 0xa4, 0xab, 0xff}

// Styling is what a chart's measure settings change in its drawing: world
// radii and fills per entity (nil: unchanged; 0 or alpha 0 for an entity
// keeps its own) and the legend sections that explain them.
type Styling struct {
	Radii  []float64
	Fill   []color.NRGBA
	Legend []render.LegendSection
}

// StylingOf computes g's styling from its chart settings (ChartSizeBy,
// ChartColourBy); a setting naming a measure g does not have is ignored.
func StylingOf(g *graph.Graph) Styling {
	var st Styling
	ch := g.Chart()
	n := g.NodeCount()
	if m := ch.Measures[ch.Settings[ChartSizeBy]]; m != nil && !m.Partition && n > 0 {
		vals := make([]float64, n)
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range vals {
			v, ok := m.Values[g.Node(int32(i)).ID]
			if !ok || !graph.Finite(v) {
				vals[i] = math.NaN()
				continue
			}
			vals[i] = v
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		if lo <= hi {
			base := medianRadius(g)
			var distinct []float64
			for _, v := range vals {
				if !math.IsNaN(v) {
					distinct = append(distinct, v)
				}
			}
			sort.Float64s(distinct)
			distinct = slices.Compact(distinct)
			st.Radii = make([]float64, n)
			for i, v := range vals {
				if math.IsNaN(v) {
					continue
				}
				t := 0.0
				if len(distinct) > 1 {
					r, _ := slices.BinarySearch(distinct, v)
					t = float64(r) / float64(len(distinct)-1)
				}
				st.Radii[i] = base * (MinSizeFactor + (MaxSizeFactor-MinSizeFactor)*t)
			}
			grey := color.NRGBA{0x8a, 0x90, 0x99, 0xff}
			st.Legend = append(st.Legend, render.LegendSection{Header: fmt.Sprintf(lang.L("Size: %s"), MeasureTitle(m.Name)), Rows: []render.LegendRow{
				{Color: grey, Scale: 0.45, Text: fmt.Sprintf(lang.L("min %s"), FormatValue(lo))},
				{Color: grey, Scale: 1, Text: fmt.Sprintf(lang.L("max %s"), FormatValue(hi))},
			}})
		}
	}
	if m := ch.Measures[ch.Settings[ChartColourBy]]; m != nil && m.Partition && n > 0 {
		groups := PartitionGroups(g, m)
		st.Fill = make([]color.NRGBA, n)
		sec := render.LegendSection{Header: fmt.Sprintf(lang.L("Colour: %s"), MeasureTitle(m.Name))}
		shown := len(groups)
		if shown > len(PartitionPalette) {
			shown = len(PartitionPalette) - 1 // the last row says the rest
		}
		rest, restGroups := 0, 0
		for k, grp := range groups {
			c := PartitionOther
			if k < shown {
				c = PartitionPalette[k]
				sec.Rows = append(sec.Rows, render.LegendRow{Color: c, Text: fmt.Sprintf("%s  %d", render.BriefLabel(grp.Name), len(grp.Members))})
			} else {
				rest += len(grp.Members)
				restGroups++
			}
			for _, i := range grp.Members {
				st.Fill[i] = c
			}
		}
		if restGroups > 0 {
			sec.Rows = append(sec.Rows, render.LegendRow{Color: PartitionOther, Text: fmt.Sprintf(lang.L("+ %d groups  %d"), restGroups, rest)})
		}
		st.Legend = append(st.Legend, sec)
	}
	return st
}

// Group is one group of a partition measure: its entities (indices) and
// a name for people (its entity with the most relations).
type Group struct {
	Value   float64
	Name    string
	Members []int32
}

// PartitionGroups lists a partition measure's groups in g, largest first
// (ties by group number).
func PartitionGroups(g *graph.Graph, m *graph.Measure) []Group {
	by := map[float64]*Group{}
	var order []*Group
	t := g.Topology()
	best := map[float64]int32{}
	for i := 0; i < g.NodeCount(); i++ {
		v, ok := m.Values[g.Node(int32(i)).ID]
		if !ok || !graph.Finite(v) {
			continue
		}
		grp := by[v]
		if grp == nil {
			grp = &Group{Value: v}
			by[v] = grp
			order = append(order, grp)
			best[v] = int32(i)
		}
		grp.Members = append(grp.Members, int32(i))
		if t.Degree[i] > t.Degree[best[v]] {
			best[v] = int32(i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		if len(order[a].Members) != len(order[b].Members) {
			return len(order[a].Members) > len(order[b].Members)
		}
		return order[a].Value < order[b].Value
	})
	out := make([]Group, len(order))
	for k, grp := range order {
		nd := g.Node(best[grp.Value])
		grp.Name = nd.Label
		if grp.Name == "" {
			grp.Name = nd.ID
		}
		out[k] = *grp
	}
	return out
}

// medianRadius is the median of the radii render.NewScene gives g's
// entities (by their number of relations).
func medianRadius(g *graph.Graph) float64 {
	t := g.Topology()
	d := append([]int32(nil), t.Degree...)
	sort.Slice(d, func(a, b int) bool { return d[a] < d[b] })
	return render.NodeRadius(int(d[len(d)/2]))
}

// ApplyStyling hands g's styling to s, a scene whose first entities are
// g's (the collapsed chart adds its groups after them).
func ApplyStyling(s *render.Scene, g *graph.Graph) {
	st := StylingOf(g)
	s.SetSizes(st.Radii)
	s.SetColours(st.Fill)
	s.SetLegend(st.Legend)
}

// FormatValue writes a measure's value for people: integers as such, else
// four significant digits.
func FormatValue(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// Threshold is the chart's ChartThreshold: entities whose Measure is below
// Min are hidden.
type Threshold struct {
	Measure string
	Min     float64
}

// ThresholdOf reads g's ChartThreshold; ok is false when none is set or
// it names a measure g does not have.
func ThresholdOf(g *graph.Graph) (t Threshold, ok bool) {
	name, val, found := strings.Cut(g.Chart().Settings[ChartThreshold], ">=")
	if !found {
		return t, false
	}
	v, err := strconv.ParseFloat(val, 64)
	if err != nil || g.Chart().Measures[name] == nil {
		return t, false
	}
	return Threshold{Measure: name, Min: v}, true
}

// String is the setting's value for SetChart.
func (t Threshold) String() string {
	return t.Measure + ">=" + strconv.FormatFloat(t.Min, 'g', -1, 64)
}
