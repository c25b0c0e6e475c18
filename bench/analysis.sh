#!/usr/bin/env bash
# linkscope analyze vs python-igraph (Debian's python3-igraph, C core) on
# the peers' synthetic graphs and Debian's package graph (bench/debgraph,
# made from apt's list when missing), alternating the two, ROUNDS times; prints
# each run's computation time (loading excluded on both sides) and the
# medians and ratio per measure.
#
#   make build && bash bench/analysis.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$here/../linkscope}
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-5}
cd "$PEERS"
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
mkdir -p graphs
gen() { [ -f "graphs/$2" ] || node gen.mjs --nodes "$1" --avgdeg "$3" --seed 42 --out "graphs/$2" 2>/dev/null; }
gen 10000 synth-N10000-d4-s42.json 4
gen 100000 synth-N100000-d4-s42.json 4
gen 120000 synth-N120000-d6-s42.json 6
[ -f graphs/debian-bookworm.json ] || (cd "$here/.." && go run ./bench/debgraph -out "$PEERS/graphs/debian-bookworm.json")
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" version); $(/usr/bin/python3 -c 'import igraph; print("python-igraph", igraph.__version__)')"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { # FILE MEASURE LS_ARGS IG_ARGS
  local f=$1 m=$2 ls=() ig=()
  for r in $(seq "$ROUNDS"); do
    ls+=("$("$BIN" analyze -d "graphs/$f" --measure "$m" $3 --json --top 1 | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ms"], d.get("modularity",""))')")
    ig+=("$(/usr/bin/python3 "$here/igraph_analysis.py" "graphs/$f" $4 | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ms"], d.get("modularity",""))')")
  done
  local lm im
  lm=$(printf '%s\n' "${ls[@]}" | cut -d' ' -f1 | median)
  im=$(printf '%s\n' "${ig[@]}" | cut -d' ' -f1 | median)
  echo "$f $m $3 (load $(cut -d' ' -f1 /proc/loadavg)): linkscope ${ls[*]} | igraph ${ig[*]}"
  echo "  median linkscope ${lm} ms, igraph ${im} ms, ratio $(awk -v a="$lm" -v b="$im" 'BEGIN{printf "%.2f", a/b}')"
}
for f in ${GRAPHS:-synth-N100000-d4-s42.json synth-N120000-d6-s42.json debian-bookworm.json}; do
  run "$f" pagerank "" pagerank
  run "$f" communities "" communities
  run "$f" components "" components
  run "$f" kcore "" kcore
  # sampled betweenness: 100 sources on both sides (igraph's C core through
  # bench/igraph_betweenness_subset.c; needs libigraph-dev)
  run "$f" betweenness "--samples 100" "betweenness --samples 100"
done
[ -n "${GRAPHS:-}" ] || run synth-N10000-d4-s42.json betweenness "" "betweenness --samples 0"
