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

source "$(dirname "$0")/common.sh"
run_bench org.casework.bench.CrashRecovery "$@"
