#!/usr/bin/python3
"""Reference values for graph/analysis's tests, from networkx.

Run from this directory: /usr/bin/python3 oracle.py > networkx.json
(Debian's python3-networkx). Each case is a random multigraph without
self-loops (our measures leave loops out), given as its relations in order,
with every measure's value per entity, computed as the Go code documents:
degrees on the multigraph, the path measures, eigenvector and k-core on the
simple graph (nx.DiGraph(G) or nx.Graph(G)), PageRank on the multigraph
(parallel relations add weight), and Louvain's modularity for comparison
with Leiden.
"""
import json
import random
import sys

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python  # pure Python: no numpy needed

print("networkx", nx.__version__, file=sys.stderr)


def case(seed, n, m, directed):
    r = random.Random(seed)
    edges = []
    while len(edges) < m:
        a, b = r.randrange(n), r.randrange(n)
        if a != b:
            edges.append((a, b))
    multi = nx.MultiDiGraph() if directed else nx.MultiGraph()
    multi.add_nodes_from(range(n))
    multi.add_edges_from(edges)
    simple = nx.DiGraph(multi) if directed else nx.Graph(multi)
    und = nx.Graph(nx.MultiGraph(multi))
    out = {
        "seed": seed, "n": n, "directed": directed, "edges": edges,
        "degree": [multi.degree(v) for v in range(n)],
        "betweenness": [nx.betweenness_centrality(simple)[v] for v in range(n)],
        "closeness": [nx.closeness_centrality(simple)[v] for v in range(n)],
        "harmonic": [nx.harmonic_centrality(simple)[v] for v in range(n)],
        "pagerank": [_pagerank_python(multi, tol=1e-12, max_iter=10000)[v] for v in range(n)],
        "kcore": [nx.core_number(simple)[v] for v in range(n)],
    }
    if directed:
        out["indegree"] = [multi.in_degree(v) for v in range(n)]
        out["outdegree"] = [multi.out_degree(v) for v in range(n)]
    try:
        ev = nx.eigenvector_centrality(simple, max_iter=10000, tol=1e-12)
        out["eigenvector"] = [ev[v] for v in range(n)]
    except nx.PowerIterationFailedConvergence:
        pass
    # classes of pairwise k-edge-connected entities, k = 1..4
    out["kedge"] = {str(k): sorted(sorted(c) for c in nx.k_edge_components(und, k) if len(c) > 1) for k in range(1, 5)}
    comms = nx.community.louvain_communities(und, seed=seed)
    out["louvain_modularity"] = nx.community.modularity(und, comms)
    # a fixed partition to check our modularity formula on
    part = [v % 3 for v in range(n)]
    out["mod3"] = nx.community.modularity(und, [{v for v in range(n) if part[v] == c} for c in range(3)])
    out["mod3_res2"] = nx.community.modularity(und, [{v for v in range(n) if part[v] == c} for c in range(3)], resolution=2)
    return out


cases = []
seed = 1
for n, m in [(12, 20), (30, 60), (60, 100), (80, 300), (150, 400), (200, 350)]:
    for directed in (False, True):
        cases.append(case(seed, n, m, directed))
        seed += 1
# a graph with clear communities: 6 cliques of 8 joined in a ring
r = random.Random(99)
edges = []
for c in range(6):
    for a in range(8):
        for b in range(a + 1, 8):
            if r.random() < 0.8:
                edges.append((c * 8 + a, c * 8 + b))
    edges.append((c * 8, ((c + 1) % 6) * 8 + 1))
g = nx.Graph()
g.add_nodes_from(range(48))
g.add_edges_from(edges)
comms = nx.community.louvain_communities(g, seed=1)
cases.append({"seed": 99, "n": 48, "directed": False, "edges": edges, "planted": True,
              "louvain_modularity": nx.community.modularity(g, comms)})
json.dump({"networkx": nx.__version__, "cases": cases}, sys.stdout)
