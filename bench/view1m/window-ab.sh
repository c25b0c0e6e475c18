#!/usr/bin/env bash
# Alternates two builds in the real window on FILE (bench/window.sh with
# the layout paused and pans from PAN_X,PAN_Y), RUNS times each, and
# prints per run: the load events (opened, graph-set, first-view), the
# load steps, the median of the pan frames and of all frames, the load
# average.
#
#   bench/view1m/window-ab.sh OLD_BIN NEW_BIN FILE RUNS OUTDIR
set -u
OLD=$1 NEW=$2 FILE=$3 RUNS=$4 OUTDIR=$5
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for r in $(seq "$RUNS"); do
  for which in old new; do
    bin=$OLD; [ "$which" = new ] && bin=$NEW
    out=$OUTDIR/$which-$r
    mkdir -p "$out"
    la=$(cut -d' ' -f1-3 /proc/loadavg)
    OUT=$out BIN=$bin DISPLAY_NUM=${DISPLAY_NUM:-96} OPEN_TIMEOUT=${OPEN_TIMEOUT:-150} PAN_X=${PAN_X:-330} PAN_Y=${PAN_Y:-110} PAUSE_LAYOUT=1 \
      bash "$ROOT/bench/window.sh" "$FILE" "${LAYOUT_S:-3}" >/dev/null 2>&1
    ev=$(grep -E 'linkscope-trace load [0-9.]+ (opened|graph-set|first-view)' "$out/trace.log" | awk '{printf "%s=%s ", $4, $3}')
    st=$(grep -E 'linkscope-trace load [0-9.]+ step' "$out/trace.log" | sed -E 's/.*what=(\S+) ms=(\S+).*/\1=\2/' | tr '\n' ' ')
    fr=$(python3 - "$out/trace.log" <<'PY'
import re, statistics, sys
pan, allf, lods = [], [], {}
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"linkscope-trace frames \S+ frame (.*)", line)
    if not m:
        continue
    kv = dict(re.findall(r"(\S+?)=(\S+)", m.group(1)))
    ms = float(kv["ms"])
    allf.append(ms)
    if kv.get("why") == "pan":
        pan.append(ms)
        lods[kv.get("lod")] = lods.get(kv.get("lod"), 0) + 1
def med(x):
    return f"{statistics.median(x):.1f}ms/{len(x)}" if x else "none"
print(f"pan={med(pan)} all={med(allf)} pan-lod={lods}")
PY
)
    echo "run=$r build=$which $ev| $fr | steps: $st| load=$la"
  done
done
