#!/usr/bin/env bash
# Renders the synthetic graphs of 10k and 100k entities (ForceAtlas2
# positions) into a 1920×1080 frame with Linkscope's renderer and with
# Graphviz (`neato -n2 -Tpng`) on the same positions, sizes and colours,
# in one run. Needs the graphs of /work/peers (or $LINKSCOPE_PEERS) and
# graphviz. Usage: bash app/render/renderbench/bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
RENDER_DOT=$out go test ./app/render/renderbench -run TestWriteDOT -count=1 >/dev/null
echo "## Linkscope (go test -bench, $runs runs of 20 frames)"
go test ./app/render/renderbench -run X -bench 'Render(PNG)?(10k|100k)$' -benchtime 20x -count "$runs" | grep ^Benchmark
echo "## Graphviz $(dot -V 2>&1 | cut -d' ' -f5): neato -n2 -Tpng, $runs runs"
for n in 10000 100000; do
	for i in $(seq "$runs"); do
		/usr/bin/time -f "neato N=$n: %e s wall, %U+%S s cpu, %M KB" neato -n2 -Tpng "$out/synth-$n.dot" -o "$out/synth-$n.png"
	done
done
