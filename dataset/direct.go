package dataset

import (
	"bytes"
	"hash/maphash"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/linkscope/linkscope/graph"
)

// The direct path of the JSON loader: for a file that the fast scanner
// decodes with the entities and relations in the model's own records
// (fastDecodeDirect), the builder checks them in place (resolving the
// relations' ends, parsing their dates, giving ids to relations without
// one) and hands the arrays to the graph, so that no record is held
// twice (as decoded and as the model's). It accepts only a file without
// a single problem: at the first one it gives up, and the usual fast path
// (fastDecode and build) decodes the file again and reports every problem
// in place, as for any file.

// buildDirect builds the graph of doc, a document of fastDecodeDirect, or
// returns ok false when the file has a problem (or the load was
// cancelled: err).
func (b *builder) buildDirect(doc *document) (g *graph.Graph, ok bool, err error) {
	if doc.Format != "" && doc.Format != FormatV1 {
		return nil, false, nil
	}
	es := doc.direct
	generateIDs(es)
	ids := make(chan map[string]int32, 1)
	go func() { ids <- indexDirect(es) }()
	g = graph.New(0, 0)
	g.Title, g.Description = doc.Title, doc.Description
	for t, ft := range doc.Types {
		if len(ft.Label) == 0 {
			continue
		}
		if g.TypeLabels == nil {
			g.TypeLabels = make(map[string]map[string]string, len(doc.Types))
		}
		g.TypeLabels[t] = ft.Label
	}
	b.addSources(g, doc.Sources)
	if len(b.pending) > 0 {
		return nil, false, nil
	}
	ns := doc.directNodes
	doc.directNodes = nil
	nodeIDs := make(chan map[string]int32, 1)
	go func() { nodeIDs <- indexDirectNodes(ns) }()
	nodes := len(ns)
	okNodes := b.checkDirectNodes(ns, nodes+len(es))
	nodeMap := <-nodeIDs
	if b.err != nil {
		return nil, false, b.err
	}
	if !okNodes || nodeMap == nil || g.AddNodesIndexed(ns, nodeMap) != nil {
		return nil, false, nil
	}
	// The relations are checked while their id map is still being built
	// (the two read and write different fields of the records), so that
	// no core waits for the other.
	if !b.checkDirect(g, es, nodes, nodes+len(es)) {
		return nil, false, b.err
	}
	idMap := <-ids
	if idMap == nil {
		return nil, false, nil
	}
	if err := g.AddEdgesIndexed(es, idMap); err != nil {
		return nil, false, nil
	}
	return g, true, nil
}

// generateIDs gives the relations without an id "e1", "e2", ... skipping
// every id that another states, as addEdges does for a file without
// problems.
func generateIDs(es []graph.Edge) {
	var gen *idGenerator
	for i := range es {
		if es[i].ID != "" {
			continue
		}
		if gen == nil {
			gen = &idGenerator{taken: make(map[string]bool)}
			for j := range es {
				if es[j].ID != "" {
					gen.taken[es[j].ID] = true
				}
			}
		}
		es[i].ID = gen.next()
	}
}

// indexDirectNodes maps the entities' ids to their indices, or returns
// nil if two have the same.
func indexDirectNodes(ns []graph.Node) map[string]int32 {
	ids := make(map[string]int32, len(ns))
	for i := range ns {
		n := len(ids)
		ids[ns[i].ID] = int32(i)
		if len(ids) == n {
			return nil
		}
	}
	return ids
}

// checkDirectNodes checks the entities of directNode as addNodes does and
// gives them their defaults; false when one has a problem.
func (b *builder) checkDirectNodes(ns []graph.Node, records int) bool {
	for i := range ns {
		if i%checkEvery == checkEvery-1 && !b.tick(float64(i)/float64(records)) {
			return false
		}
		n := &ns[i]
		if n.ID == "" || n.Type == "" || !moneyOK(n.Props) || !b.citationsOK(n.Sources) {
			return false
		}
		if n.Label == "" {
			n.Label = n.ID
		}
		if len(n.Sources) == 0 {
			n.Sources = nil // as addNodes's citations
		}
	}
	return true
}

// citationsOK reports whether every citation names a listed source.
func (b *builder) citationsOK(cs []graph.Citation) bool {
	for _, c := range cs {
		if c.Source == "" || !b.sources[c.Source] {
			return false
		}
	}
	return true
}

// indexDirect is indexEdges for the model's records.
func indexDirect(es []graph.Edge) map[string]int32 {
	ids := make(map[string]int32, len(es))
	for i := range es {
		n := len(ids)
		ids[es[i].ID] = int32(i)
		if len(ids) == n {
			return nil
		}
	}
	return ids
}

// checkDirect resolves the ends of the relations es (decoded by
// directEdge), parses their dates and checks them as checkEdge does, on
// every core; false when one has a problem.
func (b *builder) checkDirect(g *graph.Graph, es []graph.Edge, before, records int) bool {
	data := b.file(0).data
	t := newIDTable(g)
	workers := max(1, min(runtime.GOMAXPROCS(0), 4, len(es)/20000))
	var bad atomic.Bool
	var wg sync.WaitGroup
	chunk := (len(es) + workers - 1) / workers
	for k := 0; k < workers; k++ {
		w := *b
		w.pending = nil
		if k > 0 {
			w.progress = nil
		}
		lo, hi := min(k*chunk, len(es)), min((k+1)*chunk, len(es))
		wg.Add(1)
		go func(k int, w *builder) {
			defer wg.Done()
			debug.SetPanicOnFault(true)
			defer catchFault(func() { bad.Store(true) })
			// The ends are in file order: what is before this part's
			// ends has been read for the last time (on a mapped input).
			released := 0
			if lo < hi {
				released = int(es[lo].From)
			}
			for i := lo; i < hi && !bad.Load(); i += checkEvery {
				if k == 0 && i > lo && !w.tick(float64(before+lo+(i-lo)*workers)/float64(records)) {
					bad.Store(true)
					b.err = w.err
					return
				}
				if at := int(es[i].From); w.mapped != nil && at > released && at <= len(data) {
					w.mapped.release(data[released:at])
					released = at
				}
				if !w.checkDirectPart(t, data, es[i:min(i+checkEvery, hi)]) || len(w.pending) > 0 {
					bad.Store(true)
					return
				}
			}
		}(k, &w)
	}
	wg.Wait()
	return !bad.Load()
}

// checkDirectPart is checkDirect for some of the relations, on one
// goroutine.
func (b *builder) checkDirectPart(t *idTable, data []byte, es []graph.Edge) bool {
	const batch = 16
	var hs [2 * batch]uint64
	var cand [2 * batch]int32
	var touch byte
	for lo := 0; lo < len(es); lo += batch {
		part := es[lo:min(lo+batch, len(es))]
		for k := range part {
			e := &part[k]
			if e.From == 0 || e.To == 0 {
				return false
			}
			hs[2*k] = maphash.Bytes(t.seed, endAt(data, e.From))
			hs[2*k+1] = maphash.Bytes(t.seed, endAt(data, e.To))
		}
		touch += t.candidates(hs[:2*len(part)], cand[:])
		for k := range part {
			e := &part[k]
			from := t.endIndex(endAt(data, e.From), hs[2*k], cand[2*k])
			to := t.endIndex(endAt(data, e.To), hs[2*k+1], cand[2*k+1])
			if from < 0 || to < 0 || e.Type == "" {
				return false
			}
			e.From, e.To = from, to
			if e.Note != "" {
				d, err := graph.ParseDate(e.Note)
				if err != nil {
					return false
				}
				e.Date, e.Note = d, ""
			}
			if !moneyOK(e.Props) {
				return false
			}
			if !b.citationsOK(e.Sources) {
				return false
			}
			if len(e.Sources) == 0 {
				e.Sources = nil // as checkEdge's citations
			}
		}
	}
	t.touched.Add(uint32(touch))
	return true
}

// endAt returns the contents of the string whose contents start at
// offset at (a relation end of directEdge: it has no escapes).
func endAt(data []byte, at int32) []byte {
	p := data[at:]
	return p[:bytes.IndexByte(p, '"')]
}

// endIndex is the index of the entity with id raw, whose hash is h and
// candidate c (see resolve), or -1.
func (t *idTable) endIndex(raw []byte, h uint64, c int32) int32 {
	if c >= 0 && t.ids[c] == string(raw) {
		return c
	}
	if c >= 0 {
		return t.probe(h, raw)
	}
	return -1
}

// moneyOK is checkMoney without a problem: props.amount, when there, a
// number, and props.currency an ISO 4217 code.
func moneyOK(props graph.Props) bool {
	if v, has := props.Get("amount"); has {
		if _, num := v.(float64); !num {
			return false
		}
	}
	if v, has := props.Get("currency"); has {
		if s, _ := v.(string); !isCurrencyCode(s) {
			return false
		}
	}
	return true
}
