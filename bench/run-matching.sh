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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

# the matching classes of this checkout, compiled in the reactor, never stale copies from the local repository
mvn -B -q -pl bench -am compile dependency:build-classpath -Dcasework.crash.skip=true 2>&1 | strip_ansi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Xmx3g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.casework.bench.MatchingThroughput "$@"
