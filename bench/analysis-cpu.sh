#!/usr/bin/env bash
# CPU time, not wall time: Linkscope's measures (net included, as
# `linkscope analyze` times them; graph/analysis BenchmarkAnalyzeCPU,
# cpu-ms/op over all cores) against python-igraph's (bench/igraph_analysis.py
# cpu_ms, one core), alternating, ROUNDS times, on the graphs of
# bench/analysis.sh (run that first: it makes them). On a machine other
# work is loading, wall times swing several-fold with the load; CPU time
# much less. A measure that runs on both cores counts both here, so the
# ratio is an upper bound of the one two idle cores would give.
#
#   bash bench/analysis-cpu.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here/.." && go test -c -o "$tmp/analysis.test" ./graph/analysis)
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); cpu-ms; $(/usr/bin/python3 -c 'import igraph; print("python-igraph", igraph.__version__)')"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { # FILE MEASURE
  local f=$1 m=$2 ls=() ig=()
  for r in $(seq "$ROUNDS"); do
    ls+=("$(cd "$here/../graph/analysis" && PEERS_GRAPHS="$PEERS/graphs" ANALYZE_GRAPH=$f ANALYZE_MEASURE=$m "$tmp/analysis.test" -test.run '^$' -test.bench '^BenchmarkAnalyzeCPU$' -test.benchtime 3x | awk '/^BenchmarkAnalyzeCPU/ {for (i=1;i<=NF;i++) if ($(i+1)=="cpu-ms/op") c=$i; else if ($(i+1)=="modularity") q=$i; print c, q}')")
    ig+=("$(/usr/bin/python3 "$here/igraph_analysis.py" "$PEERS/graphs/$f" "$m" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["cpu_ms"], d.get("modularity",""))')")
  done
  local lm im
  lm=$(printf '%s\n' "${ls[@]}" | cut -d' ' -f1 | median)
  im=$(printf '%s\n' "${ig[@]}" | cut -d' ' -f1 | median)
  echo "$f $m (load $(cut -d' ' -f1 /proc/loadavg)): linkscope ${ls[*]} | igraph ${ig[*]}"
  echo "  median cpu linkscope ${lm} ms, igraph ${im} ms, ratio $(awk -v a="$lm" -v b="$im" 'BEGIN{printf "%.2f", a/b}')"
}
for f in ${GRAPHS:-synth-N100000-d4-s42.json synth-N120000-d6-s42.json debian-bookworm.json}; do
  for m in ${MEASURES:-pagerank communities components kcore}; do
    run "$f" "$m"
  done
done
