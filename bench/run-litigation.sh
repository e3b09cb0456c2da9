#!/usr/bin/env bash
# Litigation calendar benchmark (issue 5): one office of N cases with 5 hearings and due dates each
# in the litigation module's own tables (schema from its migrations), then p50/p99 of the upcoming
# hearings of the office and of one attorney's calendar, with the statements the calendar service
# issues, on embedded Derby and on PostgreSQL.
#
#   bench/run-litigation.sh [N] [--databases=derby,postgresql] [--queries=500] [--attorneys=200]
#                           [--pg=127.0.0.1:5432]
#
# N defaults to 20000 cases (100,000 hearings and due dates); the issue's figure is N=200000
# (1,000,000). See docs/benchmarks.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }
mvn -B -q -f bench/pom.xml compile dependency:build-classpath 2>&1 | strip_ansi
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.casework.bench.LitigationCalendarBenchmark "$@"
