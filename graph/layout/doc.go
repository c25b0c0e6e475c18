// Package layout computes 2-D node positions for large graphs: the layouts
// analysts know from Gephi, yEd and i2, fast enough for 100k entities.
//
// The package is a self-contained, index-based library: it imports nothing
// from the rest of the project. Every layout takes a [Graph] (nodes 0..N-1,
// directed edges Src[i]->Dst[i]) and returns positions as []Point.
//
// Layouts:
//
//   - [FA2]: ForceAtlas2, the continuous force-directed layout of Gephi
//     (Jacomy, Venturini, Heymann, Bastian, PLoS ONE 9(6) e98679, 2014),
//     with Barnes–Hut approximation (Barnes & Hut, Nature 324, 1986),
//     deterministic parallel force computation, pinning and incremental
//     growth.
//   - [Circular]: nodes on one circle, grouped into contiguous arcs.
//   - [Radial]: breadth-first rings around a focus node with children in
//     angular sectors under their parent (Eades, "Drawing free trees", 1992;
//     Di Battista, Eades, Tamassia, Tollis, "Graph Drawing", 1999, §3.1).
//   - [Layered]: the Sugiyama framework (Sugiyama, Tagawa, Toda, IEEE SMC
//     11(2), 1981) with Eades–Lin–Smyth cycle removal, longest-path layering
//     with Nikolov–Tarassov promotion, barycenter crossing reduction and
//     priority-style coordinate assignment.
//
// Post-processing and measurement:
//
//   - [RemoveOverlaps]: label-aware node overlap removal (Gephi's Noverlap /
//     Label Adjust) with a guaranteed overlap-free result; [CountOverlaps]
//     verifies it.
//   - [Measure], [Stress], [EdgeLengthCV]: layout quality measures.
package layout
