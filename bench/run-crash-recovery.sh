#!/usr/bin/env bash
# Crash test: kill -9 Karaf during a 16-client write load, restart, check every acknowledged write.
#
#   bench/run-case-create.sh [N] [--clients=16] [--warmup=200] [--databases=derby,postgresql] [--audit=on,off]
#                            [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300]
#                            [--ds=key=value ...]
#
# N defaults to 2000 cases per timed run. Builds the distribution first when
# karaf-assembly/target/assembly is missing. See docs/benchmarks.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Maven 3.8 prints colour resets even in batch mode; keep the figures clean
strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

if [[ ! -x karaf-assembly/target/assembly/bin/karaf ]]; then
  echo "bench: building the distribution (mvn -B -DskipTests install)"
  mvn -B -q -DskipTests install 2>&1 | strip_ansi
fi

mvn -B -q -f bench/pom.xml compile dependency:build-classpath 2>&1 | strip_ansi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.casework.bench.CrashRecovery "--assembly=$root/karaf-assembly/target/assembly" "$@"
