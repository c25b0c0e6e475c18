package layout

// Overlaps counts overlapping pairs in a drawing. Touching shapes do not
// overlap; a node's own label is never counted against it.
type Overlaps struct {
	// NodeNode counts pairs of node discs that overlap.
	NodeNode int `json:"node_node"`
	// LabelLabel counts pairs of label boxes that overlap.
	LabelLabel int `json:"label_label"`
	// LabelNode counts (label of i, node j) pairs, i != j, that overlap.
	LabelNode int `json:"label_node"`
}

// Total returns the sum of all counts.
func (o Overlaps) Total() int { return o.NodeNode + o.LabelLabel + o.LabelNode }

// shapes holds the disc, label box and their union box of every node.
type shapes struct {
	pos    []Point
	radii  []float64
	labels []bbox // nil when there are no labels
	boxes  []bbox // union of disc and label bounding boxes
}

// setShapes computes the shapes for positions pos.
func (sh *shapes) set(pos []Point, radii []float64, labels []Size, lp LabelPlacement) {
	n := len(pos)
	sh.pos, sh.radii = pos, radii
	sh.boxes = grow(sh.boxes, n)
	if labels != nil {
		sh.labels = grow(sh.labels, n)
	} else {
		sh.labels = nil
	}
	for i, p := range pos {
		r := radii[i]
		b := bbox{p.X - r, p.Y - r, p.X + r, p.Y + r}
		if r <= 0 {
			b = bbox{p.X, p.Y, p.X, p.Y}
		}
		if labels != nil {
			lb := lp.boxOf(i, p, r, labels[i])
			sh.labels[i] = lb
			if lb.hasArea() {
				if r > 0 {
					b = b.union(lb)
				} else {
					b = lb
				}
			}
		}
		sh.boxes[i] = b
	}
}

// pairOverlaps returns the overlaps between nodes i and j.
func (sh *shapes) pairOverlaps(i, j int32) (nn, ll, ln int) {
	if discsOverlap(sh.pos[i], sh.pos[j], sh.radii[i], sh.radii[j]) {
		nn = 1
	}
	if sh.labels != nil {
		if sh.labels[i].hasArea() && sh.labels[j].hasArea() && sh.labels[i].overlaps(sh.labels[j]) {
			ll = 1
		}
		if boxDiscOverlap(sh.labels[i], sh.pos[j], sh.radii[j]) {
			ln++
		}
		if boxDiscOverlap(sh.labels[j], sh.pos[i], sh.radii[i]) {
			ln++
		}
	}
	return
}

// CountOverlaps counts overlapping node discs (centre pos[i], radius
// radii[i]), label boxes (labels[i] placed by lp; labels may be nil) and
// labels over other nodes, exactly, in expected O(n + overlapping pairs)
// time using a spatial hash grid.
func CountOverlaps(pos []Point, radii []float64, labels []Size, lp LabelPlacement) Overlaps {
	var sh shapes
	sh.set(pos, radii, labels, lp)
	var bp boxPairs
	var o Overlaps
	for _, pr := range bp.find(sh.boxes) {
		nn, ll, ln := sh.pairOverlaps(pr[0], pr[1])
		o.NodeNode += nn
		o.LabelLabel += ll
		o.LabelNode += ln
	}
	return o
}
