#!/usr/bin/env bash
# A/B of `linkscope analyze` binaries and python-igraph (Debian's
# python3-igraph, C core), alternating all of them ROUNDS times per graph
# and measure; prints each run's `ms` (loading excluded on both sides)
# with the load average, then the medians and each binary's ratio to
# igraph.
#
#   BINS="base=/tmp/linkscope-base new=$PWD/linkscope" MEASURES="components kcore" \
#     bash bench/comp-ab.sh [ROUNDS]
#
# CPU=1 compares CPU time (all cores) instead: BINS are then analysis
# test binaries (go test -c ./graph/analysis), run as
# BenchmarkAnalyzeCPU (cpu-ms/op, 3 ops a run), against igraph's cpu_ms
# (bench/comp-cpu.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-7}
BINS=${BINS:-new=$here/../linkscope}
MEASURES=${MEASURES:-components kcore}
GRAPHS=${GRAPHS:-synth-N100000-d4-s42.json synth-N120000-d6-s42.json debian-bookworm.json}
cd "$PEERS/graphs"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ls_ms() { "$1" analyze -d "$2" --measure "$3" --json --top 1 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["ms"])'; }
ig_ms() { /usr/bin/python3 "$here/igraph_analysis.py" "$1" "$2" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["ms"])'; }
kind=ms
if [ "${CPU:-}" = 1 ]; then
  kind=cpu-ms
  ls_ms() { (cd "$here/../graph/analysis" && PEERS_GRAPHS="$PEERS/graphs" ANALYZE_GRAPH=$2 ANALYZE_MEASURE=$3 "$1" -test.run '^$' -test.bench '^BenchmarkAnalyzeCPU$' -test.benchtime 3x) | awk '/^BenchmarkAnalyzeCPU/ {for (i=1;i<=NF;i++) if ($(i+1)=="cpu-ms/op") print $i}'; }
  ig_ms() { /usr/bin/python3 "$here/igraph_analysis.py" "$1" "$2" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_ms"])'; }
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(/usr/bin/python3 -c 'import igraph; print("python-igraph", igraph.__version__)'); $kind; rounds $ROUNDS"
for f in $GRAPHS; do
  for m in $MEASURES; do
    declare -A runs=()
    for r in $(seq "$ROUNDS"); do
      line="$f $m round $r (load $(cut -d' ' -f1 /proc/loadavg)):"
      for b in $BINS; do
        ms=$(ls_ms "${b#*=}" "$f" "$m")
        runs[${b%%=*}]+="$ms "
        line+=" ${b%%=*} $ms"
      done
      ms=$(ig_ms "$f" "$m")
      runs[igraph]+="$ms "
      echo "$line igraph $ms"
    done
    im=$(printf '%s\n' ${runs[igraph]} | median)
    out="  $f $m $kind medians (load $(cut -d' ' -f1 /proc/loadavg)): igraph $im ms"
    for b in $BINS; do
      lm=$(printf '%s\n' ${runs[${b%%=*}]} | median)
      out+=", ${b%%=*} $lm ms ($(awk -v a="$lm" -v b="$im" 'BEGIN{printf "%.2f", a/b}'))"
    done
    echo "$out"
    unset runs
  done
done
