// Prints graphology's shortest-path length for every pair (-1: none),
// directed and undirected, as {"directed":[...],"undirected":[...]}.
// Run from the peers directory: node /path/to/gl_lengths.mjs FILE PAIRS
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const peers = process.cwd();
const { bidirectional } = await import(pathToFileURL(resolve(peers, 'node_modules/graphology-shortest-path/unweighted.js')));
const { readGraphJson, buildGraph } = await import(pathToFileURL(resolve(peers, 'lib.mjs')));
const [file, pairsFile] = process.argv.slice(2);
const { data } = readGraphJson(file);
const pairs = JSON.parse(readFileSync(pairsFile, 'utf8'));
const out = {};
for (const [name, undirected] of [['directed', false], ['undirected', true]]) {
  const g = buildGraph(data, { undirected });
  out[name] = pairs.map(([s, t]) => { const p = bidirectional(g, s, t); return p ? p.length - 1 : -1; });
}
console.log(JSON.stringify(out));
