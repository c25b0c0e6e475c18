#!/usr/bin/env bash
# Measures the canvas frame rate of the real window under Xvfb while the
# pointer pans and the wheel zooms, on a synthetic 10k-entity graph.
# Usage: app/gui/tools/measure-fps.sh [BINARY] [GRAPH]
# Needs Xvfb, xdotool. Prints the app's LINKSCOPE_DEBUG=1 per-second lines,
# marked by gesture; see app/gui/GUI-NOTES.md for how to read them.
set -euo pipefail
BIN=${1:-./linkscope}
GRAPH=${2:-/work/peers/graphs/synth-N10000-d4-s42.json}
work=$(mktemp -d)
for n in $(seq 140 180); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "${app:-}" 2>/dev/null || true; sleep 1; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$disp
sleep 1
LOG=$work/log
HOME=$work LINKSCOPE_DEBUG=1 "$BIN" "$GRAPH" 2>>"$LOG" &
app=$!
sleep 20 # load and let ForceAtlas2 settle

# one xdotool process: press, 400 relative moves 4 ms apart, release
pan() {
  local args="mousemove $1 $2 mousedown 1" d
  for i in $(seq 1 400); do
    if [ $(((i / 50) % 2)) -eq 0 ]; then d=3; else d=-3; fi
    args="$args mousemove_relative -- $d 1 sleep 0.004"
    if [ $((i % 100)) -eq 0 ]; then args="$args mousemove_relative -- 0 -100"; fi
  done
  xdotool $args mouseup 1
}
for run in 1 2 3; do echo "== pan at fit, run $run" >>"$LOG"; pan 365 88; sleep 1.2; done
for run in 1 2 3; do
  echo "== wheel zoom in and out, run $run" >>"$LOG"
  xdotool mousemove 700 420 click --repeat 60 --delay 6 4 click --repeat 60 --delay 6 5
  sleep 1.2
done
xdotool mousemove 700 420 click --repeat 12 --delay 30 4
sleep 2
for run in 1 2 3; do echo "== pan zoomed in x5, run $run" >>"$LOG"; pan 365 88; sleep 1.2; done
grep -v " 0.0 view moves" "$LOG"
