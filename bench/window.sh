#!/usr/bin/env bash
# Measures the real window on a file: opens it under Xvfb with
# LINKSCOPE_TRACE=layout,frames,load,search,filter, drives it with xdotool
# (waits for the first view, lets the layout run, drags to pan, turns the
# wheel, toggles a type filter, types a search) and summarises the trace
# lines (app/gui/trace.go: `linkscope-trace KIND MS EVENT key=value…`)
# into medians (load: opened = the file read, graph-set = the window built
# on it, first-view = its first frame shown). Kinds with no events are reported as "no events".
#
#   bench/window.sh FILE [LAYOUT_SECONDS]
#
# Env: BIN (default: builds ./linkscope into $OUT), OUT (default
# /tmp/window-bench), DISPLAY_NUM (default 93), HEADLESS=1 also runs
# `linkscope layout --algo fa2 --iterations 30 --stats` for the headless
# step time, OPEN_TIMEOUT (s, default 60), NO_DRIVE=1 skips the gestures,
# PAN_X/PAN_Y where the pans start (window coordinates), PAUSE_LAYOUT=1
# pauses the layout before the gestures (and waits, up to PAUSE_WAIT s,
# default 90, for the step under way to end).
# The raw trace is kept in $OUT/trace.log, the summary printed and written
# to $OUT/summary.txt.
set -u
FILE=${1:?usage: bench/window.sh FILE [LAYOUT_SECONDS]}
LAYOUT_S=${2:-25}
OUT=${OUT:-/tmp/window-bench}
DN=${DISPLAY_NUM:-93}
OPEN_TIMEOUT=${OPEN_TIMEOUT:-60}
mkdir -p "$OUT"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${BIN:-}" ]; then
  BIN=$OUT/linkscope
  (cd "$ROOT" && go build -o "$BIN" .) || exit 1
fi
TRACE=$OUT/trace.log
: >"$TRACE"

Xvfb :$DN -screen 0 1280x800x24 >/dev/null 2>&1 &
XPID=$!
APID=
cleanup() {
  [ -n "$APID" ] && kill "$APID" 2>/dev/null
  kill "$XPID" 2>/dev/null
}
trap cleanup EXIT
export DISPLAY=:$DN
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

# a preferences folder of the run's own, so that remembered settings of
# another session do not change what is measured
export HOME=$OUT/home
mkdir -p "$HOME"
LINKSCOPE_TRACE=layout,frames,load,search,filter "$BIN" "$FILE" 2>>"$TRACE" &
APID=$!

# wait for the first view (or the timeout)
t0=$(date +%s)
while ! grep -q 'linkscope-trace load [0-9.]* first-view' "$TRACE"; do
  if ! kill -0 "$APID" 2>/dev/null; then echo "the window exited" >&2; break; fi
  if [ $(($(date +%s) - t0)) -ge "$OPEN_TIMEOUT" ]; then echo "no first-view event after ${OPEN_TIMEOUT}s" >&2; break; fi
  sleep 0.2
done
WID=$(xdotool search --sync --onlyvisible --name 'Linkscope' 2>/dev/null | head -1)

# let the layout run (it stops by itself when it converges or its budget
# is spent)
end=$(($(date +%s) + LAYOUT_S))
while [ "$(date +%s)" -lt "$end" ]; do
  grep -qE 'linkscope-trace layout [0-9.]* (converged|budget)' "$TRACE" && break
  sleep 0.5
done
echo "mark $(date +%s.%N) gestures" >>"$OUT/marks.log"

if [ -z "${NO_DRIVE:-}" ] && [ -n "$WID" ]; then
  xdotool windowactivate --sync "$WID" 2>/dev/null
  # PAUSE_LAYOUT=1: pause the layout first (the toolbar's pause button),
  # so that the gestures' frames do not share the cores with its steps
  if [ -n "${PAUSE_LAYOUT:-}" ]; then
    xdotool mousemove --window "$WID" 192 49 click 1
    # the pause takes effect after the step under way (16 s at 1M): wait
    # for the runner's "paused" line (or its end) before the gestures
    pend=$(($(date +%s) + ${PAUSE_WAIT:-90}))
    while [ "$(date +%s)" -lt "$pend" ]; do
      grep -qE 'linkscope-trace layout [0-9.]* (paused|converged|budget)' "$TRACE" && break
      sleep 0.5
    done
    sleep 1
  fi
  # the canvas is in the middle of the 1280x800 window
  CX=620 CY=420
  # pan: three drags of 200 small moves, from PAN_X,PAN_Y (default the
  # middle; on a large graph give a point of empty background, or the
  # drag moves the entity under it)
  for _ in 1 2 3; do
    xdotool mousemove --window "$WID" "${PAN_X:-$CX}" "${PAN_Y:-$CY}" mousedown 1
    for i in $(seq 100); do xdotool mousemove_relative -- 2 1; sleep 0.005; done
    for i in $(seq 100); do xdotool mousemove_relative -- -2 -1; sleep 0.005; done
    xdotool mouseup 1
    sleep 0.5
  done
  # zoom: 20 notches in, 20 out
  xdotool mousemove --window "$WID" $CX $CY
  for _ in $(seq 20); do xdotool click 4; sleep 0.03; done
  sleep 0.5
  for _ in $(seq 20); do xdotool click 5; sleep 0.03; done
  sleep 1
  # search: Ctrl+F, type a label
  xdotool key --window "$WID" ctrl+f
  sleep 0.3
  xdotool type --delay 80 "Node 123"
  sleep 2
  xdotool key Escape
  # a type filter: the Filters tab (second tab, top left), the first type's
  # check box, twice
  xdotool mousemove --window "$WID" 150 60 click 1
  sleep 0.5
  for _ in 1 2; do xdotool mousemove --window "$WID" 30 140 click 1; sleep 1.5; done
  sleep 1
fi
kill "$APID" 2>/dev/null
wait "$APID" 2>/dev/null
APID=

HEAD_MS=
if [ -n "${HEADLESS:-}" ]; then
  HEAD_MS=$("$BIN" layout -d "$FILE" --algo fa2 --iterations 30 --stats --out /dev/null 2>&1 | grep -o '"ms_per_iter":[0-9.]*' | cut -d: -f2)
fi

python3 - "$TRACE" "${HEAD_MS:-}" <<'EOF' | tee "$OUT/summary.txt"
import re, statistics, sys
trace, head = sys.argv[1], sys.argv[2]
ev = {}
for line in open(trace, errors="replace"):
    m = re.match(r"linkscope-trace (\S+) ([0-9.]+) (\S+)(.*)", line)
    if not m:
        continue
    kind, t, name, rest = m.group(1), float(m.group(2)), m.group(3), m.group(4)
    kv = dict(re.findall(r"(\S+?)=(\S+)", rest))
    kv["t"] = t
    ev.setdefault(kind, {}).setdefault(name, []).append(kv)

def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None

def med(rows, key="ms"):
    xs = [num(r.get(key)) for r in rows]
    xs = [x for x in xs if x is not None]
    return (statistics.median(xs), len(xs)) if xs else (None, 0)

print(f"file: {trace}")
for kind in ["load", "layout", "frames", "filter", "search"]:
    if kind not in ev:
        print(f"{kind}: no events")
        continue
    e = ev[kind]
    if kind == "load":
        for name in ["opened", "graph-set", "first-view"]:
            for r in e.get(name, []):
                print(f"load {name}: {num(r.get('ms')):.0f} ms since start, entities={r.get('entities')}")
        if not e.get("first-view"):
            print("load first-view: no events")
    elif kind == "layout":
        steps = e.get("step", [])
        m, n = med(steps)
        if m is not None:
            print(f"layout step: median {m:.1f} ms over {n} steps (iter {steps[0].get('iter')}..{steps[-1].get('iter')})")
            if steps:
                span = steps[-1]["t"] - steps[0]["t"]
                if n > 1:
                    print(f"layout wall time per step: {span / (n - 1):.1f} ms (steps {n}, {span / 1000:.1f} s)")
            if head:
                print(f"layout headless: {float(head):.1f} ms/iter; window/headless = {m / float(head):.2f} (step), {span / (n - 1) / float(head):.2f} (wall)")
        if steps:
            t0 = steps[0]["t"] - (num(steps[0].get("ms")) or 0)
            at = {int(r["iter"]): r["t"] for r in steps if "iter" in r}
            marks = [k for k in (50, 100, 200, 300, 400, 500, 750, 1000) if k in at]
            if marks:
                print("layout reached: " + ", ".join(f"iter {k} at {(at[k] - t0) / 1000:.1f} s" for k in marks) + " (since the run's first step began)")
        pub = e.get("publish", [])
        if pub:
            pm, pn = med(pub)
            fm, _ = med(pub, "frame")
            print(f"layout publish: {pn} publications, UI cost median {pm:.1f} ms, frame {fm:.1f} ms")
        for name in ["converged", "budget", "paused"]:
            for r in e.get(name, []):
                print(f"layout {name}: iter={r.get('iter')} after {num(r.get('ms')) / 1000:.1f} s, mean={r.get('mean')} threshold={r.get('threshold')} stress={r.get('stress')}")
        if not any(e.get(x) for x in ["converged", "budget"]):
            print("layout: neither converged nor out of budget during the run")
    else:
        for name, rows in sorted(e.items()):
            m, n = med(rows)
            if m is None:
                print(f"{kind} {name}: {len(rows)} events")
            else:
                xs = sorted(num(r.get("ms")) for r in rows if num(r.get("ms")) is not None)
                p90 = xs[min(len(xs) - 1, int(0.9 * len(xs)))]
                print(f"{kind} {name}: median {m:.1f} ms, p90 {p90:.1f} ms, max {xs[-1]:.1f} ms over {n}")
EOF
echo "load average: $(cat /proc/loadavg)" | tee -a "$OUT/summary.txt"
