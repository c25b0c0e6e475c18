package gui

import (
	"image"
	"image/color"
	"log"
	"os"
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2/canvas"
)

// debugEnabled reports whether LINKSCOPE_DEBUG=1 asks for frame timing
// logs.
func debugEnabled() bool { return os.Getenv("LINKSCOPE_DEBUG") == "1" }

// frameStats measures the canvas for LINKSCOPE_DEBUG=1: view moves
// (drag and wheel events), frames painted on screen while the view moves,
// and background renders with their durations, logged once a second while
// anything happens.
type frameStats struct {
	mu                      sync.Mutex
	moves, paints, requests int
	renders                 []time.Duration
	since                   time.Time
	// probe is a 1×1 raster refreshed on each view move: Fyne regenerates
	// it while painting the next frame, so its generator counts the
	// frames actually painted.
	probe *canvas.Raster
	logf  func(format string, args ...any)
}

func newFrameStats() *frameStats {
	s := &frameStats{since: time.Now(), logf: log.Printf}
	s.probe = canvas.NewRaster(func(w, h int) image.Image {
		s.mu.Lock()
		s.paints++
		s.mu.Unlock()
		img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
		img.Set(0, 0, color.NRGBA{})
		return img
	})
	s.probe.Resize(probeSize)
	go s.report()
	return s
}

func (s *frameStats) viewMoved() {
	s.mu.Lock()
	s.moves++
	s.mu.Unlock()
	s.probe.Refresh()
}

func (s *frameStats) requested() {
	s.mu.Lock()
	s.requests++
	s.mu.Unlock()
}

func (s *frameStats) rendered(d time.Duration) {
	s.mu.Lock()
	s.renders = append(s.renders, d)
	s.mu.Unlock()
}

// report logs the counts every second in which something happened.
func (s *frameStats) report() {
	for range time.Tick(time.Second) {
		s.mu.Lock()
		el := time.Since(s.since).Seconds()
		moves, paints, reqs, rs := s.moves, s.paints, s.requests, s.renders
		s.moves, s.paints, s.requests, s.renders, s.since = 0, 0, 0, nil, time.Now()
		s.mu.Unlock()
		if moves == 0 && len(rs) == 0 {
			continue
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
		med := time.Duration(0)
		if len(rs) > 0 {
			med = rs[len(rs)/2]
		}
		s.logf("linkscope: %.1f view moves/s, %.1f frames painted/s while moving, %d render requests, %.1f renders/s (median %v)",
			float64(moves)/el, float64(paints)/el, reqs, float64(len(rs))/el, med.Round(time.Millisecond))
	}
}
