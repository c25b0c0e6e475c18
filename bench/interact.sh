#!/usr/bin/env bash
# The scale goals of issue 15 that bench/window.sh does not measure, run by
# bench/run.sh (part "interact"): data exports of a 2,400-entity file in
# every data format; a laid-out, dated 100k file's type toggles and
# timeline slider in the real window (bench/filters-window.sh, summarised
# by bench/filters-summary.py); the window's memory at 100k, synthetic and
# realistic (bench/winmem.sh). Files it makes are kept in WORK.
#
#   make build && bash bench/interact.sh [ROUNDS]
set -u
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$here/../linkscope}
GRAPHS=${GRAPHS:-/work/peers/graphs}
ROUNDS=${1:-3}
WORK=${WORK:-/tmp/linkscope-interact}
mkdir -p "$WORK"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "### data exports: 2,400 entities, 6,000 relations (bench/gen), from GEXF (load $(cut -d' ' -f1 /proc/loadavg))"
if [ ! -f "$WORK/real-2400.gexf" ]; then
  (cd "$here/.." && go run ./bench/gen -nodes 2400 -edges 6000 -seed 42 -out "$WORK/real-2400.json") >/dev/null
  "$BIN" export -d "$WORK/real-2400.json" --out "$WORK/real-2400.gexf" >/dev/null
fi
for ext in json gexf graphml csv dot; do
  ts=()
  for r in $(seq "$ROUNDS"); do
    /usr/bin/time -o "$WORK/time" -f "%e" "$BIN" export -d "$WORK/real-2400.gexf" --out "$WORK/x.$ext" >/dev/null 2>&1
    ts+=("$(tail -1 "$WORK/time")")
  done
  echo "export .$ext: wall s ${ts[*]}; median $(printf '%s\n' "${ts[@]}" | median) s (goal < 1 s)"
done

# one X server for the window parts
: >"$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 600); do [ -s "$WORK/display" ] && break; sleep 0.1; done
disp=":$(tr -dc 0-9 <"$WORK/display")"
for _ in $(seq 100); do DISPLAY=$disp xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

echo "### filter toggles and the timeline at 100k (bench/filters-window.sh on a laid-out dated file, positions in the file: no layout runs)"
laid=$WORK/laid100k.graphml
if [ ! -f "$laid" ]; then
  (cd "$here/.." && go run ./bench/gen -nodes 100000 -edges 300000 -seed 42 -out "$WORK/dated100k.json") >/dev/null
  "$BIN" layout -d "$WORK/dated100k.json" --algo fa2 --iterations 100 --out "$WORK/pos100k.json" >/dev/null
  /usr/bin/python3 "$here/lod-tographml.py" "$WORK/dated100k.json" "$WORK/pos100k.json" "$laid"
fi
: >"$WORK/filters.log"
for r in $(seq "$ROUNDS"); do
  echo "== linkscope load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/filters.log"
  HOME=$(mktemp -d) SHOT=$WORK/filters-$r sh "$here/filters-window.sh" "$BIN" "$laid" "$disp" >>"$WORK/filters.log" 2>&1
  echo "== end load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/filters.log"
done
/usr/bin/python3 "$here/filters-summary.py" "$WORK/filters.log"
grep -h "^rss-" "$WORK/filters.log"

echo "### the window's memory at 100k: VmRSS 45 s after the first view, and after a search, filters and zoom (bench/winmem.sh)"
for r in $(seq "$ROUNDS"); do
  for f in synth-N100000-d4-s42.json real-N100000-M200000-s42.json; do
    [ -f "$GRAPHS/$f" ] || continue
    sh "$here/winmem.sh" "$BIN" "$GRAPHS/$f" "$disp" "${f%%-s42.json}" 2>&1 | grep -E "open\+45s|used"
  done
done
