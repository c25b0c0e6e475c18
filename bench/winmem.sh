#!/bin/sh
# The window's memory (issue 15, bench/NOTES-winmem.md): opens FILE under
# Xvfb on DISPLAY, waits for the first view, and reads VmRSS/VmHWM 45 s
# after it (the layout running), then after a few interactions (a search,
# a type filter off and on, 20 wheel notches in and out). With PROFILE=DIR
# (a binary with memprofile.go) it also sends SIGUSR1 at both points: the
# memory split (LINKSCOPE_TRACE=mem) and heap profiles DIR/heap-open.pprof,
# DIR/heap-open.pprof.2. It ends with the medians of the frames' and the
# layout steps' times (LINKSCOPE_TRACE=frames,layout), for the GC's cost.
#
#   bench/winmem.sh BIN FILE DISPLAY [LABEL]
set -u
bin=$1 file=$2 disp=$3 label=${4:-$(basename "$bin")}
export DISPLAY=$disp
log=$(mktemp)
export HOME=$(mktemp -d)
if [ -n "${PROFILE:-}" ]; then
	mkdir -p "$PROFILE"
	export LINKSCOPE_HEAPPROFILE=$PROFILE/heap-open.pprof
fi
LINKSCOPE_TRACE=load,mem,frames,layout "$bin" "$file" 2>"$log" &
apid=$!
# SIGTERM quits the window; one that has not quit 15 s later is killed
stop() {
	kill $apid 2>/dev/null
	for _ in $(seq 30); do kill -0 $apid 2>/dev/null || break; sleep 0.5; done
	if kill -0 $apid 2>/dev/null; then
		# SIGQUIT: Go prints every goroutine's stack (to the log) and exits
		echo "$label: the window did not quit on SIGTERM within 15 s: SIGQUIT, stacks in ${HANG:-/tmp/winmem-hang.log}" >&2
		kill -QUIT $apid
		sleep 2
		cp "$log" "${HANG:-/tmp/winmem-hang.log}"
		kill -9 $apid 2>/dev/null
	fi
	wait $apid 2>/dev/null
	rm -rf "$HOME"
}
trap stop EXIT
i=0
until grep -q "first-view" "$log"; do
	i=$((i + 1))
	[ $i -lt 300 ] || { echo "no first view after 300 s" >&2; exit 1; }
	kill -0 $apid 2>/dev/null || { echo "the window exited" >&2; cat "$log" >&2; exit 1; }
	sleep 1
done
sleep 45
rss() { grep -E 'VmHWM|VmRSS' /proc/$apid/status | tr -s ' \t' ' ' | tr '\n' ' '; }
echo "$label open+45s $(rss) load $(cut -d' ' -f1 /proc/loadavg)"
[ -n "${PROFILE:-}" ] && { kill -USR1 $apid; sleep 4; }
WID=$(xdotool search --onlyvisible --name 'Linkscope' 2>/dev/null | head -1)
xdotool windowactivate --sync "$WID" 2>/dev/null
xdotool key --window "$WID" ctrl+f
sleep 0.5
xdotool type --delay 80 "Node 123"
sleep 3
xdotool key Escape
xdotool mousemove 140 94 click 1 # the Filters tab
sleep 3
for y in 231 550; do
	xdotool mousemove 36 $y click 1
	sleep 3
	xdotool mousemove 36 $y click 1
	sleep 3
done
xdotool mousemove 820 420
for _ in $(seq 20); do xdotool click 4; sleep 0.05; done
sleep 1
for _ in $(seq 20); do xdotool click 5; sleep 0.05; done
sleep 5
[ -n "${SHOT:-}" ] && import -display "$disp" -window root "$SHOT"
echo "$label used $(rss) load $(cut -d' ' -f1 /proc/loadavg)"
[ -n "${PROFILE:-}" ] && { kill -USR1 $apid; sleep 4; }
grep 'linkscope-trace mem' "$log" | sed "s|^|$label |"
# the GC's cost where it shows: frame render times and layout step times
# (medians over the run), and the layout's iterations reached
python3 - "$log" "$label" <<'PY'
import re, statistics, sys
fr, st, it = [], [], 0
for l in open(sys.argv[1], errors="replace"):
    m = re.match(r"linkscope-trace frames \S+ frame ms=([0-9.]+)", l)
    if m: fr.append(float(m.group(1)))
    m = re.match(r"linkscope-trace layout \S+ step iter=(\d+) ms=([0-9.]+)", l)
    if m: it = int(m.group(1)); st.append(float(m.group(2)))
med = lambda xs: f"{statistics.median(xs):.1f}" if xs else "-"
print(f"{sys.argv[2]} frames n={len(fr)} median_ms={med(fr)} layout steps n={len(st)} median_ms={med(st)} last_iter={it}")
PY
