#!/usr/bin/env bash
# "Cancel cancels" checks (issue 9): --timeout bounds time and memory.
#
#   scripts/cancel-bench.sh [./linkscope]
#
# Builds linkscope (unless given), generates a dense random dataset of
# 2,000 entities and 40,000 relations (scripts/gendense), then runs under
# /usr/bin/time -v:
#
#   1. path --all --max-hops 8 --limit 100000000 --timeout 2s A B
#      (stdout to a file, then to /dev/null)
#   2. path --k 100000000 --timeout 2s A B (Yen's algorithm: the timeout
#      stops it) and query --limit 100000000 --timeout 2s '(a)-[*..8]-(b)'
#   3. layout --iterations 2000000000 --timeout 2s --stats (embedded dataset)
#
# and prints wall time and peak RSS of each. It fails when a run takes more
# than MAX_S seconds (default 3.5) or MAX_MB megabytes (default 1024).
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_S=${MAX_S:-3.5}
MAX_MB=${MAX_MB:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
BIN=${1:-}
if [ -z "$BIN" ]; then
  BIN=$work/linkscope
  go build -o "$BIN" .
fi
go run ./scripts/gendense -nodes 2000 -edges 40000 -seed 1 >"$work/dense.json"

fail=0
measure() { # name, stdout file, command...
  local name=$1 out=$2
  shift 2
  /usr/bin/time -v "$@" >"$out" 2>"$work/time.txt" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  local note
  note=$(grep -v '^\s' "$work/time.txt" | grep -v '^Command' | head -1 || true)
  printf '%-28s %6.2f s %6d MB   %s\n' "$name" "$wall" "$rss" "$note"
  if awk -v w="$wall" -v m="$MAX_S" 'BEGIN { exit !(w > m) }' || [ "$rss" -gt "$MAX_MB" ]; then
    echo "  FAIL: over ${MAX_S} s or ${MAX_MB} MB"
    fail=1
  fi
}
measure "path --all (to a file)" "$work/paths.txt" \
  "$BIN" path -d "$work/dense.json" --all --max-hops 8 --limit 100000000 --timeout 2s A B
echo "  $(wc -l <"$work/paths.txt") lines, $(($(wc -c <"$work/paths.txt") / 1048576)) MiB written"
measure "path --all (to /dev/null)" /dev/null \
  "$BIN" path -d "$work/dense.json" --all --max-hops 8 --limit 100000000 --timeout 2s A B
measure "path --k 1e8" /dev/null \
  "$BIN" path -d "$work/dense.json" --k 100000000 --timeout 2s A B
measure "query (a)-[*..8]-(b)" /dev/null \
  "$BIN" query -d "$work/dense.json" --limit 100000000 --timeout 2s '(a)-[*..8]-(b)'
measure "layout fa2 2e9 iterations" "$work/stats.json" \
  "$BIN" layout --iterations 2000000000 --timeout 2s --stats
echo "  $(grep -o '"iterations":[0-9]*' "$work/stats.json"), $(grep -o '"timed_out":[a-z]*' "$work/stats.json")"
exit $fail
