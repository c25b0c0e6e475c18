#!/usr/bin/env bash
# Alternates two builds opening FILE in the real window (bench/window.sh,
# NO_DRIVE unless DRIVE=1) RUNS times each, and prints for each run the
# load events (opened, graph-set, first-view: ms since the start) with the
# load average.
#
#   bench/open1m/compare.sh OLD_BIN NEW_BIN FILE RUNS [OUTDIR]
set -u
OLD=$1 NEW=$2 FILE=$3 RUNS=$4 OUTDIR=${5:-/tmp/open1m/cmp}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for r in $(seq "$RUNS"); do
  for which in old new; do
    bin=$OLD; [ "$which" = new ] && bin=$NEW
    out=$OUTDIR/$which-$r
    mkdir -p "$out"
    if [ -n "${DRIVE:-}" ]; then
      OUT=$out BIN=$bin DISPLAY_NUM=${DISPLAY_NUM:-98} OPEN_TIMEOUT=${OPEN_TIMEOUT:-150} bash "$ROOT/bench/window.sh" "$FILE" "${LAYOUT_S:-3}" >/dev/null 2>&1
    else
      OUT=$out BIN=$bin DISPLAY_NUM=${DISPLAY_NUM:-98} OPEN_TIMEOUT=${OPEN_TIMEOUT:-150} NO_DRIVE=1 bash "$ROOT/bench/window.sh" "$FILE" 1 >/dev/null 2>&1
    fi
    ev=$(grep -E 'linkscope-trace load [0-9.]+ (opened|graph-set|first-view)' "$out/trace.log" | awk '{printf "%s=%s ", $4, $3}')
    echo "run=$r build=$which $ev load=$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
