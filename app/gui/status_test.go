package gui

import (
	"strings"
	"testing"
	"time"
)

// fakeClock stands in for time.AfterFunc: the test fires what is due.
type fakeClock struct {
	due []func()
	d   []time.Duration
}

func (c *fakeClock) after(d time.Duration, f func()) func() bool {
	i := len(c.due)
	c.due, c.d = append(c.due, f), append(c.d, d)
	return func() bool { c.due[i] = nil; return true }
}

// fire runs every function still armed.
func (c *fakeClock) fire() {
	for i, f := range c.due {
		if f != nil {
			c.due[i] = nil
			f()
		}
	}
}

// A message in the status line goes by itself after statusTTL, and the
// state (counts, layout) stays.
func TestStatusMessageExpires(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	clock := &fakeClock{}
	u.messages().after = clock.after
	state := u.status.Text
	u.exported([]string{"/tmp/view.png"}, nil)
	if !strings.Contains(u.status.Text, "Saved /tmp/view.png") || !strings.Contains(u.status.Text, state) {
		t.Fatalf("status %q", u.status.Text)
	}
	if len(clock.d) != 1 || clock.d[0] != statusTTL {
		t.Fatalf("the message was armed for %v", clock.d)
	}
	// the layout settling (its OnState) keeps the message and the new state
	u.toolbar.setState(false, "layout settled (12 steps)")
	if !strings.Contains(u.status.Text, "Saved") || !strings.Contains(u.status.Text, "layout settled (12 steps)") {
		t.Fatalf("status %q", u.status.Text)
	}
	clock.fire()
	q.run()
	if strings.Contains(u.status.Text, "Saved") || !strings.Contains(u.status.Text, "layout settled (12 steps)") {
		t.Fatalf("after %v the status says %q", statusTTL, u.status.Text)
	}
}

// A newer message replaces the older, whose expiry then does nothing to
// it; another graph takes the message away.
func TestNewerStatusMessageWins(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	clock := &fakeClock{}
	u.messages().after = clock.after
	u.notify("first")
	first := clock.due[0]
	u.notify("second")
	first() // an expiry that was already due when it was replaced
	q.run()
	if !strings.Contains(u.status.Text, "second") || strings.Contains(u.status.Text, "first") {
		t.Fatalf("status %q", u.status.Text)
	}
	u.showDefault()
	if strings.Contains(u.status.Text, "second") {
		t.Fatalf("the new graph's status still says %q", u.status.Text)
	}
}

// A long message (a long file path, a measure's note) never makes the
// window need more width: the status line cuts it with an ellipsis, and
// the file's path comes last, where it is cut first.
func TestLongStatusDoesNotWidenTheWindow(t *testing.T) {
	queueUI(t)
	u := newTestUI(t)
	before := u.win.Content().MinSize().Width
	long := strings.Repeat("Communities computed in 498 ms. Leiden, resolution 1, seed 1, modularity 0.9619 ", 8)
	u.ex.path = "/" + strings.Repeat("a-long-folder-name/", 20) + "graph.json"
	u.notify(long)
	if w := u.win.Content().MinSize().Width; w > before || w > 1280 {
		t.Fatalf("the window needs %.0f px with a long status (%.0f before)", w, before)
	}
	if !strings.HasSuffix(u.status.Text, "graph.json") || !strings.HasPrefix(u.status.Text, "Communities") {
		t.Fatalf("status %q: want the message first and the file last", u.status.Text)
	}
}
