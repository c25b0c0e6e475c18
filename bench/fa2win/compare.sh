#!/usr/bin/env bash
# Alternates the window (bench/window.sh, layout only) and the headless
# engine (`linkscope layout --algo fa2 --iterations 30 --stats`) on FILE,
# RUNS times, and prints each pair's ms per step and ratio with the load
# average: the figures of BENCHMARKS.md, "The window's layout and its opening".
#   bench/fa2win/compare.sh FILE [RUNS] [LAYOUT_SECONDS]
set -u
FILE=$1 RUNS=${2:-3} LS=${3:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-/tmp/window-bench/linkscope}
[ -x "$BIN" ] || (cd "$ROOT" && go build -o "$BIN" .)
for r in $(seq "$RUNS"); do
  OUT=/tmp/window-bench/cmp$r BIN=$BIN NO_DRIVE=1 "$ROOT/bench/window.sh" "$FILE" "$LS" >/dev/null 2>&1
  w=$(grep -o 'layout step: median [0-9.]*' /tmp/window-bench/cmp$r/summary.txt | awk '{print $4}')
  ww=$(grep -o 'layout wall time per step: [0-9.]*' /tmp/window-bench/cmp$r/summary.txt | awk '{print $6}')
  la1=$(cut -d' ' -f1 /proc/loadavg)
  h=$("$BIN" layout -d "$FILE" --algo fa2 --iterations 30 --stats --out /dev/null 2>&1 | grep -o '"ms_per_iter":[0-9.]*' | cut -d: -f2)
  la2=$(cut -d' ' -f1 /proc/loadavg)
  echo "run $r: window step ${w} ms (wall ${ww} ms, load $la1) headless ${h} ms (load $la2) ratio $(python3 -c "print(round($ww/$h,2))")"
done
