#!/usr/bin/env bash
# A/B of graph/analysis test binaries on one benchmark, alternating them
# ROUNDS times; prints each run (wall ns/op, cpu-ms/op, load) and the
# medians per binary.
#
#   bash bench/ab.sh BENCH_REGEX ROUNDS BIN...   (binaries from go test -c)
set -euo pipefail
re=$1 rounds=$2
shift 2
dir=$(cd "$(dirname "$0")/../graph/analysis" && pwd)
out=$(mktemp)
for r in $(seq "$rounds"); do
  for b in "$@"; do
    l=$(cut -d' ' -f1 /proc/loadavg)
    (cd "$dir" && "$b" -test.run '^$' -test.bench "$re" -test.benchtime 3x) | awk -v b="$(basename "$b")" -v l="$l" '/^Benchmark/ {w=$3; for (i=1;i<=NF;i++) { if ($(i+1)=="cpu-ms/op") c=$i; if ($(i+1)=="modularity") q=$i }; print b, $1, w/1e6, c, q, l}' | tee -a "$out"
  done
done
echo "# medians: binary benchmark wall-ms cpu-ms (runs)"
python3 - "$out" <<'PY'
import sys, statistics as st, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    d[(f[0], f[1])].append((float(f[2]), float(f[3])))
for k in sorted(d):
    v = d[k]
    print(k[0], k[1], round(st.median(x for x, _ in v), 1), round(st.median(y for _, y in v), 1), "(%d)" % len(v))
PY
rm -f "$out"
