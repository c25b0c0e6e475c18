#!/usr/bin/env bash
# Runs every Linkscope-vs-peers comparison of BENCHMARKS.md in one go, on
# the same files, alternating the two programs so both see the same load:
# loading, shortest paths (also checking every length against graphology's),
# ForceAtlas2 per iteration, rendering vs Graphviz; then the scale and
# analysis goals: loading at 120k and 1M (bench/load.sh), network analysis
# vs python-igraph (bench/analysis.sh), name search at 120k and 1M, and the
# real window under Xvfb at 100k and 1M (bench/window.sh).
#
#   make build && bash bench/run.sh [ROUNDS] > bench.log
#
# Needs the peers harness (../shared/peers) with `npm ci` done in a writable
# copy: PEERS=/path/to/copy (default /work/peers); graphs are generated there
# when missing. Graphviz (apt-get install graphviz) for the rendering part;
# python3-igraph and libigraph-dev (igraph's C core) for the analysis part.
set -euo pipefail
skip() { case " ${SKIP:-} " in *" $1 "*) return 0;; esac; return 1; }
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$here/../linkscope}
PEERS=${PEERS:-/work/peers}
ROUNDS=${1:-3}
cd "$PEERS"
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
mkdir -p graphs
gen() { [ -f "graphs/$2" ] || node gen.mjs --nodes "$1" --avgdeg "$3" --seed 42 --out "graphs/$2" 2>/dev/null; }
gen 10000 synth-N10000-d4-s42.json 4
gen 100000 synth-N100000-d4-s42.json 4
gen 120000 synth-N120000-d6-s42.json 6
echo "# $(date -u +%FT%TZ) $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" version); node $(node --version)"

if ! skip core; then # the peers comparisons of the Summary
echo "## load: 120k entities, 360k relations (in-process load time; peak RSS of the whole process)"
for r in $(seq "$ROUNDS"); do
  /usr/bin/time -o /tmp/ls-time -f "%M" "$BIN" validate --time graphs/synth-N120000-d6-s42.json |
    node -e 'const t=require("fs").readFileSync(0,"utf8");const kb=require("fs").readFileSync("/tmp/ls-time","utf8").trim();console.log(`linkscope load_ms ${/loaded in ([0-9.]+) ms/.exec(t)[1]}, peak_rss_mb ${(kb/1024).toFixed(1)}`)'
  node fa2.mjs graphs/synth-N120000-d6-s42.json --iters 1 --repeats 1 |
    node -e 'const r=JSON.parse(require("fs").readFileSync(0));console.log(`graphology load_ms ${r.load_ms}, peak_rss_mb ${r.peak_rss_mb}`)'
done

echo "## shortest paths: median us per query over the same 1000 pairs"
for n in 10000 100000; do
  F=graphs/synth-N$n-d4-s42.json
  for r in $(seq "$ROUNDS"); do
    gl=$(node sp.mjs "$F" --queries 1000 --pairs-out "/tmp/pairs$n.json")
    od=$("$BIN" path -d "$F" --pairs "/tmp/pairs$n.json" --directed --json)
    ou=$("$BIN" path -d "$F" --pairs "/tmp/pairs$n.json" --json)
    python3 - "$n" "$gl" "$od" "$ou" <<'PY'
import json, sys
n, gl, od, ou = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
print(f"N={n} directed: graphology {gl['directed_us_median']} linkscope {od['us_median']} | "
      f"undirected: graphology {gl['undirected_us_median']} linkscope {ou['us_median']}")
PY
  done
  node "$here/gl_lengths.mjs" "$F" "/tmp/pairs$n.json" > "/tmp/gl$n.json"
  python3 - "$n" "/tmp/gl$n.json" "$("$BIN" path -d "$F" --pairs "/tmp/pairs$n.json" --directed --json)" "$("$BIN" path -d "$F" --pairs "/tmp/pairs$n.json" --json)" <<'PY'
import json, sys
n, gl = sys.argv[1], json.load(open(sys.argv[2]))
for name, out in (("directed", sys.argv[3]), ("undirected", sys.argv[4])):
    ours = [r["length"] for r in json.loads(out)["results"]]
    bad = sum(a != b for a, b in zip(ours, gl[name]))
    print(f"N={n} {name}: {len(ours)} pairs, {bad} lengths differ from graphology's")
PY
done

echo "## ForceAtlas2: ms per iteration (Barnes-Hut, inferred settings)"
for spec in synth-N10000-d4-s42.json:100 synth-N100000-d4-s42.json:30; do
  f=graphs/${spec%%:*}; k=${spec##*:}
  for r in $(seq "$ROUNDS"); do
    "$BIN" layout -d "$f" --algo fa2 --iterations "$k" --seed "$r" --stats |
      node -e 'const r=JSON.parse(require("fs").readFileSync(0));console.log(`linkscope N=${r.nodes} ms_per_iter ${r.ms_per_iter.toFixed(1)}`)'
    node fa2.mjs "$f" --iters "$k" --repeats 1 --seed "$r" |
      node -e 'const r=JSON.parse(require("fs").readFileSync(0));console.log(`graphology N=${r.nodes} ms_per_iter ${r.bh_ms_per_iter}`)'
  done
done

if command -v neato >/dev/null; then
  echo "## rendering 1920x1080"
  (cd "$here/.." && LINKSCOPE_PEERS="$PEERS" bash app/render/renderbench/bench.sh "$ROUNDS")
fi
fi # core

# Issues 12 and 15: each has its own script, run here in turn so that one
# run of bench/run.sh measures every goal of BENCHMARKS.md. SKIP="core
# load analysis search interact window" leaves parts out (e.g. SKIP=window without a
# display server).
GRAPHS=${GRAPHS:-$PEERS/graphs}
export BIN PEERS
if ! skip load; then
  echo "## issue 15: loading, side by side with graphology (bench/load.sh)"
  GRAPHS=$GRAPHS PEER_1M=${PEER_1M:-0} bash "$here/load.sh" "$ROUNDS"
fi
if ! skip analysis; then
  echo "## issue 12: network analysis, side by side with python-igraph (bench/analysis.sh)"
  env -u GRAPHS bash "$here/analysis.sh" "$((ROUNDS < 5 ? 5 : ROUNDS))" # its GRAPHS is a list of names
fi
if ! skip search; then
  echo "## issue 15: name search, per query kind (BenchmarkNameIndexScale*, realistic names)"
  for f in real-N120000-M360000-s42.json real-N1000000-M3000000-s42.json; do
    [ -f "$GRAPHS/$f" ] || continue # made by bench/load.sh
    echo "### $f (load $(cut -d' ' -f1 /proc/loadavg))"
    (cd "$here/.." && LINKSCOPE_SEARCH_GRAPH="$GRAPHS/$f" go test -run='^$' -bench='NameIndexScale' -benchtime=5x ./graph/ | grep Benchmark)
  done
fi
if ! skip interact; then
  echo "## issue 15: exports, filter toggles, the timeline and the window's memory at 100k (bench/interact.sh)"
  GRAPHS=$GRAPHS bash "$here/interact.sh" "$ROUNDS"
fi
if ! skip window; then
  echo "## issue 15: the window under Xvfb (bench/window.sh: open, layout, pan, zoom, search, filter)"
  for f in synth-N100000-d4-s42.json synth-N1000000-d6-s42.json; do
    [ -f "$GRAPHS/$f" ] || continue
    echo "### $f (load $(cut -d' ' -f1 /proc/loadavg))"
    # at 1M the layout is paused before the gestures (its steps take
    # seconds there and would share the cores with the frames measured)
    # and the pans start on the background (PAN_X/PAN_Y, as
    # bench/view1m/window-ab.sh), not on an entity that a drag would move
    extra=(); [ "${f#synth-N1000000}" != "$f" ] && extra=(PAUSE_LAYOUT=1 PAN_X=330 PAN_Y=110)
    env "${extra[@]}" OUT=/tmp/window-bench-${f%.json} HEADLESS=1 OPEN_TIMEOUT=150 bash "$here/window.sh" "$GRAPHS/$f" 40
  done
fi
