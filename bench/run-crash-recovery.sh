#!/usr/bin/env bash
# Crash test: kill -9 Karaf during a 16-client write load, restart, check every acknowledged write.
#
#   bench/run-crash-recovery.sh [--rounds=3] [--clients=16] [--load-seconds=6]
#                               [--databases=derby,postgresql] [--pg=127.0.0.1:5432]
#                               [--pg-user=postgres] [--boot-timeout=300] [--seed=N]
#
# Each round kills the Karaf JVM with SIGKILL part-way through the load, restarts it on the same
# database and checks every acknowledged (201) case and its audit entry; at the end the audit
# chain must verify. Exits non-zero on any loss. See docs/benchmarks.md.
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
