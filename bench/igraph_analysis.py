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
elif measure == "betweenness" and samples:
    # python-igraph 0.10.2 has no sources= (sampling): the same sampled
    # betweenness through igraph's C core (igraph_betweenness_subset, from
    # Debian's libigraph-dev), on the same simple graph written as an edge
    # list; its own JSON line (computation only) is the result
    import os, subprocess, tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    exe = os.path.join(tempfile.gettempdir(), "linkscope-bench", "igraph_betweenness_subset")
    src = os.path.join(here, "igraph_betweenness_subset.c")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        os.makedirs(os.path.dirname(exe), exist_ok=True)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "igraph"], capture_output=True, text=True)
        if flags.returncode != 0:
            sys.exit("igraph: sampled betweenness needs igraph's C library: apt-get install libigraph-dev")
        subprocess.run(["cc", "-O2", "-o", exe, src] + flags.stdout.split(), check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(f"{g.vcount()}\n")
        f.writelines(f"{a} {b}\n" for a, b in g.get_edgelist())
    try:
        r = subprocess.run([exe, f.name, str(samples)], capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    print(r.stdout.strip())
    sys.exit(0)
elif measure == "betweenness":
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
