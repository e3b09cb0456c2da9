#!/usr/bin/env bash
# Matching benchmark: how fast one thread compares prior-complaint candidates (org.casework.matching
# alone, in memory: no server, no database).
#
#   bench/run-matching.sh [N] [--probes=2000] [--candidates=500] [--rounds=3]
#
# N defaults to 200000 generated detainees (the complaints benchmark's generator). Prints
# candidates compared per second on one thread and the time per probe, per round; the first
# round warms up. See docs/benchmarks.md.
set -euo pipefail

source "$(dirname "$0")/common.sh"
run_bench_classes 3g org.casework.bench.MatchingThroughput "$@"
