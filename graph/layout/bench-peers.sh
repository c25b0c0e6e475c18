#!/usr/bin/env bash
# Compares `linkscope layout --algo fa2` with graphology-layout-forceatlas2
# (the peers' fa2.mjs) on the peers' synthetic graphs, on this machine, in
# one run. Prints one JSON line per measurement (see BENCH-NOTES.md).
#
#   go build -o /tmp/linkscope . && bash graph/layout/bench-peers.sh > /tmp/fa2-bench.jsonl
#
# Env: BIN (linkscope binary), PEERS (peers dir with graphs/ and
# node_modules/), OUT (scratch dir for position files), PARTS ("speed
# quality" by default).
set -euo pipefail
BIN=${BIN:-/tmp/linkscope}
PEERS=${PEERS:-/work/peers}
OUT=${OUT:-/tmp/fa2-bench}
PARTS=${PARTS:-speed quality}
mkdir -p "$OUT"
G10=$PEERS/graphs/synth-N10000-d4-s42.json
G100=$PEERS/graphs/synth-N100000-d4-s42.json
tag() { sed "s/^{/{\"run\":\"$1\",/"; }

# fa2pos.mjs = fa2.mjs + --pos-out FILE (writes the final positions).
# Our copy lives in bench/; it imports the peers' lib.mjs, so it runs from
# the peers directory.
if [ ! -f "$PEERS/fa2pos.mjs" ]; then
  cp "$(dirname "$0")/../../bench/fa2pos.mjs" "$PEERS/fa2pos.mjs"
fi

# 1. Speed: same file, same iteration count, alternating, 3 repeats each.
case " $PARTS " in *" speed "*) ;; *) false ;; esac &&
for spec in "$G10:100" "$G100:30"; do
  f=${spec%%:*}; k=${spec##*:}
  for r in 1 2 3; do
    "$BIN" layout -d "$f" --algo fa2 --iterations "$k" --seed "$r" --stats | tag "speed-go"
    (cd "$PEERS" && node fa2.mjs "$f" --iters "$k" --repeats 1 --seed "$r") | tag "speed-graphology"
  done
done

# 2. Quality: 3 seeds each; graphology's positions are measured by the same
#    Go code (linkscope layout --algo none --init FILE --stats).
case " $PARTS " in *" quality "*) ;; *) exit 0 ;; esac
for spec in "$G10:300:10k" "$G100:100:100k"; do
  IFS=: read -r f k n <<<"$spec"
  for s in 1 2 3; do
    "$BIN" layout -d "$f" --algo fa2 --iterations "$k" --seed "$s" --stats --out "$OUT/go-$n-$s.json" | tag "quality-go"
    pos="$OUT/graphology-$n-$k-s$s.json"
    if [ ! -f "$pos" ]; then
      (cd "$PEERS" && node fa2pos.mjs "$f" --iters "$k" --repeats 1 --seed "$s" --pos-out "$pos") | tag "quality-graphology-run"
    fi
    "$BIN" layout -d "$f" --algo none --init "$pos" --stats | tag "quality-graphology"
  done
done
