package path

import (
	"container/heap"
	"context"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/internal/msg"
)

// Time-respecting objectives of [Searcher.TimeRespecting].
const (
	// EarliestArrival finds the path that reaches the target at the
	// earliest date, starting no earlier than TimeOptions.Since.
	EarliestArrival = "earliest-arrival"
	// LatestDeparture finds the path that leaves the source at the latest
	// date and still reaches the target by TimeOptions.Until.
	LatestDeparture = "latest-departure"
)

// Policies for undated relations on a time-respecting path (the three
// choices i2 Analyst's Notebook gives).
const (
	// UndatedStop: an undated relation cannot be followed.
	UndatedStop = "stop"
	// UndatedContinue: an undated relation can be followed and does not
	// move the clock (it happened "at some point" in between).
	UndatedContinue = "continue"
	// UndatedReported: an undated relation takes the date it was first
	// reported (its earliest cited source's publication date) and is
	// followed if that date is in order; with no dated source it stops.
	UndatedReported = "reported"
)

// TimeOptions ask for a time-respecting path. Along the path, each
// relation happens no earlier than the one before it; dates of month or
// year precision are intervals ("2022-10" is 1 to 31 October), and the
// walk picks the earliest day of each interval that keeps the order (the
// rule of [Options.InDateOrder], written in dataset/FORMAT.md).
type TimeOptions struct {
	// Options restrict the relations, entities and length as for any
	// search (InDateOrder is implied).
	Options
	// Objective is EarliestArrival (the default) or LatestDeparture.
	Objective string
	// Since and Until bound the dates used (zero: no bound).
	Since, Until graph.Date
	// MaxGapDays, when > 0, bounds the days between consecutive dated
	// relations.
	MaxGapDays int
	// Undated is the policy for undated relations (UndatedStop when
	// empty).
	Undated string
}

// TimedPath is a time-respecting path with its departure and arrival
// days (the days picked in its first and last dated relations' intervals,
// as YYYYMMDD; 0 when it has no dated relation).
type TimedPath struct {
	Path
	Departure, Arrival int32
}

// Check validates o.
func (o TimeOptions) Check() error {
	switch o.Objective {
	case "", EarliestArrival, LatestDeparture:
	default:
		return msg.Errorf("unknown objective %q (%s or %s)", o.Objective, EarliestArrival, LatestDeparture)
	}
	switch o.Undated {
	case "", UndatedStop, UndatedContinue, UndatedReported:
	default:
		return msg.Errorf("unknown policy for undated relations %q (stop, continue or reported)", o.Undated)
	}
	if o.MaxGapDays < 0 {
		return msg.Errorf("the maximum gap must be >= 0 days")
	}
	return nil
}

// tstate is a label of the time-respecting search: a walk reaching node
// by rel from the label parent, with the clock (a day key, in reversed
// time for latest departure) and the first day chosen.
type tstate struct {
	node, rel, parent int32
	clock, start      int32
	hops              int32
}

type tqueue struct {
	labels []tstate
	idx    []int32
}

func (q *tqueue) Len() int { return len(q.idx) }
func (q *tqueue) Less(i, j int) bool {
	a, b := &q.labels[q.idx[i]], &q.labels[q.idx[j]]
	if a.clock != b.clock {
		return a.clock < b.clock
	}
	if a.hops != b.hops {
		return a.hops < b.hops
	}
	return q.idx[i] < q.idx[j]
}
func (q *tqueue) Swap(i, j int) { q.idx[i], q.idx[j] = q.idx[j], q.idx[i] }
func (q *tqueue) Push(x any)    { q.idx = append(q.idx, x.(int32)) }
func (q *tqueue) Pop() any {
	x := q.idx[len(q.idx)-1]
	q.idx = q.idx[:len(q.idx)-1]
	return x
}

// TimeRespecting finds the best time-respecting path from one entity to
// another under o: the earliest arrival (ties: fewer relations), or the
// latest departure. It is a label-setting search ordered by the clock:
// without a maximum gap a walk that reaches an entity earlier dominates
// any later one (it can take every relation the later one can), so each
// entity is settled once; with a gap it does not (a later clock may reach
// relations too far from an earlier one), and each entity is settled
// once per distinct clock. Walks never revisit an entity, so the answer
// is a path.
func (s *Searcher) TimeRespecting(ctx context.Context, from, to int32, o TimeOptions) (TimedPath, bool, error) {
	if err := o.Check(); err != nil {
		return TimedPath{}, false, err
	}
	if canceled(ctx) {
		return TimedPath{}, false, ctx.Err()
	}
	s.sync()
	if !s.valid(from) || !s.valid(to) {
		return TimedPath{}, false, nil
	}
	reverse := o.Objective == LatestDeparture
	if reverse {
		from, to = to, from
	}
	f := s.compile(o.Options)
	a := s.adj
	g := a.g
	var reported []graph.Date
	if o.Undated == UndatedReported {
		reported = reportedDates(g)
	}
	// interval of relation r in the search's time (negated when reversed),
	// ok false when it cannot be followed at all
	interval := func(r int32) (first, last int32, dated, ok bool) {
		first, last = a.first[r], a.last[r]
		if first == 0 {
			switch o.Undated {
			case UndatedContinue:
				return 0, 0, false, true
			case UndatedReported:
				if d := reported[r]; !d.IsZero() {
					first, last = d.First(), d.Last()
					break
				}
				return 0, 0, false, false
			default:
				return 0, 0, false, false
			}
		}
		if !o.Since.IsZero() && last < o.Since.First() {
			return 0, 0, true, false
		}
		if !o.Until.IsZero() && first > o.Until.Last() {
			return 0, 0, true, false
		}
		if !o.Since.IsZero() {
			first = max(first, o.Since.First())
		}
		if !o.Until.IsZero() {
			last = min(last, o.Until.Last())
		}
		if reverse {
			first, last = -last, -first
		}
		return first, last, true, true
	}
	const unset = -1 << 31
	q := &tqueue{labels: []tstate{{node: from, rel: -1, parent: -1, clock: unset, start: unset}}, idx: []int32{0}}
	settled := map[[2]int32]bool{}
	bestClock := s.best
	if len(s.bestHops) != len(bestClock) {
		s.bestHops = make([]int32, len(bestClock))
	}
	bestHops := s.bestHops
	gen := s.nextGen()
	s.markF[from], bestClock[from], bestHops[from] = gen, unset, 0
	pl := newPoller(ctx)
	onChain := func(li int32, v int32) bool {
		for i := li; i >= 0; i = q.labels[i].parent {
			if q.labels[i].node == v {
				return true
			}
		}
		return false
	}
	maxHops := int32(f.maxHops)
	// front holds an entity's further labels beyond its first (clock and
	// hops), rare: only a later clock in fewer relations is kept
	front := map[int32][][2]int32{}
	for q.Len() > 0 {
		li := heap.Pop(q).(int32)
		l := q.labels[li]
		if l.node == to {
			return s.timedResult(q.labels, li, reverse), true, nil
		}
		key := [2]int32{l.node, l.clock}
		if o.MaxGapDays > 0 {
			if settled[key] {
				continue
			}
			settled[key] = true
		} else {
			if s.markF[l.node] == gen && bestClock[l.node] <= l.clock && bestHops[l.node] < l.hops {
				continue
			}
		}
		if maxHops > 0 && l.hops >= maxHops {
			continue
		}
		l1, l2 := s.arcs(&f, l.node, reverse)
		for _, list := range [2][]graph.Arc{l1, l2} {
			for _, x := range list {
				if pl.stop() {
					return TimedPath{}, false, pl.err
				}
				v := x.Node
				if !s.edgeOK(&f, x.Rel) || (v != to && !s.nodeOK(&f, v)) {
					continue
				}
				first, last, dated, ok := interval(x.Rel)
				if !ok {
					continue
				}
				c, start := l.clock, l.start
				if dated {
					if last < c {
						continue
					}
					day := max(c, first)
					if o.MaxGapDays > 0 && c != unset && dayNumber(day, reverse)-dayNumber(c, reverse) > int32(o.MaxGapDays) {
						continue
					}
					c = day
					if start == unset {
						start = day
					}
				}
				if o.MaxGapDays == 0 {
					// dominated by a walk there no later in no more
					// relations (the labels kept per entity form a Pareto
					// front of clock and length)
					if s.markF[v] == gen && bestClock[v] <= c && bestHops[v] <= l.hops+1 || dominated(front[v], c, l.hops+1) {
						continue
					}
					if s.markF[v] != gen {
						s.markF[v], bestClock[v], bestHops[v] = gen, c, l.hops+1
					} else {
						front[v] = append(front[v], [2]int32{c, l.hops + 1})
					}
				} else if settled[[2]int32{v, c}] || onChain(li, v) {
					continue
				}
				q.labels = append(q.labels, tstate{node: v, rel: x.Rel, parent: li, clock: c, start: start, hops: l.hops + 1})
				heap.Push(q, int32(len(q.labels)-1))
			}
		}
	}
	return TimedPath{}, false, nil
}

func dominated(labels [][2]int32, c, h int32) bool {
	for _, l := range labels {
		if l[0] <= c && l[1] <= h {
			return true
		}
	}
	return false
}

// timedResult follows parent links from label li and orders the path from
// the original source.
func (s *Searcher) timedResult(labels []tstate, li int32, reverse bool) TimedPath {
	n := 0
	for i := li; i >= 0; i = labels[i].parent {
		n++
	}
	p := Path{Nodes: make([]int32, n), Edges: make([]int32, n-1)}
	for i := li; i >= 0; i = labels[i].parent {
		n--
		p.Nodes[n] = labels[i].node
		if n > 0 {
			p.Edges[n-1] = labels[i].rel
		}
	}
	const unset = -1 << 31
	l := labels[li]
	tp := TimedPath{Path: p}
	if l.start != unset {
		tp.Departure, tp.Arrival = l.start, l.clock
	}
	if reverse {
		for i, j := 0, len(p.Nodes)-1; i < j; i, j = i+1, j-1 {
			p.Nodes[i], p.Nodes[j] = p.Nodes[j], p.Nodes[i]
		}
		for i, j := 0, len(p.Edges)-1; i < j; i, j = i+1, j-1 {
			p.Edges[i], p.Edges[j] = p.Edges[j], p.Edges[i]
		}
		if l.start != unset {
			tp.Departure, tp.Arrival = -l.clock, -l.start
		}
	}
	return tp
}

// reportedDates gives each relation the earliest publication date of the
// sources it cites (zero when none is dated).
func reportedDates(g *graph.Graph) []graph.Date {
	pub := make(map[string]graph.Date, len(g.Sources))
	for _, src := range g.Sources {
		pub[src.ID] = src.Published
	}
	out := make([]graph.Date, g.EdgeCount())
	for r := range out {
		for _, c := range g.Edge(int32(r)).Sources {
			d := pub[c.Source]
			if !d.IsZero() && (out[r].IsZero() || d.First() < out[r].First()) {
				out[r] = d
			}
		}
	}
	return out
}

// dayNumber turns a day key (YYYYMMDD, negated in reversed time) into a
// count of days, for measuring gaps.
func dayNumber(key int32, reverse bool) int32 {
	if reverse {
		return -civilDays(-key)
	}
	return civilDays(key)
}

// civilDays is the number of days from 1970-01-01 to the day key
// YYYYMMDD (Howard Hinnant's days_from_civil).
func civilDays(key int32) int32 {
	y, m, d := key/10000, key/100%100, key%100
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
