#!/usr/bin/env python3
"""Writes the networkx-*.graphml and networkx-*.gexf files of this folder
with networkx (python3-networkx), and prints what networkx reads back, the
counts that field_test.go asserts. Run from this folder."""
import networkx as nx

g = nx.karate_club_graph()  # undirected, 34 nodes, 78 edges, int "weight"
nx.write_graphml(g, "networkx-karate.graphml")
nx.write_gexf(g, "networkx-karate.gexf")

d = nx.MultiDiGraph()
d.add_edge("cnil", "clearview", key="k1", type="fined", amount=20000000)
d.add_edge("cnil", "clearview", key="k2", type="fined", amount=5200000)
d.add_edge("noyb", "cnil")
d.nodes["cnil"]["label"] = "CNIL"
d.nodes["cnil"]["founded"] = 1978
nx.write_graphml(d, "networkx-multi.graphml")

for f in ["networkx-karate.graphml", "networkx-karate.gexf", "networkx-multi.graphml"]:
    h = nx.read_gexf(f) if f.endswith(".gexf") else nx.read_graphml(f)
    print(f, h.number_of_nodes(), h.number_of_edges(), "directed" if h.is_directed() else "undirected")
