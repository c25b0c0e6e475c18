#!/usr/bin/env python3
"""Summarises bench/filters-window.sh logs: for each run (a "== NAME load"
header), the medians of change-to-screen time (filter apply ms=) for the
type toggles and the timeline steps, the filter frames' render time, and
the frames drawn per change (frames lines after one filter change, up to
the next; the slider's steps are its visibility lines).

  python3 bench/filters-summary.py LOG...
"""
import re, statistics, sys

def med(xs):
    return "%.0f (%.0f-%.0f, n=%d)" % (statistics.median(xs), min(xs), max(xs), len(xs)) if xs else "-"

for path in sys.argv[1:]:
    runs = []
    for line in open(path):
        if line.startswith("== ") and not line.startswith("== end"):
            runs.append({"name": line.split()[1], "load": line.split("load")[1].split()[0], "lines": []})
        elif line.startswith("== end") and runs:
            runs[-1]["end"] = line.split("load")[1].split()[0]
        elif runs:
            runs[-1]["lines"].append(line)
    for r in runs:
        apply = {"type": [], "timeline": []}
        fms = {"type": [], "timeline": []}
        per = {"type": [], "timeline": []}
        waits, delivers = [], []
        # events: each visibility line starts one; a toggle is one whose
        # visibility line is followed by its change line, a slider step
        # one that is not (after the toggles)
        events = []
        for l in r["lines"]:
            m = re.search(r"filter \S+ apply what=(\S+) ms=([\d.]+)", l)
            if m:
                apply["timeline" if m.group(1) == "timeline" else "type"].append(float(m.group(2)))
            if " filter " in l and " visibility " in l:
                events.append({"toggle": False, "frames": 0})
            elif " filter " in l and " change " in l and events:
                events[-1]["toggle"] = True
            elif " frames " in l and " frame " in l and events:
                events[-1]["frames"] += 1
                m = re.search(r" ms=([\d.]+) .*why=filter", l)
                if m:
                    fms["timeline" if events[-1]["toggle"] is False else "type"].append(float(m.group(1)))
                m = re.search(r"wait=([\d.]+) deliver=([\d.]+)", l)
                if m and "why=filter" in l:
                    waits.append(float(m.group(1)))
                    delivers.append(float(m.group(2)))
        first = next((i for i, e in enumerate(events) if e["toggle"]), len(events))
        k = first
        while k < len(events) and events[k]["toggle"]:
            per["type"].append(events[k]["frames"])
            k += 1
        # the slider's steps, up to its commit (a change)
        while k < len(events) and not events[k]["toggle"]:
            per["timeline"].append(events[k]["frames"])
            k += 1
        print("%s (%s, load %s-%s)" % (r["name"], path, r["load"], r.get("end", "?")))
        print("  type toggle apply ms:   %s" % med(apply["type"]))
        print("  timeline step apply ms: %s" % med(apply["timeline"]))
        print("  filter frame render ms: %s" % med(fms["type"] + fms["timeline"]))
        print("  frames per toggle:      %s" % med([float(x) for x in per["type"]]))
        print("  frames per slider step: %s" % med([float(x) for x in per["timeline"]]))
        if waits:
            print("  filter frame wait ms:   %s, deliver ms: %s" % (med(waits), med(delivers)))
