#!/usr/bin/env bash
# Litigation calendar benchmark (issue 5): boots a copy of the distribution once (migrations make
# the schema), stops it, bulk-loads N litigation cases with 3 hearings and 2 due dates each (the
# engine's and the module's rows), boots it again, creates an attorney of the office through the
# API and times, through REST, the office's upcoming hearings and one attorney's calendar, on
# embedded Derby and on PostgreSQL.
#
#   bench/run-litigation.sh [N] [--databases=derby,postgresql] [--clients=1,8] [--requests=1000]
#                           [--warmup=200] [--attorneys=200] [--load-threads=3]
#                           [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300] [--keep]
#
# N defaults to 20000 cases (100,000 hearings and due dates); the issue's figure is N=200000
# (1,000,000). Builds the distribution first when karaf-assembly/target/assembly is missing. See
# docs/benchmarks.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

if [[ ! -x karaf-assembly/target/assembly/bin/karaf ]]; then
  echo "bench: building the distribution (mvn -B verify -DskipTests)"
  mvn -B -q verify -DskipTests 2>&1 | strip_ansi
fi

# The loader computes rows with the server's own classes (search index, the litigation case
# types): compile them in the reactor and run against their target/classes.
mvn -B -q -pl bench -am compile dependency:build-classpath -Dcasework.crash.skip=true 2>&1 | strip_ansi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.casework.bench.LitigationCalendarBenchmark "--assembly=$root/karaf-assembly/target/assembly" "$@"
