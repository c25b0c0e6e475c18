package analysis

// leidenBufs are the work arrays of Leiden's local moving, refinement and
// aggregation, kept from level to level and from pass to pass: each level
// would otherwise allocate some 50 bytes per node, and fresh memory is
// zeroed and faulted in page by page. A level's arrays are never longer
// than the first level's, so after the first level nothing grows.
type leidenBufs struct {
	// per worker: weights to each community (all zero between uses, and
	// as long as the largest graph seen) and the communities touched
	scratch []*leidenScratch

	// local moving
	kc        []int32
	size      []int32
	empty     []int32
	queue     []int32
	inQueue   []bool // all false between calls
	moved     []int32
	tag       []int32
	decisions []moveDecision

	// refinement and aggregation
	kr, ext, ks []float64
	single      []bool
	refined     []int32
	memOff      []int32
	memNodes    []int32
	memPos      []int32
	rowLen      []int32
}

type leidenScratch struct {
	wc      []int32
	touched []int32
	cand    []int32
	weight  []float64
}

// workers returns k scratches (k >= 1) whose wc arrays have at least n
// entries, all zero.
func (b *leidenBufs) workers(k, n int) []*leidenScratch {
	k = max(k, 1)
	for len(b.scratch) < k {
		b.scratch = append(b.scratch, &leidenScratch{})
	}
	for _, st := range b.scratch[:k] {
		if len(st.wc) < n {
			st.wc = make([]int32, n)
		}
	}
	if b.decisions == nil {
		b.decisions = make([]moveDecision, moveBatch)
	}
	return b.scratch[:k]
}

// sized makes *s n long, reusing its array when it is long enough; the
// entries keep whatever they held.
func sized[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	*s = (*s)[:n]
	return *s
}

// zeroed is sized with every entry zero.
func zeroed[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
		return *s
	}
	*s = (*s)[:n]
	clear(*s)
	return *s
}
