package gui

import (
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph"
)

// The timeline's controls beside the slider: the histogram with its range
// brush (chart settings "from" and "as-of"), the switch for undated
// relations ("undated"), and play/pause, which moves the "as of" date
// through time at a steady pace and records one step when it stops.

// playTick is the animation's frame interval; playFrames how many frames
// it takes to cross the whole timeline.
const (
	playTick   = 80 * time.Millisecond
	playFrames = 150
)

// timeLabel names the timeline's date or range for the canvas and its
// snapshots ("" when time hides nothing).
func (u *ui) timeLabel() string {
	if u.ex == nil {
		return ""
	}
	f := u.ex.filter
	return view.TimeLabelOf(f.from, f.asOf, lang.L("As of %s"), lang.L("From %s"), lang.L("%s – %s"))
}

// newTimeControls builds the histogram, the undated switch and the play
// button.
func (p *filtersPanel) newTimeControls() fyne.CanvasObject {
	p.hist = newTimeHist(p.ex, p.first-1, p.last)
	p.hist.onPreview = p.previewRange
	p.hist.onCommit = p.commitRange
	p.undated = widget.NewCheck(lang.L("Show undated relations"), func(on bool) {
		if p.syncing || on == (p.ex.g.Chart().Settings[chartUndated] == "true") {
			return
		}
		v, name := "", lang.L("hide undated relations")
		if on {
			v, name = "true", lang.L("show undated relations")
		}
		p.run(graph.Batch{Name: name, Cmds: []graph.Command{graph.SetChart{Key: chartUndated, Value: v}}})
	})
	p.play = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), p.togglePlay)
	p.play.Importance = widget.LowImportance
	p.syncTime()
	return container.NewBorder(nil, nil, p.play, nil, p.undated)
}

// syncTime sets the histogram's handles and the undated switch from the
// filters.
func (p *filtersPanel) syncTime() {
	if p.hist == nil {
		return
	}
	from, to := p.first-1, p.last
	if k := p.ex.filter.from; k != 0 {
		from = float64(dayNumber(k))
	}
	if k := p.ex.filter.asOf; k != 0 {
		to = float64(dayNumber(k))
	}
	p.hist.setRange(from, to)
	was := p.syncing
	p.syncing = true
	p.undated.SetChecked(p.ex.filter.showUndated)
	p.syncing = was
	p.syncUndatedEnabled()
}

// fromKey is the YYYYMMDD key of brush position v (0: no lower limit).
func (p *filtersPanel) fromKey(v float64) int32 {
	if v < p.first {
		return 0
	}
	return dayKeyOf(v)
}

// previewRange shows the range [from, to] (days) while a handle moves.
func (p *filtersPanel) previewRange(from, to float64) {
	p.setSlider(to)
	fk, tk := p.fromKey(from), p.dayKey(to)
	if fk != p.ex.filter.from || tk != p.ex.filter.asOf {
		p.ex.markFilter("timeline")
		p.ex.filter.from = fk
		p.ex.setAsOf(tk)
	}
	p.hist.setRange(from, to)
	p.showDay(to)
	p.syncUndatedEnabled()
}

func (p *filtersPanel) syncUndatedEnabled() {
	if p.ex.filter.from == 0 && p.ex.filter.asOf == 0 {
		p.undated.Disable()
	} else {
		p.undated.Enable()
	}
}

// setSlider moves the slider without it reporting a change.
func (p *filtersPanel) setSlider(v float64) {
	if p.slider == nil || p.slider.Value == v {
		return
	}
	was := p.syncing
	p.syncing = true
	p.slider.SetValue(v)
	p.syncing = was
}

// commitRange records the range [from, to] (days) in the chart: one
// undoable step for both ends.
func (p *filtersPanel) commitRange(from, to float64) {
	st := p.ex.g.Chart().Settings
	fv, tv := dayKeyString(p.fromKey(from)), dayKeyString(p.dayKey(to))
	var cmds []graph.Command
	if fv != st[chartFrom] {
		cmds = append(cmds, graph.SetChart{Key: chartFrom, Value: fv})
	}
	if tv != st[chartAsOf] {
		cmds = append(cmds, graph.SetChart{Key: chartAsOf, Value: tv})
	}
	if len(cmds) == 0 {
		p.sync()
		return
	}
	var name string
	switch {
	case fv != "" && tv != "":
		name = fmt.Sprintf(lang.L("show the case from %s to %s"), fv, tv)
	case fv != "":
		name = fmt.Sprintf(lang.L("show the case from %s"), fv)
	case tv != "":
		name = "show the case as of " + tv
	default:
		name = "show all dates"
	}
	p.run(graph.Batch{Name: name, Cmds: cmds})
}

// player is a running animation: its ticker goroutine stops when stop is
// closed; pending is set while a frame is posted and not yet shown, so a
// slow UI skips frames instead of queueing them.
type player struct {
	stop    chan struct{}
	pending atomic.Bool
	// ticks counts the ticks not shown yet: a frame shown late moves the
	// date by all of them, so the pace stays steady when frames are
	// skipped.
	ticks atomic.Int64
}

// togglePlay starts or pauses the animation.
func (p *filtersPanel) togglePlay() {
	if p.playing != nil {
		p.stopPlay(true)
		return
	}
	if p.slider == nil {
		return
	}
	if p.slider.Value >= p.last {
		// from the start of the range (or of the timeline)
		p.previewRange(p.hist.from, max(p.hist.from, p.first))
	}
	pl := &player{stop: make(chan struct{})}
	p.playing = pl
	p.play.SetText(lang.L("Pause"))
	p.play.SetIcon(theme.MediaPauseIcon())
	go func() {
		t := time.NewTicker(playTick)
		defer t.Stop()
		for {
			select {
			case <-pl.stop:
				return
			case <-t.C:
				pl.ticks.Add(1)
				if pl.pending.Swap(true) {
					continue
				}
				postUI(func() {
					pl.pending.Store(false)
					if n := pl.ticks.Swap(0); p.playing == pl && n > 0 {
						p.playSteps(int(n))
					}
				})
			}
		}
	}()
}

// playStep advances the animation by one frame.
func (p *filtersPanel) playStep() { p.playSteps(1) }

// playSteps advances the animation by n frames; at the end of the
// timeline it stops.
func (p *filtersPanel) playSteps(n int) {
	step := max(1, float64(int((p.last-p.first)/playFrames)))
	v := p.slider.Value + float64(n)*step
	if v >= p.last {
		p.previewRange(p.hist.from, p.last)
		p.stopPlay(true)
		return
	}
	p.previewRange(p.hist.from, v)
}

// stopPlay stops the animation where it is; with record, the date it
// reached is recorded (one step in the history).
func (p *filtersPanel) stopPlay(record bool) {
	pl := p.playing
	if pl == nil {
		return
	}
	close(pl.stop)
	p.playing = nil
	p.play.SetText(lang.L("Play"))
	p.play.SetIcon(theme.MediaPlayIcon())
	if record {
		p.commitRange(p.hist.from, p.slider.Value)
	}
}

// reportedText is "reported 2022-10" for a relation whose time on the
// timeline is the month it was first reported ("" for the others): never
// shown as the event's date.
func (ex *explorer) reportedText(e int32) string {
	ts := ex.relTimes()
	if e < 0 || int(e) >= len(ts) || ts[e].Kind != view.TimeReported {
		return ""
	}
	return fmt.Sprintf(lang.L("reported %s"), view.FormatKey(ts[e].First)[:7])
}
