#!/usr/bin/env bash
# Export the Clearview case, a generated graph (directed and undirected,
# untyped and parallel relations, self-loops, unicode, control characters,
# properties named like the formats' fields, a 3000-character label) and
# the same graph with every relation undirected to
# every format Linkscope writes, then read each file with third-party
# tools: xmllint (GraphML and GEXF well-formed), Graphviz (`dot -Tsvg`
# accepts the DOT), networkx and igraph (same counts). Prints one line per
# check and exits 1 if any fails. Results are recorded in
# app/render/EXPORT-NOTES.md.
#
#   bash scripts/thirdparty.sh [WORKDIR]
#
# Needs: apt-get install -y python3-networkx python3-igraph graphviz libxml2-utils
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
# Each Python library is used from the first of python3 (PATH) and
# /usr/bin/python3 (Debian's, with the apt packages) that has it, the
# newest networkx first (networkx before 3.0 reads GEXF only up to 1.2).
py=python3
pick() { # MODULE -> the python that has it
	local best="" bestv=""
	for c in python3 /usr/bin/python3; do
		v=$($c -c "import $1; print($1.__version__)" 2>/dev/null) || continue
		if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$bestv" "$v" | sort -V | tail -1)" != "$bestv" ]; then best=$c bestv=$v; fi
	done
	[ -n "$best" ] || { echo "missing python module $1: apt-get install -y python3-networkx python3-igraph" >&2; exit 2; }
	echo "$best"
}
py_nx=$(pick networkx)
py_ig=$(pick igraph)
for tool in dot xmllint; do
	command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y graphviz libxml2-utils" >&2; exit 2; }
done

go build -o "$work/linkscope" .
ls="$work/linkscope"

# the generated graph
"$py" - "$work/generated.json" "$work/undirected.json" <<'PY'
import json, random, sys
random.seed(7)
n, nodes, edges = 300, [], []
shadow = ["type", "label", "date", "id", "source", "target", "ls_props", "ls_aliases", "weight", "x"]
for i in range(n):
    props = {k: f"v{i}-{k}" for k in shadow[: i % len(shadow)]}
    props["score"] = i * 0.5
    label = f"Entité {i} — 東京 \u0007ctl\u0001"
    if i == 7:
        label = "long " * 600
    nodes.append({"id": f"n{i}", "type": ["company", "person", "ngo"][i % 3], "label": label,
                  "aliases": [f"alias {i}"], "props": props})
for j in range(900):
    a, b = random.randrange(n), random.randrange(n)
    if j % 50 == 0:
        b = a  # self-loop
    e = {"id": f"r{j}", "source": f"n{a}", "target": f"n{b}"}
    if j % 4 == 0:
        e["untyped"] = True
    else:
        e["type"] = ["fined", "knows", "owns"][j % 3]
    if j % 3 == 0:
        e["undirected"] = True
    if j % 5 == 0:
        e["date"] = "2021-03-04"
        e["props"] = {"amount": j * 1000, "currency": "EUR", "type": "shadow", "label": "shadow"}
    edges.append(e)
    if j % 10 == 0:  # a parallel relation
        edges.append(dict(e, id=f"r{j}p"))
json.dump({"title": "generated", "nodes": nodes, "edges": edges}, open(sys.argv[1], "w"), ensure_ascii=False)
# the same graph with every relation undirected
for e in edges:
    e["undirected"] = True
json.dump({"title": "undirected", "nodes": nodes, "edges": edges}, open(sys.argv[2], "w"), ensure_ascii=False)
PY

status=0
run() { # NAME DATASET-FLAG...
	local name=$1
	shift
	for ext in json graphml gexf dot csv; do
		"$ls" export "$@" --layout circular --out "$work/$name.$ext" >/dev/null
	done
	local counts n m
	counts=$("$ls" stats "$@" --json)
	n=$(echo "$counts" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["nodes"])')
	m=$(echo "$counts" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["edges"])')
	echo "== $name: $n entities, $m relations"
	for ext in graphml gexf; do
		if xmllint --noout "$work/$name.$ext" 2>"$work/$name.$ext.xmllint"; then
			echo "ok   xmllint   ${ext^^} well-formed"
		else
			echo "FAIL xmllint   ${ext^^}: $(head -3 "$work/$name.$ext.xmllint")"
			status=1
		fi
	done
	# dot's own hierarchical layout takes minutes on the generated graph:
	# the positions written in the file are used (-Kneato -n2), and the
	# Clearview case is also laid out by dot itself.
	local engines="-Kneato -n2"
	[ "$name" = clearview ] && engines="-Kdot"
	if dot $engines -Tsvg "$work/$name.dot" -o "$work/$name.dot.svg" 2>"$work/$name.dot.err" && [ ! -s "$work/$name.dot.err" ]; then
		echo "ok   graphviz  dot $engines -Tsvg accepts the DOT without a warning"
	elif [ -s "$work/$name.dot.svg" ]; then
		echo "ok   graphviz  dot $engines -Tsvg accepts the DOT, with warnings: $(head -2 "$work/$name.dot.err" | tr '\n' ' ')"
	else
		echo "FAIL graphviz  dot $engines -Tsvg: $(head -3 "$work/$name.dot.err")"
		status=1
	fi
	local gcount
	gcount=$(gc -n -e "$work/$name.dot" | awk '{print $1, $2}')
	if [ "$gcount" = "$n $m" ]; then echo "ok   graphviz  gc counts $gcount"; else echo "FAIL graphviz  gc counts $gcount"; status=1; fi
	"$py_nx" scripts/thirdparty.py "$work" "$name" "$n" "$m" networkx || status=1
	"$py_ig" scripts/thirdparty.py "$work" "$name" "$n" "$m" igraph graphviz || status=1
	# and back into Linkscope
	for ext in json graphml gexf csv; do
		local back
		back=$("$ls" stats -d "$work/$name.$ext" --json | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["nodes"], d["edges"])')
		if [ "$back" = "$n $m" ]; then echo "ok   linkscope ${ext^^} reads back $back"; else echo "FAIL linkscope ${ext^^} reads back $back"; status=1; fi
	done
}
run clearview
run generated -d "$work/generated.json"
run undirected -d "$work/undirected.json"
exit $status
