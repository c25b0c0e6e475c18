import json, sys
from xml.sax.saxutils import escape
data, pos, out = sys.argv[1:4]
g = json.load(open(data))
P = json.load(open(pos))["positions"]
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    f.write('<key id="type" for="node" attr.name="type" attr.type="string"/>\n<key id="label" for="node" attr.name="label" attr.type="string"/>\n')
    f.write('<key id="x" for="node" attr.name="x" attr.type="double"/>\n<key id="y" for="node" attr.name="y" attr.type="double"/>\n')
    f.write('<key id="etype" for="edge" attr.name="type" attr.type="string"/>\n<key id="date" for="edge" attr.name="date" attr.type="string"/>\n<graph edgedefault="directed">\n')
    for n in g["nodes"]:
        x, y = P[n["id"]]
        f.write('<node id="%s"><data key="type">%s</data><data key="label">%s</data><data key="x">%g</data><data key="y">%g</data></node>\n' % (n["id"], n["type"], escape(n["label"]), x, y))
    for e in g["edges"]:
        d = ('<data key="date">%s</data>' % e["date"]) if e.get("date") else ""
        f.write('<edge source="%s" target="%s"><data key="etype">%s</data>%s</edge>\n' % (e["source"], e["target"], e["type"], d))
    f.write('</graph>\n</graphml>\n')
