package view

import (
	"context"
	"errors"
	"fmt"

	"github.com/linkscope/linkscope/graph/path"
)

// PathMode is what a path request asks for.
type PathMode int

const (
	// Shortest is one shortest path.
	Shortest PathMode = iota
	// KShortest is the K shortest simple paths (Yen).
	KShortest
	// AllPaths is every simple path up to Options.MaxHops, at most Limit.
	AllPaths
	// Dated is the shortest path whose dated relations do not go back in
	// time (Shortest with Options.InDateOrder).
	Dated
	// Timed is the best time-respecting path of Time (earliest arrival or
	// latest departure, with its gap and undated policy).
	Timed
)

// PathRequest is one path search between two entities.
type PathRequest struct {
	From, To int32
	Mode     PathMode
	// K is the number of paths KShortest asks for (at least 1).
	K int
	// Limit caps AllPaths (at least 1).
	Limit int
	// Options choose the relations followed, the direction, the hops, the
	// memory bound.
	Options path.Options
	// Time is the Timed mode's objective, dates, gap and undated policy
	// (its Options are taken from Options).
	Time path.TimeOptions
}

// RunPaths answers req with s. A search stopped by ctx, by the memory bound
// or by Limit returns the paths found so far with the set's TimedOut,
// Full or Truncated flag and no error; an empty set means no path.
func RunPaths(ctx context.Context, s *path.Searcher, req PathRequest) (path.Set, error) {
	var set path.Set
	opt := req.Options
	switch req.Mode {
	case AllPaths:
		if req.Limit < 1 {
			return set, fmt.Errorf("limit %d: want at least 1", req.Limit)
		}
		return s.AllPaths(ctx, req.From, req.To, opt, req.Limit)
	case KShortest:
		if req.K < 1 {
			return set, fmt.Errorf("k %d: want at least 1", req.K)
		}
		var err error
		set.Paths, err = s.KShortest(ctx, req.From, req.To, req.K, opt)
		switch {
		case errors.Is(err, path.ErrStoreFull):
			set.Truncated, set.Full = true, true
		case err != nil && ctx.Err() != nil:
			set.Truncated, set.TimedOut = true, true
		case err != nil:
			return set, err
		}
		return set, nil
	case Timed:
		to := req.Time
		to.Options = opt
		to.InDateOrder = false
		tp, ok, err := s.TimeRespecting(ctx, req.From, req.To, to)
		switch {
		case err != nil && ctx.Err() != nil:
			set.Truncated, set.TimedOut = true, true
		case err != nil:
			return set, err
		case ok:
			set.Paths = []path.Path{tp.Path}
		}
		return set, nil
	case Dated:
		opt.InDateOrder = true
		fallthrough
	case Shortest:
		p, ok, err := s.Shortest(ctx, req.From, req.To, opt)
		switch {
		case err != nil && ctx.Err() != nil:
			set.Truncated, set.TimedOut = true, true
		case err != nil:
			return set, err
		case ok:
			set.Paths = []path.Path{p}
		}
		return set, nil
	}
	return set, fmt.Errorf("unknown path mode %d", req.Mode)
}
