#!/usr/bin/env bash
# CPU time (all cores) of components and k-core as `analyze` computes
# them (graph/analysis BenchmarkAnalyzeCPU, cpu-ms/op, 3 ops a run), for
# analysis test binaries (go test -c) alternated with python-igraph's
# cpu_ms, ROUNDS times; medians and ratios to igraph.
#
#   BINS="base=/tmp/base.test new=/tmp/new.test" bash bench/comp-cpu.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-5}
MEASURES=${MEASURES:-components kcore}
GRAPHS=${GRAPHS:-synth-N100000-d4-s42.json synth-N120000-d6-s42.json debian-bookworm.json}
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); cpu-ms; rounds $ROUNDS"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cd "$here/../graph/analysis"
for f in $GRAPHS; do
  for m in $MEASURES; do
    declare -A runs=()
    for r in $(seq "$ROUNDS"); do
      line="$f $m round $r (load $(cut -d' ' -f1 /proc/loadavg)):"
      for b in $BINS; do
        c=$(PEERS_GRAPHS="$PEERS/graphs" ANALYZE_GRAPH=$f ANALYZE_MEASURE=$m "${b#*=}" -test.run '^$' -test.bench '^BenchmarkAnalyzeCPU$' -test.benchtime 3x | awk '/^BenchmarkAnalyzeCPU/ {for (i=1;i<=NF;i++) if ($(i+1)=="cpu-ms/op") print $i}')
        runs[${b%%=*}]+="$c "
        line+=" ${b%%=*} $c"
      done
      c=$(/usr/bin/python3 "$here/igraph_analysis.py" "$PEERS/graphs/$f" "$m" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_ms"])')
      runs[igraph]+="$c "
      echo "$line igraph $c"
    done
    im=$(printf '%s\n' ${runs[igraph]} | median)
    out="  $f $m cpu medians (load $(cut -d' ' -f1 /proc/loadavg)): igraph $im ms"
    for b in $BINS; do
      lm=$(printf '%s\n' ${runs[${b%%=*}]} | median)
      out+=", ${b%%=*} $lm ms ($(awk -v a="$lm" -v b="$im" 'BEGIN{printf "%.2f", a/b}'))"
    done
    echo "$out"
    unset runs
  done
done
