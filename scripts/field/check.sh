#!/usr/bin/env bash
# Loads the files scripts/field/make.py writes (as networkx and igraph write
# them) and checks Linkscope's counts and directedness against what those
# libraries read back.   bash scripts/field/check.sh [./linkscope] [OUTDIR]
set -uo pipefail
BIN=${1:-./linkscope}
OUT=${2:-/tmp/field}
/usr/bin/python3 "$(dirname "$0")/make.py" "$OUT" >/dev/null || exit 1
fail=0
while IFS=$'\t' read -r name n m dir; do
  json=$("$BIN" stats --json -d "$OUT/$name" 2>"$OUT/$name.err")
  if [ $? -ne 0 ]; then echo "FAIL $name: $(head -c 300 "$OUT/$name.err")"; fail=1; continue; fi
  got=$(printf '%s' "$json" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["nodes"], d["edges"], d.get("undirectedEdges", "?"))')
  set -- $got
  und=$3
  want_und=0; [ "$dir" = undirected ] && want_und=$m
  if [ "$1" != "$n" ] || [ "$2" != "$m" ] || { [ "$und" != "?" ] && [ "$und" != "$want_und" ]; }; then
    echo "FAIL $name: $1 entities, $2 relations ($und undirected); want $n, $m ($want_und undirected)"; fail=1
  else
    echo "ok   $name: $n entities, $m relations, $dir"
  fi
done < "$OUT/expected.tsv"
exit $fail
