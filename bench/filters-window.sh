#!/bin/sh
# Drives the real window under Xvfb on a 100k file with positions (no
# layout runs): waits for the first density frame, reads the RSS, opens
# the Filters tab, switches three entity types and three relation types
# off and on (12 toggles), then drags the timeline slider, and prints the
# window's own measurements (LINKSCOPE_TRACE=frames,filter,load) and the
# RSS lines. Coordinates are for a 1280×800 screen.
#
#   bench/filters-window.sh BIN FILE.graphml DISPLAY > log
set -u
bin=$1 file=$2 disp=$3
export DISPLAY=$disp
log=$(mktemp)
LINKSCOPE_TRACE=frames,filter,load "$bin" "$file" 2>"$log" &
apid=$!
trap 'kill $apid 2>/dev/null' EXIT
i=0
until grep -q "lod=density" "$log"; do
	i=$((i + 1))
	[ $i -lt 300 ] || { echo "no frame after 300 s" >&2; exit 1; }
	sleep 1
done
sleep 5
echo "rss-after-open $(grep -E 'VmHWM|VmRSS' /proc/$apid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
xdotool mousemove 140 94 click 1 # the Filters tab
sleep 3
for y in 231 270 309 550 589 706; do
	xdotool mousemove 36 $y click 1
	sleep 2.5
	xdotool mousemove 36 $y click 1
	sleep 2.5
done
import -window root "${SHOT:-/tmp/filters-window.png}.types.png"
# the timeline: scroll the panel down, then drag the slider's handle left
# in steps
xdotool mousemove 150 500
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do xdotool click 5; sleep 0.2; done
sleep 2
import -window root "${SHOT:-/tmp/filters-window.png}.scrolled.png"
xdotool mousemove 279 728 mousedown 1
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	xdotool mousemove_relative -- -12 0
	sleep 0.6
done
xdotool mouseup 1
sleep 3
import -window root "${SHOT:-/tmp/filters-window.png}.timeline.png"
echo "rss-after-types $(grep -E 'VmHWM|VmRSS' /proc/$apid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
cat "$log"
