#!/bin/sh
# Alternates the searches of main (4080508, old.test) and of h-search2
# (new2.test) on one bench/gen file (FILE), ROUNDS rounds, N runs a query:
#   go test -c -o /tmp/search2/old.test ./graph   (main)
#   go test -c -o /tmp/search2/new2.test ./graph  (h-search2)
for round in $(seq ${ROUNDS:-2}); do
	for prog in old new2; do
		echo "round $round $prog load $(cat /proc/loadavg)"
		LINKSCOPE_SEARCH_GRAPH=${FILE:-/tmp/search2/real-1M.json} /tmp/search2/$prog.test -test.run '^$' \
			-test.bench 'NameIndexScale' -test.benchtime ${N:-7}x 2>&1 | grep Benchmark
	done
done
