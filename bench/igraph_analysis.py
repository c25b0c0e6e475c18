#!/usr/bin/python3
"""python-igraph's timings for the measures `linkscope analyze` computes,
on a Linkscope/graphology JSON graph (Debian's python3-igraph, C core).

  /usr/bin/python3 bench/igraph_analysis.py FILE MEASURE [--samples K]

Prints one JSON line: {"measure", "ms", "cpu_ms", ...}; ms is the
computation only, loading excluded, as `linkscope analyze --json` reports
it; cpu_ms the process's CPU time over the same call (igraph runs on one
core: on a machine shared with other work, the figure the load moves
least). The graph is
read as Linkscope reads it for these measures: one undirected link per
pair, self-loops left out (igraph's simplify()).
"""
import json
import random
import sys
import time

import igraph as ig

path, measure = sys.argv[1], sys.argv[2]
samples = 1000
if "--samples" in sys.argv:
    samples = int(sys.argv[sys.argv.index("--samples") + 1])
with open(path, "rb") as f:
    data = json.load(f)
index = {n["id"]: i for i, n in enumerate(data["nodes"])}
edges = [(index[e["source"]], index[e["target"]]) for e in data["edges"]]
g = ig.Graph(n=len(index), edges=edges, directed=False)
g.simplify()
out = {"measure": measure, "peer": "python-igraph " + ig.__version__}
t = time.perf_counter()
c0 = time.process_time()
if measure == "pagerank":
    v = g.pagerank(damping=0.85)
    out["top"] = max(range(len(v)), key=v.__getitem__)
elif measure == "communities":
    best = None
    # igraph's Leiden on modularity, iterated until stable (n_iterations<0),
    # as Linkscope runs its passes until nothing changes
    c = g.community_leiden(objective_function="modularity", resolution_parameter=1, n_iterations=-1)
    out["modularity"] = g.modularity(c.membership)
    out["communities"] = len(c)
elif measure == "louvain":
    c = g.community_multilevel(resolution=1)
    out["modularity"] = g.modularity(c.membership)
elif measure == "betweenness":
    # python-igraph 0.10.2 has no sources= (sampling): exact only
    if samples:
        sys.exit("igraph: betweenness is exact only here (--samples 0)")
    v = g.betweenness(directed=False)
elif measure == "components":
    c = g.connected_components()
    out["components"] = len(c)
elif measure == "kcore":
    g.coreness()
elif measure == "closeness":
    g.closeness()
else:
    sys.exit("unknown measure " + measure)
out["ms"] = round((time.perf_counter() - t) * 1000, 2)
out["cpu_ms"] = round((time.process_time() - c0) * 1000, 2)
print(json.dumps(out))
