#!/usr/bin/env bash
# Loading, side by side with graphology, on the synthetic files of the
# peers' generator (120k entities / 360k relations, 1M / 3M), a 120k file
# with realistic records (bench/gen) and a 1M / 3M realistic file
# (Linkscope only: at 554 MB it is over the longest string V8 makes, so
# JSON.parse cannot read it). graphology runs once on the 1M synthetic
# file (it takes minutes there).
# Rounds alternate the two programs so that both see the same machine.
#
#   make build && bash bench/load.sh [ROUNDS] > load.log
#
# Linkscope: `linkscope validate --time FILE` (read, checks, decode,
# validation, the model built; measured in-process) and the peak RSS of
# the process (/usr/bin/time %M). graphology: `fa2.mjs FILE --iters 1`
# (load_ms = read + JSON.parse + building a MultiDirectedGraph;
# peak_rss_mb). Medians of ROUNDS (default 3) runs, and their ratios.
# BASE=/path/to/an/older/linkscope runs it too in every round (before and
# after a change, in one run). PEER_1M=0 skips graphology's run on the 1M
# synthetic file (minutes, and killed by the out-of-memory killer on a
# busy machine).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$here/../linkscope}
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-3}
GRAPHS=${GRAPHS:-$PEERS/graphs}
mkdir -p "$GRAPHS"
cd "$PEERS"
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
synth() { [ -f "$GRAPHS/$2" ] || node --max-old-space-size=8000 gen.mjs --nodes "$1" --avgdeg 6 --seed 42 --out "$GRAPHS/$2" 2>/dev/null; }
synth 120000 synth-N120000-d6-s42.json
synth 1000000 synth-N1000000-d6-s42.json
gen() { [ -f "$GRAPHS/$3" ] || (cd "$here/.." && go run ./bench/gen -nodes "$1" -edges "$2" -seed 42 -out "$GRAPHS/$3"); }
gen 120000 360000 real-N120000-M360000-s42.json
gen 1000000 3000000 real-N1000000-M3000000-s42.json
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" version); node $(node --version)"

ours() { # FILE [BIN] -> "ms rss_mb"
  /usr/bin/time -o /tmp/ls-load-time -f "%M" "${2:-$BIN}" validate --time --max-bytes 1000000000 "$1" >/tmp/ls-load-out
  echo "$(grep -o 'loaded in [0-9.]*' /tmp/ls-load-out | cut -d' ' -f3) $(( $(cat /tmp/ls-load-time) / 1024 ))"
}
theirs() { # FILE -> "ms rss_mb"
  node --max-old-space-size=16000 fa2.mjs "$1" --iters 1 --repeats 1 | node -e 'const r=JSON.parse(require("fs").readFileSync(0));console.log(`${r.load_ms} ${r.peak_rss_mb}`)'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for f in synth-N120000-d6-s42.json real-N120000-M360000-s42.json synth-N1000000-d6-s42.json real-N1000000-M3000000-s42.json; do
  echo "## $f ($(stat -L -c %s "$GRAPHS/$f") bytes)"
  : >/tmp/ls-load-ours; : >/tmp/ls-load-theirs; : >/tmp/ls-load-base
  for r in $(seq "$ROUNDS"); do
    b=""
    if [ -n "${BASE:-}" ]; then
      b=$(ours "$GRAPHS/$f" "$BASE"); echo "$b" >>/tmp/ls-load-base; b=" | base load_ms rss_mb $b"
    fi
    o=$(ours "$GRAPHS/$f"); echo "$o" >>/tmp/ls-load-ours
    # graphology takes minutes on the 1M synthetic file: one run of it
    if [ "${f#real-N1000000}" = "$f" ] && { [ "${f#synth-N1000000}" = "$f" ] || { [ "$r" = 1 ] && [ "${PEER_1M:-1}" = 1 ]; }; }; then
      t=$(theirs "$GRAPHS/$f"); echo "$t" >>/tmp/ls-load-theirs
    else
      t="- -"
    fi
    echo "round $r: linkscope load_ms rss_mb $o | graphology load_ms rss_mb $t$b"
  done
  if [ -s /tmp/ls-load-base ]; then
    echo "median base: $(cut -d' ' -f1 /tmp/ls-load-base | median) ms $(cut -d' ' -f2 /tmp/ls-load-base | median) MB"
  fi
  oms=$(cut -d' ' -f1 /tmp/ls-load-ours | median); orss=$(cut -d' ' -f2 /tmp/ls-load-ours | median)
  if [ -s /tmp/ls-load-theirs ]; then
    tms=$(cut -d' ' -f1 /tmp/ls-load-theirs | median); trss=$(cut -d' ' -f2 /tmp/ls-load-theirs | median)
    echo "median: linkscope $oms ms $orss MB | graphology $tms ms $trss MB | ratio time $(echo "scale=3; $oms / $tms" | bc) memory $(echo "scale=3; $orss / $trss" | bc)"
  else
    echo "median: linkscope $oms ms $orss MB"
  fi
done
