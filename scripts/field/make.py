#!/usr/bin/python3
"""Writes graph files the way networkx and igraph write them, with the
counts and directedness those libraries read back, for scripts/field/check.sh.

    python3 scripts/field/make.py OUTDIR   # writes OUTDIR/*.graphml|gexf and OUTDIR/expected.tsv
"""
import os
import sys

import igraph as ig
import networkx as nx

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/field"
os.makedirs(out, exist_ok=True)
rows = []


def expect(name, n, m, directed):
    rows.append(f"{name}\t{n}\t{m}\t{'directed' if directed else 'undirected'}")


# networkx: the karate club (undirected, a node attribute "club")
k = nx.karate_club_graph()
nx.write_graphml(k, f"{out}/nx-karate.graphml")
nx.write_gexf(k, f"{out}/nx-karate.gexf")
expect("nx-karate.graphml", k.number_of_nodes(), k.number_of_edges(), False)
expect("nx-karate.gexf", k.number_of_nodes(), k.number_of_edges(), False)

# networkx: Les Misérables (undirected, weighted, accented names)
lm = nx.les_miserables_graph()
nx.write_graphml(lm, f"{out}/nx-lesmis.graphml")
nx.write_gexf(lm, f"{out}/nx-lesmis.gexf")
expect("nx-lesmis.graphml", lm.number_of_nodes(), lm.number_of_edges(), False)
expect("nx-lesmis.gexf", lm.number_of_nodes(), lm.number_of_edges(), False)

# networkx: a directed multigraph with typed, dated relations and positions
d = nx.MultiDiGraph()
d.add_node("cnil", label="CNIL", kind="regulator", founded=1978)
d.add_node("cv", label="Clearview AI", kind="company", big=2**60)
d.add_node("noyb", label="noyb", kind="ngo", active=True)
d.add_edge("cnil", "cv", key="f1", type="fined", amount=20000000.0, date="2022-10-17")
d.add_edge("cnil", "cv", key="o1", type="ordered", date="2021-12")
d.add_edge("noyb", "cnil", key="c1", type="complained-to")
for n, (x, y) in {"cnil": (0, 0), "cv": (100, 50), "noyb": (-80, 40)}.items():
    d.nodes[n]["viz"] = {"position": {"x": x, "y": y, "z": 0.0}, "color": {"r": 200, "g": 30, "b": 30, "a": 1.0}, "size": 10}
nx.write_gexf(d, f"{out}/nx-case.gexf")
dd = nx.MultiDiGraph(d)
for n in dd.nodes:
    dd.nodes[n].pop("viz", None)
nx.write_graphml(dd, f"{out}/nx-case.graphml")
expect("nx-case.gexf", 3, 3, True)
expect("nx-case.graphml", 3, 3, True)

# igraph: a directed ring and an undirected Zachary graph
r = ig.Graph.Ring(12, directed=True)
r.vs["name"] = [f"v{i}" for i in range(12)]
r.write_graphml(f"{out}/ig-ring.graphml")
expect("ig-ring.graphml", 12, 12, True)
z = ig.Graph.Famous("Zachary")
z.write_graphml(f"{out}/ig-zachary.graphml")
expect("ig-zachary.graphml", z.vcount(), z.ecount(), False)

with open(f"{out}/expected.tsv", "w") as f:
    f.write("\n".join(rows) + "\n")
print(f"wrote {len(rows)} files to {out}")
