package gui

import "time"

// The status line under the window says two kinds of things. Its state
// (the file, the counts, the layout's state) is rebuilt by updateStatus
// from what owns it: the filters, and the layout task's OnState. A
// message (notify: "Saved …") is transient: it shows with the state for
// statusTTL, or until a newer message or another graph replaces it, and
// then goes by itself. Nothing else writes the status line, so nothing
// stays there longer than what it tells is true.

// statusTTL is how long a message stays in the status line.
const statusTTL = 5 * time.Second

// statusMessage is the status line's transient message.
type statusMessage struct {
	text string
	// gen numbers the messages: an expiry is for the message it was armed
	// for only.
	gen  int
	stop func() bool
	// after runs f after d on some goroutine and returns what cancels it
	// (time.AfterFunc; tests put in their own clock).
	after func(d time.Duration, f func()) (stop func() bool)
}

// messages is the window's message slot.
func (u *ui) messages() *statusMessage {
	if u.msg == nil {
		u.msg = &statusMessage{after: func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }}
	}
	return u.msg
}

// notify shows a short message in the status line, which goes after
// statusTTL (or when a newer one comes).
func (u *ui) notify(text string) {
	m := u.messages()
	if m.stop != nil {
		m.stop()
	}
	m.gen++
	gen := m.gen
	m.text = text
	post := postUI
	m.stop = m.after(statusTTL, func() {
		post(func() {
			if m.gen == gen {
				u.clearMessage()
			}
		})
	})
	u.updateStatus()
}

// closed is the window's last act: it remembers the window's size and
// stops the status message's timer, so that nothing of a closed window
// runs later.
func (u *ui) closed() {
	u.prefs.setWindowSize(u.win.Canvas().Size())
	if m := u.msg; m != nil && m.stop != nil {
		m.stop() // time.Timer.Stop: safe from any goroutine
	}
}

// clearMessage takes the message away now.
func (u *ui) clearMessage() {
	m := u.messages()
	if m.stop != nil {
		m.stop()
		m.stop = nil
	}
	m.gen++
	m.text = ""
	u.updateStatus()
}

// statusText is the status line: the message, if any, then the state.
func (u *ui) statusText(state string) string {
	if u.msg == nil || u.msg.text == "" {
		return state
	}
	return u.msg.text + "  ·  " + state
}
