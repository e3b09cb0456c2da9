#!/usr/bin/env bash
# Complaints benchmark (issue 4): bulk-loads N generated complaints, then measures staff intake
# through REST (triage on) and the prior-complaint lookup, on embedded Derby and on PostgreSQL.
#
#   bench/run-complaints.sh [N] [--databases=derby,postgresql] [--clients=16] [--intake=2000]
#                           [--warmup=200] [--lookups=2000] [--lookup-clients=1,16] [--load-threads=3]
#                           [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300]
#                           [--complaints-cfg=triageCandidates=250 ...] [--keep] [--reuse=casework_bench_...]
#
# N defaults to 20000 complaints (the issue's figure is N=1000000). Builds the distribution first
# when karaf-assembly/target/assembly is missing. --reuse=NAME (with --databases=postgresql) reruns
# the timed phases on a database an earlier run kept with --keep, without loading; it never drops
# it, and every rerun adds its intakes to it. See docs/benchmarks.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

if [[ ! -x karaf-assembly/target/assembly/bin/karaf ]]; then
  echo "bench: building the distribution (mvn -B verify -DskipTests)"
  mvn -B -q verify -DskipTests 2>&1 | strip_ansi
fi

# The loader computes rows with the server's own classes (search index, complaint type, person
# matcher): compile them in the reactor and run against their target/classes, so the benchmark
# never uses stale copies from the local repository.
mvn -B -q -pl bench -am compile dependency:build-classpath -Dcasework.crash.skip=true 2>&1 | strip_ansi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Xmx3g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.casework.bench.ComplaintBenchmark "--assembly=$root/karaf-assembly/target/assembly" "$@"
