#!/usr/bin/env node
// ForceAtlas2 (graphology-layout-forceatlas2, synchronous) benchmark.
//
//   node fa2.mjs FILE --iters K [--repeats R] [--exact auto|yes|no] [--seed S]
//
// 1. load: readFileSync + JSON.parse + build a graphology MultiDirectedGraph
//    (timed, ms).
// 2. deterministic random initial positions (seeded, see lib.mjs).
// 3. settings = forceAtlas2.inferSettings(graph), then barnesHutOptimize
//    forced to true ("bh") and, when N <= 5000 (or --exact yes), false
//    ("exact"). For each mode: one untimed warm-up call (min(K,10) iterations), then R timed
//    calls of forceAtlas2(graph, {iterations: K, settings}), each from the
//    same initial positions (the non-assign API does not mutate the graph).
//    ms_per_iter = median(call wall time) / K. Each call includes the
//    library's one-off graph -> Float32Array conversion; its cost is reported
//    separately as setup_ms so it can be subtracted.
// Prints one JSON line.
//
// fa2pos.mjs = fa2.mjs plus --pos-out FILE: writes the Barnes-Hut run's final
// positions as {"positions":{"id":[x,y],...}} (for quality comparisons).
import { writeFileSync } from 'node:fs';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Helpers from 'graphology-layout-forceatlas2/helpers.js';
import { parseArgs, loadGraph, initialPositions, now, median, round, peakRssMb, emit } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { iters: '50', repeats: '3', exact: 'auto', seed: '1' });
const file = args._[0];
if (!file) { console.error('usage: node fa2.mjs FILE --iters K [--repeats R] [--exact auto|yes|no]'); process.exit(2); }
const K = parseInt(args.iters, 10);
const R = parseInt(args.repeats, 10);

const { graph, timings, bytes } = loadGraph(file);
const N = graph.order;

const { xs, ys } = initialPositions(N, parseInt(args.seed, 10));
let i = 0;
graph.forEachNode((node) => { graph.mergeNodeAttributes(node, { x: xs[i], y: ys[i] }); i++; });

const inferred = forceAtlas2.inferSettings(graph);

// Cost of the per-call graph -> typed-array conversion (median of 3).
const setupTimes = [];
for (let r = 0; r < 3; r++) {
  const t0 = now();
  fa2Helpers.graphToByteArrays(graph, () => 1);
  setupTimes.push(now() - t0);
}

function bench(barnesHutOptimize) {
  const settings = { ...inferred, barnesHutOptimize };
  forceAtlas2(graph, { iterations: Math.min(K, 10), settings }); // warm-up (JIT)
  const times = [];
  let positions;
  for (let r = 0; r < R; r++) {
    const t0 = now();
    positions = forceAtlas2(graph, { iterations: K, settings });
    times.push(now() - t0);
  }
  // cheap sanity value: spread of the final layout (also keeps the result live)
  let minX = Infinity, maxX = -Infinity;
  for (const k in positions) { const x = positions[k].x; if (x < minX) minX = x; if (x > maxX) maxX = x; }
  if (barnesHutOptimize && args['pos-out']) {
    const out = {};
    for (const k in positions) out[k] = [positions[k].x, positions[k].y];
    writeFileSync(args['pos-out'], JSON.stringify({ positions: out }));
  }
  const med = median(times);
  return {
    ms_per_iter: round(med / K, 3),
    ms_total_median: round(med, 1),
    ms_total_all: times.map((t) => round(t, 1)),
    final_x_span: round(maxX - minX, 1),
  };
}

const doExact = args.exact === 'yes' || (args.exact === 'auto' && N <= 5000);
const bh = bench(true);
const exact = doExact ? bench(false) : null;

emit({
  bench: 'fa2', lib: 'graphology-layout-forceatlas2@0.10.1', graphology: '0.26.0',
  file, bytes, nodes: N, edges: graph.size, ...timings,
  iters: K, repeats: R,
  settings: { ...inferred, barnesHutOptimize: 'varies' },
  setup_ms: round(median(setupTimes), 2),
  bh_ms_per_iter: bh.ms_per_iter, exact_ms_per_iter: exact ? exact.ms_per_iter : null,
  bh, exact,
  node: process.version, peak_rss_mb: peakRssMb(),
});
