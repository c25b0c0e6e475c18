#!/bin/sh
# Alternates the scan (main at fb00158) and the index on the same 100k file:
#   go test -c -o /tmp/search/old.test ./graph   (in a worktree of fb00158,
#   with graph/index_scale_bench_test.go copied in)
#   go test -c -o /tmp/search/new.test ./graph
for round in 1 2 3; do
	for prog in old new; do
		echo "round $round $prog load $(cat /proc/loadavg)"
		LINKSCOPE_SEARCH_GRAPH=${FILE:-/tmp/search/g100k.json} /tmp/search/$prog.test -test.run '^$' \
			-test.bench 'NameIndexScale' -test.benchtime ${N:-5}x 2>&1 | grep Benchmark
	done
done
