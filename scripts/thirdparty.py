#!/usr/bin/env python3
"""Read Linkscope's exports with third-party tools and compare the counts.

Usage: thirdparty.py DIR NAME ENTITIES RELATIONS [networkx|igraph|graphviz ...]

DIR holds NAME.graphml, NAME.gexf, NAME.json, NAME-nodes.csv,
NAME-edges.csv and NAME.dot.svg (what `dot -Tsvg` made of NAME.dot), all
written by scripts/thirdparty.sh. Prints one line per check, "ok" or
"FAIL", and exits 1 when any check fails (a missing module is a failure,
never a skip).
"""
import csv
import json
import os
import re
import sys

d, name, n, m = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
only = sys.argv[5:] or ["networkx", "igraph", "graphviz"]
failed = False


def p(ext):
    return os.path.join(d, name + ext)


def check(tool, fmt, got_n, got_m, extra=""):
    global failed
    ok = got_n == n and got_m == m
    failed |= not ok
    want = "" if ok else f" (want {n}, {m})"
    print(f"{'ok  ' if ok else 'FAIL'} {tool:<9} {fmt:<8} {got_n} entities, {got_m} relations{want}{extra}")


def csv_tables():
    with open(p("-nodes.csv"), newline="", encoding="utf-8") as f:
        ids = [r["Id"] for r in csv.DictReader(f)]
    with open(p("-edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return ids, rows


def run_networkx():
    import networkx as nx
    print(f"     networkx {nx.__version__} (python {sys.version.split()[0]})")
    g = nx.read_graphml(p(".graphml"), force_multigraph=True)
    check("networkx", "GraphML", g.number_of_nodes(), g.number_of_edges(),
          f" ({'directed' if g.is_directed() else 'undirected'} {type(g).__name__})")
    g = nx.read_gexf(p(".gexf"))
    check("networkx", "GEXF", g.number_of_nodes(), g.number_of_edges(),
          f" ({'directed' if g.is_directed() else 'undirected'} {type(g).__name__})")
    ids, rows = csv_tables()
    g = nx.MultiDiGraph()
    g.add_nodes_from(ids)
    g.add_edges_from((r["Source"], r["Target"]) for r in rows)
    und = sum(1 for r in rows if r["Type"].lower() == "undirected")
    check("networkx", "CSV", g.number_of_nodes(), g.number_of_edges(), f" ({und} Type=Undirected)")
    with open(p(".json"), encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.MultiDiGraph()
    g.add_nodes_from(x["id"] for x in doc.get("nodes") or [])
    g.add_edges_from((e["source"], e["target"]) for e in doc.get("edges") or [])
    und = sum(1 for e in doc.get("edges") or [] if e.get("undirected"))
    unt = sum(1 for e in doc.get("edges") or [] if e.get("untyped"))
    check("networkx", "JSON", g.number_of_nodes(), g.number_of_edges(), f" ({und} undirected, {unt} untyped)")


def run_igraph():
    import igraph
    print(f"     igraph {igraph.__version__} (python {sys.version.split()[0]})")
    g = igraph.Graph.Read_GraphML(p(".graphml"))
    check("igraph", "GraphML", g.vcount(), g.ecount(), f" ({'directed' if g.is_directed() else 'undirected'})")
    ids, rows = csv_tables()
    g = igraph.Graph(directed=True)
    g.add_vertices(ids)
    g.add_edges([(r["Source"], r["Target"]) for r in rows])
    check("igraph", "CSV", g.vcount(), g.ecount())


def run_graphviz():
    with open(p(".dot.svg"), encoding="utf-8") as f:
        svg = f.read()
    check("graphviz", "DOT", len(re.findall(r'<g id="[^"]*" class="node"', svg)),
          len(re.findall(r'<g id="[^"]*" class="edge"', svg)))


for tool in only:
    try:
        globals()["run_" + tool]()
    except Exception as e:  # a reader that refuses the file is a failure
        failed = True
        print(f"FAIL {tool:<9} {type(e).__name__}: {e}")
sys.exit(1 if failed else 0)
