package layout

import "context"

// Cancellation and progress of the layouts.
//
// Every layout takes a context: ForceAtlas2 polls it after each step, the
// static layouts every few thousand elementary steps inside their loops
// (crossing-reduction sweeps, layering, ring placement, …), and all return
// ctx's error soon after it ends, or at once when it has ended. The
// options' Progress callbacks run on the layout's goroutine; cancelling the
// context from one stops the layout before its next unit of work.

// pollEvery is the number of elementary steps between two polls of the
// context in the static layouts; a power of two.
const pollEvery = 4096

// work polls a context and reports progress for one layout run. A nil
// *work never stops and reports nothing (for internal callers and tests).
type work struct {
	ctx         context.Context
	progress    func(done, total int)
	done, total int
	steps       uint32
	err         error // set once the context has ended
}

func newWork(ctx context.Context, progress func(done, total int)) *work {
	return &work{ctx: ctx, progress: progress}
}

// poll counts one elementary step and reports whether the layout must
// stop, polling the context every pollEvery steps.
func (w *work) poll() bool {
	if w == nil {
		return false
	}
	if w.steps++; w.steps&(pollEvery-1) != 0 {
		return w.err != nil
	}
	return w.stopped()
}

// stopped polls the context at once and reports whether it has ended.
func (w *work) stopped() bool {
	if w == nil {
		return false
	}
	if w.err == nil {
		select {
		case <-w.ctx.Done():
			w.err = w.ctx.Err()
		default:
		}
	}
	return w.err != nil
}

// ended reports whether a poll has seen the context end, without polling.
func (w *work) ended() bool { return w != nil && w.err != nil }

// advance records k more units of work done out of total, reports them
// and reports whether the layout must stop (polling the context at once,
// since the progress callback may have cancelled it).
func (w *work) advance(k int) bool {
	if w == nil {
		return false
	}
	w.done += k
	if w.progress != nil && k > 0 {
		w.progress(w.done, w.total)
	}
	return w.stopped()
}
