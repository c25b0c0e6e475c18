#!/usr/bin/env bash
# CPU time (all cores) of components and k-core as `analyze` computes
# them, for analysis test binaries (go test -c) alternated with
# python-igraph's cpu_ms, ROUNDS times; medians and ratios to igraph
# (bench/comp-ab.sh with CPU=1).
#
#   BINS="base=/tmp/base.test new=/tmp/new.test" bash bench/comp-cpu.sh [ROUNDS]
exec env CPU=1 bash "$(dirname "$0")/comp-ab.sh" "${1:-5}"
