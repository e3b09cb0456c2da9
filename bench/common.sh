# Shared by the bench/run-*.sh scripts: builds what is missing, then runs one benchmark class in a
# JVM of its own against the built distribution. Usage: run_bench <main class> [arguments...]
run_bench() {
  local main="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"

  # Maven 3.8 prints colour resets even in batch mode; keep the figures clean
  strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

  if [[ ! -x karaf-assembly/target/assembly/bin/karaf ]]; then
    echo "bench: building the distribution (mvn -B -DskipTests install)"
    mvn -B -q -DskipTests install 2>&1 | strip_ansi
  fi

  mvn -B -q -f bench/pom.xml compile dependency:build-classpath 2>&1 | strip_ansi

  local java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  exec "$java_cmd" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    "$main" "--assembly=$root/karaf-assembly/target/assembly" "$@"
}

# For benchmarks that need no distribution (the matcher alone): compiles the bench module and
# the server classes it uses in the reactor, so it never runs stale copies from the local
# repository, then runs the class. Usage: run_bench_classes <heap> <main class> [arguments...]
run_bench_classes() {
  local heap="$1" main="$2"
  shift 2
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"
  strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

  mvn -B -q -pl bench -am compile dependency:build-classpath -Dcasework.crash.skip=true 2>&1 | strip_ansi

  local java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  exec "$java_cmd" "-Xmx$heap" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
}
