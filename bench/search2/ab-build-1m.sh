#!/bin/sh
# Alternates the index build of main (4080508) and of h-search2 on the 1M file:
#   go test -c -o /tmp/search2/old.test ./graph   (main)
#   go test -c -o /tmp/search2/new.test ./graph   (h-search2)
for round in 1 2; do
	for prog in old new; do
		echo "round $round $prog load $(cat /proc/loadavg)"
		LINKSCOPE_SEARCH_GRAPH=${FILE:-/tmp/search2/real-1M.json} /tmp/search2/$prog.test -test.run '^$' \
			-test.bench 'NameIndexScaleBuild' -test.benchtime ${N:-3}x 2>&1 | grep Benchmark
	done
done
