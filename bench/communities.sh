#!/usr/bin/env bash
# Communities only, as bench/analysis.sh runs them: `linkscope analyze
# --measure communities` (BINS: one or more binaries, e.g. a base and a
# new one) against python-igraph's community_leiden (modularity,
# resolution 1, n_iterations=-1), alternating all of them ROUNDS times per
# graph; each run's wall ms (net included on our side), CPU-free, and
# modularity, then medians and ratios to igraph.
#
#   BINS="/tmp/base /tmp/new" bash bench/communities.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-5}
read -r -a bins <<<"${BINS:-$here/../linkscope}"
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(/usr/bin/python3 -c 'import igraph; print("python-igraph", igraph.__version__)')"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for f in ${GRAPHS:-synth-N100000-d4-s42.json synth-N120000-d6-s42.json debian-bookworm.json}; do
  declare -A ms=()
  ig=()
  for r in $(seq "$ROUNDS"); do
    for b in "${bins[@]}"; do
      l=$(cut -d' ' -f1 /proc/loadavg)
      x=$("$b" analyze -d "$PEERS/graphs/$f" --measure communities --json --top 1 | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ms"], d["modularity"])')
      echo "$f $(basename "$b") $x load $l"
      ms[$b]+="${x%% *} "
    done
    l=$(cut -d' ' -f1 /proc/loadavg)
    x=$(/usr/bin/python3 "$here/igraph_analysis.py" "$PEERS/graphs/$f" communities | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ms"], d["modularity"])')
    echo "$f igraph $x load $l"
    ig+=("${x%% *}")
  done
  im=$(printf '%s\n' "${ig[@]}" | median)
  for b in "${bins[@]}"; do
    lm=$(printf '%s\n' ${ms[$b]} | median)
    echo "  $f median $(basename "$b") $lm ms, igraph $im ms, ratio $(awk -v a="$lm" -v b="$im" 'BEGIN{printf "%.2f", a/b}') (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  unset ms
done
