package graph

import (
	"strconv"
	"time"

	"github.com/linkscope/linkscope/internal/msg"
)

// Record is one entry of an investigation's history: a command applied, or
// an undo or redo, with when it happened. The history is the audit trail
// and what a workspace saves; replaying it on the original data (see
// [Graph.Replay]) rebuilds the model and its undo and redo stacks exactly.
type Record struct {
	// Kind is "do", "undo" or "redo".
	Kind string
	// Cmd is the command applied ("do"), or undone or redone.
	Cmd  Command
	Time time.Time
}

// step is an applied command with the inverse that undoes it.
type step struct{ cmd, inverse Command }

type history struct {
	log        []Record
	undo, redo []step
	clock      func() time.Time
}

// ErrNothingToUndo and ErrNothingToRedo are returned by Undo and Redo with
// an empty stack.
var (
	ErrNothingToUndo = msg.Errorf("nothing to undo")
	ErrNothingToRedo = msg.Errorf("nothing to redo")
)

// SetClock sets what gives the time recorded with each change (time.Now
// unless set; tests set it).
func (g *Graph) SetClock(now func() time.Time) { g.hist.clock = now }

func (h *history) now() time.Time {
	if h.clock == nil {
		return time.Now()
	}
	return h.clock()
}

// Apply is the one entry point for changing an investigation: it applies c,
// records it in the history with its inverse, and clears the redo stack.
// On error nothing changes and nothing is recorded.
func (g *Graph) Apply(c Command) error {
	done, inv, err := c.apply(g)
	if err != nil {
		return err
	}
	g.hist.undo = append(g.hist.undo, step{done, inv})
	g.hist.redo = nil
	g.hist.log = append(g.hist.log, Record{Kind: "do", Cmd: done, Time: g.hist.now()})
	return nil
}

// Undo undoes the latest command not yet undone and returns it.
func (g *Graph) Undo() (Command, error) {
	h := &g.hist
	if len(h.undo) == 0 {
		return nil, ErrNothingToUndo
	}
	st := h.undo[len(h.undo)-1]
	if _, _, err := st.inverse.apply(g); err != nil {
		return nil, err
	}
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, st)
	h.log = append(h.log, Record{Kind: "undo", Cmd: st.cmd, Time: h.now()})
	return st.cmd, nil
}

// Redo applies again the latest undone command and returns it.
func (g *Graph) Redo() (Command, error) {
	h := &g.hist
	if len(h.redo) == 0 {
		return nil, ErrNothingToRedo
	}
	st := h.redo[len(h.redo)-1]
	done, inv, err := st.cmd.apply(g)
	if err != nil {
		return nil, err
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, step{done, inv})
	h.log = append(h.log, Record{Kind: "redo", Cmd: done, Time: h.now()})
	return done, nil
}

// UndoName and RedoName describe what Undo and Redo would do ("move
// CNIL"), with ok false when there is nothing to undo or redo.
func (g *Graph) UndoName() (name string, ok bool) {
	if h := g.hist.undo; len(h) > 0 {
		// described against the graph as it is, which the command left
		return h[len(h)-1].cmd.Describe(g), true
	}
	return "", false
}

// UndoText and RedoText are UndoName and RedoName as message templates
// (see [DescribeText]), for the interface to translate.
func (g *Graph) UndoText() (msg.Text, bool) {
	if h := g.hist.undo; len(h) > 0 {
		return DescribeText(h[len(h)-1].cmd, g), true
	}
	return msg.Text{}, false
}

// RedoText: see UndoText.
func (g *Graph) RedoText() (msg.Text, bool) {
	if h := g.hist.redo; len(h) > 0 {
		return DescribeText(h[len(h)-1].cmd, g), true
	}
	return msg.Text{}, false
}

// RedoName: see UndoName.
func (g *Graph) RedoName() (name string, ok bool) {
	if h := g.hist.redo; len(h) > 0 {
		return h[len(h)-1].cmd.Describe(g), true
	}
	return "", false
}

// History returns the records of every change, undo and redo, oldest
// first. The slice must not be modified.
func (g *Graph) History() []Record { return g.hist.log }

// Replay applies a history (from [Graph.History], typically saved with a
// workspace) to g, which must be the data the history started from, so
// that g ends in the same state with the same undo and redo stacks; each
// record keeps its original time.
func (g *Graph) Replay(log []Record) error {
	saved := g.hist.clock
	defer func() { g.hist.clock = saved }()
	for k, r := range log {
		t := r.Time
		g.hist.clock = func() time.Time { return t }
		var err error
		switch r.Kind {
		case "do":
			err = g.Apply(r.Cmd)
		case "undo":
			_, err = g.Undo()
		case "redo":
			_, err = g.Redo()
		default:
			err = msg.Errorf("unknown kind %s", r.Kind)
		}
		if err != nil {
			return &ReplayError{Index: k, Err: err}
		}
	}
	return nil
}

// ReplayError says which record of a history could not be replayed.
type ReplayError struct {
	Index int
	Err   error
}

func (e *ReplayError) Error() string {
	return "history entry " + strconv.Itoa(e.Index+1) + ": " + e.Err.Error()
}

func (e *ReplayError) Unwrap() error { return e.Err }
