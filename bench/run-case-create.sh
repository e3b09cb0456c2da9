#!/usr/bin/env bash
# Case-creation benchmark: REST API vs. raw JDBC, on embedded Derby and on PostgreSQL.
#
#   bench/run-case-create.sh [N] [--clients=16] [--warmup=200] [--databases=derby,postgresql] [--audit=on,off]
#                            [--pg=127.0.0.1:5432] [--pg-user=postgres] [--boot-timeout=300]
#                            [--ds=key=value ...]
#
# N defaults to 2000 cases per timed run. Builds the distribution first when
# karaf-assembly/target/assembly is missing. See docs/benchmarks.md.
set -euo pipefail

source "$(dirname "$0")/common.sh"
run_bench org.casework.bench.CaseCreateBenchmark "$@"
