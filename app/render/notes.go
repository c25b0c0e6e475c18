package render

import (
	"image"
	"math"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// The analyst's notes (graph.Node.Note, graph.Edge.Note, graph.Chart.Note)
// are drawn as a small marker on the entity (or at the relation's
// middle) and, where there is room, a box with the note's first lines
// beside it; the chart's note sits in a box in the top-right corner.

// placedNote is a note box that found room.
type placedNote struct {
	box   image.Rectangle // the panel, device pixels
	lines []string
	size  float64 // font size, device pixels
	// baseline origin of the first line, and the line step
	tx, ty, step float64
	node, edge   int32
	// lead, when set, is a leader line from the marker (ax, ay) to the
	// box, for a box placed away from its marker
	lead   bool
	ax, ay float64
}

// noteSize is the notes' font size and noteWidth their widest line, in
// logical pixels; noteLines the most lines a note box shows.
const (
	noteSize      = 11
	noteWidth     = 190
	noteLines     = 3
	chartNoteW    = 260
	chartNoteRows = 6
)

// notesOf records the notes of g's entities and relations and of its
// chart (nil slices when there are none).
func (st *static) notesOf(g *graph.Graph) {
	for i := 0; i < st.n; i++ {
		if n := strings.TrimSpace(g.Node(int32(i)).Note); n != "" {
			if st.nodeNote == nil {
				st.nodeNote = make([]string, st.n)
			}
			st.nodeNote[i] = n
		}
	}
	for e := 0; e < st.m; e++ {
		if n := strings.TrimSpace(g.Edge(int32(e)).Note); n != "" {
			if st.edgeNote == nil {
				st.edgeNote = make([]string, st.m)
			}
			st.edgeNote[e] = n
		}
	}
	st.chartNote = strings.TrimSpace(g.Chart().Note)
}

// NodeNote returns entity i's note ("" when none).
func (s *Scene) NodeNote(i int32) string {
	if s.nodeNote == nil {
		return ""
	}
	return s.nodeNote[i]
}

// wrapNote breaks text into at most rows lines of at most width device
// pixels at size, ending the last with "…" when the text goes on.
func (f *frame) wrapNote(text string, size, width float64, rows int) []string {
	te := f.s.text
	var lines []string
	cut := false
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if adv, _, _ := te.measure(try, regular, size); adv <= width || line == "" {
				line = try
				continue
			}
			lines = append(lines, line)
			line = w
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > rows {
		lines, cut = lines[:rows], true
	}
	for k, l := range lines {
		// a single word wider than the box: shorten it
		for adv, _, _ := te.measure(l, regular, size); adv > width && len([]rune(l)) > 2; adv, _, _ = te.measure(l, regular, size) {
			r := []rune(l)
			l = string(r[:len(r)-2]) + "…"
			lines[k] = l
		}
	}
	if cut && len(lines) > 0 {
		last := []rune(lines[len(lines)-1])
		for len(last) > 1 {
			if adv, _, _ := te.measure(string(last)+"…", regular, size); adv <= width {
				break
			}
			last = last[:len(last)-1]
		}
		lines[len(lines)-1] = strings.TrimRight(string(last), " .,;") + "…"
	}
	return lines
}

// noteBox measures a note box for lines with its top-left at (x, y).
func (f *frame) noteBox(lines []string, size float64) (w, h, step, asc float64) {
	te := f.s.text
	_, a, d := te.measure("Ag", regular, size)
	step = (a + d) * 1.15
	for _, l := range lines {
		adv, _, _ := te.measure(l, regular, size)
		w = math.Max(w, adv)
	}
	pad := 5 * f.sc
	return w + 2*pad, step*float64(len(lines)) + 2*pad - (step - a - d), step, a
}

// makeNote returns the note placed with its box's top-left at (x, y).
func (f *frame) makeNote(lines []string, size, x, y float64) placedNote {
	w, h, step, asc := f.noteBox(lines, size)
	pad := 5 * f.sc
	box := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	return placedNote{box: box, lines: lines, size: size, tx: float64(box.Min.X) + pad, ty: float64(box.Min.Y) + pad + asc, step: step, node: -1, edge: -1}
}

// chartNote is the chart's note box in the top-right corner, or nil.
func (f *frame) chartNote() *placedNote {
	if f.s.chartNote == "" {
		return nil
	}
	if f.chartNoteCache != nil {
		return f.chartNoteCache
	}
	size := noteSize * f.sc
	lines := f.wrapNote(f.s.chartNote, size, math.Min(chartNoteW*f.sc, float64(f.w)/2), chartNoteRows)
	w, _, _, _ := f.noteBox(lines, size)
	top := 12 * f.sc
	if _, _, _, box, ok := f.timeLabelLayout(); ok {
		top = float64(box.Max.Y) + 6*f.sc
	}
	n := f.makeNote(lines, size, float64(f.w)-14*f.sc-w, top)
	f.chartNoteCache = &n
	return &n
}

// noteMarker returns where entity i's or relation e's note marker goes
// (its centre) and its half size, in device pixels.
func (f *frame) nodeMarker(i int32) (x, y, r float64) {
	r = 4 * f.sc
	d := float64(f.sr[i]) * 0.75
	return float64(f.sx[i]) + d + r*0.4, float64(f.sy[i]) - d - r*0.4, r
}

func (f *frame) edgeMarker(e int32) (x, y, r float64) {
	g := f.arcOf(e)
	x, y = g.at(0.5)
	return x, y, 4 * f.sc
}

// placeNotes gives the notes of entities and relations on screen a box
// where one is free (occupancy: labels placed so far, nodes, overlays),
// the selected entity's first.
func (f *frame) placeNotes(occ *occupancy, bounds image.Rectangle) {
	s := f.s
	if f.far || (s.nodeNote == nil && s.edgeNote == nil) {
		return
	}
	size := noteSize * f.sc
	width := noteWidth * f.sc
	try := func(lines []string, mx, my, mr float64, node, edge int32) {
		w, h, _, _ := f.noteBox(lines, size)
		gap := mr + 2*f.sc
		cands := [][2]float64{
			{mx + gap, my - h - gap*0.3}, // above right
			{mx - w - gap, my - h - gap*0.3},
			{mx + gap, my + gap},
			{mx - w - gap, my + gap},
		}
		// farther out, joined to the marker by a leader line: rings of
		// eight directions at growing distances
		for _, d := range []float64{40, 80, 130} {
			d *= f.sc
			for k := 0; k < 8; k++ {
				a := float64(k) * math.Pi / 4
				cx, cy := mx+d*math.Cos(a), my-d*math.Sin(a)
				cands = append(cands, [2]float64{cx - w/2, cy - h/2})
			}
		}
		for k, c := range cands {
			n := f.makeNote(lines, size, c[0], c[1])
			if !n.box.In(bounds) || !occ.free(n.box) {
				continue
			}
			occ.add(n.box)
			n.node, n.edge = node, edge
			if k >= 4 {
				n.lead, n.ax, n.ay = true, mx, my
			}
			f.notes = append(f.notes, n)
			return
		}
	}
	if s.nodeNote != nil {
		order := s.priority
		if h := s.hl.Selected; h >= 0 && int(h) < s.n {
			order = append([]int32{h}, order...)
		}
		done := map[int32]bool{}
		for _, i := range order {
			if done[i] || s.nodeNote[i] == "" || !f.onScr[i] {
				continue
			}
			done[i] = true
			x, y, r := f.nodeMarker(i)
			try(f.wrapNote(s.nodeNote[i], size, width, noteLines), x, y, r, i, -1)
		}
	}
	for e := int32(0); s.edgeNote != nil && int(e) < s.m; e++ {
		if s.edgeNote[e] == "" || !s.EdgeVisible(e) || (!f.onScr[s.src[e]] && !f.onScr[s.dst[e]]) {
			continue
		}
		x, y, r := f.edgeMarker(e)
		try(f.wrapNote(s.edgeNote[e], size, width, noteLines), x, y, r, -1, e)
	}
}

// drawNotes draws every note marker on screen and the note boxes placed.
func (f *frame) drawNotes(cv *canvas, sc *scratch) {
	s := f.s
	if f.far {
		return
	}
	marker := func(x, y, r float64) {
		b := image.Rect(int(math.Round(x-r)), int(math.Round(y-r)), int(math.Round(x+r)), int(math.Round(y+r)))
		cv.fillPolys(sc, [][]Point{roundRect(b.Inset(-max(1, int(f.sc))), 2*f.sc)}, premul(f.pal.noteBorder))
		cv.fillPolys(sc, [][]Point{roundRect(b, 1.5*f.sc)}, premul(f.pal.note))
	}
	for i := int32(0); s.nodeNote != nil && int(i) < s.n; i++ {
		if s.nodeNote[i] != "" && f.onScr[i] {
			marker(f.nodeMarker(i))
		}
	}
	for e := int32(0); s.edgeNote != nil && int(e) < s.m; e++ {
		if s.edgeNote[e] != "" && s.EdgeVisible(e) && (f.onScr[s.src[e]] || f.onScr[s.dst[e]]) {
			marker(f.edgeMarker(e))
		}
	}
	box := func(n *placedNote) {
		if n.lead {
			// to the nearest point of the box
			bx := math.Max(float64(n.box.Min.X), math.Min(n.ax, float64(n.box.Max.X)))
			by := math.Max(float64(n.box.Min.Y), math.Min(n.ay, float64(n.box.Max.Y)))
			cv.line(n.ax, n.ay, bx, by, f.sc, premul(f.pal.noteBorder))
		}
		cv.fillPolys(sc, [][]Point{roundRect(n.box, 4*f.sc)}, premul(f.pal.noteBorder))
		cv.fillPolys(sc, [][]Point{roundRect(n.box.Inset(max(1, int(f.sc))), 4*f.sc-1)}, premul(f.pal.note))
		for k, l := range n.lines {
			f.drawText(cv, l, regular, n.size, n.tx, n.ty+float64(k)*n.step, f.pal.text)
		}
	}
	for k := range f.notes {
		box(&f.notes[k])
	}
	if n := f.chartNote(); n != nil {
		box(n)
	}
}

// NoteBox is a note Render draws in a box.
type NoteBox struct {
	// Rect is the box in device pixels; Lines the text shown.
	Rect  image.Rectangle
	Lines []string
	// Node is the entity annotated, Edge the relation (-1: none; both
	// -1: the chart's note).
	Node, Edge int32
}

// Notes returns the note boxes Render would draw for s through v.
func Notes(s *Scene, v Viewport, o Options) []NoteBox {
	if s == nil || v.Width <= 0 || v.Height <= 0 {
		return nil
	}
	f := newFrame(s, v, o)
	var out []NoteBox
	for _, n := range f.notes {
		out = append(out, NoteBox{Rect: n.box, Lines: n.lines, Node: n.node, Edge: n.edge})
	}
	if n := f.chartNote(); n != nil {
		out = append(out, NoteBox{Rect: n.box, Lines: n.lines, Node: -1, Edge: -1})
	}
	return out
}
