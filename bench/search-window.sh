#!/bin/sh
# Drives the real window under Xvfb: opens FILE, waits for the name index,
# pauses the layout (p: the toolbar's pause, when WITH_LAYOUT is empty),
# types each query in the search box a key at a time, and prints the
# window's own measurements (LINKSCOPE_TRACE=search): per query, ms from
# the keystroke to the results listed and search_ms for the search alone.
#
#   bench/search-window.sh FILE [DISPLAY] > log
set -eu
file=$1
disp=${2:-:92}
bin=${LINKSCOPE_BIN:-/tmp/linkscope-search-bench}
go build -o "$bin" .
Xvfb "$disp" -screen 0 1280x800x24 >/dev/null 2>&1 &
xpid=$!
sleep 1
export DISPLAY=$disp
log=$(mktemp)
LINKSCOPE_TRACE=search "$bin" "$file" 2>"$log" &
apid=$!
trap 'kill $apid $xpid 2>/dev/null' EXIT
i=0
until grep -q index-built "$log"; do
	i=$((i + 1))
	[ $i -lt 600 ] || { echo "no index after 600 s" >&2; exit 1; }
	sleep 1
done
w=$(xdotool search --name . | head -1)
xdotool windowactivate "$w" 2>/dev/null || true
if [ -z "${WITH_LAYOUT:-}" ]; then
	xdotool mousemove 192 48 click 1 # the toolbar's pause, at 1280×800
fi
for q in "Autorité de la concurrence" "Mutuelle Fra" "Littoral" "ttoral" "Chatelian" "Établisements Agricol" "de" "Q1000370" "xylophone quantique"; do
	xdotool key --window "$w" ctrl+f ctrl+a BackSpace
	sleep 1
	xdotool type --delay 120 "$q"
	sleep 3
done
import -window root "${SHOT:-/tmp/search-window.png}"
cat "$log"
